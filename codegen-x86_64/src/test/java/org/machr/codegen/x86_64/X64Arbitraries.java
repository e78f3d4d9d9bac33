package org.machr.codegen.x86_64;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.machr.codegen.x86_64.X64Insn.*;

/**
 * jqwik generators of valid instructions for one mode: every register (REX cases, rsp/rbp/r12/r13 as
 * base), every addressing form (base, index×scale, no base, absolute, RIP-relative, 32-bit address
 * registers, segment overrides), displacements and immediates at the 8/16/32-bit boundaries, all operand
 * sizes.
 */
final class X64Arbitraries {

    private final X64Mode mode;
    private final boolean long64;

    X64Arbitraries(X64Mode mode) {
        this.mode = mode;
        this.long64 = mode == X64Mode.BITS64;
    }

    Arbitrary<X64Insn> instruction() {
        List<Arbitrary<? extends X64Insn>> all = new ArrayList<>(List.of(
                alu(), alu(), alu(), test(), mov(), mov(), movExtend(), lea(), unary(), imul(), shift(), setcc(), cmov(),
                indirect(), pushPop(), xchg(), atomics(), lock(), bitTest(), bitScan(), nullary(), sysTable(), ltr(),
                port(), interrupt(), movCr(), movSeg(), farIndirect(), stringOp(), bswap()));
        if (!long64) all.add(farJmp());
        return Arbitraries.oneOf(all);
    }

    // ---- operands --------------------------------------------------------------------------------------

    Arbitrary<OpSize> size() {
        return long64 ? Arbitraries.of(OpSize.values()) : Arbitraries.of(OpSize.BYTE, OpSize.WORD, OpSize.DWORD);
    }

    Arbitrary<OpSize> wideSize() {
        return long64 ? Arbitraries.of(OpSize.WORD, OpSize.DWORD, OpSize.QWORD) : Arbitraries.of(OpSize.WORD, OpSize.DWORD);
    }

    Arbitrary<Gpr> gpr(OpSize size) {
        int n = long64 ? 16 : 8;
        List<Gpr> regs = new ArrayList<>();
        for (int i = 0; i < n; i++) regs.add(Gpr.of(i, size));
        if (size == OpSize.BYTE && !long64) {
            regs.removeIf(g -> g.number() >= 4);
            regs.addAll(List.of(Gpr8.AH, Gpr8.CH, Gpr8.DH, Gpr8.BH));
        }
        return Arbitraries.of(regs);
    }

