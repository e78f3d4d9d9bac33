package org.machr.kd.ir.pass;

import java.util.Arrays;
import java.util.List;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/** Per-register counts of definitions and uses of one function: the side tables passes share. */
final class Uses {
    final int[] defs;
    final int[] uses;
    /** The defining instruction of registers with exactly one definition (else null). */
    final Insn[] singleDef;

    Uses(IrFunction f) {
        this(f, null);
    }

    /** Counts {@code f}, reusing the arrays of {@code spare} (tables no one reads any more) when they fit. */
    Uses(IrFunction f, Uses spare) {
        int n = f.regCount();
        if (spare != null && spare.defs.length == n) {
            defs = spare.defs;
            uses = spare.uses;
            singleDef = spare.singleDef;
            Arrays.fill(defs, 0);
            Arrays.fill(uses, 0);
            Arrays.fill(singleDef, null);
        } else {
            defs = new int[n];
            uses = new int[n];
            singleDef = new Insn[n];
        }
        for (Reg p : f.params()) defs[p.id()]++;
        for (Block b : f.blocks()) {
            for (Insn i : b.insns()) {
                countUses(i);
                if (i instanceof Insn.Call c) {
                    for (Reg d : c.results()) define(d, i);
                } else if (i.dst() != null) {
                    define(i.dst(), i);
                }
            }
            switch (b.terminator()) {
                case Terminator.Branch br -> use(br.cond());
                case Terminator.Switch s -> use(s.value());
                case Terminator.Return r -> useAll(r.values());
                case null, default -> {}
            }
        }
        for (int r = 0; r < n; r++) if (defs[r] != 1) singleDef[r] = null;
    }

    /** {@link Operands#forEachUse} spelled out: this runs after every change, on every instruction. */
    private void countUses(Insn insn) {
        switch (insn) {
            case Insn.Copy c -> use(c.src());
            case Insn.Binary b -> {
                use(b.a());
                use(b.b());
            }
            case Insn.Unary u -> use(u.a());
            case Insn.Convert c -> use(c.a());
            case Insn.Compare c -> {
                use(c.a());
                use(c.b());
            }
            case Insn.Select s -> {
                use(s.cond());
                use(s.ifTrue());
                use(s.ifFalse());
            }
            case Insn.Load l -> use(l.address());
            case Insn.Store s -> {
                use(s.address());
                use(s.value());
            }
            case Insn.Call c -> {
                if (c.callee() instanceof Callee.Indirect(Operand target, var unused)) use(target);
                useAll(c.args());
            }
            default -> useAll(insn.uses());
        }
    }

    private void use(Operand o) {
        if (o instanceof Reg r) uses[r.id()]++;
    }

    private void useAll(List<Operand> os) {
        for (int k = 0; k < os.size(); k++) use(os.get(k));
    }

    private void define(Reg d, Insn i) {
        defs[d.id()]++;
        singleDef[d.id()] = i;
    }
}
