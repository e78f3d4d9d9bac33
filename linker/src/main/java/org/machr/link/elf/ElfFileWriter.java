package org.machr.link.elf;

import java.util.ArrayList;
import java.util.List;
import org.machr.link.Arch;

/**
 * Writes an ELF64 little-endian file from section and program header descriptions: the ELF header, the
 * program headers right after it, the section contents (each at its fixed offset or the next suitably
 * aligned one), then {@code .shstrtab} and the section header table. Shared by the relocatable and the
 * executable writers.
 */
final class ElfFileWriter {

    /**
     * One section header and its contents.
     *
     * @param data       the contents, or {@code null} for {@code SHT_NOBITS}/{@code SHT_NULL}
     * @param size       {@code sh_size}
     * @param fileOffset where the contents must go, or -1 to place them at the next aligned offset
     */
    record SectionSpec(String name, int type, long flags, long addr, byte[] data, long size, int link, int info,
                       long align, long entrySize, long fileOffset) {}

    /** One program header. */
    record SegmentSpec(int type, int flags, long offset, long vaddr, long paddr, long fileSize, long memSize, long align) {}

    static int machine(Arch arch) {
        return switch (arch) {
            case AARCH64 -> Elf.EM_AARCH64;
            case X86_64 -> Elf.EM_X86_64;
        };
    }

    /** Sections are given without the null section 0 and without {@code .shstrtab}; both are added. */
    static byte[] write(int elfType, Arch arch, long entry, List<SegmentSpec> segments, List<SectionSpec> sections) {
        StringTable shstrtab = new StringTable();
        List<SectionSpec> all = new ArrayList<>();
        all.add(new SectionSpec("", Elf.SHT_NULL, 0, 0, null, 0, 0, 0, 0, 0, -1));
        all.addAll(sections);
        int shstrIndex = all.size();
        for (SectionSpec s : all) shstrtab.add(s.name());
        shstrtab.add(".shstrtab");
        byte[] names = shstrtab.toByteArray();
        all.add(new SectionSpec(".shstrtab", Elf.SHT_STRTAB, 0, 0, names, names.length, 0, 0, 1, 0, -1));

        LeWriter w = new LeWriter();
        w.padTo(Elf.EHDR_SIZE + (long) Elf.PHDR_SIZE * segments.size());
        long[] offsets = new long[all.size()];
        for (int i = 1; i < all.size(); i++) {
            SectionSpec s = all.get(i);
            if (s.fileOffset() >= 0) {
                w.padTo(s.fileOffset());
            } else if (s.data() != null) {
                w.align(Math.max(1, s.align()));
            }
            offsets[i] = w.position();
            if (s.data() != null) w.bytes(s.data());
        }
        w.align(8);
        long shoff = w.position();
        for (int i = 0; i < all.size(); i++) {
            SectionSpec s = all.get(i);
            w.u32(shstrtab.add(s.name())).u32(s.type()).u64(s.flags()).u64(s.addr()).u64(offsets[i])
                    .u64(s.size()).u32(s.link()).u32(s.info()).u64(s.align()).u64(s.entrySize());
        }
        byte[] file = w.toByteArray();
        LeWriter head = new LeWriter();
        head.u8(0x7f).u8('E').u8('L').u8('F').u8(Elf.ELFCLASS64).u8(Elf.ELFDATA2LSB).u8(Elf.EV_CURRENT).padTo(16);
        head.u16(elfType).u16(machine(arch)).u32(Elf.EV_CURRENT).u64(entry)
                .u64(segments.isEmpty() ? 0 : Elf.EHDR_SIZE).u64(shoff).u32(0)
                .u16(Elf.EHDR_SIZE).u16(segments.isEmpty() ? 0 : Elf.PHDR_SIZE).u16(segments.size())
                .u16(Elf.SHDR_SIZE).u16(all.size()).u16(shstrIndex);
        for (SegmentSpec p : segments) {
            head.u32(p.type()).u32(p.flags()).u64(p.offset()).u64(p.vaddr()).u64(p.paddr())
                    .u64(p.fileSize()).u64(p.memSize()).u64(p.align());
        }
        byte[] h = head.toByteArray();
        System.arraycopy(h, 0, file, 0, h.length);
        return file;
    }
}
