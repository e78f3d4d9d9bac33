package org.machr.link.image;

import java.util.List;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.X64Reloc;

/**
 * The multiboot v1 header as an object file to link first (Multiboot Specification 0.6.96, section 3.1.1
 * "The layout of Multiboot header"): magic, flags, checksum, then the address fields — header_addr,
 * load_addr, load_end_addr, bss_end_addr, entry_addr — filled by ABS32 relocations against the header
 * itself and the linker-defined symbols {@code __image_start}, {@code __load_end}, {@code __image_end} (so
 * the boot stack is covered: QEMU puts the command line and modules right after bss_end_addr) and the
 * entry symbol.
 *
 * <p>Its section {@code .text.multiboot} is placed first in {@code .text}, so the header is the first byte
 * of the image, at file offset {@code ElfExecutableWriter.IMAGE_OFFSET}.
 */
public final class MultibootHeader {

    public static final int MAGIC = 0x1BADB002;
    /** Bit 1: pass memory information; bit 16: the address fields are valid (needed for an ELF64 file). */
    public static final int FLAGS = (1 << 16) | (1 << 1);
    public static final int SIZE = 32;
    public static final String SECTION = ".text.multiboot";

    private MultibootHeader() {}

    public static ObjectFile object(String entrySymbol) {
        byte[] b = new byte[SIZE];
        putInt(b, 0, MAGIC);
        putInt(b, 4, FLAGS);
        putInt(b, 8, -(MAGIC + FLAGS));
        return new ObjectFile("<multiboot header>", Arch.X86_64,
                List.of(new Section(SECTION, SectionKind.TEXT, Section.defaultFlags(SectionKind.TEXT), 4, 0, b, SIZE)),
                List.of(Symbol.forSection(SECTION)),
                List.of(new Relocation(SECTION, 12, X64Reloc.ABS32, SECTION, 0),
                        new Relocation(SECTION, 16, X64Reloc.ABS32, "__image_start", 0),
                        new Relocation(SECTION, 20, X64Reloc.ABS32, "__load_end", 0),
                        new Relocation(SECTION, 24, X64Reloc.ABS32, "__image_end", 0),
                        new Relocation(SECTION, 28, X64Reloc.ABS32, entrySymbol, 0)));
    }

    static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) b[at + i] = (byte) (v >>> (8 * i));
    }

    static long getInt(byte[] b, int at) {
        long v = 0;
        for (int i = 3; i >= 0; i--) v = (v << 8) | (b[at + i] & 0xff);
        return v;
    }
}
