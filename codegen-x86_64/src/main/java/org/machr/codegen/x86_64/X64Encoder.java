package org.machr.codegen.x86_64;

import org.machr.codegen.x86_64.X64Emit.FarPtr;
import org.machr.codegen.x86_64.X64Emit.ImmField;
import org.machr.codegen.x86_64.X64Emit.Rel;
import org.machr.codegen.x86_64.X64Emit.Trailer;
import org.machr.codegen.x86_64.X64Insn.*;

/**
 * Encodes {@link X64Insn}s: picks the {@link X64Op} row for the operands — the shortest form, as llvm-mc
 * does (sign-extended imm8 forms, accumulator short forms, disp8 over disp32, MOV r32, imm32 over C7,
 * MOVABS only when an immediate needs 64 bits) — and hands it to {@link X64Emit}, the one routine that
 * writes the bytes. No layout knowledge: references to symbols and labels come back as {@link X64Fixup}s.
 *
 * <p>Branches: {@link Reach#SHORT} gives rel8 (EB, 70+cc), {@link Reach#NEAR} rel32 (E9, 0F 80+cc); CALL is
 * always rel32. The choice belongs to the caller: code generators use NEAR, and the {@code .s} assembler
 * starts local branches SHORT and relaxes them to NEAR when the target is out of range or not in the same
 * section, as llvm-mc's layout does. Symbolic immediates always take the 32-bit form (what llvm-mc's
 * relaxation ends with for a relocated immediate).
 */
public final class X64Encoder {

    private static final long S8_MIN = -128, U8_MAX = 255, S16_MIN = -32768, U16_MAX = 65535;
    private static final long S32_MIN = Integer.MIN_VALUE, S32_MAX = Integer.MAX_VALUE, U32_MAX = 0xFFFF_FFFFL;

    private final X64Mode mode;

    public X64Encoder(X64Mode mode) {
        this.mode = mode;
    }

    public X64Encoder() {
        this(X64Mode.BITS64);
    }

    public X64Mode mode() {
        return mode;
    }

    /** Encodes one instruction; throws {@link X64EncodeException} when it cannot be encoded as given. */
    public X64Encoding encode(X64Insn insn) {
        X64Emit e = new X64Emit(mode);
        encode(e, insn, false);
        return e.result();
    }

