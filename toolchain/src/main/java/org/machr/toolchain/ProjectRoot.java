package org.machr.toolchain;

import java.nio.file.Files;
import java.nio.file.Path;

/** The Mach_R checkout the command works in: {@code -Dmachr.root} (set by the launcher), else the nearest parent with a machr launcher. */
public final class ProjectRoot {

    private ProjectRoot() {}

    public static Path find() {
        String root = System.getProperty("machr.root");
        if (root != null && !root.isBlank()) return Path.of(root).toAbsolutePath().normalize();
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("machr")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        return dir;
    }
}
