package org.machr.codegen.x86_64;

import org.machr.codegen.common.Label;

/**
 * What a branch, a RIP-relative or absolute displacement, or a symbolic immediate refers to: a named
 * symbol (resolved by the assembler or the linker) or a label of the {@link org.machr.codegen.common.CodeBuffer}
 * the code is emitted into.
 */
public sealed interface Target {

    /** A symbol by name, e.g. {@code memcpy} or {@code .Lloop}. */
    record Symbol(String name) implements Target {
        public Symbol {
            if (name == null || name.isEmpty()) throw new IllegalArgumentException("symbol name is empty");
        }
    }

    /** A code-buffer label. */
    record Local(Label label) implements Target {
        public Local {
            if (label == null) throw new IllegalArgumentException("label is null");
        }
    }

    static Target symbol(String name) {
        return new Symbol(name);
    }

    /** The name shown in assembly text. */
    default String displayName() {
        return switch (this) {
            case Symbol s -> s.name();
            case Local l -> l.label().name();
        };
    }
}
