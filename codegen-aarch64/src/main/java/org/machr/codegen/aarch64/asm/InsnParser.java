package org.machr.codegen.aarch64.asm;

import java.util.Locale;
import java.util.Optional;
import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.aarch64.BarrierOption;
import org.machr.codegen.aarch64.BitmaskImm;
import org.machr.codegen.aarch64.Cond;
import org.machr.codegen.aarch64.Extend;
import org.machr.codegen.aarch64.ExtendType;
import org.machr.codegen.aarch64.GpReg;
import org.machr.codegen.aarch64.Imm12;
import org.machr.codegen.aarch64.MoveWideSearch;
import org.machr.codegen.aarch64.Ops.*;
import org.machr.codegen.aarch64.Shift;
import org.machr.codegen.aarch64.ShiftType;
import org.machr.codegen.aarch64.SysOp;
import org.machr.codegen.aarch64.SysReg;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.WReg;
import org.machr.codegen.aarch64.XReg;
import org.machr.link.A64Reloc;

/**
 * Turns a mnemonic and its operands into an instruction, accepting the llvm-mc / GNU as syntax and the
 * usual aliases (MOV, CMP, CMN, TST, NEG, MVN, LSL/LSR/ASR/ROR, UBFX/SBFX/BFI, UXTB/SXTW…, MUL,
 * CSET/CINC, RET). Loads and stores are in {@link MemInsnParser}.
 */
final class InsnParser {

    private InsnParser() {}

