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
            Subsystem s = new Subsystem(work.resolve(name.replace('/', '_')), defs, harness, gnu);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("GNU client + GNU server", s::checkReference));
            for (String pairing : List.of("GNU client + ours server", "ours client + GNU server", "ours client + ours server")) {
                tests.add(DynamicTest.dynamicTest(pairing, () -> s.checkPairing(pairing)));
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
        private final Path defs;
        private final Path harness;
        private final MigCompiler gnu;
        private RoundTrip roundTrip;
        private String problem;

        Subsystem(Path dir, Path defs, Path harness, MigCompiler gnu) {
            this.dir = dir;
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
            RoundTrip.Run run = rt.run(client, server);
            assertThat(run.problem()).as(pairing + " builds").isNull();
            RoundTrip.Run reference = referenceFor(rt, client, server, ours);
            if (reference == null) {
                // GNU MIG's own stubs do not build for this subsystem: only the values can be checked
                System.out.println(defs + ": " + pairing + ": no pairing with GNU MIG to compare bytes with; values checked only");
            } else {
                assertThat(differingRoutines(reference.output(), run.output(), false))
                        .as("routines whose request/reply bytes or values differ from " + reference.pairing()).isEmpty();
                RoundTrip.Run gnuServer = rt.run(gnu, gnu).built() ? rt.run(gnu, gnu) : rt.run(ours, gnu);
                if (server == ours && gnuServer.built()) {
                    assertThat(differingRoutines(gnuServer.output(), run.output(), true))
                            .as("routines whose mutated requests get other return codes than from GNU's server").isEmpty();
                }
            }
            assertThat(failures(run.output())).isEmpty();
            assertThat(run.status()).isZero();
        }
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
    static Set<String> differingRoutines(String expected, String actual, boolean mutations) {
        Map<String, List<String>> a = byRoutine(expected, mutations);
        Map<String, List<String>> b = byRoutine(actual, mutations);
        Set<String> differing = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String r : names) {
            List<String> x = a.getOrDefault(r, List.of());
            List<String> y = b.getOrDefault(r, List.of());
            if (x.equals(y)) continue;
            int i = 0;
            while (i < Math.min(x.size(), y.size()) && x.get(i).equals(y.get(i))) i++;
            differing.add(r + ": expected " + (i < x.size() ? x.get(i) : "(nothing)") + " but got " + (i < y.size() ? y.get(i) : "(nothing)"));
        }
        return differing;
    }

    private static Map<String, List<String>> byRoutine(String output, boolean mutations) {
        Map<String, List<String>> map = new TreeMap<>();
        for (String line : output.lines().toList()) {
            String[] f = line.split(" ", 3);
            if (f.length < 2 || f[0].equals("SUMMARY") || f[0].equals("SUBSYSTEM")) continue;
            if (f[0].equals("MUT") != mutations) continue;
            map.computeIfAbsent(f[1], k -> new ArrayList<>()).add(line);
        }
        return map;
    }
}
