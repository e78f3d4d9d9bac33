package org.machr.codegen.aarch64.isel;

import static org.machr.codegen.aarch64.isel.A64Abi.X;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.Cond;
import org.machr.codegen.aarch64.Imm12;
import org.machr.codegen.aarch64.MoveWideSearch;
import org.machr.codegen.aarch64.Ops.*;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.RegAllocFunction;
import org.machr.codegen.common.regalloc.RegClass;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;

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
    final long[] slotOffsets;
    final long localsBytes;
    final int localsAlign;
    private int nextVreg;
    private List<MInsn> out;
    private final java.util.Map<Integer, Integer> blockIndex = new java.util.HashMap<>();

    A64Lowering(IrFunction fn) {
        this.fn = fn;
        this.nextVreg = fn.regCount();
        slotOffsets = new long[fn.slots().size()];
        long off = 0;
        int align = 1;
        for (var s : fn.slots()) {
            off = (off + s.align() - 1) / s.align() * s.align();
            slotOffsets[s.id()] = off;
            off += s.size();
            align = Math.max(align, s.align());
        }
        localsBytes = off;
        localsAlign = align;
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
                if (next2 != null && isFoldableScale(i, next, next2)) {
                    scaledIndex = (Insn.Binary) i;
                } else if (next == null && i instanceof Insn.Compare c && b.terminator() instanceof Terminator.Branch br
                        && sameReg(br.cond(), c.dst()) && facts.singleUse(resolve(c.dst()))) {
                    fusedCompare = c;
                } else if (next != null && isFoldableAddress(i, next)) {
                    foldedAddress = (Insn.Binary) i;
                } else {
                    insn(i);
                    foldedAddress = null;
                    scaledIndex = null;
                }
            }
            flagsLive = fusedCompare != null && keepsFlags(seq, fusedCompare) && sameFlags(b, fusedCompare);
            terminator(b.terminator(), fusedCompare);
            fusedCompares.put(b.id(), fusedCompare);
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

    private IrFacts facts;
    /** Registers whose only definition now writes the register their only use copies them to. */
    private final java.util.Map<Integer, Reg> renamed = new java.util.HashMap<>();
    /** Addresses of globals used in loops, materialised once in the entry block. */
    private final java.util.Map<Object, VReg> hoisted = new java.util.HashMap<>();
    /** The ADD (base + index or base + constant) the next load or store uses as its addressing mode. */
    private Insn.Binary foldedAddress;
    /** The MUL or SHL whose operand the folded address scales by the access size. */
    private Insn.Binary scaledIndex;

    private Reg resolve(Reg r) {
        Reg to = renamed.get(r.id());
        return to == null ? r : resolve(to);
    }

    private boolean sameReg(org.machr.kd.ir.Operand o, Reg r) {
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

    /** {@code i} is an i64 ADD whose only use is the address of the load or store {@code next}. */
    private boolean isFoldableAddress(Insn i, Insn next) {
        if (!(i instanceof Insn.Binary b) || b.op() != BinOp.ADD || b.dst().type().bits() != 64) return false;
        if (!facts.singleUse(resolve(b.dst()))) return false;
        org.machr.kd.ir.Operand address = switch (next) {
            case Insn.Load l -> l.address();
            case Insn.Store s -> s.address();
            default -> null;
        };
        if (address == null || !sameReg(address, b.dst())) return false;
        if (next instanceof Insn.Store s && sameReg(s.value(), b.dst())) return false;
        int size = (next instanceof Insn.Load l ? l.memType() : ((Insn.Store) next).memType()).bytes();
        return !(b.a() instanceof Imm) && (!(b.b() instanceof Imm k) || offsetFits(k.value(), size));
    }

    private static boolean offsetFits(long offset, int size) {
        return offset >= -256 && offset < 256 || offset >= 0 && offset % size == 0 && offset / size <= 4095;
    }

    /**
     * {@code i} multiplies by the access size of the load or store {@code next2} (or shifts by its log2)
     * and {@code next} adds the product to a base: {@code [base, index, lsl #log2(size)]}.
     */
    private boolean isFoldableScale(Insn i, Insn next, Insn next2) {
        if (!(i instanceof Insn.Binary m) || m.dst().type().bits() != 64 || !(m.b() instanceof Imm k) || m.a() instanceof Imm) return false;
        if (!facts.singleUse(resolve(m.dst())) || !isFoldableAddress(next, next2)) return false;
        Insn.Binary add = (Insn.Binary) next;
        if (!sameReg(add.b(), m.dst()) || sameReg(add.a(), m.dst())) return false;
        int size = (next2 instanceof Insn.Load l ? l.memType() : ((Insn.Store) next2).memType()).bytes();
        int log2 = Integer.numberOfTrailingZeros(size);
        return m.op() == BinOp.MUL && k.value() == size || m.op() == BinOp.SHL && k.value() == log2;
    }

    private boolean inLoop;
    /** The compare fused into each lowered block's branch (null: none). */
    private final java.util.Map<Integer, Insn.Compare> fusedCompares = new java.util.HashMap<>();
    /** Whether the flags on entry to the block being lowered are those its fused compare would set. */
    private boolean flagsLive;

    /**
     * The only predecessor of block {@code b} ends in a fused compare of the same operands as
     * {@code compare}, {@code b}'s own: the flags it set still hold, so {@code b} needs no CMP.
     */
    private boolean sameFlags(Block b, Insn.Compare compare) {
        List<Block> preds = facts.preds.getOrDefault(b.id(), List.of());
        if (b == fn.entry() || preds.size() != 1 || preds.get(0) == b) return false;
        Insn.Compare before = fusedCompares.get(preds.get(0).id());
        boolean setFlags = before != null && !(before.b() instanceof Imm k && k.value() == 0
                && (before.cond() == org.machr.kd.ir.Cond.EQ || before.cond() == org.machr.kd.ir.Cond.NE));
        return setFlags && sameOperand(before.a(), compare.a()) && sameOperand(before.b(), compare.b());
    }

    /** The instructions before {@code compare} set no flags and write none of its operands. */
    private boolean keepsFlags(List<Insn> seq, Insn.Compare compare) {
        for (Insn i : seq.subList(0, seq.size() - 1)) {
            boolean flagless = i instanceof Insn.Copy || i instanceof Insn.Binary || i instanceof Insn.Unary
                    || i instanceof Insn.Convert || i instanceof Insn.Load || i instanceof Insn.Store;
            if (!flagless) return false;
            for (Reg d : i.defs()) {
                if (sameOperand(d, compare.a()) || sameOperand(d, compare.b())) return false;
            }
        }
        return true;
    }

    private boolean sameOperand(org.machr.kd.ir.Operand x, org.machr.kd.ir.Operand y) {
        return x instanceof Reg r ? sameReg(y, r) : x.equals(y);
    }
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

    private VReg temp() {
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

    private long slotOffset(SlotAddr s) {
        long off = slotOffsets[s.slot()] + s.offset();
        if (off < 0) throw new UnsupportedIrException("negative stack slot offset " + off);
        return off;
    }

    static A64Insn mov(XReg rd, XReg rn) {
        return new A64Insn.LogicalShifted(LogicalRegOp.ORR, rd, XReg.XZR, rn, Shift.NONE);
    }

    /** Re-extends {@code d} to the canonical form of {@code t} (a no-op for 64-bit values). */
    private void canonical(VReg d, IrType t) {
        if (t.bits() == 64 || readsLowBitsOnly(d, t)) return;
        int bits = t.bits();
        add(List.of(Operand.use(d), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), 0, bits - 1)));
    }

    /**
     * Whether the only reader of the IR register behind {@code d} depends on its low {@code t.bits()}
     * bits alone, so its canonical extension can be left out: an ADD, SUB, MUL or SHL of that width
     * (which re-extends its own result), a store of at most that width of it, or a TRUNC.
     */
    private boolean readsLowBitsOnly(VReg d, IrType t) {
        if (d.id() >= fn.regCount()) return false;
        Reg r = new Reg(d.id(), t);
        return switch (facts.onlyUser(r)) {
            case Insn.Binary b -> b.dst().type().equals(t)
                    && (b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL || b.op() == BinOp.SHL);
            case Insn.Store s -> s.memType().bits() <= t.bits() && !sameReg(s.address(), r);
            case Insn.Convert c -> c.op() == org.machr.kd.ir.ConvOp.TRUNC;
            case null, default -> false;
        };
    }

    /** A new register holding the zero-extension of {@code a} from {@code t}'s width. */
    private VReg zeroExtended(VReg a, IrType t) {
        if (t.bits() == 64) return a;
        VReg z = temp();
        int bits = t.bits();
        add(List.of(Operand.use(a), Operand.def(z)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), 0, bits - 1)));
        return z;
    }

    private void three(VReg d, VReg a, VReg b, java.util.function.Function<List<XReg>, A64Insn> f) {
        add(List.of(Operand.use(a), Operand.use(b), Operand.def(d)), (ctx, x) -> ctx.emit(f.apply(x)));
    }

    private void insn(Insn insn) {
        switch (insn) {
            case Insn.Copy c -> materialize(v(c.dst()), c.src());
            case Insn.Binary b -> binary(b);
            case Insn.Unary u -> {
                VReg d = v(u.dst());
                VReg a = reg(u.a());
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(switch (u.op()) {
                    case NEG -> new A64Insn.AddSubShifted(true, false, x.get(1), XReg.XZR, x.get(0), Shift.NONE);
                    case NOT -> new A64Insn.LogicalShifted(LogicalRegOp.ORN, x.get(1), XReg.XZR, x.get(0), Shift.NONE);
                }));
                if (u.op() == org.machr.kd.ir.UnOp.NEG) canonical(d, u.dst().type());
            }
            case Insn.Convert c -> convert(c);
            case Insn.Compare c -> {
                VReg d = v(c.dst());
                Cond cond = cond(c.cond());
                CompareOperands cmp = compareOperands(c);
                List<Operand> ops = cmp.operands();
                ops.add(Operand.def(d));
                add(ops, (ctx, x) -> {
                    cmp.emit(ctx, x);
                    ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSINC, x.get(x.size() - 1), XReg.XZR, XReg.XZR, cond.invert()));
                });
            }
            case Insn.Select s -> {
                VReg d = v(s.dst());
                VReg c = reg(s.cond());
                VReg t = reg(s.ifTrue());
                VReg f = reg(s.ifFalse());
                add(List.of(Operand.use(c), Operand.use(t), Operand.use(f), Operand.def(d)), (ctx, x) -> {
                    ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), new Imm12(0, false)));
                    ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSEL, x.get(3), x.get(1), x.get(2), Cond.NE));
                });
            }
            case Insn.Load l -> load(l);
            case Insn.Store s -> store(s);
            case Insn.Call c -> call(c);
            case Insn.IntrinsicCall i -> A64Intrinsics.select(this, i);
            case Insn.AtomicLoad a -> {
                int bytes = a.dst().type().bytes();
                VReg base = reg(a.address());
                VReg d = v(a.dst());
                add(List.of(Operand.use(base), Operand.def(d)), (ctx, x) -> A64Atomics.load(ctx, x.get(1), x.get(0), bytes));
                canonical(d, a.dst().type());
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
                canonical(d, a.dst().type());
            }
            case Insn.AtomicCas a -> {
                int bytes = a.dst().type().bytes();
                VReg base = reg(a.address());
                VReg expected = reg(a.expected());
                VReg replacement = reg(a.replacement());
                VReg d = v(a.dst());
                add(List.of(Operand.use(base), Operand.use(expected), Operand.use(replacement), Operand.def(d)),
                        (ctx, x) -> A64Atomics.cas(ctx, x.get(3), x.get(0), x.get(1), x.get(2), bytes));
                canonical(d, a.dst().type());
            }
            case Insn.Fence f -> add(List.of(), (ctx, x) -> A64Atomics.fence(ctx));
            default -> throw new UnsupportedIrException(insn.getClass().getSimpleName());
        }
    }

    /** {@code cmp a, b}: {@code b} in a register, or an immediate ADD/SUB can hold (negative: CMN). */
    private record CompareOperands(VReg a, VReg b, long imm) {
        List<Operand> operands() {
            List<Operand> ops = new ArrayList<>();
            ops.add(Operand.use(a));
            if (b != null) ops.add(Operand.use(b));
            return ops;
        }

        boolean isZero() {
            return b == null && imm == 0;
        }

        void emit(EmitContext ctx, List<XReg> x) {
            if (b != null) ctx.emit(new A64Insn.AddSubShifted(true, true, XReg.XZR, x.get(0), x.get(1), Shift.NONE));
            else if (imm >= 0) ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), Imm12.of(imm)));
            else ctx.emit(new A64Insn.AddSubImm(false, true, XReg.XZR, x.get(0), Imm12.of(-imm)));
        }
    }

    private CompareOperands compareOperands(Insn.Compare c) {
        VReg a = reg(c.a());
        if (c.b() instanceof Imm k && k.value() != Long.MIN_VALUE && fitsImm12(Math.abs(k.value()))) {
            return new CompareOperands(a, null, k.value());
        }
        return new CompareOperands(a, reg(c.b()), 0);
    }

    private static boolean fitsImm12(long v) {
        return v >= 0 && v <= 4095 || v > 0 && v <= 0xfff000L && (v & 0xfff) == 0;
    }

    static Cond cond(org.machr.kd.ir.Cond c) {
        return switch (c) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case SLT -> Cond.LT;
            case SLE -> Cond.LE;
            case SGT -> Cond.GT;
            case SGE -> Cond.GE;
            case ULT -> Cond.LO;
            case ULE -> Cond.LS;
            case UGT -> Cond.HI;
            case UGE -> Cond.HS;
        };
    }

    private void binary(Insn.Binary b) {
        VReg d = v(b.dst());
        IrType t = b.dst().type();
        int bits = t.bits();
        BinOp op = b.op();
        if (op == BinOp.MUL && b.b() instanceof Imm k && k.value() > 0 && Long.bitCount(k.value()) == 1) {
            binary(new Insn.Binary(b.dst(), BinOp.SHL, b.a(), new Imm(t, Long.numberOfTrailingZeros(k.value())), b.loc()));
            return;
        }
        if (op == BinOp.LSHR && b.b() instanceof Imm amount && IrSemantics.shiftAmount(bits, amount.value()) > 0) {
            // The field [s, bits) zero-extended: below 2^(bits-s), already canonical.
            int s = IrSemantics.shiftAmount(bits, amount.value());
            VReg a = reg(b.a());
            add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), s, bits - 1)));
            return;
        }
        if ((op == BinOp.SHL || op == BinOp.LSHR || op == BinOp.ASHR) && b.b() instanceof Imm amount) {
            int s = IrSemantics.shiftAmount(bits, amount.value());
            VReg a = op == BinOp.LSHR ? zeroExtended(reg(b.a()), t) : reg(b.a());
            add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(switch (op) {
                case SHL -> new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), (64 - s) % 64, 63 - s);
                case LSHR -> new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), s, 63);
                default -> new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), s, 63);
            }));
            if (op != BinOp.ASHR) canonical(d, t);
            return;
        }
        if (b.b() instanceof Imm k && immediateForm(op, d, reg(b.a()), k.value())) {
            if (op == BinOp.ADD || op == BinOp.SUB) canonical(d, t);
            return;
        }
        VReg a = reg(b.a());
        VReg c = reg(b.b());
        switch (op) {
            case ADD, SUB -> three(d, a, c, x -> new A64Insn.AddSubShifted(op == BinOp.SUB, false, x.get(2), x.get(0), x.get(1), Shift.NONE));
            case MUL -> three(d, a, c, x -> new A64Insn.DataProc3(DataProc3Op.MADD, x.get(2), x.get(0), x.get(1), XReg.XZR));
            case AND, OR, XOR -> three(d, a, c, x -> new A64Insn.LogicalShifted(
                    op == BinOp.AND ? LogicalRegOp.AND : op == BinOp.OR ? LogicalRegOp.ORR : LogicalRegOp.EOR, x.get(2), x.get(0), x.get(1), Shift.NONE));
            case SHL, LSHR, ASHR -> {
                VReg amount = c;
                if (bits < 64) {
                    amount = temp();
                    add(List.of(Operand.use(c), Operand.def(amount)), (ctx, x) -> ctx.emit(new A64Insn.LogicalImm(LogicalImmOp.AND, x.get(1), x.get(0),
                            new org.machr.codegen.aarch64.BitmaskImm(bits - 1, true))));
                }
                VReg src = op == BinOp.LSHR ? zeroExtended(a, t) : a;
                DataProc2Op p = op == BinOp.SHL ? DataProc2Op.LSLV : op == BinOp.LSHR ? DataProc2Op.LSRV : DataProc2Op.ASRV;
                three(d, src, amount, x -> new A64Insn.DataProc2(p, x.get(2), x.get(0), x.get(1)));
            }
            case SDIV, UDIV, SREM, UREM -> {
                boolean unsigned = op == BinOp.UDIV || op == BinOp.UREM;
                VReg n = unsigned ? zeroExtended(a, t) : a;
                VReg m = unsigned ? zeroExtended(c, t) : c;
                var loc = b.loc();
                add(List.of(Operand.use(m)), (ctx, x) -> ctx.emit(new A64Insn.CompareBranch(false, x.get(0),
                        new Target.ToLabel(ctx.panic("division by zero", loc)))));
                DataProc2Op div = unsigned ? DataProc2Op.UDIV : DataProc2Op.SDIV;
                if (op == BinOp.SDIV || op == BinOp.UDIV) {
                    three(d, n, m, x -> new A64Insn.DataProc2(div, x.get(2), x.get(0), x.get(1)));
                } else {
                    VReg q = temp();
                    three(q, n, m, x -> new A64Insn.DataProc2(div, x.get(2), x.get(0), x.get(1)));
                    add(List.of(Operand.use(q), Operand.use(m), Operand.use(n), Operand.def(d)),
                            (ctx, x) -> ctx.emit(new A64Insn.DataProc3(DataProc3Op.MSUB, x.get(3), x.get(0), x.get(1), x.get(2))));
                }
            }
        }
        if (op != BinOp.AND && op != BinOp.OR && op != BinOp.XOR && op != BinOp.ASHR) canonical(d, t);
    }

    /** ADD/SUB with a 12-bit (optionally shifted) immediate, AND/ORR/EOR with a bitmask immediate. */
    private boolean immediateForm(BinOp op, VReg d, VReg a, long k) {
        switch (op) {
            case ADD, SUB -> {
                boolean sub = op == BinOp.SUB;
                long magnitude = k;
                if (k < 0 && k != Long.MIN_VALUE) {
                    sub = !sub;
                    magnitude = -k;
                }
                Imm12 imm;
                try {
                    imm = Imm12.of(magnitude);
                } catch (org.machr.codegen.aarch64.InvalidOperandException e) {
                    return false;
                }
                boolean s = sub;
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.AddSubImm(s, false, x.get(1), x.get(0), imm)));
                return true;
            }
            case AND, OR, XOR -> {
                var mask = org.machr.codegen.aarch64.BitmaskImm.tryOf(k, true);
                if (mask.isEmpty()) return false;
                LogicalImmOp lop = op == BinOp.AND ? LogicalImmOp.AND : op == BinOp.OR ? LogicalImmOp.ORR : LogicalImmOp.EOR;
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.LogicalImm(lop, x.get(1), x.get(0), mask.get())));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void convert(Insn.Convert c) {
        VReg d = v(c.dst());
        VReg a = reg(c.a());
        int from = c.a().type().bits();
        int to = c.dst().type().bits();
        switch (c.op()) {
            case ZEXT -> {
                if (from == 64) add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
                else add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.UBFM, x.get(1), x.get(0), 0, from - 1)));
                if (to <= from) canonical(d, c.dst().type());
            }
            case SEXT -> add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
            case TRUNC -> {
                if (to == 64) add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0))));
                else add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), 0, to - 1)));
            }
        }
    }

    /**
     * An addressing mode before allocation: {@code [base, #offset]} ({@code base == null}: SP) or
     * {@code [base, index]}.
     */
    private record Addr(VReg base, long offset, VReg index, boolean scaled) {
        List<Operand> operands() {
            List<Operand> ops = new ArrayList<>();
            if (base != null) ops.add(Operand.use(base));
            if (index != null) ops.add(Operand.use(index));
            return ops;
        }

        /** The address, given the registers of {@link #operands()} at the front of {@code x}. */
        Address at(List<XReg> x, int size) {
            XReg b = base == null ? XReg.SP : x.get(0);
            if (index != null) return new Address.RegOffset(b, x.get(1), org.machr.codegen.aarch64.ExtendType.UXTX, scaled);
            boolean unsignedOffset = offset >= 0 && offset % size == 0 && offset / size <= 4095;
            return unsignedOffset ? new Address.Scaled(b, offset) : new Address.Unscaled(b, (int) offset);
        }
    }

    private Addr address(org.machr.kd.ir.Operand o, int size) {
        Insn.Binary folded = foldedAddress;
        foldedAddress = null;
        if (folded != null) {
            Insn.Binary scaled = scaledIndex;
            scaledIndex = null;
            if (folded.b() instanceof Imm k) return new Addr(reg(folded.a()), k.value(), null, false);
            if (scaled != null) return new Addr(reg(folded.a()), 0, reg(scaled.a()), true);
            return new Addr(reg(folded.a()), 0, reg(folded.b()), false);
        }
        if (o instanceof SlotAddr s) {
            long off = slotOffset(s);
            if (off % size == 0 && off / size <= 4095) return new Addr(null, off, null, false);
        }
        return new Addr(reg(o), 0, null, false);
    }

    private void load(Insn.Load l) {
        VReg d = v(l.dst());
        int size = l.memType().bytes();
        Addr addr = address(l.address(), size);
        boolean signed = l.memType().bits() == l.dst().type().bits() || l.ext() == Ext.SIGN;
        LoadStoreOp op = switch (size) {
            case 1 -> signed ? LoadStoreOp.LDRSB : LoadStoreOp.LDRB;
            case 2 -> signed ? LoadStoreOp.LDRSH : LoadStoreOp.LDRH;
            case 4 -> signed ? LoadStoreOp.LDRSW : LoadStoreOp.LDR;
            default -> LoadStoreOp.LDR;
        };
        boolean wide = size == 8 || signed;
        List<Operand> ops = addr.operands();
        ops.add(Operand.def(d));
        add(ops, (ctx, x) -> {
            XReg rt = x.get(x.size() - 1);
            ctx.emit(new A64Insn.LoadStore(op, wide ? rt : rt.withWidth(false), addr.at(x, size)));
        });
        if (!signed && l.memType().bits() >= l.dst().type().bits()) canonical(d, l.dst().type());
    }

    private void store(Insn.Store s) {
        int size = s.memType().bytes();
        Addr addr = address(s.address(), size);
        boolean zero = s.value() instanceof Imm k && k.value() == 0;
        VReg value = zero ? null : reg(s.value());
        LoadStoreOp op = size == 1 ? LoadStoreOp.STRB : size == 2 ? LoadStoreOp.STRH : LoadStoreOp.STR;
        List<Operand> ops = addr.operands();
        if (!zero) ops.add(Operand.use(value));
        add(ops, (ctx, x) -> {
            XReg rt = zero ? XReg.XZR : x.get(x.size() - 1);
            ctx.emit(new A64Insn.LoadStore(op, size == 8 ? rt : rt.withWidth(false), addr.at(x, size)));
        });
    }

    private void call(Insn.Call c) {
        if (c.results().size() > 2) throw new UnsupportedIrException("calls with more than 2 results");
        List<VReg> args = new ArrayList<>();
        for (var a : c.args()) args.add(reg(a));
        List<Operand> ops = new ArrayList<>();
        VReg target = null;
        if (c.callee() instanceof Callee.Indirect ind) {
            target = reg(ind.target());
            ops.add(Operand.use(target));
        }
        int inRegs = Math.min(args.size(), A64Abi.MAX_REG_ARGS);
        int stackArgs = args.size() - inRegs;
        for (int i = 0; i < args.size(); i++) {
            if (args.subList(0, i).contains(args.get(i))) {
                VReg copy = temp();
                VReg orig = args.get(i);
                out.add(new MInsn(List.of(Operand.use(orig), Operand.def(copy)), Set.of(), true, false, (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0)))));
                args.set(i, copy);
            }
            ops.add(i < inRegs ? Operand.fixedUse(args.get(i), X[i]) : Operand.use(args.get(i)));
        }
        for (int i = 0; i < c.results().size(); i++) ops.add(Operand.fixedDef(v(c.results().get(i)), X[i]));
        Callee callee = c.callee();
        int firstStackOp = c.callee() instanceof Callee.Indirect ? 1 + inRegs : inRegs;
        int outgoing = (stackArgs * 8 + 15) / 16 * 16;
        out.add(new MInsn(ops, A64Abi.CALL_CLOBBERS, false, false, (ctx, x) -> {
            // Arguments 9.. go to 8-byte slots at the bottom of the stack, popped after the call.
            if (outgoing > 0) {
                ctx.subSp(outgoing);
                for (int k = 0; k < stackArgs; k++) {
                    ctx.emit(new A64Insn.LoadStore(LoadStoreOp.STR, x.get(firstStackOp + k), new Address.Scaled(XReg.SP, 8L * k)));
                }
            }
            switch (callee) {
                case Callee.Direct d -> ctx.emit(new A64Insn.Branch(true, new Target.ToSymbol(d.function(), 0)));
                case Callee.Extern e -> ctx.emit(new A64Insn.Branch(true, new Target.ToSymbol(e.symbol(), 0)));
                case Callee.Indirect i -> ctx.emit(new A64Insn.BranchReg(BranchRegOp.BLR, x.get(0)));
            }
            if (outgoing > 0) ctx.addSp(outgoing);
        }));
    }

    /**
     * A two-way branch: {@code branch.apply(true, yes)} and a jump to {@code no} unless it follows; when
     * {@code yes} follows, only {@code branch.apply(false, no)}.
     */
    private static void conditional(EmitContext ctx, java.util.function.BiFunction<Boolean, Target, A64Insn> branch, int yes, int no) {
        if (ctx.nextBlock == yes) {
            ctx.emit(branch.apply(false, new Target.ToLabel(ctx.blockLabels.get(no))));
            return;
        }
        ctx.emit(branch.apply(true, new Target.ToLabel(ctx.blockLabels.get(yes))));
        if (ctx.nextBlock != no) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(no))));
    }

    private void terminator(Terminator t, Insn.Compare fused) {
        switch (t) {
            case Terminator.Jump j -> {
                int target = blockIndex.get(j.target());
                out.add(new MInsn(List.of(), Set.of(), false, true, (ctx, x) -> {
                    if (ctx.nextBlock != target) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(target))));
                }));
            }
            case Terminator.Branch b when fused != null -> {
                CompareOperands cmp = compareOperands(fused);
                Cond cond = cond(fused.cond());
                int yes = blockIndex.get(b.ifTrue());
                int no = blockIndex.get(b.ifFalse());
                boolean zeroTest = cmp.isZero() && (cond == Cond.EQ || cond == Cond.NE);
                boolean reuseFlags = flagsLive;
                out.add(new MInsn(cmp.operands(), Set.of(), false, true, (ctx, x) -> {
                    if (reuseFlags && !zeroTest) {
                        conditional(ctx, (holds, l) -> new A64Insn.CondBranch(holds ? cond : cond.invert(), l), yes, no);
                    } else if (zeroTest) {
                        conditional(ctx, (nonZero, l) -> new A64Insn.CompareBranch(nonZero == (cond == Cond.NE), x.get(0), l), yes, no);
                    } else {
                        cmp.emit(ctx, x);
                        conditional(ctx, (holds, l) -> new A64Insn.CondBranch(holds ? cond : cond.invert(), l), yes, no);
                    }
                }));
            }
            case Terminator.Branch b -> {
                VReg c = reg(b.cond());
                int yes = blockIndex.get(b.ifTrue());
                int no = blockIndex.get(b.ifFalse());
                out.add(new MInsn(List.of(Operand.use(c)), Set.of(), false, true, (ctx, x) ->
                        conditional(ctx, (nonZero, l) -> new A64Insn.CompareBranch(nonZero, x.get(0), l), yes, no)));
            }
            case Terminator.Switch s -> {
                VReg value = reg(s.value());
                for (Terminator.Case k : s.cases()) {
                    int target = blockIndex.get(k.target());
                    long key = k.value();
                    if (key >= 0 && key <= 4095) {
                        add(List.of(Operand.use(value)), (ctx, x) -> {
                            ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), new Imm12((int) key, false)));
                            ctx.emit(new A64Insn.CondBranch(Cond.EQ, new Target.ToLabel(ctx.blockLabels.get(target))));
                        });
                    } else {
                        VReg kv = reg(new Imm(s.value().type(), key));
                        add(List.of(Operand.use(value), Operand.use(kv)), (ctx, x) -> {
                            ctx.emit(new A64Insn.AddSubShifted(true, true, XReg.XZR, x.get(0), x.get(1), Shift.NONE));
                            ctx.emit(new A64Insn.CondBranch(Cond.EQ, new Target.ToLabel(ctx.blockLabels.get(target))));
                        });
                    }
                }
                terminator(new Terminator.Jump(s.otherwise()), null);
            }
            case Terminator.Return r -> {
                if (r.values().size() > 2) throw new UnsupportedIrException("returning more than 2 values");
                List<Operand> ops = new ArrayList<>();
                for (int i = 0; i < r.values().size(); i++) ops.add(Operand.fixedUse(reg(r.values().get(i)), X[i]));
                out.add(new MInsn(ops, Set.of(), false, true, (ctx, x) -> ctx.epilogue()));
            }
            case Terminator.Unreachable u -> out.add(new MInsn(List.of(), Set.of(), false, true,
                    (ctx, x) -> ctx.emit(new A64Insn.ExceptionGen(ExceptionOp.BRK, 0x3e8))));
        }
    }
}
