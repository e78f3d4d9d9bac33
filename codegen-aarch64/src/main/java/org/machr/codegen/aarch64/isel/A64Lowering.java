package org.machr.codegen.aarch64.isel;

import org.machr.codegen.common.LocalSlots;
import static org.machr.codegen.aarch64.isel.A64Abi.X;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.MoveWideSearch;
import org.machr.codegen.aarch64.Ops.*;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.RegAllocFunction;
import org.machr.codegen.common.regalloc.RegClass;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;

/**
 * Instruction selection: IR → {@link MInsn}s over virtual registers (one per IR register, plus
 * temporaries). Values live in X registers in the IR's canonical form (sign-extended from their type's
 * width), so every narrow result that may leave its range is re-extended (SBFM). Calls follow AAPCS64:
 * arguments in x0–x7, results in x0–x1, x0–x18 and x30 clobbered. Division by zero branches to the
 * call of {@code rt.panic_at("division by zero", file, line)} (docs/language.md §11).
 */
final class A64Lowering {

    final IrFunction fn;
    final List<List<MInsn>> blocks = new ArrayList<>();
    final List<List<Integer>> succs = new ArrayList<>();
    /** The offsets of the stack slots in the locals area, its size and alignment. */
    final LocalSlots locals;
    private int nextVreg;
    List<MInsn> out;
    final java.util.Map<Integer, Integer> blockIndex = new java.util.HashMap<>();
    final A64Address address = new A64Address(this);
    final A64Arith arith = new A64Arith(this);
    final A64Branches branches = new A64Branches(this);
    final A64Memory memory = new A64Memory(this);

    A64Lowering(IrFunction fn) {
        this.fn = fn;
        this.nextVreg = fn.regCount();
        this.locals = LocalSlots.of(fn);
    }

    RegAllocFunction lower() {
        facts = IrFacts.of(fn);
        for (Block b : facts.layout) blockIndex.put(b.id(), blockIndex.size());
        for (Block b : facts.layout) {
            out = new ArrayList<>();
            if (b == fn.entry()) params();
            if (b == fn.entry()) paramInsns = out.size();
            inLoop = facts.loopBlocks.contains(b.id());
            List<Insn> seq = foldCopies(b.insns());
            Insn.Compare fusedCompare = null;
            for (int k = 0; k < seq.size(); k++) {
                Insn i = seq.get(k);
                Insn next = k + 1 < seq.size() ? seq.get(k + 1) : null;
                Insn next2 = k + 2 < seq.size() ? seq.get(k + 2) : null;
                if (address.fold(i, next, next2)) continue;
                if (next == null && branches.fusesInto(i, b)) {
                    fusedCompare = (Insn.Compare) i;
                } else {
                    insn(i);
                    address.reset();
                }
            }
            branches.terminate(b, seq, fusedCompare);
            blocks.add(out);
            succs.add(b.terminator().successors().stream().map(blockIndex::get).toList());
        }
        blocks.get(0).addAll(paramInsns, entryHoists);
        int count = nextVreg;
        return new RegAllocFunction() {
            @Override public int blockCount() { return blocks.size(); }
            @Override public List<MInsn> insns(int block) { return blocks.get(block); }
            @Override public List<Integer> successors(int block) { return succs.get(block); }
            @Override public int vregCount() { return count; }
        };
    }

    VReg v(Reg r) {
        return new VReg(resolve(r).id(), RegClass.INT);
    }

    IrFacts facts;
    /** Registers whose only definition now writes the register their only use copies them to. */
    private final java.util.Map<Integer, Reg> renamed = new java.util.HashMap<>();
    /** Addresses of globals used in loops, materialised once in the entry block. */
    private final java.util.Map<Object, VReg> hoisted = new java.util.HashMap<>();

    Reg resolve(Reg r) {
        Reg to = renamed.get(r.id());
        return to == null ? r : resolve(to);
    }

    boolean sameReg(org.machr.kd.ir.Operand o, Reg r) {
        return o instanceof Reg x && resolve(x).id() == resolve(r).id();
    }

