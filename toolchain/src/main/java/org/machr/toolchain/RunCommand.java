package org.machr.toolchain;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = "Build the default system image and boot it (QEMU, or the hosted JVM target without QEMU).")
public final class RunCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.println("machr run: Mach_R cannot build a bootable image yet.");
        System.out.println("Today the toolchain provides: machr doctor, machr test. See README.md, 'Status'.");
        return 2;
    }
}
