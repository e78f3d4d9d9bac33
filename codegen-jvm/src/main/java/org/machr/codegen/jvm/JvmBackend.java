package org.machr.codegen.jvm;

import static org.objectweb.asm.Opcodes.*;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrVerifier;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.SymbolAddr;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodTooLargeException;

/**
 * The JVM backend: compiles an {@link IrProgram} into JVM classes (one static method per function,
 * {@value CodegenContext#FUNCTIONS_PER_CLASS} functions per class, plus a dispatcher for indirect
 * calls), loads them into a fresh class loader and returns a {@link HostedProgram} that runs them
 * on a {@link HostedMachine}.
 */
public final class JvmBackend {
    private static final AtomicInteger PROGRAMS = new AtomicInteger();

    private JvmBackend() {}

    /** Compiles and loads {@code program}; throws {@link JvmCodegenException} when it cannot. */
    public static HostedProgram compile(IrProgram program) {
        List<String> errors = IrVerifier.verify(program);
        if (!errors.isEmpty()) throw new JvmCodegenException("invalid IR:\n  " + String.join("\n  ", errors));
        MemoryLayout layout = new MemoryLayout(program);
        String prefix = "org/machr/codegen/jvm/gen/P" + PROGRAMS.incrementAndGet() + "_";
        CodegenContext ctx = new CodegenContext(program, layout, prefix);

        Map<String, byte[]> classes = new LinkedHashMap<>();
        List<IrFunction> functions = program.functions();
        for (int start = 0; start < functions.size(); start += CodegenContext.FUNCTIONS_PER_CLASS) {
            List<IrFunction> chunk = functions.subList(start, Math.min(functions.size(), start + CodegenContext.FUNCTIONS_PER_CLASS));
            String owner = ctx.owner(chunk.get(0).name());
            classes.put(owner, emitClass(ctx, owner, chunk));
        }
        classes.put(ctx.dispatcher(), DispatchEmitter.emit(ctx, addressTaken(program), indirectArities(program)));

        GeneratedClassLoader loader = new GeneratedClassLoader();
        List<Class<?>> loaded = new ArrayList<>();
        for (var e : classes.entrySet()) loaded.add(loader.define(e.getKey(), e.getValue()));
        Map<String, Class<?>> byName = new HashMap<>();
        for (Class<?> c : loaded) byName.put(c.getName().replace('.', '/'), c);
        return new HostedProgram(program, layout, List.copyOf(ctx.locs()),
                loaded.stream().filter(c -> !c.getName().endsWith("Dispatch")).toList(),
                name -> handle(ctx, byName, program.function(name)));
    }

    private static MethodHandle handle(CodegenContext ctx, Map<String, Class<?>> classes, IrFunction f) {
        if (f == null) return null;
        try {
            List<Class<?>> params = new ArrayList<>();
            for (int i = 0; i < f.params().size(); i++) params.add(long.class);
            MethodType type = MethodType.methodType(f.result() == null ? void.class : long.class, params);
            return MethodHandles.publicLookup().findStatic(classes.get(ctx.owner(f.name())), ctx.method(f.name()), type);
        } catch (ReflectiveOperationException e) {
            throw new JvmCodegenException("cannot find the method of @" + f.name() + ": " + e);
        }
    }

    private static byte[] emitClass(CodegenContext ctx, String owner, List<IrFunction> functions) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);   // FunctionEmitter writes the frames
        cw.visit(V21, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, owner, null, "java/lang/Object", null);
        cw.visitField(ACC_PUBLIC | ACC_STATIC, CodegenContext.MACHINE_FIELD, CodegenContext.MACHINE_DESC, null, null).visitEnd();
        for (IrFunction f : functions) new FunctionEmitter(ctx, cw, f).emit();
        cw.visitEnd();
        try {
            return cw.toByteArray();
        } catch (MethodTooLargeException e) {
            throw new JvmCodegenException("function " + e.getMethodName() + " is too large for one JVM method ("
                    + e.getCodeSize() + " bytes of bytecode)");
        } catch (ClassTooLargeException e) {
            throw new JvmCodegenException("too many constants in generated class " + owner);
        }
    }

    /** Functions whose address appears in code or data: the only ones an indirect call can reach. */
    static List<IrFunction> addressTaken(IrProgram program) {
        Set<String> names = new TreeSet<>();
        for (IrGlobal g : program.globals()) for (IrGlobal.Reloc r : g.relocs()) names.add(r.symbol());
        for (IrFunction f : program.functions())
            for (Block b : f.blocks()) {
                for (Insn i : b.insns()) for (Operand o : i.uses()) if (o instanceof SymbolAddr s) names.add(s.symbol());
                for (Operand o : b.terminator().uses()) if (o instanceof SymbolAddr s) names.add(s.symbol());
            }
        List<IrFunction> out = new ArrayList<>();
        for (String n : names) if (program.function(n) != null) out.add(program.function(n));
        return out;
    }

    private static Set<Integer> indirectArities(IrProgram program) {
        Set<Integer> arities = new TreeSet<>();
        for (IrFunction f : program.functions())
            for (Block b : f.blocks())
                for (Insn i : b.insns())
                    if (i instanceof Insn.Call(var rs, Callee.Indirect c, List<Operand> args, var loc)) arities.add(args.size());
        return arities;
    }
}
