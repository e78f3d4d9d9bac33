package org.machr.codegen.aarch64;

import static org.machr.codegen.aarch64.InvalidOperandException.check;

import org.machr.codegen.aarch64.Ops.*;

/**
 * One AArch64 instruction with typed, validated operands: an instruction that constructs can be encoded
 * (PC-relative targets are range-checked when resolved). Records per encoding class of the Arm ARM
 * (C4.1 "A64 instruction set encoding"); aliases (MOV, CMP, LSL, CSET, …) are the printer's and the
 * parser's business, not separate records.
 */
public sealed interface A64Insn {

    /** ADD/SUB (immediate), Arm ARM C4.1.92.2. */
    record AddSubImm(boolean sub, boolean setFlags, GpReg rd, GpReg rn, Imm12 imm) implements A64Insn {
        public AddSubImm {
            sameWidth(rd, rn);
            destSpUnlessFlags(rd, setFlags);
            check(!rn.isZr(), "source must be a register or SP, not " + rn.asmName());
        }
    }

    /** ADD/SUB (shifted register), Arm ARM C4.1.94.4. */
    record AddSubShifted(boolean sub, boolean setFlags, GpReg rd, GpReg rn, GpReg rm, Shift shift) implements A64Insn {
        public AddSubShifted {
            sameWidth(rd, rn, rm);
            noSp(rd, rn, rm);
            check(shift.type() != ShiftType.ROR, "ADD/SUB cannot use ROR");
            shift.checkWidth(rd.is64());
        }
    }

    /** ADD/SUB (extended register), Arm ARM C4.1.94.5. */
    record AddSubExtended(boolean sub, boolean setFlags, GpReg rd, GpReg rn, GpReg rm, Extend extend) implements A64Insn {
        public AddSubExtended {
            sameWidth(rd, rn);
            destSpUnlessFlags(rd, setFlags);
            check(!rn.isZr(), "source must be a register or SP, not " + rn.asmName());
            check(!rm.isSp(), "index register cannot be " + rm.asmName());
            boolean wantX = rd.is64() && extend.type().takesXReg();
            check(rm.is64() == wantX, "extended register must be " + (wantX ? "an X" : "a W") + " register with "
                    + extend.type().asmName());
        }
    }

    /** Logical (immediate), Arm ARM C4.1.92.5. */
    record LogicalImm(LogicalImmOp op, GpReg rd, GpReg rn, BitmaskImm imm) implements A64Insn {
        public LogicalImm {
            sameWidth(rd, rn);
            destSpUnlessFlags(rd, op == LogicalImmOp.ANDS);
            check(!rn.isSp(), "source cannot be " + rn.asmName());
            check(imm.is64() == rd.is64(), "immediate width does not match the register");
        }
    }

    /** Logical (shifted register), Arm ARM C4.1.94.3. */
    record LogicalShifted(LogicalRegOp op, GpReg rd, GpReg rn, GpReg rm, Shift shift) implements A64Insn {
        public LogicalShifted {
            sameWidth(rd, rn, rm);
            noSp(rd, rn, rm);
            shift.checkWidth(rd.is64());
        }
    }

    /** MOVN/MOVZ/MOVK, Arm ARM C4.1.92.6. */
    record MoveWide(MoveWideOp op, GpReg rd, int imm16, int shift) implements A64Insn {
        public MoveWide {
            noSp(rd);
            check(imm16 >= 0 && imm16 <= 0xffff, "immediate " + imm16 + " is not in 0..65535");
            check(shift % 16 == 0 && shift >= 0 && shift <= (rd.is64() ? 48 : 16),
                    "shift " + shift + " must be " + (rd.is64() ? "0, 16, 32 or 48" : "0 or 16"));
        }
    }

    /** SBFM/BFM/UBFM, Arm ARM C4.1.92.7. */
    record Bitfield(BitfieldOp op, GpReg rd, GpReg rn, int immr, int imms) implements A64Insn {
        public Bitfield {
            sameWidth(rd, rn);
            noSp(rd, rn);
            int max = rd.is64() ? 63 : 31;
            check(immr >= 0 && immr <= max && imms >= 0 && imms <= max, "bitfield positions must be in 0.." + max);
        }
    }

    /** EXTR, Arm ARM C4.1.92.8. */
    record Extract(GpReg rd, GpReg rn, GpReg rm, int lsb) implements A64Insn {
        public Extract {
            sameWidth(rd, rn, rm);
            noSp(rd, rn, rm);
            check(lsb >= 0 && lsb <= (rd.is64() ? 63 : 31), "lsb " + lsb + " out of range");
        }
    }

    /** ADR/ADRP, Arm ARM C4.1.92.1. */
    record PcRelAddr(boolean page, XReg rd, Target target) implements A64Insn {
        public PcRelAddr {
            noSp(rd);
        }
    }

