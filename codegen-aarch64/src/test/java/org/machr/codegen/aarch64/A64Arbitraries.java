package org.machr.codegen.aarch64;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.aarch64.Ops.*;

/** jqwik generators of valid instructions of every form, with operands biased to their range limits. */
final class A64Arbitraries {

    private A64Arbitraries() {}

    static Arbitrary<Integer> ints(int lo, int hi) {
        return Arbitraries.oneOf(Arbitraries.integers().between(lo, hi), Arbitraries.of(lo, hi));
    }

    static Arbitrary<Boolean> bool() {
        return Arbitraries.of(true, false);
    }

    /** r0..r30 or the zero register. */
    static Arbitrary<GpReg> reg(boolean wide) {
        return ints(0, 31).map(n -> n == 31 ? (wide ? XReg.XZR : WReg.WZR) : GpReg.of(n, wide));
    }

    /** r0..r30 or SP. */
    static Arbitrary<GpReg> regOrSp(boolean wide) {
        return ints(0, 31).map(n -> GpReg.of(n, wide));
    }

    static Arbitrary<XReg> x() {
        return reg(true).map(r -> (XReg) r);
    }

    static Arbitrary<XReg> xOrSp() {
        return regOrSp(true).map(r -> (XReg) r);
    }

    static Arbitrary<A64Insn> addSubImm() {
        return bool().flatMap(w -> Combinators.combine(bool(), bool(), regOrSp(w), reg(w), regOrSp(w), ints(0, 4095), bool())
                .as((sub, s, rdSp, rdZr, rn, imm, sh) -> new AddSubImm(sub, s, s ? rdZr : rdSp, rn, new Imm12(imm, sh))));
    }

    static Arbitrary<Shift> shift(boolean wide, boolean allowRor) {
        return Combinators.combine(Arbitraries.of(allowRor ? ShiftType.values() : new ShiftType[] {ShiftType.LSL, ShiftType.LSR, ShiftType.ASR}),
                ints(0, wide ? 63 : 31)).as(Shift::new);
    }

    static Arbitrary<A64Insn> addSubShifted() {
        return bool().flatMap(w -> Combinators.combine(bool(), bool(), reg(w), reg(w), reg(w), shift(w, false))
                .as(AddSubShifted::new));
    }

    static Arbitrary<A64Insn> addSubExtended() {
        return bool().flatMap(w -> Combinators.combine(bool(), bool(), regOrSp(w), reg(w), regOrSp(w),
                        Arbitraries.of(ExtendType.values()), ints(0, 4), ints(0, 31))
                .as((sub, s, rdSp, rdZr, rn, ext, amount, m) -> {
                    GpReg rm = m == 31 ? (w && ext.takesXReg() ? XReg.XZR : WReg.WZR) : GpReg.of(m, w && ext.takesXReg());
                    return new AddSubExtended(sub, s, s ? rdZr : rdSp, rn, rm, new Extend(ext, amount));
                }));
    }

    /** A valid bitmask immediate from a random N:immr:imms (every element size), or all ones in a run. */
    static Arbitrary<BitmaskImm> bitmask(boolean wide) {
        return Combinators.combine(ints(0, wide ? 1 : 0), ints(0, 63), ints(0, 63))
                .as((n, immr, imms) -> BitmaskImm.decode(n, wide ? immr : immr & 31, imms, wide))
                .filter(v -> v.isPresent()).map(v -> new BitmaskImm(v.getAsLong(), wide));
    }

    static Arbitrary<A64Insn> logicalImm() {
        return bool().flatMap(w -> Combinators.combine(Arbitraries.of(LogicalImmOp.values()), regOrSp(w), reg(w), reg(w), bitmask(w))
                .as((op, rdSp, rdZr, rn, imm) -> new LogicalImm(op, op == LogicalImmOp.ANDS ? rdZr : rdSp, rn, imm)));
    }

    static Arbitrary<A64Insn> logicalShifted() {
        return bool().flatMap(w -> Combinators.combine(Arbitraries.of(LogicalRegOp.values()), reg(w), reg(w), reg(w), shift(w, true))
                .as(LogicalShifted::new));
    }

    static Arbitrary<A64Insn> moveWide() {
        return bool().flatMap(w -> Combinators.combine(Arbitraries.of(MoveWideOp.values()), reg(w), ints(0, 0xffff), ints(0, w ? 3 : 1))
                .as((op, rd, imm, hw) -> new MoveWide(op, rd, imm, hw * 16)));
    }

    static Arbitrary<A64Insn> bitfield() {
        return bool().flatMap(w -> Combinators.combine(Arbitraries.of(BitfieldOp.values()), reg(w), reg(w), ints(0, w ? 63 : 31), ints(0, w ? 63 : 31))
                .as(Bitfield::new));
    }

