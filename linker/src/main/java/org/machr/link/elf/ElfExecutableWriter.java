package org.machr.link.elf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.link.LinkedImage;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;

/**
 * Writes a {@link LinkedImage} as an ELF64 executable ({@code ET_EXEC}).
 *
 * <p>The file mirrors memory: the byte at address {@code a} is at file offset
 * {@code IMAGE_OFFSET + (a - image.start())}, gaps between sections are zero-filled, and the ELF and program
 * headers fit in the first {@link #IMAGE_OFFSET} bytes. So one file serves both loaders: QEMU's ELF loader
 * for AArch64 (PT_LOAD segments at {@code p_paddr}, gABI chapter 5 "Program Header") and a multiboot
 * loader that copies raw file bytes (the header is then at file offset {@link #IMAGE_OFFSET}, below the
 * multiboot limit of 8192 bytes).
 *
 * <p>Segments: one PT_LOAD for {@code .text} (R+X), one for {@code .rodata} (R), one for {@code .data},
 * {@code .bss} and the stack (R+W; {@code p_filesz} covers {@code .data} only). {@code e_entry} and
 * {@code p_paddr} are physical addresses. A symbol table (locals first) is included for debuggers.
 */
public final class ElfExecutableWriter {

    /** File offset of the image's first byte; one page, so that p_offset and p_vaddr agree modulo 4 KiB. */
    public static final long IMAGE_OFFSET = 0x1000;

    private ElfExecutableWriter() {}

    public static byte[] write(LinkedImage image) {
        long start = image.start();
        long delta = image.physicalDelta();
        List<ElfFileWriter.SectionSpec> specs = new ArrayList<>();
        Map<String, Integer> sectionIndex = new HashMap<>();
        for (LinkedImage.OutputSection s : image.sections()) {
            sectionIndex.put(s.name(), specs.size() + 1);
            long flags = ElfObjectWriter.flags(sectionFor(s));
            long offset = IMAGE_OFFSET + (s.address() - start);
            specs.add(new ElfFileWriter.SectionSpec(s.name(), s.isBss() ? Elf.SHT_NOBITS : Elf.SHT_PROGBITS, flags,
                    s.address(), s.bytes(), s.size(), 0, 0, s.alignment(), 0, s.isBss() ? -1 : offset));
        }
        List<ElfFileWriter.SegmentSpec> segments = new ArrayList<>();
        for (List<LinkedImage.OutputSection> group : segmentGroups(image)) {
            LinkedImage.OutputSection first = group.get(0);
            LinkedImage.OutputSection last = group.get(group.size() - 1);
            long fileEnd = first.address();
            for (LinkedImage.OutputSection s : group) if (!s.isBss()) fileEnd = s.end();
            int flags = switch (first.kind()) {
                case TEXT -> Elf.PF_R | Elf.PF_X;
                case RODATA -> Elf.PF_R;
                default -> Elf.PF_R | Elf.PF_W;
            };
            segments.add(new ElfFileWriter.SegmentSpec(Elf.PT_LOAD, flags, IMAGE_OFFSET + (first.address() - start),
                    first.address(), first.address() + delta, fileEnd - first.address(), last.end() - first.address(), 0x1000));
        }
        int symtabIndex = specs.size() + 1;
        StringTable strtab = new StringTable();
        LeWriter symtab = new LeWriter();
        symtab.padTo(Elf.SYM_SIZE);
        List<LinkedImage.LinkedSymbol> ordered = new ArrayList<>();
        image.symbols().stream().filter(s -> s.binding() == Symbol.Binding.LOCAL).forEach(ordered::add);
        int firstGlobal = ordered.size() + 1;
        image.symbols().stream().filter(s -> s.binding() != Symbol.Binding.LOCAL).forEach(ordered::add);
        for (LinkedImage.LinkedSymbol s : ordered) {
            int shndx = sectionIndex.getOrDefault(s.section(), Elf.SHN_ABS);
            symtab.u32(strtab.add(s.name())).u8(ElfObjectWriter.binding(s.binding()) << 4 | ElfObjectWriter.type(s.type()))
                    .u8(0).u16(shndx).u64(s.address()).u64(s.size());
        }
        byte[] symbytes = symtab.toByteArray();
        specs.add(new ElfFileWriter.SectionSpec(".symtab", Elf.SHT_SYMTAB, 0, 0, symbytes, symbytes.length,
                symtabIndex + 1, firstGlobal, 8, Elf.SYM_SIZE, -1));
        byte[] strbytes = strtab.toByteArray();
        specs.add(new ElfFileWriter.SectionSpec(".strtab", Elf.SHT_STRTAB, 0, 0, strbytes, strbytes.length, 0, 0, 1, 0, -1));
        return ElfFileWriter.write(Elf.ET_EXEC, image.arch(), image.entry() + delta, segments, specs);
    }

    /** Consecutive output sections with the same permissions, as loaded by one PT_LOAD. */
    static List<List<LinkedImage.OutputSection>> segmentGroups(LinkedImage image) {
        List<List<LinkedImage.OutputSection>> groups = new ArrayList<>();
        SectionKind previous = null;
        for (LinkedImage.OutputSection s : image.sections()) {
            SectionKind k = s.kind() == SectionKind.BSS ? SectionKind.DATA : s.kind();
            if (k != previous) groups.add(new ArrayList<>());
            groups.get(groups.size() - 1).add(s);
            previous = k;
        }
        return groups;
    }

    private static org.machr.link.Section sectionFor(LinkedImage.OutputSection s) {
        return new org.machr.link.Section(s.name(), s.kind(), s.flags(), s.alignment(), 0,
                s.isBss() ? null : s.bytes(), s.size());
    }
}
