package org.machr.codegen.x86_64;

/**
 * A memory operand {@code segment:disp(base, index, scale)} (Intel SDM Vol. 2A §2.1.5 and §2.2.1.6
 * "RIP-Relative Addressing"). Forms:
 * <ul>
 *   <li>base (+ index × scale) + disp — 64-bit registers, or 32-bit ones (encoded with the 67h
 *       address-size prefix in 64-bit mode);</li>
 *   <li>index × scale + disp32 without base;</li>
 *   <li>absolute: disp32 only (a SIB without base and index in 64-bit mode);</li>
 *   <li>RIP-relative: {@code rip} with disp32 and no base or index.</li>
 * </ul>
 * The displacement is {@code disp}, plus the address of {@code target} when it is set.
 *
 * @param segment an override, or {@code null}
 * @param base    {@link Gpr64} or {@link Gpr32}, or {@code null}
 * @param index   same width as {@code base}, never rsp/esp; or {@code null}
 * @param scale   1, 2, 4 or 8 (1 when there is no index)
 */
public record Mem(SegReg segment, Gpr base, Gpr index, int scale, long disp, Target target, boolean rip)
        implements Operand {

    public Mem {
        if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
            throw new IllegalArgumentException("scale must be 1, 2, 4 or 8: " + scale);
        }
        if (base != null && !(base instanceof Gpr64 || base instanceof Gpr32)) {
            throw new IllegalArgumentException("base must be a 64- or 32-bit register: %" + base.asmName());
        }
        if (index != null && !(index instanceof Gpr64 || index instanceof Gpr32)) {
            throw new IllegalArgumentException("index must be a 64- or 32-bit register: %" + index.asmName());
        }
        if (index != null && index.number() == 4) {
            throw new IllegalArgumentException("%" + index.asmName() + " cannot be an index register");
        }
        if (base != null && index != null && base.size() != index.size()) {
            throw new IllegalArgumentException("base and index must have the same width");
        }
        if (rip && (base != null || index != null)) {
            throw new IllegalArgumentException("RIP-relative operand has no base or index");
        }
        if (index == null && scale != 1) throw new IllegalArgumentException("scale without index");
    }

    public static Mem base(Gpr base) {
        return new Mem(null, base, null, 1, 0, null, false);
    }

    public static Mem base(Gpr base, long disp) {
        return new Mem(null, base, null, 1, disp, null, false);
    }

    public static Mem baseIndex(Gpr base, Gpr index, int scale, long disp) {
        return new Mem(null, base, index, scale, disp, null, false);
    }

    public static Mem rip(Target target, long addend) {
        return new Mem(null, null, null, 1, addend, target, true);
    }

    public static Mem absolute(long address) {
        return new Mem(null, null, null, 1, address, null, false);
    }

    public Mem withSegment(SegReg seg) {
        return new Mem(seg, base, index, scale, disp, target, rip);
    }

    /** Whether the address registers are 32-bit (needs 67h in 64-bit mode). */
    public boolean uses32BitAddress() {
        return (base != null && base.size() == OpSize.DWORD) || (index != null && index.size() == OpSize.DWORD);
    }

    /** Whether encoding the address needs REX.B or REX.X. */
    public boolean needsRex() {
        return (base != null && base.number() >= 8) || (index != null && index.number() >= 8);
    }
}
