package org.machr.kd.ir;

/**
 * What an instruction reads: a virtual register, an immediate, or an address known at link time
 * (a global or function symbol) or at frame layout (a stack slot). Every operand has a type.
 */
public sealed interface Operand permits Reg, Imm, SymbolAddr, SlotAddr {

    IrType type();
}
