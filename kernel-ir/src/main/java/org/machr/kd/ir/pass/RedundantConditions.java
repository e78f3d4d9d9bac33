package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.List;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;
import org.machr.kd.ir.pass.Implication.Fact;

/**
 * Replaces a compare by a constant when every path to it passed a branch on a compare that decides it
 * ({@link Implication}): the same compare of the same operands, or one that implies it, like the loop
 * head's {@code i <u n} making the bounds check {@code i <u n} in the body true. The search walks
 * backwards from the compare through predecessors, giving up where an operand is reassigned (the IR is
 * not SSA), at the entry, or after {@link #BUDGET} blocks; all predecessors must agree. A compare is
 * also decided by an upper bound of an operand computed with a mask, like {@code (x & 255) <u 256}.
 */
public final class RedundantConditions implements Pass {
    static final int BUDGET = 24;

    @Override
    public String name() {
        return "condelim";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        Cfg cfg = null;
        Uses uses = null;
        boolean changed = false;
        for (Block b : f.blocks()) {
            List<Insn> insns = b.insns();
            for (int k = 0; k < insns.size(); k++) {
                if (!(insns.get(k) instanceof Insn.Compare(Reg d, var cond, Operand a, Operand x))
                        || !(a instanceof Reg || x instanceof Reg)) continue;
                if (cfg == null) {
                    cfg = analyses.cfg();
                    uses = analyses.uses();
                }
                Fact query = new Fact(cond, a, x);
                Boolean known = byBound(query, uses);
                if (known == null) known = new Search(f, cfg, query).before(b, k);
                if (known == null) continue;
                insns.set(k, new Insn.Copy(d, Imm.bool(known)));
                changed = true;
            }
        }
        return changed;
    }

    /** Decides {@code query} from an unsigned upper bound of a register operand (see {@link #bound}). */
    private static Boolean byBound(Fact query, Uses uses) {
        for (Operand o : List.of(query.a(), query.b())) {
            if (!(o instanceof Reg r)) continue;
            long max = bound(r, uses, 4);
            if (max == -1) continue;
            Boolean decided = Implication.decide(new Fact(Cond.ULE, r, new Imm(r.type(), max)), query);
            if (decided != null) return decided;
        }
        return null;
    }

    /**
     * An unsigned upper bound of a register with one definition, from how it is computed ({@code and}
     * with a constant, {@code urem}/{@code lshr} by one, {@code zext}, a compare), or -1 (none known).
     */
    static long bound(Operand o, Uses uses, int depth) {
        if (o instanceof Imm i) return i.unsignedValue();
        if (!(o instanceof Reg r) || depth == 0 || uses.defs[r.id()] != 1) return -1;
        long all = r.type().unsigned(-1);
        long max = switch (uses.singleDef[r.id()]) {
            case Insn.Binary(var d, BinOp op, Operand a, Imm c, var loc) when op == BinOp.AND ->
                    unsignedMin(c.unsignedValue(), bound(a, uses, depth - 1));
            case Insn.Binary(var d, BinOp op, Operand a, Imm c, var loc) when op == BinOp.UREM && c.value() != 0 ->
                    c.unsignedValue() - 1;
            case Insn.Binary(var d, BinOp op, Operand a, Imm c, var loc) when op == BinOp.LSHR ->
                    a.type().unsigned(-1) >>> (c.value() & (a.type().bits() - 1));
            case Insn.Convert(var d, ConvOp op, Operand a) when op == ConvOp.ZEXT ->
                    unsignedMin(a.type().unsigned(-1), bound(a, uses, depth - 1));
            case Insn.Compare c -> 1;
            case null, default -> -1;
        };
        return max == -1 || Long.compareUnsigned(max, all) >= 0 ? -1 : max;
    }

