package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;

/**
 * Printer → our own {@code .s} assembler → bytes: for jqwik-generated instructions of both modes, the
 * assembler must accept what the printer writes and produce exactly the encoder's bytes.
 */
class ParserRoundTripTest {

    @Provide
    Arbitrary<List<X64Insn>> batch64() {
        return new X64Arbitraries(X64Mode.BITS64).instruction().list().ofSize(1500);
    }

    @Provide
    Arbitrary<List<X64Insn>> batch32() {
        return new X64Arbitraries(X64Mode.BITS32).instruction().list().ofSize(800);
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void longMode(@ForAll("batch64") List<X64Insn> insns) {
        check(insns, X64Mode.BITS64);
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void protectedMode(@ForAll("batch32") List<X64Insn> insns) {
        check(insns, X64Mode.BITS32);
    }

    private static void check(List<X64Insn> insns, X64Mode mode) {
        X64Printer printer = new X64Printer(mode);
        X64Encoder encoder = new X64Encoder(mode);
        StringBuilder source = new StringBuilder(mode == X64Mode.BITS32 ? ".code32\n" : "");
        List<String> expected = new ArrayList<>();
        for (X64Insn insn : insns) {
            source.append(printer.print(insn)).append('\n');
            expected.add(HexFormat.of().formatHex(encoder.encode(insn).bytes()));
        }
        Diagnostics diagnostics = new Diagnostics();
        X64Assembler.Result result = new X64Assembler(diagnostics).assemble(new SourceFile("roundtrip.s", source.toString()));
        assertThat(diagnostics.renderAll()).isEmpty();
        List<String> failures = new ArrayList<>();
        int header = mode == X64Mode.BITS32 ? 1 : 0;
        for (X64Assembler.Listed l : result.listing()) {
            int i = l.line() - 1 - header;
            if (!l.hex().equals(expected.get(i))) failures.add(l.text() + ": assembler " + l.hex() + ", encoder " + expected.get(i));
        }
        assertThat(result.listing()).hasSize(insns.size());
        assertThat(failures).isEmpty();
    }
}
