package org.machr.codegen.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.RmwOp;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.StackSlot;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.Terminator;
import org.machr.kd.ir.UnOp;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates one IR function into one static JVM method. Every IR value is a {@code long} local in
 * canonical form (sign-extended from its type's width), so each operation is a few bytecodes plus a
 * re-canonicalisation; memory goes through {@link HostedMachine}. Register {@code %n} is local
 * {@code 2n}; the frame base is the local after the last register.
 */
final class FunctionEmitter {
    private final CodegenContext ctx;
    private final IrFunction f;
    private final String owner;
    private final MethodVisitor mv;
    private final Map<Integer, Label> labels = new HashMap<>();
    private final long[] slotOffsets;
    private final long frameSize;
    private final int fpLocal;
    /** The stack-map frame of every branch target: all registers and the frame base are longs. */
    private final Object[] frameLocals;

    FunctionEmitter(CodegenContext ctx, ClassWriter cw, IrFunction f) {
        this.ctx = ctx;
        this.f = f;
        this.owner = ctx.owner(f.name());
        this.mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, ctx.method(f.name()),
                CodegenContext.descriptor(f.params().size(), f.result() != null), null, null);
        this.slotOffsets = new long[f.slots().size()];
        long offset = HostedMachine.MIN_FRAME;
        for (StackSlot s : f.slots()) {
            offset = MemoryLayout.align(offset, Math.max(s.align(), 1));
            slotOffsets[s.id()] = offset;
            offset += s.size();
        }
        this.frameSize = MemoryLayout.align(offset, 16);
        this.fpLocal = 2 * f.regCount();
        this.frameLocals = new Object[f.regCount() + 1];
        java.util.Arrays.fill(frameLocals, LONG);
    }

    /**
     * Places {@code label} with its stack-map frame (JVMS §4.10.1). Every local is a long from the
     * prologue on, so the frames are known without ASM's costly frame computation.
     */
    private void place(Label label, boolean longOnStack) {
        mv.visitLabel(label);
        mv.visitFrame(F_NEW, frameLocals.length, frameLocals, longOnStack ? 1 : 0,
                longOnStack ? new Object[] {LONG} : new Object[0]);
    }

    void emit() {
        mv.visitCode();
        // Registers other than parameters start at 0: the JVM wants every local assigned on all paths.
        for (int r = f.params().size(); r < f.regCount(); r++) {
            mv.visitInsn(LCONST_0);
            mv.visitVarInsn(LSTORE, 2 * r);
        }
        machine();
        push(frameSize);
        mv.visitLdcInsn(ctx.loc(f.loc()));
        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "enter", "(JI)J", false);
        mv.visitVarInsn(LSTORE, fpLocal);
        for (Block b : f.blocks()) {
            place(label(b.id()), false);
            for (Insn i : b.insns()) insn(i);
            terminator(b.terminator());
        }
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private Label label(int block) {
        return labels.computeIfAbsent(block, id -> new Label());
    }

    private void machine() {
        mv.visitFieldInsn(GETSTATIC, owner, CodegenContext.MACHINE_FIELD, CodegenContext.MACHINE_DESC);
    }

    private void push(long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    private void pushInt(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    private void pushLoc(org.machr.kd.ir.Loc loc) {
        pushInt(ctx.loc(loc));
    }

    private void load(Operand o) {
        switch (o) {
            case Reg r -> mv.visitVarInsn(LLOAD, 2 * r.id());
            case Imm imm -> push(imm.value());
            case SymbolAddr s -> push(ctx.layout.address(s.symbol()) + s.addend());
            case SlotAddr s -> {
                mv.visitVarInsn(LLOAD, fpLocal);
                push(slotOffsets[s.slot()] + s.offset());
                mv.visitInsn(LADD);
            }
        }
    }

    /** Loads {@code o} zero-extended from its width. */
    private void loadUnsigned(Operand o) {
        load(o);
        zeroExtend(o.type());
    }

    private void zeroExtend(IrType t) {
        if (t == IrType.I64) return;
        push(t.unsigned(-1));
        mv.visitInsn(LAND);
    }

    private void store(Reg r) {
        mv.visitVarInsn(LSTORE, 2 * r.id());
    }

    /** Re-canonicalises the long on the stack to type {@code t}. */
    private void canonical(IrType t) {
        switch (t) {
            case I8 -> { mv.visitInsn(L2I); mv.visitInsn(I2B); mv.visitInsn(I2L); }
            case I16 -> { mv.visitInsn(L2I); mv.visitInsn(I2S); mv.visitInsn(I2L); }
            case I32 -> { mv.visitInsn(L2I); mv.visitInsn(I2L); }
            case I64 -> { }
        }
    }

    private void insn(Insn insn) {
        switch (insn) {
            case Insn.Copy(Reg d, Operand s) -> {
                load(s);
                store(d);
            }
            case Insn.Binary(Reg d, BinOp op, Operand a, Operand b, var loc) -> {
                binary(op, d.type(), a, b, ctx.loc(loc));
                store(d);
            }
            case Insn.Unary(Reg d, UnOp op, Operand a) -> {
                load(a);
                if (op == UnOp.NEG) {
                    mv.visitInsn(LNEG);
                    canonical(d.type());
                } else {
                    push(-1);
                    mv.visitInsn(LXOR);
                }
                store(d);
            }
            case Insn.Convert(Reg d, ConvOp op, Operand a) -> {
                load(a);
                if (op == ConvOp.ZEXT) zeroExtend(a.type());
                canonical(d.type());
                store(d);
            }
            case Insn.Compare(Reg d, Cond c, Operand a, Operand b) -> {
                compare(c, a, b);
                Label yes = new Label(), done = new Label();
                mv.visitJumpInsn(ifOpcode(c), yes);
                mv.visitInsn(LCONST_0);
                mv.visitJumpInsn(GOTO, done);
                place(yes, false);
                mv.visitInsn(LCONST_1);
                place(done, true);
                store(d);
            }
            case Insn.Select(Reg d, Operand c, Operand t, Operand e) -> {
                Label no = new Label(), done = new Label();
                load(c);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFEQ, no);
                load(t);
                mv.visitJumpInsn(GOTO, done);
                place(no, false);
                load(e);
                place(done, true);
                store(d);
            }
            case Insn.Load(Reg d, IrType mt, Ext ext, Operand a, boolean vol, var loc) -> {
                memoryLoad(mt, a, ctx.loc(loc));
                if (ext == Ext.ZERO && mt != d.type()) zeroExtend(mt);
                store(d);
            }
            case Insn.Store(IrType mt, Operand a, Operand v, boolean vol, var loc) -> {
                machine();
                load(a);
                load(v);
                pushLoc(loc);
                mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "store" + mt.bits(), "(JJI)V", false);
            }
            case Insn.AtomicLoad(Reg d, Operand a, var order, var loc) -> {
                checkAtomic(d.type(), a, ctx.loc(loc));
                memoryLoad(d.type(), a, ctx.loc(loc));
                store(d);
            }
            case Insn.AtomicStore(Operand a, Operand v, var order, var loc) -> {
                checkAtomic(v.type(), a, ctx.loc(loc));
                machine();
                load(a);
                load(v);
                pushLoc(loc);
                mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "store" + v.type().bits(), "(JJI)V", false);
            }
            case Insn.AtomicRmw(Reg d, RmwOp op, Operand a, Operand v, var order, var loc) -> {
                IrType t = d.type();
                checkAtomic(t, a, ctx.loc(loc));
                memoryLoad(t, a, ctx.loc(loc));   // old value, canonical
                store(d);
                machine();
                load(a);
                if (op == RmwOp.XCHG) load(v);
                else {
                    mv.visitVarInsn(LLOAD, 2 * d.id());
                    load(v);
                    mv.visitInsn(switch (op) {
                        case ADD -> LADD;
                        case SUB -> LSUB;
                        case AND -> LAND;
                        case OR -> LOR;
                        case XOR -> LXOR;
                        case XCHG -> throw new AssertionError();
                    });
                }
                pushLoc(loc);
                mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "store" + t.bits(), "(JJI)V", false);
            }
            case Insn.AtomicCas(Reg d, Operand a, Operand e, Operand r, var order, var loc) -> {
                IrType t = d.type();
                checkAtomic(t, a, ctx.loc(loc));
                memoryLoad(t, a, ctx.loc(loc));
                store(d);
                Label skip = new Label();
                mv.visitVarInsn(LLOAD, 2 * d.id());
                load(e);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, skip);
                machine();
                load(a);
                load(r);
                pushLoc(loc);
                mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "store" + t.bits(), "(JJI)V", false);
                place(skip, false);
            }
            case Insn.Fence unused -> { }   // one CPU: program order is memory order
            case Insn.Call(List<Reg> rs, Callee c, List<Operand> args, var loc) -> call(rs, c, args, ctx.loc(loc));
            case Insn.IntrinsicCall(Reg d, var in, List<Operand> args, var sysReg, var loc) -> {
                switch (in) {
                    case JVM_PUTC -> {
                        machine();
                        load(args.get(0));
                        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "putc", "(J)V", false);
                    }
                    case JVM_HALT -> {
                        machine();
                        load(args.get(0));
                        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "halt", "(J)V", false);
                    }
                    case TRAP -> {
                        machine();
                        pushLoc(loc);
                        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "trap", "(I)V", false);
                    }
                    default -> throw new IllegalArgumentException("intrinsic @" + in.text() + " exists only on " + in.target());
                }
            }
        }
    }

    private void memoryLoad(IrType t, Operand address, int loc) {
        machine();
        load(address);
        pushInt(loc);
        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "load" + t.bits(), "(JI)J", false);
    }

    private void checkAtomic(IrType t, Operand address, int loc) {
        machine();
        pushInt(t.bytes());
        load(address);
        pushInt(loc);
        mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "checkAtomic", "(IJI)V", false);
    }

    private void binary(BinOp op, IrType t, Operand a, Operand b, int loc) {
        switch (op) {
            case ADD, SUB, MUL -> {
                load(a);
                load(b);
                mv.visitInsn(op == BinOp.ADD ? LADD : op == BinOp.SUB ? LSUB : LMUL);
                canonical(t);
            }
            case AND, OR, XOR -> {
                load(a);
                load(b);
                mv.visitInsn(op == BinOp.AND ? LAND : op == BinOp.OR ? LOR : LXOR);
            }
            case SDIV, SREM -> {
                load(a);
                load(b);
                pushInt(loc);
                mv.visitMethodInsn(INVOKESTATIC, CodegenContext.MACHINE, op == BinOp.SDIV ? "sdiv" : "srem", "(JJI)J", false);
                canonical(t);
            }
            case UDIV, UREM -> {
                loadUnsigned(a);
                loadUnsigned(b);
                pushInt(loc);
                mv.visitMethodInsn(INVOKESTATIC, CodegenContext.MACHINE, op == BinOp.UDIV ? "udiv" : "urem", "(JJI)J", false);
                canonical(t);
            }
            case SHL, LSHR, ASHR -> {
                if (op == BinOp.LSHR) loadUnsigned(a);
                else load(a);
                load(b);
                mv.visitInsn(L2I);
                pushInt(t.bits() - 1);
                mv.visitInsn(IAND);
                mv.visitInsn(op == BinOp.SHL ? LSHL : op == BinOp.LSHR ? LUSHR : LSHR);
                canonical(t);
            }
        }
    }

    /** Leaves an int on the stack that compares with 0 as {@code a} compares with {@code b}. */
    private void compare(Cond c, Operand a, Operand b) {
        boolean unsigned = switch (c) {
            case ULT, ULE, UGT, UGE -> true;
            default -> false;
        };
        if (unsigned && a.type() == IrType.I64) {
            load(a);
            load(b);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Long", "compareUnsigned", "(JJ)I", false);
        } else if (unsigned) {
            loadUnsigned(a);
            loadUnsigned(b);
            mv.visitInsn(LCMP);
        } else {
            load(a);
            load(b);
            mv.visitInsn(LCMP);
        }
    }

    private static int ifOpcode(Cond c) {
        return switch (c) {
            case EQ -> IFEQ;
            case NE -> IFNE;
            case SLT, ULT -> IFLT;
            case SLE, ULE -> IFLE;
            case SGT, UGT -> IFGT;
            case SGE, UGE -> IFGE;
        };
    }

    private void call(List<Reg> rs, Callee c, List<Operand> args, int loc) {
        boolean hasResult;
        switch (c) {
            case Callee.Direct(String name) -> {
                IrFunction callee = ctx.program.function(name);
                for (Operand a : args) load(a);
                hasResult = !callee.results().isEmpty();
                mv.visitMethodInsn(INVOKESTATIC, ctx.owner(name), ctx.method(name),
                        CodegenContext.descriptor(args.size(), hasResult), false);
            }
            case Callee.Indirect(Operand target, var sig) -> {
                for (Operand a : args) load(a);
                load(target);
                pushInt(loc);
                mv.visitMethodInsn(INVOKESTATIC, ctx.dispatcher(), DispatchEmitter.methodName(args.size()),
                        DispatchEmitter.descriptor(args.size()), false);
                hasResult = true;
            }
            case Callee.Extern(String symbol) -> {
                mv.visitLdcInsn(symbol);
                pushInt(loc);
                mv.visitMethodInsn(INVOKESTATIC, CodegenContext.MACHINE, "missingExtern",
                        "(Ljava/lang/String;I)Lorg/machr/codegen/jvm/HostedPanic;", false);
                mv.visitInsn(ATHROW);
                place(new Label(), false);      // the rest of the block is dead but must verify
                return;
            }
        }
        if (hasResult) {
            if (!rs.isEmpty()) store(rs.get(0));
            else mv.visitInsn(POP2);
        }
        for (int i = 1; i < rs.size(); i++) {
            machine();
            pushInt(i);
            mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "result", "(I)J", false);
            store(rs.get(i));
        }
    }

    private void terminator(Terminator t) {
        switch (t) {
            case Terminator.Jump(int target) -> mv.visitJumpInsn(GOTO, label(target));
            case Terminator.Branch(Operand c, int yes, int no) -> {
                load(c);
                mv.visitInsn(LCONST_0);
                mv.visitInsn(LCMP);
                mv.visitJumpInsn(IFNE, label(yes));
                mv.visitJumpInsn(GOTO, label(no));
            }
            case Terminator.Switch(Operand v, List<Terminator.Case> cases, int otherwise) -> {
                if (v.type() != IrType.I64 && !cases.isEmpty()) {
                    load(v);
                    mv.visitInsn(L2I);
                    List<Terminator.Case> sorted = cases.stream()
                            .sorted((x, y) -> Long.compare(x.value(), y.value())).toList();
                    int[] keys = sorted.stream().mapToInt(x -> (int) x.value()).toArray();
                    Label[] targets = sorted.stream().map(x -> label(x.target())).toArray(Label[]::new);
                    mv.visitLookupSwitchInsn(label(otherwise), keys, targets);
                } else {
                    for (Terminator.Case k : cases) {
                        load(v);
                        push(k.value());
                        mv.visitInsn(LCMP);
                        mv.visitJumpInsn(IFEQ, label(k.target()));
                    }
                    mv.visitJumpInsn(GOTO, label(otherwise));
                }
            }
            case Terminator.Return(List<Operand> vs) -> {
                for (int i = 1; i < vs.size(); i++) {
                    machine();
                    pushInt(i);
                    load(vs.get(i));
                    mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "setResult", "(IJ)V", false);
                }
                machine();
                push(frameSize);
                mv.visitMethodInsn(INVOKEVIRTUAL, CodegenContext.MACHINE, "leave", "(J)V", false);
                if (vs.isEmpty()) mv.visitInsn(RETURN);
                else {
                    load(vs.get(0));
                    mv.visitInsn(LRETURN);
                }
            }
            case Terminator.Unreachable() -> {
                pushInt(ctx.loc(f.loc()));
                mv.visitMethodInsn(INVOKESTATIC, CodegenContext.MACHINE, "unreachable",
                        "(I)Lorg/machr/codegen/jvm/HostedPanic;", false);
                mv.visitInsn(ATHROW);
            }
        }
    }
}
