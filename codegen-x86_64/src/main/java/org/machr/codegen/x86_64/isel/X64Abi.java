package org.machr.codegen.x86_64.isel;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocConfig;
import org.machr.codegen.common.regalloc.RegClass;
import org.machr.codegen.x86_64.Gpr16;
import org.machr.codegen.x86_64.Gpr32;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Gpr8;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.Gpr;

/**
 * The System V AMD64 register conventions (System V AMD64 ABI §3.2.1, §3.2.3; docs/language.md §10) as
 * the allocator sees them: rdi, rsi, rdx, rcx, r8, r9 arguments; rax, rdx results; rbx, r12–r15 (and
 * rbp, our frame pointer) callee-saved. r10, r11 and r15 are the allocator's scratch registers (reloads
 * of spilled operands), so they are never allocated; rsp and rbp are never allocated.
 */
final class X64Abi {

    private X64Abi() {}

    static final PReg[] R = new PReg[16];
    static {
        for (int i = 0; i < 16; i++) R[i] = new PReg(i, RegClass.INT, Gpr64.values()[i].asmName());
    }

    static final PReg RAX = R[0], RCX = R[1], RDX = R[2], RBX = R[3], RSI = R[6], RDI = R[7];

    /** The integer argument registers, in order. */
    static final List<PReg> ARGS = List.of(R[7], R[6], R[2], R[1], R[8], R[9]);
    static final List<PReg> RESULTS = List.of(R[0], R[2]);

    /** Clobbered by a call: rax, rcx, rdx, rsi, rdi, r8–r11. */
    static final Set<PReg> CALL_CLOBBERS = Set.of(R[0], R[1], R[2], R[6], R[7], R[8], R[9], R[10], R[11]);
    static final Set<PReg> CALLEE_SAVED = Set.of(R[3], R[12], R[13], R[14], R[15]);
    static final RegAllocConfig CONFIG = new RegAllocConfig(
            Map.of(RegClass.INT, List.of(R[0], R[1], R[2], R[6], R[7], R[8], R[9], R[3], R[12], R[13], R[14])),
            Map.of(RegClass.INT, List.of(R[10], R[11], R[15])), CALLEE_SAVED, 8);

    static Gpr64 gpr(PReg p) {
        return Gpr64.values()[p.index()];
    }

    /** {@code r} viewed at {@code size} ({@code %eax}, {@code %ax}, {@code %al} for {@code %rax}). */
    static Gpr sized(Gpr64 r, OpSize size) {
        return switch (size) {
            case QWORD -> r;
            case DWORD -> Gpr32.values()[r.number()];
            case WORD -> Gpr16.values()[r.number()];
            case BYTE -> Gpr8.values()[r.number()];
        };
    }

    static OpSize sizeOfBits(int bits) {
        return switch (bits) {
            case 8 -> OpSize.BYTE;
            case 16 -> OpSize.WORD;
            case 32 -> OpSize.DWORD;
            default -> OpSize.QWORD;
        };
    }
}
