package org.machr.codegen.x86_64.isel;

import static org.machr.codegen.x86_64.isel.X64Abi.sized;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.machr.codegen.common.Label;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.codegen.x86_64.AluOp;
import org.machr.codegen.x86_64.Cond;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.Mem;
import org.machr.codegen.x86_64.NullaryOp;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.ShiftOp;
import org.machr.codegen.x86_64.Target;
import org.machr.codegen.x86_64.UnaryOp;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrSemantics;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;

/**
 * Binary arithmetic and atomics for {@link X64Lowering}. Two-address forms: {@code d = a op b} is
 * {@code op b, d} when {@code d} is {@code a}'s register, the commuted form or {@code neg d; add a, d}
 * when it is {@code b}'s. Shifts take their count in {@code %cl} (masked to the width for narrow
 * types, docs/language.md §6); division uses {@code rax:rdx}, checks for zero (panic through
 * {@code rt.panic_at}) and for {@code MIN / -1} on 64 bits (which would trap; the result wraps).
 */
final class X64Arith {

    private final X64Lowering l;

    X64Arith(X64Lowering l) {
        this.l = l;
    }

    private static AluOp alu(BinOp op) {
        return switch (op) {
            case ADD -> AluOp.ADD;
            case SUB -> AluOp.SUB;
            case AND -> AluOp.AND;
            case OR -> AluOp.OR;
            case XOR -> AluOp.XOR;
            default -> null;
        };
    }

    void binary(Insn.Binary insn) {
        Insn.Binary b = commuted(insn);
        VReg d = l.v(b.dst());
        IrType t = b.dst().type();
        BinOp op = b.op();
        Imm k = X64Lowering.imm32(b.b());
        if (l.pattern != null) {                       // a 64-bit add that X64Address folded into one lea
            X64Memory.Addr addr = X64Memory.folded(l, null);
            List<Operand> ops = addr.uses();
            ops.add(Operand.def(d));
            l.add(ops, (ctx, x) -> ctx.emit(new X64Insn.Lea(OpSize.QWORD, x.get(x.size() - 1), addr.mem(x, 0))));
            return;
        }
        switch (op) {
            case ADD, SUB, AND, OR, XOR -> {
                AluOp a = alu(op);
                VReg x0 = l.reg(b.a());
                if (k != null) {
                    l.add(List.of(Operand.use(x0), Operand.def(d)), (ctx, x) -> {
                        if (op == BinOp.ADD && x.get(1) != x.get(0)) {
                            ctx.emit(new X64Insn.Lea(OpSize.QWORD, x.get(1), Mem.base(x.get(0), k.value())));
                            return;
                        }
                        if (op == BinOp.SUB && x.get(1) != x.get(0) && k.value() != Integer.MIN_VALUE) {
                            ctx.emit(new X64Insn.Lea(OpSize.QWORD, x.get(1), Mem.base(x.get(0), -k.value())));
                            return;
                        }
                        if (x.get(1) != x.get(0)) ctx.emit(X64Lowering.mov(x.get(1), x.get(0)));
                        ctx.emit(new X64Insn.Alu(a, OpSize.QWORD, x.get(1), k));
                    });
                } else {
                    VReg x1 = l.reg(b.b());
                    l.add(List.of(Operand.use(x0), Operand.use(x1), Operand.def(d)), (ctx, x) -> twoAddress(ctx, a, x.get(2), x.get(0), x.get(1)));
                }
            }
            case MUL -> {
                VReg x0 = l.reg(b.a());
                if (k != null) {
                    l.add(List.of(Operand.use(x0), Operand.def(d)), (ctx, x) -> ctx.emit(new X64Insn.Imul3(OpSize.QWORD, x.get(1), x.get(0), k)));
                } else {
                    VReg x1 = l.reg(b.b());
                    l.add(List.of(Operand.use(x0), Operand.use(x1), Operand.def(d)), (ctx, x) -> {
                        Gpr64 rd = x.get(2), ra = x.get(0), rb = x.get(1);
                        if (rd == rb) {
                            ctx.emit(new X64Insn.Imul2(OpSize.QWORD, rd, ra));
                        } else {
                            if (rd != ra) ctx.emit(X64Lowering.mov(rd, ra));
                            ctx.emit(new X64Insn.Imul2(OpSize.QWORD, rd, rb));
                        }
                    });
                }
            }
            case SHL, LSHR, ASHR -> shift(b, d, t, k);
            case SDIV, UDIV, SREM, UREM -> divide(b, d, t);
        }
        // AND/OR/XOR/ASHR/SREM of canonical values stay canonical; the rest may leave the narrow range
        // (SDIV: MIN / -1; unsigned results: above the signed maximum).
        if (op != BinOp.AND && op != BinOp.OR && op != BinOp.XOR && op != BinOp.ASHR && op != BinOp.SREM
                && !isPositiveShiftRight(b)) {
            l.canonical(d, t);
        }
    }

