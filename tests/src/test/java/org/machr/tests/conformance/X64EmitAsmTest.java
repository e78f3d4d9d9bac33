package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectReader;

/**
 * {@code --emit-asm} on x86_64: the listing of every conformance program, assembled by
 * {@code llvm-mc -triple=x86_64} and linked in place of our object, gives exactly the same image bytes.
 */
class X64EmitAsmTest {

    /** {@code -Dmachr.x64.emitAsmAll=true}: every program instead of the first twelve. */
    static final boolean EVERY = Boolean.getBoolean("machr.x64.emitAsmAll");

    /** The end of the loaded part of an ELF image: the largest p_offset + p_filesz (the symbol table follows). */
    static int loadedBytes(byte[] elf) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phnum = b.getShort(0x38) & 0xffff;
        long end = 0;
        for (int i = 0; i < phnum; i++) {
            int at = (int) (phoff + 56L * i);
            long filesz = b.getLong(at + 32);
            if (filesz > 0) end = Math.max(end, b.getLong(at + 8) + filesz);
        }
        return Math.toIntExact(Math.min(end, elf.length));
    }

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> listingReassemblesToTheImage() throws Exception {
        Path root = ConformanceTest.root();
        List<Path> roots = List.of(root.resolve("tests/conformance"), root.resolve("runtime"));
        return ConformanceTest.programs().stream().limit(EVERY ? Long.MAX_VALUE : 12).map(program -> DynamicTest.dynamicTest(program.getFileName().toString(), () -> {
            assumeTrue(ToolLookup.missing("llvm-mc").isEmpty(), "llvm-mc not found on PATH");
            Diagnostics d = new Diagnostics();
            IrProgram ir = KdCompiler.compile(roots, program, org.machr.kd.Target.X86_64, d).orElseThrow(() -> new AssertionError(d.renderAll()));
            PassPipeline.standard().run(ir);
            X64Build.Image image = X64Build.buildImage(ir, roots.get(1), d).orElseThrow(() -> new AssertionError(d.renderAll()));
            String name = program.getFileName().toString().replace(".kd", "");
            Path s = dir.resolve(name + ".s");
            if (Boolean.getBoolean("machr.x64.keep")) {
                Files.createDirectories(Path.of("target/x64-emit-asm"));
                Files.writeString(Path.of("target/x64-emit-asm", name + ".s"), image.listing());
                Files.write(Path.of("target/x64-emit-asm", name + ".img"), image.image());
            }
            Path o = dir.resolve(name + ".o");
            Files.writeString(s, image.listing());
            Process p = new ProcessBuilder("llvm-mc", "-triple=x86_64", "-filetype=obj", "-o", o.toString(), s.toString())
                    .redirectErrorStream(true).start();
            String messages = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as("llvm-mc on the listing: %s", messages).isZero();
            ObjectFile theirs = ElfObjectReader.read(o, d).orElseThrow(() -> new AssertionError(d.renderAll()));
            assertThat(theirs.section(".text").orElseThrow().size()).isEqualTo(image.programObject().section(".text").orElseThrow().size());
            Optional<byte[]> relinked = X64Build.linkImage(theirs, roots.get(1), d);
            assertThat(relinked).as(d.renderAll()).isPresent();
            int loaded = loadedBytes(image.image());
            assertThat(loadedBytes(relinked.get())).isEqualTo(loaded);
            assertThat(java.util.Arrays.mismatch(relinked.get(), 0, loaded, image.image(), 0, loaded))
                    .as("first differing byte of the loaded image (file offset)").isEqualTo(-1);
        }));
    }
}