    /** RBIT/REV16/REV32/REV/CLZ/CLS, Arm ARM C4.1.94.2. */
    record DataProc1(DataProc1Op op, GpReg rd, GpReg rn) implements A64Insn {
        public DataProc1 {
            sameWidth(rd, rn);
            noSp(rd, rn);
            check(op != DataProc1Op.REV32 || rd.is64(), "rev32 needs X registers");
        }
    }

    /** UDIV/SDIV/LSLV/LSRV/ASRV/RORV, Arm ARM C4.1.94.1. */
    record DataProc2(DataProc2Op op, GpReg rd, GpReg rn, GpReg rm) implements A64Insn {
        public DataProc2 {
            sameWidth(rd, rn, rm);
            noSp(rd, rn, rm);
        }
    }

    /** MADD/MSUB and the long and high multiplies, Arm ARM C4.1.94.12. */
    record DataProc3(DataProc3Op op, GpReg rd, GpReg rn, GpReg rm, GpReg ra) implements A64Insn {
        public DataProc3 {
            noSp(rd, rn, rm, ra);
            if (op.isLong) {
                check(rd.is64() && ra.is64() && !rn.is64() && !rm.is64(), op + " takes X destination/addend and W sources");
            } else {
                sameWidth(rd, rn, rm, ra);
                check(!op.isHigh() || (rd.is64() && ra.isZr()), op + " takes X registers");
            }
        }
    }

    /** CSEL/CSINC/CSINV/CSNEG, Arm ARM C4.1.94.10. */
    record CondSelect(CondSelectOp op, GpReg rd, GpReg rn, GpReg rm, Cond cond) implements A64Insn {
        public CondSelect {
            sameWidth(rd, rn, rm);
            noSp(rd, rn, rm);
        }
    }

    /** B/BL, Arm ARM C4.1.93.14. */
    record Branch(boolean link, Target target) implements A64Insn {}

    /** B.cond, Arm ARM C4.1.93.2. */
    record CondBranch(Cond cond, Target target) implements A64Insn {}

    /** CBZ/CBNZ, Arm ARM C4.1.93.15. */
    record CompareBranch(boolean nonZero, GpReg rt, Target target) implements A64Insn {
        public CompareBranch {
            noSp(rt);
        }
    }

    /** TBZ/TBNZ, Arm ARM C4.1.93.16. */
    record TestBranch(boolean nonZero, GpReg rt, int bit, Target target) implements A64Insn {
        public TestBranch {
            noSp(rt);
            check(bit >= 0 && bit <= (rt.is64() ? 63 : 31), "bit number " + bit + " is out of range for " + rt.asmName());
        }
    }

    /** BR/BLR/RET, Arm ARM C4.1.93.13. */
    record BranchReg(BranchRegOp op, XReg rn) implements A64Insn {
        public BranchReg {
            noSp(rn);
        }
    }

    /** SVC/HVC/SMC/BRK/HLT, Arm ARM C4.1.93.5. */
    record ExceptionGen(ExceptionOp op, int imm16) implements A64Insn {
        public ExceptionGen {
            check(imm16 >= 0 && imm16 <= 0xffff, "immediate " + imm16 + " is not in 0..65535");
        }
    }

    /** ERET, Arm ARM C4.1.93.13. */
    record Eret() implements A64Insn {}

    /** NOP/YIELD/WFE/WFI/SEV/SEVL, Arm ARM C4.1.93.7. */
    record Hint(HintOp op) implements A64Insn {}

    /** DSB/DMB/ISB with a 4-bit option, Arm ARM C4.1.93.8. */
    record Barrier(BarrierKind kind, int crm) implements A64Insn {
        public Barrier {
            check(crm >= 0 && crm <= 15, "barrier option " + crm + " is not in 0..15");
        }
    }

    /** MSR (immediate) to a PSTATE field, Arm ARM C4.1.93.6. */
    record MsrImm(PStateField field, int imm4) implements A64Insn {
        public MsrImm {
            check(imm4 >= 0 && imm4 <= (field == PStateField.SPSel ? 1 : 15),
                    "immediate " + imm4 + " is out of range for " + field);
        }
    }

    /** MRS, Arm ARM C4.1.93.10. */
    record Mrs(XReg rt, SysReg reg) implements A64Insn {
        public Mrs {
            noSp(rt);
            check(!reg.isWriteOnly(), reg.asmName() + " is write-only");
        }
    }

    /** MSR (register), Arm ARM C4.1.93.10. */
    record Msr(SysReg reg, XReg rt) implements A64Insn {
        public Msr {
            noSp(rt);
            check(!reg.isReadOnly(), reg.asmName() + " is read-only");
        }
    }

