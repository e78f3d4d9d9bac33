package org.machr.codegen.x86_64;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The one routine that turns an {@link X64Op} row plus operands into bytes, in the order of Intel SDM
 * Vol. 2A §2.1 (Figure 2-1 "Intel 64 and IA-32 Architectures Instruction Format"): legacy prefixes,
 * REX (§2.2.1), opcode, ModRM and SIB (§2.1.5, Tables 2-2 and 2-3; §2.2.1.6 for RIP-relative),
 * displacement and immediate. Prefixes come in the order llvm-mc writes them: segment override, 67h,
 * 66h, then F0h (LOCK).
 */
final class X64Emit {

    /** What follows ModRM/SIB/displacement. */
    sealed interface Trailer {
        int size();
    }

    /** No immediate. */
    record None() implements Trailer {
        public int size() {
            return 0;
        }
    }

    /**
     * An immediate of {@code width} bytes; {@code min}/{@code max} bound a numeric value, {@code kind} is the
     * fixup for a symbolic one (null: symbols not allowed).
     */
    record ImmField(Imm imm, int width, long min, long max, X64FixupKind kind) implements Trailer {
        public int size() {
            return width;
        }
    }

    /** A PC-relative branch displacement. */
    record Rel(Target target, int width, X64FixupKind kind) implements Trailer {
        public int size() {
            return width;
        }
    }

    /** The ptr16:32 operand of a direct far jump. */
    record FarPtr(Imm offset, int selector) implements Trailer {
        public int size() {
            return 6;
        }
    }

    static final Trailer NONE = new None();

    private final X64Mode mode;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    private final List<X64Fixup> fixups = new ArrayList<>();

    X64Emit(X64Mode mode) {
        this.mode = mode;
    }

    X64Encoding result() {
        return new X64Encoding(out.toByteArray(), fixups);
    }

    void raw(byte[] bytes) {
        out.writeBytes(bytes);
    }

    /**
     * Emits one instruction.
     *
     * @param op      the table row
     * @param size    operand size (selects opcode8, 66h, REX.W per {@link X64Op.Size})
     * @param reg     the register in ModRM.reg (or in the opcode for O forms); null to use {@code digit}
     * @param digit   the /digit opcode extension when {@code reg} is null (row's own digit if >= 0 wins)
     * @param rm      the ModRM.rm operand (a {@link Gpr} or {@link Mem}), or null
     * @param delta   added to the opcode's last byte (ALU operation, condition code)
     * @param trailer immediate, branch displacement or far pointer
     * @param lock    whether to emit the LOCK prefix
     */
    void emit(X64Op op, OpSize size, Reg reg, int digit, Operand rm, int delta, Trailer trailer, boolean lock) {
        Mem mem = rm instanceof Mem m ? m : null;
        checkMode(size, reg, rm);
        // Legacy prefixes (SDM Vol. 2A §2.1.1)
        boolean operandSize16 = size == OpSize.WORD && op.size != X64Op.Size.FIXED;
        boolean moffs = op.form == X64Op.Form.FD;                   // llvm-mc puts 66h first for moffs forms
        if (moffs && operandSize16) out.write(0x66);
        if (mem != null && mem.segment() != null) out.write(mem.segment().overridePrefix());
        if (mem != null) addressSizePrefix(mem);
        if (!moffs && operandSize16) out.write(0x66);
        if (lock) out.write(0xF0);
        // REX (SDM Vol. 2A §2.2.1.2, Table 2-4)
        boolean w = size == OpSize.QWORD && op.size == X64Op.Size.SIZED;
        int regNumber = reg == null ? 0 : reg.number();
        boolean r = op.hasModRm() && regNumber >= 8;
        boolean x = mem != null && mem.index() != null && mem.index().number() >= 8;
        boolean b = (mem != null && mem.base() != null && mem.base().number() >= 8)
                || (rm instanceof Reg rr && rr.number() >= 8)
                || (!op.hasModRm() && reg != null && regNumber >= 8);
        boolean forced = needsEmptyRex(reg) || needsEmptyRex(rm);
        if (w || r || x || b || forced) {
            if (mode == X64Mode.BITS32) {
                throw new X64EncodeException(X64AsmCode.WRONG_MODE, "instruction needs a REX prefix, unavailable in 32-bit mode");
            }
            if (forbidsRex(reg) || forbidsRex(rm)) {
                throw new X64EncodeException(X64AsmCode.HIGH_BYTE_WITH_REX,
                        "%" + highByteName(reg, rm) + " cannot be encoded in an instruction that needs a REX prefix");
            }
            out.write(0x40 | (w ? 8 : 0) | (r ? 4 : 0) | (x ? 2 : 0) | (b ? 1 : 0));
        }
        // Opcode
        int opcode = (size == OpSize.BYTE && op.opcode8 >= 0 ? op.opcode8 : op.opcode) + delta;
        if (op.form == X64Op.Form.O || op.form == X64Op.Form.OI) opcode += regNumber & 7;
        if (opcode > 0xFFFF) out.write(opcode >>> 16);
        if (opcode > 0xFF) out.write((opcode >>> 8) & 0xFF);
        out.write(opcode & 0xFF);
        // ModRM, SIB, displacement
        if (op.form == X64Op.Form.FD) {
            disp32(mem, X64FixupKind.ABS32, false);
        } else if (op.hasModRm()) {
            int regField = reg != null ? regNumber & 7 : (op.digit >= 0 ? op.digit : digit);
            if (rm instanceof Reg rr) {
                out.write(0xC0 | (regField << 3) | (rr.number() & 7));
            } else if (mem != null) {
                address(regField, mem, trailer.size());
            } else {
                throw new IllegalArgumentException("row " + op + " needs an r/m operand");
            }
        }
        trailer(trailer);
    }