    /** A constant on the left of a commutative operation goes to the right, where it is an immediate. */
    private static Insn.Binary commuted(Insn.Binary b) {
        boolean commutative = switch (b.op()) {
            case ADD, AND, OR, XOR, MUL -> true;
            default -> false;
        };
        if (!commutative || !(b.a() instanceof org.machr.kd.ir.Imm) || b.b() instanceof org.machr.kd.ir.Imm) return b;
        return new Insn.Binary(b.dst(), b.op(), b.b(), b.a(), b.loc());
    }

    /** A logical right shift by a constant 1 or more: its result is below the signed maximum, so canonical. */
    static boolean isPositiveShiftRight(Insn.Binary b) {
        return b.op() == BinOp.LSHR && b.b() instanceof org.machr.kd.ir.Imm k && IrSemantics.shiftAmount(b.dst().type().bits(), k.value()) > 0;
    }

    private static void twoAddress(EmitContext ctx, AluOp a, Gpr64 rd, Gpr64 ra, Gpr64 rb) {
        if (rd == ra) {
            ctx.emit(new X64Insn.Alu(a, OpSize.QWORD, rd, rb));
        } else if (rd == rb) {
            if (a == AluOp.SUB) {
                ctx.emit(new X64Insn.Unary(UnaryOp.NEG, OpSize.QWORD, rd));
                ctx.emit(new X64Insn.Alu(AluOp.ADD, OpSize.QWORD, rd, ra));
            } else {
                ctx.emit(new X64Insn.Alu(a, OpSize.QWORD, rd, ra));
            }
        } else if (a == AluOp.ADD) {
            ctx.emit(new X64Insn.Lea(OpSize.QWORD, rd, Mem.baseIndex(ra, rb, 1, 0)));
        } else {
            ctx.emit(X64Lowering.mov(rd, ra));
            ctx.emit(new X64Insn.Alu(a, OpSize.QWORD, rd, rb));
        }
    }

    private static ShiftOp shiftOp(BinOp op) {
        return op == BinOp.SHL ? ShiftOp.SHL : op == BinOp.LSHR ? ShiftOp.SHR : ShiftOp.SAR;
    }

