package org.machr.codegen.aarch64;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.Label;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.link.A64Reloc;
import org.machr.link.Relocation;
import org.junit.jupiter.api.Test;

/** The encoder's CodeBuffer path: label targets become out-of-band fixups, symbols become relocations. */
class EmitToBufferTest {

    @Test
    void labelsArePatchedAndSymbolsRelocated() {
        Diagnostics diags = new Diagnostics();
        CodeBuffer buf = new CodeBuffer(diags);
        Label top = buf.newLabel("top");
        Label out = buf.newLabel("out");
        buf.bind(top);
        A64Encoder.emit(buf, new CompareBranch(false, XReg.X0, new Target.ToLabel(out)), null);
        A64Encoder.emit(buf, new TestBranch(true, WReg.W1, 3, new Target.ToLabel(top)), null);
        A64Encoder.emit(buf, new Branch(true, new Target.ToSymbol("kmain", 0)), null);
        A64Encoder.emit(buf, new PcRelAddr(true, XReg.X2, new Target.ToSymbol("table", 8)), null);
        A64Encoder.emit(buf, new CondBranch(Cond.NE, new Target.ToLabel(top)), null);
        A64Encoder.emit(buf, new PcRelAddr(false, XReg.X3, new Target.ToLabel(out)), null);
        buf.bind(out);
        A64Encoder.emit(buf, new BranchReg(Ops.BranchRegOp.RET, XReg.X30), null);
        assertThat(buf.finish()).isTrue();
        assertThat(diags.all()).isEmpty();
        assertThat(words(buf)).containsExactly(
                A64Encoder.encode(new CompareBranch(false, XReg.X0, Target.offset(24))),
                A64Encoder.encode(new TestBranch(true, WReg.W1, 3, Target.offset(-4))),
                0x94000000,
                0x90000002,
                A64Encoder.encode(new CondBranch(Cond.NE, Target.offset(-16))),
                A64Encoder.encode(new PcRelAddr(false, XReg.X3, Target.offset(4))),
                0xd65f03c0);
        assertThat(A64Objects.relocations(buf, ".text")).containsExactly(
                new Relocation(".text", 8, A64Reloc.CALL26, "kmain", 0),
                new Relocation(".text", 12, A64Reloc.ADR_PREL_PG_HI21, "table", 8));
    }

    @Test
    void outOfRangeLabelIsADiagnostic() {
        Diagnostics diags = new Diagnostics();
        CodeBuffer buf = new CodeBuffer(diags);
        Label far = buf.newLabel("far");
        A64Encoder.emit(buf, new TestBranch(false, XReg.X0, 0, new Target.ToLabel(far)), null);
        buf.emitFill(32768, 0);
        buf.bind(far);
        assertThat(diags.all()).extracting(Diagnostic::headline).containsExactly(
                "error[CG0001]: label 'far' is out of range of BRANCH14: displacement 32772 (range ±32 KiB, multiple of 4)");
    }

    private static List<Integer> words(CodeBuffer buf) {
        List<Integer> out = new java.util.ArrayList<>();
        for (int i = 0; i < buf.size(); i += 4) out.add((int) buf.read(i, 4));
        return out;
    }
}
