package org.machr.kd.check;

import java.util.List;
import java.util.Set;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;

/** Validates attributes (docs/language.md §4): known names, places and argument shapes. */
final class AttributeChecker {

    private AttributeChecker() {}

    static void check(Checker checker, ModuleInfo m) {
        for (Decl d : m.file().decls()) {
            switch (d) {
                case Decl.Fn f -> each(checker, f.attributes(), Set.of("section", "symbol"));
                case Decl.Global g -> each(checker, g.attributes(), Set.of("section", "symbol", "align"));
                case Decl.Struct s -> {
                    each(checker, s.attributes(), Set.of("align"));
                    for (Decl.Field f : s.fields()) each(checker, f.attributes(), Set.of("align"));
                }
                default -> { }
            }
        }
    }

    private static void each(Checker checker, List<Decl.Attribute> attributes, Set<String> allowed) {
        for (Decl.Attribute a : attributes) {
            boolean known = a.name().equals("section") || a.name().equals("symbol") || a.name().equals("align");
            if (!known) {
                checker.diagnostics.error(KdCode.KD0450, a.span(), "unknown attribute '" + a.name() + "'");
            } else if (!allowed.contains(a.name())) {
                checker.diagnostics.error(KdCode.KD0450, a.span(), "attribute '" + a.name() + "' is not allowed here");
            } else if (!a.name().equals("align") && (a.args().size() != 1 || !(a.args().get(0) instanceof String))) {
                checker.diagnostics.error(KdCode.KD0451, a.span(), "'" + a.name() + "' takes one string");
            } else if (a.name().equals("section") && !org.machr.kd.ir.IrSections.validName((String) a.args().get(0))) {
                checker.diagnostics.error(KdCode.KD0451, a.span(), "section name '" + a.args().get(0)
                        + "' must be printable, without blanks, quotes or commas");
            }
        }
    }
}
