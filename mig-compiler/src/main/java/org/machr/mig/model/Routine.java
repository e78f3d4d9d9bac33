package org.machr.mig.model;

import java.util.List;
import java.util.Optional;
import org.machr.diag.Span;

/**
 * A {@code routine} (request and reply) or {@code simpleroutine} (request only).
 *
 * @param name       as declared
 * @param simple     true for {@code simpleroutine}
 * @param index      position counted from the subsystem base (skips included)
 * @param arguments  in declaration order
 * @param userName   C name of the user stub ({@code userprefix} applied)
 * @param serverName C name of the server work function ({@code serverprefix} applied)
 * @param waitTime   {@code waittime} in force when declared, if any
 * @param msgOption  {@code msgoption} in force when declared, if any
 */
public record Routine(String name, boolean simple, int index, List<Argument> arguments, String userName,
                      String serverName, Optional<String> waitTime, Optional<String> msgOption, Span span)
        implements Entry {

    public Argument requestPort() {
        return arguments.stream().filter(a -> a.direction() == Argument.Direction.REQUEST_PORT).findFirst()
                .orElseThrow();
    }

    public Optional<Argument> find(Argument.Direction direction) {
        return arguments.stream().filter(a -> a.direction() == direction).findFirst();
    }
}
