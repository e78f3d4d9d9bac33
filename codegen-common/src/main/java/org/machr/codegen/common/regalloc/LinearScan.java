package org.machr.codegen.common.regalloc;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linear-scan register allocation (Poletto and Sarkar, 1999) over whole-lifetime intervals.
 *
 * <p>Each instruction {@code g} (numbered in layout order) has two points: {@code 2g}, where its uses are
 * read, and {@code 2g+1}, where its defs are written. A virtual register's interval is the hull of the
 * points where it is defined, used or live across a block boundary, so its home is one location for its
 * whole life and no moves are needed on control-flow edges. Intervals are visited by start; a register is
 * free for an interval if no active interval holds it and no <em>fixed point</em> of the register lies
 * within the interval. Fixed points come from clobbers (point {@code 2g+1}: a value live across a call
 * cannot sit in a caller-saved register), fixed uses ({@code 2g}) and fixed defs ({@code 2g+1}). When no
 * register is free, the interval ending last among the current one and the evictable active ones is
 * spilled to its own slot. A copy's destination takes its source's register when that is free, or shares
 * it when the source is not written again during the destination's interval (the copy is then dropped);
 * intervals sharing a register are never evicted. Otherwise an interval first tries the registers of its
 * own fixed operands (a call result, an argument it becomes, a returned value): one that is free saves
 * the move into or out of that register.
 *
 * <p>Around each instruction the allocator then adds: the parallel move of fixed uses into their
 * registers, reloads of spilled uses into scratch registers; after it, stores of spilled defs from
 * scratch registers and the parallel move of fixed defs to their homes.
 */
public final class LinearScan {

    private final RegAllocConfig config;

    public LinearScan(RegAllocConfig config) {
        this.config = config;
    }

    private static final class Interval {
        final VReg vreg;
        int start = Integer.MAX_VALUE;
        int end = -1;
        int moveHintFrom = -1;
        /** The registers of the interval's own fixed operands, in order: homes that save a move. */
        final List<PReg> fixedHints = new ArrayList<>();
        /** Points where the virtual register is written. */
        final BitSet defs = new BitSet();
        /** Whether another interval shares this one's register (see {@link #canShare}). */
        boolean shared;
        Location home;

        Interval(VReg vreg) {
            this.vreg = vreg;
        }

        void cover(int point) {
            start = Math.min(start, point);
            end = Math.max(end, point);
        }
    }

    public Allocation allocate(RegAllocFunction f) {
        List<RegAllocInsn> insns = new ArrayList<>();
        List<Integer> blockStarts = new ArrayList<>();
        int[] blockEnd = new int[f.blockCount()];
        for (int b = 0; b < f.blockCount(); b++) {
            blockStarts.add(insns.size());
            if (f.insns(b).isEmpty()) throw new IllegalArgumentException("block " + b + " is empty");
            insns.addAll(f.insns(b));
            blockEnd[b] = insns.size() - 1;
        }
        Interval[] intervals = buildIntervals(f, insns, blockStarts, blockEnd);
        fixedOwners.clear();
        Map<PReg, BitSet> fixedPoints = fixedPoints(insns);
        int spillSlots = assign(intervals, fixedPoints);
        return rewrite(insns, intervals, spillSlots, blockStarts);
    }

