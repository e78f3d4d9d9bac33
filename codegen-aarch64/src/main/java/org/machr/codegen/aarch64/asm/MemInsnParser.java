package org.machr.codegen.aarch64.asm;

import java.util.Locale;
import java.util.Optional;
import org.machr.codegen.aarch64.A64Insn.*;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.ExtendType;
import org.machr.codegen.aarch64.GpReg;
import org.machr.codegen.aarch64.Ops.*;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.link.A64Reloc;

/**
 * Loads and stores: LDR/STR and their byte, halfword and signed forms in every addressing mode
 * ({@code [xn]}, {@code [xn, #imm]}, {@code [xn, #imm]!}, {@code [xn], #imm}, {@code [xn, xm, lsl #s]},
 * {@code [xn, wm, sxtw #s]}, {@code [xn, :lo12:sym]}), LDR literal, LDUR/STUR, LDP/STP/LDPSW and the
 * exclusive and acquire/release forms. {@code ldr rt, [xn, #imm]} takes the scaled form when the offset
 * allows it and the unscaled (LDUR) form otherwise, as llvm-mc and GNU as do.
 */
final class MemInsnParser {

    private MemInsnParser() {}

    static Optional<Parsed> parse(String m, Operands o) {
        switch (m) {
            case "ldr", "str", "ldrb", "strb", "ldrh", "strh", "ldrsb", "ldrsh", "ldrsw" -> {
                return Optional.of(single(LoadStoreOp.valueOf(m.toUpperCase(Locale.ROOT)), false, o));
            }
            case "ldur", "stur", "ldurb", "sturb", "ldurh", "sturh", "ldursb", "ldursh", "ldursw" -> {
                String plain = m.substring(0, 2) + m.substring(3);
                return Optional.of(single(LoadStoreOp.valueOf(plain.toUpperCase(Locale.ROOT)), true, o));
            }
            case "ldp", "stp", "ldpsw" -> {
                return Optional.of(pair(PairOp.valueOf(m.toUpperCase(Locale.ROOT)), o));
            }
            default -> { }
        }
        for (ExclusiveOp op : ExclusiveOp.values()) {
            String base = op.name().toLowerCase(Locale.ROOT);
            for (int size = 0; size <= 2; size++) {
                String suffix = size == 0 ? "b" : size == 1 ? "h" : "";
                if (m.equals(base + suffix)) return Optional.of(exclusive(op, size, o));
            }
        }
        return Optional.empty();
    }

