package org.machr.codegen.x86_64.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.link.SectionFlag;
import org.machr.link.SectionKind;

/** A section being assembled: its attributes and contents as {@link Item}s. */
final class AsmSection {
    final String name;
    final SectionKind kind;
    final Set<SectionFlag> flags;
    long alignment;
    final List<Item> items = new ArrayList<>();
    /** Offsets of each item in the current layout. */
    long[] offsets = new long[0];
    long size;

    AsmSection(String name, SectionKind kind, Set<SectionFlag> flags, long alignment) {
        this.name = name;
        this.kind = kind;
        this.flags = flags;
        this.alignment = alignment;
    }

    boolean isCode() {
        return flags.contains(SectionFlag.EXECUTE);
    }
}