    private void shift(Insn.Binary b, VReg d, IrType t, Imm k) {
        int bits = t.bits();
        BinOp op = b.op();
        ShiftOp sop = shiftOp(op);
        VReg a = op == BinOp.LSHR ? l.zeroExtended(l.reg(b.a()), t) : l.reg(b.a());
        if (b.b() instanceof org.machr.kd.ir.Imm amount) {
            int s = IrSemantics.shiftAmount(bits, amount.value());
            l.add(List.of(Operand.use(a), Operand.def(d)), (ctx, x) -> {
                if (x.get(1) != x.get(0)) ctx.emit(X64Lowering.mov(x.get(1), x.get(0)));
                if (s != 0) ctx.emit(new X64Insn.Shift(sop, OpSize.QWORD, x.get(1), Imm.of(s)));
            });
            return;
        }
        VReg count = l.reg(b.b());
        if (bits < 64) {
            VReg masked = l.temp();
            l.add(List.of(Operand.use(count), Operand.def(masked)), (ctx, x) -> {
                if (x.get(1) != x.get(0)) ctx.emit(X64Lowering.mov(x.get(1), x.get(0)));
                ctx.emit(new X64Insn.Alu(AluOp.AND, OpSize.DWORD, sized(x.get(1), OpSize.DWORD), Imm.of(bits - 1)));
            });
            count = masked;
        }
        // The count is pinned to %rcx; the result is computed in %rax (a fixed def, so the allocator never
        // hands out %rcx for it; a def merely clobbered may still be placed in the clobbered register).
        l.add(List.of(Operand.fixedUse(count, X64Abi.RCX), Operand.use(a), Operand.fixedDef(d, X64Abi.RAX)), Set.of(X64Abi.RAX), (ctx, x) -> {
            if (x.get(1) != Gpr64.RAX) ctx.emit(X64Lowering.mov(Gpr64.RAX, x.get(1)));
            ctx.emit(new X64Insn.Shift(sop, OpSize.QWORD, Gpr64.RAX, org.machr.codegen.x86_64.Gpr8.CL));
        });
    }

    private void divide(Insn.Binary b, VReg d, IrType t) {
        BinOp op = b.op();
        boolean unsigned = op == BinOp.UDIV || op == BinOp.UREM;
        boolean quotient = op == BinOp.SDIV || op == BinOp.UDIV;
        VReg n = l.reg(b.a());
        VReg m = l.reg(b.b());
        if (unsigned) {
            n = l.zeroExtended(n, t);
            m = l.zeroExtended(m, t);
        }
        if (n.equals(m)) {
            VReg copy = l.temp();
            VReg orig = m;
            l.add(List.of(Operand.use(orig), Operand.def(copy)), (ctx, x) -> ctx.emit(X64Lowering.mov(x.get(1), x.get(0))));
            m = copy;
        }
        boolean wide = t.bits() == 64 && !unsigned;
        Loc loc = b.loc();
        l.add(List.of(Operand.fixedUse(n, X64Abi.RAX), Operand.fixedUse(m, X64Abi.RCX),
                Operand.fixedDef(d, quotient ? X64Abi.RAX : X64Abi.RDX)), Set.of(X64Abi.RAX, X64Abi.RDX), (ctx, x) -> {
            Label zero = ctx.newLabel();
            ctx.emit(new X64Insn.Test(OpSize.QWORD, Gpr64.RCX, Gpr64.RCX));
            ctx.emit(new X64Insn.Jcc(Cond.E, new Target.Local(zero), X64Insn.Reach.NEAR));
            ctx.slowPaths.add(() -> divisionByZero(ctx, zero, loc));
            Label done = null;
            if (wide) {
                // MIN / -1 overflows idiv (#DE); x / -1 is -x and x % -1 is 0 (IrSemantics).
                Label normal = ctx.newLabel();
                done = ctx.newLabel();
                ctx.emit(new X64Insn.Alu(AluOp.CMP, OpSize.QWORD, Gpr64.RCX, Imm.of(-1)));
                ctx.emit(new X64Insn.Jcc(Cond.NE, new Target.Local(normal), X64Insn.Reach.NEAR));
                if (quotient) ctx.emit(new X64Insn.Unary(UnaryOp.NEG, OpSize.QWORD, Gpr64.RAX));
                else ctx.emit(new X64Insn.Alu(AluOp.XOR, OpSize.DWORD, org.machr.codegen.x86_64.Gpr32.EDX, org.machr.codegen.x86_64.Gpr32.EDX));
                ctx.emit(new X64Insn.Jmp(new Target.Local(done), X64Insn.Reach.NEAR));
                ctx.bind(normal);
            }
            if (unsigned) {
                ctx.emit(new X64Insn.Alu(AluOp.XOR, OpSize.DWORD, org.machr.codegen.x86_64.Gpr32.EDX, org.machr.codegen.x86_64.Gpr32.EDX));
                ctx.emit(new X64Insn.Unary(UnaryOp.DIV, OpSize.QWORD, Gpr64.RCX));
            } else {
                ctx.emit(new X64Insn.Nullary(NullaryOp.CQTO));
                ctx.emit(new X64Insn.Unary(UnaryOp.IDIV, OpSize.QWORD, Gpr64.RCX));
            }
            if (done != null) ctx.bind(done);
        });
    }

