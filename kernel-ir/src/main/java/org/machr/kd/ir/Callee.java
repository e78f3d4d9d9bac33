package org.machr.kd.ir;

/** What a {@link Insn.Call} calls. */
public sealed interface Callee {

    /** A function of the program, by name. */
    record Direct(String function) implements Callee {}

    /** A symbol defined outside the program (an {@code extern fn}, e.g. in a {@code .s} file). */
    record Extern(String symbol) implements Callee {}

    /** A function pointer: the address of a function, called with the given signature. */
    record Indirect(Operand target, Signature signature) implements Callee {}
}
