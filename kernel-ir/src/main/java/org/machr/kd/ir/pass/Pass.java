package org.machr.kd.ir.pass;

import org.machr.kd.ir.IrFunction;

/** A function-local IR transformation. */
public interface Pass {

    /** The name used by dump switches ({@code --dump=constfold}). */
    String name();

    /** Transforms {@code f} in place; returns whether anything changed. */
    boolean run(IrFunction f);
}
