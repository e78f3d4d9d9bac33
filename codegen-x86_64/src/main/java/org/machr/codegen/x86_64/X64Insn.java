package org.machr.codegen.x86_64;

/**
 * One x86_64 instruction, typed by operand family. Operand order is AT&amp;T: source first, destination
 * last in the printed form; the record components name the roles ({@code dst}, {@code src}) instead.
 * Which operand combinations are encodable is checked by {@link X64Encoder} (with an
 * {@link X64EncodeException} naming an {@link X64AsmCode}); the records only hold the operands.
 * The Intel SDM Vol. 2 page of each instruction is named on its record.
 */
public sealed interface X64Insn {

    /** ADD/OR/ADC/SBB/AND/SUB/XOR/CMP (SDM Vol. 2A "ADD" and siblings): {@code dst op= src}. */
    record Alu(AluOp op, OpSize size, Operand dst, Operand src) implements X64Insn {}

    /** TEST (SDM Vol. 2B "TEST"). */
    record Test(OpSize size, Operand dst, Operand src) implements X64Insn {}

    /** MOV (SDM Vol. 2B "MOV"): register, memory, immediate; an immediate beyond 32 bits becomes MOVABS. */
    record Mov(OpSize size, Operand dst, Operand src) implements X64Insn {}

    /** MOVABS with a full 64-bit immediate (REX.W B8+r io), as written explicitly. */
    record MovAbs(Gpr64 dst, Imm imm) implements X64Insn {}

    /** MOVZX/MOVSX/MOVSXD (SDM Vol. 2B): {@code dst} of {@code dstSize} from {@code src} of {@code srcSize}. */
    record MovExtend(boolean signed, OpSize srcSize, OpSize dstSize, Gpr dst, Operand src) implements X64Insn {}

    /** MOV to or from a control register (SDM Vol. 2B "MOV—Move to/from Control Registers"). */
    record MovCr(boolean toCr, ControlReg cr, Gpr gpr) implements X64Insn {}

    /** MOV to or from a segment register (SDM Vol. 2B "MOV", 8C /r and 8E /r). */
    record MovSeg(boolean toSeg, SegReg seg, Operand other) implements X64Insn {}

    /** LEA (SDM Vol. 2A "LEA"). */
    record Lea(OpSize size, Gpr dst, Mem src) implements X64Insn {}

    /** INC/DEC/NOT/NEG/MUL/IMUL/DIV/IDIV with one r/m operand (SDM Vol. 2A "INC", group 3 F6/F7). */
    record Unary(UnaryOp op, OpSize size, Operand dst) implements X64Insn {}

    /** Two-operand IMUL {@code dst *= src} (0F AF /r). */
    record Imul2(OpSize size, Gpr dst, Operand src) implements X64Insn {}

    /** Three-operand IMUL {@code dst = src * imm} (6B /r ib, 69 /r iw/id). */
    record Imul3(OpSize size, Gpr dst, Operand src, Imm imm) implements X64Insn {}

    /** Shifts and rotates (SDM Vol. 2B "SAL/SAR/SHL/SHR", "RCL/RCR/ROL/ROR"); {@code count} is an imm8 or %cl. */
    record Shift(ShiftOp op, OpSize size, Operand dst, Operand count) implements X64Insn {}

    /** SETcc r/m8 (SDM Vol. 2B "SETcc"). */
    record Setcc(Cond cond, Operand dst) implements X64Insn {}

    /** CMOVcc (SDM Vol. 2A "CMOVcc"). */
    record Cmovcc(Cond cond, OpSize size, Gpr dst, Operand src) implements X64Insn {}

    /** Jcc rel8/rel32 (SDM Vol. 2A "Jcc"). */
    record Jcc(Cond cond, Target target, Reach reach) implements X64Insn {}

    /** JMP rel8/rel32 (SDM Vol. 2A "JMP"). */
    record Jmp(Target target, Reach reach) implements X64Insn {}

    /** CALL rel32 (SDM Vol. 2A "CALL"). */
    record Call(Target target) implements X64Insn {}

