package org.machr.codegen.x86_64.isel;

import org.machr.codegen.common.LocalSlots;
import static org.machr.codegen.x86_64.isel.X64Abi.sized;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.RegAllocFunction;
import org.machr.codegen.common.regalloc.RegClass;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.codegen.x86_64.AluOp;
import org.machr.codegen.x86_64.Cond;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.Mem;
import org.machr.codegen.x86_64.NullaryOp;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.Target;
import org.machr.codegen.x86_64.UnaryOp;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;

/**
 * Instruction selection: IR → {@link MInsn}s over virtual registers (one per IR register, plus
 * temporaries), the x86_64 counterpart of A64Lowering. Values live in 64-bit registers in the IR's
 * canonical form (sign-extended from their type's width), so narrow results that may leave their range
 * are re-extended ({@code movs*}); unsigned operations on narrow values zero-extend their inputs first.
 * Immediates that fit 32 bits go into the instruction, stack slots and globals are memory operands
 * ({@code (%rsp)}, RIP-relative), address computations use {@code lea}, compares use {@code setcc},
 * selects {@code cmovcc}. Calls follow the System V AMD64 ABI (arguments 7 and up in the outgoing area
 * at the bottom of the frame). Binary arithmetic and atomics are in {@link X64Arith}, terminators in
 * {@link X64Branches}, loads, stores and calls in {@link X64Memory}; blocks are selected in the order of
 * {@link X64BlockLayout}, after the rewrites of {@link X64BlockRewrites}, with addresses folded by
 * {@link X64Address}.
 */
final class X64Lowering {

    final IrFunction fn;
    final List<List<MInsn>> blocks = new ArrayList<>();
    final List<List<Integer>> succs = new ArrayList<>();
    /** The offsets of the stack slots in the locals area, its size and alignment. */
    final LocalSlots locals;
    /** Bytes of the outgoing stack-argument area at the bottom of the frame (calls with more than 6 arguments). */
    final int outgoingBytes;
    /** Offset of the locals from %rsp. */
    private final long localsBase;
    private int nextVreg;
    List<MInsn> out;
    final Map<Integer, Integer> blockIndex = new HashMap<>();
    private final X64Arith arith = new X64Arith(this);
    private final X64Branches branches = new X64Branches(this);
    /** The instruction defining each IR register (the last one seen when there are several). */
    private final Map<Integer, Insn> definedBy = new HashMap<>();
    private final Map<Integer, Integer> defCounts = new HashMap<>();
    /** The folded address of the instruction being selected (a load, store or add), or null. */
    X64Address.Pattern pattern;

    X64Lowering(IrFunction fn) {
        this.fn = fn;
        this.nextVreg = fn.regCount();
        this.locals = LocalSlots.of(fn);
        int maxStackArgs = 0;
        for (Block b : fn.blocks()) {
            for (Insn i : b.insns()) {
                if (i instanceof Insn.Call c) maxStackArgs = Math.max(maxStackArgs, c.args().size() - X64Abi.ARGS.size());
            }
        }
        outgoingBytes = 8 * maxStackArgs;
        localsBase = (outgoingBytes + locals.align() - 1) / locals.align() * locals.align();     // as FrameLayout.compute places them
    }

