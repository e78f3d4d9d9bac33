package org.machr.link;

import java.util.Objects;

/**
 * How to link.
 *
 * @param arch          the architecture every input must be for
 * @param baseAddress   the virtual address of the first byte of the image (page-aligned)
 * @param physicalBase  the physical address the first byte is loaded at ({@code p_paddr}); equal to
 *                      {@code baseAddress} for an identity-mapped image
 * @param entrySymbol   the symbol execution starts at
 * @param stackSize     bytes of boot stack reserved after {@code .bss} (between {@code __stack_bottom} and
 *                      {@code __stack_top}); 0 for none
 * @param sectionAlignment every output section (and the stack) starts at a multiple of this power of two;
 *                      4096 lets an MMU map text, rodata and data with different permissions; 1 packs them
 */
public record LinkOptions(Arch arch, long baseAddress, long physicalBase, String entrySymbol, long stackSize,
                          long sectionAlignment) {

    /** QEMU {@code virt}: RAM starts at 0x4000_0000 and the DTB takes the first MiB or so (boot.md). */
    public static final long AARCH64_BASE = 0x4020_0000L;
    /** Multiboot kernels are conventionally loaded at 1 MiB, above the BIOS area. */
    public static final long X86_64_BASE = 0x10_0000L;
    public static final long DEFAULT_STACK = 64 * 1024;

    public LinkOptions {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(entrySymbol, "entrySymbol");
        if ((baseAddress & 0xfff) != 0 || (physicalBase & 0xfff) != 0) {
            throw new IllegalArgumentException("base addresses must be 4 KiB aligned");
        }
        if (stackSize < 0 || stackSize % 16 != 0) throw new IllegalArgumentException("stack size must be a multiple of 16");
        if (sectionAlignment < 1 || Long.bitCount(sectionAlignment) != 1) {
            throw new IllegalArgumentException("section alignment " + sectionAlignment + " is not a power of two");
        }
    }

    /** Options without a section alignment (sections packed by their own alignment). */
    public LinkOptions(Arch arch, long baseAddress, long physicalBase, String entrySymbol, long stackSize) {
        this(arch, baseAddress, physicalBase, entrySymbol, stackSize, 1);
    }

    /**
     * The usual options for {@code arch}: its base address, identity-mapped, entry {@code _start}, 64 KiB stack,
     * sections packed.
     */
    public static LinkOptions defaults(Arch arch) {
        long base = switch (arch) {
            case AARCH64 -> AARCH64_BASE;
            case X86_64 -> X86_64_BASE;
        };
        return new LinkOptions(arch, base, base, "_start", DEFAULT_STACK);
    }

    public LinkOptions withBase(long base) {
        return new LinkOptions(arch, base, base, entrySymbol, stackSize, sectionAlignment);
    }

    public LinkOptions withEntry(String entry) {
        return new LinkOptions(arch, baseAddress, physicalBase, entry, stackSize, sectionAlignment);
    }

    public LinkOptions withStackSize(long size) {
        return new LinkOptions(arch, baseAddress, physicalBase, entrySymbol, size, sectionAlignment);
    }

    public LinkOptions withSectionAlignment(long alignment) {
        return new LinkOptions(arch, baseAddress, physicalBase, entrySymbol, stackSize, alignment);
    }
}
