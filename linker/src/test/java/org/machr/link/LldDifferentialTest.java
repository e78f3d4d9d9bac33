package org.machr.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.machr.diag.Diagnostics;

/**
 * Links the same llvm-mc objects with our linker and with ld.lld (given a linker script equivalent to our
 * layout rules) and compares section addresses, section bytes and symbol addresses.
 */
class LldDifferentialTest {

    static final String A64_START = """
            .section .text.boot,"ax"
            .globl _start
            _start:
              adrp x0, __stack_top
              add x0, x0, :lo12:__stack_top
              mov sp, x0
              bl main
              b _start
              b.ne far_label
              cbz x0, far_label
              tbz x1, #3, far_label
              ldr x2, lit_global
              adr x3, table
              adrp x4, table
              add x4, x4, :lo12:table
              ldrb w5, [x4, :lo12:bytev]
              ldrh w5, [x4, :lo12:halfv]
              ldr w5, [x4, :lo12:wordv]
              ldr x5, [x4, :lo12:table]
              ldr q5, [x4, :lo12:quadv]
              adrp x6, buffer + 0x40
              b local_helper
              .weak missing
              bl missing
              b.eq missing
              adrp x7, missing
              add x7, x7, :lo12:missing
              adr x8, missing
            .text
            .globl far_label
            far_label: ret
            local_helper:
              adr x7, message + 3
              ret
            .data
            .balign 8
            .quad __bss_end, __image_end, missing
            .word missing - .
            """;

    static final String A64_MAIN = """
            .text
            .globl main
            .type main, %function
            main:
              adrp x0, message
              add x0, x0, :lo12:message
              ret
            .size main, . - main
            .section .rodata
            .globl message
            message: .asciz "hello"
            .balign 8
            .globl lit_global
            lit_global: .quad 7
            .data
            .balign 16
            .globl table, bytev, halfv, wordv, quadv
            table: .quad main, message, __bss_start
              .word main, message - .
              .quad table - .
            bytev: .byte 1
            .balign 2
            halfv: .hword 2
            .balign 4
            wordv: .word 3
            .balign 16
            quadv: .quad 4, 5
            .bss
            .globl buffer
            .balign 64
            buffer: .space 200
            """;

    static final String X64_START = """
            .section .text.boot,"ax"
            .globl _start
            _start:
              movq $__stack_top, %rsp
              movl $message, %esi
              call main
              leaq table(%rip), %rax
              movabsq $buffer, %rax
              movq buffer+8(%rip), %rbx
              jmp _start
            .data
            .quad main - .
            .long message - .
            .quad __bss_end
            """;

    static final String X64_MAIN = """
            .text
            .globl main
            .type main, @function
            main:
              leaq message(%rip), %rax
              ret
            .size main, . - main
            .section .rodata
            .globl message
            message: .asciz "hello"
            .data
            .balign 16
            .globl table
            table: .quad main, message
            .bss
            .globl buffer
            .balign 32
            buffer: .space 100
            """;

    static String lldScript(long base, long stack) {
        return lldScript(base, stack, 1);
    }

    static String lldScript(long base, long stack, long align) {
        return """
                SECTIONS {
                  . = 0x%1$x;
                  .text : ALIGN(%3$d) { *(.text.multiboot) *(.text.boot .text.boot.*) *(.text .text.*) }
                  .rodata : ALIGN(%3$d) { *(.rodata .rodata.*) }
                  .data : ALIGN(%3$d) { *(.data .data.*) }
                  .bss : ALIGN(%3$d) { __bss_start = .; *(.bss .bss.*) __bss_end = .; }
                  . = ALIGN(MAX(16, %3$d));
                  __stack_bottom = .;
                  . += 0x%2$x;
                  __stack_top = .;
                  __image_end = .;
                }
                """.formatted(base, stack, align);
    }

    @Test
    void aarch64MatchesLld(@TempDir Path dir) throws Exception {
        compare(dir, Arch.AARCH64, LinkTestSupport.assemble(dir, Arch.AARCH64, A64_START, A64_MAIN));
    }

    @Test
    void pageAlignedSectionsMatchLld(@TempDir Path dir) throws Exception {
        compare(dir, Arch.AARCH64, LinkTestSupport.assemble(dir, Arch.AARCH64, A64_START, A64_MAIN), 4096);
    }

    @Test
    void x86_64MatchesLld(@TempDir Path dir) throws Exception {
        compare(dir, Arch.X86_64, LinkTestSupport.assemble(dir, Arch.X86_64, X64_START, X64_MAIN));
    }

