package org.machr.kd;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.machr.diag.Diagnostics;

/**
 * Runs a compiler phase on a thread with a large stack: the parser, checker and lowering recurse
 * over the program's nesting, and deeply nested input must give a diagnostic (KD0007), never a
 * {@link StackOverflowError}.
 */
final class DeepStack {

    /** 1 GiB of address space for the stack; only what is used is committed. */
    private static final long STACK_BYTES = 1L << 30;

    private DeepStack() {}

    static <T> T run(Supplier<T> work, T onOverflow, Diagnostics d) {
        AtomicReference<T> result = new AtomicReference<>(onOverflow);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicReference<Error> error = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (StackOverflowError e) {
                d.error(KdCode.KD0007, null, "the program is nested too deeply for the compiler");
            } catch (RuntimeException e) {
                failure.set(e);
            } catch (Error e) {
                error.set(e);
            }
        }, "kd-compiler", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling", e);
        }
        if (failure.get() != null) throw failure.get();
        if (error.get() != null) throw error.get();
        return result.get();
    }
}