    static Arbitrary<A64Insn> extract() {
        return bool().flatMap(w -> Combinators.combine(reg(w), reg(w), reg(w), ints(0, w ? 63 : 31), bool())
                .as((rd, rn, rm, lsb, same) -> new Extract(rd, rn, same ? rn : rm, lsb)));
    }

    static Arbitrary<A64Insn> dataProc() {
        Arbitrary<A64Insn> one = bool().flatMap(w -> Combinators.combine(Arbitraries.of(DataProc1Op.values()), reg(w), reg(w))
                .as((op, rd, rn) -> op == DataProc1Op.REV32 && !w ? new DataProc1(DataProc1Op.REV, rd, rn) : new DataProc1(op, rd, rn)));
        Arbitrary<A64Insn> two = bool().flatMap(w -> Combinators.combine(Arbitraries.of(DataProc2Op.values()), reg(w), reg(w), reg(w))
                .as(DataProc2::new));
        Arbitrary<A64Insn> three = Combinators.combine(Arbitraries.of(DataProc3Op.values()), bool(), ints(0, 31), ints(0, 31), ints(0, 31), ints(0, 31), bool())
                .as((op, w, d, n, m, a, zeroA) -> {
                    boolean wide = w || op.isLong || op.isHigh();
                    boolean srcWide = op.isLong ? false : wide;
                    GpReg ra = op.isHigh() || zeroA ? XReg.XZR.withWidth(wide) : reg(d, wide, a);
                    return (A64Insn) new DataProc3(op, reg(0, wide, d), reg(0, srcWide, n), reg(0, srcWide, m), ra);
                });
        Arbitrary<A64Insn> csel = bool().flatMap(w -> Combinators.combine(Arbitraries.of(CondSelectOp.values()), reg(w), reg(w), reg(w), Arbitraries.of(Cond.values()), bool())
                .as((op, rd, rn, rm, c, same) -> new CondSelect(op, rd, rn, same ? rn : rm, c)));
        return Arbitraries.oneOf(one, two, three, csel);
    }

    private static GpReg reg(int unused, boolean wide, int n) {
        return n == 31 ? XReg.XZR.withWidth(wide) : GpReg.of(n, wide);
    }

    static Arbitrary<A64Insn> branches() {
        Arbitrary<A64Insn> b = Combinators.combine(bool(), ints(-(1 << 25), (1 << 25) - 1)).as((l, off) -> new Branch(l, Target.offset(4L * off)));
        Arbitrary<A64Insn> bc = Combinators.combine(Arbitraries.of(Cond.values()), ints(-(1 << 18), (1 << 18) - 1))
                .as((c, off) -> new CondBranch(c, Target.offset(4L * off)));
        Arbitrary<A64Insn> cb = bool().flatMap(w -> Combinators.combine(bool(), reg(w), ints(-(1 << 18), (1 << 18) - 1))
                .as((nz, rt, off) -> new CompareBranch(nz, rt, Target.offset(4L * off))));
        Arbitrary<A64Insn> tb = bool().flatMap(w -> Combinators.combine(bool(), reg(w), ints(0, w ? 63 : 31), ints(-(1 << 13), (1 << 13) - 1))
                .as((nz, rt, bit, off) -> new TestBranch(nz, rt, bit, Target.offset(4L * off))));
        Arbitrary<A64Insn> adr = Combinators.combine(bool(), x(), ints(-(1 << 20), (1 << 20) - 1))
                .as((page, rd, off) -> new PcRelAddr(page, rd, Target.offset(page ? 4096L * off : off)));
        Arbitrary<A64Insn> lit = Combinators.combine(Arbitraries.of(0, 1, 2), ints(0, 31), ints(-(1 << 18), (1 << 18) - 1))
                .as((kind, n, off) -> new LoadLiteral(kind == 2, reg(0, kind != 0, n), Target.offset(4L * off)));
        Arbitrary<A64Insn> br = Combinators.combine(Arbitraries.of(BranchRegOp.values()), x()).as(BranchReg::new);
        return Arbitraries.oneOf(b, bc, cb, tb, adr, lit, br);
    }

    static Arbitrary<A64Insn> system() {
        List<Arbitrary<A64Insn>> all = new ArrayList<>();
        all.add(Combinators.combine(Arbitraries.of(ExceptionOp.values()), ints(0, 0xffff)).as(ExceptionGen::new));
        all.add(Arbitraries.just(new Eret()));
        all.add(Arbitraries.of(HintOp.values()).map(Hint::new));
        all.add(Combinators.combine(Arbitraries.of(BarrierKind.DSB, BarrierKind.DMB), Arbitraries.of(BarrierOption.values()))
                .as((k, o) -> new Barrier(k, o.crm)));
        all.add(Arbitraries.of(new Barrier(BarrierKind.ISB, 15)));
        all.add(Combinators.combine(Arbitraries.of(PStateField.values()), ints(0, 15))
                .as((f, imm) -> new MsrImm(f, f == PStateField.SPSel ? imm & 1 : imm)));
        Arbitrary<SysReg> sysreg = Arbitraries.oneOf(Arbitraries.of(SysReg.Named.values()).map(n -> n.reg),
                ints(0, 30).map(n -> SysReg.byName("PMEVCNTR" + n + "_EL0").orElseThrow()),
                ints(0, 30).map(n -> SysReg.byName("PMEVTYPER" + n + "_EL0").orElseThrow()));
        all.add(Combinators.combine(x(), sysreg.filter(r -> !r.isWriteOnly())).as(Mrs::new));
        all.add(Combinators.combine(sysreg.filter(r -> !r.isReadOnly()), x()).as(Msr::new));
        all.add(Combinators.combine(Arbitraries.of(SysOp.values()), x()).as((op, rt) -> new Sys(op, op.takesReg ? rt : XReg.XZR)));
        return Arbitraries.oneOf(all);
    }

