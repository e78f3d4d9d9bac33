package org.machr.codegen.aarch64.isel;

import java.util.List;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Ops.BarrierKind;
import org.machr.codegen.aarch64.Ops.ExceptionOp;
import org.machr.codegen.aarch64.Ops.HintOp;
import org.machr.codegen.aarch64.SysReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.Insn;

/** IR intrinsics as aarch64 instructions: {@code brk}, and the machine ones of docs/language.md §9. */
final class A64Intrinsics {

    /** The CRm of {@code dsb sy} and of the plain {@code isb}. */
    private static final int FULL_SYSTEM = 15;

    private A64Intrinsics() {}

    static void select(A64Lowering l, Insn.IntrinsicCall i) {
        switch (i.intrinsic()) {
            case TRAP -> l.add(List.of(), (ctx, x) -> ctx.emit(new A64Insn.ExceptionGen(ExceptionOp.BRK, 1)));
            case AARCH64_MRS -> {
                SysReg reg = systemRegister(i);
                VReg d = l.v(i.dst());
                l.add(List.of(Operand.def(d)), (ctx, x) -> ctx.emit(new A64Insn.Mrs(x.get(0), reg)));
            }
            case AARCH64_MSR -> {
                SysReg reg = systemRegister(i);
                VReg value = l.reg(i.args().get(0));
                l.add(List.of(Operand.use(value)), (ctx, x) -> ctx.emit(new A64Insn.Msr(reg, x.get(0))));
            }
            case AARCH64_WFI -> l.add(List.of(), (ctx, x) -> ctx.emit(new A64Insn.Hint(HintOp.WFI)));
            case AARCH64_ISB -> l.add(List.of(), (ctx, x) -> ctx.emit(new A64Insn.Barrier(BarrierKind.ISB, FULL_SYSTEM)));
            case AARCH64_DSB_SY -> l.add(List.of(), (ctx, x) -> ctx.emit(new A64Insn.Barrier(BarrierKind.DSB, FULL_SYSTEM)));
            case AARCH64_ERET -> l.add(List.of(), (ctx, x) -> ctx.emit(new A64Insn.Eret()));
            default -> throw new UnsupportedIrException("intrinsic " + i.intrinsic().text() + " on aarch64");
        }
    }

    private static SysReg systemRegister(Insn.IntrinsicCall i) {
        SysReg reg = SysReg.byName(i.systemRegister())
                .orElseThrow(() -> new UnsupportedIrException("unknown system register " + i.systemRegister()));
        boolean write = i.intrinsic() == org.machr.kd.ir.Intrinsic.AARCH64_MSR;
        if (write ? reg.isReadOnly() : reg.isWriteOnly()) {
            throw new UnsupportedIrException(reg.asmName() + " is " + (write ? "read-only" : "write-only"));
        }
        return reg;
    }
}
