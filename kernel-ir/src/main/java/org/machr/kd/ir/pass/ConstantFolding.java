package org.machr.kd.ir.pass;

import java.util.List;
import java.util.function.UnaryOperator;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Evaluates operations whose operands are constants (with {@link IrSemantics}), applies the
 * identities {@code x+0, x-0, x|0, x^0, x*1, x&-1, x<<0}, compares of a register with itself, and turns branches and switches on
 * constants into jumps. Constants are known per block (registers assigned a constant earlier in the
 * block) and function-wide (registers whose single definition is a constant). Divisions by a
 * constant zero are left alone: they must still panic at run time.
 */
public final class ConstantFolding implements Pass {

    @Override
    public String name() {
        return "constfold";
    }

    @Override
    public boolean run(IrFunction f) {
        Uses uses = new Uses(f);
        Imm[] global = new Imm[f.regCount()];
        for (int r = 0; r < uses.singleDef.length; r++)
            if (uses.singleDef[r] instanceof Insn.Copy(Reg d, Imm v)) global[r] = v;
        boolean changed = false;
        for (Block b : f.blocks()) {
            Imm[] known = global.clone();
            UnaryOperator<Operand> subst = o -> o instanceof Reg r && known[r.id()] != null ? known[r.id()] : o;
            List<Insn> insns = b.insns();
            for (int i = 0; i < insns.size(); i++) {
                Insn before = insns.get(i);
                Insn after = foldBoolMask(fold(before.mapUses(subst)), uses);
                if (!after.equals(before)) {
                    insns.set(i, after);
                    changed = true;
                }
                for (Reg d : after.defs())
                    known[d.id()] = after instanceof Insn.Copy(Reg unused, Imm v) ? v : null;
            }
            Terminator t = b.terminator();
            if (t != null) {
                Terminator folded = fold(t.mapUses(subst));
                if (!folded.equals(t)) {
                    b.setTerminator(folded);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** {@code b & 1} and {@code b | 0} on a compare result {@code b} (always 0 or 1) is {@code b}. */
    private static Insn foldBoolMask(Insn insn, Uses uses) {
        if (insn instanceof Insn.Binary(Reg d, BinOp op, Reg a, Imm m, var loc) && op == BinOp.AND && m.value() == 1
                && uses.singleDef[a.id()] instanceof Insn.Compare) return new Insn.Copy(d, a);
        return insn;
    }

    static Insn fold(Insn insn) {
        return switch (insn) {
            case Insn.Binary(Reg d, BinOp op, Imm a, Imm b, var loc) -> {
                if (op.canPanic() && b.value() == 0) yield insn;
                yield new Insn.Copy(d, new Imm(d.type(), IrSemantics.binary(op, d.type(), a.value(), b.value())));
            }
            case Insn.Binary(Reg d, BinOp op, Operand a, Imm b, var loc) when identity(op, b) -> new Insn.Copy(d, a);
            case Insn.Binary(Reg d, BinOp op, Imm a, Operand b, var loc) when op.commutative() && identity(op, a) ->
                    new Insn.Copy(d, b);
            case Insn.Unary(Reg d, var op, Imm a) -> new Insn.Copy(d, new Imm(d.type(), IrSemantics.unary(op, d.type(), a.value())));
            case Insn.Convert(Reg d, var op, Imm a) ->
                    new Insn.Copy(d, new Imm(d.type(), IrSemantics.convert(op, a.type(), d.type(), a.value())));
            case Insn.Compare(Reg d, var c, Imm a, Imm b) ->
                    new Insn.Copy(d, Imm.bool(IrSemantics.compare(c, a.type(), a.value(), b.value())));
            case Insn.Compare(Reg d, var c, Reg a, Reg b) when a.equals(b) -> new Insn.Copy(d, Imm.bool(switch (c) {
                case EQ, SLE, SGE, ULE, UGE -> true;
                case NE, SLT, SGT, ULT, UGT -> false;
            }));
            case Insn.Select(Reg d, Imm c, Operand t, Operand e) -> new Insn.Copy(d, c.value() != 0 ? t : e);
            case Insn.Select(Reg d, Operand c, Operand t, Operand e) when t.equals(e) -> new Insn.Copy(d, t);
            default -> insn;
        };
    }

    private static boolean identity(BinOp op, Imm v) {
        return switch (op) {
            case ADD, SUB, OR, XOR, SHL, LSHR, ASHR -> v.value() == 0;
            case MUL, SDIV, UDIV -> v.value() == 1;
            case AND -> v.value() == -1;
            default -> false;
        };
    }

    static Terminator fold(Terminator t) {
        return switch (t) {
            case Terminator.Branch(Imm c, int a, int b) -> new Terminator.Jump(c.value() != 0 ? a : b);
            case Terminator.Branch(Operand c, int a, int b) when a == b -> new Terminator.Jump(a);
            case Terminator.Switch(Imm v, var cases, int otherwise) -> new Terminator.Jump(
                    cases.stream().filter(c -> c.value() == v.value()).map(Terminator.Case::target).findFirst().orElse(otherwise));
            default -> t;
        };
    }
}
