package org.machr.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MachrCliTest {

    private static CliRun machr(String... args) {
        return CliRun.machr(args);
    }

    /** The subcommand names listed under "Commands:" in the help text. */
    private static List<String> listedCommands(String help) {
        String section = help.substring(help.indexOf("Commands:"));
        Matcher m = Pattern.compile("(?m)^  (\\S+)\\s").matcher(section);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void helpListsExactlyTheRegisteredCommands() {
        CliRun r = machr("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: machr ");
        List<String> registered = List.copyOf(new CommandLine(new Machr()).getSubcommands().keySet());
        assertThat(listedCommands(r.out())).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(registered).containsExactlyInAnyOrder("run", "build", "check", "mig", "link", "doctor", "test", "help");
    }

    @Test
    void everyListedCommandHasItsOwnHelp() {
        for (String name : new CommandLine(new Machr()).getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            CliRun r = machr(name, "--help");
            assertThat(r.status()).as(name).isZero();
            assertThat(r.out() + r.err()).as(name).containsIgnoringCase("usage: machr " + name);
        }
    }

    @Test
    void versionNamesTheToolchainAndTheJdk() {
        CliRun r = machr("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).matches("(?s)machr \\d+\\.\\d+\\.\\d+.*\nJava \\d+.*");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        CliRun r = machr("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }

    private static boolean qemuAarch64() {
        boolean found = org.machr.toolchain.build.Qemu.find(org.machr.kd.Target.AARCH64).isPresent();
        if (!found && Boolean.getBoolean("machr.requireTools")) {
            throw new AssertionError("required tool not found: qemu-system-aarch64");
        }
        return found;
    }

    @Test
    void runWithoutAProgramRunsHello() {
        CliRun r = machr("run");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("Hello from Mach_R!\n1 + 2 + ... + 10 = 55\n");
        assertThat(r.err()).contains("no kernel yet; running samples/hello.kd");
        if (!qemuAarch64()) assertThat(r.err()).contains("running on the hosted JVM target instead");
    }

    private static final String OUT_OF_BOUNDS = """
            use rt;
            fn main() -> i32 {
                let a: [4]u32 = [1, 2, 3, 4];
                var i: usize = 2;
                rt.print_u64(a[i] as u64); rt.println("");
                i = i + 5;
                return a[i] as i32;
            }
            """;

    @Test
    void runReturnsTheProgramsStatusAndPanicReportOnJvm(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path prog = java.nio.file.Files.writeString(dir.resolve("p.kd"), OUT_OF_BOUNDS);
        CliRun r = machr("run", "--target", "jvm", prog.toString());
        assertThat(r.out()).isEqualTo("3\npanic: index out of bounds at p.kd:7\n");
        assertThat(r.status()).isEqualTo(101);
    }

    @Test
    void runBootsTheProgramOnAarch64WithTheSameOutcome(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(qemuAarch64(), "qemu-system-aarch64 not installed");
        java.nio.file.Path prog = java.nio.file.Files.writeString(dir.resolve("p.kd"), OUT_OF_BOUNDS);
        CliRun r = machr("run", "--target", "aarch64", prog.toString());
        assertThat(r.out()).isEqualTo("3\npanic: index out of bounds at p.kd:7\n");
        assertThat(r.status()).isEqualTo(101);
    }

    @Test
    void runBootsTheProgramOnX86_64WithTheSameOutcome(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        boolean found = org.machr.toolchain.build.Qemu.find(org.machr.kd.Target.X86_64).isPresent();
        if (!found && Boolean.getBoolean("machr.requireTools")) throw new AssertionError("qemu-system-x86_64 missing");
        org.junit.jupiter.api.Assumptions.assumeTrue(found, "qemu-system-x86_64 not installed");
        java.nio.file.Path prog = java.nio.file.Files.writeString(dir.resolve("p.kd"), OUT_OF_BOUNDS);
        CliRun r = machr("run", "--target", "x86_64", prog.toString());
        assertThat(r.out()).isEqualTo("3\npanic: index out of bounds at p.kd:7\n");
        assertThat(r.status()).isEqualTo(101);
        CliRun hello = machr("run", "--target", "x86_64", ProjectRoot.find().resolve("samples/hello.kd").toString());
        assertThat(hello.status()).as(hello.err()).isZero();
        assertThat(hello.out()).isEqualTo("Hello from Mach_R!\n1 + 2 + ... + 10 = 55\n");
    }

    @Test
    void buildWritesAnAarch64ImageWithListingAndMap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path prog = java.nio.file.Files.writeString(dir.resolve("p.kd"), OUT_OF_BOUNDS);
        java.nio.file.Path elf = dir.resolve("p.elf"), asm = dir.resolve("p.s"), map = dir.resolve("p.map");
        CliRun r = machr("build", "--target", "aarch64", "-o", elf.toString(), "--emit-asm", asm.toString(),
                "--map", map.toString(), prog.toString());
        assertThat(r.status()).as(r.err()).isZero();
        byte[] bytes = java.nio.file.Files.readAllBytes(elf);
        assertThat(java.util.Arrays.copyOf(bytes, 4)).containsExactly(0x7f, 'E', 'L', 'F');
        assertThat(bytes[18] & 0xff | (bytes[19] & 0xff) << 8).as("e_machine").isEqualTo(183);
        assertThat(asm).content().contains("p.main:");
        assertThat(map).content().contains("_start");
    }

    @Test
    void buildRejectsAnUnknownTargetAndReportsSourceErrors(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        assertThat(machr("build", "--target", "sparc", "x.kd").err()).contains("unknown target 'sparc'");
        java.nio.file.Path bad = dir.resolve("bad.kd");
        java.nio.file.Files.writeString(bad, "fn main() -> i32 { return 1 fn }\n");
        CliRun r = machr("build", "--target", "jvm", bad.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("bad.kd:1:29: error[KD0010]: expected ';', found 'fn'");
    }

    @Test
    void migTakesGnuMigFlagsUnchanged(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path defs = dir.resolve("t.defs");
        java.nio.file.Files.writeString(defs, """
                subsystem t 4000;
                type int32 = MACH_MSG_TYPE_INTEGER_32;
                type mach_port_t = MACH_MSG_TYPE_COPY_SEND;
                routine add(server : mach_port_t; a : int32; out b : int32);
                skip 2;
                simpleroutine poke(server : mach_port_t; v : int32);
                """);
        java.nio.file.Path list = dir.resolve("t.list");
        CliRun r = machr("mig", "-n", "-list", list.toString(), defs.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(java.nio.file.Files.readString(list)).isEqualTo("t 4000 add 0 4000 4100\nt 4000 poke 3 4003 0\n");
    }
}
