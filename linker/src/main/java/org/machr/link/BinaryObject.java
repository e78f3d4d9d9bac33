package org.machr.link;

import java.util.List;

/**
 * Wraps raw bytes (a bootstrap task's image, a font, a test blob) as an object file, as
 * {@code objcopy -I binary} does: one section holding the bytes and the global symbols
 * {@code _binary_<name>_start}, {@code _binary_<name>_end} and the absolute {@code _binary_<name>_size}, where
 * {@code <name>} is the file name with every character other than a letter or digit replaced by {@code _}.
 */
public final class BinaryObject {

    private BinaryObject() {}

    /** Exactly what {@code objcopy -I binary} produces: a writable {@code .data} section, alignment 1. */
    public static ObjectFile of(Arch arch, String fileName, byte[] bytes) {
        return of(arch, fileName, bytes, ".data", SectionKind.DATA, 1);
    }

    /** The bytes in a read-only section {@code .rodata.<name>} aligned to {@code alignment}. */
    public static ObjectFile readOnly(Arch arch, String fileName, byte[] bytes, long alignment) {
        return of(arch, fileName, bytes, ".rodata." + mangle(fileName), SectionKind.RODATA, alignment);
    }

    private static ObjectFile of(Arch arch, String fileName, byte[] bytes, String section, SectionKind kind, long alignment) {
        String prefix = "_binary_" + mangle(fileName);
        return new ObjectFile(fileName, arch, List.of(Section.of(section, kind, alignment, bytes)),
                List.of(new Symbol(prefix + "_start", SymbolDefinition.in(section), 0, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE),
                        new Symbol(prefix + "_end", SymbolDefinition.in(section), bytes.length, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE),
                        new Symbol(prefix + "_size", SymbolDefinition.ABSOLUTE, bytes.length, 0, Symbol.Binding.GLOBAL, Symbol.Type.NOTYPE)),
                List.of());
    }

    /** {@code task.bin} → {@code task_bin}. */
    public static String mangle(String fileName) {
        StringBuilder sb = new StringBuilder();
        for (char c : fileName.toCharArray()) sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        return sb.toString();
    }
}
