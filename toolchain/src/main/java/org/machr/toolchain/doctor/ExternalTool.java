package org.machr.toolchain.doctor;

import java.util.List;
import java.util.Set;

/**
 * An external program or file the project uses, how to find it, and which Debian package provides it.
 *
 * @param name        what users call it, e.g. {@code llvm-mc}
 * @param kind        how it is looked up
 * @param target      the executable name searched on PATH, or the file path for {@link Kind#FILE}
 * @param versionArgs arguments that make the executable print its version
 * @param debianPackage the package {@code apt-get install} needs
 * @param purpose     one line saying what Mach_R uses it for
 * @param neededBy    the machr commands that cannot work without it
 */
public record ExternalTool(String name, Kind kind, String target, List<String> versionArgs, String debianPackage,
                           String purpose, Set<String> neededBy) {

    public enum Kind { EXECUTABLE, FILE }

    public ExternalTool {
        versionArgs = List.copyOf(versionArgs);
        neededBy = Set.copyOf(neededBy);
    }

    static ExternalTool program(String name, String pkg, String purpose, Set<String> neededBy) {
        return new ExternalTool(name, Kind.EXECUTABLE, name, List.of("--version"), pkg, purpose, neededBy);
    }

    /** Every external tool Mach_R uses, in the order {@code machr doctor} lists them. */
    public static List<ExternalTool> all() {
        Set<String> test = Set.of("test");
        return List.of(
                program("mvn", "maven", "builds the toolchain and runs the tests", Set.of("test", "build-toolchain")),
                program("gcc", "gcc", "compiles generated MIG stubs in the differential tests", test),
                program("qemu-system-aarch64", "qemu-system-arm", "boots AArch64 images", test),
                program("qemu-system-x86_64", "qemu-system-x86", "boots x86_64 images", test),
                program("llvm-mc", "llvm", "encoding oracle for both assemblers", test),
                program("ld.lld", "lld", "linking oracle for the linker", test),
                program("aarch64-linux-gnu-as", "binutils-aarch64-linux-gnu", "AArch64 assembler oracle", test),
                program("aarch64-linux-gnu-readelf", "binutils-aarch64-linux-gnu", "checks AArch64 ELF files", test),
                program("aarch64-linux-gnu-objdump", "binutils-aarch64-linux-gnu", "disassembles AArch64 code", test),
                program("x86_64-linux-gnu-as", "binutils-x86-64-linux-gnu", "x86_64 assembler oracle", test),
                program("x86_64-linux-gnu-readelf", "binutils-x86-64-linux-gnu", "checks x86_64 ELF files", test),
                program("x86_64-linux-gnu-objdump", "binutils-x86-64-linux-gnu", "disassembles x86_64 code", test),
                program("x86_64-gnu-mig", "mig-x86-64-gnu", "GNU MIG, the reference for machr mig", test),
                new ExternalTool("gnumach-dev .defs", Kind.FILE, "/usr/include/x86_64-linux-gnu/mach/mach.defs",
                        List.of(), "gnumach-dev", "GNU Mach's interface definitions (MIG test corpus)", test));
    }
}
