package org.machr.link;

import java.util.Comparator;
import java.util.List;

/**
 * Renders a link map: every output section with its address, size and alignment; under it each input
 * section ({@code object:(section)}) and the symbols defined there, by address; then the linker-defined
 * symbols. Mapping symbols ({@code $x}, {@code $d}, …) are left out. Addresses are 16 hex digits.
 *
 * <pre>
 * Address          Size     Align Section / input / symbol
 * 0000000040200000 0000004c    4 .text
 * 0000000040200000 00000030        start.o:(.text.boot)
 * 0000000040200000                         _start
 * </pre>
 */
public final class MapFile {

    private MapFile() {}

    /** Writes the map of {@code image} to {@code file}; false (LNK0001 reported) when it cannot be written. */
    public static boolean write(LinkedImage image, java.nio.file.Path file, org.machr.diag.Diagnostics diags) {
        try {
            java.nio.file.Files.writeString(file, render(image));
            return true;
        } catch (java.io.IOException e) {
            diags.error(LinkCode.IO_ERROR, null, "cannot write " + file + ": " + e.getMessage());
            return false;
        }
    }

    public static String render(LinkedImage image) {
        StringBuilder out = new StringBuilder();
        out.append("Entry point: ").append(hex(image.entry())).append('\n');
        out.append("Address          Size     Align Section / input / symbol\n");
        List<LinkedImage.LinkedSymbol> symbols = image.symbols().stream()
                .filter(s -> !s.name().startsWith("$") && !s.definedIn().equals(LinkedImage.LINKER))
                .sorted(Comparator.comparingLong(LinkedImage.LinkedSymbol::address)).toList();
        for (LinkedImage.OutputSection s : image.sections()) {
            out.append(String.format("%s %08x %4d %s%n", hex(s.address()), s.size(), s.alignment(), s.name()));
            for (LinkedImage.Placement p : s.inputs()) {
                out.append(String.format("%s %08x        %s:(%s)%n", hex(p.address()), p.size(), p.object(), p.section()));
                for (LinkedImage.LinkedSymbol sym : symbols) {
                    if (sym.definedIn().equals(p.object()) && sym.inputSection().equals(p.section())) {
                        out.append(String.format("%s                         %s%n", hex(sym.address()), sym.name()));
                    }
                }
            }
        }
        out.append("\nLinker-defined symbols:\n");
        image.symbols().stream().filter(s -> s.definedIn().equals(LinkedImage.LINKER))
                .sorted(Comparator.comparingLong(LinkedImage.LinkedSymbol::address).thenComparing(LinkedImage.LinkedSymbol::name))
                .forEach(s -> out.append(hex(s.address())).append("                         ").append(s.name()).append('\n'));
        List<LinkedImage.LinkedSymbol> absolute = symbols.stream().filter(s -> s.section().isEmpty()).toList();
        if (!absolute.isEmpty()) {
            out.append("\nAbsolute symbols:\n");
            for (LinkedImage.LinkedSymbol s : absolute) {
                out.append(hex(s.address())).append("                         ").append(s.name())
                        .append(" (").append(s.definedIn()).append(")\n");
            }
        }
        return out.toString();
    }

    private static String hex(long v) {
        return String.format("%016x", v);
    }
}