    private void encode(X64Emit e, X64Insn insn, boolean lock) {
        switch (insn) {
            case Alu(AluOp op, OpSize size, Operand dst, Operand src) -> alu(e, op, size, dst, src, lock);
            case Test(OpSize size, Operand dst, Operand src) -> test(e, size, dst, src);
            case Mov(OpSize size, Operand dst, Operand src) -> mov(e, size, dst, src);
            case MovAbs(Gpr64 dst, Imm imm) -> e.emit(X64Op.MOV_OI, OpSize.QWORD, dst, 0, null, 0, imm64(imm), false);
            case MovExtend(boolean signed, OpSize from, OpSize to, Gpr dst, Operand src) -> movExtend(e, signed, from, to, dst, src);
            case MovCr(boolean toCr, ControlReg cr, Gpr gpr) -> {
                checkGpr(gpr, mode == X64Mode.BITS64 ? OpSize.QWORD : OpSize.DWORD);
                e.emit(toCr ? X64Op.MOV_TO_CR : X64Op.MOV_FROM_CR, gpr.size(), cr, 0, gpr, 0, X64Emit.NONE, false);
            }
            case MovSeg(boolean toSeg, SegReg seg, Operand other) -> {
                OpSize size = other instanceof Gpr g ? g.size() : OpSize.WORD;
                if (size == OpSize.BYTE) throw bad("a segment register moves to or from a 16/32/64-bit operand");
                if (toSeg && seg == SegReg.CS) throw bad("%cs cannot be loaded with mov; use a far jump or lretq");
                X64Op row = toSeg ? X64Op.MOV_TO_SEG : other instanceof Mem ? X64Op.MOV_FROM_SEG_M : X64Op.MOV_FROM_SEG;
                e.emit(row, size, seg, 0, other, 0, X64Emit.NONE, false);
            }
            case Lea(OpSize size, Gpr dst, Mem src) -> {
                notByte(size);
                checkGpr(dst, size);
                e.emit(X64Op.LEA, size, dst, 0, src, 0, X64Emit.NONE, false);
            }
            case Unary(UnaryOp op, OpSize size, Operand dst) -> {
                checkRm(dst, size);
                if (mode == X64Mode.BITS32 && op.digit() <= 1 && dst instanceof Gpr g && size != OpSize.BYTE) {
                    e.emit(op == UnaryOp.INC ? X64Op.INC_O : X64Op.DEC_O, size, g, 0, null, 0, X64Emit.NONE, false);
                } else {
                    X64Op row = op.digit() <= 1 ? X64Op.INC_DEC_M : X64Op.GROUP3_M;
                    e.emit(row, size, null, op.digit(), dst, 0, X64Emit.NONE, lock);
                }
            }
            case Imul2(OpSize size, Gpr dst, Operand src) -> {
                notByte(size);
                checkGpr(dst, size);
                checkRm(src, size);
                e.emit(X64Op.IMUL_RM, size, dst, 0, src, 0, X64Emit.NONE, false);
            }
            case Imul3(OpSize size, Gpr dst, Operand src, Imm imm) -> {
                notByte(size);
                checkGpr(dst, size);
                checkRm(src, size);
                if (fitsSigned8(imm, size)) {
                    e.emit(X64Op.IMUL_RMI8, size, dst, 0, src, 0, imm8(imm, size), false);
                } else {
                    e.emit(X64Op.IMUL_RMI, size, dst, 0, src, 0, immSized(imm, size), false);
                }
            }
            case Shift(ShiftOp op, OpSize size, Operand dst, Operand count) -> shift(e, op, size, dst, count);
            case Setcc(Cond cond, Operand dst) -> {
                checkRm(dst, OpSize.BYTE);
                e.emit(X64Op.SETCC, OpSize.BYTE, null, 0, dst, cond.code(), X64Emit.NONE, false);
            }
            case Cmovcc(Cond cond, OpSize size, Gpr dst, Operand src) -> {
                notByte(size);
                checkGpr(dst, size);
                checkRm(src, size);
                e.emit(X64Op.CMOVCC, size, dst, 0, src, cond.code(), X64Emit.NONE, false);
            }
            case Jcc(Cond cond, Target target, Reach reach) -> {
                boolean s = reach == Reach.SHORT;
                e.emit(s ? X64Op.JCC_REL8 : X64Op.JCC_REL32, OpSize.DWORD, null, 0, null, cond.code(),
                        new Rel(target, s ? 1 : 4, s ? X64FixupKind.PC8 : X64FixupKind.BRANCH32), false);
            }
            case Jmp(Target target, Reach reach) -> {
                boolean s = reach == Reach.SHORT;
                e.emit(s ? X64Op.JMP_REL8 : X64Op.JMP_REL32, OpSize.DWORD, null, 0, null, 0,
                        new Rel(target, s ? 1 : 4, s ? X64FixupKind.PC8 : X64FixupKind.BRANCH32), false);
            }
            case Call(Target target) -> e.emit(X64Op.CALL_REL32, OpSize.DWORD, null, 0, null, 0,
                    new Rel(target, 4, X64FixupKind.BRANCH32), false);
            case JmpIndirect(Operand target) -> indirect(e, X64Op.JMP_M, target);
            case CallIndirect(Operand target) -> indirect(e, X64Op.CALL_M, target);
            case Push(OpSize size, Operand src) -> push(e, size, src);
            case Pop(OpSize size, Operand dst) -> {
                stackSize(size);
                checkRm(dst, size);
                if (dst instanceof Gpr g) e.emit(X64Op.POP_O, size, g, 0, null, 0, X64Emit.NONE, false);
                else e.emit(X64Op.POP_M, size, null, 0, dst, 0, X64Emit.NONE, false);
            }
            case Xchg(OpSize size, Operand a, Operand b) -> xchg(e, size, a, b, lock);
            case Cmpxchg(OpSize size, Operand dst, Gpr src) -> {
                checkRm(dst, size);
                checkGpr(src, size);
                e.emit(X64Op.CMPXCHG_MR, size, src, 0, dst, 0, X64Emit.NONE, lock);
            }
            case Xadd(OpSize size, Operand dst, Gpr src) -> {
                checkRm(dst, size);
                checkGpr(src, size);
                e.emit(X64Op.XADD_MR, size, src, 0, dst, 0, X64Emit.NONE, lock);
            }
            case Lock(X64Insn inner) -> {
                if (lock) throw new X64EncodeException(X64AsmCode.BAD_LOCK, "LOCK given twice");
                checkLockable(inner);
                encode(e, inner, true);
            }
            case BitTest(BitOp op, OpSize size, Operand dst, Operand bit) -> {
                notByte(size);
                checkRm(dst, size);
                if (bit instanceof Imm imm) {
                    e.emit(X64Op.BT_MI8, size, null, op.digit(), dst, 0, new ImmField(imm, 1, S8_MIN, U8_MAX, null), lock);
                } else if (bit instanceof Gpr g) {
                    checkGpr(g, size);
                    e.emit(X64Op.BT_MR, size, g, 0, dst, op.registerOpcode(), X64Emit.NONE, lock);
                } else {
                    throw bad("the bit offset is a register or an immediate");
                }
            }
            case BitScan(boolean reverse, OpSize size, Gpr dst, Operand src) -> {
                notByte(size);
                checkGpr(dst, size);
                checkRm(src, size);
                e.emit(reverse ? X64Op.BSR_RM : X64Op.BSF_RM, size, dst, 0, src, 0, X64Emit.NONE, false);
            }
            case Nullary(NullaryOp op) -> {
                if (op.mnemonic(mode) == null) {
                    throw new X64EncodeException(X64AsmCode.WRONG_MODE, op.mnemonic(X64Mode.BITS64) + " is only valid in 64-bit mode");
                }
                e.raw(op.bytes());
            }
            case SysTable(SysTableOp op, Mem mem) -> e.emit(X64Op.SYS_TABLE_M, OpSize.DWORD, null, op.digit(), mem, 0, X64Emit.NONE, false);
            case Ltr(Operand src) -> {
                checkRm(src, OpSize.WORD);
                e.emit(X64Op.LTR_M, OpSize.WORD, null, 0, src, 0, X64Emit.NONE, false);
            }
            case In(OpSize size, Imm port) -> port(e, X64Op.IN_I, X64Op.IN_DX, size, port);
            case Out(OpSize size, Imm port) -> port(e, X64Op.OUT_I, X64Op.OUT_DX, size, port);
            case Int(Imm vector) when !vector.isSymbolic() && vector.value() == 3 -> e.raw(NullaryOp.INT3.bytes());
            case Int(Imm vector) -> e.emit(X64Op.INT_I, OpSize.DWORD, null, 0, null, 0, new ImmField(vector, 1, 0, U8_MAX, null), false);
            case FarJmp(int selector, Imm offset) -> {
                if (mode != X64Mode.BITS32) {
                    throw new X64EncodeException(X64AsmCode.WRONG_MODE, "a direct far jump is only valid in 32-bit mode; use ljmpq *mem or lretq");
                }
                if (selector < 0 || selector > 0xFFFF) {
                    throw new X64EncodeException(X64AsmCode.IMMEDIATE_RANGE, "segment selector " + selector + " out of range [0, 65535]");
                }
                e.emit(X64Op.JMP_FAR_PTR, OpSize.DWORD, null, 0, null, 0, new FarPtr(offset, selector), false);
            }
            case StringOp(boolean store, OpSize size, boolean rep) -> {
                if (rep) e.raw(new byte[] {(byte) 0xF3});                       // llvm-mc: F3 before 66h/REX
                e.emit(store ? X64Op.STOS : X64Op.MOVS, size, null, 0, null, 0, X64Emit.NONE, false);
            }
            case Bswap(Gpr reg) -> {
                if (reg.size() != OpSize.DWORD && reg.size() != OpSize.QWORD) throw bad("bswap takes a 32- or 64-bit register");
                e.emit(X64Op.BSWAP_O, reg.size(), reg, 0, null, 0, X64Emit.NONE, false);
            }
            case FarIndirect(boolean call, OpSize size, Mem mem) -> {
                if (size != OpSize.DWORD && size != OpSize.QWORD) throw bad("far pointers are m16:32 (l) or m16:64 (q)");
                e.emit(call ? X64Op.CALL_FAR_M : X64Op.JMP_FAR_M, size, null, 0, mem, 0, X64Emit.NONE, false);
            }
        }
    }

