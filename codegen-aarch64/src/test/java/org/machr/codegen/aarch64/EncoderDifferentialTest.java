package org.machr.codegen.aarch64;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Encoder and printer against llvm-mc: thousands of jqwik-generated instructions of every form are
 * printed by {@link A64Printer}, assembled by llvm-mc in one process, and the words compared with
 * {@link A64Encoder}'s. A mismatch lists every differing instruction with both encodings.
 */
class EncoderDifferentialTest {

    /** 8,000 instructions drawn from the generators of every form (jqwik's random sampling). */
    static List<A64Insn> sample(int n) {
        return A64Arbitraries.any().sampleStream().limit(n).toList();
    }

    @Test
    void printedTextAssembledByLlvmMcGivesOurBytes() {
        List<A64Insn> insns = sample(8000);
        List<String> text = insns.stream().map(A64Printer::print).toList();
        List<Integer> theirs = References.llvmMc(text);
        assertThat(mismatches(insns, text, theirs)).isEmpty();
        java.util.Set<String> mnemonics = new java.util.TreeSet<>();
        for (String t : text) mnemonics.add(t.split(" ")[0]);
        System.out.println("llvm-mc agreed on " + insns.size() + " instructions, " + mnemonics.size() + " mnemonics: " + mnemonics);
                assertThat(mnemonics.size()).as("coverage").isGreaterThan(100);
    }

    static List<String> mismatches(List<A64Insn> insns, List<String> text, List<Integer> theirs) {
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < insns.size(); i++) {
            int ours = A64Encoder.encode(insns.get(i));
            if (ours != theirs.get(i)) {
                bad.add(String.format("%-40s ours %08x ref %08x  %s", text.get(i), ours, theirs.get(i), insns.get(i)));
            }
        }
        return bad;
    }
}
