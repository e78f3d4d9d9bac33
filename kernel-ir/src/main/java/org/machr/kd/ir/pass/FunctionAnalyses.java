package org.machr.kd.ir.pass;

import org.machr.kd.ir.IrFunction;

/**
 * The side tables of one function ({@link Uses}, {@link Cfg}), built on first request and shared by
 * the passes until one of them changes the function ({@link PassPipeline} then calls
 * {@link #invalidate}). A pass may change the function while it holds them, but must not ask again.
 */
public final class FunctionAnalyses {
    private final IrFunction f;
    private Uses uses;
    /** The last tables invalidated, whose arrays the next {@link Uses} may reuse. */
    private Uses spare;
    private Cfg cfg;

    FunctionAnalyses(IrFunction f) {
        this.f = f;
    }

    Uses uses() {
        if (uses == null) {
            uses = new Uses(f, spare);
            spare = null;
        }
        return uses;
    }

    Cfg cfg() {
        if (cfg == null) cfg = new Cfg(f);
        return cfg;
    }

    void invalidate() {
        if (uses != null) spare = uses;
        uses = null;
        cfg = null;
    }
}
