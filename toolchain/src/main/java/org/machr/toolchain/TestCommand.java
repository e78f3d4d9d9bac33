package org.machr.toolchain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "test",
        mixinStandardHelpOptions = true,
        description = {
            "Run the whole test suite: installs the test tools when run as root on Debian",
            "(scripts/install-deps), then `mvn verify` over every module. Extra arguments go to Maven."
        })
public final class TestCommand implements Callable<Integer> {

    private final Console console;

    public TestCommand(Console console) {
        this.console = console;
    }

    @Parameters(paramLabel = "MAVEN_ARG", description = "Passed to Maven, e.g. -pl mig-compiler -am.")
    List<String> mavenArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path script = ProjectRoot.find().resolve("scripts/run-tests");
        if (!Files.isExecutable(script)) {
            console.err().println("machr test: " + script + " not found; run this from a Mach_R checkout");
            return 2;
        }
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(mavenArgs);
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb.start().waitFor();
    }
}
