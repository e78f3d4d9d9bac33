package org.machr.mig.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.mig.model.Entry;
import org.machr.mig.model.Interface;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Skip;

/** {@code -prefix P}: GNU MIG prepends P to user stubs, work functions, the demux and its table. */
final class Prefixes {

    private Prefixes() {}

    static Interface apply(Interface iface, String prefix) {
        if (prefix.isEmpty()) return iface;
        List<Entry> entries = new ArrayList<>();
        for (Entry e : iface.entries()) {
            entries.add(switch (e) {
                case Routine r -> new Routine(r.name(), r.simple(), r.index(), r.arguments(), prefix + r.userName(),
                        prefix + r.serverName(), r.waitTime(), r.msgOption(), r.span());
                case Skip s -> s;
            });
        }
        return new Interface(iface.subsystem(), List.copyOf(entries), iface.imports(),
                Optional.of(prefix + iface.demuxName()), iface.rcsId());
    }
}
