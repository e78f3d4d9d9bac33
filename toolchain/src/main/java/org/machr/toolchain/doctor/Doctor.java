package org.machr.toolchain.doctor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for every external tool and reports what it found. The verdict depends on the command the
 * user wants to run: a tool missing for another command is listed but does not fail the check.
 */
public final class Doctor {

    /** The JDK release the toolchain needs. */
    public static final int MIN_JAVA = 21;

    /** Commands {@code --for} accepts. */
    public static final List<String> COMMANDS = List.of("test", "run", "mig", "check", "build", "build-toolchain");

    public record Finding(ExternalTool tool, boolean found, String detail) {}

    private final ToolProbe probe;
    private final List<ExternalTool> tools;

    public Doctor(ToolProbe probe, List<ExternalTool> tools) {
        this.probe = probe;
        this.tools = List.copyOf(tools);
    }

    public List<Finding> examine() {
        List<Finding> findings = new ArrayList<>();
        for (ExternalTool tool : tools) findings.add(examine(tool));
        return findings;
    }

    private Finding examine(ExternalTool tool) {
        return switch (tool.kind()) {
            case EXECUTABLE -> probe.findExecutable(tool.target())
                    .map(path -> new Finding(tool, true,
                            probe.versionLine(path, tool.versionArgs()).orElse("(version unknown)") + "  [" + path + "]"))
                    .orElseGet(() -> new Finding(tool, false, "not found on PATH"));
            case FILE -> probe.fileExists(tool.target())
                    ? new Finding(tool, true, probe.packageVersion(tool.debianPackage())
                            .map(v -> tool.debianPackage() + " " + v).orElse("present") + "  [" + tool.target() + "]")
                    : new Finding(tool, false, tool.target() + " not found");
        };
    }

    /**
     * Prints the report and returns the exit status: 0, or 1 when {@code forCommand} is given and a tool
     * it needs is missing (or the JDK is too old).
     */
    public int report(Optional<String> forCommand, PrintStream out) {
        Runtime.Version java = probe.javaVersion();
        boolean javaOk = java.feature() >= MIN_JAVA;
        out.println("machr doctor: the external tools Mach_R uses");
        out.printf("  %-8s %-27s %s%n", javaOk ? "ok" : "too old", "JDK (>= " + MIN_JAVA + ")",
                java + "  [" + probe.javaHome() + "]");
        List<Finding> findings = examine();
        Set<String> missingPackages = new LinkedHashSet<>();
        List<String> blocking = new ArrayList<>();
        if (!javaOk) blocking.add("JDK " + MIN_JAVA);
        for (Finding f : findings) {
            out.printf("  %-8s %-27s %s%n", f.found() ? "ok" : "missing", f.tool().name(), f.detail());
            if (!f.found()) {
                out.printf("  %-8s %-27s %s; install: apt-get install %s%n", "", "", f.tool().purpose(),
                        f.tool().debianPackage());
                missingPackages.add(f.tool().debianPackage());
                if (forCommand.isPresent() && f.tool().neededBy().contains(forCommand.get())) {
                    blocking.add(f.tool().name());
                }
            }
        }
        if (missingPackages.isEmpty()) {
            out.println("All tools found.");
        } else {
            out.println("To install everything missing (as root on Debian): apt-get install -y "
                    + String.join(" ", missingPackages));
        }
        if (!javaOk) out.println("The toolchain needs a JDK " + MIN_JAVA + " or newer: apt-get install openjdk-21-jdk-headless");
        if (forCommand.isPresent()) {
            if (!blocking.isEmpty()) {
                out.println("machr " + forCommand.get() + " cannot run: missing " + String.join(", ", blocking));
                return 1;
            }
            out.println("Everything machr " + forCommand.get() + " needs is present.");
        }
        return 0;
    }
}