    /** GNU as refers to local labels through section symbols plus addends; the result must not change. */
    @Test
    void gnuAsObjectsMatchLld(@TempDir Path dir) throws Exception {
        for (Arch arch : Arch.values()) {
            Path sub = Files.createDirectories(dir.resolve(arch.cliName()));
            String[] sources = arch == Arch.AARCH64 ? new String[] {A64_START, A64_MAIN} : new String[] {X64_START, X64_MAIN};
            compare(sub, arch, List.of(ExternalTool.gnuAs(sub, arch, "g0", sources[0]), ExternalTool.gnuAs(sub, arch, "g1", sources[1])));
        }
    }

    private static void compare(Path dir, Arch arch, List<Path> objects) throws Exception {
        compare(dir, arch, objects, 1);
    }

    private static void compare(Path dir, Arch arch, List<Path> objects, long align) throws Exception {
        LinkOptions options = LinkOptions.defaults(arch).withSectionAlignment(align);
        Diagnostics d = new Diagnostics();
        LinkedImage ours = Linker.link(LinkTestSupport.read(objects), options, d)
                .orElseThrow(() -> new AssertionError(d.renderAll()));

        Path script = dir.resolve("link.ld");
        Files.writeString(script, lldScript(options.baseAddress(), options.stackSize(), align));
        Path lldOut = dir.resolve("lld.elf");
        List<String> cmd = new ArrayList<>(List.of("ld.lld", "-static", "--no-relax", "-e", "_start", "-T", script.toString(),
                "-o", lldOut.toString()));
        objects.forEach(p -> cmd.add(p.toString()));
        ExternalTool.run(cmd.toArray(String[]::new)).ok();

        String readelf = ExternalTool.run(ExternalTool.prefix(arch) + "readelf", "-SsW", lldOut.toString()).ok().stdout();
        for (String name : List.of(".text", ".rodata", ".data", ".bss")) {
            Matcher m = Pattern.compile("\\] " + Pattern.quote(name) + "\\s+\\S+\\s+([0-9a-f]{16})\\s+[0-9a-f]+\\s+([0-9a-f]+)").matcher(readelf);
            assertThat(m.find()).as("lld has %s", name).isTrue();
            LinkedImage.OutputSection s = ours.section(name).orElseThrow();
            assertThat(s.address()).as("address of %s", name).isEqualTo(Long.parseLong(m.group(1), 16));
            assertThat(s.size()).as("size of %s", name).isEqualTo(Long.parseLong(m.group(2), 16));
            if (!s.isBss()) {
                Path bin = dir.resolve("lld" + name + ".bin");
                ExternalTool.run("llvm-objcopy", "-O", "binary", "--only-section=" + name, lldOut.toString(), bin.toString()).ok();
                assertThat(hex(s.bytes())).as("bytes of %s", name).isEqualTo(hex(Files.readAllBytes(bin)));
            }
        }
        Map<String, Long> lldSymbols = new TreeMap<>();
        Matcher m = Pattern.compile("^\\s*\\d+: ([0-9a-f]{16})\\s+\\d+\\s+(NOTYPE|FUNC|OBJECT)\\s+(GLOBAL|LOCAL)\\s+\\S+\\s+\\S+ (\\S+)$",
                Pattern.MULTILINE).matcher(readelf);
        while (m.find()) {
            if (!m.group(4).startsWith("$")) lldSymbols.put(m.group(4), Long.parseLong(m.group(1), 16));
        }
        assertThat(lldSymbols).containsKeys("_start", "main", "message", "buffer", "__stack_top", "__bss_start");
        Map<String, Long> ourSymbols = new TreeMap<>();
        for (LinkedImage.LinkedSymbol s : ours.symbols()) {
            if (lldSymbols.containsKey(s.name())) ourSymbols.put(s.name(), s.address());
        }
        assertThat(ourSymbols).isEqualTo(lldSymbols);
        long lldEntry = Long.parseLong(ExternalTool.run(ExternalTool.prefix(arch) + "readelf", "-hW", lldOut.toString()).ok()
                .stdout().replaceAll("(?s).*Entry point address:\\s+0x([0-9a-f]+).*", "$1"), 16);
        assertThat(ours.entry()).isEqualTo(lldEntry);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            sb.append(String.format("%02x", b[i]));
            if (i % 16 == 15) sb.append('\n');
        }
        return sb.toString();
    }
}
