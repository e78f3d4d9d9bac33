package org.machr.link.elf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionFlag;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * Writes an {@link ObjectFile} as an ELF64 relocatable file ({@code ET_REL}): the object's sections in
 * order, each followed by its {@code .rela} section when it has relocations, then {@code .symtab},
 * {@code .strtab} and {@code .shstrtab}. Local symbols come first in the symbol table, as the gABI
 * requires ("Symbol Table": sh_info is one greater than the last local's index), otherwise in model order.
 */
public final class ElfObjectWriter {

    private ElfObjectWriter() {}

    public static byte[] write(ObjectFile object) {
        List<Section> sections = object.sections();
        Map<String, List<Relocation>> relocationsBySection = new HashMap<>();
        for (Relocation r : object.relocations()) {
            relocationsBySection.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r);
        }
        Map<String, Integer> sectionIndex = new HashMap<>();
        int next = 1;
        for (Section s : sections) {
            sectionIndex.put(s.name(), next++);
            if (relocationsBySection.containsKey(s.name())) next++;
        }
        int symtabIndex = next;
        int strtabIndex = next + 1;

        List<Symbol> ordered = new ArrayList<>();
        object.symbols().stream().filter(Symbol::isLocal).forEach(ordered::add);
        int firstGlobal = ordered.size() + 1;
        object.symbols().stream().filter(s -> !s.isLocal()).forEach(ordered::add);

        StringTable strtab = new StringTable();
        LeWriter symtab = new LeWriter();
        symtab.padTo(Elf.SYM_SIZE);
        Map<String, Integer> symbolIndex = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            Symbol s = ordered.get(i);
            symbolIndex.putIfAbsent(s.name(), i + 1);
            int name = s.type() == Symbol.Type.SECTION ? 0 : strtab.add(s.name());
            int shndx = switch (s.definition()) {
                case SymbolDefinition.InSection(String section) -> sectionIndex.get(section);
                case SymbolDefinition.Undefined u -> Elf.SHN_UNDEF;
                case SymbolDefinition.Absolute a -> Elf.SHN_ABS;
            };
            symtab.u32(name).u8(binding(s.binding()) << 4 | type(s.type())).u8(0).u16(shndx)
                    .u64(s.value()).u64(s.size());
        }

        List<ElfFileWriter.SectionSpec> specs = new ArrayList<>();
        for (Section s : sections) {
            int type = s.isBss() ? Elf.SHT_NOBITS : Elf.SHT_PROGBITS;
            specs.add(new ElfFileWriter.SectionSpec(s.name(), type, flags(s), 0, s.bytes(), s.size(), 0, 0,
                    s.alignment(), s.entrySize(), -1));
            List<Relocation> relocs = relocationsBySection.getOrDefault(s.name(), List.of());
            if (relocs.isEmpty()) continue;
            LeWriter rela = new LeWriter();
            for (Relocation r : relocs) {
                long info = ((long) symbolIndex.get(r.symbol()) << 32) | (ElfRelocs.number(r.kind()) & 0xffffffffL);
                rela.u64(r.offset()).u64(info).u64(r.addend());
            }
            byte[] data = rela.toByteArray();
            specs.add(new ElfFileWriter.SectionSpec(".rela" + s.name(), Elf.SHT_RELA, Elf.SHF_INFO_LINK, 0, data,
                    data.length, symtabIndex, sectionIndex.get(s.name()), 8, Elf.RELA_SIZE, -1));
        }
        byte[] symbytes = symtab.toByteArray();
        specs.add(new ElfFileWriter.SectionSpec(".symtab", Elf.SHT_SYMTAB, 0, 0, symbytes, symbytes.length,
                strtabIndex, firstGlobal, 8, Elf.SYM_SIZE, -1));
        byte[] strbytes = strtab.toByteArray();
        specs.add(new ElfFileWriter.SectionSpec(".strtab", Elf.SHT_STRTAB, 0, 0, strbytes, strbytes.length, 0, 0, 1, 0, -1));
        return ElfFileWriter.write(Elf.ET_REL, object.arch(), 0, List.of(), specs);
    }

    static long flags(Section s) {
        long f = 0;
        for (SectionFlag flag : s.flags()) {
            f |= switch (flag) {
                case ALLOC -> Elf.SHF_ALLOC;
                case WRITE -> Elf.SHF_WRITE;
                case EXECUTE -> Elf.SHF_EXECINSTR;
                case MERGE -> Elf.SHF_MERGE;
                case STRINGS -> Elf.SHF_STRINGS;
            };
        }
        return f;
    }

    static int binding(Symbol.Binding b) {
        return switch (b) {
            case LOCAL -> Elf.STB_LOCAL;
            case GLOBAL -> Elf.STB_GLOBAL;
            case WEAK -> Elf.STB_WEAK;
        };
    }

    static int type(Symbol.Type t) {
        return switch (t) {
            case NOTYPE -> Elf.STT_NOTYPE;
            case OBJECT -> Elf.STT_OBJECT;
            case FUNC -> Elf.STT_FUNC;
            case SECTION -> Elf.STT_SECTION;
        };
    }
}
