package org.machr.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.aarch64.asm.A64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.Target;
import org.machr.link.elf.ElfObjectWriter;
import org.machr.toolchain.build.Qemu;

/** {@code machr build/run} options of the native targets: --with, --map, --dump=isel,regalloc. */
class BuildOptionsTest {

    private static CliRun machr(String... args) {
        return CliRun.machr(args);
    }

    private static final String CALLS_EXTRA = """
            use rt;
            extern fn extra_value(x: u64) -> u64;
            fn main() -> i32 {
                unsafe { rt.print_u64(extra_value(40)); }
                rt.println("");
                return 3;
            }
            """;

    private static final String A64_EXTRA = """
                .text
                .globl extra_value
            extra_value:
                add x0, x0, #2
                ret
            """;

    private static final String X64_EXTRA = """
                .text
                .globl extra_value
            extra_value:
                leaq 2(%rdi), %rax
                retq
            """;

    private static void requireQemu(Target t) {
        boolean found = Qemu.find(t).isPresent();
        if (!found && Boolean.getBoolean("machr.requireTools")) throw new AssertionError(Qemu.executable(t) + " missing");
        Assumptions.assumeTrue(found, Qemu.executable(t) + " not installed");
    }

    @Test
    void withLinksAnAssemblySourceIntoTheAarch64Image(@TempDir Path dir) throws IOException {
        requireQemu(Target.AARCH64);
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        Path extra = Files.writeString(dir.resolve("extra.s"), A64_EXTRA);
        CliRun r = machr("run", "--target", "aarch64", "--with", extra.toString(), prog.toString());
        assertThat(r.err()).doesNotContain("error");
        assertThat(r.out()).isEqualTo("42\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void withLinksAnAssemblySourceIntoTheX86_64Image(@TempDir Path dir) throws IOException {
        requireQemu(Target.X86_64);
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        Path extra = Files.writeString(dir.resolve("extra.s"), X64_EXTRA);
        CliRun r = machr("run", "--target", "x86_64", "--with", extra.toString(), prog.toString());
        assertThat(r.out()).isEqualTo("42\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void withLinksAnElfObjectAndRejectsOneOfTheOtherArchitecture(@TempDir Path dir) throws IOException {
        Diagnostics d = new Diagnostics();
        var object = A64Assembler.assemble(new SourceFile("extra.s", A64_EXTRA), d).orElseThrow();
        Path o = Files.write(dir.resolve("extra.o"), ElfObjectWriter.write(object));
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        Path map = dir.resolve("p.map");
        CliRun ok = machr("build", "--target", "aarch64", "--with", o.toString(), "--map", map.toString(),
                "-o", dir.resolve("p.elf").toString(), prog.toString());
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(map).content().contains("extra_value").contains("p.main");

        CliRun wrong = machr("build", "--target", "x86_64", "--with", o.toString(), "-o", dir.resolve("q.elf").toString(), prog.toString());
        assertThat(wrong.status()).isEqualTo(1);
        assertThat(wrong.err()).contains("error[LNK0010]: " + o + ": an object for aarch64, but the target is x86_64");
    }

    @Test
    void withReportsAnUndefinedSymbolWhenTheFileIsMissingTheDefinition(@TempDir Path dir) throws IOException {
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        CliRun r = machr("build", "--target", "x86_64", "-o", dir.resolve("p.elf").toString(), prog.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("error[LNK0011]: undefined symbol 'extra_value'");
    }

    @Test
    void x86_64WritesAMapFile(@TempDir Path dir) throws IOException {
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        Path extra = Files.writeString(dir.resolve("extra.s"), X64_EXTRA);
        Path map = dir.resolve("p.map");
        CliRun r = machr("build", "--target", "x86_64", "--with", extra.toString(), "--map", map.toString(),
                "-o", dir.resolve("p.elf").toString(), prog.toString());
        assertThat(r.status()).as(r.err()).isZero();
        String text = Files.readString(map);
        assertThat(text).startsWith("Entry point: 0000000000100").contains(".text").contains("_start").contains("p.main")
                .contains("extra_value");
    }

    @Test
    void iselAndRegallocDumpsShowVirtualRegistersAndTheirHomes(@TempDir Path dir) throws IOException {
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        Path extra = Files.writeString(dir.resolve("extra.s"), A64_EXTRA);
        CliRun a = machr("build", "--target", "aarch64", "--with", extra.toString(), "--dump=isel,regalloc",
                "-o", dir.resolve("p.elf").toString(), prog.toString());
        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.out()).contains("; isel p.main\nb0:\n").contains("; regalloc p.main\n")
                .containsPattern("use v\\d+@x0, def v\\d+@x0, clobbers \\d+ +bl\\s+extra_value")
                .containsPattern("v\\d+ -> x\\d+");
        Path x64extra = Files.writeString(dir.resolve("x.s"), X64_EXTRA);
        CliRun x = machr("build", "--target", "x86_64", "--with", x64extra.toString(), "--dump=isel",
                "-o", dir.resolve("q.elf").toString(), prog.toString());
        assertThat(x.status()).as(x.err()).isZero();
        assertThat(x.out()).contains("; isel p.main\nb0:\n").containsPattern("callq\textra_value");
    }

    @Test
    void runBootsABuiltImageAndCountsInstructionsWithIcount(@TempDir Path dir) throws IOException {
        requireQemu(Target.X86_64);
        Path prog = Files.writeString(dir.resolve("p.kd"), """
                use rt;
                extern fn counter() -> u64;
                fn main() -> i32 {
                    var a: u64 = 0;
                    var b: u64 = 0;
                    unsafe { a = counter(); b = counter(); }
                    rt.print_u64(b - a);
                    rt.println("");
                    return 0;
                }
                """);
        // rdtsc; shl; or; ret = 4 instructions from one read to the next, plus the call (1) and the
        // result moves between the two calls, which the backend may shape freely: bounded, and exact.
        Path counter = Files.writeString(dir.resolve("c.s"), """
                    .text
                    .globl counter
                counter:
                    rdtsc
                    shlq $32, %rdx
                    orq %rdx, %rax
                    retq
                """);
        Path elf = dir.resolve("p.elf");
        assertThat(machr("build", "--target", "x86_64", "--with", counter.toString(), "-o", elf.toString(), prog.toString()).status()).isZero();
        CliRun first = machr("run", "--target", "x86_64", "--icount", "--image", elf.toString());
        CliRun second = machr("run", "--target", "x86_64", "--icount", "--image", elf.toString());
        assertThat(first.status()).as(first.err()).isZero();
        long delta = Long.parseLong(first.out().strip());
        assertThat(delta).isBetween(5L, 20L);
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(machr("run", "--target", "jvm", "--image", elf.toString()).err()).contains("--image needs --target aarch64 or x86_64");
    }

    @Test
    void nativeOnlyOptionsAreRejectedForTheJvmTarget(@TempDir Path dir) throws IOException {
        Path prog = Files.writeString(dir.resolve("p.kd"), CALLS_EXTRA);
        CliRun r = machr("build", "--target", "jvm", "--dump=isel", prog.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("error: --dump=isel applies to the native targets (aarch64, x86_64), not jvm");
        CliRun unknown = machr("build", "--target", "aarch64", "--dump=sched", prog.toString());
        assertThat(unknown.err()).contains("unknown --dump 'sched'; expected "
                + String.join(", ", org.machr.kd.ir.pass.PassPipeline.DUMP_NAMES) + ", isel, regalloc\n");
    }
}
