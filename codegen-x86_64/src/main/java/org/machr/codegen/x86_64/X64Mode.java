package org.machr.codegen.x86_64;

/**
 * The processor mode code is assembled for (Intel SDM Vol. 1 §3.2.1): 64-bit mode ({@code .code64}, the
 * default) or 32-bit protected mode ({@code .code32}, the multiboot entry before long mode), where there is
 * no REX prefix, no 64-bit operand size and no RIP-relative addressing.
 */
public enum X64Mode {
    BITS64,
    BITS32
}
