package org.machr.link.elf;

/**
 * ELF64 constants (System V gABI, chapter 4 "Object Files": ELF header, sections, symbol table,
 * relocation; chapter 5 "Program Loading": program header).
 */
public final class Elf {

    private Elf() {}

    public static final int EHDR_SIZE = 64;
    public static final int SHDR_SIZE = 64;
    public static final int PHDR_SIZE = 56;
    public static final int SYM_SIZE = 24;
    public static final int RELA_SIZE = 24;

    public static final int ELFCLASS64 = 2;
    public static final int ELFDATA2LSB = 1;
    public static final int EV_CURRENT = 1;

    public static final int ET_REL = 1;
    public static final int ET_EXEC = 2;

    public static final int EM_X86_64 = 62;
    public static final int EM_AARCH64 = 183;

    public static final int SHT_NULL = 0;
    public static final int SHT_PROGBITS = 1;
    public static final int SHT_SYMTAB = 2;
    public static final int SHT_STRTAB = 3;
    public static final int SHT_RELA = 4;
    public static final int SHT_NOTE = 7;
    public static final int SHT_NOBITS = 8;
    public static final int SHT_REL = 9;
    public static final int SHT_GROUP = 17;
    /** clang's address-significance table (LLVM extension), emitted into every object by default. */
    public static final int SHT_LLVM_ADDRSIG = 0x6fff4c03;

    public static final long SHF_WRITE = 0x1;
    public static final long SHF_ALLOC = 0x2;
    public static final long SHF_EXECINSTR = 0x4;
    public static final long SHF_MERGE = 0x10;
    public static final long SHF_STRINGS = 0x20;
    public static final long SHF_INFO_LINK = 0x40;
    public static final long SHF_GROUP = 0x200;
    public static final long SHF_TLS = 0x400;

    public static final int SHN_UNDEF = 0;
    public static final int SHN_ABS = 0xfff1;
    public static final int SHN_COMMON = 0xfff2;

    public static final int STB_LOCAL = 0;
    public static final int STB_GLOBAL = 1;
    public static final int STB_WEAK = 2;

    public static final int STT_NOTYPE = 0;
    public static final int STT_OBJECT = 1;
    public static final int STT_FUNC = 2;
    public static final int STT_SECTION = 3;
    public static final int STT_FILE = 4;

    public static final int PT_LOAD = 1;
    public static final int PF_X = 1;
    public static final int PF_W = 2;
    public static final int PF_R = 4;
}
