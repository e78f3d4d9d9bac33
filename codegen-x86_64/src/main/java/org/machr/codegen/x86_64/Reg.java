package org.machr.codegen.x86_64;

/** Any register operand; see {@link Gpr}, {@link ControlReg}, {@link SegReg}. */
public sealed interface Reg extends Operand permits Gpr, ControlReg, SegReg {

    /** The register number 0..15 as it goes into ModRM.reg/rm (low 3 bits) and REX.R/B (bit 3). */
    int number();

    /** The AT&amp;T name without {@code %}, e.g. {@code rax}. */
    String asmName();
}
