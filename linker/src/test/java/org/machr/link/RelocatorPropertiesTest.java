package org.machr.link;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Relocating then decoding the instruction field gives back the value, for every value in range; one past
 * the range is rejected. (Field layouts: Arm ARM C4.1; the byte-exact comparison with ld.lld is in
 * {@link LldDifferentialTest} and {@link RandomLldDifferentialTest}.)
 */
class RelocatorPropertiesTest {

    private static final long P = 0x4020_0000L;

    private static byte[] insn(int word) {
        byte[] b = new byte[4];
        Bytes.putLe(b, 0, 4, word);
        return b;
    }

    private static long signExtend(long v, int bits) {
        return (v << (64 - bits)) >> (64 - bits);
    }

    @Property(tries = 300)
    void call26RoundTrips(@ForAll @IntRange(min = -(1 << 25), max = (1 << 25) - 1) int words) {
        byte[] b = insn(0x94000000); // BL
        long x = words * 4L;
        assertThat(A64Relocator.apply(A64Reloc.CALL26, b, 0, P + x, 0, P)).isEmpty();
        long word = Bytes.getLe(b, 0, 4);
        assertThat(word & 0xfc000000L).isEqualTo(0x94000000L);
        assertThat(signExtend(word & 0x3ffffff, 26) * 4).isEqualTo(x);
    }

    @Property(tries = 300)
    void condbr19AndTstbr14RoundTrip(@ForAll @IntRange(min = -(1 << 13), max = (1 << 13) - 1) int words) {
        byte[] cond = insn(0x54000001); // B.NE
        byte[] tst = insn(0x37180002);  // TBNZ w2, #3
        long x = words * 4L;
        assertThat(A64Relocator.apply(A64Reloc.CONDBR19, cond, 0, P, x, P)).isEmpty();
        assertThat(A64Relocator.apply(A64Reloc.TSTBR14, tst, 0, P, x, P)).isEmpty();
        long c = Bytes.getLe(cond, 0, 4);
        long t = Bytes.getLe(tst, 0, 4);
        assertThat(signExtend((c >> 5) & 0x7ffff, 19) * 4).isEqualTo(x);
        assertThat(c & 0xff00001fL).isEqualTo(0x54000001L);
        assertThat(signExtend((t >> 5) & 0x3fff, 14) * 4).isEqualTo(x);
        assertThat(t & 0xfff8001fL).isEqualTo(0x37180002L);
    }

    @Property(tries = 300)
    void adrpRoundTrips(@ForAll @LongRange(min = 0, max = 0xffff_ffffL) long target) {
        byte[] b = insn(0x90000005); // ADRP x5
        assertThat(A64Relocator.apply(A64Reloc.ADR_PREL_PG_HI21, b, 0, target, 0, P)).isEmpty();
        long w = Bytes.getLe(b, 0, 4);
        long imm = ((w >> 5) & 0x7ffff) << 2 | ((w >> 29) & 3);
        assertThat(signExtend(imm, 21) << 12).isEqualTo((target & ~0xfffL) - (P & ~0xfffL));
        assertThat(w & 0x9f00001fL).isEqualTo(0x90000005L);
    }

    @Property(tries = 200)
    void ldst64TakesTheScaledLow12Bits(@ForAll @LongRange(min = 0, max = 0xffff_ffffL) long target) {
        byte[] b = insn(0xf94000a6); // LDR x6, [x5]
        var problem = A64Relocator.apply(A64Reloc.LDST64_ABS_LO12_NC, b, 0, target, 0, P);
        if (target % 8 != 0) {
            assertThat(problem).get().extracting(RelocProblem::code).isEqualTo(LinkCode.RELOCATION_MISALIGNED);
            return;
        }
        assertThat(problem).isEmpty();
        assertThat((Bytes.getLe(b, 0, 4) >> 10) & 0xfff).isEqualTo((target & 0xfff) / 8);
    }

    @Property(tries = 200)
    void pc32AcceptsExactlyTheSigned32BitRange(@ForAll @LongRange(min = -0x1_0000_0000L, max = 0x1_0000_0000L) long x) {
        byte[] b = new byte[4];
        var problem = X64Relocator.apply(X64Reloc.PC32, b, 0, P + x, 0, P);
        boolean fits = x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE;
        assertThat(problem.isEmpty()).isEqualTo(fits);
        if (fits) assertThat((int) Bytes.getLe(b, 0, 4)).isEqualTo((int) x);
    }

    @Property(tries = 100)
    void branchRangeLimitsAreExact(@ForAll @IntRange(min = 0, max = 1) int side) {
        long limit = 1L << 27;
        long inside = side == 0 ? -limit : limit - 4;
        long outside = side == 0 ? -limit - 4 : limit;
        assertThat(A64Relocator.apply(A64Reloc.JUMP26, insn(0x14000000), 0, P + inside, 0, P)).isEmpty();
        assertThat(A64Relocator.apply(A64Reloc.JUMP26, insn(0x14000000), 0, P + outside, 0, P)).isPresent();
    }
}
