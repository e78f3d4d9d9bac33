package org.machr.codegen.aarch64;

import static org.machr.codegen.aarch64.InvalidOperandException.check;

import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.common.CodeBuffer;
import org.machr.link.A64Reloc;
import org.machr.diag.Span;

/**
 * Encodes {@link A64Insn}s into 32-bit words: one small method per encoding class, each citing the Arm
 * Architecture Reference Manual (DDI 0487) section whose field layout it follows. {@link #encode} needs
 * resolved targets; {@link #emit} also accepts labels (recorded as {@link CodeBuffer} fixups) and symbols
 * (recorded as relocations of {@link A64Reloc}).
 */
public final class A64Encoder {

    private A64Encoder() {}

    /** The instruction word; PC-relative targets must be {@link Target.Offset}s within range. */
    public static int encode(A64Insn insn) {
        return switch (insn) {
            case AddSubImm i -> encodeAddSubImm(i);
            case AddSubShifted i -> encodeAddSubShifted(i);
            case AddSubExtended i -> encodeAddSubExtended(i);
            case LogicalImm i -> encodeLogicalImm(i);
            case LogicalShifted i -> encodeLogicalShifted(i);
            case MoveWide i -> encodeMoveWide(i);
            case Bitfield i -> encodeBitfield(i);
            case Extract i -> encodeExtract(i);
            case PcRelAddr i -> encodePcRel(i, offsetOf(i.target()));
            case DataProc1 i -> encodeDataProc1(i);
            case DataProc2 i -> encodeDataProc2(i);
            case DataProc3 i -> encodeDataProc3(i);
            case CondSelect i -> encodeCondSelect(i);
            case Branch i -> encodeBranch(i, offsetOf(i.target()));
            case CondBranch i -> encodeCondBranch(i, offsetOf(i.target()));
            case CompareBranch i -> encodeCompareBranch(i, offsetOf(i.target()));
            case TestBranch i -> encodeTestBranch(i, offsetOf(i.target()));
            case BranchReg i -> encodeBranchReg(i);
            case ExceptionGen i -> encodeException(i);
            case Eret i -> 0xd69f03e0;
            case Hint i -> encodeHint(i);
            case Barrier i -> encodeBarrier(i);
            case MsrImm i -> encodeMsrImm(i);
            case Mrs i -> encodeSystemMove(true, i.reg(), i.rt());
            case Msr i -> encodeSystemMove(false, i.reg(), i.rt());
            case Sys i -> encodeSys(i);
            case LoadStore i -> encodeLoadStore(i);
            case LoadLiteral i -> encodeLoadLiteral(i, offsetOf(i.target()));
            case LoadStorePair i -> encodeLoadStorePair(i);
            case Exclusive i -> encodeExclusive(i);
        };
    }

    /**
     * Appends {@code insn} to {@code buf}. A label target is encoded as zero and recorded as a fixup; a
     * symbol target as a relocation (B → JUMP26, BL → CALL26, B.cond/CBZ → CONDBR19, TBZ → TSTBR14,
     * LDR literal → LD_PREL_LO19, ADR → ADR_PREL_LO21, ADRP → ADR_PREL_PG_HI21). An offset out of range
     * throws {@link InvalidOperandException}.
     */
    public static void emit(CodeBuffer buf, A64Insn insn, Span span) {
        Target target = switch (insn) {
            case PcRelAddr i -> i.target();
            case Branch i -> i.target();
            case CondBranch i -> i.target();
            case CompareBranch i -> i.target();
            case TestBranch i -> i.target();
            case LoadLiteral i -> i.target();
            default -> null;
        };
        int at = buf.size();
        if (target == null || target instanceof Target.Offset) {
            buf.emit32(encode(insn));
            return;
        }
        buf.emit32(encode(withZeroTarget(insn)));
        switch (target) {
            case Target.ToLabel l -> {
                check(!(insn instanceof PcRelAddr p && p.page()), "adrp needs a symbol, not a local label");
                buf.useLabel(at, l.label(), labelUse(insn), span);
            }
            case Target.ToSymbol s -> buf.addRelocation(at, relocKind(insn), s.symbol(), s.addend(), span);
            case Target.Offset o -> throw new IllegalStateException();
        }
    }

    public static A64LabelUse labelUse(A64Insn insn) {
        return switch (insn) {
            case Branch b -> A64LabelUse.BRANCH26;
            case TestBranch t -> A64LabelUse.BRANCH14;
            case PcRelAddr p -> A64LabelUse.ADR21;
            default -> A64LabelUse.BRANCH19;
        };
    }

