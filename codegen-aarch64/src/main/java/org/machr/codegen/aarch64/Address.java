package org.machr.codegen.aarch64;

/**
 * The addressing mode of a single-register load or store (Arm ARM C1.3.3). Offsets are in bytes; the
 * range each mode accepts depends on the access size and is checked by {@link A64Insn.LoadStore}.
 */
public sealed interface Address {

    XReg base();

    /** {@code [base, #offset]} with an unsigned offset scaled by the access size (LDR/STR "unsigned offset"). */
    record Scaled(XReg base, long offset) implements Address {}

    /** {@code [base, #offset]} with a signed 9-bit unscaled offset (LDUR/STUR). */
    record Unscaled(XReg base, int offset) implements Address {}

    /** {@code [base, #offset]!}: base updated before the access. */
    record PreIndex(XReg base, int offset) implements Address {}

    /** {@code [base], #offset}: base updated after the access. */
    record PostIndex(XReg base, int offset) implements Address {}

    /**
     * {@code [base, index{, extend {#amount}}]}: {@code extend} is UXTW, SXTW (W index) or UXTX (printed
     * LSL), SXTX (X index); {@code shifted} scales the index by the access size.
     */
    record RegOffset(XReg base, GpReg index, ExtendType extend, boolean shifted) implements Address {}
}
