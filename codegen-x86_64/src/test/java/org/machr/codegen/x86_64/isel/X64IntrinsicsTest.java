package org.machr.codegen.x86_64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Reg;

/** The x86_64 machine intrinsics: fixed registers and encodings (Intel SDM Vol. 2). */
class X64IntrinsicsTest {

    private static final Loc LOC = new Loc("t.kd", 5);

    private record Compiled(String listing, String textHex) {}

    private static Compiled compile(List<IrType> params, IrType result, Consumer<FunctionBuilder> body) {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", params, result, LOC, true);
        body.accept(b);
        Diagnostics d = new Diagnostics();
        var out = X64CodeGen.compile(p, "t.o", d).orElseThrow(() -> new AssertionError(d.renderAll()));
        String hex = HexFormat.of().formatHex(out.object().section(".text").orElseThrow().bytes());
        return new Compiled(String.join("\n", out.listing()), hex);
    }

    @Test
    void portsUseDxOrAnImmediateAndTheAccumulator() {
        Compiled c = compile(List.of(IrType.I16, IrType.I32), IrType.I64, b -> {
            b.intrinsic(Intrinsic.X86_64_OUTB, List.of(Imm.i16(0xE9), Imm.i8(0x41)), LOC);
            b.intrinsic(Intrinsic.X86_64_OUTL, List.of(b.param(0), b.param(1)), LOC);
            Reg w = b.intrinsic(Intrinsic.X86_64_INW, List.of(Imm.i16(0x3F8)), LOC);
            Reg l = b.intrinsic(Intrinsic.X86_64_INL, List.of(b.param(0)), LOC);
            Reg s = b.add(b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, w), b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, l));
            b.ret(s);
        });
        assertThat(c.listing()).contains("outb\t%al, $233", "outl\t%eax, %dx", "inw\t%dx, %ax", "inl\t%dx, %eax")
                .containsPattern("inw\t%dx, %ax\n(\t.*\n)?\tmovswq\t%");
        assertThat(c.textHex()).contains("e6e9", "ef", "66ed", "ed");
    }

    @Test
    void msrsGoThroughEcxAndEdxEax() {
        Compiled c = compile(List.of(IrType.I64), IrType.I64, b -> {
            b.intrinsic(Intrinsic.X86_64_WRMSR, List.of(Imm.i32(0xC0000100), b.param(0)), LOC);
            b.ret(b.intrinsic(Intrinsic.X86_64_RDMSR, List.of(Imm.i32(0x1B)), LOC));
        });
        assertThat(c.listing()).containsPattern("movq\t\\$-1073741568, %rcx|movl\t\\$3221225728, %ecx")
                .contains("shrq\t$32, %rdx\n\twrmsr", "rdmsr\n\tshlq\t$32, %rdx\n\torq\t%rdx, %rax");
        assertThat(c.textHex()).contains("0f30", "0f32");
    }

    @Test
    void hltCliSti() {
        Compiled c = compile(List.of(), null, b -> {
            b.intrinsic(Intrinsic.X86_64_CLI, List.of(), LOC);
            b.intrinsic(Intrinsic.X86_64_STI, List.of(), LOC);
            b.intrinsic(Intrinsic.X86_64_HLT, List.of(), LOC);
            b.ret(List.of());
        });
        assertThat(c.listing()).contains("\tcli\n\tsti\n\thlt");
        assertThat(c.textHex()).contains("fafbf4");
    }

    @Test
    void aarch64IntrinsicsAreADiagnostic() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(), null, LOC, true);
        b.intrinsic(Intrinsic.AARCH64_WFI, List.of(), LOC);
        b.ret(List.of());
        Diagnostics d = new Diagnostics();
        assertThat(X64CodeGen.compile(p, "t.o", d)).isEmpty();
        assertThat(d.renderAll()).contains("intrinsic aarch64.wfi on x86_64");
    }
}
