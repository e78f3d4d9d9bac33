package org.machr.kd.lower;

import org.machr.kd.check.Type;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;

/** Where a value is stored: registers for locals whose address is never taken, memory otherwise. */
sealed interface Place {

    Type type();

    record InRegister(Reg reg, Type type) implements Place {}

    record SliceInRegisters(Reg ptr, Reg len, Type type) implements Place {}

    record InMemory(Operand address, Type type) implements Place {}
}
