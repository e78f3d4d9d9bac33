package org.machr.codegen.aarch64;

import java.util.Locale;
import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.aarch64.Ops.*;

/**
 * Prints instructions in llvm-mc's syntax, using the preferred aliases (MOV, CMP, TST, LSL, UBFX, CSET,
 * MUL, …) where the alias assembles back to the same encoding. The output of {@link #print} assembled by
 * {@code llvm-mc -triple=aarch64} gives the bytes of {@link A64Encoder#encode} (tested).
 */
public final class A64Printer {

    private A64Printer() {}

    public static String print(A64Insn insn) {
        return switch (insn) {
            case AddSubImm i -> addSubImm(i);
            case AddSubShifted i -> addSubShifted(i);
            case AddSubExtended i -> addSubExtended(i);
            case LogicalImm i -> logicalImm(i);
            case LogicalShifted i -> logicalShifted(i);
            case MoveWide i -> moveWide(i);
            case Bitfield i -> bitfield(i);
            case Extract i -> i.rn() == i.rm() ? "ror " + r(i.rd()) + ", " + r(i.rn()) + ", #" + i.lsb()
                    : "extr " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm()) + ", #" + i.lsb();
            case PcRelAddr i -> (i.page() ? "adrp " : "adr ") + r(i.rd()) + ", " + target(i.target());
            case DataProc1 i -> lower(i.op()) + " " + r(i.rd()) + ", " + r(i.rn());
            case DataProc2 i -> dataProc2Name(i.op()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm());
            case DataProc3 i -> dataProc3(i);
            case CondSelect i -> condSelect(i);
            case Branch i -> (i.link() ? "bl " : "b ") + target(i.target());
            case CondBranch i -> "b." + i.cond().asmName() + " " + target(i.target());
            case CompareBranch i -> (i.nonZero() ? "cbnz " : "cbz ") + r(i.rt()) + ", " + target(i.target());
            case TestBranch i -> (i.nonZero() ? "tbnz " : "tbz ") + r(i.rt()) + ", #" + i.bit() + ", " + target(i.target());
            case BranchReg i -> i.op() == BranchRegOp.RET && i.rn() == XReg.X30 ? "ret" : lower(i.op()) + " " + r(i.rn());
            case ExceptionGen i -> lower(i.op()) + " #0x" + Integer.toHexString(i.imm16());
            case Eret i -> "eret";
            case Hint i -> lower(i.op());
            case Barrier i -> barrier(i);
            case MsrImm i -> "msr " + i.field().name() + ", #" + i.imm4();
            case Mrs i -> "mrs " + r(i.rt()) + ", " + i.reg().asmName();
            case Msr i -> "msr " + i.reg().asmName() + ", " + r(i.rt());
            case Sys i -> i.op().mnemonic + " " + i.op().opName() + (i.op().takesReg ? ", " + r(i.rt()) : "");
            case LoadStore i -> loadStore(i);
            case LoadLiteral i -> (i.signedWord() ? "ldrsw " : "ldr ") + r(i.rt()) + ", " + target(i.target());
            case LoadStorePair i -> pair(i);
            case Exclusive i -> exclusive(i);
        };
    }

    static String r(GpReg reg) {
        return reg.asmName();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String target(Target t) {
        return switch (t) {
            case Target.Offset o -> "#" + o.bytes();
            case Target.ToLabel l -> l.label().name();
            case Target.ToSymbol s -> s.symbol() + (s.addend() == 0 ? "" : s.addend() > 0 ? "+" + s.addend() : String.valueOf(s.addend()));
        };
    }

    private static String shift(Shift s) {
        return s.amount() == 0 && s.type() == ShiftType.LSL ? "" : ", " + s.type().asmName() + " #" + s.amount();
    }

    private static String addSubImm(AddSubImm i) {
        String imm = "#" + i.imm().value() + (i.imm().shift12() ? ", lsl #12" : "");
        if (!i.sub() && !i.setFlags() && i.imm().value() == 0 && !i.imm().shift12() && (i.rd().isSp() || i.rn().isSp())) {
            return "mov " + r(i.rd()) + ", " + r(i.rn());
        }
        if (i.setFlags() && i.rd().isZr()) return (i.sub() ? "cmp " : "cmn ") + r(i.rn()) + ", " + imm;
        return name(i.sub(), i.setFlags()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + imm;
    }

    private static String name(boolean sub, boolean setFlags) {
        return (sub ? "sub" : "add") + (setFlags ? "s" : "");
    }

    private static String addSubShifted(AddSubShifted i) {
        if (i.setFlags() && i.rd().isZr()) return (i.sub() ? "cmp " : "cmn ") + r(i.rn()) + ", " + r(i.rm()) + shift(i.shift());
        if (i.sub() && i.rn().isZr()) return (i.setFlags() ? "negs " : "neg ") + r(i.rd()) + ", " + r(i.rm()) + shift(i.shift());
        return name(i.sub(), i.setFlags()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm()) + shift(i.shift());
    }

    private static String addSubExtended(AddSubExtended i) {
        ExtendType lslForm = i.rd().is64() ? ExtendType.UXTX : ExtendType.UXTW;
        int amount = i.extend().amount();
        String ext;
        if ((i.rd().isSp() || i.rn().isSp()) && i.extend().type() == lslForm) {
            ext = amount == 0 ? "" : ", lsl #" + amount;
        } else {
            ext = ", " + i.extend().type().asmName() + (amount == 0 ? "" : " #" + amount);
        }
        if (i.setFlags() && i.rd().isZr()) return (i.sub() ? "cmp " : "cmn ") + r(i.rn()) + ", " + r(i.rm()) + ext;
        return name(i.sub(), i.setFlags()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm()) + ext;
    }

    private static String logicalImm(LogicalImm i) {
        String imm = "#0x" + Long.toHexString(i.imm().value());
        if (i.op() == LogicalImmOp.ANDS && i.rd().isZr()) return "tst " + r(i.rn()) + ", " + imm;
        if (i.op() == LogicalImmOp.ORR && i.rn().isZr() && !MoveWideSearch.movzOrMovn(i.imm().value(), i.rd().is64())) {
            return "mov " + r(i.rd()) + ", " + imm;
        }
        return lower(i.op()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + imm;
    }

    private static String logicalShifted(LogicalShifted i) {
        Shift s = i.shift();
        if (i.op() == LogicalRegOp.ORR && i.rn().isZr() && s.amount() == 0 && s.type() == ShiftType.LSL) {
            return "mov " + r(i.rd()) + ", " + r(i.rm());
        }
        if (i.op() == LogicalRegOp.ORN && i.rn().isZr()) return "mvn " + r(i.rd()) + ", " + r(i.rm()) + shift(s);
        if (i.op() == LogicalRegOp.ANDS && i.rd().isZr()) return "tst " + r(i.rn()) + ", " + r(i.rm()) + shift(s);
        return lower(i.op()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm()) + shift(s);
    }

    private static String moveWide(MoveWide i) {
        String plain = " " + r(i.rd()) + ", #" + i.imm16() + (i.shift() == 0 ? "" : ", lsl #" + i.shift());
        boolean wide = i.rd().is64();
        long value = (long) i.imm16() << i.shift();
        switch (i.op()) {
            case MOVZ -> {
                if (i.imm16() != 0 || i.shift() == 0) return "mov " + r(i.rd()) + ", #" + signed(value, wide);
            }
            case MOVN -> {
                long v = ~value;
                if (!wide) v &= 0xffffffffL;
                if ((i.imm16() != 0 || i.shift() == 0) && !MoveWideSearch.movz(v, wide) && (wide || i.imm16() != 0xffff)) {
                    return "mov " + r(i.rd()) + ", #" + signed(v, wide);
                }
            }
            case MOVK -> { }
        }
        return lower(i.op()) + plain;
    }

    private static long signed(long v, boolean wide) {
        return wide ? v : (int) v;
    }

    private static String bitfield(Bitfield i) {
        int size = i.rd().is64() ? 64 : 32;
        int immr = i.immr();
        int imms = i.imms();
        String rd = r(i.rd());
        String rn = r(i.rn());
        String rnW = r(i.rn().withWidth(false));
        switch (i.op()) {
            case UBFM -> {
                if (imms != size - 1 && imms + 1 == immr) return "lsl " + rd + ", " + rn + ", #" + (size - 1 - imms);
                if (imms == size - 1) return "lsr " + rd + ", " + rn + ", #" + immr;
                if (size == 32 && immr == 0 && imms == 7) return "uxtb " + rd + ", " + rn;
                if (size == 32 && immr == 0 && imms == 15) return "uxth " + rd + ", " + rn;
                if (imms < immr) return "ubfiz " + rd + ", " + rn + ", #" + (size - immr) + ", #" + (imms + 1);
                return "ubfx " + rd + ", " + rn + ", #" + immr + ", #" + (imms - immr + 1);
            }
            case SBFM -> {
                if (imms == size - 1) return "asr " + rd + ", " + rn + ", #" + immr;
                if (immr == 0 && imms == 7) return "sxtb " + rd + ", " + rnW;
                if (immr == 0 && imms == 15) return "sxth " + rd + ", " + rnW;
                if (size == 64 && immr == 0 && imms == 31) return "sxtw " + rd + ", " + rnW;
                if (imms < immr) return "sbfiz " + rd + ", " + rn + ", #" + (size - immr) + ", #" + (imms + 1);
                return "sbfx " + rd + ", " + rn + ", #" + immr + ", #" + (imms - immr + 1);
            }
            case BFM -> {
                if (imms < immr) return "bfi " + rd + ", " + rn + ", #" + (size - immr) + ", #" + (imms + 1);
                return "bfxil " + rd + ", " + rn + ", #" + immr + ", #" + (imms - immr + 1);
            }
        }
        throw new IllegalStateException();
    }

    private static String dataProc2Name(DataProc2Op op) {
        return switch (op) {
            case LSLV -> "lsl";
            case LSRV -> "lsr";
            case ASRV -> "asr";
            case RORV -> "ror";
            default -> lower(op);
        };
    }

    private static String dataProc3(DataProc3 i) {
        String three = " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm());
        if (i.op().isHigh()) return lower(i.op()) + three;
        if (i.ra().isZr()) {
            String alias = switch (i.op()) {
                case MADD -> "mul";
                case MSUB -> "mneg";
                case SMADDL -> "smull";
                case UMADDL -> "umull";
                case SMSUBL -> "smnegl";
                case UMSUBL -> "umnegl";
                default -> throw new IllegalStateException();
            };
            return alias + three;
        }
        return lower(i.op()) + three + ", " + r(i.ra());
    }

    private static String condSelect(CondSelect i) {
        boolean same = i.rn() == i.rm();
        boolean invertible = i.cond() != Cond.AL && i.cond() != Cond.NV;
        String inv = invertible ? i.cond().invert().asmName() : "";
        if (same && invertible) {
            switch (i.op()) {
                case CSINC -> {
                    return i.rn().isZr() ? "cset " + r(i.rd()) + ", " + inv : "cinc " + r(i.rd()) + ", " + r(i.rn()) + ", " + inv;
                }
                case CSINV -> {
                    return i.rn().isZr() ? "csetm " + r(i.rd()) + ", " + inv : "cinv " + r(i.rd()) + ", " + r(i.rn()) + ", " + inv;
                }
                case CSNEG -> {
                    return "cneg " + r(i.rd()) + ", " + r(i.rn()) + ", " + inv;
                }
                case CSEL -> { }
            }
        }
        return lower(i.op()) + " " + r(i.rd()) + ", " + r(i.rn()) + ", " + r(i.rm()) + ", " + i.cond().asmName();
    }

    private static String barrier(Barrier i) {
        if (i.kind() == BarrierKind.ISB) return i.crm() == 15 ? "isb" : "isb #" + i.crm();
        return lower(i.kind()) + " " + BarrierOption.byCrm(i.crm()).map(BarrierOption::asmName).orElse("#" + i.crm());
    }

    private static String loadStore(LoadStore i) {
        String mnemonic = lower(i.op());
        int sizeLog2 = i.op().sizeLog2(i.rt().is64());
        String addr = switch (i.addr()) {
            case Address.Scaled s -> "[" + r(s.base()) + (s.offset() == 0 ? "]" : ", #" + s.offset() + "]");
            case Address.Unscaled u -> {
                mnemonic = mnemonic.substring(0, 2) + "u" + mnemonic.substring(2);
                yield "[" + r(u.base()) + (u.offset() == 0 ? "]" : ", #" + u.offset() + "]");
            }
            case Address.PreIndex p -> "[" + r(p.base()) + ", #" + p.offset() + "]!";
            case Address.PostIndex p -> "[" + r(p.base()) + "], #" + p.offset();
            case Address.RegOffset ro -> {
                String ext = ro.extend() == ExtendType.UXTX ? "lsl" : ro.extend().asmName();
                String tail = ro.shifted() ? ", " + ext + " #" + sizeLog2 : ro.extend() == ExtendType.UXTX ? "" : ", " + ext;
                yield "[" + r(ro.base()) + ", " + r(ro.index()) + tail + "]";
            }
        };
        return mnemonic + " " + r(i.rt()) + ", " + addr;
    }

    private static String pair(LoadStorePair i) {
        String regs = lower(i.op()) + " " + r(i.rt1()) + ", " + r(i.rt2()) + ", ";
        return regs + switch (i.mode()) {
            case OFFSET -> "[" + r(i.base()) + (i.offset() == 0 ? "]" : ", #" + i.offset() + "]");
            case PRE -> "[" + r(i.base()) + ", #" + i.offset() + "]!";
            case POST -> "[" + r(i.base()) + "], #" + i.offset();
        };
    }

    private static String exclusive(Exclusive i) {
        String suffix = switch (i.sizeLog2()) {
            case 0 -> "b";
            case 1 -> "h";
            default -> "";
        };
        String status = i.op().hasStatus ? r(i.rs()) + ", " : "";
        return lower(i.op()) + suffix + " " + status + r(i.rt()) + ", [" + r(i.base()) + "]";
    }
}