    static Arbitrary<Address> address(int sizeLog2) {
        int size = 1 << sizeLog2;
        return Arbitraries.oneOf(
                Combinators.combine(xOrSp(), ints(0, 4095)).as((b, imm) -> new Address.Scaled(b, (long) imm * size)),
                Combinators.combine(xOrSp(), ints(-256, 255)).as(Address.Unscaled::new),
                Combinators.combine(xOrSp(), ints(-256, 255)).as(Address.PreIndex::new),
                Combinators.combine(xOrSp(), ints(-256, 255)).as(Address.PostIndex::new),
                Combinators.combine(xOrSp(), ints(0, 31), Arbitraries.of(ExtendType.UXTW, ExtendType.SXTW, ExtendType.UXTX, ExtendType.SXTX), bool())
                        .as((b, idx, ext, shifted) -> new Address.RegOffset(b, reg(0, ext.takesXReg(), idx), ext, shifted)));
    }

    static Arbitrary<A64Insn> loadStore() {
        return Arbitraries.of(LoadStoreOp.values()).flatMap(op -> bool().flatMap(w -> {
                    boolean wide = op == LoadStoreOp.LDRSW
                            || (w && op != LoadStoreOp.STRB && op != LoadStoreOp.LDRB && op != LoadStoreOp.STRH && op != LoadStoreOp.LDRH);
                    return Combinators.combine(ints(0, 31), address(op.sizeLog2(wide)))
                            .as((t, addr) -> (A64Insn) new LoadStore(op, reg(0, wide, t), addr));
                }))
                .filter(i -> {
                    // Writeback into the transferred register is unpredictable; the references reject it.
                    LoadStore ls = (LoadStore) i;
                    boolean wb = ls.addr() instanceof Address.PreIndex || ls.addr() instanceof Address.PostIndex;
                    return !(wb && !ls.addr().base().isSp() && ls.addr().base().encoding() == ls.rt().encoding());
                });
    }

    static Arbitrary<A64Insn> pairs() {
        return Combinators.combine(Arbitraries.of(PairOp.values()), bool(), ints(0, 31), ints(0, 31), xOrSp(), ints(-64, 63), Arbitraries.of(PairMode.values()))
                .as((op, w, t1, t2, base, imm7, mode) -> {
                    boolean wide = op == PairOp.LDPSW || w;
                    int scale = op == PairOp.LDPSW ? 4 : wide ? 8 : 4;
                    return (A64Insn) new LoadStorePair(op, reg(0, wide, t1), reg(0, wide, t2), base, imm7 * scale, mode);
                })
                .filter(i -> {
                    LoadStorePair p = (LoadStorePair) i;
                    // Loads into the same register twice, or writeback into a transferred register, are
                    // unpredictable and rejected by the reference assemblers.
                    boolean sameLoad = p.op() != PairOp.STP && p.rt1().encoding() == p.rt2().encoding();
                    boolean wbOverlap = p.mode() != PairMode.OFFSET && !p.base().isSp()
                            && (p.base().encoding() == p.rt1().encoding() || p.base().encoding() == p.rt2().encoding());
                    return !sameLoad && !wbOverlap;
                });
    }

    static Arbitrary<A64Insn> exclusive() {
        return Combinators.combine(Arbitraries.of(ExclusiveOp.values()), ints(0, 3), ints(0, 30), ints(0, 31), xOrSp())
                .as((op, size, s, t, base) -> {
                    GpReg rt = reg(0, size == 3, t);
                    GpReg rs = op.hasStatus ? WReg.values()[s] : null;
                    try {
                        return (A64Insn) new Exclusive(op, size, rs, rt, base);
                    } catch (InvalidOperandException e) {
                        return null;
                    }
                }).filter(i -> i != null);
    }

    /** Every instruction form. */
    static Arbitrary<A64Insn> any() {
        return Arbitraries.oneOf(addSubImm(), addSubShifted(), addSubExtended(), logicalImm(), logicalShifted(), moveWide(),
                bitfield(), extract(), dataProc(), branches(), system(), loadStore(), pairs(), exclusive());
    }
}
