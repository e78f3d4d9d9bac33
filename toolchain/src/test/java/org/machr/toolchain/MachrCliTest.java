package org.machr.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MachrCliTest {

    private record Result(int status, String out, String err) {}

    private static Result machr(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Machr.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    /** The subcommand names listed under "Commands:" in the help text. */
    private static List<String> listedCommands(String help) {
        String section = help.substring(help.indexOf("Commands:"));
        Matcher m = Pattern.compile("(?m)^  (\\S+)\\s").matcher(section);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) names.add(m.group(1));
        return names;
    }

    @Test
    void helpListsExactlyTheRegisteredCommands() {
        Result r = machr("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).startsWith("Usage: machr ");
        List<String> registered = List.copyOf(new CommandLine(new Machr()).getSubcommands().keySet());
        assertThat(listedCommands(r.out())).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(registered).contains("doctor", "test", "run");
    }

    @Test
    void everyListedCommandHasItsOwnHelp() {
        for (String name : new CommandLine(new Machr()).getSubcommands().keySet()) {
            if (name.equals("help")) continue;
            Result r = machr(name, "--help");
            assertThat(r.status()).as(name).isZero();
            assertThat(r.out()).as(name).startsWith("Usage: machr " + name);
        }
    }

    @Test
    void versionNamesTheToolchainAndTheJdk() {
        Result r = machr("--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).matches("(?s)machr \\d+\\.\\d+\\.\\d+.*\nJava \\d+.*");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Result r = machr("frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'frobnicate'");
    }
}
