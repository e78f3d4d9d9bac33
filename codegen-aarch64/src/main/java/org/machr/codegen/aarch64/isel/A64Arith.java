package org.machr.codegen.aarch64.isel;

import static org.machr.codegen.aarch64.isel.A64Lowering.mov;

import java.util.List;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Imm12;
import org.machr.codegen.aarch64.Ops.*;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Reg;

/**
 * Arithmetic for {@link A64Lowering}: values stay in the IR's canonical form, so a narrow result that
 * may leave its range is re-extended (SBFM) unless its only reader looks at its low bits alone, unsigned
 * operations zero-extend narrow inputs first, shift amounts are taken modulo the width, and division by
 * zero branches to the {@code rt.panic_at} call.
 */
final class A64Arith {

    private final A64Lowering l;

    A64Arith(A64Lowering l) {
        this.l = l;
    }

    /** Re-extends {@code d} to the canonical form of {@code t} (a no-op for 64-bit values). */
    void canonical(VReg d, IrType t) {
        if (t.bits() == 64 || readsLowBitsOnly(d, t)) return;
        int bits = t.bits();
        l.add(List.of(Operand.use(d), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), 0, bits - 1)));
    }

    /**
     * Whether the only reader of the IR register behind {@code d} depends on its low {@code t.bits()}
     * bits alone, so its canonical extension can be left out: an ADD, SUB, MUL or SHL of that width
     * (which re-extends its own result), a store of at most that width of it, or a TRUNC.
     */
    private boolean readsLowBitsOnly(VReg d, IrType t) {
        if (d.id() >= l.fn.regCount()) return false;
        Reg r = new Reg(d.id(), t);
        return switch (l.facts.onlyUser(r)) {
            case Insn.Binary b -> b.dst().type().equals(t)
                    && (b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL || b.op() == BinOp.SHL);
            case Insn.Store s -> s.memType().bits() <= t.bits() && !l.sameReg(s.address(), r);
            case Insn.Convert c -> c.op() == org.machr.kd.ir.ConvOp.TRUNC;
            case null, default -> false;
        };
    }

    /** A new register holding the zero-extension of {@code a} from {@code t}'s width. */
    private VReg zeroExtended(VReg a, IrType t) {
        if (t.bits() == 64) return a;
        VReg z = l.temp();
        int bits = t.bits();
        l.add(List.of(Operand.use(a), Operand.def(z)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), 0, bits - 1)));
        return z;
    }

    private void three(VReg d, VReg a, VReg b, java.util.function.Function<List<XReg>, A64Insn> f) {
        l.add(List.of(Operand.use(a), Operand.use(b), Operand.def(d)), (ctx, x) -> ctx.emit(f.apply(x)));
    }

    void binary(Insn.Binary b) {
        VReg d = l.v(b.dst());
        IrType t = b.dst().type();
        int bits = t.bits();
        BinOp op = b.op();
        if (op == BinOp.MUL && b.b() instanceof Imm k && k.value() > 0 && Long.bitCount(k.value()) == 1) {
            binary(new Insn.Binary(b.dst(), BinOp.SHL, b.a(), new Imm(t, Long.numberOfTrailingZeros(k.value())), b.loc()));
            return;
        }
        if (op == BinOp.LSHR && b.b() instanceof Imm amount && IrSemantics.shiftAmount(bits, amount.value()) > 0) {
            // The field [s, bits) zero-extended: below 2^(bits-s), already canonical.
            int s = IrSemantics.shiftAmount(bits, amount.value());
            VReg a = l.reg(b.a());
            l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), s, bits - 1)));
            return;
        }
        if ((op == BinOp.SHL || op == BinOp.LSHR || op == BinOp.ASHR) && b.b() instanceof Imm amount) {
            int s = IrSemantics.shiftAmount(bits, amount.value());
            VReg a = op == BinOp.LSHR ? zeroExtended(l.reg(b.a()), t) : l.reg(b.a());
            l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(switch (op) {
                case SHL -> new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), (64 - s) % 64, 63 - s);
                case LSHR -> new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), s, 63);
                default -> new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), s, 63);
            }));
            if (op != BinOp.ASHR) canonical(d, t);
            return;
        }
        if (b.b() instanceof Imm k && immediateForm(op, d, l.reg(b.a()), k.value())) {
            if (op == BinOp.ADD || op == BinOp.SUB) canonical(d, t);
            return;
        }
        VReg a = l.reg(b.a());
        VReg c = l.reg(b.b());
        switch (op) {
            case ADD, SUB -> three(d, a, c, x -> new A64Insn.AddSubShifted(op == BinOp.SUB, false, x.get(2), x.get(0), x.get(1), Shift.NONE));
            case MUL -> three(d, a, c, x -> new A64Insn.DataProc3(DataProc3Op.MADD, x.get(2), x.get(0), x.get(1), XReg.XZR));
            case AND, OR, XOR -> three(d, a, c, x -> new A64Insn.LogicalShifted(
                    op == BinOp.AND ? LogicalRegOp.AND : op == BinOp.OR ? LogicalRegOp.ORR : LogicalRegOp.EOR, x.get(2), x.get(0), x.get(1), Shift.NONE));
            case SHL, LSHR, ASHR -> {
                VReg amount = c;
                if (bits < 64) {
                    amount = l.temp();
                    l.add(List.of(Operand.use(c), Operand.def(amount)), (ctx, x) -> ctx.emit(new A64Insn.LogicalImm(LogicalImmOp.AND, x.get(1), x.get(0),
                            new org.machr.codegen.aarch64.BitmaskImm(bits - 1, true))));
                }
                VReg src = op == BinOp.LSHR ? zeroExtended(a, t) : a;
                DataProc2Op p = op == BinOp.SHL ? DataProc2Op.LSLV : op == BinOp.LSHR ? DataProc2Op.LSRV : DataProc2Op.ASRV;
                three(d, src, amount, x -> new A64Insn.DataProc2(p, x.get(2), x.get(0), x.get(1)));
            }
            case SDIV, UDIV, SREM, UREM -> {
                boolean unsigned = op == BinOp.UDIV || op == BinOp.UREM;
                VReg n = unsigned ? zeroExtended(a, t) : a;
                VReg m = unsigned ? zeroExtended(c, t) : c;
                var loc = b.loc();
                l.add(List.of(Operand.use(m)), (ctx, x) -> ctx.emit(new A64Insn.CompareBranch(false, x.get(0),
                        new Target.ToLabel(ctx.panic("division by zero", loc)))));
                DataProc2Op div = unsigned ? DataProc2Op.UDIV : DataProc2Op.SDIV;
                if (op == BinOp.SDIV || op == BinOp.UDIV) {
                    three(d, n, m, x -> new A64Insn.DataProc2(div, x.get(2), x.get(0), x.get(1)));
                } else {
                    VReg q = l.temp();
                    three(q, n, m, x -> new A64Insn.DataProc2(div, x.get(2), x.get(0), x.get(1)));
                    l.add(List.of(Operand.use(q), Operand.use(m), Operand.use(n), Operand.def(d)),
                            (ctx, x) -> ctx.emit(new A64Insn.DataProc3(DataProc3Op.MSUB, x.get(3), x.get(0), x.get(1), x.get(2))));
                }
            }
        }
        if (op != BinOp.AND && op != BinOp.OR && op != BinOp.XOR && op != BinOp.ASHR) canonical(d, t);
    }

    /** ADD/SUB with a 12-bit (optionally shifted) immediate, AND/ORR/EOR with a bitmask immediate. */
    private boolean immediateForm(BinOp op, VReg d, VReg a, long k) {
        switch (op) {
            case ADD, SUB -> {
                boolean sub = op == BinOp.SUB;
                long magnitude = k;
                if (k < 0 && k != Long.MIN_VALUE) {
                    sub = !sub;
                    magnitude = -k;
                }
                Imm12 imm;
                try {
                    imm = Imm12.of(magnitude);
                } catch (org.machr.codegen.aarch64.InvalidOperandException e) {
                    return false;
                }
                boolean s = sub;
                l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.AddSubImm(s, false, x.get(1), x.get(0), imm)));
                return true;
            }
            case AND, OR, XOR -> {
                var mask = org.machr.codegen.aarch64.BitmaskImm.tryOf(k, true);
                if (mask.isEmpty()) return false;
                LogicalImmOp lop = op == BinOp.AND ? LogicalImmOp.AND : op == BinOp.OR ? LogicalImmOp.ORR : LogicalImmOp.EOR;
                l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.LogicalImm(lop, x.get(1), x.get(0), mask.get())));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    void convert(Insn.Convert c) {
        VReg d = l.v(c.dst());
        VReg a = l.reg(c.a());
        int from = c.a().type().bits();
        int to = c.dst().type().bits();
        switch (c.op()) {
            case ZEXT -> {
                if (from == 64) l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
                else l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), 0, from - 1)));
                if (to <= from) canonical(d, c.dst().type());
            }
            case SEXT -> l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
            case TRUNC -> {
                if (to == 64) l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
                else l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), 0, to - 1)));
            }
        }
    }

    void unary(Insn.Unary u) {
        VReg d = l.v(u.dst());
        VReg a = l.reg(u.a());
        l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(switch (u.op()) {
            case NEG -> new A64Insn.AddSubShifted(true, false, x.get(1), XReg.XZR, x.get(0), Shift.NONE);
            case NOT -> new A64Insn.LogicalShifted(LogicalRegOp.ORN, x.get(1), XReg.XZR, x.get(0), Shift.NONE);
        }));
        if (u.op() == org.machr.kd.ir.UnOp.NEG) canonical(d, u.dst().type());
    }
}
