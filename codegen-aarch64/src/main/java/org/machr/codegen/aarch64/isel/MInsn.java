package org.machr.codegen.aarch64.isel;

import java.util.List;
import java.util.Set;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocInsn;

/**
 * A machine instruction before register allocation: its virtual-register operands and an emitter that
 * writes the real instruction(s) once each operand has a physical register. An emitter writes its def
 * registers only after it has read every use.
 */
record MInsn(List<Operand> operands, Set<PReg> clobbers, boolean isMove, boolean isTerminator, Emitter emitter)
        implements RegAllocInsn {

    interface Emitter {
        /** @param regs the X register of each operand, in operand order */
        void emit(EmitContext ctx, List<XReg> regs);
    }

    static MInsn of(List<Operand> operands, Emitter e) {
        return new MInsn(operands, Set.of(), false, false, e);
    }
}
