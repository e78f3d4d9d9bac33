package org.machr.codegen.jvm;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.Loc;

/**
 * A compiled program, ready to run on a fresh {@link HostedMachine} each time. A run ends with the
 * entry function's return value as exit status, with {@code @jvm.halt(status)}, or with a panic the
 * machine detects (memory fault, division by zero, stack overflow, bad function pointer), which prints
 * {@code panic: <message> at <file>:<line>} on the console and ends with status {@value #PANIC_STATUS}.
 * Never a Java stack trace.
 */
public final class HostedProgram {
    public static final int PANIC_STATUS = 101;
    /** Default RAM size (bytes) and stack size within it. */
    public static final int DEFAULT_RAM = 16 << 20;
    public static final int DEFAULT_STACK = 1 << 20;
    private static final long JAVA_STACK = 1L << 30;

    private final IrProgram program;
    private final MemoryLayout layout;
    private final List<Loc> locs;
    private final List<Field> machineFields = new ArrayList<>();
    private final Function<String, MethodHandle> handles;

    /** How a run ended. {@code value} is the returned value or halt status; {@code panic} the report line. */
    public record Outcome(long value, boolean halted, String panic) {
        public int status() {
            return panic != null ? PANIC_STATUS : (int) value;
        }
    }

    HostedProgram(IrProgram program, MemoryLayout layout, List<Loc> locs, List<Class<?>> classes,
                  Function<String, MethodHandle> handles) {
        this.program = program;
        this.layout = layout;
        this.locs = locs;
        this.handles = handles;
        for (Class<?> c : classes) {
            try {
                machineFields.add(c.getField(CodegenContext.MACHINE_FIELD));
            } catch (NoSuchFieldException e) {
                throw new JvmCodegenException("generated class without machine field: " + c.getName());
            }
        }
    }

    /** Runs the entry function ({@code main}) and returns the exit status. */
    public int run(PrintStream console) {
        IrFunction entry = program.function(program.entry());
        if (entry == null || !entry.params().isEmpty()) {
            console.println("panic: the program has no entry function " + program.entry() + "()");
            console.flush();
            return PANIC_STATUS;
        }
        return execute(program.entry(), new long[0], console).status();
    }

    /** Runs any function with arguments on a fresh machine. */
    public synchronized Outcome execute(String function, long[] args, PrintStream console) {
        MethodHandle handle = handles.apply(function);
        if (handle == null) throw new IllegalArgumentException("no function @" + function);
        BufferedOutputStream out = new BufferedOutputStream(console, 1 << 14);
        install(newMachine(out));
        Outcome[] result = new Outcome[1];
        Thread cpu = new Thread(null, () -> result[0] = runOn(handle, args), "kd-hosted-cpu", JAVA_STACK);
        cpu.start();
        try {
            cpu.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result[0] = new Outcome(0, false, "panic: interrupted");
        }
        try {
            if (result[0].panic() != null) out.write((result[0].panic() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            // the console is gone; the status still says what happened
        }
        install(null);
        return result[0];
    }

    private Outcome runOn(MethodHandle handle, long[] args) {
        try {
            Object[] boxed = new Object[args.length];
            for (int i = 0; i < args.length; i++) boxed[i] = args[i];
            Object r = handle.invokeWithArguments(boxed);
            return new Outcome(r == null ? 0 : (Long) r, false, null);
        } catch (HostedHalt h) {
            return new Outcome(h.status(), true, null);
        } catch (HostedPanic p) {
            return new Outcome(0, false, report(p));
        } catch (StackOverflowError e) {
            return new Outcome(0, false, "panic: stack overflow");
        } catch (Throwable t) {
            return new Outcome(0, false, "panic: internal error of the hosted machine: " + t);
        }
    }

    /**
     * A machine kept across several calls on the current thread (for tests and tools that call
     * individual functions). Calls throw {@link HostedPanic} or {@link HostedHalt}; {@link #describe}
     * renders a panic as its report line. Only one session (or run) of a program may be active.
     */
    public final class Session implements AutoCloseable {
        private final BufferedOutputStream out;

        private Session(PrintStream console) {
            out = new BufferedOutputStream(console, 1 << 14);
            install(newMachine(out));
        }

        /** Calls {@code function}; returns its result (0 when it has none). */
        public long call(String function, long... args) {
            MethodHandle handle = handles.apply(function);
            if (handle == null) throw new IllegalArgumentException("no function @" + function);
            try {
                Object[] boxed = new Object[args.length];
                for (int i = 0; i < args.length; i++) boxed[i] = args[i];
                Object r = handle.invokeWithArguments(boxed);
                return r == null ? 0 : (Long) r;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }

        /** {@code panic: <message> at <file>:<line>} for a panic thrown by {@link #call}. */
        public String describe(HostedPanic p) {
            return report(p);
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (java.io.IOException e) {
                // the console is gone
            }
            install(null);
        }
    }

    public Session session(PrintStream console) {
        return new Session(console);
    }

    private HostedMachine newMachine(java.io.OutputStream out) {
        byte[] ram = new byte[DEFAULT_RAM];
        byte[] image = layout.image();
        System.arraycopy(image, 0, ram, 0, image.length);
        return new HostedMachine(ram, layout.readOnlyBytes(), DEFAULT_STACK, out);
    }

    private void install(HostedMachine machine) {
        for (Field f : machineFields) {
            try {
                f.set(null, machine);
            } catch (IllegalAccessException e) {
                throw new JvmCodegenException("cannot install the machine: " + e);
            }
        }
    }

    private String report(HostedPanic p) {
        return "panic: " + p.getMessage() + (p.loc() >= 0 ? " at " + locs.get(p.loc()) : "");
    }

    /** Where the program's globals end in the hosted address space (the heap may start there). */
    public long heapStart() {
        return layout.heapStart();
    }

    /** The hosted address of a function or global. */
    public long address(String symbol) {
        return layout.address(symbol);
    }
}
