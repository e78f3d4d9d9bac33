package org.machr.codegen.common;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one QEMU command line that boots a Mach_R image (design/boot.md), used by {@code machr run}, the
 * tests and the benchmarks: the machine of the target, headless, console on stdio, no monitor, no reboot.
 */
public enum QemuCommand {
    /** {@code virt} with a Cortex-A72; the program's status leaves through semihosting SYS_EXIT. */
    AARCH64("qemu-system-aarch64", List.of("-M", "virt", "-cpu", "cortex-a72", "-m", "128M", "-semihosting")),
    /** A PC with the isa-debug-exit device at port 0xf4, through which the program's status leaves. */
    X86_64("qemu-system-x86_64", List.of("-M", "pc", "-m", "128M", "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"));

    /** Guest time advances one nanosecond per instruction: instruction counts are exact and repeatable. */
    public static final List<String> ICOUNT = List.of("-icount", "shift=0,align=off,sleep=off");

    private final String executable;
    private final List<String> machine;

    QemuCommand(String executable, List<String> machine) {
        this.executable = executable;
        this.machine = machine;
    }

    /** The binary's name, looked up on PATH by callers. */
    public String executable() {
        return executable;
    }

    /** The command that boots {@code image} with {@code qemu} (a path to the binary, or its name). */
    public List<String> command(String qemu, Path image, boolean icount) {
        List<String> cmd = new ArrayList<>();
        cmd.add(qemu);
        cmd.addAll(machine);
        if (icount) cmd.addAll(ICOUNT);
        cmd.addAll(List.of("-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                "-kernel", image.toString()));
        return cmd;
    }
}
