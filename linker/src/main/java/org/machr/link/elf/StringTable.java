package org.machr.link.elf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An ELF string table: NUL-separated names, offset 0 is the empty string; equal names share an entry. */
final class StringTable {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new HashMap<>();

    StringTable() {
        bytes.write(0);
        offsets.put("", 0);
    }

    int add(String name) {
        return offsets.computeIfAbsent(name, n -> {
            int at = bytes.size();
            bytes.writeBytes(n.getBytes(StandardCharsets.UTF_8));
            bytes.write(0);
            return at;
        });
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
