package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;

/**
 * Bad input never throws: random lines made of assembler fragments (mnemonics, registers, directives,
 * punctuation, numbers at the edges) either assemble or produce diagnostics with a position.
 */
class AssemblerRobustnessTest {

    private static final List<String> FRAGMENTS = List.of(
            "movq", "addl", "lock", "jmp", "call", "ljmp", "lgdt", "inb", "outl", "shlq", "imulq", "xchg", "movzbl", "cmovel",
            "pushq", "ret", "int", "sete", "btsq", "%rax", "%eax", "%ax", "%al", "%ah", "%sil", "%r12", "%r13d", "%rsp",
            "%rip", "%cr0", "%cr9", "%ds", "%gs", "%dx", "%cl", "$", "$1", "$-129", "$0x80000000", "$0xffffffffffffffff",
            "(", ")", ",", ":", "*", "+", "-", "<<", "/", "0", "8", "3", "0x7fffffff", "0x", "'", "\"x\"", "lbl", "lbl:", "1:", "1b",
            "2f", ".", ".text", ".data", ".bss", ".section", ".byte", ".quad", ".align", ".p2align", ".skip", ".fill",
            ".equ", ".set", ".globl", ".type", "@function", ".size", ".code32", ".code64", ".ascii", ";", "#", "=", "\\", "?");

    @Provide
    Arbitrary<String> programs() {
        Arbitrary<String> line = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(8).map(l -> String.join(" ", l));
        return line.list().ofMinSize(1).ofMaxSize(12).map(l -> String.join("\n", l) + "\n");
    }

    @Property(tries = 400)
    void neverThrowsAndErrorsHavePositions(@ForAll("programs") String program) {
        Diagnostics diagnostics = new Diagnostics();
        X64Assembler.Result result = new X64Assembler(diagnostics).assemble(new SourceFile("fuzz.s", program));
        assertThat(result.object().isPresent()).isEqualTo(!diagnostics.hasErrors());
        for (Diagnostic d : diagnostics.all()) {
            assertThat(d.render()).startsWith(d.span() == null ? "error[" : "fuzz.s:");
        }
    }
}
