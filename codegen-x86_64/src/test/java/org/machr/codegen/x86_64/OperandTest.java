package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Operand records validate what they can on their own. */
class OperandTest {

    @Test
    void immediatesAreCheckedAgainstTheirSize() {
        assertThat(Imm.of(255, OpSize.BYTE).value()).isEqualTo(255);
        assertThat(Imm.of(-128, OpSize.BYTE).value()).isEqualTo(-128);
        assertThatThrownBy(() -> Imm.of(256, OpSize.BYTE)).hasMessage("immediate 256 does not fit 8 bits (range [-128, 255])");
        assertThatThrownBy(() -> Imm.of(-32769, OpSize.WORD)).hasMessage("immediate -32769 does not fit 16 bits (range [-32768, 65535])");
        assertThat(Imm.of(0xFFFF_FFFFL, OpSize.DWORD).value()).isEqualTo(0xFFFF_FFFFL);
        assertThat(Imm.of(Long.MIN_VALUE, OpSize.QWORD).value()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void memoryOperandsRejectImpossibleAddresses() {
        assertThatThrownBy(() -> Mem.baseIndex(Gpr64.RAX, Gpr64.RSP, 1, 0)).hasMessage("%rsp cannot be an index register");
        assertThatThrownBy(() -> Mem.baseIndex(Gpr64.RAX, Gpr64.RCX, 3, 0)).hasMessage("scale must be 1, 2, 4 or 8: 3");
        assertThatThrownBy(() -> Mem.baseIndex(Gpr64.RAX, Gpr32.ECX, 1, 0)).hasMessage("base and index must have the same width");
        assertThatThrownBy(() -> Mem.base(Gpr16.AX)).hasMessage("base must be a 64- or 32-bit register: %ax");
    }

    @Test
    void byteRegistersKnowTheirRexRules() {
        assertThat(Gpr8.SIL.needsRex()).isTrue();
        assertThat(Gpr8.SIL.number()).isEqualTo(6);
        assertThat(Gpr8.DH.forbidsRex()).isTrue();
        assertThat(Gpr8.DH.number()).isEqualTo(6);
        assertThat(Gpr8.R9B.needsRex()).isTrue();
        assertThat(Gpr8.AL.needsRex()).isFalse();
        assertThat(Gpr.byName("r13d")).isEqualTo(Gpr32.R13D);
        assertThat(Gpr.byName("bh")).isEqualTo(Gpr8.BH);
    }
}