    /** {@code rt.panic_at("division by zero", file, line)}; the strings follow the call in .text. */
    private static void divisionByZero(EmitContext ctx, Label at, Loc loc) {
        ctx.bind(at);
        if (ctx.panicSymbol == null) {
            ctx.emit(new X64Insn.Nullary(NullaryOp.UD2));      // no runtime linked: the IDT reports #UD
            return;
        }
        Label msg = ctx.newLabel();
        Label file = ctx.newLabel();
        byte[] m = "division by zero".getBytes(StandardCharsets.UTF_8);
        byte[] f = (loc == null ? "<unknown>" : loc.file()).getBytes(StandardCharsets.UTF_8);
        ctx.emit(new X64Insn.Lea(OpSize.QWORD, Gpr64.RDI, Mem.rip(new Target.Local(msg), 0)));
        ctx.emit(X64Lowering.loadImm(Gpr64.RSI, m.length));
        ctx.emit(new X64Insn.Lea(OpSize.QWORD, Gpr64.RDX, Mem.rip(new Target.Local(file), 0)));
        ctx.emit(X64Lowering.loadImm(Gpr64.RCX, f.length));
        ctx.emit(X64Lowering.loadImm(Gpr64.R8, loc == null ? 0 : loc.line()));
        ctx.emit(new X64Insn.Call(Target.symbol(ctx.panicSymbol)));
        ctx.emit(new X64Insn.Nullary(NullaryOp.UD2));
        ctx.bind(msg);
        ctx.data(m);
        ctx.bind(file);
        ctx.data(f);
    }

    void atomicLoad(Insn.AtomicLoad a) {
        VReg d = l.v(a.dst());
        OpSize size = X64Abi.sizeOfBits(a.dst().type().bits());
        X64Memory.Addr addr = X64Memory.address(l, a.address());
        List<Operand> ops = addr.base() == null ? List.of(Operand.def(d)) : List.of(Operand.use(addr.base()), Operand.def(d));
        // x86-TSO: an aligned load is already a sequentially consistent load (SDM Vol. 3A §8.2).
        l.add(ops, (ctx, x) -> {
            Gpr64 rd = x.get(x.size() - 1);
            Mem m = addr.mem(x, 0);
            if (size == OpSize.QWORD) ctx.emit(new X64Insn.Mov(OpSize.QWORD, rd, m));
            else ctx.emit(new X64Insn.MovExtend(true, size, OpSize.QWORD, rd, m));
        });
    }

    void atomicStore(Insn.AtomicStore a) {
        OpSize size = X64Abi.sizeOfBits(a.value().type().bits());
        X64Memory.Addr addr = X64Memory.address(l, a.address());
        VReg v = l.reg(a.value());
        // xchg with memory is locked: a store that is also a full barrier (seq_cst).
        List<Operand> ops = addr.base() == null ? List.of(Operand.fixedUse(v, X64Abi.RAX))
                : List.of(Operand.fixedUse(v, X64Abi.RAX), Operand.use(addr.base()));
        l.add(ops, Set.of(X64Abi.RAX), (ctx, x) -> ctx.emit(new X64Insn.Xchg(size, addr.mem(x, 1), sized(Gpr64.RAX, size))));
    }

