package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.ExternalReloc;
import org.machr.codegen.common.Label;
import org.machr.codegen.x86_64.X64Insn.*;
import org.machr.diag.Diagnostics;
import org.machr.link.X64Reloc;

/** Emitting into a {@link CodeBuffer}: label uses patched by the buffer, symbols as relocations. */
class X64EmitterTest {

    private final Diagnostics diagnostics = new Diagnostics();
    private final CodeBuffer buffer = new CodeBuffer(diagnostics);
    private final X64Emitter emitter = new X64Emitter(buffer, X64Mode.BITS64);

    @Test
    void loopWithForwardAndBackwardBranches() {
        Label top = buffer.newLabel("top");
        Label done = buffer.newLabel("done");
        Label constant = buffer.newLabel("constant");
        buffer.bind(top);
        emitter.emit(new Alu(AluOp.SUB, OpSize.QWORD, Gpr64.RDI, Imm.of(1)));                 // 48 83 ef 01
        emitter.emit(new Jcc(Cond.E, new Target.Local(done), Reach.SHORT));                   // 74 07
        emitter.emit(new Jmp(new Target.Local(top), Reach.NEAR));                            // e9 f5 ff ff ff (0 - 11)
        emitter.emit(new Nullary(NullaryOp.NOP));                                           // 90
        emitter.emit(new Nullary(NullaryOp.NOP));                                           // 90
        buffer.bind(done);
        emitter.emit(new Mov(OpSize.DWORD, Mem.rip(new Target.Local(constant), 0), Imm.of(7)));  // c7 05 <disp> 07 00 00 00
        emitter.emit(new Nullary(NullaryOp.RET));
        buffer.bind(constant);
        assertThat(buffer.finish()).isTrue();
        assertThat(diagnostics.hasErrors()).isFalse();
        // disp of the RIP-relative store: constant (24) - end of the mov (23) = 1
        assertThat(HexFormat.of().formatHex(buffer.bytes()))
                .isEqualTo("4883ef01" + "7407" + "e9f5ffffff" + "90" + "90" + "c70501000000" + "07000000" + "c3");
    }

    @Test
    void symbolsBecomeRelocations() {
        emitter.emit(new Call(Target.symbol("memcpy")));
        emitter.emit(new Lea(OpSize.QWORD, Gpr64.RSI, Mem.rip(Target.symbol("table"), 8)));
        emitter.emit(new Mov(OpSize.QWORD, Gpr64.RAX, Imm.symbol("start", 0)));
        assertThat(buffer.relocations()).containsExactly(
                new ExternalReloc(1, X64Reloc.PLT32, "memcpy", -4, null),
                new ExternalReloc(8, X64Reloc.PC32, "table", 4, null),
                new ExternalReloc(15, X64Reloc.ABS32S, "start", 0, null));
    }

    @Test
    void relocationsGoIntoTheObjectModel() {
        emitter.emit(new Call(Target.symbol("panic")));
        assertThat(X64Objects.relocations(buffer, ".text"))
                .containsExactly(new org.machr.link.Relocation(".text", 1, X64Reloc.PLT32, "panic", -4));
    }

    @Test
    void shortBranchOutOfRangeIsReportedByTheBuffer() {
        Label far = buffer.newLabel("far");
        emitter.emit(new Jmp(new Target.Local(far), Reach.SHORT));
        buffer.emitFill(200, 0x90);
        buffer.bind(far);
        assertThat(diagnostics.renderAll()).contains("label 'far' is out of range of REL8: displacement 200");
    }

    @Test
    void absoluteLabelReferenceIsRejected() {
        Label l = buffer.newLabel("l");
        assertThatThrownBy(() -> emitter.emit(new Mov(OpSize.QWORD, Gpr64.RAX, new Imm(0, new Target.Local(l)))))
                .isInstanceOf(X64EncodeException.class).hasMessageContaining("absolute reference to label l");
    }
}