    private static Parsed single(LoadStoreOp op, boolean unscaledOnly, Operands o) {
        o.count(2, 3);
        GpReg rt = o.reg(0);
        if (!(o.get(1) instanceof Operand.Mem mem)) {
            if (unscaledOnly || !(op == LoadStoreOp.LDR || op == LoadStoreOp.LDRSW)) throw o.error(1, "expected a memory operand [xn, …]");
            o.count(2);
            LoadLiteral lit = new LoadLiteral(op == LoadStoreOp.LDRSW, rt, Target.offset(0));
            if (o.get(1) instanceof Operand.Imm pool && "=".equals(pool.modifier())) {
                if (op != LoadStoreOp.LDR) throw o.error(1, "only ldr takes a literal-pool operand");
                var value = o.constants.tryConstant(pool.expr());
                // As llvm-mc does: a constant one MOVZ can build becomes that MOVZ (GNU as always uses the pool).
                if (value.isPresent() && org.machr.codegen.aarch64.MoveWideSearch.movz(value.getAsLong(), rt.is64())) {
                    var mov = org.machr.codegen.aarch64.MoveWideSearch.movImmediate(rt, value.getAsLong());
                    if (mov.isPresent()) return Parsed.of(mov.get());
                }
                String label = o.constants.poolEntry(pool.expr(), rt.is64() ? 8 : 4);
                return new Parsed(lit, new Expr.Sym(label, pool.start(), pool.end()), null);
            }
            Expr e = o.expr(1);
            if (o.get(1) instanceof Operand.Imm imm && imm.hash()) {
                return Parsed.of(InsnParser.withOffset(lit, o.constants.constant(e), o, 1));
            }
            return new Parsed(lit, e, null);
        }
        XReg base = base(mem, o);
        int sizeLog2 = op.sizeLog2(rt.is64());
        Address addr;
        A64Reloc lo12 = null;
        Expr symbolic = null;
        if (o.size() == 3) {
            if (!mem.rest().isEmpty() || mem.writeback() || unscaledOnly) throw o.error(2, "unexpected post-index offset");
            addr = new Address.PostIndex(base, (int) simm9(o, 2));
        } else if (mem.rest().isEmpty()) {
            if (mem.writeback()) throw o.error(1, "writeback needs an offset");
            addr = unscaledOnly ? new Address.Unscaled(base, 0) : new Address.Scaled(base, 0);
        } else if (mem.rest().get(0) instanceof Operand.Imm imm) {
            if (mem.rest().size() != 1) throw new AsmError(A64AsmCode.BAD_OPERAND, mem.start(), mem.end(), "unexpected operand after the offset");
            if ("lo12".equals(imm.modifier())) {
                if (mem.writeback() || unscaledOnly) throw new AsmError(A64AsmCode.BAD_OPERAND, imm.start(), imm.end(), ":lo12: needs the unsigned-offset form");
                addr = new Address.Scaled(base, 0);
                lo12 = ldst(sizeLog2);
                symbolic = imm.expr();
            } else {
                long off = o.constants.constant(imm.expr());
                addr = offsetAddress(base, off, sizeLog2, mem.writeback(), unscaledOnly, imm);
            }
        } else if (mem.rest().get(0) instanceof Operand.Reg index) {
            if (mem.writeback() || unscaledOnly) throw new AsmError(A64AsmCode.BAD_OPERAND, mem.start(), mem.end(), "register offset cannot be used here");
            addr = registerOffset(base, index, mem, sizeLog2, o);
        } else {
            Operand bad = mem.rest().get(0);
            throw new AsmError(A64AsmCode.BAD_OPERAND, bad.start(), bad.end(), "expected an offset or index register");
        }
        return new Parsed(new LoadStore(op, rt, addr), symbolic, lo12);
    }

    static A64Reloc ldst(int sizeLog2) {
        return switch (sizeLog2) {
            case 0 -> A64Reloc.LDST8_ABS_LO12_NC;
            case 1 -> A64Reloc.LDST16_ABS_LO12_NC;
            case 2 -> A64Reloc.LDST32_ABS_LO12_NC;
            case 3 -> A64Reloc.LDST64_ABS_LO12_NC;
            default -> A64Reloc.LDST128_ABS_LO12_NC;
        };
    }

    private static XReg base(Operand.Mem mem, Operands o) {
        if (mem.base().reg() instanceof XReg x && !x.isZr()) return x;
        throw new AsmError(A64AsmCode.BAD_OPERAND, mem.base().start(), mem.base().end(), "base register must be an X register or sp");
    }

