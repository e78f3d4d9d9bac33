package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.x86_64.AluOp;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.NullaryOp;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.ShiftOp;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.kd.ir.Insn;

/**
 * IR intrinsics as x86_64 instructions: {@code ud2}, and the machine ones of docs/language.md §9 with
 * their fixed registers (ecx and edx:eax for MSRs, dx and al/ax/eax for ports; SDM Vol. 2).
 */
final class X64Intrinsics {

    private X64Intrinsics() {}

    static void select(X64Lowering l, Insn.IntrinsicCall i) {
        switch (i.intrinsic()) {
            case TRAP -> nullary(l, NullaryOp.UD2);
            case X86_64_HLT -> nullary(l, NullaryOp.HLT);
            case X86_64_CLI -> nullary(l, NullaryOp.CLI);
            case X86_64_STI -> nullary(l, NullaryOp.STI);
            case X86_64_WRMSR -> l.add(List.of(Operand.fixedUse(l.reg(i.args().get(0)), X64Abi.RCX),
                    Operand.fixedUse(l.reg(i.args().get(1)), X64Abi.RAX)), Set.of(X64Abi.RDX), (ctx, x) -> {
                        ctx.emit(X64Lowering.mov(Gpr64.RDX, Gpr64.RAX));
                        ctx.emit(new X64Insn.Shift(ShiftOp.SHR, OpSize.QWORD, Gpr64.RDX, Imm.of(32)));
                        ctx.emit(new X64Insn.Nullary(NullaryOp.WRMSR));
                    });
            case X86_64_RDMSR -> l.add(List.of(Operand.fixedUse(l.reg(i.args().get(0)), X64Abi.RCX),
                    Operand.fixedDef(l.v(i.dst()), X64Abi.RAX)), Set.of(X64Abi.RAX, X64Abi.RDX), (ctx, x) -> {
                        ctx.emit(new X64Insn.Nullary(NullaryOp.RDMSR));
                        ctx.emit(new X64Insn.Shift(ShiftOp.SHL, OpSize.QWORD, Gpr64.RDX, Imm.of(32)));
                        ctx.emit(new X64Insn.Alu(AluOp.OR, OpSize.QWORD, Gpr64.RAX, Gpr64.RDX));
                    });
            case X86_64_OUTB -> out(l, i, OpSize.BYTE);
            case X86_64_OUTW -> out(l, i, OpSize.WORD);
            case X86_64_OUTL -> out(l, i, OpSize.DWORD);
            case X86_64_INB -> in(l, i, OpSize.BYTE);
            case X86_64_INW -> in(l, i, OpSize.WORD);
            case X86_64_INL -> in(l, i, OpSize.DWORD);
            default -> throw new UnsupportedIrException("intrinsic " + i.intrinsic().text() + " on x86_64");
        }
    }

    private static void nullary(X64Lowering l, NullaryOp op) {
        l.add(List.of(), (ctx, x) -> ctx.emit(new X64Insn.Nullary(op)));
    }

    /** {@code out %al/%ax/%eax, $port} for a constant port below 256, else {@code out …, %dx}. */
    private static void out(X64Lowering l, Insn.IntrinsicCall i, OpSize size) {
        Imm port = immediatePort(i.args().get(0));
        List<Operand> ops = new ArrayList<>();
        ops.add(Operand.fixedUse(l.reg(i.args().get(1)), X64Abi.RAX));
        if (port == null) ops.add(Operand.fixedUse(l.reg(i.args().get(0)), X64Abi.RDX));
        l.add(ops, Set.of(), (ctx, x) -> ctx.emit(new X64Insn.Out(size, port)));
    }

    private static void in(X64Lowering l, Insn.IntrinsicCall i, OpSize size) {
        Imm port = immediatePort(i.args().get(0));
        List<Operand> ops = new ArrayList<>();
        if (port == null) ops.add(Operand.fixedUse(l.reg(i.args().get(0)), X64Abi.RDX));
        ops.add(Operand.fixedDef(l.v(i.dst()), X64Abi.RAX));
        l.add(ops, Set.of(X64Abi.RAX), (ctx, x) -> ctx.emit(new X64Insn.In(size, port)));
        l.canonical(l.v(i.dst()), i.dst().type());
    }

    private static Imm immediatePort(org.machr.kd.ir.Operand port) {
        return port instanceof org.machr.kd.ir.Imm k && k.value() >= 0 && k.value() <= 0xff ? Imm.of(k.value()) : null;
    }
}
