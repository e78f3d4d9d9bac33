package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * A loop that copies ({@code dst[i + offset] = src[i + offset]}) or fills ({@code dst[i + offset] = v})
 * one byte per iteration, as {@link LoopWidening} recognises it: a chain of blocks from the header
 * to its one latch whose only side effects are one byte store and the byte load feeding it, with
 * {@code index} incremented by one per iteration and every exit a test {@code index + after <u limit}
 * of a loop-invariant limit. Every other register the loop assigns is dead where the loop is entered
 * and where it exits, so an iteration's effect is fully described by {@code index} and memory.
 *
 * @param src the source base for a copy, or {@code null} for a fill
 * @param fill the byte stored by a fill (low 8 bits), or {@code null} for a copy
 */
record ByteLoop(Block header, BitSet body, Reg index, Operand dst, Operand src, Operand fill, long offset, List<Bound> bounds,
                Insn.Load load, Insn.Store store) {

    /** An exit test: the loop goes on while {@code index + after <u limit} ({@code after} is 0 or 1). */
    record Bound(Operand limit, long after) {}

    /** What a register holds during one iteration, in terms of the index {@code k} it started with. */
    private sealed interface Sym {
        record Invariant(Operand operand) implements Sym {}
        record Index(long plus) implements Sym {}
        record Address(Operand base, long plus) implements Sym {}
        record LoadedByte(Operand base, long plus) implements Sym {}
        record Test(Bound bound, boolean staysWhenTrue) implements Sym {}
    }

    static ByteLoop match(IrFunction f, Cfg.Loop loop, Liveness liveness) {
        List<Block> chain = chain(f, loop);
        if (chain == null) return null;
        BitSet assigned = new BitSet();
        for (Block b : chain) for (Insn i : b.insns()) Operands.forEachDef(i, r -> assigned.set(r.id()));
        for (Reg index : carried(chain, liveness.liveIn(loop.header()))) {
            ByteLoop match = walk(chain, loop.body(), index, assigned);
            if (match != null && deadOutside(f, loop, chain, assigned, index, liveness)) return match;
        }
        return null;
    }

    /** The loop's blocks from header to latch, when each leads to the next and only the last jumps back. */
    private static List<Block> chain(IrFunction f, Cfg.Loop loop) {
        if (loop.latches().size() != 1) return null;
        List<Block> chain = new ArrayList<>();
        Block b = f.block(loop.header());
        while (true) {
            chain.add(b);
            List<Integer> inside = new ArrayList<>();
            for (int s : b.terminator().successors()) if (loop.body().get(s)) inside.add(s);
            if (inside.size() != 1 || chain.size() > loop.body().cardinality()) return null;
            int next = inside.get(0);
            if (next == loop.header()) return chain.size() == loop.body().cardinality() ? chain : null;
            b = f.block(next);
        }
    }

    /** Registers of type i64 the loop assigns and reads before assigning them: the candidate indexes. */
    private static Set<Reg> carried(List<Block> chain, BitSet liveAtHeader) {
        Set<Reg> candidates = new LinkedHashSet<>();
        for (Block b : chain)
            for (Insn i : b.insns())
                for (Reg d : i.defs()) if (d.type() == IrType.I64 && liveAtHeader.get(d.id())) candidates.add(d);
        return candidates;
    }

    /** Evaluates one iteration symbolically; the shape must be exactly one recognised byte copy or fill. */
    private static ByteLoop walk(List<Block> chain, BitSet body, Reg index, BitSet assigned) {
        Map<Integer, Sym> regs = new HashMap<>();
        regs.put(index.id(), new Sym.Index(0));
        List<Bound> bounds = new ArrayList<>();
        Insn.Load load = null;
        Insn.Store store = null;
        Sym.Address storeAt = null;
        Sym stored = null;
        for (Block b : chain) {
            for (Insn insn : b.insns()) {
                Sym result = null;
                switch (insn) {
                    case Insn.Copy c -> result = sym(c.src(), regs, assigned);
                    case Insn.Binary(Reg d, BinOp op, Operand x, Operand y, var loc) when op == BinOp.ADD ->
                            result = add(sym(x, regs, assigned), sym(y, regs, assigned));
                    case Insn.Compare(Reg d, Cond cond, Operand x, Operand y) ->
                            result = test(cond, sym(x, regs, assigned), sym(y, regs, assigned));
                    case Insn.Load l -> {
                        if (load != null || l.isVolatile() || l.memType() != IrType.I8
                                || !(sym(l.address(), regs, assigned) instanceof Sym.Address(Operand base, long plus)))
                            return null;
                        load = l;
                        result = new Sym.LoadedByte(base, plus);
                    }
                    case Insn.Store s -> {
                        if (store != null || s.isVolatile() || s.memType() != IrType.I8
                                || !(sym(s.address(), regs, assigned) instanceof Sym.Address a))
                            return null;
                        store = s;
                        storeAt = a;
                        stored = sym(s.value(), regs, assigned);
                    }
                    default -> {
                        if (!Operands.isPure(insn)) return null;
                    }
                }
                for (Reg d : insn.defs()) {
                    if (result == null) regs.remove(d.id());
                    else regs.put(d.id(), result);
                }
            }
            if (b.terminator() instanceof Terminator.Branch br) {
                boolean staysWhenTrue = body.get(br.ifTrue());
                if (!(sym(br.cond(), regs, assigned) instanceof Sym.Test t) || t.staysWhenTrue() != staysWhenTrue)
                    return null;
                addBound(bounds, t.bound());
            } else if (!(b.terminator() instanceof Terminator.Jump)) {
                return null;
            }
        }
        if (store == null || bounds.isEmpty() || !new Sym.Index(1).equals(regs.get(index.id()))) return null;
        if (stored instanceof Sym.LoadedByte(Operand base, long plus) && plus == storeAt.plus())
            return new ByteLoop(chain.get(0), body, index, storeAt.base(), base, null, plus, List.copyOf(bounds),
                    load, store);
        if (stored instanceof Sym.Invariant(Operand value) && load == null)
            return new ByteLoop(chain.get(0), body, index, storeAt.base(), null, value, storeAt.plus(),
                    List.copyOf(bounds), null, store);
        return null;
    }

    /** Adds a bound unless one of the same limit is as strict; {@code i + 1 <u n} implies {@code i <u n}. */
    private static void addBound(List<Bound> bounds, Bound bound) {
        for (int k = 0; k < bounds.size(); k++) {
            if (!bounds.get(k).limit().equals(bound.limit())) continue;
            if (bound.after() > bounds.get(k).after()) bounds.set(k, bound);
            return;
        }
        bounds.add(bound);
    }

    private static Sym sym(Operand o, Map<Integer, Sym> regs, BitSet assigned) {
        if (o instanceof Reg r && assigned.get(r.id())) return regs.get(r.id());
        return new Sym.Invariant(o);
    }

    private static Sym add(Sym x, Sym y) {
        if (x instanceof Sym.Invariant && (y instanceof Sym.Index || y instanceof Sym.Address)) return add(y, x);
        if (x instanceof Sym.Index(long plus) && y instanceof Sym.Invariant(Operand o)) {
            if (o instanceof Imm n) return new Sym.Index(plus + n.value());
            return o.type() == IrType.I64 ? new Sym.Address(o, plus) : null;
        }
        if (x instanceof Sym.Address(Operand base, long plus) && y instanceof Sym.Invariant(Imm n))
            return new Sym.Address(base, plus + n.value());
        return null;
    }

    private static Sym test(Cond cond, Sym x, Sym y) {
        if (y instanceof Sym.Index) {
            Sym swap = x;
            x = y;
            y = swap;
            cond = cond.swap();
        }
        if (!(x instanceof Sym.Index(long plus)) || !(y instanceof Sym.Invariant(Operand limit)) || plus < 0 || plus > 1)
            return null;
        Bound bound = new Bound(limit, plus);
        return switch (cond) {
            case ULT -> new Sym.Test(bound, true);
            case UGE -> new Sym.Test(bound, false);
            default -> null;
        };
    }

    /** Registers the loop assigns, other than the index, are not read after it exits or before it writes them. */
    private static boolean deadOutside(IrFunction f, Cfg.Loop loop, List<Block> chain, BitSet assigned, Reg index,
                                       Liveness liveness) {
        BitSet others = (BitSet) assigned.clone();
        others.clear(index.id());
        if (liveness.liveIn(loop.header()).intersects(others)) return false;
        for (Block b : chain)
            for (int s : b.terminator().successors())
                if (!loop.body().get(s) && liveness.liveIn(s).intersects(others)) return false;
        return f.block(loop.header()) != f.entry();
    }
}
