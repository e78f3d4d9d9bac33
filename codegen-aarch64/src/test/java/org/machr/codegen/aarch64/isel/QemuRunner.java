package org.machr.codegen.aarch64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.machr.codegen.aarch64.ExternalToolAccess;
import org.machr.codegen.aarch64.asm.A64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.ir.IrProgram;
import org.machr.link.Arch;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.ObjectFile;
import org.machr.link.image.ImageWriter;

/**
 * Runs a compiled IR program on {@code qemu-system-aarch64 -M virt}: a boot stub (assembled by our own
 * assembler) sets the stack, calls {@code main} and exits through semihosting with main's result as the
 * status (boot.md). Returns the exit status, or empty on a timeout (a trap or a hang).
 */
final class QemuRunner {

    private QemuRunner() {}

    static final String BOOT = """
            	.section .text.boot, "ax"
            	.global _start
            _start:
            	adrp	x0, __stack_top
            	add	x0, x0, :lo12:__stack_top
            	mov	sp, x0
            	bl	main
            	adrp	x1, exit_block
            	add	x1, x1, :lo12:exit_block
            	movz	x2, #0x26
            	movk	x2, #0x2, lsl #16
            	str	x2, [x1]
            	and	x0, x0, #0xff
            	str	x0, [x1, #8]
            	mov	w0, #0x18
            	hlt	#0xf000
            1:	b	1b
            	.bss
            	.balign	16
            exit_block:
            	.skip	16
            """;

    static Optional<Integer> run(IrProgram program) throws Exception {
        Path qemu = ExternalToolAccess.require("qemu-system-aarch64");
        Diagnostics diags = new Diagnostics();
        ObjectFile boot = A64Assembler.assemble(new SourceFile("boot.s", BOOT), diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
        ObjectFile code = A64CodeGen.compile(program, "program.o", diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
        LinkedImage image = Linker.link(List.of(boot, code), LinkOptions.defaults(Arch.AARCH64), diags)
                .orElseThrow(() -> new AssertionError(diags.renderAll()));
        byte[] elf = ImageWriter.forArch(Arch.AARCH64).write(image, diags).orElseThrow(() -> new AssertionError(diags.renderAll()));
        assertThat(diags.all()).isEmpty();
        Path file = Files.createTempFile("machr-a64", ".elf");
        Files.write(file, elf);
        Process p = new ProcessBuilder(org.machr.codegen.common.QemuCommand.AARCH64.command(qemu.toString(), file, false))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) return Optional.empty();
            return Optional.of(p.exitValue());
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(file);
        }
    }
}
