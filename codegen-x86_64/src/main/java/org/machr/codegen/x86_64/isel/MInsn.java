package org.machr.codegen.x86_64.isel;

import java.util.List;
import java.util.Set;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocInsn;
import org.machr.codegen.x86_64.Gpr64;

/**
 * A machine instruction before register allocation: its virtual-register operands and an emitter that
 * writes the real instruction(s) once each operand has a physical register. Def registers may share a
 * register with uses, so an emitter reads every use before (or while) it writes a def.
 */
record MInsn(List<Operand> operands, Set<PReg> clobbers, boolean isMove, boolean isTerminator, Emitter emitter)
        implements RegAllocInsn {

    interface Emitter {
        /** @param regs the register of each operand, in operand order */
        void emit(EmitContext ctx, List<Gpr64> regs);
    }

    static MInsn of(List<Operand> operands, Emitter e) {
        return new MInsn(operands, Set.of(), false, false, e);
    }
}
