package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.elf.ElfObjectWriter;

/**
 * The 32-bit → long mode trampoline, assembled by us, really boots: {@code x64/qemu/boot64.s} is linked
 * to a flat multiboot image with {@code ld.lld}, run by {@code qemu-system-x86_64 -kernel}, prints on COM1
 * and leaves through isa-debug-exit with 0x10, which QEMU reports as exit status 33 (docs boot.md).
 */
class QemuBootTest {

    @Test
    void trampolineReachesLongMode(@TempDir Path tmp) throws IOException {
        ExternalTool.require("ld.lld");
        ExternalTool.require("qemu-system-x86_64");
        Path dir = Path.of("src/test/resources/x64/qemu");
        Diagnostics diagnostics = new Diagnostics();
        var object = new X64Assembler(diagnostics)
                .assemble(new SourceFile("boot64.s", Files.readString(dir.resolve("boot64.s")))).object();
        assertThat(diagnostics.renderAll()).isEmpty();
        Path o = tmp.resolve("boot64.o");
        Files.write(o, ElfObjectWriter.write(object.orElseThrow()));
        Path image = tmp.resolve("boot64.bin");
        ExternalTool.run(null, "ld.lld", "-T", dir.resolve("link.ld").toString(), "--oformat=binary", o.toString(),
                "-o", image.toString()).ok();
        ExternalTool.Result qemu = ExternalTool.run(30, "", "qemu-system-x86_64", "-kernel", image.toString(),
                "-nodefaults", "-display", "none", "-serial", "stdio", "-monitor", "none", "-no-reboot",
                "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04");
        assertThat(qemu.stdout()).isEqualTo("long mode reached\n");
        assertThat(qemu.exitCode()).as("QEMU exit status (stderr: %s)", qemu.stderr()).isEqualTo(33);
    }
}
