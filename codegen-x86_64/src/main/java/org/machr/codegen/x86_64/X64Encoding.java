package org.machr.codegen.x86_64;

import java.util.HexFormat;
import java.util.List;

/** The bytes of one instruction and the fields in it that still need a symbol's value. */
public record X64Encoding(byte[] bytes, List<X64Fixup> fixups) {

    public X64Encoding {
        bytes = bytes.clone();
        fixups = List.copyOf(fixups);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Lower-case hex without separators, e.g. {@code 4889c1}. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }
}
