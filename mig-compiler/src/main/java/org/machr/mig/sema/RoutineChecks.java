package org.machr.mig.sema;

import java.util.List;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.mig.MigCode;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.ArgFlag;
import org.machr.mig.model.Argument.Direction;

/** The rules GNU MIG enforces on a routine's argument list, with messages that say how to fix them. */
final class RoutineChecks {

    private RoutineChecks() {}

    static boolean check(String routine, boolean simple, List<Argument> args, Span span, Diagnostics d) {
        int errors = d.errorCount();
        if (args.stream().noneMatch(a -> a.direction() == Direction.REQUEST_PORT)) {
            d.error(MigCode.NO_REQUEST_PORT, span, "routine '" + routine + "' has no request port argument",
                    "the first argument without a direction is the port the request is sent to");
        }
        int[] seen = new int[Direction.values().length];
        for (Argument a : args) {
            Direction dir = a.direction();
            if (++seen[dir.ordinal()] > 1 && dir != Direction.IN && dir != Direction.OUT && dir != Direction.INOUT) {
                d.error(MigCode.DUPLICATE_SPECIAL_ARGUMENT, a.span(), "routine '" + routine + "' has a second "
                        + dir.name().toLowerCase().replace("_", "") + " argument",
                        "GNU MIG ignores all but the last one with a warning");
            }
            switch (dir) {
                case REQUEST_PORT, REPLY_PORT, UREPLY_PORT, SREPLY_PORT -> {
                    if (!(a.type().port() || a.type().isPolymorphic()) || a.type().isArray()
                            || !a.type().inLine()) {
                        d.error(MigCode.BAD_ARGUMENT_KIND, a.span(), "argument '" + a.name()
                                + "' must have a port type to be the " + portRole(dir),
                                "its type '" + a.type().name() + "' is not a port right");
                    }
                }
                case OUT, INOUT -> {
                    if (dir == Direction.INOUT && a.type().isVariable() && a.type().inLine()) {
                        d.error(MigCode.BAD_ARGUMENT_KIND, a.span(), "argument '" + a.name()
                                + "' is an in-line array or string of variable size and cannot be inout",
                                "pass it as 'in' and return the result in a separate 'out' argument");
                    }
                    if (simple) {
                        d.error(MigCode.OUT_IN_SIMPLEROUTINE, a.span(), "simpleroutine '" + routine
                                + "' has an " + dir.name().toLowerCase() + " argument '" + a.name() + "'",
                                "a simpleroutine has no reply; declare it as 'routine' or make the argument 'in'");
                    }
                }
                case WAITTIME, MSGOPTION, MSGSEQNO -> {
                    if (a.type().port() || a.type().isArray() || a.type().isString()) {
                        d.error(MigCode.BAD_ARGUMENT_KIND, a.span(), "a " + dir.name().toLowerCase()
                                + " argument must have an integer type");
                    }
                }
                case IN -> { }
            }
            if (a.has(ArgFlag.COUNT_IN_OUT) && !(a.type().isVariable() && dir.sendsReply())) {
                d.warning(MigCode.FLAG_NOT_APPLICABLE, a.span(), "CountInOut on '" + a.name()
                        + "' has no effect", "it applies to out arrays of variable size");
            }
        }
        if (simple && args.stream().anyMatch(a -> a.direction() == Direction.REPLY_PORT)) {
            // GNU MIG accepts a replyport in a simpleroutine: it is sent in the header.
        }
        return d.errorCount() == errors;
    }

    private static String portRole(Direction dir) {
        return switch (dir) {
            case REQUEST_PORT -> "request port";
            default -> "reply port";
        };
    }
}
