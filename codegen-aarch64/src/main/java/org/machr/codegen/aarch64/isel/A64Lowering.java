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
        for (Block b : fn.blocks()) blockIndex.put(b.id(), blockIndex.size());
        for (Block b : fn.blocks()) {
            out = new ArrayList<>();
            if (b == fn.entry()) params();
            for (Insn i : b.insns()) insn(i);
            terminator(b.terminator(), blockIndex.get(b.id()));
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

    VReg v(Reg r) {
        return new VReg(r.id(), RegClass.INT);
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
        if (t.bits() == 64) return;
        int bits = t.bits();
        add(List.of(Operand.use(d), Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Bitfield(BitfieldOp.SBFM, x.get(1), x.get(0), 0, bits - 1)));
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
                VReg a = reg(c.a());
                Cond cond = cond(c.cond());
                if (c.b() instanceof Imm k && k.value() >= 0 && k.value() <= 4095) {
                    int imm = (int) k.value();
                    add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> {
                        ctx.emit(new A64Insn.AddSubImm(true, true, XReg.XZR, x.get(0), new Imm12(imm, false)));
                        ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSINC, x.get(1), XReg.XZR, XReg.XZR, cond.invert()));
                    });
                    return;
                }
                VReg b = reg(c.b());
                add(List.of(Operand.use(a), Operand.use(b), Operand.def(d)), (ctx, x) -> {
                    ctx.emit(new A64Insn.AddSubShifted(true, true, XReg.XZR, x.get(0), x.get(1), Shift.NONE));
                    ctx.emit(new A64Insn.CondSelect(CondSelectOp.CSINC, x.get(2), XReg.XZR, XReg.XZR, cond.invert()));
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

    /** The base register and byte offset of an address operand ({@code base == null}: SP). */
    private record Addr(VReg base, long offset) {}

    private Addr address(org.machr.kd.ir.Operand o, int size) {
        if (o instanceof SlotAddr s) {
            long off = slotOffset(s);
            if (off % size == 0 && off / size <= 4095) return new Addr(null, off);
        }
        return new Addr(reg(o), 0);
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
        List<Operand> ops = addr.base() == null ? List.of(Operand.def(d)) : List.of(Operand.use(addr.base()), Operand.def(d));
        add(ops, (ctx, x) -> {
            XReg rt = x.get(x.size() - 1);
            XReg base = addr.base() == null ? XReg.SP : x.get(0);
            ctx.emit(new A64Insn.LoadStore(op, wide ? rt : rt.withWidth(false), new Address.Scaled(base, addr.offset())));
        });
        if (!signed && l.memType().bits() >= l.dst().type().bits()) canonical(d, l.dst().type());
    }

    private void store(Insn.Store s) {
        int size = s.memType().bytes();
        Addr addr = address(s.address(), size);
        VReg value = reg(s.value());
        LoadStoreOp op = size == 1 ? LoadStoreOp.STRB : size == 2 ? LoadStoreOp.STRH : LoadStoreOp.STR;
        List<Operand> ops = addr.base() == null ? List.of(Operand.use(value)) : List.of(Operand.use(value), Operand.use(addr.base()));
        add(ops, (ctx, x) -> {
            XReg base = addr.base() == null ? XReg.SP : x.get(1);
            ctx.emit(new A64Insn.LoadStore(op, size == 8 ? x.get(0) : x.get(0).withWidth(false), new Address.Scaled(base, addr.offset())));
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

    private void terminator(Terminator t, int self) {
        switch (t) {
            case Terminator.Jump j -> {
                int target = blockIndex.get(j.target());
                out.add(new MInsn(List.of(), Set.of(), false, true, (ctx, x) -> {
                    if (ctx.nextBlock != target) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(target))));
                }));
            }
            case Terminator.Branch b -> {
                VReg c = reg(b.cond());
                int yes = blockIndex.get(b.ifTrue());
                int no = blockIndex.get(b.ifFalse());
                out.add(new MInsn(List.of(Operand.use(c)), Set.of(), false, true, (ctx, x) -> {
                    ctx.emit(new A64Insn.CompareBranch(true, x.get(0), new Target.ToLabel(ctx.blockLabels.get(yes))));
                    if (ctx.nextBlock != no) ctx.emit(new A64Insn.Branch(false, new Target.ToLabel(ctx.blockLabels.get(no))));
                }));
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
                terminator(new Terminator.Jump(s.otherwise()), self);
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
