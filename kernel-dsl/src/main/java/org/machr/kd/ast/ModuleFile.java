package org.machr.kd.ast;

import java.util.List;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * One parsed {@code .kd} file: a module (docs/language.md §2).
 *
 * @param declaredName the name of a {@code module} line, or null
 */
public record ModuleFile(SourceFile source, String declaredName, Span declaredSpan, List<Use> uses, List<Decl> decls) {

    /** {@code use a.b.c [as x];} */
    public record Use(List<String> path, String alias, Span span) {}
}