    static Parsed parse(String mnemonicAsWritten, Operands o) {
        String m = mnemonicAsWritten.toLowerCase(Locale.ROOT);
        Optional<Parsed> mem = MemInsnParser.parse(m, o);
        if (mem.isPresent()) return mem.get();
        switch (m) {
            case "add", "adds", "sub", "subs" -> { return addSub(m.startsWith("sub"), m.endsWith("s"), o); }
            case "cmp", "cmn" -> { return compare(m.equals("cmp"), o); }
            case "and", "orr", "eor", "ands", "bic", "bics", "orn", "eon" -> { return logical(m, o); }
            case "tst" -> { return test(o); }
            case "mov" -> { return mov(o); }
            case "mvn" -> {
                o.count(2, 3);
                GpReg rd = o.reg(0);
                return Parsed.of(new LogicalShifted(LogicalRegOp.ORN, rd, zr(rd), o.reg(1), shiftOf(o, 2, rd, true)));
            }
            case "neg", "negs" -> {
                o.count(2, 3);
                GpReg rd = o.reg(0);
                return Parsed.of(new AddSubShifted(true, m.equals("negs"), rd, zr(rd), o.reg(1), shiftOf(o, 2, rd, false)));
            }
            case "movz", "movn", "movk" -> { return moveWide(MoveWideOp.valueOf(m.toUpperCase(Locale.ROOT)), o); }
            case "lsl", "lsr", "asr", "ror" -> { return shiftInsn(m, o); }
            case "lslv", "lsrv", "asrv", "rorv", "udiv", "sdiv" -> {
                o.count(3);
                return Parsed.of(new DataProc2(DataProc2Op.valueOf(m.toUpperCase(Locale.ROOT)), o.reg(0), o.reg(1), o.reg(2)));
            }
            case "ubfm", "sbfm", "bfm" -> {
                o.count(4);
                GpReg rd = o.reg(0);
                int max = rd.is64() ? 63 : 31;
                return Parsed.of(new Bitfield(BitfieldOp.valueOf(m.toUpperCase(Locale.ROOT)), rd, o.reg(1), o.immIn(2, 0, max), o.immIn(3, 0, max)));
            }
            case "ubfx", "sbfx", "bfxil", "ubfiz", "sbfiz", "bfi" -> { return bitfieldAlias(m, o); }
            case "uxtb", "uxth", "sxtb", "sxth", "sxtw" -> { return extendAlias(m, o); }
            case "extr" -> {
                o.count(4);
                GpReg rd = o.reg(0);
                return Parsed.of(new Extract(rd, o.reg(1), o.reg(2), o.immIn(3, 0, rd.is64() ? 63 : 31)));
            }
            case "rbit", "rev", "rev16", "rev32", "clz", "cls" -> {
                o.count(2);
                return Parsed.of(new DataProc1(DataProc1Op.valueOf(m.toUpperCase(Locale.ROOT)), o.reg(0), o.reg(1)));
            }
            case "madd", "msub", "smaddl", "smsubl", "umaddl", "umsubl" -> {
                o.count(4);
                return Parsed.of(new DataProc3(DataProc3Op.valueOf(m.toUpperCase(Locale.ROOT)), o.reg(0), o.reg(1), o.reg(2), o.reg(3)));
            }
            case "mul", "mneg", "smull", "umull", "smnegl", "umnegl", "smulh", "umulh" -> {
                o.count(3);
                DataProc3Op op = switch (m) {
                    case "mul" -> DataProc3Op.MADD;
                    case "mneg" -> DataProc3Op.MSUB;
                    case "smull" -> DataProc3Op.SMADDL;
                    case "umull" -> DataProc3Op.UMADDL;
                    case "smnegl" -> DataProc3Op.SMSUBL;
                    case "umnegl" -> DataProc3Op.UMSUBL;
                    case "smulh" -> DataProc3Op.SMULH;
                    default -> DataProc3Op.UMULH;
                };
                GpReg rd = o.reg(0);
                return Parsed.of(new DataProc3(op, rd, o.reg(1), o.reg(2), zr(rd)));
            }
            case "csel", "csinc", "csinv", "csneg" -> {
                o.count(4);
                return Parsed.of(new CondSelect(CondSelectOp.valueOf(m.toUpperCase(Locale.ROOT)), o.reg(0), o.reg(1), o.reg(2), cond(o, 3)));
            }
            case "cset", "csetm" -> {
                o.count(2);
                GpReg rd = o.reg(0);
                Cond c = invertible(o, 1);
                return Parsed.of(new CondSelect(m.equals("cset") ? CondSelectOp.CSINC : CondSelectOp.CSINV, rd, zr(rd), zr(rd), c.invert()));
            }
            case "cinc", "cinv", "cneg" -> {
                o.count(3);
                CondSelectOp op = m.equals("cinc") ? CondSelectOp.CSINC : m.equals("cinv") ? CondSelectOp.CSINV : CondSelectOp.CSNEG;
                GpReg rn = o.reg(1);
                return Parsed.of(new CondSelect(op, o.reg(0), rn, rn, invertible(o, 2).invert()));
            }
            case "b", "bl" -> {
                o.count(1);
                return target(new Branch(m.equals("bl"), Target.offset(0)), o, 0);
            }
            case "cbz", "cbnz" -> {
                o.count(2);
                return target(new CompareBranch(m.equals("cbnz"), o.reg(0), Target.offset(0)), o, 1);
            }
            case "tbz", "tbnz" -> {
                o.count(3);
                GpReg rt = o.reg(0);
                int bit = o.immIn(1, 0, rt.is64() ? 63 : 31);
                return target(new TestBranch(m.equals("tbnz"), rt, bit, Target.offset(0)), o, 2);
            }
            case "adr", "adrp" -> {
                o.count(2);
                PcRelAddr insn = new PcRelAddr(m.equals("adrp"), o.x(0), Target.offset(0));
                if (insn.page() && !(o.get(1) instanceof Operand.Imm imm && imm.hash())) {
                    return new Parsed(insn, o.expr(1), null);
                }
                return target(insn, o, 1);
            }
            case "br", "blr" -> {
                o.count(1);
                return Parsed.of(new BranchReg(m.equals("br") ? BranchRegOp.BR : BranchRegOp.BLR, o.x(0)));
            }
            case "ret" -> {
                o.count(0, 1);
                return Parsed.of(new BranchReg(BranchRegOp.RET, o.size() == 0 ? XReg.X30 : o.x(0)));
            }
            case "svc", "hvc", "smc", "brk", "hlt" -> {
                o.count(1);
                return Parsed.of(new ExceptionGen(ExceptionOp.valueOf(m.toUpperCase(Locale.ROOT)), o.immIn(0, 0, 0xffff)));
            }
            case "eret" -> {
                o.count(0);
                return Parsed.of(new Eret());
            }
            case "nop", "yield", "wfe", "wfi", "sev", "sevl" -> {
                o.count(0);
                return Parsed.of(new Hint(HintOp.valueOf(m.toUpperCase(Locale.ROOT))));
            }
            case "dsb", "dmb" -> {
                o.count(1);
                return Parsed.of(new Barrier(BarrierKind.valueOf(m.toUpperCase(Locale.ROOT)), barrierOption(o)));
            }
            case "isb" -> {
                o.count(0, 1);
                if (o.size() == 0 || "sy".equals(o.name(0))) return Parsed.of(new Barrier(BarrierKind.ISB, 15));
                return Parsed.of(new Barrier(BarrierKind.ISB, o.immIn(0, 0, 15)));
            }
            case "mrs" -> {
                o.count(2);
                return Parsed.of(new Mrs(o.x(0), sysReg(o, 1)));
            }
            case "msr" -> { return msr(o); }
            case "tlbi", "at", "dc", "ic" -> { return sys(m, o); }
            default -> {
                if (m.startsWith("b.") || (m.length() == 3 && m.startsWith("b") && condByName(m.substring(1)).isPresent())) {
                    String cc = m.startsWith("b.") ? m.substring(2) : m.substring(1);
                    Optional<Cond> c = condByName(cc);
                    if (c.isPresent()) {
                        o.count(1);
                        return target(new CondBranch(c.get(), Target.offset(0)), o, 0);
                    }
                }
                throw new AsmError(A64AsmCode.UNKNOWN_MNEMONIC, o.stmtStart, o.stmtStart + mnemonicAsWritten.length(),
                        "unknown instruction '" + mnemonicAsWritten + "'");
            }
        }
    }

