package org.machr.codegen.x86_64;

/**
 * A field of an encoded instruction whose value depends on a symbol or label: the field holds zero and
 * its value is {@code S + addend - (P if PC-relative)}, where P is the address of the field — the ELF
 * convention, so a RIP-relative {@code foo(%rip)} followed by no immediate has addend -4.
 *
 * @param offset where the field begins within the instruction
 */
public record X64Fixup(int offset, X64FixupKind kind, Target target, long addend) {}
