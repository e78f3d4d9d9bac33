package org.machr.codegen.common;

import org.machr.diag.Span;

/**
 * A reference from the code to a symbol that the buffer cannot resolve (another section, another
 * object): handed to the linker object model as a relocation.
 *
 * @param offset where the relocated field begins in the buffer
 * @param kind   a format-neutral relocation kind of one architecture, e.g. {@code A64Reloc.CALL26}
 * @param symbol the symbol's name
 * @param addend added to the symbol's address
 * @param span   the source position for diagnostics, or {@code null}
 */
public record ExternalReloc(int offset, Enum<?> kind, String symbol, long addend, Span span) {
    public ExternalReloc {
        if (kind == null || symbol == null || symbol.isEmpty()) {
            throw new IllegalArgumentException("relocation needs a kind and a symbol");
        }
    }
}