    private void addressSizePrefix(Mem mem) {
        if (mem.uses32BitAddress()) {
            if (mode == X64Mode.BITS64) out.write(0x67);
        } else if (mode == X64Mode.BITS32 && (mem.base() != null || mem.index() != null)) {
            throw new X64EncodeException(X64AsmCode.WRONG_MODE, "64-bit address registers are not available in 32-bit mode");
        } else if (mode == X64Mode.BITS32 && mem.rip()) {
            throw new X64EncodeException(X64AsmCode.WRONG_MODE, "RIP-relative addressing is not available in 32-bit mode");
        }
    }

    /** ModRM + SIB + displacement for a memory operand (SDM Vol. 2A Tables 2-2, 2-3, §2.2.1.6). */
    private void address(int regField, Mem mem, int trailerSize) {
        boolean wideAddress = mode == X64Mode.BITS64 && !mem.uses32BitAddress();
        // llvm-mc: a plain disp32 (no SIB) in 32-bit mode is a zero-extended 32-bit value, every other
        // displacement a signed one (R_X86_64_32S)
        boolean plainDisp32 = mode == X64Mode.BITS32 && mem.base() == null && mem.index() == null;
        X64FixupKind absKind = plainDisp32 ? X64FixupKind.ABS32 : X64FixupKind.ABS32S;
        if (mem.rip()) {
            out.write((regField << 3) | 0b101);
            if (mem.target() != null) {
                fixups.add(new X64Fixup(out.size(), X64FixupKind.PC32, mem.target(), mem.disp() - 4 - trailerSize));
                le(0, 4);
            } else {
                le(checkDisp(mem.disp(), true), 4);
            }
            return;
        }
        Gpr base = mem.base();
        Gpr index = mem.index();
        if (base == null) {
            if (index == null && mode == X64Mode.BITS32) {
                out.write((regField << 3) | 0b101);                // disp32 (no SIB in 32-bit mode)
            } else {
                out.write((regField << 3) | 0b100);                // SIB follows
                int indexField = index == null ? 0b100 : index.number() & 7;
                out.write((scaleBits(mem.scale()) << 6) | (indexField << 3) | 0b101);
            }
            disp32(mem, absKind, wideAddress);
            return;
        }
        int baseLow = base.number() & 7;
        int mod;
        if (mem.target() == null && mem.disp() == 0 && baseLow != 0b101) {
            mod = 0;                                                // rbp/r13 as base need a disp8 of 0
        } else if (mem.target() == null && mem.disp() >= -128 && mem.disp() <= 127) {
            mod = 1;
        } else {
            mod = 2;
        }
        if (index != null || baseLow == 0b100) {                    // rsp/r12 as base need a SIB
            out.write((mod << 6) | (regField << 3) | 0b100);
            int indexField = index == null ? 0b100 : index.number() & 7;
            out.write((scaleBits(mem.scale()) << 6) | (indexField << 3) | baseLow);
        } else {
            out.write((mod << 6) | (regField << 3) | baseLow);
        }
        if (mod == 1) out.write((int) mem.disp() & 0xFF);
        if (mod == 2) disp32(mem, absKind, wideAddress);
    }

