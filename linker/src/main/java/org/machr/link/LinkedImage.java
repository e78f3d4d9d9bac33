package org.machr.link;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a link: output sections at their addresses with relocations applied, and every symbol's
 * final address. Image writers turn it into files.
 *
 * @param entry         the entry symbol's virtual address
 * @param physicalDelta what to add to a virtual address to get its load (physical) address
 */
public record LinkedImage(Arch arch, long entry, long physicalDelta, List<OutputSection> sections, List<LinkedSymbol> symbols) {

    public LinkedImage {
        sections = List.copyOf(sections);
        symbols = List.copyOf(symbols);
    }

    /** Where one input section landed. */
    public record Placement(String object, String section, long address, long size) {}

    /**
     * One output section.
     *
     * @param bytes the contents with relocations applied, or {@code null} for zero-initialised sections
     */
    public record OutputSection(String name, SectionKind kind, Set<SectionFlag> flags, long address, long alignment,
                                byte[] bytes, long size, List<Placement> inputs) {
        public OutputSection {
            flags = Set.copyOf(flags);
            inputs = List.copyOf(inputs);
        }

        public boolean isBss() {
            return bytes == null;
        }

        public long end() {
            return address + size;
        }

        @Override
        public byte[] bytes() {
            return bytes == null ? null : bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OutputSection s && name.equals(s.name) && address == s.address && size == s.size
                    && kind == s.kind && flags.equals(s.flags) && alignment == s.alignment
                    && Arrays.equals(bytes, s.bytes) && inputs.equals(s.inputs);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, address, size, Arrays.hashCode(bytes));
        }
    }

    /**
     * A symbol with its final address.
     *
     * @param definedIn the object file that defines it, or {@link #LINKER} for linker-defined symbols
     * @param section      the output section it lies in, or empty for absolute and linker-defined symbols
     * @param inputSection the input section of {@code definedIn} it was defined in, or empty
     */
    public record LinkedSymbol(String name, long address, long size, Symbol.Type type, Symbol.Binding binding,
                               String definedIn, String section, String inputSection) {}

    /** {@link LinkedSymbol#definedIn} of the symbols the linker defines. */
    public static final String LINKER = "<linker>";

    public Optional<OutputSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The address of the global or linker-defined symbol {@code name}. */
    public Optional<Long> addressOf(String name) {
        return symbols.stream().filter(s -> s.name().equals(name) && s.binding() != Symbol.Binding.LOCAL)
                .map(LinkedSymbol::address).findFirst();
    }

    /** The first address after the last byte that has file contents. */
    public long loadEnd() {
        return sections.stream().filter(s -> !s.isBss()).mapToLong(OutputSection::end).max().orElse(start());
    }

    /** The first address of the image. */
    public long start() {
        return sections.stream().mapToLong(OutputSection::address).min().orElse(0);
    }

    /** The first address after the image, zero-initialised sections and stack included. */
    public long end() {
        return sections.stream().mapToLong(OutputSection::end).max().orElse(start());
    }
}
