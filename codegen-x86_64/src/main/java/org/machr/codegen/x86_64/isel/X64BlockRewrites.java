package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/** What {@link X64Lowering} does to the IR's blocks before selecting: their order, and local rewrites. */
final class X64BlockRewrites {

    private X64BlockRewrites() {}

    /**
     * The block order: chains that start at the entry (then at each unplaced block in IR order) and
     * continue into a successor not yet placed (a branch's true side first), so that a block is followed
     * by the one it most likely jumps to; the cold blocks (those that can only end in {@code unreachable},
     * i.e. panic paths) come last. Live ranges are hulls over this order, so a panic call placed inside a
     * loop would otherwise force every loop value into a callee-saved register or a spill slot.
     */
    static List<Block> layout(IrFunction fn) {
        Map<Integer, Block> byId = new HashMap<>();
        for (Block b : fn.blocks()) byId.put(b.id(), b);
        Set<Integer> cold = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : fn.blocks()) {
                if (b == fn.entry() || cold.contains(b.id())) continue;
                List<Integer> next = b.terminator().successors();
                boolean isCold = b.terminator() instanceof Terminator.Unreachable
                        || !next.isEmpty() && next.stream().allMatch(cold::contains);
                if (isCold && cold.add(b.id())) changed = true;
            }
        }
        List<Block> order = new ArrayList<>();
        Set<Integer> placed = new HashSet<>(cold);
        for (Block start : fn.blocks()) {
            Block b = start;
            while (b != null && placed.add(b.id())) {
                order.add(b);
                List<Integer> next = b.terminator() instanceof Terminator.Switch ? List.of() : b.terminator().successors();
                b = next.stream().filter(id -> !placed.contains(id)).findFirst().map(byId::get).orElse(null);
            }
        }
        for (Block b : fn.blocks()) if (cold.contains(b.id())) order.add(b);
        return order;
    }

    /**
     * {@code t = op ...; x = copy t} with {@code t} defined and used only there becomes {@code x = op ...}
     * (the loop-variable update {@code i = i + 1} is then one {@code add} in place).
     */
    private static List<Insn> intoCopyTargets(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        List<Insn> result = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            Insn insn = insns.get(k);
            Reg t = insn.dst();
            if (k + 1 < insns.size() && insns.get(k + 1) instanceof Insn.Copy c && t != null && c.src().equals(t)
                    && c.dst().type().equals(t.type()) && singleUseAndDef(fn, t, uses, defs)) {
                Insn redirected = switch (insn) {
                    case Insn.Binary x -> new Insn.Binary(c.dst(), x.op(), x.a(), x.b(), x.loc());
                    case Insn.Unary x -> new Insn.Unary(c.dst(), x.op(), x.a());
                    case Insn.Convert x -> new Insn.Convert(c.dst(), x.op(), x.a());
                    case Insn.Load x -> new Insn.Load(c.dst(), x.memType(), x.ext(), x.address(), x.isVolatile(), x.loc());
                    default -> null;
                };
                if (redirected != null) {
                    result.add(redirected);
                    k++;
                    continue;
                }
            }
            result.add(insn);
        }
        return result;
    }

    /** A block's instructions with the rewrites below applied (their registers' use and def counts stay true). */
    static List<Insn> rewrite(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        return intoCopyTargets(fn, extendingLoads(fn, insns, uses, defs), uses, defs);
    }

    /**
     * {@code t = load.iN [a]; d = zext/sext t} with {@code t} defined and used only there becomes one
     * extending load {@code d = load.iN zext/sext [a]} ({@code movzbl}/{@code movsbq}... from memory).
     */
    private static List<Insn> extendingLoads(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        List<Insn> result = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            if (insns.get(k) instanceof Insn.Load ld && k + 1 < insns.size() && insns.get(k + 1) instanceof Insn.Convert c
                    && c.a().equals(ld.dst()) && c.op() != ConvOp.TRUNC && ld.memType().bits() == ld.dst().type().bits()
                    && c.dst().type().bits() > ld.dst().type().bits() && singleUseAndDef(fn, ld.dst(), uses, defs)) {
                result.add(new Insn.Load(c.dst(), ld.memType(), c.op() == ConvOp.ZEXT ? Ext.ZERO : Ext.SIGN, ld.address(),
                        ld.isVolatile(), ld.loc()));
                k++;
                continue;
            }
            result.add(insns.get(k));
        }
        return result;
    }

    private static boolean singleUseAndDef(IrFunction fn, Reg r, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        return uses.getOrDefault(r.id(), 0) == 1 && defs.getOrDefault(r.id(), 0) == 1 && !fn.params().contains(r);
    }
}
