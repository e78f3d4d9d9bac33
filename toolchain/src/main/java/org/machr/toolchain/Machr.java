package org.machr.toolchain;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.machr.toolchain.doctor.DoctorCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code machr} command: every capability of the toolchain is a subcommand. */
@Command(name = "machr",
        mixinStandardHelpOptions = true,
        versionProvider = Machr.Version.class,
        description = "Mach_R toolchain: compile MIG interfaces and .kd programs, build and boot Mach_R images.",
        subcommands = {RunCommand.class, BuildCommand.class, CheckCommand.class, MigCommand.class, LinkCommand.class,
            DoctorCommand.class,
            TestCommand.class, CommandLine.HelpCommand.class})
public final class Machr implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, Console.system()));
    }

    /** Runs the CLI with the given streams; never lets an exception reach the user as a stack trace. */
    public static int execute(String[] args, Console console) {
        CommandLine cli = new CommandLine(new Machr(), new CommandFactory(console));
        PrintWriter out = new PrintWriter(console.out(), true);
        PrintWriter err = new PrintWriter(console.err(), true);
        // mig, check and link take their tools' own command lines (GNU MIG's single-dash flags), unparsed.
        for (String raw : new String[] {"mig", "check", "link"}) {
            cli.getSubcommands().get(raw).setUnmatchedOptionsArePositionalParams(true);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("machr: internal error: " + ex);
            err.println("machr: this is a bug in Mach_R; please report it with the command line you used.");
            return 70;
        });
        return cli.execute(args);
    }

    /** The version from the build, and the JDK running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties props = new Properties();
            try (InputStream in = Machr.class.getResourceAsStream("version.properties")) {
                if (in != null) props.load(in);
            }
            return new String[] {
                "machr " + props.getProperty("version", "unknown"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ", "
                        + System.getProperty("java.home") + ")"
            };
        }
    }
}
