package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Encoder and printer against {@code llvm-mc -show-encoding}: thousands of jqwik-generated instructions
 * per llvm-mc process. For each, our printed text is given to llvm-mc; its bytes must equal our encoding
 * (printer round trip and encoder in one go) and the text it prints back must equal ours.
 */
class EncoderDifferentialTest {

    private static final int BATCH = 2500;

    @Provide
    Arbitrary<List<X64Insn>> batch64() {
        return new X64Arbitraries(X64Mode.BITS64).instruction().list().ofSize(BATCH);
    }

    @Provide
    Arbitrary<List<X64Insn>> batch32() {
        return new X64Arbitraries(X64Mode.BITS32).instruction().list().ofSize(BATCH / 2);
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void longModeMatchesLlvmMc(@ForAll("batch64") List<X64Insn> insns) {
        check(insns, X64Mode.BITS64);
    }

    @Property(tries = 2, shrinking = ShrinkingMode.OFF)
    void protectedModeMatchesLlvmMc(@ForAll("batch32") List<X64Insn> insns) {
        check(insns, X64Mode.BITS32);
    }

    static void check(List<X64Insn> insns, X64Mode mode) {
        ExternalTool.require("llvm-mc");
        X64Printer printer = new X64Printer(mode);
        X64Encoder encoder = new X64Encoder(mode);
        List<String> text = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        List<byte[]> bytes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (X64Insn insn : insns) {
            String line = printer.print(insn);
            try {
                bytes.add(encoder.encode(insn).bytes());
                text.add(line);
            } catch (X64EncodeException e) {
                failures.add("we reject a valid instruction: " + line + " (" + insn + "): " + e.getMessage());
            }
        }
        List<LlvmMc.Line> theirs = LlvmMc.encode(text, mode);
        for (int i = 0; i < text.size(); i++) {
            LlvmMc.Line l = theirs.get(i);
            String ourHex = java.util.HexFormat.of().formatHex(bytes.get(i));
            if (l.error() != null) {
                failures.add("llvm-mc rejects our text: " + text.get(i) + ": " + l.error());
            } else if (!l.matches(bytes.get(i))) {
                failures.add("bytes differ: " + text.get(i) + ": ours " + ourHex + ", llvm-mc " + l.encodingHex());
            } else if (!l.printed().equals(text.get(i).replaceAll("\\s+", " "))) {
                failures.add("text differs: ours '" + text.get(i).replaceAll("\\s+", " ") + "', llvm-mc '" + l.printed() + "'");
            }
        }
        assertThat(failures).as(failures.size() + " of " + insns.size() + " differ").isEmpty();
    }
}
