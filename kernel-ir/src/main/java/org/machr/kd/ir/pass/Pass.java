package org.machr.kd.ir.pass;

import org.machr.kd.ir.IrFunction;

/** A function-local IR transformation. */
public interface Pass {

    /** The name used by dump switches ({@code --dump=constfold}). */
    String name();

    /** Transforms {@code f} in place; returns whether anything changed. */
    default boolean run(IrFunction f) {
        return run(f, new FunctionAnalyses(f));
    }

    /** {@link #run(IrFunction)} with side tables that earlier passes may have built already. */
    boolean run(IrFunction f, FunctionAnalyses analyses);
}