    public static A64Reloc relocKind(A64Insn insn) {
        return switch (insn) {
            case Branch b -> b.link() ? A64Reloc.CALL26 : A64Reloc.JUMP26;
            case CondBranch c -> A64Reloc.CONDBR19;
            case CompareBranch c -> A64Reloc.CONDBR19;
            case TestBranch t -> A64Reloc.TSTBR14;
            case LoadLiteral l -> A64Reloc.LD_PREL_LO19;
            case PcRelAddr p -> p.page() ? A64Reloc.ADR_PREL_PG_HI21 : A64Reloc.ADR_PREL_LO21;
            default -> throw new IllegalArgumentException("no PC-relative target in " + insn);
        };
    }

    private static A64Insn withZeroTarget(A64Insn insn) {
        Target zero = Target.offset(0);
        return switch (insn) {
            case PcRelAddr i -> new PcRelAddr(i.page(), i.rd(), zero);
            case Branch i -> new Branch(i.link(), zero);
            case CondBranch i -> new CondBranch(i.cond(), zero);
            case CompareBranch i -> new CompareBranch(i.nonZero(), i.rt(), zero);
            case TestBranch i -> new TestBranch(i.nonZero(), i.rt(), i.bit(), zero);
            case LoadLiteral i -> new LoadLiteral(i.signedWord(), i.rt(), zero);
            default -> insn;
        };
    }

    private static long offsetOf(Target t) {
        if (t instanceof Target.Offset o) return o.bytes();
        throw new InvalidOperandException("unresolved target " + t + ": use emit() with a CodeBuffer");
    }

    private static int sf(GpReg r) {
        return r.is64() ? 1 << 31 : 0;
    }

    private static int rd(GpReg r) {
        return r.encoding();
    }

    private static int rn(GpReg r) {
        return r.encoding() << 5;
    }

    private static int rm(GpReg r) {
        return r.encoding() << 16;
    }

    private static int bit(boolean b, int position) {
        return b ? 1 << position : 0;
    }

    /** Word-scaled signed field of {@code bits} bits, range-checked. */
    private static int wordOffset(long bytes, int bits, String what) {
        long limit = 1L << (bits - 1 + 2);
        check((bytes & 3) == 0, what + " offset " + bytes + " is not a multiple of 4");
        check(bytes >= -limit && bytes < limit, what + " offset " + bytes + " is out of range " + -limit + ".." + (limit - 4));
        return (int) ((bytes >> 2) & ((1L << bits) - 1));
    }