    /** JMP r/m64 (FF /4). */
    record JmpIndirect(Operand target) implements X64Insn {}

    /** CALL r/m64 (FF /2). */
    record CallIndirect(Operand target) implements X64Insn {}

    /** PUSH r/m, register or immediate (SDM Vol. 2B "PUSH"). */
    record Push(OpSize size, Operand src) implements X64Insn {}

    /** POP r/m or register (SDM Vol. 2B "POP"). */
    record Pop(OpSize size, Operand dst) implements X64Insn {}

    /** XCHG (SDM Vol. 2B "XCHG"); {@code a} is the operand printed first. */
    record Xchg(OpSize size, Operand a, Operand b) implements X64Insn {}

    /** CMPXCHG r/m, r (SDM Vol. 2A "CMPXCHG"); wrap in {@link Lock} for the atomic form. */
    record Cmpxchg(OpSize size, Operand dst, Gpr src) implements X64Insn {}

    /** XADD r/m, r (SDM Vol. 2B "XADD"). */
    record Xadd(OpSize size, Operand dst, Gpr src) implements X64Insn {}

    /** The LOCK prefix (F0) on a read-modify-write instruction with a memory destination (SDM Vol. 2A "LOCK"). */
    record Lock(X64Insn insn) implements X64Insn {}

    /** BT/BTS/BTR/BTC with a register or imm8 bit offset (SDM Vol. 2A "BT"). */
    record BitTest(BitOp op, OpSize size, Operand dst, Operand bit) implements X64Insn {}

    /** BSF/BSR (SDM Vol. 2A "BSF", "BSR"). */
    record BitScan(boolean reverse, OpSize size, Gpr dst, Operand src) implements X64Insn {}

    /** An instruction without operands (NOP, RET, HLT, SYSCALL, …). */
    record Nullary(NullaryOp op) implements X64Insn {}

    /** LGDT/LIDT/SGDT/SIDT/INVLPG m (0F 01 /n; SDM Vol. 2A "LGDT/LIDT", Vol. 2A "INVLPG"). */
    record SysTable(SysTableOp op, Mem mem) implements X64Insn {}

    /** LTR r/m16 (0F 00 /3; SDM Vol. 2B "LTR"). */
    record Ltr(Operand src) implements X64Insn {}

    /** IN from an imm8 port or, when {@code port} is null, from %dx (SDM Vol. 2A "IN"). */
    record In(OpSize size, Imm port) implements X64Insn {}

    /** OUT to an imm8 port or, when {@code port} is null, to %dx (SDM Vol. 2B "OUT"). */
    record Out(OpSize size, Imm port) implements X64Insn {}

    /** INT imm8 (CD ib; SDM Vol. 2A "INT n"). */
    record Int(Imm vector) implements X64Insn {}

    /** Direct far JMP ptr16:32 (EA cd cw), 32-bit mode only: {@code ljmp $selector, $offset} (SDM Vol. 2A "JMP"). */
    record FarJmp(int selector, Imm offset) implements X64Insn {}

    /** Indirect far JMP or CALL through m16:32 ({@code size} DWORD) or m16:64 (QWORD; REX.W FF /5, FF /3). */
    record FarIndirect(boolean call, OpSize size, Mem mem) implements X64Insn {}

    /**
     * MOVS (%rsi → %es:(%rdi)) or STOS (accumulator → %es:(%rdi)), optionally with the REP prefix F3
     * (SDM Vol. 2B "MOVS/MOVSB/MOVSW/MOVSD/MOVSQ", "STOS/STOSB/STOSW/STOSD/STOSQ", "REP/REPE/…").
     */
    record StringOp(boolean store, OpSize size, boolean rep) implements X64Insn {}

    /** BSWAP r32/r64 (0F C8+rd; SDM Vol. 2A "BSWAP"). */
    record Bswap(Gpr reg) implements X64Insn {}

    /** Branch displacement width: rel8 or rel32. */
    enum Reach {
        SHORT,
        NEAR
    }
}