    private Interval[] buildIntervals(RegAllocFunction f, List<RegAllocInsn> insns, List<Integer> blockStarts,
                                      int[] blockEnd) {
        Interval[] iv = new Interval[f.vregCount()];
        for (int g = 0; g < insns.size(); g++) {
            RegAllocInsn insn = insns.get(g);
            for (Operand op : insn.operands()) {
                Interval i = intervalOf(iv, op.vreg().id(), op.vreg());
                i.cover(op.isUse() ? 2 * g : 2 * g + 1);
                if (!op.isUse()) i.defs.set(2 * g + 1);
                if (op.fixed() != null && !i.fixedHints.contains(op.fixed())) i.fixedHints.add(op.fixed());
            }
            if (insn.isMove()) {
                Operand def = insn.operands().stream().filter(o -> !o.isUse()).findFirst().orElseThrow();
                Operand use = insn.operands().stream().filter(Operand::isUse).findFirst().orElseThrow();
                Interval d = iv[def.vreg().id()];
                if (d.start == 2 * g + 1) d.moveHintFrom = use.vreg().id();
            }
        }
        Liveness live = new Liveness(f);
        for (int b = 0; b < f.blockCount(); b++) {
            int first = blockStarts.get(b);
            for (int v = live.liveIn[b].nextSetBit(0); v >= 0; v = live.liveIn[b].nextSetBit(v + 1)) {
                intervalOf(iv, v, null).cover(2 * first);
            }
            for (int v = live.liveOut[b].nextSetBit(0); v >= 0; v = live.liveOut[b].nextSetBit(v + 1)) {
                intervalOf(iv, v, null).cover(2 * blockEnd[b] + 1);
            }
        }
        return iv;
    }

    private static Interval intervalOf(Interval[] iv, int id, VReg vreg) {
        if (iv[id] == null) {
            if (vreg == null) throw new IllegalStateException("v" + id + " is live but never mentioned");
            iv[id] = new Interval(vreg);
        }
        return iv[id];
    }

    /** Per register, the virtual register that owns each fixed-operand bit (-1 if several do). */
    private final Map<PReg, Map<Integer, Integer>> fixedOwners = new HashMap<>();

    private Map<PReg, BitSet> fixedPoints(List<RegAllocInsn> insns) {
        Map<PReg, BitSet> points = new HashMap<>();
        for (int g = 0; g < insns.size(); g++) {
            RegAllocInsn insn = insns.get(g);
            // A clobber destroys values live across the instruction, not those it defines: key 2g+1 is
            // tested against (start, end] (see fixedWithin), fixed operands against [start, end].
            for (PReg p : insn.clobbers()) points.computeIfAbsent(p, k -> new BitSet()).set(4 * g + 3);
            for (Operand op : insn.operands()) {
                if (op.fixed() != null) {
                    int bit = op.isUse() ? 4 * g : 4 * g + 2;
                    points.computeIfAbsent(op.fixed(), k -> new BitSet()).set(bit);
                    fixedOwners.computeIfAbsent(op.fixed(), k -> new HashMap<>())
                            .merge(bit, op.vreg().id(), (a, b) -> a.equals(b) ? a : -1);
                }
            }
        }
        return points;
    }

    private int assign(Interval[] all, Map<PReg, BitSet> fixedPoints) {
        List<Interval> order = new ArrayList<>();
        for (Interval i : all) if (i != null) order.add(i);
        order.sort(Comparator.comparingInt((Interval i) -> i.start).thenComparingInt(i -> i.vreg.id()));
        List<Interval> active = new ArrayList<>();
        int slots = 0;
        for (Interval cur : order) {
            active.removeIf(a -> a.end < cur.start);
            List<PReg> regs = config.allocatable(cur.vreg.regClass());
            PReg chosen = null;
            if (cur.moveHintFrom >= 0 && all[cur.moveHintFrom].home instanceof PReg hinted) {
                Interval source = all[cur.moveHintFrom];
                if (isFree(hinted, cur, active, fixedPoints)) {
                    chosen = hinted;
                } else if (canShare(source, cur, active, fixedPoints)) {
                    chosen = hinted;
                    source.shared = true;
                    cur.shared = true;
                }
            }
            for (int h = 0; h < cur.fixedHints.size() && chosen == null; h++) {
                PReg hinted = cur.fixedHints.get(h);
                if (regs.contains(hinted) && isFree(hinted, cur, active, fixedPoints)) chosen = hinted;
            }
            for (int r = 0; r < regs.size() && chosen == null; r++) {
                if (isFree(regs.get(r), cur, active, fixedPoints)) chosen = regs.get(r);
            }
            if (chosen != null) {
                cur.home = chosen;
                active.add(cur);
                continue;
            }
            Interval victim = null;
            for (Interval a : active) {
                if (a.home instanceof PReg p && !a.shared && a.vreg.regClass() == cur.vreg.regClass() && a.end > cur.end
                        && !fixedWithin(p, cur, fixedPoints) && (victim == null || a.end > victim.end)) {
                    victim = a;
                }
            }
            if (victim != null) {
                cur.home = victim.home;
                active.remove(victim);
                active.add(cur);
                victim.home = new SpillSlot(slots++, victim.vreg.regClass());
            } else {
                cur.home = new SpillSlot(slots++, cur.vreg.regClass());
            }
        }
        return slots;
    }