    private void alu(X64Emit e, AluOp op, OpSize size, Operand dst, Operand src, boolean lock) {
        checkRm(dst, size);
        switch (src) {
            case Imm imm -> {
                if (dst instanceof Imm) throw bad("the destination cannot be an immediate");
                if (size != OpSize.BYTE && fitsSigned8(imm, size)) {
                    e.emit(X64Op.ALU_MI8, size, null, op.digit(), dst, 0, imm8(imm, size), lock);
                } else if (isAccumulator(dst) && (!imm.isSymbolic() || size == OpSize.BYTE)) {
                    e.emit(X64Op.ALU_ACC_I, size, null, 0, null, op.opcodeBase(), immSized(imm, size), lock);
                } else {
                    e.emit(X64Op.ALU_MI, size, null, op.digit(), dst, 0, immSized(imm, size), lock);
                }
            }
            case Gpr g -> {
                checkGpr(g, size);
                e.emit(X64Op.ALU_MR, size, g, 0, dst, op.opcodeBase(), X64Emit.NONE, lock);
            }
            case Mem m -> {
                if (!(dst instanceof Gpr d)) throw bad("at most one operand can be in memory");
                e.emit(X64Op.ALU_RM, size, d, 0, m, op.opcodeBase(), X64Emit.NONE, lock);
            }
            default -> throw bad("bad source operand");
        }
    }

