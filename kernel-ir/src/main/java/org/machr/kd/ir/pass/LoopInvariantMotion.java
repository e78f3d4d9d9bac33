package org.machr.kd.ir.pass;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;

/**
 * Loop-invariant code motion. Moves pure computations ({@link Operands#isPure}: never loads, stores,
 * calls, atomics or divisions) whose register operands are not assigned in the loop and whose result
 * register has that one definition into the loop's preheader, creating a preheader (a block jumping
 * to the header, taking over the edges from outside the loop) when the header has none. Symbol
 * addresses used by arithmetic in a loop are materialised once, into a register set in the entry
 * block (which dominates every loop; one register per symbol). Inner loops are handled first; what
 * they hoist can leave an outer loop in a later round.
 */
public final class LoopInvariantMotion implements Pass {

    @Override
    public String name() {
        return "licm";
    }

    @Override
    public boolean run(IrFunction f, FunctionAnalyses analyses) {
        if (f.blocks().size() < 2) return false;
        boolean changed = false;
        for (int attempt = 0; attempt < 16; attempt++) {
            Cfg cfg = attempt == 0 ? analyses.cfg() : new Cfg(f);
            Uses uses = null;
            Map<SymbolAddr, Reg> symbols = null;
            boolean hoistedOne = false;
            for (Cfg.Loop loop : cfg.loops()) {
                if (loop.header() == f.entry().id()) continue;
                BitSet assigned = assignedIn(f, loop);
                if (!hasCandidate(f, loop, assigned)) continue;
                if (uses == null) {
                    uses = attempt == 0 ? analyses.uses() : new Uses(f);
                    symbols = symbolsInEntry(f, uses);
                }
                int symbolCount = symbols.size();
                List<Insn> hoisted = hoist(f, loop, uses, symbols, assigned);
                changed |= symbols.size() != symbolCount;
                if (hoisted.isEmpty()) continue;
                preheader(f, cfg, loop).insns().addAll(hoisted);
                hoistedOne = true;
                break;          // the control flow changed: look at the loops afresh
            }
            if (!hoistedOne) break;
            changed = true;
        }
        return changed;
    }

    private static BitSet assignedIn(IrFunction f, Cfg.Loop loop) {
        BitSet assigned = new BitSet(f.regCount());
        for (Block b : f.blocks())
            if (loop.body().get(b.id())) for (Insn i : b.insns()) Operands.forEachDef(i, r -> assigned.set(r.id()));
        return assigned;
    }

    /** A quick look for work, before the use counts are built. */
    private static boolean hasCandidate(IrFunction f, Cfg.Loop loop, BitSet assigned) {
        boolean[] variant = new boolean[1];
        for (Block b : f.blocks()) {
            if (!loop.body().get(b.id())) continue;
            for (Insn i : b.insns()) {
                if (materialisesSymbol(i)) return true;
                if (!Operands.isPure(i) || i instanceof Insn.Copy) continue;
                variant[0] = false;
                Operands.forEachUse(i, r -> variant[0] |= assigned.get(r.id()));
                if (!variant[0]) return true;
            }
        }
        return false;
    }

    /** The registers the entry block loads symbol addresses into (once, for the whole function). */
    private static Map<SymbolAddr, Reg> symbolsInEntry(IrFunction f, Uses uses) {
        Map<SymbolAddr, Reg> symbols = new HashMap<>();
        for (Insn i : f.entry().insns())
            if (i instanceof Insn.Copy(Reg r, SymbolAddr s) && uses.defs[r.id()] == 1) symbols.putIfAbsent(s, r);
        return symbols;
    }

    /** Removes the invariant instructions from the loop's blocks and returns them in execution order. */
    private static List<Insn> hoist(IrFunction f, Cfg.Loop loop, Uses uses, Map<SymbolAddr, Reg> symbols,
            BitSet assignedInLoop) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : f.blocks()) if (loop.body().get(b.id())) blocks.add(b);
        List<Insn> hoisted = new ArrayList<>();
        boolean again = true;
        while (again) {
            again = false;
            for (Block b : blocks) {
                var it = b.insns().listIterator();
                while (it.hasNext()) {
                    Insn insn = it.next();
                    if (invariant(insn, uses, assignedInLoop)) {
                        it.remove();
                        hoisted.add(insn);
                        assignedInLoop.clear(insn.dst().id());
                        again = true;
                    } else if (materialisesSymbol(insn)) {
                        it.set(insn.mapUses(o -> {
                            if (!(o instanceof SymbolAddr s)) return o;
                            return symbols.computeIfAbsent(s, unused -> {
                                Reg r = f.newReg(s.type());
                                f.entry().insns().add(new Insn.Copy(r, s));
                                return r;
                            });
                        }));
                    }
                }
            }
        }
        return hoisted;
    }

    private static boolean invariant(Insn insn, Uses uses, BitSet assignedInLoop) {
        if (!Operands.isPure(insn) || insn instanceof Insn.Copy) return false;     // copies: copyprop's job
        if (uses.defs[insn.dst().id()] != 1) return false;
        boolean[] variant = {false};
        Operands.forEachUse(insn, r -> variant[0] |= assignedInLoop.get(r.id()));
        return !variant[0];
    }

    /** Arithmetic on a symbol address (the address needs instructions of its own on the machines). */
    private static boolean materialisesSymbol(Insn insn) {
        return switch (insn) {
            case Insn.Binary b -> !b.op().canPanic() && (b.a() instanceof SymbolAddr || b.b() instanceof SymbolAddr);
            case Insn.Compare c -> c.a() instanceof SymbolAddr || c.b() instanceof SymbolAddr;
            default -> false;
        };
    }

    /** The block that control from outside the loop passes through, made if missing. */
    private static Block preheader(IrFunction f, Cfg cfg, Cfg.Loop loop) {
        int header = loop.header();
        List<Block> outside = new ArrayList<>();
        for (int p : cfg.preds(header)) if (!loop.body().get(p) && !outside.contains(f.block(p))) outside.add(f.block(p));
        if (outside.size() == 1 && outside.get(0).terminator() instanceof Terminator.Jump) return outside.get(0);
        Block pre = f.newBlock("preheader");
        pre.setTerminator(new Terminator.Jump(header));
        for (Block p : outside) p.setTerminator(p.terminator().mapTargets(t -> t == header ? pre.id() : t));
        List<Block> layout = f.blocks();
        layout.remove(layout.size() - 1);
        layout.add(layout.indexOf(f.block(header)), pre);
        return pre;
    }
}
