package org.machr.toolchain.doctor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** How {@code doctor} looks at the machine; replaced by a fake in tests. */
public interface ToolProbe {

    /** The executable {@code name} on PATH, if any. */
    Optional<Path> findExecutable(String name);

    /** The first non-blank line {@code executable args…} prints, or empty if it fails or hangs. */
    Optional<String> versionLine(Path executable, List<String> args);

    boolean fileExists(String path);

    /** The installed version of a Debian package, if known. */
    Optional<String> packageVersion(String debianPackage);

    /** The running JDK: feature version and home. */
    Runtime.Version javaVersion();

    String javaHome();
}
