package org.machr.kd.check;

import org.machr.diag.Span;

/**
 * One operation that can break memory safety (docs/language.md §8.3).
 *
 * @param kind what it is, e.g. {@code pointer cast}, {@code intrinsic @volatile_load32}
 * @param function the enclosing function, {@code module.fn}
 */
public record UnsafeSite(Span span, String kind, String function) {

    /** {@code path:line:col: kind in module.fn}, one line of the unsafe report. */
    public String line() {
        return span.location() + ": " + kind + " in " + function;
    }
}
