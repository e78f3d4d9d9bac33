package org.machr.codegen.jvm;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The simulated machine generated code runs on: one flat, little-endian, 64-bit address space in
 * which RAM is a byte array at {@link #RAM_BASE}, plus a console device. Memory holds read-only data,
 * data, bss, a heap and the stack (growing down from the top of RAM), exactly as on the native
 * targets, so pointer arithmetic in unsafe code behaves as on hardware. Addresses below
 * {@link #RAM_BASE} are unmapped (function addresses live there, in a code region that cannot be
 * read or written). The machine has one CPU, so atomics are plain accesses.
 */
public final class HostedMachine {
    /** Where RAM starts (as on QEMU's aarch64 {@code virt} board). */
    public static final long RAM_BASE = 0x4000_0000L;
    /** Where function addresses start: function {@code i} is at {@code CODE_BASE + 16 * i}. */
    public static final long CODE_BASE = 0x0010_0000L;
    public static final int CODE_ALIGN = 16;
    /** Stack charged per call, like a return address and frame pointer on hardware. */
    public static final long MIN_FRAME = 16;

    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] ram;
    private final long writableStart;
    private final long stackLimit;
    private final OutputStream console;
    /** The stack pointer (an address in RAM). */
    private long sp;

    /**
     * @param ram the whole RAM, already holding the program image at its start
     * @param readOnlyBytes how many bytes at the start of RAM are read-only (rodata)
     * @param stackSize bytes reserved for the stack at the top of RAM
     */
    public HostedMachine(byte[] ram, long readOnlyBytes, long stackSize, OutputStream console) {
        this.ram = ram;
        this.writableStart = readOnlyBytes;
        this.sp = RAM_BASE + ram.length;
        this.stackLimit = RAM_BASE + ram.length - stackSize;
        this.console = console;
    }

    // ---- memory ----

    private int readIndex(long address, int size, int loc) {
        long off = address - RAM_BASE;
        if (off < 0 || off > ram.length - size) throw fault(address, loc);
        return (int) off;
    }

    private int writeIndex(long address, int size, int loc) {
        long off = address - RAM_BASE;
        if (off < writableStart || off > ram.length - size) {
            if (off >= 0 && off < writableStart) throw new HostedPanic("write to read-only memory at " + hex(address), loc);
            throw fault(address, loc);
        }
        return (int) off;
    }

    private static HostedPanic fault(long address, int loc) {
        return new HostedPanic("memory fault at " + hex(address), loc);
    }

    static String hex(long v) {
        return String.format("0x%016x", v);
    }

    /** Loads sign-extend from the memory width; the generated code masks for zero extension. */
    public long load8(long address, int loc) {
        return ram[readIndex(address, 1, loc)];
    }

    public long load16(long address, int loc) {
        return (short) I16.get(ram, readIndex(address, 2, loc));
    }

    public long load32(long address, int loc) {
        return (int) I32.get(ram, readIndex(address, 4, loc));
    }

    public long load64(long address, int loc) {
        return (long) I64.get(ram, readIndex(address, 8, loc));
    }

    public void store8(long address, long value, int loc) {
        ram[writeIndex(address, 1, loc)] = (byte) value;
    }

    public void store16(long address, long value, int loc) {
        I16.set(ram, writeIndex(address, 2, loc), (short) value);
    }

    public void store32(long address, long value, int loc) {
        I32.set(ram, writeIndex(address, 4, loc), (int) value);
    }

    public void store64(long address, long value, int loc) {
        I64.set(ram, writeIndex(address, 8, loc), value);
    }

    /** A load of {@code size} bytes, sign-extended. */
    public long load(int size, long address, int loc) {
        return switch (size) {
            case 1 -> load8(address, loc);
            case 2 -> load16(address, loc);
            case 4 -> load32(address, loc);
            default -> load64(address, loc);
        };
    }

    public void store(int size, long address, long value, int loc) {
        switch (size) {
            case 1 -> store8(address, value, loc);
            case 2 -> store16(address, value, loc);
            case 4 -> store32(address, value, loc);
            default -> store64(address, value, loc);
        }
    }

    /** Atomics must be naturally aligned, as on hardware. */
    public void checkAtomic(int size, long address, int loc) {
        if ((address & (size - 1)) != 0) throw new HostedPanic("misaligned atomic access at " + hex(address), loc);
    }

    // ---- stack ----

    /** Allocates a frame of {@code size} bytes (16-aligned) on entry to a function; returns its base. */
    public long enter(long size, int loc) {
        long next = sp - size;
        if (next < stackLimit) throw new HostedPanic("stack overflow", loc);
        sp = next;
        return next;
    }

    public void leave(long size) {
        sp += size;
    }

    public long stackPointer() {
        return sp;
    }

    // ---- results after the first (a slice's length): passed beside the JVM return value ----

    private final long[] extraResults = new long[8];

    public void setResult(int index, long value) {
        extraResults[index] = value;
    }

    public long result(int index) {
        return extraResults[index];
    }

    // ---- devices ----

    public void putc(long b) {
        try {
            console.write((int) b & 0xff);
        } catch (IOException e) {
            throw new HostedPanic("console write failed: " + e.getMessage(), -1);
        }
    }

    public void halt(long status) {
        throw new HostedHalt((int) status);
    }

    public void trap(int loc) {
        throw new HostedPanic("trap", loc);
    }

    // ---- arithmetic helpers (the semantics of org.machr.kd.ir.IrSemantics) ----

    public static long sdiv(long a, long b, int loc) {
        if (b == 0) throw new HostedPanic("division by zero", loc);
        return b == -1 ? -a : a / b;
    }

    public static long srem(long a, long b, int loc) {
        if (b == 0) throw new HostedPanic("division by zero", loc);
        return b == -1 ? 0 : a % b;
    }

    public static long udiv(long a, long b, int loc) {
        if (b == 0) throw new HostedPanic("division by zero", loc);
        return Long.divideUnsigned(a, b);
    }

    public static long urem(long a, long b, int loc) {
        if (b == 0) throw new HostedPanic("division by zero", loc);
        return Long.remainderUnsigned(a, b);
    }

    public static HostedPanic badFunctionPointer(long target, int loc) {
        return new HostedPanic("call through invalid function pointer " + hex(target), loc);
    }

    public static HostedPanic unreachable(int loc) {
        return new HostedPanic("reached unreachable code", loc);
    }

    public static HostedPanic missingExtern(String symbol, int loc) {
        return new HostedPanic("extern function " + symbol + " is not available on the jvm target", loc);
    }
}