    /** IC/DC/AT/TLBI, aliases of SYS (Arm ARM C4.1.93.9); {@code rt} is XZR when the operation has none. */
    record Sys(SysOp op, XReg rt) implements A64Insn {
        public Sys {
            noSp(rt);
            check(op.takesReg || rt.isZr(), op.mnemonic + " " + op.opName() + " takes no register");
        }
    }

    /** Single-register loads and stores, all addressing modes, Arm ARM C4.1.95. */
    record LoadStore(LoadStoreOp op, GpReg rt, Address addr) implements A64Insn {
        public LoadStore {
            noSp(rt);
            check(op != LoadStoreOp.LDRSW || rt.is64(), "ldrsw loads into an X register");
            check(!((op == LoadStoreOp.STRB || op == LoadStoreOp.STRH || op == LoadStoreOp.LDRB || op == LoadStoreOp.LDRH)
                    && rt.is64()), op.name().toLowerCase(java.util.Locale.ROOT) + " takes a W register");
            check(!addr.base().isZr(), "base register cannot be xzr");
            int size = 1 << op.sizeLog2(rt.is64());
            switch (addr) {
                case Address.Scaled s -> check(s.offset() >= 0 && s.offset() % size == 0 && s.offset() / size <= 4095,
                        "offset " + s.offset() + " must be a multiple of " + size + " in 0.." + 4095L * size);
                case Address.Unscaled u -> checkSimm9(u.offset());
                case Address.PreIndex p -> checkSimm9(p.offset());
                case Address.PostIndex p -> checkSimm9(p.offset());
                case Address.RegOffset r -> {
                    check(!r.index().isSp(), "index register cannot be " + r.index().asmName());
                    ExtendType e = r.extend();
                    check(e == ExtendType.UXTW || e == ExtendType.SXTW || e == ExtendType.UXTX || e == ExtendType.SXTX,
                            "index extend must be uxtw, sxtw, lsl or sxtx");
                    check(r.index().is64() == e.takesXReg(), "index register width does not match " + e.asmName());
                }
            }
        }
    }

    /** LDR (literal) and LDRSW (literal), Arm ARM C4.1.95.2. */
    record LoadLiteral(boolean signedWord, GpReg rt, Target target) implements A64Insn {
        public LoadLiteral {
            noSp(rt);
            check(!signedWord || rt.is64(), "ldrsw loads into an X register");
        }
    }

    /** LDP/STP/LDPSW with signed scaled 7-bit offset, Arm ARM C4.1.95.15–17. */
    record LoadStorePair(PairOp op, GpReg rt1, GpReg rt2, XReg base, int offset, PairMode mode) implements A64Insn {
        public LoadStorePair {
            sameWidth(rt1, rt2);
            noSp(rt1, rt2);
            check(!base.isZr(), "base register cannot be xzr");
            check(op != PairOp.LDPSW || rt1.is64(), "ldpsw loads X registers");
            int scale = op == PairOp.LDPSW ? 4 : rt1.is64() ? 8 : 4;
            check(offset % scale == 0 && offset / scale >= -64 && offset / scale <= 63,
                    "offset " + offset + " must be a multiple of " + scale + " in " + (-64 * scale) + ".." + (63 * scale));
        }
    }

    /** LDXR/LDAXR/STXR/STLXR/LDAR/STLR in sizes b, h, w, x (sizeLog2 0..3), Arm ARM C4.1.95.3. */
    record Exclusive(ExclusiveOp op, int sizeLog2, GpReg rs, GpReg rt, XReg base) implements A64Insn {
        public Exclusive {
            check(sizeLog2 >= 0 && sizeLog2 <= 3, "size");
            noSp(rt);
            check(rt.is64() == (sizeLog2 == 3), "register width does not match the access size");
            check(!base.isZr(), "base register cannot be xzr");
            if (op.hasStatus) {
                check(rs != null && !rs.is64() && !rs.isSp(), "status register must be a W register");
                check(rs.encoding() != rt.encoding() && (rs.encoding() != base.encoding() || base.isSp()),
                        "status register must differ from the data and base registers");
            } else {
                check(rs == null, op + " has no status register");
            }
        }
    }

    private static void checkSimm9(int offset) {
        check(offset >= -256 && offset <= 255, "offset " + offset + " is not in -256..255");
    }

    private static void sameWidth(GpReg... regs) {
        for (GpReg r : regs) {
            check(r.is64() == regs[0].is64(), "registers must all be " + (regs[0].is64() ? "X" : "W") + " registers, not "
                    + r.asmName());
        }
    }

    private static void noSp(GpReg... regs) {
        for (GpReg r : regs) check(!r.isSp(), r.asmName() + " is not allowed here");
    }

    private static void destSpUnlessFlags(GpReg rd, boolean setFlags) {
        check(setFlags ? !rd.isSp() : !rd.isZr(), rd.asmName() + " is not allowed as destination here");
    }
}
