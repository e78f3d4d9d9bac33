package org.machr.codegen.x86_64.asm;

import java.util.LinkedHashMap;
import java.util.Map;
import org.machr.diag.Span;
import org.machr.link.Symbol;

/** The assembler's symbol table: labels, {@code .set} constants and what directives say about them. */
final class Symbols {

    static final class Info {
        final String name;
        Span span;
        AsmSection section;
        int itemIndex = -1;
        Expr equ;
        /** Where {@code .set} was given: {@code .} in its expression is that place. */
        AsmSection equSection;
        int equIndex;
        boolean global;
        boolean weak;
        Symbol.Type type = Symbol.Type.NOTYPE;
        Expr size;
        /** Where {@code .size} was given, for {@code .} in its expression. */
        AsmSection sizeSection;
        int sizeIndex;
        boolean evaluating;

        Info(String name) {
            this.name = name;
        }

        boolean isLabel() {
            return section != null;
        }

        /** Visible to other objects (and so never resolved at assembly time by PC-relative fixups). */
        boolean isPreemptible() {
            return global || weak;
        }

        long offset() {
            return section.offsets[itemIndex];
        }

        /** Whether the symbol goes into the object's symbol table. */
        boolean isEmitted() {
            return !name.startsWith(".L") || global || weak;
        }
    }

    final Map<String, Info> byName = new LinkedHashMap<>();

    Info get(String name) {
        return byName.computeIfAbsent(name, Info::new);
    }

    Info find(String name) {
        return byName.get(name);
    }
}
