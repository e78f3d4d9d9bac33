package org.machr.mig.model;

import java.util.Set;
import org.machr.diag.Span;

/**
 * One routine argument as declared.
 *
 * @param name      the C parameter name
 * @param direction explicit or implied direction (the first undirected argument is the request port)
 * @param type      its resolved type
 * @param flags     {@code Dealloc}, {@code CountInOut}, …
 * @param span      where it was declared
 */
public record Argument(String name, Direction direction, MigType type, Set<ArgFlag> flags, Span span) {

    /** Argument directions ({@code in}, {@code out}, … and the special header/option slots). */
    public enum Direction {
        IN, OUT, INOUT, REQUEST_PORT, REPLY_PORT, UREPLY_PORT, SREPLY_PORT, WAITTIME, MSGOPTION, MSGSEQNO;

        public boolean sendsRequest() {
            return this == IN || this == INOUT;
        }

        public boolean sendsReply() {
            return this == OUT || this == INOUT;
        }
    }

    /** Per-argument flags after the type. */
    public enum ArgFlag { DEALLOC, DEALLOC_MAYBE, NOT_DEALLOC, IS_LONG, IS_NOT_LONG, SERVER_COPY, COUNT_IN_OUT, RET_CODE }

    public boolean has(ArgFlag flag) {
        return flags.contains(flag);
    }
}