    RegAllocFunction lower() {
        List<Block> layout = X64BlockLayout.of(fn);
        for (Block b : layout) blockIndex.put(b.id(), blockIndex.size());
        Map<Integer, Integer> uses = new HashMap<>();
        Map<Integer, Integer> defs = defCounts;
        for (Block b : fn.blocks()) {
            for (Insn i : b.insns()) {
                for (var o : i.uses()) if (o instanceof Reg r) uses.merge(r.id(), 1, Integer::sum);
                for (Reg r : i.defs()) {
                    defs.merge(r.id(), 1, Integer::sum);
                    definedBy.put(r.id(), i);
                }
            }
            for (var o : b.terminator().uses()) if (o instanceof Reg r) uses.merge(r.id(), 1, Integer::sum);
        }
        Set<Integer> branchOnly = branchOnlyConditions(uses);
        for (Block b : layout) {
            out = new ArrayList<>();
            if (b == fn.entry()) params();
            List<Insn> insns = X64BlockRewrites.rewrite(fn, b.insns(), uses, defs);
            // A compare read only by the block's branch becomes cmp + jcc (no setcc, no test).
            Insn.Compare fused = null;
            if (!insns.isEmpty() && insns.get(insns.size() - 1) instanceof Insn.Compare c
                    && b.terminator() instanceof Terminator.Branch br && br.cond() instanceof Reg r && r.equals(c.dst())
                    && branchOnly.contains(r.id())) {
                fused = c;
            }
            X64Address folding = new X64Address(this, insns, uses, defs);
            // ... and a plain load just before it, used only by it, becomes the compare's memory operand.
            int n = insns.size() - (fused == null ? 0 : 1);
            Insn.Load loaded = fused != null && n > 0 && insns.get(n - 1) instanceof Insn.Load ld && ld.dst().equals(fused.a())
                    && !fused.b().equals(ld.dst()) && ld.memType().bits() == ld.dst().type().bits()
                    && uses.getOrDefault(ld.dst().id(), 0) == 1 && defs.getOrDefault(ld.dst().id(), 0) == 1
                    && (fused.b() instanceof Reg || imm32(fused.b()) != null && X64Branches.fitsWidth(((org.machr.kd.ir.Imm) fused.b()).value(), ld.memType().bits()))
                    ? ld : null;
            X64Address.Pattern loadedAddress = loaded == null ? null : folding.patternAt(n - 1);
            if (loaded != null) n--;
            for (int k = 0; k < n; k++) {
                if (folding.isFolded(k) || insns.get(k) instanceof Insn.Copy cp && branchOnly.contains(cp.dst().id())) continue;
                pattern = folding.patternAt(k);
                insn(insns.get(k));
                pattern = null;
            }
            if (loaded != null) {
                pattern = loadedAddress;
                branches.fusedBranch(fused, (Terminator.Branch) b.terminator(), X64Memory.folded(this, loaded.address()), X64Abi.sizeOfBits(loaded.memType().bits()));
                pattern = null;
            } else if (fused != null) branches.fusedBranch(fused, (Terminator.Branch) b.terminator(), null, OpSize.QWORD);
            else branches.terminator(b.terminator());
            blocks.add(out);
            succs.add(b.terminator().successors().stream().map(blockIndex::get).toList());
        }
        int count = nextVreg;
        return new RegAllocFunction() {
            @Override public int blockCount() { return blocks.size(); }
            @Override public List<MInsn> insns(int block) { return blocks.get(block); }
            @Override public List<Integer> successors(int block) { return succs.get(block); }
            @Override public int vregCount() { return count; }
        };
    }

    /**
     * Registers read only by branches, each right after a compare of its block that defines it: their
     * value never crosses a block boundary, so fusing every such compare into its branch is exact. Other
     * definitions are dead: the IR's loop rotation leaves a {@code copy} of the known first test in the
     * preheader, which is not selected.
     */
    private Set<Integer> branchOnlyConditions(Map<Integer, Integer> uses) {
        Map<Integer, Integer> branchUses = new HashMap<>();
        for (Block b : fn.blocks()) {
            if (b.terminator() instanceof Terminator.Branch br && br.cond() instanceof Reg r && !b.insns().isEmpty()
                    && b.insns().get(b.insns().size() - 1) instanceof Insn.Compare c && c.dst().equals(r)) {
                branchUses.merge(r.id(), 1, Integer::sum);
            }
        }
        Set<Integer> only = new HashSet<>();
        for (var e : branchUses.entrySet()) {
            if (e.getValue().equals(uses.get(e.getKey())) && fn.params().stream().noneMatch(p -> p.id() == e.getKey())) only.add(e.getKey());
        }
        return only;
    }

