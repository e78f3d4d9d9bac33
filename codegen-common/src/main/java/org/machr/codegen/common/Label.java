package org.machr.codegen.common;

/**
 * A position in a {@link CodeBuffer} that code can refer to before it is known. Created by
 * {@link CodeBuffer#newLabel(String)}, bound once by {@link CodeBuffer#bind(Label)}; uses recorded
 * before the bind are patched when it happens.
 *
 * @param id   index within the buffer that created it
 * @param name shown in diagnostics (e.g. {@code .Lloop} or {@code L3})
 */
public record Label(int id, String name) {
    @Override
    public String toString() {
        return name;
    }
}
