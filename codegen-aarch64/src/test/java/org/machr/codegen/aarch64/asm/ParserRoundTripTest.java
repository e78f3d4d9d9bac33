package org.machr.codegen.aarch64.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.aarch64.A64Encoder;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.A64Printer;
import org.machr.codegen.aarch64.EncoderSamples;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.junit.jupiter.api.Test;

/** Our own parser reads back everything our printer writes: 4,000 generated instructions, same words. */
class ParserRoundTripTest {

    @Test
    void parserReadsThePrinterOutput() {
        List<A64Insn> insns = EncoderSamples.sample(4000);
        StringBuilder text = new StringBuilder();
        for (A64Insn i : insns) text.append('\t').append(A64Printer.print(i)).append('\n');
        Diagnostics diags = new Diagnostics();
        var obj = A64Assembler.assemble(new SourceFile("roundtrip.s", text.toString()), diags);
        assertThat(diags.all()).as(diags.renderAll()).isEmpty();
        byte[] code = obj.orElseThrow().section(".text").orElseThrow().bytes();
        assertThat(code).hasSize(4 * insns.size());
        List<String> bad = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            int ours = (code[4 * k] & 0xff) | (code[4 * k + 1] & 0xff) << 8 | (code[4 * k + 2] & 0xff) << 16 | (code[4 * k + 3] & 0xff) << 24;
            int expected = A64Encoder.encode(insns.get(k));
            if (ours != expected) bad.add(String.format("%-40s parsed %08x encoded %08x", A64Printer.print(insns.get(k)), ours, expected));
        }
        assertThat(bad).isEmpty();
    }
}
