package org.machr.kd.ir;

/** A function defined outside the program (e.g. in a {@code .s} file), called via {@link Callee.Extern}. */
public record ExternDecl(String symbol, Signature signature) {}