    private static long simm9(Operands o, int i) {
        long v = o.imm(i);
        if (v < -256 || v > 255) {
            Operand op = o.get(i);
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, op.start(), op.end(), "offset " + v + " is out of range -256..255");
        }
        return v;
    }

    private static Address offsetAddress(XReg base, long off, int sizeLog2, boolean writeback, boolean unscaledOnly, Operand.Imm imm) {
        int size = 1 << sizeLog2;
        boolean simm9 = off >= -256 && off <= 255;
        if (writeback) {
            if (!simm9) throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, imm.start(), imm.end(), "offset " + off + " is out of range -256..255");
            return new Address.PreIndex(base, (int) off);
        }
        if (!unscaledOnly && off >= 0 && off % size == 0 && off / size <= 4095) return new Address.Scaled(base, off);
        if (simm9) return new Address.Unscaled(base, (int) off);
        throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, imm.start(), imm.end(), unscaledOnly
                ? "offset " + off + " is out of range -256..255"
                : "offset " + off + " is neither a multiple of " + size + " in 0.." + 4095L * size + " nor in -256..255");
    }

    private static Address registerOffset(XReg base, Operand.Reg index, Operand.Mem mem, int sizeLog2, Operands o) {
        GpReg rm = index.reg();
        ExtendType ext = rm.is64() ? ExtendType.UXTX : null;
        boolean shifted = false;
        if (mem.rest().size() > 2) throw new AsmError(A64AsmCode.BAD_OPERAND, mem.start(), mem.end(), "too many operands in the address");
        if (mem.rest().size() == 2) {
            if (!(mem.rest().get(1) instanceof Operand.ShiftOp s)) {
                Operand bad = mem.rest().get(1);
                throw new AsmError(A64AsmCode.BAD_OPERAND, bad.start(), bad.end(), "expected lsl, uxtw, sxtw or sxtx");
            }
            ext = switch (s.kind()) {
                case "lsl" -> ExtendType.UXTX;
                case "uxtw" -> ExtendType.UXTW;
                case "sxtw" -> ExtendType.SXTW;
                case "sxtx" -> ExtendType.SXTX;
                default -> throw new AsmError(A64AsmCode.BAD_OPERAND, s.start(), s.end(), "expected lsl, uxtw, sxtw or sxtx");
            };
            if (s.amount() != null) {
                long amount = o.constants.constant(s.amount());
                if (amount != 0 && amount != sizeLog2) {
                    throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, s.start(), s.end(), "index shift must be #0 or #" + sizeLog2);
                }
                // An explicit amount sets S, except #0 on accesses wider than a byte (where #0 means unscaled).
                shifted = sizeLog2 == 0 || amount == sizeLog2;
            } else if (s.kind().equals("lsl")) {
                throw new AsmError(A64AsmCode.BAD_OPERAND, s.start(), s.end(), "lsl needs an amount");
            }
        }
        if (ext == null) throw new AsmError(A64AsmCode.BAD_OPERAND, index.start(), index.end(), "a W index register needs uxtw or sxtw");
        if (rm.is64() != ext.takesXReg()) {
            throw new AsmError(A64AsmCode.BAD_OPERAND, index.start(), index.end(), "index register " + rm.asmName() + " does not match the extend");
        }
        return new Address.RegOffset(base, rm, ext, shifted);
    }

    private static Parsed pair(PairOp op, Operands o) {
        o.count(3, 4);
        GpReg rt1 = o.reg(0);
        GpReg rt2 = o.reg(1);
        if (!(o.get(2) instanceof Operand.Mem mem)) throw o.error(2, "expected a memory operand [xn, …]");
        XReg base = base(mem, o);
        PairMode mode;
        long off;
        if (o.size() == 4) {
            if (!mem.rest().isEmpty() || mem.writeback()) throw o.error(3, "unexpected post-index offset");
            mode = PairMode.POST;
            off = o.imm(3);
        } else {
            mode = mem.writeback() ? PairMode.PRE : PairMode.OFFSET;
            if (mem.rest().isEmpty()) {
                if (mem.writeback()) throw o.error(2, "writeback needs an offset");
                off = 0;
            } else if (mem.rest().size() == 1 && mem.rest().get(0) instanceof Operand.Imm imm && imm.modifier() == null) {
                off = o.constants.constant(imm.expr());
            } else {
                throw o.error(2, "expected [xn, #offset]");
            }
        }
        int scale = op == PairOp.LDPSW || !rt1.is64() ? 4 : 8;
        if (off % scale != 0 || off / scale < -64 || off / scale > 63) {
            Operand where = o.get(o.size() - 1);
            throw new AsmError(A64AsmCode.OPERAND_OUT_OF_RANGE, where.start(), where.end(),
                    "offset " + off + " must be a multiple of " + scale + " in " + (-64 * scale) + ".." + (63 * scale));
        }
        return Parsed.of(new LoadStorePair(op, rt1, rt2, base, (int) off, mode));
    }

    private static Parsed exclusive(ExclusiveOp op, int narrowSize, Operands o) {
        int n = op.hasStatus ? 3 : 2;
        o.count(n);
        GpReg rs = op.hasStatus ? o.reg(0) : null;
        GpReg rt = o.reg(n - 2);
        if (!(o.get(n - 1) instanceof Operand.Mem mem) || mem.writeback()) throw o.error(n - 1, "expected [xn]");
        if (!mem.rest().isEmpty()) {
            if (mem.rest().size() != 1 || !(mem.rest().get(0) instanceof Operand.Imm imm) || o.constants.constant(imm.expr()) != 0) {
                throw o.error(n - 1, "the address must be [xn] or [xn, #0]");
            }
        }
        int size = narrowSize < 2 ? narrowSize : rt.is64() ? 3 : 2;
        if (narrowSize < 2 && rt.is64()) throw o.error(n - 2, "expected a W register");
        return Parsed.of(new Exclusive(op, size, rs, rt, base(mem, o)));
    }
}
