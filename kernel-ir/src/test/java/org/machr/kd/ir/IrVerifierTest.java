package org.machr.kd.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrVerifierTest {

    private static FunctionBuilder fn(IrProgram p, IrType result, IrType... params) {
        return FunctionBuilder.begin(p, "f", List.of(params), result, IrTestPrograms.LOC, false);
    }

    @Test
    void acceptsWellFormedLoop() {
        assertThat(IrVerifier.verify(IrTestPrograms.sumLoop())).isEmpty();
    }

    @Test
    void rejectsMixedOperandTypes() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, IrType.I32, IrType.I32);
        b.ret(b.add(b.param(0), Imm.i64(1)));
        assertThat(IrVerifier.verify(p)).containsExactly("fn @f b0 '%1: i32 = add %0, 1': binary operands: i32 vs i64");
    }

    @Test
    void rejectsUnterminatedBlockAndMissingTarget() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, null);
        b.function().entry().setTerminator(new Terminator.Jump(7));
        b.newBlock("open");
        assertThat(IrVerifier.verify(p)).containsExactly("fn @f b0 'jmp b7': branches to missing block b7",
                "fn @f b1: is not terminated");
    }

    @Test
    void rejectsPanickingInstructionWithoutLocationAndUndefinedRegister() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, IrType.I64, IrType.I64);
        Reg ghost = new Reg(0, IrType.I64);
        b.emit(new Insn.Load(b.newReg(IrType.I64), IrType.I64, Ext.ZERO, b.param(0), false, null));
        b.ret(b.binary(BinOp.UDIV, ghost, b.param(0)));
        assertThat(IrVerifier.verify(p)).containsExactly(
                "fn @f b0 '%1: i64 = load.i64 [%0]': instruction that can panic has no location",
                "fn @f b0 '%2: i64 = udiv %0, %0': instruction that can panic has no location");
        IrProgram q = new IrProgram();
        FunctionBuilder c = fn(q, IrType.I64);
        c.ret(new Reg(5, IrType.I64));
        assertThat(IrVerifier.verify(q)).containsExactly("fn @f b0 'ret %5': register %5 is never defined");
    }

    @Test
    void rejectsBadCallsReturnsAndSymbols() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, null, IrType.I32);
        b.call("f", null, List.of(), IrTestPrograms.LOC);
        b.call("nope", null, List.of(), IrTestPrograms.LOC);
        b.store(new SymbolAddr("missing"), Imm.i8(1), IrTestPrograms.LOC);
        b.ret(Imm.i32(0));
        assertThat(IrVerifier.verify(p)).containsExactly(
                "fn @f b0 'call @f()  @t.kd:3': 0 arguments for 1 parameters",
                "fn @f b0 'call @nope()  @t.kd:3': call to unknown function @nope",
                "fn @f b0 'store.i8 [@missing], 1  @t.kd:3': unknown symbol @missing",
                "fn @f b0 'ret 0': returns a value from a function without result");
        assertThatThrownBy(() -> IrVerifier.check(p, "test")).hasMessageStartingWith("invalid IR after test:");
    }

    @Test
    void globalsValidateTheirBytes() {
        assertThatThrownBy(() -> new IrGlobal("g", IrGlobal.Section.DATA, 8, 8, new byte[4], List.of(), false))
                .hasMessageContaining("4 initial bytes for size 8");
        assertThatThrownBy(() -> new IrGlobal("g", IrGlobal.Section.DATA, 8, 8, new byte[8],
                List.of(new IrGlobal.Reloc(4, "g", 0)), false)).hasMessageContaining("relocation at 4 outside");
    }

    @Test
    void systemRegisterOnlyOnMsrAndMrs() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, null);
        b.emit(new Insn.IntrinsicCall(b.newReg(IrType.I64), Intrinsic.AARCH64_MRS, List.of(), null, IrTestPrograms.LOC));
        b.emit(new Insn.IntrinsicCall(null, Intrinsic.X86_64_HLT, List.of(), "DAIF", IrTestPrograms.LOC));
        b.ret(List.of());
        assertThat(IrVerifier.verify(p)).containsExactly(
                "fn @f b0 '%0: i64 = intrinsic @aarch64.mrs()  @" + IrTestPrograms.LOC + "': @aarch64.mrs without a system register",
                "fn @f b0 'intrinsic @x86_64.hlt(DAIF)  @" + IrTestPrograms.LOC + "': @x86_64.hlt takes no system register");
    }

    @Test
    void aSectionHoldsOneKindOfContentsAndHasAPlainName() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = fn(p, null);
        b.function().setSection(".boot");
        b.ret(List.of());
        p.add(new IrGlobal("d", IrGlobal.Section.DATA, 1, 1, new byte[1], List.of(), false, ".boot"));
        p.add(new IrGlobal("z", IrGlobal.Section.BSS, 8, 8, null, List.of(), false, ".data"));
        p.add(new IrGlobal("n", IrGlobal.Section.BSS, 8, 8, null, List.of(), false, "my section"));
        p.add(new IrGlobal("ok", IrGlobal.Section.BSS, 8, 8, null, List.of(), false, ".bss.big"));
        assertThat(IrVerifier.verify(p)).containsExactly(
                "global @d: section .boot holds code (fn @f), not initialised data",
                "global @n: bad section name \"my section\"");
        IrProgram q = new IrProgram();
        q.add(new IrGlobal("a", IrGlobal.Section.DATA, 1, 1, new byte[1], List.of(), false, ".data"));
        q.add(new IrGlobal("z", IrGlobal.Section.BSS, 8, 8, null, List.of(), false, ".data"));
        assertThat(IrVerifier.verify(q)).containsExactly(
                "global @z: section .data holds initialised data (global @a), not zero-initialised data");
    }
}