    /** Whether the function calls another, or may call the panic path of a division (so keeps the stack 16-byte aligned). */
    boolean makesCalls() {
        return fn.blocks().stream().flatMap(b -> b.insns().stream())
                .anyMatch(i -> i instanceof Insn.Call || i instanceof Insn.Binary b && b.op().canPanic());
    }

    VReg v(Reg r) {
        return new VReg(r.id(), RegClass.INT);
    }

    VReg temp() {
        return new VReg(nextVreg++, RegClass.INT);
    }

    void add(List<Operand> ops, MInsn.Emitter e) {
        out.add(MInsn.of(ops, e));
    }

    void add(List<Operand> ops, Set<org.machr.codegen.common.regalloc.PReg> clobbers, MInsn.Emitter e) {
        out.add(new MInsn(ops, clobbers, false, false, e));
    }

    private void params() {
        List<Reg> ps = fn.params();
        List<Operand> defs = new ArrayList<>();
        for (int i = 0; i < ps.size() && i < X64Abi.ARGS.size(); i++) defs.add(Operand.fixedDef(v(ps.get(i)), X64Abi.ARGS.get(i)));
        if (!defs.isEmpty()) add(defs, (ctx, r) -> { });
        for (int i = X64Abi.ARGS.size(); i < ps.size(); i++) {
            long disp = 16 + 8L * (i - X64Abi.ARGS.size());      // above the saved rbp and the return address
            add(List.of(Operand.def(v(ps.get(i)))), (ctx, x) -> ctx.emit(new X64Insn.Mov(OpSize.QWORD, x.get(0), Mem.base(Gpr64.RBP, disp))));
        }
    }

    /** The operand in a virtual register (materialising constants and addresses). */
    VReg reg(org.machr.kd.ir.Operand o) {
        if (o instanceof Reg r) return v(r);
        VReg t = temp();
        materialize(t, o);
        return t;
    }

    static boolean fitsImm32(long v) {
        return v == (int) v;
    }

    /** The operand as an immediate when it is a constant that fits a sign-extended imm32, else null. */
    static Imm imm32(org.machr.kd.ir.Operand o) {
        return o instanceof org.machr.kd.ir.Imm i && fitsImm32(i.value()) ? Imm.of(i.value()) : null;
    }

