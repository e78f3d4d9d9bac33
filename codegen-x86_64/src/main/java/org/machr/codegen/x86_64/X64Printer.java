package org.machr.codegen.x86_64;

import org.machr.codegen.x86_64.X64Insn.*;

/**
 * Prints instructions in AT&amp;T syntax exactly as {@code llvm-mc -triple=x86_64} (LLVM 14) prints them:
 * size-suffixed mnemonics ({@code movq}, {@code callq}, {@code retq}, {@code lgdtq}), a tab between
 * mnemonic and operands, decimal immediates, source before destination, and llvm-mc's canonical operand
 * order where it has one (the register first for {@code test}/{@code xchg} with memory, the accumulator
 * last for {@code xchg}).
 */
public final class X64Printer {

    private final X64Mode mode;

    public X64Printer(X64Mode mode) {
        this.mode = mode;
    }

    public X64Printer() {
        this(X64Mode.BITS64);
    }

    public String print(X64Insn insn) {
        return switch (insn) {
            case Alu(AluOp op, OpSize size, Operand dst, Operand src) -> ins(op.mnemonic() + size.suffix(), src, dst);
            case Test(OpSize size, Operand dst, Operand src) ->
                    dst instanceof Gpr && src instanceof Mem ? ins("test" + size.suffix(), dst, src) : ins("test" + size.suffix(), src, dst);
            case Mov(OpSize size, Operand dst, Operand src) -> ins(isMovAbs(size, dst, src) ? "movabsq" : "mov" + size.suffix(), src, dst);
            case MovAbs(Gpr64 dst, Imm imm) -> ins("movabsq", imm, dst);
            case MovExtend(boolean signed, OpSize from, OpSize to, Gpr dst, Operand src) ->
                    ins("mov" + (signed ? "s" : "z") + from.suffix() + to.suffix(), src, dst);
            case MovCr(boolean toCr, ControlReg cr, Gpr gpr) ->
                    toCr ? ins("mov" + gpr.size().suffix(), gpr, cr) : ins("mov" + gpr.size().suffix(), cr, gpr);
            case MovSeg(boolean toSeg, SegReg seg, Operand other) -> movSeg(toSeg, seg, other);
            case Lea(OpSize size, Gpr dst, Mem src) -> ins("lea" + size.suffix(), src, dst);
            case Unary(UnaryOp op, OpSize size, Operand dst) -> ins(op.mnemonic() + size.suffix(), dst);
            case Imul2(OpSize size, Gpr dst, Operand src) -> ins("imul" + size.suffix(), src, dst);
            case Imul3(OpSize size, Gpr dst, Operand src, Imm imm) -> ins("imul" + size.suffix(), imm, src, dst);
            case Shift(ShiftOp op, OpSize size, Operand dst, Operand count) ->
                    count instanceof Imm i && !i.isSymbolic() && i.value() == 1
                            ? ins(op.mnemonic() + size.suffix(), dst)
                            : ins(op.mnemonic() + size.suffix(), count, dst);
            case Setcc(Cond cond, Operand dst) -> ins("set" + cond.suffix(), dst);
            case Cmovcc(Cond cond, OpSize size, Gpr dst, Operand src) -> ins("cmov" + cond.suffix() + size.suffix(), src, dst);
            case Jcc(Cond cond, Target target, Reach reach) -> "j" + cond.suffix() + "\t" + target.displayName();
            case Jmp(Target target, Reach reach) -> "jmp\t" + target.displayName();
            case Call(Target target) -> "call" + stackSuffix() + "\t" + target.displayName();
            case JmpIndirect(Operand target) -> "jmp" + stackSuffix() + "\t*" + operand(target);
            case CallIndirect(Operand target) -> "call" + stackSuffix() + "\t*" + operand(target);
            case Push(OpSize size, Operand src) -> ins("push" + size.suffix(), src);
            case Pop(OpSize size, Operand dst) -> ins("pop" + size.suffix(), dst);
            case Xchg(OpSize size, Operand a, Operand b) -> xchg(size, a, b);
            case Cmpxchg(OpSize size, Operand dst, Gpr src) -> ins("cmpxchg" + size.suffix(), src, dst);
            case Xadd(OpSize size, Operand dst, Gpr src) -> ins("xadd" + size.suffix(), src, dst);
            case Lock(X64Insn inner) -> "lock\t\t" + print(inner);
            case BitTest(BitOp op, OpSize size, Operand dst, Operand bit) -> ins(op.mnemonic() + size.suffix(), bit, dst);
            case BitScan(boolean reverse, OpSize size, Gpr dst, Operand src) -> ins((reverse ? "bsr" : "bsf") + size.suffix(), src, dst);
            case Nullary(NullaryOp op) -> op.mnemonic(mode) != null ? op.mnemonic(mode) : op.mnemonic(X64Mode.BITS64);
            case SysTable(SysTableOp op, Mem mem) -> ins(op.mnemonic() + (op.suffixed() ? stackSuffix() : ""), mem);
            case Ltr(Operand src) -> ins("ltrw", src);
            case In(OpSize size, Imm port) -> port == null ? ins("in" + size.suffix(), Gpr16.DX, acc(size)) : ins("in" + size.suffix(), port, acc(size));
            case Out(OpSize size, Imm port) -> port == null ? ins("out" + size.suffix(), acc(size), Gpr16.DX) : ins("out" + size.suffix(), acc(size), port);
            case Int(Imm vector) -> !vector.isSymbolic() && vector.value() == 3 ? "int3" : ins("int", vector);
            case FarJmp(int selector, Imm offset) -> ins("ljmpl", Imm.of(selector), offset);
            case StringOp(boolean store, OpSize size, boolean rep) -> (rep ? "rep\t\t" : "")
                    + ins((store ? "stos" : "movs") + size.suffix(), stringOperands(store, size));
            case Bswap(Gpr reg) -> ins("bswap" + reg.size().suffix(), reg);
            case FarIndirect(boolean call, OpSize size, Mem mem) -> (call ? "lcall" : "ljmp") + size.suffix() + "\t*" + operand(mem);
        };
    }

