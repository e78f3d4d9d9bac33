package org.machr.link;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One section of an object file.
 *
 * @param name      e.g. {@code .text}; unique within its object file
 * @param kind      what it holds
 * @param flags     attributes; {@link SectionKind#TEXT} etc. get their usual flags from {@link #of}
 * @param alignment a power of two, at least 1
 * @param entrySize size of one entry of a merge section, else 0
 * @param bytes     the contents, or {@code null} for {@link SectionKind#BSS}
 * @param size      the size in bytes; equals {@code bytes.length} when there are bytes
 */
public record Section(String name, SectionKind kind, Set<SectionFlag> flags, long alignment, long entrySize,
                      byte[] bytes, long size) {

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        if (alignment < 1 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("section " + name + ": alignment " + alignment + " is not a power of two");
        }
        if (kind == SectionKind.BSS) {
            if (bytes != null) throw new IllegalArgumentException("section " + name + ": bss has no bytes");
            if (size < 0) throw new IllegalArgumentException("section " + name + ": negative size");
        } else {
            Objects.requireNonNull(bytes, "bytes of section " + name);
            bytes = bytes.clone();
            size = bytes.length;
        }
    }

    /** A section with the usual flags of its kind (text: alloc+execute, data: alloc+write, …). */
    public static Section of(String name, SectionKind kind, long alignment, byte[] bytes) {
        return new Section(name, kind, defaultFlags(kind), alignment, 0, bytes, bytes.length);
    }

    /** A zero-initialised section of {@code size} bytes. */
    public static Section bss(String name, long alignment, long size) {
        return new Section(name, SectionKind.BSS, defaultFlags(SectionKind.BSS), alignment, 0, null, size);
    }

    /** The flags a section of {@code kind} normally has. */
    public static Set<SectionFlag> defaultFlags(SectionKind kind) {
        return switch (kind) {
            case TEXT -> Set.of(SectionFlag.ALLOC, SectionFlag.EXECUTE);
            case DATA, BSS -> Set.of(SectionFlag.ALLOC, SectionFlag.WRITE);
            case RODATA -> Set.of(SectionFlag.ALLOC);
            case OTHER -> Set.of();
        };
    }

    /** The contents (a copy), or {@code null} for bss. */
    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    public boolean isBss() {
        return kind == SectionKind.BSS;
    }

    public boolean isAlloc() {
        return flags.contains(SectionFlag.ALLOC);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Section s && name.equals(s.name) && kind == s.kind && flags.equals(s.flags)
                && alignment == s.alignment && entrySize == s.entrySize && size == s.size
                && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, flags, alignment, entrySize, size, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "Section[" + name + ", " + kind + ", " + flags + ", align " + alignment + ", size " + size + "]";
    }
}