    private void test(X64Emit e, OpSize size, Operand dst, Operand src) {
        if (dst instanceof Gpr && src instanceof Mem) {       // test is symmetric: llvm-mc swaps to r/m, reg
            Operand t = dst;
            dst = src;
            src = t;
        }
        checkRm(dst, size);
        switch (src) {
            case Imm imm -> {
                if (isAccumulator(dst)) e.emit(X64Op.TEST_ACC_I, size, null, 0, null, 0, immSized(imm, size), false);
                else e.emit(X64Op.TEST_MI, size, null, 0, dst, 0, immSized(imm, size), false);
            }
            case Gpr g -> {
                checkGpr(g, size);
                e.emit(X64Op.TEST_MR, size, g, 0, dst, 0, X64Emit.NONE, false);
            }
            default -> throw bad("at most one operand can be in memory");
        }
    }

    private void mov(X64Emit e, OpSize size, Operand dst, Operand src) {
        checkRm(dst, size);
        switch (src) {
            case Imm imm -> {
                if (dst instanceof Gpr g) {
                    if (size == OpSize.QWORD && (imm.isSymbolic() || imm.fitsSigned32())) {
                        e.emit(X64Op.MOV_MI, size, null, 0, g, 0, immSized(imm, size), false);
                    } else if (size == OpSize.QWORD) {
                        e.emit(X64Op.MOV_OI, size, g, 0, null, 0, imm64(imm), false);
                    } else {
                        e.emit(X64Op.MOV_OI, size, g, 0, null, 0, immSized(imm, size), false);
                    }
                } else if (dst instanceof Mem) {
                    e.emit(X64Op.MOV_MI, size, null, 0, dst, 0, immSized(imm, size), false);
                } else {
                    throw bad("the destination cannot be an immediate");
                }
            }
            case Gpr g -> {
                checkGpr(g, size);
                if (isMoffs(dst) && isAccumulator(g)) e.emit(X64Op.MOV_MOFFS_STORE, size, null, 0, dst, 0, X64Emit.NONE, false);
                else e.emit(X64Op.MOV_MR, size, g, 0, dst, 0, X64Emit.NONE, false);
            }
            case Mem m -> {
                if (!(dst instanceof Gpr d)) throw bad("at most one operand can be in memory");
                if (isMoffs(m) && isAccumulator(d)) e.emit(X64Op.MOV_MOFFS_LOAD, size, null, 0, m, 0, X64Emit.NONE, false);
                else e.emit(X64Op.MOV_RM, size, d, 0, m, 0, X64Emit.NONE, false);
            }
            default -> throw bad("bad source operand");
        }
    }

