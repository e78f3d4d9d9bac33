package org.machr.codegen.aarch64.asm;

import java.util.List;
import java.util.Locale;
import org.machr.codegen.aarch64.GpReg;
import org.machr.codegen.aarch64.XReg;

/** Operand accessors shared by the instruction parsers: each reports a precise error at the operand. */
final class Operands {

    interface Constants {
        long constant(Expr e);

        /** Whether {@code e} is a constant now (without reporting anything). */
        default java.util.OptionalLong tryConstant(Expr e) {
            try {
                return java.util.OptionalLong.of(constant(e));
            } catch (AsmError notConstant) {
                return java.util.OptionalLong.empty();
            }
        }

        /** Places {@code e} ({@code width} bytes) in the section's literal pool; returns the entry's label. */
        String poolEntry(Expr e, int width);
    }

    final List<Operand> ops;
    final int stmtStart;
    final int stmtEnd;
    final Constants constants;
    final String mnemonic;

    Operands(String mnemonic, List<Operand> ops, int stmtStart, int stmtEnd, Constants constants) {
        this.mnemonic = mnemonic;
        this.ops = ops;
        this.stmtStart = stmtStart;
        this.stmtEnd = stmtEnd;
        this.constants = constants;
    }

    int size() {
        return ops.size();
    }

    Operand get(int i) {
        return ops.get(i);
    }

    void count(int... allowed) {
        for (int a : allowed) if (ops.size() == a) return;
        StringBuilder sb = new StringBuilder();
        for (int a : allowed) sb.append(sb.isEmpty() ? "" : " or ").append(a);
        int s = ops.isEmpty() ? stmtStart : ops.get(0).start();
        throw new AsmError(A64AsmCode.BAD_OPERAND, s, ops.isEmpty() ? stmtEnd : ops.get(ops.size() - 1).end(),
                "'" + mnemonic + "' takes " + sb + " operand" + (allowed.length == 1 && allowed[0] == 1 ? "" : "s")
                        + ", found " + ops.size());
    }

    AsmError error(int i, String message) {
        Operand o = ops.get(i);
        return new AsmError(A64AsmCode.BAD_OPERAND, o.start(), o.end(), message);
    }

    boolean isReg(int i) {
        return i < ops.size() && ops.get(i) instanceof Operand.Reg;
    }

    boolean isImm(int i) {
        return i < ops.size() && ops.get(i) instanceof Operand.Imm;
    }

    GpReg reg(int i) {
        if (ops.get(i) instanceof Operand.Reg r) return r.reg();
        throw error(i, "expected a register");
    }

    XReg x(int i) {
        GpReg r = reg(i);
        if (r instanceof XReg x) return x;
        throw error(i, "expected an X register, found " + r.asmName());
    }

    /** The expression of an immediate operand, with or without '#', without relocation operator. */
    Expr expr(int i) {
        if (ops.get(i) instanceof Operand.Imm imm && imm.modifier() == null) return imm.expr();
        throw error(i, "expected an immediate");
    }

    long imm(int i) {
        return constants.constant(expr(i));
    }

    /** An immediate that must lie in [lo, hi]. */
    int immIn(int i, long lo, long hi) {
        long v = imm(i);
        if (v < lo || v > hi) {
            Operand o = ops.get(i);
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, o.start(), o.end(),
                    "immediate " + v + " is out of range " + lo + ".." + hi);
        }
        return (int) v;
    }

    /** A bare name (condition, system register, option), lower-cased; null if the operand is not one. */
    String name(int i) {
        if (i < ops.size() && ops.get(i) instanceof Operand.Imm imm && !imm.hash() && imm.modifier() == null
                && imm.expr() instanceof Expr.Sym s) {
            return s.name().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    Operand.ShiftOp shift(int i) {
        if (ops.get(i) instanceof Operand.ShiftOp s) return s;
        throw error(i, "expected a shift or extend");
    }

    int shiftAmount(int i, int max) {
        Operand.ShiftOp s = shift(i);
        if (s.amount() == null) return 0;
        long v = constants.constant(s.amount());
        if (v < 0 || v > max) {
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, s.start(), s.end(), "shift amount " + v + " is out of range 0.." + max);
        }
        return (int) v;
    }
}
