package org.machr.mig.emit;

import org.machr.mig.model.Interface;
import org.machr.mig.model.Routine;

/**
 * The {@code -list} file: one line per routine, {@code SUBSYSTEM BASE NAME INDEX REQUEST_ID REPLY_ID},
 * with reply id 0 for a simpleroutine (GNU MIG's format).
 */
public final class ListWriter {

    private ListWriter() {}

    public static String write(Interface iface) {
        StringBuilder out = new StringBuilder();
        int base = iface.subsystem().base();
        for (Routine r : iface.routines()) {
            int request = base + r.index();
            out.append(iface.subsystem().name()).append(' ').append(base).append(' ').append(r.name()).append(' ')
                    .append(r.index()).append(' ').append(request).append(' ')
                    .append(r.simple() ? 0 : request + 100).append('\n');
        }
        return out.toString();
    }
}