    private void movExtend(X64Emit e, boolean signed, OpSize from, OpSize to, Gpr dst, Operand src) {
        checkGpr(dst, to);
        checkRm(src, from);
        if (from == OpSize.DWORD && to == OpSize.QWORD && signed) {
            e.emit(X64Op.MOVSXD, to, dst, 0, src, 0, X64Emit.NONE, false);
        } else if ((from == OpSize.BYTE && to != OpSize.BYTE) || (from == OpSize.WORD && (to == OpSize.DWORD || to == OpSize.QWORD))) {
            e.emit(signed ? X64Op.MOVSX : X64Op.MOVZX, to, dst, 0, src, from == OpSize.WORD ? 1 : 0, X64Emit.NONE, false);
        } else {
            throw bad("cannot extend " + from.bits() + " bits to " + to.bits() + " bits");
        }
    }

    private void shift(X64Emit e, ShiftOp op, OpSize size, Operand dst, Operand count) {
        checkRm(dst, size);
        switch (count) {
            case Imm imm when !imm.isSymbolic() && imm.value() == 1 -> e.emit(X64Op.SHIFT_1, size, null, op.digit(), dst, 0, X64Emit.NONE, false);
            case Imm imm -> e.emit(X64Op.SHIFT_I8, size, null, op.digit(), dst, 0, new ImmField(imm, 1, S8_MIN, U8_MAX, null), false);
            case Gpr8 g when g == Gpr8.CL -> e.emit(X64Op.SHIFT_CL, size, null, op.digit(), dst, 0, X64Emit.NONE, false);
            default -> throw bad("a shift count is an immediate or %cl");
        }
    }

    private void indirect(X64Emit e, X64Op row, Operand target) {
        OpSize size = mode == X64Mode.BITS64 ? OpSize.QWORD : OpSize.DWORD;
        checkRm(target, size);
        e.emit(row, size, null, 0, target, 0, X64Emit.NONE, false);
    }

    private void push(X64Emit e, OpSize size, Operand src) {
        stackSize(size);
        switch (src) {
            case Gpr g -> {
                checkGpr(g, size);
                e.emit(X64Op.PUSH_O, size, g, 0, null, 0, X64Emit.NONE, false);
            }
            case Imm imm when fitsSigned8(imm, size) -> e.emit(X64Op.PUSH_I8, size, null, 0, null, 0, imm8(imm, size), false);
            case Imm imm -> e.emit(X64Op.PUSH_I, size, null, 0, null, 0, size == OpSize.WORD ? immSized(imm, size)
                    : new ImmField(imm, 4, S32_MIN, size == OpSize.QWORD ? S32_MAX : U32_MAX,
                            size == OpSize.QWORD ? X64FixupKind.ABS32S : X64FixupKind.ABS32), false);
            case Mem m -> e.emit(X64Op.PUSH_M, size, null, 0, m, 0, X64Emit.NONE, false);
            default -> throw bad("bad push operand");
        }
    }

    private void xchg(X64Emit e, OpSize size, Operand a, Operand b, boolean lock) {
        checkRm(a, size);
        checkRm(b, size);
        if (a instanceof Gpr ga && b instanceof Gpr gb && size != OpSize.BYTE && (ga.number() == 0 || gb.number() == 0) && !lock) {
            Gpr other = ga.number() == 0 ? gb : ga;
            if (other.number() == 0 && size == OpSize.DWORD && mode == X64Mode.BITS64) {
                e.emit(X64Op.XCHG_MR, size, ga, 0, gb, 0, X64Emit.NONE, false);   // 90 would be NOP, not a zero-extension
            } else if (other.number() == 0 && size == OpSize.QWORD) {
                e.raw(new byte[] {(byte) 0x90});                                  // llvm-mc encodes xchgq %rax, %rax as NOP
            } else {
                e.emit(X64Op.XCHG_ACC_O, size, other, 0, null, 0, X64Emit.NONE, false);
            }
        } else if (a instanceof Gpr ga && b instanceof Gpr gb) {
            e.emit(X64Op.XCHG_MR, size, gb, 0, ga, 0, X64Emit.NONE, lock);
        } else if (a instanceof Gpr ga) {
            e.emit(X64Op.XCHG_MR, size, ga, 0, b, 0, X64Emit.NONE, lock);
        } else if (b instanceof Gpr gb) {
            e.emit(X64Op.XCHG_MR, size, gb, 0, a, 0, X64Emit.NONE, lock);
        } else {
            throw bad("at most one operand can be in memory");
        }
    }

