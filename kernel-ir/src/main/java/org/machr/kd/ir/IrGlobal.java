package org.machr.kd.ir;

import java.util.List;

/**
 * A global variable or constant data. {@code init} holds the initial bytes of {@link Section#DATA}
 * and {@link Section#RODATA} globals ({@code size} bytes) and is empty for {@link Section#BSS};
 * each {@link Reloc} stores the 8-byte little-endian address of a symbol (global or function) plus an
 * addend at an offset of the global when the program is loaded. {@code sectionName} is the object
 * section a native backend puts it in ({@code #[section]}), or {@code null} for the one of its kind.
 */
public record IrGlobal(String name, Section section, long size, int align, byte[] init, List<Reloc> relocs,
                       boolean exported, String sectionName) {

    public enum Section { DATA, RODATA, BSS }

    /** An absolute 64-bit address of {@code symbol + addend} written at {@code offset}. */
    public record Reloc(long offset, String symbol, long addend) {}

    public IrGlobal {
        if (align <= 0 || Integer.bitCount(align) != 1) throw new IllegalArgumentException("align " + align);
        init = init == null ? new byte[0] : init.clone();
        relocs = List.copyOf(relocs);
        if (section == Section.BSS && (init.length != 0 || !relocs.isEmpty()))
            throw new IllegalArgumentException("bss global " + name + " cannot have initial bytes");
        if (section != Section.BSS && init.length != size)
            throw new IllegalArgumentException("global " + name + ": " + init.length + " initial bytes for size " + size);
        for (Reloc r : relocs)
            if (r.offset() < 0 || r.offset() + 8 > size)
                throw new IllegalArgumentException("global " + name + ": relocation at " + r.offset() + " outside");
    }

    public IrGlobal(String name, Section section, long size, int align, byte[] init, List<Reloc> relocs, boolean exported) {
        this(name, section, size, align, init, relocs, exported, null);
    }

    @Override
    public byte[] init() {
        return init.clone();
    }
}
