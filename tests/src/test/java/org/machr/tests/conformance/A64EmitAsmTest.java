package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.machr.codegen.aarch64.A64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;
import org.machr.link.LinkedImage;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectReader;

/**
 * The {@code --emit-asm} listing of {@link A64Build} is real assembler source: llvm-mc assembles it to
 * an object that, linked with the same runtime objects, gives exactly the bytes of our image's
 * .text, .rodata and .data.
 */
class A64EmitAsmTest {

    @ParameterizedTest
    @ValueSource(strings = {"atomics.kd", "many_params.kd", "div_by_zero.kd", "globals_data_bss.kd", "fn_pointers.kd",
            "strings.kd", "handler_table.kd", "struct_pass_return.kd"})
    void listingReassemblesToTheImageBytes(String name) throws Exception {
        Path llvmMc = tool("llvm-mc");
        Path root = ConformanceTest.root();
        Path program = root.resolve("tests/conformance").resolve(name);
        Diagnostics diags = new Diagnostics();
        IrProgram ir = KdCompiler.compile(List.of(root.resolve("tests/conformance"), root.resolve("runtime")), program,
                org.machr.kd.Target.AARCH64, diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
        PassPipeline.standard().run(ir);
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        Path map = Files.createTempFile("machr-emit", ".map");
        try {
            Optional<byte[]> image = A64Build.buildImage(ir, root, diags,
                    new A64Build.Options(new PrintStream(listing, true, StandardCharsets.UTF_8), map, java.util.List.of(), java.util.Set.of(), null));
            assertThat(image).as(diags.renderAll()).isPresent();
            assertThat(Files.readString(map)).contains("_kd_start").contains("rt.panic_at");
        } finally {
            Files.deleteIfExists(map);
        }
        String asm = listing.toString(StandardCharsets.UTF_8);
        assertThat(asm).contains("\t.globl _kd_start");

        List<ObjectFile> runtime = A64Build.runtimeObjects(root, diags).orElseThrow();
        Path s = Files.createTempFile("machr-emit", ".s");
        Path o = Files.createTempFile("machr-emit", ".o");
        try {
            Files.writeString(s, asm);
            Process p = new ProcessBuilder(llvmMc.toString(), "-triple=aarch64", "-filetype=obj", "-o", o.toString(), s.toString())
                    .redirectErrorStream(true).start();
            String errors = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(errors).isZero();
            ObjectFile theirs = ElfObjectReader.read(o, diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
            ObjectFile ours = org.machr.codegen.aarch64.isel.A64CodeGen.compile(ir, "program.o", diags).orElseThrow();
            LinkedImage a = link(runtime, ours, diags);
            LinkedImage b = link(runtime, theirs, diags);
            for (String section : List.of(".text", ".rodata", ".data")) {
                assertThat(bytes(b, section)).as(section + " of " + name).isEqualTo(bytes(a, section));
            }
            assertThat(bytes(a, ".text")).hasSizeGreaterThan(1000);
        } finally {
            Files.deleteIfExists(s);
            Files.deleteIfExists(o);
        }
    }

    private static LinkedImage link(List<ObjectFile> runtime, ObjectFile program, Diagnostics diags) {
        List<ObjectFile> all = new ArrayList<>(runtime);
        all.add(program);
        return A64Build.link(all, diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
    }

    private static byte[] bytes(LinkedImage image, String section) {
        return image.sections().stream().filter(s -> s.name().equals(section)).findFirst()
                .map(LinkedImage.OutputSection::bytes).orElse(new byte[0]);
    }

    private static Path tool(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        if (Boolean.getBoolean("machr.requireTools")) fail("required tool not found: " + name);
        Assumptions.abort(name + " not installed");
        return null;
    }
}
