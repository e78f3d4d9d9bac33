package org.machr.link;

import java.util.Objects;

/** Where a symbol's value is relative to: a section of its object, nothing (undefined), or absolute. */
public sealed interface SymbolDefinition {

    /** Defined at an offset in the named section of the same object file. */
    record InSection(String section) implements SymbolDefinition {
        public InSection {
            Objects.requireNonNull(section, "section");
        }
    }

    /** Referenced here, defined in another object file (or by the linker). */
    record Undefined() implements SymbolDefinition {}

    /** A constant value, not relocated by the linker. */
    record Absolute() implements SymbolDefinition {}

    SymbolDefinition UNDEFINED = new Undefined();
    SymbolDefinition ABSOLUTE = new Absolute();

    static SymbolDefinition in(String section) {
        return new InSection(section);
    }
}