    /**
     * Drops each {@code %v = copy %t} that directly follows the only definition of {@code %t}, its only
     * use: that definition writes {@code %v} instead ({@code add x1, x1, #1} rather than {@code add x0, x1,
     * #1; mov x1, x0}).
     */
    private List<Insn> foldCopies(List<Insn> insns) {
        List<Insn> seq = new ArrayList<>();
        for (Insn i : insns) {
            Insn prev = seq.isEmpty() ? null : seq.get(seq.size() - 1);
            if (i instanceof Insn.Copy c && c.src() instanceof Reg t && prev != null && prev.defs().size() == 1
                    && sameReg(t, prev.defs().get(0)) && facts.singleUse(resolve(t)) && t.type().equals(c.dst().type())
                    && !renamed.containsKey(c.dst().id())) {
                renamed.put(resolve(t).id(), c.dst());
                continue;
            }
            if (i instanceof Insn.Convert c && c.op() != org.machr.kd.ir.ConvOp.TRUNC && prev instanceof Insn.Load l
                    && !l.isVolatile() && sameReg(c.a(), l.dst()) && facts.singleUse(resolve(l.dst()))
                    && l.memType().bits() == l.dst().type().bits()) {
                // load.iN then zext/sext from N bits: one extending load (LDRB/LDRSB, ...).
                Ext ext = c.op() == org.machr.kd.ir.ConvOp.ZEXT ? Ext.ZERO : Ext.SIGN;
                seq.set(seq.size() - 1, new Insn.Load(c.dst(), l.memType(), ext, l.address(), false, l.loc()));
                continue;
            }
            seq.add(i);
        }
        return seq;
    }

    private boolean inLoop;
    private int paramInsns;
    /** Materialisations of globals' addresses and constants loops use, placed after the parameters. */
    private final List<MInsn> entryHoists = new ArrayList<>();

    /**
     * The register holding a global's address or a constant when a loop needs it in a register:
     * materialised once in the entry block.
     */
    private VReg hoisted(org.machr.kd.ir.Operand o) {
        if (!inLoop) return null;
        Object key;
        if (o instanceof SymbolAddr s) key = s;
        else if (o instanceof Imm k) key = k.value();
        else return null;
        VReg home = hoisted.get(key);
        if (home == null) {
            home = temp();
            List<MInsn> saved = out;
            out = entryHoists;
            materialize(home, o);
            out = saved;
            hoisted.put(key, home);
        }
        return home;
    }

    private static IrType operandType(org.machr.kd.ir.Operand o) {
        return switch (o) {
            case Reg r -> r.type();
            case Imm i -> i.type();
            default -> IrType.I64;
        };
    }

    VReg temp() {
        return new VReg(nextVreg++, RegClass.INT);
    }

    void add(List<Operand> ops, MInsn.Emitter e) {
        out.add(MInsn.of(ops, e));
    }

    private void params() {
        List<Reg> ps = fn.params();
        int inRegs = Math.min(ps.size(), A64Abi.MAX_REG_ARGS);
        List<Operand> defs = new ArrayList<>();
        for (int i = 0; i < inRegs; i++) defs.add(Operand.fixedDef(v(ps.get(i)), X[i]));
        if (!defs.isEmpty()) add(defs, (ctx, r) -> { });
        // Parameters 9.. in the caller's 8-byte stack slots (AAPCS64 §6.8.2): above our frame record.
        for (int i = inRegs; i < ps.size(); i++) {
            int offset = 16 + 8 * (i - inRegs);
            add(List.of(Operand.def(v(ps.get(i)))), (ctx, x) -> ctx.emit(new A64Insn.LoadStore(LoadStoreOp.LDR, x.get(0),
                    new Address.Scaled(XReg.X29, offset))));
        }
    }

    /** The operand in a virtual register (materialising constants and addresses). */
    VReg reg(org.machr.kd.ir.Operand o) {
        if (o instanceof Reg r) return v(r);
        VReg h = hoisted(o);
        if (h != null) return h;
        VReg t = temp();
        materialize(t, o);
        return t;
    }

