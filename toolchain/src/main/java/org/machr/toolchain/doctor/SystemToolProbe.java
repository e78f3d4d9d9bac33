package org.machr.toolchain.doctor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real machine: PATH search, running {@code --version}, dpkg-query. */
public final class SystemToolProbe implements ToolProbe {

    private static final long TIMEOUT_SECONDS = 10;
    private static final java.util.regex.Pattern ANSI_ESCAPE = java.util.regex.Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    @Override
    public Optional<Path> findExecutable(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> versionLine(Path executable, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        return firstLine(command);
    }

    @Override
    public boolean fileExists(String path) {
        return Files.isRegularFile(Path.of(path));
    }

    @Override
    public Optional<String> packageVersion(String debianPackage) {
        return firstLine(List.of("dpkg-query", "-W", "-f=${Version}", debianPackage));
    }

    @Override
    public Runtime.Version javaVersion() {
        return Runtime.version();
    }

    @Override
    public String javaHome() {
        return System.getProperty("java.home");
    }

    private static Optional<String> firstLine(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readNBytes(64 * 1024);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) return Optional.empty();
            return new String(out, StandardCharsets.UTF_8).lines().map(l -> ANSI_ESCAPE.matcher(l).replaceAll("").strip())
                    .filter(l -> !l.isEmpty()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
