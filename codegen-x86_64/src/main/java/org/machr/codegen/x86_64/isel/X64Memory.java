package org.machr.codegen.x86_64.isel;

import static org.machr.codegen.x86_64.isel.X64Abi.sized;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.Mem;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.Target;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;

/** Loads, stores (memory operands: {@code (%rsp)+off}, RIP-relative globals, a base register) and calls. */
final class X64Memory {

    private X64Memory() {}

    /**
     * An address: {@code disp + symbol + base + index × scale} over virtual registers, {@code %rsp} as the
     * base when {@code stack}; {@link #uses()} lists its registers, base first.
     */
    record Addr(VReg base, VReg index, int scale, long disp, Target symbol, boolean stack) {
        static Addr register(VReg base) {
            return new Addr(base, null, 1, 0, null, false);
        }

        List<Operand> uses() {
            List<Operand> ops = new ArrayList<>();
            if (base != null) ops.add(Operand.use(base));
            if (index != null) ops.add(Operand.use(index));
            return ops;
        }

        /** The memory operand, its registers being {@code regs[first]} onwards (in {@link #uses()} order). */
        Mem mem(List<Gpr64> regs, int first) {
            Gpr64 b = stack ? Gpr64.RSP : base == null ? null : regs.get(first);
            Gpr64 i = index == null ? null : regs.get(first + (base == null ? 0 : 1));
            if (b == null && i == null) return symbol != null ? Mem.rip(symbol, disp) : Mem.absolute(disp);
            if (b == null && scale == 1) return new Mem(null, i, null, 1, disp, symbol, false);
            return new Mem(null, b, i, i == null ? 1 : scale, disp, symbol, false);
        }
    }

    /** The address of {@code o} without folding (atomics pin their address register). */
    static Addr address(X64Lowering l, org.machr.kd.ir.Operand o) {
        return switch (o) {
            case SlotAddr s -> new Addr(null, null, 1, l.slotOffset(s), null, true);
            case SymbolAddr s -> new Addr(null, null, 1, s.addend(), Target.symbol(s.symbol()), false);
            default -> Addr.register(l.reg(o));
        };
    }

    /** The address of the current load or store: its folded form when {@link X64Address} planned one. */
    static Addr folded(X64Lowering l, org.machr.kd.ir.Operand o) {
        X64Address.Pattern p = l.pattern;
        if (p == null) return address(l, o);
        return new Addr(p.base() == null ? null : l.v(p.base()), p.index() == null ? null : l.v(p.index()), p.scale(), p.disp(),
                p.symbol() == null ? null : Target.symbol(p.symbol()), p.stack());
    }

    static void load(X64Lowering l, Insn.Load ld) {
        VReg d = l.v(ld.dst());
        int bits = ld.memType().bits();
        OpSize size = X64Abi.sizeOfBits(bits);
        Addr addr = folded(l, ld.address());
        boolean signed = bits == ld.dst().type().bits() || ld.ext() == Ext.SIGN;
        List<Operand> ops = addr.uses();
        ops.add(Operand.def(d));
        l.add(ops, (ctx, x) -> {
            Gpr64 rd = x.get(x.size() - 1);
            Mem m = addr.mem(x, 0);
            if (size == OpSize.QWORD) ctx.emit(new X64Insn.Mov(OpSize.QWORD, rd, m));
            else if (signed) ctx.emit(new X64Insn.MovExtend(true, size, OpSize.QWORD, rd, m));
            else if (size == OpSize.DWORD) ctx.emit(new X64Insn.Mov(OpSize.DWORD, sized(rd, OpSize.DWORD), m));
            else ctx.emit(new X64Insn.MovExtend(false, size, OpSize.DWORD, sized(rd, OpSize.DWORD), m));
        });
        if (!signed && bits >= ld.dst().type().bits()) l.canonical(d, ld.dst().type());
    }

    static void store(X64Lowering l, Insn.Store st) {
        OpSize size = X64Abi.sizeOfBits(st.memType().bits());
        Addr addr = folded(l, st.address());
        Imm k = X64Lowering.imm32(st.value());
        if (k != null) {
            long value = size == OpSize.QWORD ? k.value() : truncate(k.value(), size);
            l.add(addr.uses(), (ctx, x) -> ctx.emit(new X64Insn.Mov(size, addr.mem(x, 0), Imm.of(value))));
            return;
        }
        VReg value = l.reg(st.value());
        List<Operand> ops = new ArrayList<>(List.of(Operand.use(value)));
        ops.addAll(addr.uses());
        l.add(ops, (ctx, x) -> ctx.emit(new X64Insn.Mov(size, addr.mem(x, 1), sized(x.get(0), size))));
    }

    /** The low bits of {@code v} as a signed value of {@code size} (what the encoder's imm field holds). */
    static long truncate(long v, OpSize size) {
        return switch (size) {
            case BYTE -> (byte) v;
            case WORD -> (short) v;
            case DWORD -> (int) v;
            case QWORD -> v;
        };
    }

    static void call(X64Lowering l, Insn.Call c) {
        if (c.results().size() > 2) throw new UnsupportedIrException("calls with more than 2 results");
        List<VReg> args = new ArrayList<>();
        for (var a : c.args()) args.add(l.reg(a));
        // Arguments 7 and up: stored into the outgoing area at the bottom of the frame (SysV §3.2.3).
        for (int i = X64Abi.ARGS.size(); i < args.size(); i++) {
            long disp = 8L * (i - X64Abi.ARGS.size());
            l.add(List.of(Operand.use(args.get(i))), (ctx, x) -> ctx.emit(new X64Insn.Mov(OpSize.QWORD, Mem.base(Gpr64.RSP, disp), x.get(0))));
        }
        List<Operand> ops = new ArrayList<>();
        if (c.callee() instanceof Callee.Indirect ind) ops.add(Operand.use(l.reg(ind.target())));
        int inRegs = Math.min(args.size(), X64Abi.ARGS.size());
        for (int i = 0; i < inRegs; i++) {
            if (args.subList(0, i).contains(args.get(i))) {
                VReg copy = l.temp();
                VReg orig = args.get(i);
                l.out.add(new MInsn(List.of(Operand.use(orig), Operand.def(copy)), java.util.Set.of(), true, false,
                        (ctx, x) -> ctx.emit(X64Lowering.mov(x.get(1), x.get(0)))));
                args.set(i, copy);
            }
            ops.add(Operand.fixedUse(args.get(i), X64Abi.ARGS.get(i)));
        }
        for (int i = 0; i < c.results().size(); i++) ops.add(Operand.fixedDef(l.v(c.results().get(i)), X64Abi.RESULTS.get(i)));
        var callee = c.callee();
        l.out.add(new MInsn(ops, X64Abi.CALL_CLOBBERS, false, false, (ctx, x) -> {
            switch (callee) {
                case Callee.Direct d -> ctx.emit(new X64Insn.Call(Target.symbol(d.function())));
                case Callee.Extern e -> ctx.emit(new X64Insn.Call(Target.symbol(e.symbol())));
                case Callee.Indirect i -> ctx.emit(new X64Insn.CallIndirect(x.get(0)));
            }
        }));
    }
}
