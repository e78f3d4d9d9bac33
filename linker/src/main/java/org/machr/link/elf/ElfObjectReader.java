package org.machr.link.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.LinkCode;
import org.machr.link.ObjectFile;
import org.machr.link.RelocKind;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionFlag;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * Reads an ELF64 little-endian relocatable file ({@code ET_REL}, {@code EM_AARCH64} or {@code EM_X86_64})
 * into an {@link ObjectFile}. {@code SHT_PROGBITS} and {@code SHT_NOBITS} sections become {@link Section}s;
 * symbol, string and {@code SHT_RELA} tables are decoded; {@code STT_FILE} symbols, notes and clang's
 * {@code .llvm_addrsig} are dropped silently; other section types are dropped with a warning. Every problem is reported as a diagnostic naming the file;
 * malformed input never throws.
 */
public final class ElfObjectReader {

    private final String name;
    private final byte[] b;
    private final Diagnostics diagnostics;
    private final int errorsBefore;

    private ElfObjectReader(String name, byte[] bytes, Diagnostics diagnostics) {
        this.name = name;
        this.b = bytes;
        this.diagnostics = diagnostics;
        this.errorsBefore = diagnostics.errorCount();
    }

    /** Reads the file at {@code path}; the object is named by the path as given. */
    public static Optional<ObjectFile> read(Path path, Diagnostics diagnostics) {
        try {
            return read(path.toString(), Files.readAllBytes(path), diagnostics);
        } catch (IOException e) {
            diagnostics.error(LinkCode.IO_ERROR, null, path + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Reads {@code bytes}; empty when an error was reported. */
    public static Optional<ObjectFile> read(String name, byte[] bytes, Diagnostics diagnostics) {
        ElfObjectReader r = new ElfObjectReader(name, bytes, diagnostics);
        try {
            return r.readObject();
        } catch (Malformed | IllegalArgumentException e) {
            // IllegalArgumentException: the model rejected a value the file holds (e.g. a bad alignment).
            diagnostics.error(LinkCode.MALFORMED_ELF, null, name + ": malformed ELF file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Thrown internally on a truncated or inconsistent file, turned into a diagnostic. */
    private static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private record Shdr(String name, int type, long flags, long offset, long size, int link, int info, long align,
                        long entrySize) {}

    private Optional<ObjectFile> readObject() throws Malformed {
        if (b.length < Elf.EHDR_SIZE || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F') {
            throw new Malformed("not an ELF file");
        }
        if (b[4] != Elf.ELFCLASS64 || b[5] != Elf.ELFDATA2LSB) {
            return fail(LinkCode.UNSUPPORTED_ELF, "not a little-endian ELF64 file");
        }
        int type = u16(16);
        int machine = u16(18);
        Arch arch;
        if (machine == Elf.EM_AARCH64) arch = Arch.AARCH64;
        else if (machine == Elf.EM_X86_64) arch = Arch.X86_64;
        else return fail(LinkCode.UNSUPPORTED_ELF, "unsupported machine " + machine + " (want AArch64 or x86-64)");
        if (type != Elf.ET_REL) return fail(LinkCode.UNSUPPORTED_ELF, "ELF type " + type + " is not a relocatable object");
        long shoff = u64(40);
        int shentsize = u16(58);
        int shnum = u16(60);
        int shstrndx = u16(62);
        if (shnum == 0 || shentsize != Elf.SHDR_SIZE || shstrndx >= shnum) throw new Malformed("bad section header table");
        check(shoff, (long) shnum * Elf.SHDR_SIZE);

        Shdr[] headers = new Shdr[shnum];
        for (int i = 0; i < shnum; i++) headers[i] = header(shoff + (long) i * Elf.SHDR_SIZE, "");
        Shdr names = headers[shstrndx];
        for (int i = 0; i < shnum; i++) {
            Shdr h = header(shoff + (long) i * Elf.SHDR_SIZE, string(names, u32(shoff + (long) i * Elf.SHDR_SIZE)));
            headers[i] = h;
        }

        List<Section> sections = new ArrayList<>();
        Map<Integer, String> modelSection = new HashMap<>();
        int symtab = -1;
        for (int i = 1; i < shnum; i++) {
            Shdr h = headers[i];
            switch (h.type()) {
                case Elf.SHT_PROGBITS, Elf.SHT_NOBITS -> {
                    Optional<Section> s = section(h);
                    if (s.isPresent()) {
                        sections.add(s.get());
                        modelSection.put(i, h.name());
                    }
                }
                case Elf.SHT_SYMTAB -> {
                    if (symtab >= 0) throw new Malformed("more than one symbol table");
                    symtab = i;
                }
                case Elf.SHT_STRTAB, Elf.SHT_RELA, Elf.SHT_NULL -> { }
                case Elf.SHT_NOTE, Elf.SHT_LLVM_ADDRSIG -> { } // build notes, clang's addrsig: nothing to load
                case Elf.SHT_REL -> error(LinkCode.UNSUPPORTED_FEATURE, "section " + h.name() + ": REL relocations are not supported (use RELA)");
                case Elf.SHT_GROUP -> error(LinkCode.UNSUPPORTED_FEATURE, "section " + h.name() + ": section groups are not supported");
                default -> diagnostics.warning(LinkCode.IGNORED_SECTION, null,
                        name + ": section " + h.name() + " of type 0x" + Integer.toHexString(h.type()) + " ignored");
            }
        }

        List<Symbol> symbols = new ArrayList<>();
        Map<Integer, String> symbolName = new HashMap<>();
        if (symtab >= 0) readSymbols(headers, symtab, modelSection, symbols, symbolName);

        List<Relocation> relocations = new ArrayList<>();
        for (int i = 1; i < shnum; i++) {
            Shdr h = headers[i];
            if (h.type() != Elf.SHT_RELA) continue;
            if (h.link() != symtab) throw new Malformed("section " + h.name() + " does not link to the symbol table");
            String target = modelSection.get(h.info());
            if (target == null) continue; // relocates a section dropped above (e.g. SHT_X86_64_UNWIND .eh_frame)
            readRelocations(arch, h, target, symbolName, relocations);
        }
        if (diagnostics.errorCount() > errorsBefore) return Optional.empty();
        List<String> problems = ObjectFile.problems(arch, sections, symbols, relocations);
        for (String p : problems) error(LinkCode.MALFORMED_ELF, p);
        if (!problems.isEmpty()) return Optional.empty();
        return Optional.of(new ObjectFile(name, arch, sections, symbols, relocations));
    }

    private Optional<Section> section(Shdr h) throws Malformed {
        if ((h.flags() & Elf.SHF_TLS) != 0) {
            error(LinkCode.UNSUPPORTED_FEATURE, "section " + h.name() + ": thread-local storage is not supported");
            return Optional.empty();
        }
        Set<SectionFlag> flags = EnumSet.noneOf(SectionFlag.class);
        if ((h.flags() & Elf.SHF_ALLOC) != 0) flags.add(SectionFlag.ALLOC);
        if ((h.flags() & Elf.SHF_WRITE) != 0) flags.add(SectionFlag.WRITE);
        if ((h.flags() & Elf.SHF_EXECINSTR) != 0) flags.add(SectionFlag.EXECUTE);
        if ((h.flags() & Elf.SHF_MERGE) != 0) flags.add(SectionFlag.MERGE);
        if ((h.flags() & Elf.SHF_STRINGS) != 0) flags.add(SectionFlag.STRINGS);
        long align = Math.max(1, h.align());
        if (Long.bitCount(align) != 1) throw new Malformed("section " + h.name() + ": alignment " + align);
        if (h.type() == Elf.SHT_NOBITS) {
            return Optional.of(new Section(h.name(), SectionKind.BSS, flags, align, h.entrySize(), null, h.size()));
        }
        SectionKind kind;
        if (!flags.contains(SectionFlag.ALLOC)) kind = SectionKind.OTHER;
        else if (flags.contains(SectionFlag.EXECUTE)) kind = SectionKind.TEXT;
        else if (flags.contains(SectionFlag.WRITE)) kind = SectionKind.DATA;
        else kind = SectionKind.RODATA;
        return Optional.of(new Section(h.name(), kind, flags, align, h.entrySize(), slice(h.offset(), h.size()), h.size()));
    }

    private void readSymbols(Shdr[] headers, int symtab, Map<Integer, String> modelSection, List<Symbol> symbols,
                             Map<Integer, String> symbolName) throws Malformed {
        Shdr h = headers[symtab];
        if (h.entrySize() != Elf.SYM_SIZE || h.link() <= 0 || h.link() >= headers.length) throw new Malformed("bad symbol table");
        check(h.offset(), h.size());
        Shdr strtab = headers[h.link()];
        int count = (int) (h.size() / Elf.SYM_SIZE);
        for (int i = 1; i < count; i++) {
            long at = h.offset() + (long) i * Elf.SYM_SIZE;
            int info = b[(int) at + 4] & 0xff;
            int bind = info >>> 4;
            int type = info & 0xf;
            int shndx = u16(at + 6);
            long value = u64(at + 8);
            long size = u64(at + 16);
            if (type == Elf.STT_FILE) continue;
            String symName = type == Elf.STT_SECTION
                    ? (shndx < headers.length ? headers[shndx].name() : "")
                    : string(strtab, u32(at));
            Symbol.Binding binding = switch (bind) {
                case Elf.STB_LOCAL -> Symbol.Binding.LOCAL;
                case Elf.STB_GLOBAL -> Symbol.Binding.GLOBAL;
                case Elf.STB_WEAK -> Symbol.Binding.WEAK;
                default -> null;
            };
            Symbol.Type symType = switch (type) {
                case Elf.STT_NOTYPE -> Symbol.Type.NOTYPE;
                case Elf.STT_OBJECT -> Symbol.Type.OBJECT;
                case Elf.STT_FUNC -> Symbol.Type.FUNC;
                case Elf.STT_SECTION -> Symbol.Type.SECTION;
                default -> null;
            };
            if (binding == null || symType == null) {
                error(LinkCode.UNSUPPORTED_FEATURE, "symbol " + symName + ": binding " + bind + " / type " + type + " is not supported");
                continue;
            }
            SymbolDefinition def;
            if (shndx == Elf.SHN_UNDEF) def = SymbolDefinition.UNDEFINED;
            else if (shndx == Elf.SHN_ABS) def = SymbolDefinition.ABSOLUTE;
            else if (shndx == Elf.SHN_COMMON) {
                error(LinkCode.UNSUPPORTED_FEATURE, "symbol " + symName + ": common symbols are not supported (use -fno-common or .bss)");
                continue;
            } else if (modelSection.containsKey(shndx)) def = SymbolDefinition.in(modelSection.get(shndx));
            else if (shndx < headers.length) continue; // in a section we dropped; a relocation naming it is reported
            else throw new Malformed("symbol " + symName + " has section index " + shndx);
            symbols.add(new Symbol(symName, def, value, size, binding, symType));
            symbolName.put(i, symName);
        }
    }

    private void readRelocations(Arch arch, Shdr h, String target, Map<Integer, String> symbolName,
                                 List<Relocation> out) throws Malformed {
        if (h.entrySize() != Elf.RELA_SIZE) throw new Malformed("section " + h.name() + ": entry size " + h.entrySize());
        check(h.offset(), h.size());
        for (long at = h.offset(); at + Elf.RELA_SIZE <= h.offset() + h.size(); at += Elf.RELA_SIZE) {
            long offset = u64(at);
            long info = u64(at + 8);
            long addend = u64(at + 16);
            int type = (int) info;
            int sym = (int) (info >>> 32);
            Optional<? extends RelocKind> kind = ElfRelocs.kind(arch, type);
            String where = h.name() + "+0x" + Long.toHexString(offset);
            if (kind.isEmpty()) {
                diagnostics.error(LinkCode.UNSUPPORTED_RELOCATION, null,
                        name + ": relocation type " + type + " at " + where + " is not supported for " + arch.cliName());
                continue;
            }
            String symName = symbolName.get(sym);
            if (symName == null) {
                error(LinkCode.UNSUPPORTED_FEATURE, "relocation at " + where + " names symbol #" + sym + " which we do not keep");
                continue;
            }
            out.add(new Relocation(target, offset, kind.get(), symName, addend));
        }
    }

    private <T> Optional<T> fail(LinkCode code, String message) {
        diagnostics.error(code, null, name + ": " + message);
        return Optional.empty();
    }

    private void error(LinkCode code, String message) {
        diagnostics.error(code, null, name + ": " + message);
    }

    private Shdr header(long at, String sectionName) throws Malformed {
        return new Shdr(sectionName, (int) u32(at + 4), u64(at + 8), u64(at + 24), u64(at + 32), (int) u32(at + 40),
                (int) u32(at + 44), u64(at + 48), u64(at + 56));
    }

    private String string(Shdr table, long offset) throws Malformed {
        if (offset >= table.size()) throw new Malformed("string offset " + offset + " outside " + table.name());
        long start = table.offset() + offset;
        check(start, 1);
        int end = (int) start;
        long limit = Math.min(b.length, table.offset() + table.size());
        while (end < limit && b[end] != 0) end++;
        return new String(b, (int) start, end - (int) start, StandardCharsets.UTF_8);
    }

    private byte[] slice(long offset, long size) throws Malformed {
        check(offset, size);
        byte[] out = new byte[(int) size];
        System.arraycopy(b, (int) offset, out, 0, (int) size);
        return out;
    }

    private void check(long offset, long size) throws Malformed {
        if (offset < 0 || size < 0 || offset + size > b.length || offset + size < offset) {
            throw new Malformed("range 0x" + Long.toHexString(offset) + "+0x" + Long.toHexString(size) + " lies outside the file");
        }
    }

    private int u16(long at) throws Malformed {
        check(at, 2);
        return (b[(int) at] & 0xff) | (b[(int) at + 1] & 0xff) << 8;
    }

    private long u32(long at) throws Malformed {
        check(at, 4);
        return (u16(at) & 0xffffL) | ((long) u16(at + 2)) << 16;
    }

    private long u64(long at) throws Malformed {
        check(at, 8);
        return u32(at) | u32(at + 4) << 32;
    }
}
