package org.machr.codegen.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.junit.jupiter.api.Test;

class CodeBufferTest {

    /** A 26-bit word-scaled branch field in a 32-bit word, like AArch64 B. */
    enum Word26 implements LabelUseKind {
        BRANCH26;

        @Override public int patchSize() { return 4; }
        @Override public int pcBias() { return 0; }
        @Override public boolean inRange(long d) { return (d & 3) == 0 && d >= -(1L << 27) && d < (1L << 27); }
        @Override public String rangeDescription() { return "±128 MiB, multiple of 4"; }
        @Override public long patch(long original, long d) { return original | ((d >> 2) & 0x3ffffff); }
    }

    /** An x86-style rel8 measured from the end of the field. */
    enum Rel8 implements LabelUseKind {
        REL8;

        @Override public int patchSize() { return 1; }
        @Override public int pcBias() { return 1; }
        @Override public boolean inRange(long d) { return d >= -128 && d <= 127; }
        @Override public String rangeDescription() { return "-128..127"; }
        @Override public long patch(long original, long d) { return d & 0xff; }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    @Test
    void emitsLittleEndianWords() {
        CodeBuffer buf = new CodeBuffer(new Diagnostics());
        buf.emit8(0x11);
        buf.emit16(0x2233);
        buf.emit32(0x44556677);
        buf.emit64(0x8899aabbccddeeffL);
        assertThat(hex(buf.bytes())).isEqualTo("11" + "3322" + "77665544" + "ffeeddccbbaa9988");
        assertThat(buf.read(3, 4)).isEqualTo(0x44556677L);
    }

    @Test
    void alignsWithPatternWhereItFitsAndZerosElsewhere() {
        CodeBuffer buf = new CodeBuffer(new Diagnostics());
        buf.emit8(0xaa);
        buf.align(16, new byte[] {0x1f, 0x20, 0x03, (byte) 0xd5});
        assertThat(hex(buf.bytes())).isEqualTo("aa000000" + "1f2003d5".repeat(3));
        buf.align(16, new byte[] {0x1f, 0x20, 0x03, (byte) 0xd5});
        assertThat(buf.size()).isEqualTo(16);
    }

    @Test
    void forwardAndBackwardUsesArePatched() {
        CodeBuffer buf = new CodeBuffer(new Diagnostics());
        Label back = buf.newLabel("back");
        Label fwd = buf.newLabel("fwd");
        buf.bind(back);
        buf.emit32(0xd503201f);
        buf.emit32(0x14000000);
        buf.useLabel(4, fwd, Word26.BRANCH26, null);
        buf.emit32(0x14000000);
        buf.useLabel(8, back, Word26.BRANCH26, null);
        assertThat(buf.read(4, 4)).isEqualTo(0x14000000L);
        buf.emit32(0xd503201f);
        buf.bind(fwd);
        assertThat(buf.read(4, 4)).isEqualTo(0x14000003L);
        assertThat(buf.read(8, 4)).isEqualTo(0x17fffffeL);
        assertThat(buf.finish()).isTrue();
        assertThat(buf.resolvedFixups()).hasSize(2);
    }

    @Test
    void outOfRangeUseIsADiagnosticNamingTheLabel() {
        Diagnostics diags = new Diagnostics();
        SourceFile file = new SourceFile("t.s", "jmp far\n");
        CodeBuffer buf = new CodeBuffer(diags);
        Label far = buf.newLabel("far");
        buf.emit8(0xeb);
        buf.emit8(0);
        buf.useLabel(1, far, Rel8.REL8, new Span(file, 4, 7));
        buf.emitFill(200, 0x90);
        buf.bind(far);
        assertThat(diags.all()).extracting(Diagnostic::headline).containsExactly(
                "t.s:1:5: error[CG0001]: label 'far' is out of range of REL8: displacement 200 (range -128..127)");
        assertThat(buf.read(1, 1)).isZero();
    }

    @Test
    void unboundLabelIsReportedAtFinishAndDoubleBindIsReported() {
        Diagnostics diags = new Diagnostics();
        CodeBuffer buf = new CodeBuffer(diags);
        Label nowhere = buf.newLabel("nowhere");
        Label twice = buf.newLabel("twice");
        buf.emit32(0x14000000);
        buf.useLabel(0, nowhere, Word26.BRANCH26, null);
        buf.bind(twice);
        buf.bind(twice);
        assertThat(buf.finish()).isFalse();
        assertThat(diags.all()).extracting(Diagnostic::headline).containsExactly(
                "error[CG0003]: label 'twice' is bound twice",
                "error[CG0002]: label 'nowhere' is used but never defined");
    }

    @Test
    void recordsExternalRelocations() {
        CodeBuffer buf = new CodeBuffer(new Diagnostics());
        buf.emit32(0x94000000);
        buf.addRelocation(0, Word26.BRANCH26, "memcpy", 0, null);
        assertThat(buf.relocations()).containsExactly(new ExternalReloc(0, Word26.BRANCH26, "memcpy", 0, null));
    }

    @Test
    void diagnosticCodesAreDistinct() {
        assertThat(List.of(CodegenCode.values()).stream().map(CodegenCode::id).distinct().count())
                .isEqualTo(CodegenCode.values().length);
    }

    /** Random programs of branches to random labels: every field ends up holding target - use. */
    @Property(tries = 200)
    void everyUseHoldsItsDisplacement(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 9) Integer> script) {
        CodeBuffer buf = new CodeBuffer(new Diagnostics());
        List<Label> labels = new ArrayList<>();
        for (int i = 0; i < 10; i++) labels.add(buf.newLabel());
        List<int[]> uses = new ArrayList<>();
        int step = 0;
        for (int choice : script) {
            Label l = labels.get(choice);
            if (step++ % 3 == 2 && !buf.isBound(l)) {
                buf.bind(l);
            } else {
                int at = buf.size();
                buf.emit32(0x14000000);
                buf.useLabel(at, l, Word26.BRANCH26, null);
                uses.add(new int[] {at, choice});
            }
        }
        for (Label l : labels) if (!buf.isBound(l)) buf.bind(l);
        assertThat(buf.finish()).isTrue();
        for (int[] use : uses) {
            long d = buf.offsetOf(labels.get(use[1])).getAsInt() - use[0];
            long field = buf.read(use[0], 4) & 0x3ffffff;
            assertThat((field << 38) >> 36).isEqualTo(d);
        }
    }
}
