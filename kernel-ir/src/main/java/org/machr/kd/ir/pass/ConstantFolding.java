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
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        Uses uses = analyses.uses();
        Imm[] global = new Imm[f.regCount()];
        for (int r = 0; r < uses.singleDef.length; r++)
            if (uses.singleDef[r] instanceof Insn.Copy(Reg d, Imm v)) global[r] = v;
        boolean changed = false;
        // Block-local constants: local[r] counts only while localBlock[r] is the current block's number.
        Imm[] local = new Imm[global.length];
        int[] localBlock = new int[global.length];
        boolean[] any = new boolean[1];
        int[] block = {0};              // the current block's number, read by the visitors made once here
        UnaryOperator<Operand> subst = o -> o instanceof Reg r ? known(r, global, local, localBlock, block[0], o) : o;
        Operands.RegVisitor probe = r -> any[0] |= known(r, global, local, localBlock, block[0], null) != null;
        Operands.RegVisitor kill = d -> localBlock[d.id()] = -1 - block[0];
        for (Block b : f.blocks()) {
            int current = ++block[0];
            List<Insn> insns = b.insns();
            for (int i = 0; i < insns.size(); i++) {
                Insn before = insns.get(i);
                any[0] = false;
                Operands.forEachUse(before, probe);
                Insn after = foldBoolMask(fold(any[0] ? before.mapUses(subst) : before), uses);
                if (after != before && !after.equals(before)) {
                    insns.set(i, after);
                    changed = true;
                }
                Operands.forEachDef(after, kill);
                if (after instanceof Insn.Copy(Reg d, Imm v)) {
                    local[d.id()] = v;
                    localBlock[d.id()] = current;
                }
            }
            Terminator t = b.terminator();
            if (t != null) {
                any[0] = false;
                Operands.forEachUse(t, probe);
                Terminator folded = fold(any[0] ? t.mapUses(subst) : t);
                if (folded != t && !folded.equals(t)) {
                    b.setTerminator(folded);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** The constant {@code r} holds here (null when unknown; {@code orElse} when not a constant). */
    private static Operand known(Reg r, Imm[] global, Imm[] local, int[] localBlock, int current, Operand orElse) {
        int id = r.id();
        if (localBlock[id] == current) return local[id];
        if (localBlock[id] == -1 - current) return orElse;
        return global[id] != null ? global[id] : orElse;
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
