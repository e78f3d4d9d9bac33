package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

/**
 * Our encoder against GNU as: the printed text of jqwik-generated instructions goes through one
 * {@code x86_64-linux-gnu-as -aln} run per batch; the listing gives the bytes of each source line, which
 * must equal ours, and {@code x86_64-linux-gnu-objdump -d} must decode our bytes back to the same number
 * of instructions. ({@code -mintel64}: GNU as takes {@code ljmpq *m} (m16:64) only for Intel 64.) GNU as and llvm-mc agree on every form we generate (up to the order of
 * legacy prefixes), except that GNU as may swap the two registers of a register-register xchg in ModRM and drops REX.W from
 * {@code mov %sreg, %r64} (the same instructions).
 */
class GnuAsDifferentialTest {

    @Provide
    Arbitrary<List<X64Insn>> batch64() {
        return new X64Arbitraries(X64Mode.BITS64).instruction().list().ofSize(2000);
    }

    @Provide
    Arbitrary<List<X64Insn>> batch32() {
        return new X64Arbitraries(X64Mode.BITS32).instruction().list().ofSize(800);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF)
    void longModeMatchesGnuAs(@ForAll("batch64") List<X64Insn> insns) throws IOException {
        check(insns, X64Mode.BITS64);
    }

    @Property(tries = 1, shrinking = ShrinkingMode.OFF)
    void protectedModeMatchesGnuAs(@ForAll("batch32") List<X64Insn> insns) throws IOException {
        check(insns, X64Mode.BITS32);
    }

    private static void check(List<X64Insn> insns, X64Mode mode) throws IOException {
        ExternalTool.require("x86_64-linux-gnu-as");
        X64Printer printer = new X64Printer(mode);
        X64Encoder encoder = new X64Encoder(mode);
        StringBuilder source = new StringBuilder(mode == X64Mode.BITS32 ? ".code32\n" : ".code64\n");
        List<String> ours = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (X64Insn insn : insns) {
            texts.add(printer.print(insn));
            ours.add(HexFormat.of().formatHex(encoder.encode(insn).bytes()));
            source.append(texts.get(texts.size() - 1)).append('\n');
        }
        Path dir = Files.createTempDirectory("machr-gas");
        try {
            Path s = dir.resolve("batch.s");
            Path lst = dir.resolve("batch.lst");
            Path o = dir.resolve("batch.o");
            Files.writeString(s, source);
            ExternalTool.run(null, "x86_64-linux-gnu-as", "-mintel64", "-aln=" + lst, "-o", o.toString(), s.toString()).ok();
            Map<Integer, StringBuilder> bytesByLine = listing(Files.readAllLines(lst));
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < insns.size(); i++) {
                StringBuilder theirs = bytesByLine.get(i + 2);
                String t = theirs == null ? "(none)" : theirs.toString().toLowerCase();
                if (insns.get(i) instanceof X64Insn.Xchg(OpSize size, Operand a, Operand b) && a instanceof Gpr && b instanceof Gpr
                        && t.equals(HexFormat.of().formatHex(encoder.encode(new X64Insn.Xchg(size, b, a)).bytes()))) {
                    continue;   // xchg is symmetric: GNU as may put the two registers the other way round in ModRM
                }
                if (insns.get(i) instanceof X64Insn.MovSeg(boolean toSeg, SegReg seg, Gpr64 g) && !toSeg
                        && t.equals(HexFormat.of().formatHex(encoder.encode(new X64Insn.MovSeg(false, seg, Gpr32.values()[g.number()])).bytes()))) {
                    continue;   // GNU as drops the (meaningless) REX.W of mov %sreg, %r64; llvm-mc keeps it
                }
                if (!sortPrefixes(t).equals(sortPrefixes(ours.get(i)))) failures.add(texts.get(i) + ": ours " + ours.get(i) + ", GNU as " + t);
            }
            assertThat(failures).as(failures.size() + " of " + insns.size() + " differ").isEmpty();

            // objdump decodes our bytes into exactly as many instructions
            StringBuilder bytes = new StringBuilder(mode == X64Mode.BITS32 ? ".code32\n" : "");
            for (String hex : ours) {
                bytes.append(".byte ");
                for (int k = 0; k < hex.length(); k += 2) bytes.append(k == 0 ? "" : ",").append("0x").append(hex, k, k + 2);
                bytes.append('\n');
            }
            Files.writeString(s, bytes);
            ExternalTool.run(null, "x86_64-linux-gnu-as", "-o", o.toString(), s.toString()).ok();
            String dump = ExternalTool.run(null, "x86_64-linux-gnu-objdump", "-d", "-z", "-w",
                    mode == X64Mode.BITS32 ? "-Mi386" : "-Mx86-64", o.toString()).ok().stdout();
            java.util.Set<Long> starts = new java.util.HashSet<>();
            dump.lines().filter(l -> l.matches("\\s+[0-9a-f]+:\\t.*"))
                    .forEach(l -> starts.add(Long.parseLong(l.substring(0, l.indexOf(':')).strip(), 16)));
            assertThat(dump).doesNotContain("(bad)");
            List<String> undecoded = new ArrayList<>();
            long at = 0;
            for (int i = 0; i < ours.size(); i++) {
                if (!starts.contains(at)) undecoded.add(texts.get(i) + " at 0x" + Long.toHexString(at));
                at += ours.get(i).length() / 2;
            }
            assertThat(undecoded).as("objdump does not start an instruction where ours start").isEmpty();
            assertThat(starts).hasSize(insns.size());
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) Files.delete(p);
            }
            Files.delete(dir);
        }
    }

    /**
     * The hex with its leading legacy prefixes sorted: their order carries no meaning (SDM Vol. 2A §2.1.1),
     * and GNU as and llvm-mc order the 66h of a moffs move differently.
     */
    private static String sortPrefixes(String hex) {
        List<String> prefixes = new ArrayList<>();
        int i = 0;
        while (i + 2 <= hex.length() && List.of("26", "2e", "36", "3e", "64", "65", "66", "67", "f0", "f2", "f3").contains(hex.substring(i, i + 2))) {
            prefixes.add(hex.substring(i, i + 2));
            i += 2;
        }
        prefixes.sort(null);
        return String.join("", prefixes) + hex.substring(i);
    }

    /** Source line → bytes, from a GNU as {@code -aln} listing (line, address, up to 4 bytes a row). */
    private static Map<Integer, StringBuilder> listing(List<String> lines) {
        Map<Integer, StringBuilder> out = new HashMap<>();
        java.util.regex.Pattern row = java.util.regex.Pattern.compile("^\\s*(\\d+) (?:[0-9a-f]{4,8} | {5})([0-9A-F]+)\\s*$");
        for (String l : lines) {
            int tab = l.indexOf('\t');
            java.util.regex.Matcher m = row.matcher(tab < 0 ? l : l.substring(0, tab));
            if (m.matches()) out.computeIfAbsent(Integer.parseInt(m.group(1)), k -> new StringBuilder()).append(m.group(2));
        }
        return out;
    }
}
