package org.machr.codegen.aarch64.asm;

import org.machr.codegen.aarch64.A64Insn;
import org.machr.link.A64Reloc;

/**
 * An instruction as parsed. If {@code symbolic} is set, the instruction was built with a zero offset or
 * immediate and the expression is resolved at the end: a PC-relative target (branch, ADR, LDR literal)
 * when {@code lo12} is null, otherwise the low 12 bits of an address for an ADD or a load/store, as the
 * relocation kind {@code lo12} says. ADRP always takes a symbolic page.
 */
record Parsed(A64Insn insn, Expr symbolic, A64Reloc lo12) {
    static Parsed of(A64Insn insn) {
        return new Parsed(insn, null, null);
    }
}
