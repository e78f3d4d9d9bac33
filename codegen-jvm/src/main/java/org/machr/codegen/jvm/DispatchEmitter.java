package org.machr.codegen.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.util.List;
import java.util.TreeMap;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.machr.kd.ir.IrFunction;

/**
 * Indirect calls: function pointers are addresses in the code region, so a call through one goes to
 * a per-arity dispatcher {@code call<N>(args…, target, loc)} that checks the address and switches on
 * the function index. Only functions whose address is taken (and whose arity matches) are reachable;
 * any other address panics as a call through an invalid function pointer. Dispatchers always return
 * a {@code long} (0 for functions without result).
 */
final class DispatchEmitter {
    private DispatchEmitter() {}

    static String methodName(int arity) {
        return "call" + arity;
    }

    static String descriptor(int arity) {
        return "(" + "J".repeat(arity) + "JI)J";
    }

    static byte[] emit(CodegenContext ctx, List<IrFunction> addressTaken, java.util.Set<Integer> arities) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, ctx.dispatcher(), null, "java/lang/Object", null);
        for (int arity : arities) {
            TreeMap<Integer, IrFunction> targets = new TreeMap<>();
            for (IrFunction f : addressTaken)
                if (f.params().size() == arity) targets.put(ctx.layout.functionIndex(f.name()), f);
            dispatcher(ctx, cw, arity, targets);
        }
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void dispatcher(CodegenContext ctx, ClassWriter cw, int arity, TreeMap<Integer, IrFunction> targets) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, methodName(arity), descriptor(arity), null, null);
        mv.visitCode();
        int target = 2 * arity, loc = target + 2, offset = loc + 1;
        Label bad = new Label();
        mv.visitVarInsn(LLOAD, target);
        mv.visitLdcInsn(HostedMachine.CODE_BASE);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, offset);
        // offset must be a multiple of CODE_ALIGN in [0, 2^31)
        mv.visitVarInsn(LLOAD, offset);
        mv.visitLdcInsn(~((long) Integer.MAX_VALUE) | (HostedMachine.CODE_ALIGN - 1));
        mv.visitInsn(LAND);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, bad);
        mv.visitVarInsn(LLOAD, offset);
        mv.visitInsn(L2I);
        mv.visitIntInsn(BIPUSH, Integer.numberOfTrailingZeros(HostedMachine.CODE_ALIGN));
        mv.visitInsn(IUSHR);
        int[] keys = targets.keySet().stream().mapToInt(Integer::intValue).toArray();
        Label[] cases = new Label[keys.length];
        for (int i = 0; i < keys.length; i++) cases[i] = new Label();
        mv.visitLookupSwitchInsn(bad, keys, cases);
        int i = 0;
        for (IrFunction f : targets.values()) {
            mv.visitLabel(cases[i++]);
            for (int a = 0; a < arity; a++) mv.visitVarInsn(LLOAD, 2 * a);
            boolean hasResult = f.result() != null;
            mv.visitMethodInsn(INVOKESTATIC, ctx.owner(f.name()), ctx.method(f.name()),
                    CodegenContext.descriptor(arity, hasResult), false);
            if (!hasResult) mv.visitInsn(LCONST_0);
            mv.visitInsn(LRETURN);
        }
        mv.visitLabel(bad);
        mv.visitVarInsn(LLOAD, target);
        mv.visitVarInsn(ILOAD, loc);
        mv.visitMethodInsn(INVOKESTATIC, CodegenContext.MACHINE, "badFunctionPointer",
                "(JI)Lorg/machr/codegen/jvm/HostedPanic;", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
