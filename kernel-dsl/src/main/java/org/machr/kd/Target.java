package org.machr.kd;

import java.util.Optional;

/** A compilation target: its name is the folder of per-architecture code (docs/language.md §2). */
public enum Target {
    JVM("jvm"), AARCH64("aarch64"), X86_64("x86_64");

    private final String folder;

    Target(String folder) {
        this.folder = folder;
    }

    /** The name used in {@code arch/<name>/} folders and in {@code @<name>.} intrinsics. */
    public String folder() {
        return folder;
    }

    public static Optional<Target> byName(String name) {
        for (Target t : values()) if (t.folder.equals(name)) return Optional.of(t);
        return Optional.empty();
    }
}
