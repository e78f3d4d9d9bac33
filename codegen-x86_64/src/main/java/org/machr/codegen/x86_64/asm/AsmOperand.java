package org.machr.codegen.x86_64.asm;

import org.machr.codegen.x86_64.Gpr;
import org.machr.codegen.x86_64.Reg;
import org.machr.codegen.x86_64.SegReg;
import org.machr.diag.Span;

/** An operand as written, before its expressions are evaluated. */
sealed interface AsmOperand {

    Span span();

    /** {@code %reg}. */
    record Register(Reg reg, Span span) implements AsmOperand {}

    /** {@code $expr}. */
    record Immediate(Expr value, Span span) implements AsmOperand {}

    /**
     * {@code seg:disp(base, index, scale)}; every part optional. A bare {@code expr} is a memory operand
     * with only a displacement — an absolute address, or the target of a direct branch.
     */
    record Memory(SegReg segment, Expr disp, Gpr base, Gpr index, int scale, boolean rip, Span span) implements AsmOperand {
        boolean isBareExpression() {
            return segment == null && base == null && index == null && !rip && disp != null;
        }
    }

    /** {@code *operand}: the target of an indirect jump or call. */
    record Indirect(AsmOperand target, Span span) implements AsmOperand {}
}