    private void port(X64Emit e, X64Op immRow, X64Op dxRow, OpSize size, Imm port) {
        if (size == OpSize.QWORD) throw bad("port I/O is 8, 16 or 32 bits");
        if (port == null) e.emit(dxRow, size, null, 0, null, 0, X64Emit.NONE, false);
        else e.emit(immRow, size, null, 0, null, 0, new ImmField(port, 1, 0, U8_MAX, null), false);
    }

    private void checkLockable(X64Insn inner) {
        Operand dst = switch (inner) {
            case Alu a when a.op() != AluOp.CMP -> a.dst();
            case Unary u when u.op() == UnaryOp.INC || u.op() == UnaryOp.DEC || u.op() == UnaryOp.NOT || u.op() == UnaryOp.NEG -> u.dst();
            case Xchg x -> x.a() instanceof Mem ? x.a() : x.b();
            case Cmpxchg c -> c.dst();
            case Xadd x -> x.dst();
            case BitTest b when b.op() != BitOp.BT -> b.dst();
            default -> null;
        };
        if (!(dst instanceof Mem)) {
            throw new X64EncodeException(X64AsmCode.BAD_LOCK, "LOCK needs a read-modify-write instruction with a memory destination");
        }
    }

    private ImmField immSized(Imm imm, OpSize size) {
        return switch (size) {
            case BYTE -> new ImmField(imm, 1, S8_MIN, U8_MAX, X64FixupKind.ABS8);
            case WORD -> new ImmField(imm, 2, S16_MIN, U16_MAX, X64FixupKind.ABS16);
            case DWORD -> new ImmField(imm, 4, S32_MIN, U32_MAX, X64FixupKind.ABS32);
            case QWORD -> new ImmField(imm, 4, S32_MIN, S32_MAX, X64FixupKind.ABS32S);
        };
    }

    /**
     * Whether a numeric immediate, taken as an operand of {@code size} bits, is a sign-extended imm8:
     * like llvm-mc, {@code orl $0xffffffff} is {@code orl $-1} and gets the 83 /1 ib form.
     */
    private static boolean fitsSigned8(Imm imm, OpSize size) {
        if (imm.isSymbolic() || !size.fitsSignedOrUnsigned(imm.value())) return false;
        long v = truncate(imm.value(), size);
        return v >= -128 && v <= 127;
    }

    private static ImmField imm8(Imm imm, OpSize size) {
        return new ImmField(Imm.of(truncate(imm.value(), size)), 1, S8_MIN, 127, null);
    }

    /** {@code value} cut to {@code size} bits and sign-extended back. */
    private static long truncate(long value, OpSize size) {
        int shift = 64 - size.bits();
        return (value << shift) >> shift;
    }

    private static ImmField imm64(Imm imm) {
        return new ImmField(imm, 8, Long.MIN_VALUE, Long.MAX_VALUE, X64FixupKind.ABS64);
    }

    /** In 32-bit mode llvm-mc moves the accumulator to/from an absolute address with A0..A3 (moffs). */
    private boolean isMoffs(Operand o) {
        return mode == X64Mode.BITS32 && o instanceof Mem m && m.base() == null && m.index() == null && !m.rip();
    }

    private static boolean isAccumulator(Operand o) {
        return o instanceof Gpr g && g.number() == 0 && !(g instanceof Gpr8 b && b.forbidsRex());
    }

    private void stackSize(OpSize size) {
        boolean ok = size == OpSize.WORD || size == (mode == X64Mode.BITS64 ? OpSize.QWORD : OpSize.DWORD);
        if (!ok) throw bad("push/pop operand size must be 16 or " + (mode == X64Mode.BITS64 ? 64 : 32) + " bits");
    }

    private static void notByte(OpSize size) {
        if (size == OpSize.BYTE) throw bad("this instruction has no 8-bit form");
    }

    private static void checkGpr(Gpr g, OpSize size) {
        if (g.size() != size) {
            throw bad("%" + g.asmName() + " is a " + g.size().bits() + "-bit register; the instruction needs " + size.bits() + " bits");
        }
    }

    private static void checkRm(Operand o, OpSize size) {
        switch (o) {
            case Gpr g -> checkGpr(g, size);
            case Mem m -> { }
            default -> throw bad("expected a register or memory operand");
        }
    }

    private static X64EncodeException bad(String message) {
        return new X64EncodeException(X64AsmCode.BAD_OPERANDS, message);
    }
}