    /** The smaller of two unsigned bounds, where -1 means "no bound". */
    private static long unsignedMin(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /**
     * One backward search for facts deciding {@code query}. Going up, the query follows copies into
     * its operands ({@code %a = copy %b}: above it, the question is about {@code %b}); branch facts
     * seen below such a copy stay usable while their operands are not reassigned.
     */
    private static final class Search {
        private final IrFunction f;
        private final Cfg cfg;
        private final Fact query;
        private int budget = BUDGET;

        Search(IrFunction f, Cfg cfg, Fact query) {
            this.f = f;
            this.cfg = cfg;
            this.query = query;
        }

        /** The question as it reads at one point of one path, and the branch facts holding there. */
        private static final class State {
            Fact query;
            final List<Fact> facts;

            State(Fact query, List<Fact> facts) {
                this.query = query;
                this.facts = facts;
            }

            State copy() {
                return new State(query, new ArrayList<>(facts));
            }
        }

        /** What is known about the query just before instruction {@code index} of {@code b}. */
        Boolean before(Block b, int index) {
            State s = new State(query, new ArrayList<>());
            for (int i = index - 1; i >= 0; i--) {
                Outcome o = step(s, b.insns().get(i));
                if (o != Outcome.GO_ON) return o.value;
            }
            return atTop(b, s);
        }

        private Boolean atTop(Block b, State s) {
            if (b == f.entry() || --budget < 0) return null;
            int[] preds = cfg.preds(b.id());
            if (preds.length == 0) return null;
            Boolean agreed = null;
            for (int p : preds) {
                Boolean viaEdge = alongEdge(f.block(p), b.id(), s.copy());
                if (viaEdge == null || (agreed != null && !agreed.equals(viaEdge))) return null;
                agreed = viaEdge;
            }
            return agreed;
        }

        /** What is known at the end of {@code p} when it goes on to {@code to}. */
        private Boolean alongEdge(Block p, int to, State s) {
            Reg flag = p.terminator() instanceof Terminator.Branch(Reg c, int t, int e) && t != e ? c : null;
            List<Insn> insns = p.insns();
            for (int i = insns.size() - 1; i >= 0; i--) {
                Insn insn = insns.get(i);
                if (flag != null && Operands.defines(insn, flag.id())) {
                    if (insn instanceof Insn.Compare(Reg unused, var cond, Operand a, Operand b)) {
                        Fact edge = new Fact(cond, a, b);
                        if (((Terminator.Branch) p.terminator()).ifFalse() == to) edge = edge.negate();
                        Boolean decided = Implication.decide(edge, s.query);
                        if (decided != null) return decided;
                        s.facts.add(edge);
                    }
                    flag = null;
                }
                Outcome o = step(s, insn);
                if (o != Outcome.GO_ON) return o.value;
            }
            return atTop(p, s);
        }

        private enum Outcome {
            TRUE(Boolean.TRUE), FALSE(Boolean.FALSE), UNKNOWN(null), GO_ON(null);

            final Boolean value;

            Outcome(Boolean value) {
                this.value = value;
            }

            static Outcome of(Boolean b) {
                return b == null ? GO_ON : b ? TRUE : FALSE;
            }
        }

        /** Moves the state above {@code insn}. */
        private static Outcome step(State s, Insn insn) {
            s.facts.removeIf(fact -> assigns(insn, fact.a()) || assigns(insn, fact.b()));
            boolean a = assigns(insn, s.query.a()), b = assigns(insn, s.query.b());
            if (!a && !b) return Outcome.GO_ON;
            if (!(insn instanceof Insn.Copy(Reg d, Operand src))) return Outcome.UNKNOWN;
            Fact q = s.query;
            s.query = q = new Fact(q.cond(), a ? src : q.a(), b ? src : q.b());
            if (q.a() instanceof Imm x && q.b() instanceof Imm y)
                return Outcome.of(IrSemantics.compare(q.cond(), x.type(), x.value(), y.value()));
            for (Fact fact : s.facts) {
                Boolean decided = Implication.decide(fact, q);
                if (decided != null) return Outcome.of(decided);
            }
            return Outcome.GO_ON;
        }

        private static boolean assigns(Insn insn, Operand o) {
            return o instanceof Reg r && Operands.defines(insn, r.id());
        }
    }
}