    /**
     * A copy's destination may live in its source's register while that register holds nothing else,
     * the destination is written only by the copy and the source is not written again during the
     * destination's interval: both then hold the same value wherever both are live.
     */
    private boolean canShare(Interval source, Interval cur, List<Interval> active, Map<PReg, BitSet> fixedPoints) {
        PReg p = (PReg) source.home;
        for (Interval a : active) if (p.equals(a.home) && a != source) return false;
        if (!active.contains(source) || source.shared || cur.defs.cardinality() != 1) return false;
        int redefined = source.defs.nextSetBit(cur.start + 1);
        return (redefined < 0 || redefined > cur.end) && !fixedWithin(p, cur, fixedPoints);
    }

    private boolean isFree(PReg p, Interval cur, List<Interval> active, Map<PReg, BitSet> fixedPoints) {
        for (Interval a : active) if (p.equals(a.home)) return false;
        return !fixedWithin(p, cur, fixedPoints);
    }

    private boolean fixedWithin(PReg p, Interval cur, Map<PReg, BitSet> fixedPoints) {
        BitSet points = fixedPoints.get(p);
        if (points == null) return false;
        Map<Integer, Integer> owners = fixedOwners.getOrDefault(p, Map.of());
        // Bit 2q marks a fixed operand at point q; bit 2q+1 a clobber at point q, which only
        // conflicts with an interval that was live before q (a def at q is written after the clobber).
        for (int bit = points.nextSetBit(2 * cur.start); bit >= 0 && bit <= 2 * cur.end + 1; bit = points.nextSetBit(bit + 1)) {
            boolean clobber = (bit & 1) != 0;
            int point = bit / 2;
            // The interval's own fixed operand at one of its ends: a def that starts it or a use that
            // ends it may live in that very register, saving the move.
            boolean own = !clobber && owners.getOrDefault(bit, -2) == cur.vreg.id() && (point == cur.start || point == cur.end);
            if (own) continue;
            if (!clobber || point > cur.start) return true;
        }
        return false;
    }

