package org.machr.codegen.aarch64.isel;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.SlotAddr;

/**
 * Addressing-mode selection for {@link A64Lowering}: an i64 ADD whose only use is the address of the
 * next load or store becomes its mode ({@code [base, index]}, {@code [base, #imm]}), a MUL by the access
 * size (or SHL by its log2) before that ADD becomes {@code [base, index, lsl #log2(size)]}, and a stack
 * slot is {@code [sp, #offset]}.
 */
final class A64Address {

    private final A64Lowering l;
    /** The ADD (base + index or base + constant) the next load or store uses as its addressing mode. */
    private Insn.Binary foldedAddress;
    /** The MUL or SHL whose operand the folded address scales by the access size. */
    private Insn.Binary scaledIndex;

    A64Address(A64Lowering l) {
        this.l = l;
    }

    /**
     * Whether {@code i} is folded into the addressing mode of the load or store after it ({@code next},
     * or {@code next2} for a scaled index): it then selects nothing of its own.
     */
    boolean fold(Insn i, Insn next, Insn next2) {
        if (next2 != null && isFoldableScale(i, next, next2)) {
            scaledIndex = (Insn.Binary) i;
            return true;
        }
        if (next != null && isFoldableAddress(i, next)) {
            foldedAddress = (Insn.Binary) i;
            return true;
        }
        return false;
    }

    /** Forgets pending folds: the instruction after them was not the load or store they were for. */
    void reset() {
        foldedAddress = null;
        scaledIndex = null;
    }

    /** {@code i} is an i64 ADD whose only use is the address of the load or store {@code next}. */
    private boolean isFoldableAddress(Insn i, Insn next) {
        if (!(i instanceof Insn.Binary b) || b.op() != BinOp.ADD || b.dst().type().bits() != 64) return false;
        if (!l.facts.singleUse(l.resolve(b.dst()))) return false;
        org.machr.kd.ir.Operand address = switch (next) {
            case Insn.Load ld -> ld.address();
            case Insn.Store s -> s.address();
            default -> null;
        };
        if (address == null || !l.sameReg(address, b.dst())) return false;
        if (next instanceof Insn.Store s && l.sameReg(s.value(), b.dst())) return false;
        int size = (next instanceof Insn.Load ld ? ld.memType() : ((Insn.Store) next).memType()).bytes();
        return !(b.a() instanceof Imm) && (!(b.b() instanceof Imm k) || offsetFits(k.value(), size));
    }

    private static boolean offsetFits(long offset, int size) {
        return offset >= -256 && offset < 256 || offset >= 0 && offset % size == 0 && offset / size <= 4095;
    }

    /**
     * {@code i} multiplies by the access size of the load or store {@code next2} (or shifts by its log2)
     * and {@code next} adds the product to a base: {@code [base, index, lsl #log2(size)]}.
     */
    private boolean isFoldableScale(Insn i, Insn next, Insn next2) {
        if (!(i instanceof Insn.Binary m) || m.dst().type().bits() != 64 || !(m.b() instanceof Imm k) || m.a() instanceof Imm) return false;
        if (!l.facts.singleUse(l.resolve(m.dst())) || !isFoldableAddress(next, next2)) return false;
        Insn.Binary add = (Insn.Binary) next;
        if (!l.sameReg(add.b(), m.dst()) || l.sameReg(add.a(), m.dst())) return false;
        int size = (next2 instanceof Insn.Load ld ? ld.memType() : ((Insn.Store) next2).memType()).bytes();
        int log2 = Integer.numberOfTrailingZeros(size);
        return m.op() == BinOp.MUL && k.value() == size || m.op() == BinOp.SHL && k.value() == log2;
    }

    /**
     * An addressing mode before allocation: {@code [base, #offset]} ({@code base == null}: SP) or
     * {@code [base, index]}.
     */
    record Addr(VReg base, long offset, VReg index, boolean scaled) {
        List<Operand> operands() {
            List<Operand> ops = new ArrayList<>();
            if (base != null) ops.add(Operand.use(base));
            if (index != null) ops.add(Operand.use(index));
            return ops;
        }

        /** The address, given the registers of {@link #operands()} at the front of {@code x}. */
        Address at(List<XReg> x, int size) {
            XReg b = base == null ? XReg.SP : x.get(0);
            if (index != null) return new Address.RegOffset(b, x.get(1), org.machr.codegen.aarch64.ExtendType.UXTX, scaled);
            boolean unsignedOffset = offset >= 0 && offset % size == 0 && offset / size <= 4095;
            return unsignedOffset ? new Address.Scaled(b, offset) : new Address.Unscaled(b, (int) offset);
        }
    }

    Addr address(org.machr.kd.ir.Operand o, int size) {
        Insn.Binary folded = foldedAddress;
        foldedAddress = null;
        if (folded != null) {
            Insn.Binary scaled = scaledIndex;
            scaledIndex = null;
            if (folded.b() instanceof Imm k) return new Addr(l.reg(folded.a()), k.value(), null, false);
            if (scaled != null) return new Addr(l.reg(folded.a()), 0, l.reg(scaled.a()), true);
            return new Addr(l.reg(folded.a()), 0, l.reg(folded.b()), false);
        }
        if (o instanceof SlotAddr s) {
            long off = l.slotOffset(s);
            if (off % size == 0 && off / size <= 4095) return new Addr(null, off, null, false);
        }
        return new Addr(l.reg(o), 0, null, false);
    }
}
