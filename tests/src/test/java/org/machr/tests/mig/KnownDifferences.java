package org.machr.tests.mig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Differences between our stubs and GNU MIG's that are known and reported, listed in
 * {@code mig-harness/known-differences.txt}: one line {@code FILE | PAIRING | ROUTINE | KIND | REASON},
 * KIND being {@code bytes} (request, reply or values) or {@code mutation} (return codes of mutated
 * requests). The round-trip test leaves these routines out of its comparison and shows each entry as a
 * skipped test carrying the reason, so the rest of the pairing stays checked.
 */
record KnownDifferences(List<Entry> entries) {

    record Entry(String file, String pairing, String routine, String kind, String reason) {}

    static KnownDifferences load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = KnownDifferences.class.getResourceAsStream("/mig-harness/known-differences.txt")) {
            if (in == null) return new KnownDifferences(entries);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\\|", 5);
                if (f.length != 5) throw new IOException("bad line in known-differences.txt: " + line);
                entries.add(new Entry(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f[4].strip()));
            }
        }
        return new KnownDifferences(entries);
    }

    List<Entry> of(String file, String pairing) {
        return entries.stream().filter(e -> e.file().equals(file) && e.pairing().equals(pairing)).toList();
    }

    boolean excludes(String file, String pairing, String routine, String kind) {
        return of(file, pairing).stream().anyMatch(e -> e.routine().equals(routine) && e.kind().equals(kind));
    }
}
