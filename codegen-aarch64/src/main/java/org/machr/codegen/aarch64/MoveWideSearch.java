package org.machr.codegen.aarch64;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a constant can be materialised by the move-wide instructions (Arm ARM C6.2 "MOV (wide immediate)",
 * "MOV (inverted wide immediate)", "MOV (bitmask immediate)"), as assemblers choose for {@code mov Rd, #imm}:
 * MOVZ first, then MOVN, then ORR with a bitmask immediate.
 */
public final class MoveWideSearch {

    private MoveWideSearch() {}

    /** Whether a single MOVZ produces {@code v} (at most one non-zero 16-bit chunk). */
    public static boolean movz(long v, boolean wide) {
        long value = wide ? v : v & 0xffffffffL;
        int chunks = wide ? 4 : 2;
        int nonZero = 0;
        for (int c = 0; c < chunks; c++) if (((value >>> (16 * c)) & 0xffff) != 0) nonZero++;
        return nonZero <= 1;
    }

    /** Whether a single MOVN produces {@code v}. */
    public static boolean movn(long v, boolean wide) {
        long inv = wide ? ~v : ~v & 0xffffffffL;
        return movz(inv, wide);
    }

    public static boolean movzOrMovn(long v, boolean wide) {
        return movz(v, wide) || movn(v, wide);
    }

    /**
     * The single instruction {@code mov rd, #v} assembles to, if any: MOVZ, else MOVN (for 32-bit, not
     * with imm16 0xffff, which would be MOVZ-able), else ORR with a bitmask immediate.
     */
    public static Optional<A64Insn> movImmediate(GpReg rd, long v) {
        boolean wide = rd.is64();
        long value = wide ? v : v & 0xffffffffL;
        if (!rd.isSp() && movz(value, wide)) {
            int shift = 0;
            for (int c = 0; c < (wide ? 4 : 2); c++) if (((value >>> (16 * c)) & 0xffff) != 0) shift = 16 * c;
            return Optional.of(new A64Insn.MoveWide(Ops.MoveWideOp.MOVZ, rd, (int) ((value >>> shift) & 0xffff), shift));
        }
        if (!rd.isSp() && movn(value, wide)) {
            long inv = wide ? ~value : ~value & 0xffffffffL;
            int shift = 0;
            for (int c = 0; c < (wide ? 4 : 2); c++) if (((inv >>> (16 * c)) & 0xffff) != 0) shift = 16 * c;
            return Optional.of(new A64Insn.MoveWide(Ops.MoveWideOp.MOVN, rd, (int) ((inv >>> shift) & 0xffff), shift));
        }
        return BitmaskImm.tryOf(value, wide).map(imm -> new A64Insn.LogicalImm(Ops.LogicalImmOp.ORR, rd,
                wide ? XReg.XZR : WReg.WZR, imm));
    }

    /** A MOVZ/MOVK (or MOVN/MOVK) sequence producing any 64-bit or 32-bit constant, shortest of the two. */
    public static List<A64Insn> sequence(GpReg rd, long v) {
        Optional<A64Insn> single = movImmediate(rd, v);
        if (single.isPresent()) return List.of(single.get());
        boolean wide = rd.is64();
        int chunks = wide ? 4 : 2;
        long value = wide ? v : v & 0xffffffffL;
        int ones = 0;
        for (int c = 0; c < chunks; c++) if (((value >>> (16 * c)) & 0xffff) == 0xffff) ones++;
        int zeros = 0;
        for (int c = 0; c < chunks; c++) if (((value >>> (16 * c)) & 0xffff) == 0) zeros++;
        boolean inverted = ones > zeros;
        List<A64Insn> out = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int chunk = (int) ((value >>> (16 * c)) & 0xffff);
            if (chunk == (inverted ? 0xffff : 0)) continue;
            if (out.isEmpty()) {
                out.add(new A64Insn.MoveWide(inverted ? Ops.MoveWideOp.MOVN : Ops.MoveWideOp.MOVZ, rd,
                        inverted ? ~chunk & 0xffff : chunk, 16 * c));
            } else {
                out.add(new A64Insn.MoveWide(Ops.MoveWideOp.MOVK, rd, chunk, 16 * c));
            }
        }
        return out;
    }
}