    /** The implicit operands llvm-mc shows: {@code (%rsi), %es:(%rdi)} or {@code %al, %es:(%rdi)}. */
    public Operand[] stringOperands(boolean store, OpSize size) {
        OpSize addr = mode == X64Mode.BITS64 ? OpSize.QWORD : OpSize.DWORD;
        Mem dst = Mem.base(Gpr.of(7, addr)).withSegment(SegReg.ES);
        return new Operand[] {store ? acc(size) : Mem.base(Gpr.of(6, addr)), dst};
    }

    private boolean isMovAbs(OpSize size, Operand dst, Operand src) {
        return size == OpSize.QWORD && dst instanceof Gpr && src instanceof Imm imm && !imm.isSymbolic() && !imm.fitsSigned32();
    }

    private String movSeg(boolean toSeg, SegReg seg, Operand other) {
        if (!toSeg) return ins("mov" + (other instanceof Gpr g ? g.size().suffix() : 'w'), seg, other);
        if (other instanceof Gpr g) {
            Gpr shown = g.size() == OpSize.QWORD ? g : Gpr32.values()[g.number()];   // llvm-mc shows movw %ax, %ds as movl %eax, %ds
            return ins("mov" + shown.size().suffix(), shown, seg);
        }
        return ins("movw", other, seg);
    }

    private String xchg(OpSize size, Operand a, Operand b) {
        String m = "xchg" + size.suffix();
        if (a instanceof Mem) return ins(m, b, a);
        if (a instanceof Gpr ga && b instanceof Gpr gb && size != OpSize.BYTE && ga.number() == 0 && gb.number() != 0) {
            return ins(m, b, a);
        }
        if (a instanceof Gpr ga && b instanceof Gpr gb && ga.number() == 0 && gb.number() == 0 && size == OpSize.QWORD) {
            return "nop";
        }
        return ins(m, a, b);
    }

    private char stackSuffix() {
        return mode == X64Mode.BITS64 ? 'q' : 'l';
    }

    private static Gpr acc(OpSize size) {
        return Gpr.of(0, size);
    }

    private static String ins(String mnemonic, Operand... operands) {
        StringBuilder sb = new StringBuilder(mnemonic);
        for (int i = 0; i < operands.length; i++) {
            sb.append(i == 0 ? "\t" : ", ").append(operand(operands[i]));
        }
        return sb.toString();
    }

    /** One operand in AT&amp;T form: {@code %rax}, {@code $42}, {@code $foo+8}, {@code %gs:-8(%rbp,%rcx,4)}. */
    public static String operand(Operand o) {
        return switch (o) {
            case Reg r -> "%" + r.asmName();
            case Imm i -> "$" + withSymbol(i.target(), i.value());
            case Mem m -> memory(m);
        };
    }

    private static String memory(Mem m) {
        StringBuilder sb = new StringBuilder();
        if (m.segment() != null) sb.append('%').append(m.segment().asmName()).append(':');
        boolean hasRegs = m.rip() || m.base() != null || m.index() != null;
        if (m.target() != null) {
            sb.append(withSymbol(m.target(), m.disp()));
        } else if (m.disp() != 0 || !hasRegs) {
            sb.append(m.disp());
        }
        if (m.rip()) {
            sb.append("(%rip)");
        } else if (hasRegs) {
            sb.append('(');
            if (m.base() != null) sb.append('%').append(m.base().asmName());
            if (m.index() != null) {
                sb.append(",%").append(m.index().asmName());
                if (m.scale() != 1) sb.append(',').append(m.scale());
            }
            sb.append(')');
        }
        return sb.toString();
    }

    private static String withSymbol(Target target, long value) {
        if (target == null) return Long.toString(value);
        if (value == 0) return target.displayName();
        return target.displayName() + (value > 0 ? "+" : "") + value;
    }
}