    private void materialize(VReg dst, org.machr.kd.ir.Operand o) {
        switch (o) {
            case Reg r -> out.add(new MInsn(List.of(Operand.use(v(r)), Operand.def(dst)), Set.of(), true, false,
                    (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0)))));
            case Imm imm -> {
                long value = imm.value();
                add(List.of(Operand.def(dst)), (ctx, x) -> MoveWideSearch.sequence(x.get(0), value).forEach(ctx::emit));
            }
            case SymbolAddr s when inLoop && out != entryHoists -> out.add(new MInsn(List.of(Operand.use(hoisted(s)), Operand.def(dst)),
                    Set.of(), true, false, (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0)))));
            case SymbolAddr s -> add(List.of(Operand.def(dst)), (ctx, x) -> {
                ctx.emit(new A64Insn.PcRelAddr(true, x.get(0), new Target.ToSymbol(s.symbol(), s.addend())));
                ctx.addLo12(x.get(0), x.get(0), s.symbol(), s.addend());
            });
            case SlotAddr s -> {
                long off = slotOffset(s);
                add(List.of(Operand.def(dst)), (ctx, x) -> ctx.addImm(x.get(0), XReg.SP, off));
            }
        }
    }

    long slotOffset(SlotAddr s) {
        long off = locals.offsets()[s.slot()] + s.offset();
        if (off < 0) throw new UnsupportedIrException("negative stack slot offset " + off);
        return off;
    }

    static A64Insn mov(XReg rd, XReg rn) {
        return new A64Insn.LogicalShifted(LogicalRegOp.ORR, rd, XReg.XZR, rn, Shift.NONE);
    }

    private void insn(Insn insn) {
        switch (insn) {
            case Insn.Copy c -> materialize(v(c.dst()), c.src());
            case Insn.Binary b -> arith.binary(b);
            case Insn.Unary u -> arith.unary(u);
            case Insn.Convert c -> arith.convert(c);
            case Insn.Compare c -> branches.compare(c);
            case Insn.Select s -> branches.select(s);
            case Insn.Load l -> memory.load(l);
            case Insn.Store s -> memory.store(s);
            case Insn.Call c -> memory.call(c);
            case Insn.IntrinsicCall i -> A64Intrinsics.select(this, i);
            case Insn.AtomicLoad a -> {
                int bytes = a.dst().type().bytes();
                VReg base = reg(a.address());
                VReg d = v(a.dst());
                add(List.of(Operand.use(base), Operand.def(d)), (ctx, x) -> A64Atomics.load(ctx, x.get(1), x.get(0), bytes));
                arith.canonical(d, a.dst().type());
            }
            case Insn.AtomicStore a -> {
                VReg base = reg(a.address());
                VReg value = reg(a.value());
                int bytes = operandType(a.value()).bytes();
                add(List.of(Operand.use(base), Operand.use(value)), (ctx, x) -> A64Atomics.store(ctx, x.get(1), x.get(0), bytes));
            }
            case Insn.AtomicRmw a -> {
                int bytes = a.dst().type().bytes();
                VReg base = reg(a.address());
                VReg value = reg(a.value());
                VReg d = v(a.dst());
                var op = a.op();
                add(List.of(Operand.use(base), Operand.use(value), Operand.def(d)),
                        (ctx, x) -> A64Atomics.rmw(ctx, op, x.get(2), x.get(0), x.get(1), bytes));
                arith.canonical(d, a.dst().type());
            }
            case Insn.AtomicCas a -> {
                int bytes = a.dst().type().bytes();
                VReg base = reg(a.address());
                VReg expected = reg(a.expected());
                VReg replacement = reg(a.replacement());
                VReg d = v(a.dst());
                add(List.of(Operand.use(base), Operand.use(expected), Operand.use(replacement), Operand.def(d)),
                        (ctx, x) -> A64Atomics.cas(ctx, x.get(3), x.get(0), x.get(1), x.get(2), bytes));
                arith.canonical(d, a.dst().type());
            }
            case Insn.Fence f -> add(List.of(), (ctx, x) -> A64Atomics.fence(ctx));
            default -> throw new UnsupportedIrException(insn.getClass().getSimpleName());
        }
    }
}
