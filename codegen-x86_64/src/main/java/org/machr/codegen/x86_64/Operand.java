package org.machr.codegen.x86_64;

/** An instruction operand: a register, an immediate or a memory reference. */
public sealed interface Operand permits Reg, Imm, Mem {}
