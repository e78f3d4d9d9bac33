package org.machr.codegen.aarch64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.link.Symbol;
import org.junit.jupiter.api.Test;

class A64CodeGenDiagnosticsTest {

    @Test
    void unsupportedIrIsADiagnosticNamingTheFunction() {
        IrProgram p = new IrProgram();
        FunctionBuilder f = FunctionBuilder.begin(p, "hosted", List.of(), IrType.I64, null, true);
        f.intrinsic(org.machr.kd.ir.Intrinsic.JVM_PUTC, List.of(Imm.i8(65)), null);
        f.ret(Imm.i64(0));
        Diagnostics diags = new Diagnostics();
        assertThat(A64CodeGen.compile(p, "x.o", diags)).isEmpty();
        assertThat(diags.all()).extracting(Diagnostic::headline).containsExactly(
                "error[A64C0001]: function hosted: intrinsic jvm.putc on aarch64 is not supported by the aarch64 backend yet");
    }

    @Test
    void functionsBecomeSymbolsWithSizes() {
        IrProgram p = new IrProgram();
        FunctionBuilder h = FunctionBuilder.begin(p, "helper", List.of(IrType.I64), IrType.I64, null, false);
        h.ret(h.add(h.param(0), Imm.i64(1)));
        FunctionBuilder m = FunctionBuilder.begin(p, "main", List.of(), IrType.I32, null, false);
        m.ret(Imm.i32(0));
        var obj = A64CodeGen.compile(p, "x.o", new Diagnostics()).orElseThrow();
        Symbol helper = obj.symbolNamed("helper");
        Symbol main = obj.symbolNamed("main");
        assertThat(helper.binding()).isEqualTo(Symbol.Binding.LOCAL);
        assertThat(main.binding()).as("the entry is global").isEqualTo(Symbol.Binding.GLOBAL);
        assertThat(helper.type()).isEqualTo(Symbol.Type.FUNC);
        assertThat(main.value()).isEqualTo(helper.value() + helper.size());
        assertThat(helper.size() % 4).isZero();
    }

    @Test
    void asmDumpListsTheFunctionInLlvmMcSyntax() {
        IrProgram p = new IrProgram();
        FunctionBuilder h = FunctionBuilder.begin(p, "inc", List.of(IrType.I64), IrType.I64, null, true);
        h.ret(h.add(h.param(0), Imm.i64(1)));
        var bytes = new java.io.ByteArrayOutputStream();
        A64CodeGen.compile(p, "x.o", new Diagnostics(), java.util.Set.of(A64CodeGen.Dump.ASM), new java.io.PrintStream(bytes));
        assertThat(bytes.toString()).isEqualTo("""
                \t.text
                \t.globl inc
                inc:
                inc.b0:
                \tadd x0, x0, #1\t// 0
                \tret\t// 4
                inc.trap:
                \tbrk #0xd1\t// 8
                """);
    }

    @Test
    void codesAreDistinct() {
        assertThat(Arrays.stream(A64CodegenCode.values()).map(A64CodegenCode::id).toList()).doesNotHaveDuplicates();
    }
}
