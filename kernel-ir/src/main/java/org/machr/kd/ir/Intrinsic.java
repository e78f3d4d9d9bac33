package org.machr.kd.ir;

import java.util.List;
import java.util.Optional;

/**
 * Machine operations a backend implements directly. Memory-model operations (volatile access,
 * atomics, fences) are instructions, not intrinsics. Intrinsics whose {@link #target()} is not
 * {@code null} exist only on that target; a backend rejects the others.
 */
public enum Intrinsic {
    /** Write one byte to the hosted console. */
    JVM_PUTC("jvm.putc", "jvm", null, IrType.I8),
    /** Stop the hosted machine with an exit status; does not return. */
    JVM_HALT("jvm.halt", "jvm", null, IrType.I32),
    /** Trap into the debugger / stop: a breakpoint instruction on hardware. */
    TRAP("trap", null, null),
    /** Write a system register (named by the call's {@code systemRegister}): {@code msr REG, x}. */
    AARCH64_MSR("aarch64.msr", "aarch64", null, IrType.I64),
    /** Read a system register (named by the call's {@code systemRegister}): {@code mrs x, REG}. */
    AARCH64_MRS("aarch64.mrs", "aarch64", IrType.I64),
    AARCH64_WFI("aarch64.wfi", "aarch64", null),
    AARCH64_ISB("aarch64.isb", "aarch64", null),
    AARCH64_DSB_SY("aarch64.dsb_sy", "aarch64", null),
    /** Exception return; does not come back. */
    AARCH64_ERET("aarch64.eret", "aarch64", null),
    /** {@code wrmsr}: MSR number, 64-bit value (split into edx:eax). */
    X86_64_WRMSR("x86_64.wrmsr", "x86_64", null, IrType.I32, IrType.I64),
    X86_64_RDMSR("x86_64.rdmsr", "x86_64", IrType.I64, IrType.I32),
    /** Port output: port, value of the access width. */
    X86_64_OUTB("x86_64.outb", "x86_64", null, IrType.I16, IrType.I8),
    X86_64_OUTW("x86_64.outw", "x86_64", null, IrType.I16, IrType.I16),
    X86_64_OUTL("x86_64.outl", "x86_64", null, IrType.I16, IrType.I32),
    /** Port input: port; the result has the access width. */
    X86_64_INB("x86_64.inb", "x86_64", IrType.I8, IrType.I16),
    X86_64_INW("x86_64.inw", "x86_64", IrType.I16, IrType.I16),
    X86_64_INL("x86_64.inl", "x86_64", IrType.I32, IrType.I16),
    X86_64_HLT("x86_64.hlt", "x86_64", null),
    X86_64_CLI("x86_64.cli", "x86_64", null),
    X86_64_STI("x86_64.sti", "x86_64", null);

    private final String text;
    private final String target;
    private final IrType result;
    private final List<IrType> params;

    Intrinsic(String text, String target, IrType result, IrType... params) {
        this.text = text;
        this.target = target;
        this.result = result;
        this.params = List.of(params);
    }

    /** The name as written after {@code @} in source and in the printed IR. */
    public String text() {
        return text;
    }

    /** The only target that has it, or {@code null} when every target does. */
    public String target() {
        return target;
    }

    /** The result type, or {@code null} for none. */
    public IrType result() {
        return result;
    }

    public List<IrType> params() {
        return params;
    }

    /** Whether control never comes back from it. */
    public boolean noReturn() {
        return this == JVM_HALT || this == TRAP || this == AARCH64_ERET;
    }

    /** Whether the call names a system register ({@link Insn.IntrinsicCall#systemRegister()}). */
    public boolean takesSystemRegister() {
        return this == AARCH64_MSR || this == AARCH64_MRS;
    }

    public static Optional<Intrinsic> byName(String name) {
        for (Intrinsic i : values()) if (i.text.equals(name)) return Optional.of(i);
        return Optional.empty();
    }
}
