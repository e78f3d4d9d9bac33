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
    public boolean run(IrFunction f) {
        if (f.blocks().size() < 2) return false;
        Cfg cfg = new Cfg(f);
        List<Cfg.Loop> loops = cfg.loops();
        if (loops.isEmpty()) return false;
        Uses uses = new Uses(f);
        Map<SymbolAddr, Reg> symbols = symbolsInEntry(f, uses);
        int symbolCount = symbols.size();
        for (Cfg.Loop loop : loops) {
            if (loop.header() == f.entry().id()) continue;
            List<Insn> hoisted = hoist(f, loop, uses, symbols);
            if (hoisted.isEmpty()) continue;
            preheader(f, cfg, loop).insns().addAll(hoisted);
            return true;        // the control flow changed: the next round sees fresh loops
        }
        return symbols.size() != symbolCount;
    }

    /** The registers the entry block loads symbol addresses into (once, for the whole function). */
    private static Map<SymbolAddr, Reg> symbolsInEntry(IrFunction f, Uses uses) {
        Map<SymbolAddr, Reg> symbols = new HashMap<>();
        for (Insn i : f.entry().insns())
            if (i instanceof Insn.Copy(Reg r, SymbolAddr s) && uses.defs[r.id()] == 1) symbols.putIfAbsent(s, r);
        return symbols;
    }

    /** Removes the invariant instructions from the loop's blocks and returns them in execution order. */
    private static List<Insn> hoist(IrFunction f, Cfg.Loop loop, Uses uses, Map<SymbolAddr, Reg> symbols) {
        BitSet assignedInLoop = new BitSet(f.regCount());
        List<Block> blocks = new ArrayList<>();
        for (Block b : f.blocks()) {
            if (!loop.body().get(b.id())) continue;
            blocks.add(b);
            for (Insn i : b.insns()) Operands.forEachDef(i, r -> assignedInLoop.set(r.id()));
        }
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
        return (insn instanceof Insn.Binary || insn instanceof Insn.Compare) && Operands.isPure(insn)
                && insn.uses().stream().anyMatch(o -> o instanceof SymbolAddr);
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