    Arbitrary<Long> disp() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(0L, 1L, -1L, 127L, 128L, -128L, -129L, 255L, 256L, 0x7fffffffL, -0x80000000L)),
                net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(Integer.MIN_VALUE, Integer.MAX_VALUE)));
    }

    Arbitrary<Mem> mem() {
        OpSize addr = long64 ? OpSize.QWORD : OpSize.DWORD;
        Arbitrary<Gpr> base = gpr(addr).injectNull(0.15);
        Arbitrary<Gpr> index = gpr(addr).filter(g -> g.number() != 4).injectNull(0.5);
        Arbitrary<Integer> scale = Arbitraries.of(1, 2, 4, 8);
        Arbitrary<SegReg> seg = Arbitraries.of(SegReg.FS, SegReg.GS).injectNull(0.9);
        Arbitrary<Mem> general = Combinators.combine(seg, base, index, scale, disp())
                .as((s, b, i, sc, d) -> new Mem(s, b, i, i == null ? 1 : sc, d, null, false));
        if (!long64) return general;
        Arbitrary<Mem> rip = disp().map(d -> new Mem(null, null, null, 1, d, null, true));
        Arbitrary<Gpr> base32 = gpr(OpSize.DWORD).injectNull(0.1);
        Arbitrary<Gpr> index32 = gpr(OpSize.DWORD).filter(g -> g.number() != 4).injectNull(0.5);
        Arbitrary<Mem> addr32 = Combinators.combine(base32, index32, scale, disp())
                .filter((b, i, sc, d) -> b != null || i != null)
                .as((b, i, sc, d) -> new Mem(null, b, i, i == null ? 1 : sc, d, null, false));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, general), net.jqwik.api.Tuple.of(2, rip), net.jqwik.api.Tuple.of(1, addr32));
    }

    Arbitrary<Operand> rm(OpSize size) {
        return Arbitraries.oneOf(gpr(size), mem());
    }

    /** Immediates for a field of {@code size}: boundaries of imm8 and of the field, and random values. */
    Arbitrary<Imm> imm(OpSize size) {
        long min = size == OpSize.QWORD ? Integer.MIN_VALUE : -(1L << (size.bits() - 1));
        long max = size == OpSize.QWORD ? Integer.MAX_VALUE : (1L << size.bits()) - 1;
        List<Long> edges = new ArrayList<>(List.of(0L, 1L, -1L, 127L, 128L, -128L, -129L, min, max));
        if (size != OpSize.BYTE) edges.addAll(List.of(255L, 256L, 32767L, -32768L));
        edges.removeIf(v -> v < min || v > max);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.of(edges)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(min, max))).map(Imm::of);
    }

    Arbitrary<Imm> imm8u() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.of(0L, 1L, 127L, 128L, 255L)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 255))).map(Imm::of);
    }

    // ---- instructions ------------------------------------------------------------------------------------

    Arbitrary<X64Insn> alu() {
        return Combinators.combine(Arbitraries.of(AluOp.values()), size(), Arbitraries.integers().between(0, 2))
                .flatAs((op, size, form) -> switch (form) {
                    case 0 -> Combinators.combine(rm(size), gpr(size)).as((d, s) -> new Alu(op, size, d, s));
                    case 1 -> Combinators.combine(gpr(size), mem()).as((d, s) -> new Alu(op, size, d, s));
                    default -> Combinators.combine(rm(size), imm(size)).as((d, s) -> new Alu(op, size, d, s));
                });
    }

    Arbitrary<X64Insn> test() {
        return size().flatMap(size -> Arbitraries.oneOf(
                Combinators.combine(rm(size), gpr(size)).as((d, s) -> (X64Insn) new Test(size, d, s)),
                Combinators.combine(rm(size), imm(size)).as((d, s) -> new Test(size, d, s))));
    }

    Arbitrary<X64Insn> mov() {
        Arbitrary<X64Insn> general = size().flatMap(size -> Arbitraries.oneOf(
                Combinators.combine(rm(size), gpr(size)).as((d, s) -> (X64Insn) new Mov(size, d, s)),
                Combinators.combine(gpr(size), mem()).as((d, s) -> new Mov(size, d, s)),
                Combinators.combine(rm(size), imm(size)).as((d, s) -> new Mov(size, d, s))));
        if (!long64) return general;
        Arbitrary<Long> wide = Arbitraries.oneOf(Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0x80000000L, -0x80000001L, 0xffffffffL),
                Arbitraries.longs());
        Arbitrary<X64Insn> movabs = Combinators.combine(gpr(OpSize.QWORD), wide).as((d, v) -> new Mov(OpSize.QWORD, d, Imm.of(v)));
        Arbitrary<X64Insn> explicit = Combinators.combine(gpr(OpSize.QWORD), wide).as((d, v) -> new MovAbs((Gpr64) d, Imm.of(v)));
        return Arbitraries.oneOf(general, movabs, explicit);
    }

    Arbitrary<X64Insn> movExtend() {
        List<OpSize[]> pairs = new ArrayList<>(List.of(
                new OpSize[] {OpSize.BYTE, OpSize.WORD}, new OpSize[] {OpSize.BYTE, OpSize.DWORD}, new OpSize[] {OpSize.WORD, OpSize.DWORD}));
        if (long64) {
            pairs.addAll(List.of(new OpSize[] {OpSize.BYTE, OpSize.QWORD}, new OpSize[] {OpSize.WORD, OpSize.QWORD},
                    new OpSize[] {OpSize.DWORD, OpSize.QWORD}));
        }
        return Combinators.combine(Arbitraries.of(pairs), Arbitraries.of(true, false)).flatAs((p, signed) ->
                Combinators.combine(gpr(p[1]), rm(p[0])).as((d, s) ->
                        new MovExtend(signed || p[0] == OpSize.DWORD, p[0], p[1], d, s)));
    }

    Arbitrary<X64Insn> lea() {
        return wideSize().flatMap(size -> Combinators.combine(gpr(size), mem().filter(m -> m.segment() == null))
                .as((d, m) -> new Lea(size, d, m)));
    }

    Arbitrary<X64Insn> unary() {
        return Combinators.combine(Arbitraries.of(UnaryOp.values()), size())
                .flatAs((op, size) -> rm(size).map(d -> new Unary(op, size, d)));
    }

    Arbitrary<X64Insn> imul() {
        return wideSize().flatMap(size -> Arbitraries.oneOf(
                Combinators.combine(gpr(size), rm(size)).as((d, s) -> (X64Insn) new Imul2(size, d, s)),
                Combinators.combine(gpr(size), rm(size), imm(size)).as((d, s, i) -> new Imul3(size, d, s, i))));
    }

    Arbitrary<X64Insn> shift() {
        Arbitrary<Operand> count = Arbitraries.oneOf(Arbitraries.just(Gpr8.CL), Arbitraries.just(Imm.of(1)), imm8u());
        return Combinators.combine(Arbitraries.of(ShiftOp.values()), size())
                .flatAs((op, size) -> Combinators.combine(rm(size), count).as((d, c) -> new Shift(op, size, d, c)));
    }

    Arbitrary<X64Insn> setcc() {
        return Combinators.combine(Arbitraries.of(Cond.values()), rm(OpSize.BYTE)).as(Setcc::new);
    }

    Arbitrary<X64Insn> cmov() {
        return Combinators.combine(Arbitraries.of(Cond.values()), wideSize())
                .flatAs((c, size) -> Combinators.combine(gpr(size), rm(size)).as((d, s) -> new Cmovcc(c, size, d, s)));
    }

    Arbitrary<X64Insn> indirect() {
        OpSize size = long64 ? OpSize.QWORD : OpSize.DWORD;
        return Combinators.combine(Arbitraries.of(true, false), rm(size))
                .as((call, t) -> call ? new CallIndirect(t) : new JmpIndirect(t));
    }

    Arbitrary<X64Insn> pushPop() {
        OpSize natural = long64 ? OpSize.QWORD : OpSize.DWORD;
        return Arbitraries.of(OpSize.WORD, natural).flatMap(size -> Arbitraries.oneOf(
                rm(size).map(o -> (X64Insn) new Push(size, o)),
                imm(size == OpSize.WORD ? OpSize.WORD : OpSize.QWORD).map(i -> new Push(size, i)),
                rm(size).map(o -> new Pop(size, o))));
    }

    Arbitrary<X64Insn> xchg() {
        return size().flatMap(size -> Arbitraries.oneOf(
                Combinators.combine(gpr(size), gpr(size)).as((a, b) -> (X64Insn) new Xchg(size, a, b)),
                Combinators.combine(gpr(size), mem()).as((a, b) -> new Xchg(size, a, b)),
                Combinators.combine(mem(), gpr(size)).as((a, b) -> new Xchg(size, a, b))));
    }

    Arbitrary<X64Insn> atomics() {
        return Combinators.combine(Arbitraries.of(true, false), size()).flatAs((cmpxchg, size) ->
                Combinators.combine(rm(size), gpr(size)).as((d, s) -> cmpxchg ? new Cmpxchg(size, d, s) : new Xadd(size, d, s)));
    }

    Arbitrary<X64Insn> lock() {
        Arbitrary<X64Insn> inner = size().flatMap(size -> Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(AluOp.values()).filter(o -> o != AluOp.CMP), mem(), Arbitraries.oneOf(gpr(size), imm(size)))
                        .as((op, m, s) -> (X64Insn) new Alu(op, size, m, s)),
                Combinators.combine(Arbitraries.of(UnaryOp.INC, UnaryOp.DEC, UnaryOp.NOT, UnaryOp.NEG), mem()).as((op, m) -> new Unary(op, size, m)),
                Combinators.combine(mem(), gpr(size)).as((m, g) -> new Cmpxchg(size, m, g)),
                Combinators.combine(mem(), gpr(size)).as((m, g) -> new Xadd(size, m, g))));
        return inner.map(Lock::new);
    }

    Arbitrary<X64Insn> bitTest() {
        return Combinators.combine(Arbitraries.of(BitOp.values()), wideSize()).flatAs((op, size) -> Arbitraries.oneOf(
                Combinators.combine(rm(size), gpr(size)).as((d, b) -> (X64Insn) new BitTest(op, size, d, b)),
                Combinators.combine(rm(size), imm8u()).as((d, b) -> new BitTest(op, size, d, b))));
    }

    Arbitrary<X64Insn> bitScan() {
        return Combinators.combine(Arbitraries.of(true, false), wideSize())
                .flatAs((r, size) -> Combinators.combine(gpr(size), rm(size)).as((d, s) -> new BitScan(r, size, d, s)));
    }

    Arbitrary<X64Insn> nullary() {
        return Arbitraries.of(Arrays.stream(NullaryOp.values()).filter(op -> op.mnemonic(mode) != null).toList()).map(Nullary::new);
    }

    Arbitrary<X64Insn> sysTable() {
        return Combinators.combine(Arbitraries.of(SysTableOp.values()), mem()).as(SysTable::new);
    }

    Arbitrary<X64Insn> ltr() {
        return rm(OpSize.WORD).map(Ltr::new);
    }

    Arbitrary<X64Insn> port() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(OpSize.BYTE, OpSize.WORD, OpSize.DWORD),
                imm8u().injectNull(0.5)).as((in, size, p) -> in ? new In(size, p) : new Out(size, p));
    }

    Arbitrary<X64Insn> interrupt() {
        return imm8u().map(Int::new);
    }

    Arbitrary<X64Insn> movCr() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(long64 ? ControlReg.values()
                        : new ControlReg[] {ControlReg.CR0, ControlReg.CR2, ControlReg.CR3, ControlReg.CR4}),
                gpr(long64 ? OpSize.QWORD : OpSize.DWORD)).as(MovCr::new);
    }

    Arbitrary<X64Insn> movSeg() {
        Arbitrary<X64Insn> to = Combinators.combine(Arbitraries.of(SegReg.ES, SegReg.SS, SegReg.DS, SegReg.FS, SegReg.GS),
                Arbitraries.oneOf(gpr(OpSize.WORD), gpr(OpSize.DWORD), mem())).as((s, o) -> new MovSeg(true, s, o));
        Arbitrary<X64Insn> from = Combinators.combine(Arbitraries.of(SegReg.values()), Arbitraries.oneOf(wideSize().flatMap(this::gpr), mem()))
                .as((s, o) -> new MovSeg(false, s, o));
        return Arbitraries.oneOf(to, from);
    }

    Arbitrary<X64Insn> farIndirect() {
        Arbitrary<OpSize> sizes = long64 ? Arbitraries.of(OpSize.DWORD, OpSize.QWORD) : Arbitraries.just(OpSize.DWORD);
        return Combinators.combine(Arbitraries.of(true, false), sizes, mem()).as(FarIndirect::new);
    }

    Arbitrary<X64Insn> stringOp() {
        return Combinators.combine(Arbitraries.of(true, false), size(), Arbitraries.of(true, false)).as(StringOp::new);
    }

    Arbitrary<X64Insn> bswap() {
        return (long64 ? Arbitraries.of(OpSize.DWORD, OpSize.QWORD) : Arbitraries.just(OpSize.DWORD)).flatMap(this::gpr).map(Bswap::new);
    }

    Arbitrary<X64Insn> farJmp() {
        return Combinators.combine(Arbitraries.integers().between(0, 0xFFFF), Arbitraries.longs().between(0, 0xFFFF_FFFFL))
                .as((sel, off) -> new FarJmp(sel, Imm.of(off)));
    }
}
