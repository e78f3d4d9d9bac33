package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: GNU MIG's flags, default names, batch runs, exit codes. */
class MigCliTest {

    @TempDir
    Path dir;

    private static final String DEFS = """
            subsystem demo 500;
            type int32 = MACH_MSG_TYPE_INTEGER_32;
            type port = MACH_MSG_TYPE_COPY_SEND;
            #ifdef EXTRA
            routine extra(p : port);
            #endif
            routine ping(p : port; in x : int32; out y : int32);
            skip;
            simpleroutine poke(p : port; x : int32);
            """;

    record Result(int status, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int status = MigCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), dir);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void defaultOutputsAreNamedFromTheSubsystem() throws IOException {
        Files.writeString(dir.resolve("x.defs"), DEFS);
        Result r = run("x.defs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(dir.resolve("demo.h")).exists();
        assertThat(dir.resolve("demoUser.c")).content().contains("#include \"demo.h\"", "mig_external kern_return_t ping");
        assertThat(dir.resolve("demoServer.c")).content().contains("demo_server_routines[]", "_Xpoke");
    }

    @Test
    void listAndPreprocessorFlags() throws IOException {
        Files.writeString(dir.resolve("x.defs"), DEFS);
        Result r = run("-n", "-DEXTRA", "-list", "out.list", "x.defs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(dir.resolve("out.list")).content()
                .isEqualTo("demo 500 extra 0 500 600\ndemo 500 ping 1 501 601\ndemo 500 poke 3 503 0\n");
        assertThat(dir.resolve("demo.h")).doesNotExist();
    }

    @Test
    void perRoutineUserFilesAreNamedAsGnuMigNamesThem() throws IOException {
        Files.writeString(dir.resolve("x.defs"), DEFS);
        Result r = run("-i", "u_", "-prefix", "P_", "x.defs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(dir.resolve("demoUser.c")).doesNotExist();
        assertThat(dir.resolve("u_ping.c")).content().contains("#include \"demo.h\"", "kern_return_t P_ping")
                .doesNotContain("P_poke");
        assertThat(dir.resolve("u_poke.c")).content().contains("kern_return_t P_poke").doesNotContain("P_ping");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("demo.h", "demoServer.c", "u_ping.c", "u_poke.c", "x.defs");
        }
    }

    @Test
    void explicitNamesPrefixesAndSymbolTable() throws IOException {
        Files.writeString(dir.resolve("x.defs"), DEFS);
        Result r = run("-user", "u.c", "-server", "s.c", "-header", "u.h", "-sheader", "s.h", "-iheader", "i.h",
                "-prefix", "P_", "-subrprefix", "S_", "-s", "x.defs");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(dir.resolve("u.c")).content().contains("#include \"u.h\"", "kern_return_t P_ping", "S_mach_msg(",
                "S_mig_get_reply_port()");
        assertThat(dir.resolve("s.c")).content().contains("P_demo_server_routines[]", "_demoSymTab[]",
                "{ \"ping\", 500, _Xping }");
        assertThat(dir.resolve("s.h")).content().contains("kern_return_t P_ping");
        assertThat(dir.resolve("i.h")).content().contains("mig_internal void _Xping");
    }

    @Test
    void preprocessOnlyPrintsLineMarkers() throws IOException {
        Files.writeString(dir.resolve("x.defs"), DEFS);
        Result r = run("-E", "-DEXTRA", "x.defs");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("routine extra(p : port);").contains("# 1 \"");
        assertThat(dir.resolve("demo.h")).doesNotExist();
    }

    @Test
    void batchCompilesEveryFileAndReportsEachError() throws IOException {
        Files.writeString(dir.resolve("a.defs"), DEFS);
        Files.writeString(dir.resolve("b.defs"), DEFS.replace("demo 500", "other 700"));
        Files.writeString(dir.resolve("bad.defs"), "subsystem bad 1;\nroutine r(p : nosuch);\n");
        Result r = run("-n", "-list", "/dev/null", "-header", "/dev/null", "a.defs", "bad.defs", "b.defs");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("bad.defs:2:15: error[MIG0006]: type 'nosuch' is not defined")
                .contains(" 2 | routine r(p : nosuch);").contains("1 error");
        Result ok = run("-user", "/dev/null", "-server", "/dev/null", "a.defs", "b.defs");
        assertThat(ok.status()).as(ok.err()).isZero();
        assertThat(dir.resolve("demo.h")).exists();
        assertThat(dir.resolve("other.h")).exists();
    }

    @Test
    void commandLineMistakesExit64AndMissingFilesExit1() {
        assertThat(run("-bogus", "x.defs").status()).isEqualTo(64);
        assertThat(run("-user").err()).contains("error[MIG0019]: option '-user' needs a value");
        assertThat(run().status()).isEqualTo(64);
        Result missing = run("nosuch.defs");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).doesNotContain("Exception");
        assertThat(run("--version").out()).contains("machr mig");
        assertThat(run("--help").out()).contains("-sheader FILE");
    }

    @Test
    void quietSuppressesWarnings() throws IOException {
        Files.writeString(dir.resolve("w.defs"), "subsystem w 1;\ntype int32 = MACH_MSG_TYPE_INTEGER_32;\n"
                + "type port = MACH_MSG_TYPE_COPY_SEND;\nroutine r(p : port; x : int32, CountInOut);\n");
        assertThat(run("-n", "w.defs").err()).contains("warning[MIG0016]");
        assertThat(run("-n", "-q", "w.defs").err()).isEmpty();
    }
}
