package org.machr.codegen.common.regalloc;

/** A register file: values of one class only ever live in registers (and spill slots) of that class. */
public enum RegClass {
    INT,
    FLOAT
}