    void materialize(VReg dst, org.machr.kd.ir.Operand o) {
        switch (o) {
            case Reg r -> out.add(new MInsn(List.of(Operand.use(v(r)), Operand.def(dst)), Set.of(), true, false,
                    (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0)))));
            case org.machr.kd.ir.Imm imm -> {
                long value = imm.value();
                add(List.of(Operand.def(dst)), (ctx, x) -> ctx.emit(loadImm(x.get(0), value)));
            }
            case SymbolAddr s -> add(List.of(Operand.def(dst)), (ctx, x) -> ctx.emit(
                    new X64Insn.Lea(OpSize.QWORD, x.get(0), Mem.rip(Target.symbol(s.symbol()), s.addend()))));
            case SlotAddr s -> {
                long off = slotOffset(s);
                add(List.of(Operand.def(dst)), (ctx, x) -> ctx.emit(new X64Insn.Lea(OpSize.QWORD, x.get(0), Mem.base(Gpr64.RSP, off))));
            }
        }
    }

    /** The shortest move of a constant: {@code movl} (zero-extends), sign-extended imm32, or movabs. */
    static X64Insn loadImm(Gpr64 d, long value) {
        if (value >= 0 && value <= 0xffff_ffffL) return new X64Insn.Mov(OpSize.DWORD, sized(d, OpSize.DWORD), Imm.of(value));
        if (fitsImm32(value)) return new X64Insn.Mov(OpSize.QWORD, d, Imm.of(value));
        return new X64Insn.MovAbs(d, Imm.of(value));
    }

    long slotOffset(SlotAddr s) {
        long off = localsBase + locals.offsets()[s.slot()] + s.offset();
        if (off < 0) throw new UnsupportedIrException("negative stack slot offset " + off);
        return off;
    }

    static X64Insn mov(Gpr64 d, Gpr64 s) {
        return new X64Insn.Mov(OpSize.QWORD, d, s);
    }

    /** Re-extends {@code d} to the canonical form of {@code t} (a no-op for 64-bit values). */
    void canonical(VReg d, IrType t) {
        if (t.bits() == 64) return;
        OpSize size = X64Abi.sizeOfBits(t.bits());
        add(List.of(Operand.use(d), Operand.def(d)), (ctx, x) -> ctx.emit(new X64Insn.MovExtend(true, size, OpSize.QWORD, x.get(1), sized(x.get(0), size))));
    }

    /** A new register holding the zero-extension of {@code a} from {@code t}'s width. */
    VReg zeroExtended(VReg a, IrType t) {
        if (t.bits() == 64) return a;
        VReg z = temp();
        OpSize size = X64Abi.sizeOfBits(t.bits());
        add(List.of(Operand.use(a), Operand.def(z)), (ctx, x) -> ctx.emit(zext(x.get(1), x.get(0), size)));
        return z;
    }

    static X64Insn zext(Gpr64 d, Gpr64 s, OpSize from) {
        if (from == OpSize.DWORD) return new X64Insn.Mov(OpSize.DWORD, sized(d, OpSize.DWORD), sized(s, OpSize.DWORD));
        return new X64Insn.MovExtend(false, from, OpSize.DWORD, sized(d, OpSize.DWORD), sized(s, from));
    }

    private void insn(Insn insn) {
        switch (insn) {
            case Insn.Copy c -> materialize(v(c.dst()), c.src());
            case Insn.Binary b -> arith.binary(b);
            case Insn.Unary u -> {
                VReg d = v(u.dst());
                VReg a = reg(u.a());
                UnaryOp op = u.op() == org.machr.kd.ir.UnOp.NEG ? UnaryOp.NEG : UnaryOp.NOT;
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> {
                    if (x.get(1) != x.get(0)) ctx.emit(mov(x.get(1), x.get(0)));
                    ctx.emit(new X64Insn.Unary(op, OpSize.QWORD, x.get(1)));
                });
                if (op == UnaryOp.NEG) canonical(d, u.dst().type());
            }
            case Insn.Convert c -> convert(c);
            case Insn.Compare c -> {
                VReg d = v(c.dst());
                VReg a = reg(c.a());
                Imm k = imm32(c.b());
                Cond cond = cond(c.cond());
                if (k != null) {
                    add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> {
                        ctx.emit(new X64Insn.Alu(AluOp.CMP, OpSize.QWORD, x.get(0), k));
                        setcc(ctx, cond, x.get(1));
                    });
                } else {
                    VReg b = reg(c.b());
                    add(List.of(Operand.use(a), Operand.use(b), Operand.def(d)), (ctx, x) -> {
                        ctx.emit(new X64Insn.Alu(AluOp.CMP, OpSize.QWORD, x.get(0), x.get(1)));
                        setcc(ctx, cond, x.get(2));
                    });
                }
            }
            case Insn.Select s -> {
                VReg d = v(s.dst());
                VReg c = reg(s.cond());
                VReg t = reg(s.ifTrue());
                VReg f = reg(s.ifFalse());
                add(List.of(Operand.use(c), Operand.use(t), Operand.use(f), Operand.def(d)), (ctx, x) -> {
                    Gpr64 rc = x.get(0), rt = x.get(1), rf = x.get(2), rd = x.get(3);
                    ctx.emit(new X64Insn.Test(OpSize.QWORD, rc, rc));
                    if (rd == rt) {
                        ctx.emit(new X64Insn.Cmovcc(Cond.E, OpSize.QWORD, rd, rf));
                    } else {
                        if (rd != rf) ctx.emit(mov(rd, rf));           // mov keeps the flags
                        ctx.emit(new X64Insn.Cmovcc(Cond.NE, OpSize.QWORD, rd, rt));
                    }
                });
            }
            case Insn.Load l -> X64Memory.load(this, l);
            case Insn.Store s -> X64Memory.store(this, s);
            case Insn.Call c -> X64Memory.call(this, c);
            case Insn.IntrinsicCall i -> X64Intrinsics.select(this, i);
            case Insn.AtomicLoad a -> arith.atomicLoad(a);
            case Insn.AtomicStore a -> arith.atomicStore(a);
            case Insn.AtomicRmw a -> arith.atomicRmw(a);
            case Insn.AtomicCas a -> arith.atomicCas(a);
            case Insn.Fence f -> add(List.of(), (ctx, x) -> ctx.emit(new X64Insn.Nullary(NullaryOp.MFENCE)));
        }
    }

    /** {@code setcc} then {@code movzbl}: the byte register write leaves the rest to the zero-extension. */
    static void setcc(EmitContext ctx, Cond cond, Gpr64 d) {
        ctx.emit(new X64Insn.Setcc(cond, sized(d, OpSize.BYTE)));
        ctx.emit(new X64Insn.MovExtend(false, OpSize.BYTE, OpSize.DWORD, sized(d, OpSize.DWORD), sized(d, OpSize.BYTE)));
    }

    static Cond cond(org.machr.kd.ir.Cond c) {
        return switch (c) {
            case EQ -> Cond.E;
            case NE -> Cond.NE;
            case SLT -> Cond.L;
            case SLE -> Cond.LE;
            case SGT -> Cond.G;
            case SGE -> Cond.GE;
            case ULT -> Cond.B;
            case ULE -> Cond.BE;
            case UGT -> Cond.A;
            case UGE -> Cond.AE;
        };
    }

    private void convert(Insn.Convert c) {
        VReg d = v(c.dst());
        VReg a = reg(c.a());
        int from = c.a().type().bits();
        int to = c.dst().type().bits();
        switch (c.op()) {
            case ZEXT -> {
                if (to > from && knownNonNegative(c.a())) {         // canonical and zero-extended forms agree
                    materialize(d, c.a());
                    return;
                }
                OpSize fs = X64Abi.sizeOfBits(from);
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(from == 64 ? mov(x.get(1), x.get(0)) : zext(x.get(1), x.get(0), fs)));
                if (to <= from) canonical(d, c.dst().type());
            }
            case SEXT -> add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> { if (x.get(1) != x.get(0)) ctx.emit(mov(x.get(1), x.get(0))); });
            case TRUNC -> {
                OpSize ts = X64Abi.sizeOfBits(to);
                add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> ctx.emit(to == 64 ? mov(x.get(1), x.get(0))
                        : new X64Insn.MovExtend(true, ts, OpSize.QWORD, x.get(1), sized(x.get(0), ts))));
            }
        }
    }

    /**
     * Whether the register's only definition leaves a value in {@code [0, 2^(w-1))} for its width w: an
     * {@code and} with such a constant, a logical right shift by 1 or more, a zero-extending load or conversion.
     */
    private boolean knownNonNegative(org.machr.kd.ir.Operand o) {
        if (!(o instanceof Reg r) || defCounts.getOrDefault(r.id(), 0) != 1 || fn.params().contains(r)) return false;
        int bits = r.type().bits();
        return switch (definedBy.get(r.id())) {
            case Insn.Binary b when b.op() == BinOp.AND -> b.b() instanceof org.machr.kd.ir.Imm k && k.value() >= 0
                    && (bits == 64 || k.value() < (1L << (bits - 1)));
            case Insn.Binary b -> X64Arith.isPositiveShiftRight(b);
            case Insn.Load ld -> ld.ext() == org.machr.kd.ir.Ext.ZERO && ld.memType().bits() < bits;
            case Insn.Convert c -> c.op() == org.machr.kd.ir.ConvOp.ZEXT && c.a().type().bits() < bits;
            case null, default -> false;
        };
    }
}