    /** C4.1.92.2 Add/subtract (immediate): sf op S 100010 sh imm12 Rn Rd. */
    static int encodeAddSubImm(AddSubImm i) {
        return sf(i.rd()) | bit(i.sub(), 30) | bit(i.setFlags(), 29) | 0x11000000 | bit(i.imm().shift12(), 22)
                | i.imm().value() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.4 Add/subtract (shifted register): sf op S 01011 shift 0 Rm imm6 Rn Rd. */
    static int encodeAddSubShifted(AddSubShifted i) {
        return sf(i.rd()) | bit(i.sub(), 30) | bit(i.setFlags(), 29) | 0x0b000000 | i.shift().type().ordinal() << 22
                | rm(i.rm()) | i.shift().amount() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.5 Add/subtract (extended register): sf op S 01011 00 1 Rm option imm3 Rn Rd. */
    static int encodeAddSubExtended(AddSubExtended i) {
        return sf(i.rd()) | bit(i.sub(), 30) | bit(i.setFlags(), 29) | 0x0b200000 | rm(i.rm())
                | i.extend().type().encoding() << 13 | i.extend().amount() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.92.5 Logical (immediate): sf opc 100100 N immr imms Rn Rd. */
    static int encodeLogicalImm(LogicalImm i) {
        return sf(i.rd()) | i.op().ordinal() << 29 | 0x12000000 | i.imm().encoding() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.3 Logical (shifted register): sf opc 01010 shift N Rm imm6 Rn Rd. */
    static int encodeLogicalShifted(LogicalShifted i) {
        return sf(i.rd()) | i.op().opc << 29 | 0x0a000000 | i.shift().type().ordinal() << 22 | i.op().n << 21
                | rm(i.rm()) | i.shift().amount() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.92.6 Move wide (immediate): sf opc 100101 hw imm16 Rd. */
    static int encodeMoveWide(MoveWide i) {
        return sf(i.rd()) | i.op().opc << 29 | 0x12800000 | (i.shift() / 16) << 21 | i.imm16() << 5 | rd(i.rd());
    }

    /** C4.1.92.7 Bitfield: sf opc 100110 N immr imms Rn Rd (N = sf). */
    static int encodeBitfield(Bitfield i) {
        return sf(i.rd()) | i.op().ordinal() << 29 | 0x13000000 | bit(i.rd().is64(), 22) | i.immr() << 16
                | i.imms() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.92.8 Extract: sf 00 100111 N 0 Rm imms Rn Rd. */
    static int encodeExtract(Extract i) {
        return sf(i.rd()) | 0x13800000 | bit(i.rd().is64(), 22) | rm(i.rm()) | i.lsb() << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.92.1 PC-rel. addressing: op immlo 10000 immhi Rd; ADRP's offset is in 4 KiB pages. */
    static int encodePcRel(PcRelAddr i, long offset) {
        long imm;
        if (i.page()) {
            check((offset & 0xfff) == 0, "adrp offset " + offset + " is not a multiple of 4096");
            imm = offset >> 12;
            check(imm >= -(1L << 20) && imm < (1L << 20), "adrp offset " + offset + " is out of range ±4 GiB");
        } else {
            imm = offset;
            check(imm >= -(1L << 20) && imm < (1L << 20), "adr offset " + offset + " is out of range ±1 MiB");
        }
        return bit(i.page(), 31) | (int) (imm & 3) << 29 | 0x10000000 | (int) ((imm >> 2) & 0x7ffff) << 5 | rd(i.rd());
    }

    /** C4.1.94.2 Data-processing (1 source): sf 1 0 11010110 00000 opcode Rn Rd. */
    static int encodeDataProc1(DataProc1 i) {
        int opcode = switch (i.op()) {
            case RBIT -> 0;
            case REV16 -> 1;
            case REV32 -> 2;
            case REV -> i.rd().is64() ? 3 : 2;
            case CLZ -> 4;
            case CLS -> 5;
        };
        return sf(i.rd()) | 0x5ac00000 | opcode << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.1 Data-processing (2 source): sf 0 0 11010110 Rm opcode Rn Rd. */
    static int encodeDataProc2(DataProc2 i) {
        return sf(i.rd()) | 0x1ac00000 | rm(i.rm()) | i.op().opcode << 10 | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.12 Data-processing (3 source): sf 00 11011 op31 Rm o0 Ra Rn Rd. */
    static int encodeDataProc3(DataProc3 i) {
        return sf(i.rd()) | 0x1b000000 | i.op().op31 << 21 | rm(i.rm()) | i.op().o0 << 15 | i.ra().encoding() << 10
                | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.94.10 Conditional select: sf op 0 11010100 Rm cond op2 Rn Rd. */
    static int encodeCondSelect(CondSelect i) {
        return sf(i.rd()) | i.op().op << 30 | 0x1a800000 | rm(i.rm()) | i.cond().encoding() << 12 | i.op().op2 << 10
                | rn(i.rn()) | rd(i.rd());
    }

    /** C4.1.93.14 Unconditional branch (immediate): op 00101 imm26. */
    static int encodeBranch(Branch i, long offset) {
        return bit(i.link(), 31) | 0x14000000 | wordOffset(offset, 26, i.link() ? "bl" : "b");
    }

    /** C4.1.93.2 Conditional branch (immediate): 0101010 0 imm19 0 cond. */
    static int encodeCondBranch(CondBranch i, long offset) {
        return 0x54000000 | wordOffset(offset, 19, "b." + i.cond().asmName()) << 5 | i.cond().encoding();
    }

    /** C4.1.93.15 Compare and branch (immediate): sf 011010 op imm19 Rt. */
    static int encodeCompareBranch(CompareBranch i, long offset) {
        return sf(i.rt()) | 0x34000000 | bit(i.nonZero(), 24) | wordOffset(offset, 19, i.nonZero() ? "cbnz" : "cbz") << 5
                | rd(i.rt());
    }

    /** C4.1.93.16 Test and branch (immediate): b5 011011 op b40 imm14 Rt. */
    static int encodeTestBranch(TestBranch i, long offset) {
        return (i.bit() >> 5) << 31 | 0x36000000 | bit(i.nonZero(), 24) | (i.bit() & 31) << 19
                | wordOffset(offset, 14, i.nonZero() ? "tbnz" : "tbz") << 5 | rd(i.rt());
    }

    /** C4.1.93.13 Unconditional branch (register): 1101011 opc op2=11111 000000 Rn 00000. */
    static int encodeBranchReg(BranchReg i) {
        return 0xd61f0000 | i.op().opc << 21 | rn(i.rn());
    }

    /** C4.1.93.5 Exception generation: 11010100 opc imm16 000 LL. */
    static int encodeException(ExceptionGen i) {
        return 0xd4000000 | i.op().opc << 21 | i.imm16() << 5 | i.op().ll;
    }

    /** C4.1.93.7 Hints: 11010101000000110010 CRm op2 11111. */
    static int encodeHint(Hint i) {
        return 0xd503201f | i.op().imm << 5;
    }

    /** C4.1.93.8 Barriers: 11010101000000110011 CRm op2 11111. */
    static int encodeBarrier(Barrier i) {
        return 0xd503301f | i.crm() << 8 | i.kind().op2 << 5;
    }

    /** C4.1.93.6 PSTATE: 1101010100000 op1 0100 CRm op2 11111. */
    static int encodeMsrImm(MsrImm i) {
        return 0xd500401f | i.field().op1 << 16 | i.imm4() << 8 | i.field().op2 << 5;
    }

    /** C4.1.93.10 System register move: 1101010100 L 1 o0 op1 CRn CRm op2 Rt. */
    static int encodeSystemMove(boolean read, SysReg reg, XReg rt) {
        return 0xd5100000 | bit(read, 21) | reg.encoding() << 5 | rd(rt);
    }

    /** C4.1.93.9 System instructions: 1101010100 0 01 op1 CRn CRm op2 Rt (SYS). */
    static int encodeSys(Sys i) {
        SysOp op = i.op();
        return 0xd5080000 | op.op1 << 16 | op.crn << 12 | op.crm << 8 | op.op2 << 5 | rd(i.rt());
    }

    /**
     * C4.1.95 Loads and stores, single register: unsigned offset (size 111 0 01 opc imm12 Rn Rt), unscaled
     * / post-index / pre-index (size 111 0 00 opc 0 imm9 {00,01,11} Rn Rt), register offset
     * (size 111 0 00 opc 1 Rm option S 10 Rn Rt).
     */
    static int encodeLoadStore(LoadStore i) {
        int sizeLog2 = i.op().sizeLog2(i.rt().is64());
        int base = sizeLog2 << 30 | i.op().opc(i.rt().is64()) << 22 | rn(i.addr().base()) | rd(i.rt());
        return switch (i.addr()) {
            case Address.Scaled s -> base | 0x39000000 | (int) (s.offset() >> sizeLog2) << 10;
            case Address.Unscaled u -> base | 0x38000000 | (u.offset() & 0x1ff) << 12;
            case Address.PostIndex p -> base | 0x38000400 | (p.offset() & 0x1ff) << 12;
            case Address.PreIndex p -> base | 0x38000c00 | (p.offset() & 0x1ff) << 12;
            case Address.RegOffset r -> base | 0x38200800 | rm(r.index()) | r.extend().encoding() << 13
                    | bit(r.shifted(), 12);
        };
    }

    /** C4.1.95.2 Load register (literal): opc 011 0 00 imm19 Rt. */
    static int encodeLoadLiteral(LoadLiteral i, long offset) {
        int opc = i.signedWord() ? 2 : i.rt().is64() ? 1 : 0;
        return opc << 30 | 0x18000000 | wordOffset(offset, 19, "ldr literal") << 5 | rd(i.rt());
    }

    /** C4.1.95.15 Load/store register pair: opc 101 0 mode L imm7 Rt2 Rn Rt. */
    static int encodeLoadStorePair(LoadStorePair i) {
        int opc = i.op() == Ops.PairOp.LDPSW ? 1 : i.rt1().is64() ? 2 : 0;
        int scale = i.op() == Ops.PairOp.LDPSW ? 2 : i.rt1().is64() ? 3 : 2;
        return opc << 30 | 0x28000000 | i.mode().bits << 23 | bit(i.op() != Ops.PairOp.STP, 22)
                | ((i.offset() >> scale) & 0x7f) << 15 | i.rt2().encoding() << 10 | rn(i.base()) | rd(i.rt1());
    }

    /** C4.1.95.3 Load/store exclusive and ordered: size 001000 o2 L o1 Rs o0 Rt2 Rn Rt (Rt2 = 11111). */
    static int encodeExclusive(Exclusive i) {
        int rs = i.rs() == null ? 31 : i.rs().encoding();
        return i.sizeLog2() << 30 | 0x08000000 | i.op().o2 << 23 | i.op().l << 22 | rs << 16 | i.op().o0 << 15
                | 31 << 10 | rn(i.base()) | rd(i.rt());
    }
}
