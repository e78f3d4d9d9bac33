package org.machr.mig.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything one {@code .defs} file declares: the subsystem, its routine table and the file-wide
 * settings the emitters need.
 *
 * @param entries     routines and skips in id order
 * @param serverDemux the demux function name ({@code serverdemux}), if given
 */
public record Interface(Subsystem subsystem, List<Entry> entries, List<Import> imports,
                        Optional<String> serverDemux, Optional<String> rcsId) {

    public List<Routine> routines() {
        return entries.stream().filter(Routine.class::isInstance).map(Routine.class::cast).toList();
    }

    public String demuxName() {
        return serverDemux.orElse(subsystem.name() + "_server");
    }

    public int routineCount() {
        return entries.size();
    }
}