    static GpReg zr(GpReg like) {
        return like.is64() ? XReg.XZR : WReg.WZR;
    }

    /** A PC-relative target: {@code #offset} or a constant is an offset, anything else is resolved later. */
    private static Parsed target(org.machr.codegen.aarch64.A64Insn insn, Operands o, int i) {
        Expr e = o.expr(i);
        if (o.get(i) instanceof Operand.Imm imm && imm.hash()) {
            long off = o.constants.constant(e);
            return Parsed.of(withOffset(insn, off, o, i));
        }
        return new Parsed(insn, e, null);
    }

    static org.machr.codegen.aarch64.A64Insn withOffset(org.machr.codegen.aarch64.A64Insn insn, long off, Operands o, int i) {
        Target t = Target.offset(off);
        org.machr.codegen.aarch64.A64Insn out = switch (insn) {
            case Branch b -> new Branch(b.link(), t);
            case CondBranch b -> new CondBranch(b.cond(), t);
            case CompareBranch b -> new CompareBranch(b.nonZero(), b.rt(), t);
            case TestBranch b -> new TestBranch(b.nonZero(), b.rt(), b.bit(), t);
            case PcRelAddr a -> new PcRelAddr(a.page(), a.rd(), t);
            case LoadLiteral l -> new LoadLiteral(l.signedWord(), l.rt(), t);
            default -> insn;
        };
        try {
            org.machr.codegen.aarch64.A64Encoder.encode(out);
        } catch (org.machr.codegen.aarch64.InvalidOperandException e) {
            Operand op = o.get(i);
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, op.start(), op.end(), e.getMessage());
        }
        return out;
    }

    static Optional<Cond> condByName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.equals("cs")) return Optional.of(Cond.HS);
        if (n.equals("cc")) return Optional.of(Cond.LO);
        for (Cond c : Cond.values()) if (c.asmName().equals(n)) return Optional.of(c);
        return Optional.empty();
    }

    private static Cond cond(Operands o, int i) {
        String n = o.name(i);
        Optional<Cond> c = n == null ? Optional.empty() : condByName(n);
        if (c.isEmpty()) throw o.error(i, "expected a condition code (eq, ne, hs, lo, …)");
        return c.get();
    }

    private static Cond invertible(Operands o, int i) {
        Cond c = cond(o, i);
        if (c == Cond.AL || c == Cond.NV) throw o.error(i, "condition " + c.asmName() + " cannot be inverted here");
        return c;
    }

    /** An optional shift operand at {@code i} (LSL/LSR/ASR, and ROR for logical instructions). */
    private static Shift shiftOf(Operands o, int i, GpReg rd, boolean allowRor) {
        if (o.size() <= i) return Shift.NONE;
        Operand.ShiftOp s = o.shift(i);
        ShiftType type;
        try {
            type = ShiftType.valueOf(s.kind().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw o.error(i, "expected lsl, lsr, asr" + (allowRor ? " or ror" : "") + ", found " + s.kind());
        }
        if (type == ShiftType.ROR && !allowRor) throw o.error(i, "ror is not allowed here");
        if (s.amount() == null) throw o.error(i, "expected a shift amount");
        return new Shift(type, o.shiftAmount(i, rd.is64() ? 63 : 31));
    }

    private static Parsed addSub(boolean sub, boolean flags, Operands o) {
        o.count(3, 4);
        GpReg rd = o.reg(0);
        GpReg rn = o.reg(1);
        return addSubOperand2(sub, flags, rd, rn, o, 2);
    }

    private static Parsed addSubOperand2(boolean sub, boolean flags, GpReg rd, GpReg rn, Operands o, int i) {
        if (o.get(i) instanceof Operand.Imm imm) {
            if ("lo12".equals(imm.modifier())) {
                o.count(i + 1);
                return new Parsed(new AddSubImm(sub, flags, rd, rn, new Imm12(0, false)), imm.expr(), A64Reloc.ADD_ABS_LO12_NC);
            }
            long v = o.imm(i);
            boolean lsl12 = false;
            if (o.size() > i + 1) {
                Operand.ShiftOp s = o.shift(i + 1);
                if (!s.kind().equals("lsl") || o.shiftAmount(i + 1, 12) % 12 != 0) throw o.error(i + 1, "expected 'lsl #0' or 'lsl #12'");
                lsl12 = o.shiftAmount(i + 1, 12) == 12;
            }
            if (v < 0 && !lsl12) {
                sub = !sub;
                v = -v;
            }
            Imm12 imm12;
            try {
                imm12 = lsl12 ? new Imm12((int) Math.min(v, Integer.MAX_VALUE), true) : Imm12.of(v);
            } catch (org.machr.codegen.aarch64.InvalidOperandException e) {
                Operand op = o.get(i);
                throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, op.start(), op.end(), e.getMessage());
            }
            return Parsed.of(new AddSubImm(sub, flags, rd, rn, imm12));
        }
        GpReg rm = o.reg(i);
        boolean extendedForm = rd.isSp() || rn.isSp() || (rd.is64() && !rm.is64());
        if (o.size() > i + 1) {
            Operand.ShiftOp s = o.shift(i + 1);
            if (!Set3.SHIFTS.contains(s.kind())) {
                ExtendType ext = ExtendType.valueOf(s.kind().toUpperCase(Locale.ROOT));
                return Parsed.of(new AddSubExtended(sub, flags, rd, rn, rm, new Extend(ext, o.shiftAmount(i + 1, 4))));
            }
            if (extendedForm && s.kind().equals("lsl")) {
                return Parsed.of(new AddSubExtended(sub, flags, rd, rn, rm,
                        new Extend(rd.is64() ? ExtendType.UXTX : ExtendType.UXTW, o.shiftAmount(i + 1, 4))));
            }
            return Parsed.of(new AddSubShifted(sub, flags, rd, rn, rm, shiftOf(o, i + 1, rd, false)));
        }
        if (extendedForm) {
            ExtendType ext = rd.is64() && rm.is64() ? ExtendType.UXTX : ExtendType.UXTW;
            if (rd.is64() && !rm.is64()) throw o.error(i, "a W register operand needs an extend (uxtw, sxtw, …)");
            return Parsed.of(new AddSubExtended(sub, flags, rd, rn, rm, new Extend(ext, 0)));
        }
        return Parsed.of(new AddSubShifted(sub, flags, rd, rn, rm, Shift.NONE));
    }

    /** Shift names that are shifts rather than extends. */
    private static final class Set3 {
        static final java.util.Set<String> SHIFTS = java.util.Set.of("lsl", "lsr", "asr", "ror");
    }

    private static Parsed compare(boolean cmp, Operands o) {
        o.count(2, 3);
        GpReg rn = o.reg(0);
        return addSubOperand2(cmp, true, zr(rn), rn, o, 1);
    }

    private static Parsed logical(String m, Operands o) {
        o.count(3, 4);
        GpReg rd = o.reg(0);
        GpReg rn = o.reg(1);
        if (o.isImm(2)) {
            o.count(3);
            long v = o.imm(2);
            LogicalImmOp op = switch (m) {
                case "and" -> LogicalImmOp.AND;
                case "orr" -> LogicalImmOp.ORR;
                case "eor" -> LogicalImmOp.EOR;
                case "ands" -> LogicalImmOp.ANDS;
                case "bic" -> { v = ~v; yield LogicalImmOp.AND; }
                case "bics" -> { v = ~v; yield LogicalImmOp.ANDS; }
                case "orn" -> { v = ~v; yield LogicalImmOp.ORR; }
                default -> { v = ~v; yield LogicalImmOp.EOR; }
            };
            return Parsed.of(new LogicalImm(op, rd, rn, bitmask(o, 2, v, rd.is64())));
        }
        return Parsed.of(new LogicalShifted(LogicalRegOp.valueOf(m.toUpperCase(Locale.ROOT)), rd, rn, o.reg(2), shiftOf(o, 3, rd, true)));
    }

    private static BitmaskImm bitmask(Operands o, int i, long v, boolean wide) {
        long value = wide ? v : v & 0xffffffffL;
        if (!wide && (v < Integer.MIN_VALUE || v > 0xffffffffL) && (~v) >= Integer.MIN_VALUE) value = v & 0xffffffffL;
        Optional<BitmaskImm> b = BitmaskImm.tryOf(value, wide);
        if (b.isEmpty()) {
            Operand op = o.get(i);
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, op.start(), op.end(),
                    "immediate 0x" + Long.toHexString(value) + " is not a valid logical (bitmask) immediate");
        }
        return b.get();
    }

    private static Parsed test(Operands o) {
        o.count(2, 3);
        GpReg rn = o.reg(0);
        if (o.isImm(1)) {
            o.count(2);
            return Parsed.of(new LogicalImm(LogicalImmOp.ANDS, zr(rn), rn, bitmask(o, 1, o.imm(1), rn.is64())));
        }
        return Parsed.of(new LogicalShifted(LogicalRegOp.ANDS, zr(rn), rn, o.reg(1), shiftOf(o, 2, rn, true)));
    }

    private static Parsed mov(Operands o) {
        o.count(2);
        GpReg rd = o.reg(0);
        if (o.isImm(1)) {
            long v = o.imm(1);
            if (!rd.is64() && (v > 0xffffffffL || v < Integer.MIN_VALUE)) {
                throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, o.get(1).start(), o.get(1).end(), "immediate " + v + " does not fit 32 bits");
            }
            return MoveWideSearch.movImmediate(rd, v).map(Parsed::of).orElseThrow(() -> new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE,
                    o.get(1).start(), o.get(1).end(), "immediate 0x" + Long.toHexString(rd.is64() ? v : v & 0xffffffffL)
                            + " cannot be loaded by one instruction (use movz/movk)"));
        }
        GpReg rm = o.reg(1);
        if (rd.isSp() || rm.isSp()) return Parsed.of(new AddSubImm(false, false, rd, rm, new Imm12(0, false)));
        return Parsed.of(new LogicalShifted(LogicalRegOp.ORR, rd, zr(rd), rm, Shift.NONE));
    }

    private static Parsed moveWide(MoveWideOp op, Operands o) {
        o.count(2, 3);
        GpReg rd = o.reg(0);
        int imm = o.immIn(1, 0, 0xffff);
        int shift = 0;
        if (o.size() == 3) {
            Operand.ShiftOp s = o.shift(2);
            if (!s.kind().equals("lsl")) throw o.error(2, "expected lsl");
            shift = o.shiftAmount(2, rd.is64() ? 48 : 16);
            if (shift % 16 != 0) throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, s.start(), s.end(), "shift must be a multiple of 16");
        }
        return Parsed.of(new MoveWide(op, rd, imm, shift));
    }

    private static Parsed shiftInsn(String m, Operands o) {
        o.count(3);
        GpReg rd = o.reg(0);
        GpReg rn = o.reg(1);
        if (o.isReg(2)) {
            DataProc2Op op = DataProc2Op.valueOf(m.toUpperCase(Locale.ROOT) + "V");
            return Parsed.of(new DataProc2(op, rd, rn, o.reg(2)));
        }
        int size = rd.is64() ? 64 : 32;
        int sh = o.immIn(2, 0, size - 1);
        return Parsed.of(switch (m) {
            case "lsl" -> new Bitfield(BitfieldOp.UBFM, rd, rn, (size - sh) % size, size - 1 - sh);
            case "lsr" -> new Bitfield(BitfieldOp.UBFM, rd, rn, sh, size - 1);
            case "asr" -> new Bitfield(BitfieldOp.SBFM, rd, rn, sh, size - 1);
            default -> new Extract(rd, rn, rn, sh);
        });
    }

    private static Parsed bitfieldAlias(String m, Operands o) {
        o.count(4);
        GpReg rd = o.reg(0);
        int size = rd.is64() ? 64 : 32;
        int lsb = o.immIn(2, 0, size - 1);
        int width = o.immIn(3, 1, size - lsb);
        BitfieldOp op = m.startsWith("u") ? BitfieldOp.UBFM : m.startsWith("s") ? BitfieldOp.SBFM : BitfieldOp.BFM;
        boolean insert = m.endsWith("iz") || m.equals("bfi");
        int immr = insert ? (size - lsb) % size : lsb;
        int imms = insert ? width - 1 : lsb + width - 1;
        return Parsed.of(new Bitfield(op, rd, o.reg(1), immr, imms));
    }

    private static Parsed extendAlias(String m, Operands o) {
        o.count(2);
        GpReg rd = o.reg(0);
        GpReg rn = o.reg(1);
        if (rn.is64()) throw o.error(1, "expected a W register");
        if (m.startsWith("u") && rd.is64()) throw o.error(0, "expected a W register");
        if (m.equals("sxtw") && !rd.is64()) throw o.error(0, "expected an X register");
        int imms = m.endsWith("b") ? 7 : m.endsWith("h") ? 15 : 31;
        return Parsed.of(new Bitfield(m.startsWith("u") ? BitfieldOp.UBFM : BitfieldOp.SBFM, rd, rn.withWidth(rd.is64()), 0, imms));
    }

    private static int barrierOption(Operands o) {
        String n = o.name(0);
        if (n != null) {
            return BarrierOption.byName(n).orElseThrow(() -> o.error(0, "unknown barrier option '" + n + "'")).crm;
        }
        return o.immIn(0, 0, 15);
    }

    private static SysReg sysReg(Operands o, int i) {
        String n = o.name(i);
        if (n == null) throw o.error(i, "expected a system register name");
        return SysReg.byName(n).orElseThrow(() -> o.error(i, "unknown system register '" + n + "'"));
    }

    private static Parsed msr(Operands o) {
        o.count(2);
        String n = o.name(0);
        if (n != null && o.isImm(1)) {
            for (PStateField f : PStateField.values()) {
                if (f.name().equalsIgnoreCase(n)) {
                    return Parsed.of(new MsrImm(f, o.immIn(1, 0, f == PStateField.SPSel ? 1 : 15)));
                }
            }
            throw o.error(0, "unknown PSTATE field '" + n + "' (daifset, daifclr, spsel)");
        }
        SysReg reg = sysReg(o, 0);
        if (reg.isReadOnly()) throw o.error(0, "system register " + reg.asmName() + " is read-only");
        return Parsed.of(new Msr(reg, o.x(1)));
    }

    private static Parsed sys(String m, Operands o) {
        o.count(1, 2);
        String n = o.name(0);
        if (n == null) throw o.error(0, "expected a " + m + " operation name");
        SysOp op = SysOp.of(m, n).orElseThrow(() -> o.error(0, "unknown " + m + " operation '" + n + "'"));
        if (op.takesReg) {
            if (o.size() != 2) throw o.error(0, m + " " + n + " needs a register operand");
            return Parsed.of(new Sys(op, o.x(1)));
        }
        o.count(1);
        return Parsed.of(new Sys(op, XReg.XZR));
    }
}
