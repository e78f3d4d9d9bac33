package org.machr.codegen.x86_64.isel;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;

/**
 * Address-mode folding for one block: the address of a load or store, and a 64-bit {@code add}, become
 * {@code disp(base, index, scale)} where the IR computes them with {@code add}, {@code sub} of a
 * constant, {@code shl} by 0–3 or {@code mul} by 1, 2, 4 or 8. A symbol goes into the displacement
 * (RIP-relative without registers, else absolute: R_X86_64_32S, the image is linked below 2 GiB), a
 * stack slot makes {@code %rsp} the base. An instruction is folded into its consumer only when the
 * consumer is its single use, it is its register's single definition, it comes earlier in the same
 * block and none of its inputs is redefined in between (the consumer reads them instead); it is then
 * not selected at all. Consumers are planned last to first, so an {@code add} folded into a load is
 * not also turned into a {@code lea}.
 */
final class X64Address {

    /** {@code disp + symbol + base + index × scale}, {@code %rsp} as the base when {@code stack}. */
    record Pattern(Reg base, Reg index, int scale, long disp, String symbol, boolean stack) {}

    private final X64Lowering l;
    private final List<Insn> insns;
    private final Map<Integer, Integer> uses;
    private final Map<Integer, Integer> defs;
    private final Set<Integer> consumed = new HashSet<>();
    private final Map<Integer, Pattern> patterns = new HashMap<>();

    X64Address(X64Lowering l, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        this.l = l;
        this.insns = insns;
        this.uses = uses;
        this.defs = defs;
        for (int i = insns.size() - 1; i >= 0; i--) {
            if (!consumed.contains(i)) plan(i);
        }
    }

    /** Whether the instruction at {@code position} is folded into a later one (and emits nothing). */
    boolean isFolded(int position) {
        return consumed.contains(position);
    }

    /** The folded address of the load, store or add at {@code position}, or null. */
    Pattern patternAt(int position) {
        return patterns.get(position);
    }

    private void plan(int at) {
        Insn insn = insns.get(at);
        Builder acc = new Builder();
        switch (insn) {
            case Insn.Load ld -> {
                if (acc.add(ld.address(), at)) commit(at, acc);
            }
            case Insn.Store st -> {
                if (acc.add(st.address(), at)) commit(at, acc);
            }
            case Insn.Binary b when b.op() == BinOp.ADD && b.dst().type().bits() == 64 -> {
                // Worth a lea only when it saves an instruction: a folded term or a symbol with a register.
                if (acc.add(b.a(), at) && acc.add(b.b(), at) && (!acc.taken.isEmpty() || acc.symbol != null && acc.hasRegs())) {
                    commit(at, acc);
                }
            }
            default -> { }
        }
    }

    private void commit(int at, Builder acc) {
        if (acc.disp != (int) acc.disp) return;
        patterns.put(at, new Pattern(acc.base, acc.index, acc.scale, acc.disp, acc.symbol, acc.stack));
        consumed.addAll(acc.taken);
    }

    /** The position of the instruction defining {@code r} if it can be folded into the one at {@code at}, else -1. */
    private int foldable(Reg r, int at) {
        if (defs.getOrDefault(r.id(), 0) != 1 || uses.getOrDefault(r.id(), 0) != 1 || l.fn.params().contains(r)) return -1;
        int j = at - 1;
        while (j >= 0 && !insns.get(j).defs().contains(r)) j--;
        if (j < 0 || consumed.contains(j) || !(insns.get(j) instanceof Insn.Binary b) || b.dst().type().bits() != 64) return -1;
        for (Operand o : b.uses()) {
            if (!(o instanceof Reg u)) continue;
            for (int k = j + 1; k < at; k++) if (insns.get(k).defs().contains(u)) return -1;
        }
        return j;
    }

    /** The address under construction; {@link #add} backtracks to a snapshot when a fold does not fit. */
    private final class Builder {
        Reg base;
        Reg index;
        int scale = 1;
        long disp;
        String symbol;
        boolean stack;
        final Set<Integer> taken = new HashSet<>();

        boolean hasRegs() {
            return base != null || index != null || stack;
        }

        boolean add(Operand o, int at) {
            return switch (o) {
                case Imm k -> addDisp(k.value());
                case SymbolAddr s -> {
                    if (symbol != null || stack) yield false;
                    symbol = s.symbol();
                    yield addDisp(s.addend());
                }
                case SlotAddr s -> {
                    if (stack || symbol != null || base != null && index != null) yield false;
                    if (base != null) {
                        index = base;
                        scale = 1;
                        base = null;
                    }
                    stack = true;
                    yield addDisp(l.slotOffset(s));
                }
                case Reg r -> addReg(r, at);
            };
        }

        private boolean addDisp(long value) {
            if (value != (int) value) return false;
            disp += value;
            return true;
        }

        private boolean addReg(Reg r, int at) {
            int j = foldable(r, at);
            if (j >= 0 && fold((Insn.Binary) insns.get(j), at)) {
                taken.add(j);
                return true;
            }
            return leaf(r, 1);
        }

        private boolean fold(Insn.Binary b, int at) {
            Builder saved = copy();
            boolean ok = switch (b.op()) {
                case ADD -> add(b.a(), at) && add(b.b(), at);
                case SUB -> b.b() instanceof Imm k && k.value() != Long.MIN_VALUE && addDisp(-k.value()) && add(b.a(), at);
                case SHL -> b.a() instanceof Reg a && b.b() instanceof Imm k && k.value() >= 0 && k.value() <= 3 && leaf(a, 1 << k.value());
                case MUL -> b.a() instanceof Reg a && b.b() instanceof Imm k && Long.bitCount(k.value()) == 1
                        && k.value() <= 8 && k.value() > 0 && leaf(a, (int) k.value());
                default -> false;
            };
            if (!ok) restore(saved);
            return ok;
        }

        private boolean leaf(Reg r, int times) {
            if (times == 1 && base == null && !stack) {
                base = r;
                return true;
            }
            if (index != null) return false;
            index = r;
            scale = times;
            return true;
        }

        private Builder copy() {
            Builder b = new Builder();
            b.base = base;
            b.index = index;
            b.scale = scale;
            b.disp = disp;
            b.symbol = symbol;
            b.stack = stack;
            b.taken.addAll(taken);
            return b;
        }

        private void restore(Builder b) {
            base = b.base;
            index = b.index;
            scale = b.scale;
            disp = b.disp;
            symbol = b.symbol;
            stack = b.stack;
            taken.clear();
            taken.addAll(b.taken);
        }
    }
}