    void atomicRmw(Insn.AtomicRmw a) {
        VReg d = l.v(a.dst());
        IrType t = a.dst().type();
        OpSize size = X64Abi.sizeOfBits(t.bits());
        X64Memory.Addr addr = X64Memory.address(l, a.address());
        VReg v = l.reg(a.value());
        List<Operand> ops = new java.util.ArrayList<>();
        ops.add(Operand.fixedUse(v, X64Abi.RCX));
        if (addr.base() != null) ops.add(Operand.fixedUse(addr.base(), X64Abi.RSI));
        ops.add(Operand.fixedDef(d, X64Abi.RAX));
        var op = a.op();
        l.add(ops, Set.of(X64Abi.RAX, X64Abi.RCX, X64Abi.RDX), (ctx, x) -> {
            Mem m = addr.mem(x, 1);
            Gpr64 rax = Gpr64.RAX;
            switch (op) {
                case ADD, SUB -> {
                    ctx.emit(X64Lowering.mov(rax, Gpr64.RCX));
                    if (op == org.machr.kd.ir.RmwOp.SUB) ctx.emit(new X64Insn.Unary(UnaryOp.NEG, OpSize.QWORD, rax));
                    ctx.emit(new X64Insn.Lock(new X64Insn.Xadd(size, m, sized(rax, size))));
                }
                case XCHG -> {
                    ctx.emit(X64Lowering.mov(rax, Gpr64.RCX));
                    ctx.emit(new X64Insn.Xchg(size, m, sized(rax, size)));
                }
                case AND, OR, XOR -> {
                    // Compare-and-swap loop: rax = old, rdx = old op v (SDM Vol. 2A CMPXCHG).
                    AluOp alu = op == org.machr.kd.ir.RmwOp.AND ? AluOp.AND : op == org.machr.kd.ir.RmwOp.OR ? AluOp.OR : AluOp.XOR;
                    Label retry = ctx.newLabel();
                    ctx.emit(new X64Insn.Mov(size, sized(rax, size), m));
                    ctx.bind(retry);
                    ctx.emit(X64Lowering.mov(Gpr64.RDX, rax));
                    ctx.emit(new X64Insn.Alu(alu, OpSize.QWORD, Gpr64.RDX, Gpr64.RCX));
                    ctx.emit(new X64Insn.Lock(new X64Insn.Cmpxchg(size, m, sized(Gpr64.RDX, size))));
                    ctx.emit(new X64Insn.Jcc(Cond.NE, new Target.Local(retry), X64Insn.Reach.NEAR));
                }
            }
            if (size != OpSize.QWORD) ctx.emit(new X64Insn.MovExtend(true, size, OpSize.QWORD, rax, sized(rax, size)));
        });
    }

    void atomicCas(Insn.AtomicCas a) {
        VReg d = l.v(a.dst());
        OpSize size = X64Abi.sizeOfBits(a.dst().type().bits());
        X64Memory.Addr addr = X64Memory.address(l, a.address());
        VReg expected = l.reg(a.expected());
        VReg replacement = l.reg(a.replacement());
        List<Operand> ops = new java.util.ArrayList<>();
        ops.add(Operand.fixedUse(expected, X64Abi.RAX));
        ops.add(Operand.fixedUse(replacement, X64Abi.RCX));
        if (addr.base() != null) ops.add(Operand.fixedUse(addr.base(), X64Abi.RSI));
        ops.add(Operand.fixedDef(d, X64Abi.RAX));
        l.add(ops, Set.of(X64Abi.RAX), (ctx, x) -> {
            ctx.emit(new X64Insn.Lock(new X64Insn.Cmpxchg(size, addr.mem(x, 2), sized(Gpr64.RCX, size))));
            if (size != OpSize.QWORD) ctx.emit(new X64Insn.MovExtend(true, size, OpSize.QWORD, Gpr64.RAX, sized(Gpr64.RAX, size)));
        });
    }
}
