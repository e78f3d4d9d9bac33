package org.machr.toolchain.doctor;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "List every external tool Mach_R uses (JDK, QEMU, llvm-mc, binutils, ld.lld, GNU MIG, GNU Mach's .defs),",
            "whether it was found, its version, and the command that installs what is missing.",
            "Exits 1 only when --for names a command that cannot run without a missing tool."
        })
public final class DoctorCommand implements Callable<Integer> {

    @Option(names = "--for", paramLabel = "COMMAND",
            description = "Check what this command needs: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Commands.class)
    String forCommand;

    private final ToolProbe probe;
    private final PrintStream out;

    public DoctorCommand(org.machr.toolchain.Console console) {
        this(new SystemToolProbe(), console.out());
    }

    public DoctorCommand(ToolProbe probe, PrintStream out) {
        this.probe = probe;
        this.out = out;
    }

    @Override
    public Integer call() {
        if (forCommand != null && !Doctor.COMMANDS.contains(forCommand)) {
            out.println("machr doctor: unknown command '" + forCommand + "' for --for; expected one of "
                    + String.join(", ", Doctor.COMMANDS));
            return 2;
        }
        return new Doctor(probe, ExternalTool.all()).report(Optional.ofNullable(forCommand), out);
    }

    static final class Commands extends java.util.ArrayList<String> {
        Commands() {
            super(Doctor.COMMANDS);
        }
    }
}
