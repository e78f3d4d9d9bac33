package org.machr.tests.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte round trip (docs/mig-harness.md): for every subsystem of the GNU Mach corpus, a generated
 * driver calls every client stub; a fake {@code mach_msg} records the request, hands it to the server
 * demux, whose generated work functions check what they receive and fill the out-values; the reply is
 * recorded and returned to the client, which checks its out-values. Four pairings of client and server
 * compiler (GNU/GNU, GNU/ours, ours/GNU, ours/ours) must produce identical request and reply bytes;
 * mutated requests (size, descriptor, complex bit, id) must get the same return codes from both servers.
 * Pairings with our compiler are reported as skipped, with the reason, while
 * {@code org.machr.mig.MigCli} is not on the class path.
 */
class MigRoundTripTest {

    @TempDir
    static Path work;

    static final Optional<MigCompiler> OURS = MigCompiler.Ours.find();
    static final KnownDifferences KNOWN;

    static {
        try {
            KNOWN = KnownDifferences.load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicNode> everySubsystemInEveryPairing() throws IOException, InterruptedException {
        ExternalTool.requireDirectory(RoundTrip.INCLUDE + "/mach", "install gnumach-dev");
        MigCompiler gnu = new MigCompiler.Gnu(ExternalTool.require("x86_64-gnu-mig"));
        ExternalTool.require("gcc");
        ExternalTool.require("objcopy");
        Path harness = Files.createDirectories(work.resolve("harness"));
        String harnessProblem = RoundTrip.prepareHarness(harness);
        assertThat(harnessProblem).isNull();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path defs : subsystemFiles()) {
            String name = Path.of(RoundTrip.INCLUDE).relativize(defs).toString();
            Subsystem s = new Subsystem(work.resolve(name.replace('/', '_')), name, defs, harness, gnu);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("GNU client + GNU server", s::checkReference));
            for (String pairing : List.of("GNU client + ours server", "ours client + GNU server", "ours client + ours server")) {
                tests.add(DynamicTest.dynamicTest(pairing, () -> s.checkPairing(pairing)));
                for (KnownDifferences.Entry e : KNOWN.of(name, pairing)) {
                    tests.add(DynamicTest.dynamicTest("KNOWN DIFFERENCE " + pairing + ": " + e.routine() + " (" + e.kind() + ")",
                            () -> Assumptions.abort(e.reason())));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(name, tests));
        }
        return nodes.stream();
    }

    /** The corpus files that declare a subsystem (19 of 25). */
    static List<Path> subsystemFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("mach", "device", "mach_debug")) {
            try (Stream<Path> s = Files.walk(Path.of(RoundTrip.INCLUDE, dir))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".defs") && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).sorted().toList()) {
                    if (Files.readAllLines(p, java.nio.charset.StandardCharsets.ISO_8859_1).stream().anyMatch(l -> l.startsWith("subsystem"))) files.add(p);
                }
            }
        }
        assertThat(files).as("subsystem files of the corpus").hasSize(19);
        return files;
    }

    /** One subsystem's build, made on first use and shared by its four pairing tests. */
    static final class Subsystem {
        private final Path dir;
        private final String name;
        private final Path defs;
        private final Path harness;
        private final MigCompiler gnu;
        private RoundTrip roundTrip;
        private String problem;

        Subsystem(Path dir, String name, Path defs, Path harness, MigCompiler gnu) {
            this.dir = dir;
            this.name = name;
            this.defs = defs;
            this.harness = harness;
            this.gnu = gnu;
        }

        private RoundTrip prepared() throws Exception {
            if (roundTrip == null) {
                roundTrip = new RoundTrip(Files.createDirectories(dir), defs, harness);
                problem = roundTrip.prepare(gnu, OURS.map(List::of).orElse(List.of()));
            }
            assertThat(problem).as("preparing the round trip of " + defs).isNull();
            return roundTrip;
        }

        void checkReference() throws Exception {
            RoundTrip rt = prepared();
            RoundTrip.Run run = rt.run(gnu, gnu);
            Assumptions.assumeTrue(run.built() || rt.problemOf(gnu, "user") == null && rt.problemOf(gnu, "server") == null,
                    () -> "GNU MIG's own stubs do not build: " + run.problem());
            assertThat(run.problem()).isNull();
            assertThat(failures(run.output())).as(run.output()).isEmpty();
            assertThat(run.status()).isZero();
            assertThat(countOf(run.output(), "CALL ")).isEqualTo(rt.routines().size()).isPositive();
        }

        void checkPairing(String pairing) throws Exception {
            Assumptions.assumeTrue(OURS.isPresent(), "our compiler not available: " + MigCompiler.Ours.ENTRY_CLASS
                    + " is not on the class path (branch mig not merged yet); only GNU client + GNU server ran");
            RoundTrip rt = prepared();
            MigCompiler ours = OURS.get();
            MigCompiler client = pairing.startsWith("ours client") ? ours : gnu;
            MigCompiler server = pairing.endsWith("ours server") ? ours : gnu;
            if (client == gnu) assumeGnuBuilds(rt, "user");
            if (server == gnu) assumeGnuBuilds(rt, "server");
            RoundTrip.Run run = rt.run(client, server);
            assertThat(run.problem()).as(pairing + " builds").isNull();
            Set<String> unstable = unstableInReference(rt);
            RoundTrip.Run reference = referenceFor(rt, client, server, ours);
            if (reference == null) {
                System.out.println(name + ": " + pairing + ": no pairing with GNU MIG to compare bytes with; values checked only");
            } else {
                Map<String, String> differing = differingRoutines(reference.output(), run.output(), false);
                differing.keySet().removeIf(r -> unstable.contains(r) || KNOWN.excludes(name, pairing, r, "bytes"));
                assertThat(differing.values()).as("routines whose request/reply bytes or values differ from " + reference.pairing()).isEmpty();
                RoundTrip.Run gnuServer = rt.run(gnu, gnu).built() ? rt.run(gnu, gnu) : rt.run(ours, gnu);
                if (server == ours && gnuServer.built()) {
                    Map<String, String> mutations = differingRoutines(gnuServer.output(), run.output(), true);
                    mutations.keySet().removeIf(r -> KNOWN.excludes(name, pairing, r, "mutation"));
                    assertThat(mutations.values()).as("routines whose mutated requests get other return codes than from GNU's server").isEmpty();
                }
            }
            List<String> failures = failures(run.output()).stream()
                    .filter(f -> !unstable.contains(routineOf(f)) && !KNOWN.excludes(name, pairing, routineOf(f), "bytes")).toList();
            assertThat(failures).as("the harness's own checks").isEmpty();
        }

        private void assumeGnuBuilds(RoundTrip rt, String side) {
            String problem = rt.problemOf(gnu, side);
            Assumptions.assumeTrue(problem == null, () -> "GNU MIG's own " + side + " stub does not compile (its struct layout bug, see mig.md): "
                    + RoundTrip.firstLines(problem, 3));
        }

        /** Routines whose GNU/GNU output changes from run to run (GNU MIG sends uninitialised bytes). */
        private Set<String> unstableInReference(RoundTrip rt) throws Exception {
            RoundTrip.Run once = rt.run(gnu, gnu);
            if (!once.built()) return Set.of();
            Set<String> unstable = new java.util.TreeSet<>(differingRoutines(once.output(), rt.rerun(gnu, gnu).output(), false).keySet());
            if (!unstable.isEmpty()) System.out.println(name + ": GNU MIG's stubs send bytes that change from run to run in " + unstable + "; not compared");
            return unstable;
        }
    }

    static String routineOf(String failLine) {
        String[] f = failLine.split("[ :]", 3);
        return f.length > 1 ? f[1] : "";
    }

    /**
     * What a pairing is compared with: GNU client + GNU server, or when GNU MIG's stubs for one side do
     * not build, the mixed pairing that uses GNU's other side; null when there is none.
     */
    static RoundTrip.Run referenceFor(RoundTrip rt, MigCompiler client, MigCompiler server, MigCompiler ours) throws Exception {
        MigCompiler gnu = rt.gnu();
        List<RoundTrip.Run> candidates = new ArrayList<>();
        candidates.add(rt.run(gnu, gnu));
        if (client != ours || server != gnu) candidates.add(rt.run(ours, gnu));
        if (client != gnu || server != ours) candidates.add(rt.run(gnu, ours));
        for (RoundTrip.Run r : candidates) {
            if (!r.built()) continue;
            if (r.pairing().equals(rt.run(gnu, gnu).pairing()) || failures(r.output()).isEmpty()) return r;
        }
        return null;
    }

    static List<String> failures(String output) {
        return output.lines().filter(l -> l.startsWith("FAIL ")).toList();
    }

    static long countOf(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).count();
    }

    /**
     * Routines whose lines differ: the normal run ({@code CALL REQ REP IN OUT RC DEMUX}) or, with
     * {@code mutations}, the {@code MUT} lines. Each entry names the routine and its first differing line.
     */
    static Map<String, String> differingRoutines(String expected, String actual, boolean mutations) {
        Map<String, List<String>> a = byRoutine(expected, mutations);
        Map<String, List<String>> b = byRoutine(actual, mutations);
        Map<String, String> differing = new TreeMap<>();
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String r : names) {
            List<String> x = a.getOrDefault(r, List.of());
            List<String> y = b.getOrDefault(r, List.of());
            if (x.equals(y)) continue;
            int i = 0;
            while (i < Math.min(x.size(), y.size()) && x.get(i).equals(y.get(i))) i++;
            differing.put(r, r + ": expected " + (i < x.size() ? x.get(i) : "(nothing)") + " but got " + (i < y.size() ? y.get(i) : "(nothing)"));
        }
        return differing;
    }

    private static Map<String, List<String>> byRoutine(String output, boolean mutations) {
        Map<String, List<String>> map = new TreeMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split(" ", 3);
            if (f.length < 2 || f[0].equals("SUMMARY") || f[0].equals("SUBSYSTEM")) continue;
            if (f[0].equals("MUT") != mutations) continue;
            map.computeIfAbsent(f[1].replaceAll(":$", ""), k -> new ArrayList<>()).add(line);
        }
        return map;
    }
}