    private void disp32(Mem mem, X64FixupKind absKind, boolean signedOnly) {
        if (mem.target() != null) {
            fixups.add(new X64Fixup(out.size(), absKind, mem.target(), mem.disp()));
            le(0, 4);
        } else {
            le(checkDisp(mem.disp(), signedOnly), 4);
        }
    }

    private static long checkDisp(long disp, boolean signedOnly) {
        long max = signedOnly ? Integer.MAX_VALUE : 0xFFFF_FFFFL;
        if (disp < Integer.MIN_VALUE || disp > max) {
            throw new X64EncodeException(X64AsmCode.DISPLACEMENT_RANGE,
                    "displacement " + disp + " does not fit in 32 bits" + (signedOnly ? " (signed)" : ""));
        }
        return disp;
    }

    private void trailer(Trailer trailer) {
        switch (trailer) {
            case None n -> { }
            case ImmField f -> {
                if (f.imm().isSymbolic()) {
                    if (f.kind() == null) {
                        throw new X64EncodeException(X64AsmCode.NOT_CONSTANT, "this immediate must be a constant");
                    }
                    fixups.add(new X64Fixup(out.size(), f.kind(), f.imm().target(), f.imm().value()));
                    le(0, f.width());
                } else {
                    long v = f.imm().value();
                    if (v < f.min() || v > f.max()) {
                        throw new X64EncodeException(X64AsmCode.IMMEDIATE_RANGE,
                                "immediate " + v + " does not fit the " + f.width() * 8 + "-bit field (range [" + f.min() + ", " + f.max() + "])");
                    }
                    le(v, f.width());
                }
            }
            case Rel rel -> {
                fixups.add(new X64Fixup(out.size(), rel.kind(), rel.target(), -rel.width()));
                le(0, rel.width());
            }
            case FarPtr p -> {
                if (p.offset().isSymbolic()) {
                    fixups.add(new X64Fixup(out.size(), X64FixupKind.ABS32, p.offset().target(), p.offset().value()));
                    le(0, 4);
                } else {
                    long v = p.offset().value();
                    if (v < Integer.MIN_VALUE || v > 0xFFFF_FFFFL) {
                        throw new X64EncodeException(X64AsmCode.IMMEDIATE_RANGE, "far jump offset " + v + " does not fit in 32 bits");
                    }
                    le(v, 4);
                }
                le(p.selector(), 2);
            }
        }
    }

    private void checkMode(OpSize size, Reg reg, Operand rm) {
        if (mode != X64Mode.BITS32) return;
        if (size == OpSize.QWORD) {
            throw new X64EncodeException(X64AsmCode.WRONG_MODE, "64-bit operand size is not available in 32-bit mode");
        }
        for (Operand o : new Operand[] {reg, rm}) {
            if (o instanceof Gpr g && (g.number() >= 8 || g.needsRex() || g instanceof Gpr64)) {
                throw new X64EncodeException(X64AsmCode.WRONG_MODE, "%" + g.asmName() + " is not available in 32-bit mode");
            }
        }
    }

    private static boolean needsEmptyRex(Operand o) {
        return o instanceof Gpr8 g && g.needsRex() && g.number() < 8;
    }

    private static boolean forbidsRex(Operand o) {
        return o instanceof Gpr8 g && g.forbidsRex();
    }

    private static String highByteName(Operand a, Operand b) {
        return forbidsRex(a) ? ((Gpr8) a).asmName() : ((Gpr8) b).asmName();
    }

    private static int scaleBits(int scale) {
        return Integer.numberOfTrailingZeros(scale);
    }

    private void le(long value, int width) {
        for (int i = 0; i < width; i++) out.write((int) (value >>> (8 * i)) & 0xFF);
    }
}
