package org.machr.codegen.aarch64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Reg;
import org.junit.jupiter.api.Test;

/** The aarch64 machine intrinsics select one instruction each (encodings: Arm ARM C6.2). */
class A64IntrinsicsTest {

    private static final Loc LOC = new Loc("t.kd", 3);
    private static final int RT_MASK = ~0x1f;

    private record Compiled(String listing, List<Integer> words) {}

    private static Compiled compile(IrProgram p) {
        Diagnostics d = new Diagnostics();
        ByteArrayOutputStream asm = new ByteArrayOutputStream();
        var obj = A64CodeGen.compile(p, "t.o", d, Set.of(A64CodeGen.Dump.ASM), new PrintStream(asm))
                .orElseThrow(() -> new AssertionError(d.renderAll()));
        ByteBuffer text = ByteBuffer.wrap(obj.section(".text").orElseThrow().bytes()).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> words = new ArrayList<>();
        while (text.remaining() >= 4) words.add(text.getInt());
        return new Compiled(asm.toString(), words);
    }

    private static boolean hasWord(List<Integer> words, int encoding, int mask) {
        return words.stream().anyMatch(w -> (w & mask) == encoding);
    }

    @Test
    void mrsReadsTheNamedRegister() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "freq", List.of(), IrType.I64, LOC, true);
        f.ret(f.intrinsic(Intrinsic.AARCH64_MRS, List.of(), "CNTFRQ_EL0", LOC));
        Compiled c = compile(p);
        assertThat(c.listing()).contains("\tmrs x0, CNTFRQ_EL0\t");
        assertThat(c.words()).contains(0xd53be000);
    }

    @Test
    void msrBarriersHintsAndEret() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "sys", List.of(IrType.I64), null, LOC, true);
        f.intrinsic(Intrinsic.AARCH64_MSR, List.of(f.param(0)), "TPIDR_EL1", LOC);
        f.intrinsic(Intrinsic.AARCH64_MSR, List.of(Imm.i64(0x200)), "VBAR_EL1", LOC);
        f.intrinsic(Intrinsic.AARCH64_ISB, List.of(), LOC);
        f.intrinsic(Intrinsic.AARCH64_DSB_SY, List.of(), LOC);
        f.intrinsic(Intrinsic.AARCH64_WFI, List.of(), LOC);
        Reg spsr = f.intrinsic(Intrinsic.AARCH64_MRS, List.of(), "SPSR_EL1", LOC);
        f.intrinsic(Intrinsic.AARCH64_MSR, List.of(spsr), "ELR_EL1", LOC);
        f.intrinsic(Intrinsic.AARCH64_ERET, List.of(), LOC);
        Compiled c = compile(p);
        assertThat(c.listing()).containsPattern("\tmsr TPIDR_EL1, x\\d+\t").containsPattern("\tmsr VBAR_EL1, x\\d+\t")
                .contains("\tisb\t", "\tdsb sy\t", "\twfi\t", "\teret\t")
                .containsPattern("\tmrs x\\d+, SPSR_EL1\t").containsPattern("\tmsr ELR_EL1, x\\d+\t");
        assertThat(hasWord(c.words(), 0xd518d080, RT_MASK)).as("msr TPIDR_EL1").isTrue();
        assertThat(hasWord(c.words(), 0xd518c000, RT_MASK)).as("msr VBAR_EL1").isTrue();
        assertThat(hasWord(c.words(), 0xd5384000, RT_MASK)).as("mrs SPSR_EL1").isTrue();
        assertThat(hasWord(c.words(), 0xd5184020, RT_MASK)).as("msr ELR_EL1").isTrue();
        assertThat(c.words()).contains(0xd5033fdf, 0xd5033f9f, 0xd503207f, 0xd69f03e0);
        assertThat(c.listing().indexOf("\teret\t")).as("eret ends the block: nothing returns after it")
                .isGreaterThan(c.listing().indexOf("\tmsr ELR_EL1"));
    }

    @Test
    void aReadOnlyRegisterIsADiagnosticNotACrash() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "bad", List.of(), null, LOC, true);
        f.intrinsic(Intrinsic.AARCH64_MSR, List.of(Imm.i64(0)), "CurrentEL", LOC);
        f.ret(List.of());
        Diagnostics d = new Diagnostics();
        assertThat(A64CodeGen.compile(p, "t.o", d)).isEmpty();
        assertThat(d.renderAll()).contains("CurrentEL is read-only");
    }

    @Test
    void x86IntrinsicsAreADiagnostic() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "bad", List.of(), null, LOC, true);
        f.intrinsic(Intrinsic.X86_64_HLT, List.of(), LOC);
        f.ret(List.of());
        Diagnostics d = new Diagnostics();
        assertThat(A64CodeGen.compile(p, "t.o", d)).isEmpty();
        assertThat(d.renderAll()).contains("intrinsic x86_64.hlt on aarch64");
    }
}
