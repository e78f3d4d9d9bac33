package org.machr.codegen.x86_64;

import java.util.HexFormat;

/**
 * Instructions without operands, with their complete encodings and the name llvm-mc prints in 64- and
 * 32-bit mode (Intel SDM Vol. 2; each constant names its page). A null 32-bit name means the
 * instruction is valid only in 64-bit mode.
 */
public enum NullaryOp {
    NOP("90", "nop", "nop"),                 // "NOP"
    INT3("cc", "int3", "int3"),              // "INT n/INTO/INT3/INT1"
    UD2("0f0b", "ud2", "ud2"),               // "UD"
    PAUSE("f390", "pause", "pause"),         // "PAUSE"
    HLT("f4", "hlt", "hlt"),                 // "HLT"
    CLI("fa", "cli", "cli"),                 // "CLI"
    STI("fb", "sti", "sti"),                 // "STI"
    CLD("fc", "cld", "cld"),                 // "CLD"
    STD("fd", "std", "std"),                 // "STD"
    RDMSR("0f32", "rdmsr", "rdmsr"),         // "RDMSR"
    WRMSR("0f30", "wrmsr", "wrmsr"),         // "WRMSR"
    RDTSC("0f31", "rdtsc", "rdtsc"),         // "RDTSC"
    CPUID("0fa2", "cpuid", "cpuid"),         // "CPUID"
    WBINVD("0f09", "wbinvd", "wbinvd"),      // "WBINVD"
    CLTS("0f06", "clts", "clts"),            // "CLTS"
    MFENCE("0faef0", "mfence", "mfence"),    // "MFENCE"
    LFENCE("0faee8", "lfence", "lfence"),    // "LFENCE"
    SFENCE("0faef8", "sfence", "sfence"),    // "SFENCE"
    SWAPGS("0f01f8", "swapgs", null),        // "SWAPGS"
    SYSCALL("0f05", "syscall", null),        // "SYSCALL"
    SYSRETQ("480f07", "sysretq", null),      // "SYSRET" (REX.W: return to 64-bit code)
    SYSRETL("0f07", "sysretl", null),        // "SYSRET" (return to compatibility mode)
    IRETQ("48cf", "iretq", null),            // "IRET/IRETD/IRETQ"
    IRETL("cf", "iretl", "iretl"),           // "IRET/IRETD/IRETQ"
    RET("c3", "retq", "retl"),               // "RET" near
    LRETQ("48cb", "lretq", null),            // "RET" far, 64-bit operand size
    LRETL("cb", "lretl", "lretl"),           // "RET" far
    LEAVE("c9", "leave", "leave"),           // "LEAVE"
    CWTL("98", "cwtl", "cwtl"),              // "CBW/CWDE/CDQE"
    CLTQ("4898", "cltq", null),              // "CBW/CWDE/CDQE"
    CWTD("6699", "cwtd", "cwtd"),            // "CWD/CDQ/CQO" (66h in both modes: 16-bit operand size)
    CLTD("99", "cltd", "cltd"),              // "CWD/CDQ/CQO"
    CQTO("4899", "cqto", null);              // "CWD/CDQ/CQO"

    private final byte[] bytes;
    private final String name64;
    private final String name32;

    NullaryOp(String hex, String name64, String name32) {
        this.bytes = HexFormat.of().parseHex(hex);
        this.name64 = name64;
        this.name32 = name32;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The name llvm-mc prints in {@code mode}; null if the instruction is invalid there. */
    public String mnemonic(X64Mode mode) {
        return mode == X64Mode.BITS64 ? name64 : name32;
    }
}
