package org.machr.tests.mig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.machr.tests.mig.StubHeader.Routine;

/**
 * Builds and runs the round trip for one subsystem: each compiler's client and server stubs, the
 * generated driver and work functions, the fake kernel, linked as one program per pairing.
 */
final class RoundTrip {

    static final String INCLUDE = "/usr/include/x86_64-linux-gnu";
    private static final Pattern DEMUX = Pattern.compile("^mig_external boolean_t (\\w+)\\s*$", Pattern.MULTILINE);

    /** What one pairing's program printed, or why it could not be built. */
    record Run(String pairing, int status, String output, String problem) {
        boolean built() {
            return problem == null;
        }
    }

    private final Path work;
    private final Path defs;
    private final Path harness;
    private final Map<String, String> objectProblems = new HashMap<>();
    private final Map<String, Run> runs = new HashMap<>();
    private List<Routine> clientRoutines;
    private String subsystem;
    private String setupProblem;

    RoundTrip(Path work, Path defs, Path harness) {
        this.work = work;
        this.defs = defs;
        this.harness = harness;
    }

    /** Copies the harness sources into {@code dir} and compiles the fake kernel once for all subsystems. */
    static String prepareHarness(Path dir) throws IOException, InterruptedException {
        for (String name : List.of("harness.c", "harness.h", "shim/mach/mig_support.h")) {
            Path to = dir.resolve(name);
            Files.createDirectories(to.getParent());
            try (InputStream in = RoundTrip.class.getResourceAsStream("/mig-harness/" + name)) {
                if (in == null) throw new IOException("missing test resource mig-harness/" + name);
                Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Process p = gcc(dir, List.of("-c", "harness.c", "-o", "harness.o"), dir);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? null : "harness.c does not compile:\n" + out;
    }

    /** gcc with the harness's flags, in folder {@code cwd}. */
    private static Process gcc(Path cwd, List<String> args, Path harness) throws IOException {
        List<String> command = new ArrayList<>(List.of("gcc", "-std=gnu11", "-O0", "-g0", "-ftrivial-auto-var-init=zero", "-w",
                "-I" + harness, "-I" + harness.resolve("shim")));
        command.addAll(args);
        return new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    }

    private MigCompiler gnu;

    MigCompiler gnu() {
        return gnu;
    }

    List<Routine> routines() {
        return clientRoutines;
    }

    String subsystem() {
        return subsystem;
    }

    /** Generates and compiles everything that does not depend on the pairing; null when fine. */
    String prepare(MigCompiler gnu, List<MigCompiler> others) throws IOException, InterruptedException {
        this.gnu = gnu;
        Path gnuDir = generate(gnu);
        if (setupProblem != null) return setupProblem;
        Path userHeader = only(gnuDir, ".h", "server.h");
        subsystem = userHeader.getFileName().toString().replaceFirst("\\.h$", "");
        StubHeader user = StubHeader.parse(Files.readString(userHeader));
        StubHeader server = StubHeader.parse(Files.readString(gnuDir.resolve("server.h")));
        clientRoutines = user.routines();
        String serverStub = Files.readString(only(gnuDir, "Server.c", null));
        Matcher demux = DEMUX.matcher(serverStub);
        if (!demux.find()) return "no demux function in GNU MIG's server stub";
        ExpectedRights serverChecks = new ExpectedRights(serverStub);
        ExpectedRights clientChecks = new ExpectedRights(Files.readString(only(gnuDir, "User.c", null)));
        Files.writeString(work.resolve("driver.c"), DriverGenerator.driver(subsystem, userHeader.getFileName().toString(),
                demux.group(1), user.routines(), server.routines(), serverChecks, clientChecks));
        Files.writeString(work.resolve("work.c"), DriverGenerator.work(subsystem, "server.h", server.routines(),
                user.routines(), clientChecks));
        StringBuilder renames = new StringBuilder();
        for (Routine r : server.routines()) renames.append(r.function()).append(" W_").append(r.function()).append('\n');
        Files.writeString(work.resolve("renames.txt"), renames);

        List<Process> compiles = new ArrayList<>();
        List<Path> stubDirs = new ArrayList<>();
        compiles.add(gcc(work, List.of("-I" + gnuDir, "-c", "driver.c", "work.c"), harness));
        for (MigCompiler c : Stream.concat(Stream.of(gnu), others.stream()).toList()) {
            Path dir = c == gnu ? gnuDir : generate(c);
            if (dir == null) continue;
            stubDirs.add(dir);
            compiles.add(gcc(dir, List.of("-c", only(dir, "User.c", null).getFileName().toString(),
                    only(dir, "Server.c", null).getFileName().toString()), harness));
        }
        List<String> messages = new ArrayList<>();
        for (Process p : compiles) {
            messages.add(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            p.waitFor();
        }
        if (!Files.exists(work.resolve("driver.o")) || !Files.exists(work.resolve("work.o"))) {
            return "the generated driver or work functions do not compile:\n" + firstLines(messages.getFirst(), 30);
        }
        for (int i = 0; i < stubDirs.size(); i++) {
            Path dir = stubDirs.get(i);
            String label = dir.getFileName().toString();
            for (String side : List.of("user", "server")) {
                Path source = only(dir, side.equals("user") ? "User.c" : "Server.c", null);
                Path object = dir.resolve(source.getFileName().toString().replaceFirst("\\.c$", ".o"));
                if (!Files.exists(object)) {
                    objectProblems.put(label + "-" + side, "gcc cannot compile " + source.getFileName() + ":\n" + firstLines(messages.get(i + 1), 12));
                    continue;
                }
                Files.move(object, work.resolve(label + "-" + side + ".o"));
            }
            if (!objectProblems.containsKey(label + "-server")) {
                Process p = new ProcessBuilder("objcopy", "--redefine-syms=" + work.resolve("renames.txt"),
                        work.resolve(label + "-server.o").toString()).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) objectProblems.put(label + "-server", "objcopy: " + out);
            }
        }
        return null;
    }

    /** Why {@code compiler}'s stubs are unusable (generation or compilation), or null. */
    String problemOf(MigCompiler compiler, String side) {
        return objectProblems.get(compiler.label() + "-" + side);
    }

    private Path generate(MigCompiler c) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(work.resolve(c.label()));
        List<String> args = List.of("-D__x86_64__", "-I" + INCLUDE, "-sheader", "server.h", defs.toString());
        MigCompiler.Result r = c.run(args, dir);
        if (r.status() != 0) {
            String why = c.label() + " MIG failed (status " + r.status() + "):\n" + r.messages();
            if (c instanceof MigCompiler.Gnu) setupProblem = why;
            objectProblems.put(c.label() + "-user", why);
            objectProblems.put(c.label() + "-server", why);
            return null;
        }
        return dir;
    }

    private static Path only(Path dir, String suffix, String except) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)
                    && (except == null || !p.getFileName().toString().equals(except))).toList();
            if (found.size() != 1) throw new IOException("expected one *" + suffix + " in " + dir + ", found " + found);
            return found.getFirst();
        }
    }

    /** Links and runs client stubs of {@code client} with server stubs of {@code server}. */
    Run run(MigCompiler client, MigCompiler server) throws IOException, InterruptedException {
        String name = client.label() + "-client+" + server.label() + "-server";
        Run known = runs.get(name);
        if (known != null) return known;
        Run result = link(client, server, name);
        runs.put(name, result);
        keep(result, "");
        return result;
    }

    /** Runs an already linked pairing once more (to find output that changes from run to run). */
    Run rerun(MigCompiler client, MigCompiler server) throws IOException, InterruptedException {
        Run first = run(client, server);
        if (!first.built()) return first;
        Path out = work.resolve(first.pairing() + ".again.txt");
        Process p = new ProcessBuilder(work.resolve(first.pairing()).toString()).redirectOutput(out.toFile())
                .redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
        Run again = new Run(first.pairing(), p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1), null);
        keep(again, ".again");
        return again;
    }

    /** Keeps each run's output under target/mig-harness-runs/ for reading after the test. */
    private void keep(Run run, String suffix) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "mig-harness-runs", defs.getParent().getFileName() + "_" + defs.getFileName()));
        Files.write(dir.resolve(run.pairing() + suffix + ".txt"), run.built() ? run.output().getBytes(StandardCharsets.ISO_8859_1)
                : ("not built: " + run.problem() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private Run link(MigCompiler client, MigCompiler server, String name) throws IOException, InterruptedException {
        String problem = problemOf(client, "user");
        if (problem == null) problem = problemOf(server, "server");
        if (problem != null) return new Run(name, -1, "", problem);
        Path program = work.resolve(name);
        Process link = new ProcessBuilder("gcc", "-o", program.toString(), work.resolve(client.label() + "-user.o").toString(),
                work.resolve(server.label() + "-server.o").toString(), work.resolve("driver.o").toString(),
                work.resolve("work.o").toString(), harness.resolve("harness.o").toString()).redirectErrorStream(true).start();
        String linkOut = new String(link.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (link.waitFor() != 0) return new Run(name, -1, "", "link failed: " + firstLines(linkOut, 12));
        Path out = work.resolve(name + ".txt");
        Process p = new ProcessBuilder(program.toString()).redirectOutput(out.toFile()).redirectErrorStream(true).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(name, -1, Files.readString(out), "timed out");
        }
        return new Run(name, p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1), null);
    }

    static String firstLines(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList());
    }
}
