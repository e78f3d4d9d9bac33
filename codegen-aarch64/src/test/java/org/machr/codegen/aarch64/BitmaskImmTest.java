package org.machr.codegen.aarch64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class BitmaskImmTest {

    /** Every N:immr:imms: decodable ones encode back to themselves; the counts match the architecture. */
    @Test
    void encoderInvertsDecoderOverAllEncodings() {
        for (boolean wide : new boolean[] {true, false}) {
            int valid = 0;
            for (int n = 0; n <= 1; n++) {
                for (int immr = 0; immr < 64; immr++) {
                    for (int imms = 0; imms < 64; imms++) {
                        OptionalLong v = BitmaskImm.decode(n, immr, imms, wide);
                        if (v.isEmpty()) continue;
                        int esize = n == 1 ? 64 : 1 << (31 - Integer.numberOfLeadingZeros(~imms & 0x3f));
                        if (immr >= esize) continue; // immr's upper bits are ignored: not canonical
                        valid++;
                        assertThat(new BitmaskImm(v.getAsLong(), wide).encoding())
                                .as("n=%d immr=%d imms=%d", n, immr, imms).isEqualTo(n << 12 | immr << 6 | imms);
                    }
                }
            }
            assertThat(valid).isEqualTo(wide ? 5334 : 1302);
        }
    }

    @Test
    void rejectsValuesThatAreNotRotatedRuns() {
        assertThatThrownBy(() -> new BitmaskImm(0, true)).hasMessage("immediate 0x0 is not a valid logical (bitmask) immediate");
        assertThatThrownBy(() -> new BitmaskImm(-1, true)).isInstanceOf(InvalidOperandException.class);
        assertThatThrownBy(() -> new BitmaskImm(0x1234, true)).isInstanceOf(InvalidOperandException.class);
        assertThatThrownBy(() -> new BitmaskImm(0x1_0000_0000L, false)).hasMessage("immediate 4294967296 does not fit 32 bits");
        assertThat(new BitmaskImm(0xff, true).encoding()).isEqualTo(0x1007);
        assertThat(new BitmaskImm(0x5555555555555555L, true).encoding()).isEqualTo(0x03c);
    }

    /** All 5,334 64-bit and 1,302 32-bit logical immediates, assembled by llvm-mc in one batch. */
    @Test
    void everyLogicalImmediateMatchesLlvmMc() {
        List<A64Insn> insns = new ArrayList<>();
        for (boolean wide : new boolean[] {true, false}) {
            for (int n = 0; n <= 1; n++) {
                for (int immr = 0; immr < (wide ? 64 : 32); immr++) {
                    for (int imms = 0; imms < 64; imms++) {
                        OptionalLong v = BitmaskImm.decode(n, immr, imms, wide);
                        if (v.isEmpty() || (n == 0 && immr >= (1 << (31 - Integer.numberOfLeadingZeros(~imms & 0x3f))))) continue;
                        insns.add(new A64Insn.LogicalImm(Ops.LogicalImmOp.EOR, XReg.X3.withWidth(wide), XReg.X4.withWidth(wide),
                                new BitmaskImm(v.getAsLong(), wide)));
                    }
                }
            }
        }
        assertThat(insns).hasSize(5334 + 1302);
        List<String> text = insns.stream().map(A64Printer::print).toList();
        assertThat(EncoderDifferentialTest.mismatches(insns, text, References.llvmMc(text))).isEmpty();
    }
}
