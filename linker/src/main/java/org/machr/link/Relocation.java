package org.machr.link;

import java.util.Objects;

/**
 * A place in a section that the linker patches once addresses are known.
 *
 * @param section the name of the patched section in the same object file
 * @param offset  the byte offset of the patched place (the instruction or data word) in that section
 * @param kind    what to compute and how to insert it
 * @param symbol  the name of the symbol S (a section symbol's name is its section's name)
 * @param addend  A, added to the symbol's address
 */
public record Relocation(String section, long offset, RelocKind kind, String symbol, long addend) {

    public Relocation {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(symbol, "symbol");
        if (offset < 0) throw new IllegalArgumentException("negative relocation offset " + offset);
    }
}
