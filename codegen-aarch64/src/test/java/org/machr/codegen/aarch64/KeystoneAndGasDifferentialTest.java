package org.machr.codegen.aarch64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import keystone.Keystone;
import keystone.KeystoneArchitecture;
import keystone.KeystoneEncoded;
import keystone.KeystoneMode;
import org.junit.jupiter.api.Test;

/**
 * The same generated instructions against two more references: GNU as (batched through a file) and
 * Keystone (in-process through JNA). PC-relative forms are left out: both read an immediate branch
 * target as an address rather than an offset.
 */
class KeystoneAndGasDifferentialTest {

    private static List<A64Insn> nonPcRelative(int n) {
        return EncoderDifferentialTest.sample(n).stream().filter(i -> !(i instanceof A64Insn.Branch
                || i instanceof A64Insn.CondBranch || i instanceof A64Insn.CompareBranch || i instanceof A64Insn.TestBranch
                || i instanceof A64Insn.PcRelAddr || i instanceof A64Insn.LoadLiteral)).toList();
    }

    @Test
    void gnuAsAgrees() {
        List<A64Insn> insns = nonPcRelative(6000);
        List<String> text = insns.stream().map(A64Printer::print).toList();
        List<Integer> theirs = References.gnuAs(text);
        assertThat(EncoderDifferentialTest.mismatches(insns, text, theirs)).isEmpty();
    }

    /** Whether Keystone's native library loads on this host; reported by the test output. */
    static Keystone openKeystone() {
        try {
            return new Keystone(KeystoneArchitecture.Arm64, KeystoneMode.LittleEndian);
        } catch (Throwable t) {
            System.out.println("Keystone did not load: " + t);
            if (Boolean.getBoolean("machr.requireTools")) throw new AssertionError("Keystone native library does not load", t);
            assumeTrue(false, "Keystone native library does not load: " + t);
            return null;
        }
    }

    @Test
    void keystoneAgrees() {
        List<A64Insn> insns = nonPcRelative(4000);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        List<String> rejected = new ArrayList<>();
        try (Keystone ks = openKeystone()) {
            for (A64Insn insn : insns) {
                String text = A64Printer.print(insn);
                byte[] code;
                try {
                    KeystoneEncoded enc = ks.assemble(text);
                    code = enc.getMachineCode();
                } catch (RuntimeException e) {
                    rejected.add(text);
                    continue;
                }
                if (code == null || code.length != 4) {
                    rejected.add(text);
                    continue;
                }
                compared++;
                int theirs = (code[0] & 0xff) | (code[1] & 0xff) << 8 | (code[2] & 0xff) << 16 | (code[3] & 0xff) << 24;
                int ours = A64Encoder.encode(insn);
                if (ours != theirs) mismatches.add(String.format("%-40s ours %08x keystone %08x", text, ours, theirs));
            }
        }
        System.out.println("Keystone agreed on " + compared + " instructions; it rejects " + rejected.size()
                + " (its LLVM is older), e.g. " + rejected.stream().limit(8).toList());
        assertThat(compared).isGreaterThan(insns.size() / 2);
        assertThat(mismatches).isEmpty();
    }
}