    private Allocation rewrite(List<RegAllocInsn> insns, Interval[] intervals, int spillSlots, List<Integer> blockStarts) {
        List<List<PReg>> operandRegs = new ArrayList<>();
        List<Edit> edits = new ArrayList<>();
        for (int g = 0; g < insns.size(); g++) {
            RegAllocInsn insn = insns.get(g);
            List<Operand> ops = insn.operands();
            PReg[] regs = new PReg[ops.size()];
            List<Move> fixedIn = new ArrayList<>();
            List<Move> reloads = new ArrayList<>();
            List<Move> stores = new ArrayList<>();
            List<Move> fixedOut = new ArrayList<>();
            Map<RegClass, Integer> usedScratch = new HashMap<>();
            Map<VReg, PReg> reloaded = new HashMap<>();
            for (int j = 0; j < ops.size(); j++) {
                Operand op = ops.get(j);
                if (!op.isUse()) continue;
                Location home = intervals[op.vreg().id()].home;
                if (op.fixed() != null) {
                    checkNotScratch(op.fixed());
                    regs[j] = op.fixed();
                    Move m = new Move(home, op.fixed());
                    if (!fixedIn.contains(m)) fixedIn.add(m);
                } else if (home instanceof PReg p) {
                    regs[j] = p;
                } else {
                    PReg s = reloaded.get(op.vreg());
                    if (s == null) {
                        s = scratch(op.vreg().regClass(), usedScratch, g);
                        reloaded.put(op.vreg(), s);
                        reloads.add(new Move(home, s));
                    }
                    regs[j] = s;
                }
            }
            usedScratch.clear();
            for (int j = 0; j < ops.size(); j++) {
                Operand op = ops.get(j);
                if (op.isUse()) continue;
                if (insn.isTerminator()) throw new IllegalArgumentException("terminator at " + g + " defines " + op.vreg());
                Location home = intervals[op.vreg().id()].home;
                if (op.fixed() != null) {
                    checkNotScratch(op.fixed());
                    regs[j] = op.fixed();
                    fixedOut.add(new Move(op.fixed(), home));
                } else if (home instanceof PReg p) {
                    regs[j] = p;
                } else {
                    PReg s = scratch(op.vreg().regClass(), usedScratch, g);
                    stores.add(new Move(s, home));
                    regs[j] = s;
                }
            }
            for (Move m : sequentialize(fixedIn)) edits.add(new Edit(g, Edit.Side.BEFORE, m));
            for (Move m : reloads) edits.add(new Edit(g, Edit.Side.BEFORE, m));
            for (Move m : stores) edits.add(new Edit(g, Edit.Side.AFTER, m));
            for (Move m : sequentialize(fixedOut)) edits.add(new Edit(g, Edit.Side.AFTER, m));
            operandRegs.add(List.of(regs));
        }
        List<Location> homes = new ArrayList<>();
        Set<PReg> usedCalleeSaved = new LinkedHashSet<>();
        for (Interval i : intervals) {
            homes.add(i == null ? null : i.home);
            if (i != null && i.home instanceof PReg p && config.calleeSaved().contains(p)) usedCalleeSaved.add(p);
        }
        return new Allocation(homes, List.copyOf(operandRegs), List.copyOf(edits), spillSlots,
                Set.copyOf(usedCalleeSaved), List.copyOf(blockStarts));
    }

    private void checkNotScratch(PReg p) {
        if (config.scratch(p.regClass()).contains(p)) throw new IllegalArgumentException("operand fixed to scratch register " + p);
    }

    private PReg scratch(RegClass c, Map<RegClass, Integer> used, int insn) {
        int n = used.merge(c, 1, Integer::sum) - 1;
        List<PReg> scratch = config.scratch(c);
        if (n >= scratch.size()) {
            throw new IllegalStateException("instruction " + insn + " needs more than " + scratch.size()
                    + " scratch registers of class " + c);
        }
        return scratch.get(n);
    }

    private List<Move> sequentialize(List<Move> moves) {
        List<Move> out = new ArrayList<>();
        for (RegClass c : RegClass.values()) {
            List<Move> ofClass = moves.stream().filter(m -> m.to().regClass() == c).toList();
            if (ofClass.isEmpty()) continue;
            List<PReg> scratch = config.scratch(c);
            if (scratch.isEmpty()) throw new IllegalStateException("no scratch register of class " + c);
            out.addAll(ParallelMoves.sequentialize(ofClass, scratch.get(0), scratch.size() > 1 ? scratch.get(1) : null));
        }
        return out;
    }

    /** For dumps: each virtual register and its home. */
    public static String describe(Allocation a) {
        StringBuilder sb = new StringBuilder();
        List<Location> homes = a.vregLocations();
        for (int v = 0; v < homes.size(); v++) {
            if (homes.get(v) != null) sb.append('v').append(v).append(" -> ").append(homes.get(v)).append('\n');
        }
        // By register number: the set's own order depends on identity hash codes and changes run to run.
        return sb.toString() + a.usedCalleeSaved().stream().sorted(java.util.Comparator.comparingInt(PReg::index)).toList();
    }
}
