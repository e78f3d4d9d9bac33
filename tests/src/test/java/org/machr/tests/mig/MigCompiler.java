package org.machr.tests.mig;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A MIG compiler the harness can run with GNU MIG's command-line arguments, in a working folder. */
sealed interface MigCompiler {

    /** Short name used in test names: {@code GNU} or {@code ours}. */
    String label();

    /** Runs with {@code args}, writing outputs into {@code dir}; the exit status and all messages. */
    Result run(List<String> args, Path dir) throws IOException, InterruptedException;

    record Result(int status, String messages) {}

    /** The installed reference, {@code x86_64-gnu-mig}. */
    record Gnu(Path wrapper) implements MigCompiler {
        @Override
        public String label() {
            return "GNU";
        }

        @Override
        public Result run(List<String> args, Path dir) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(wrapper.toString());
            command.addAll(args);
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        }
    }

    /**
     * Our compiler, {@code org.machr.mig.MigCli.run(String[], PrintStream, PrintStream, Path)}, called
     * in this JVM. Looked up by name, so the harness builds (and says so) while it is not on the class path.
     */
    record Ours(Method entry) implements MigCompiler {

        static final String ENTRY_CLASS = "org.machr.mig.MigCli";

        static Optional<MigCompiler> find() {
            try {
                Class<?> cli = Class.forName(ENTRY_CLASS);
                return Optional.of(new Ours(cli.getMethod("run", String[].class, PrintStream.class, PrintStream.class, Path.class)));
            } catch (ReflectiveOperationException | LinkageError e) {
                return Optional.empty();
            }
        }

        @Override
        public String label() {
            return "ours";
        }

        @Override
        public Result run(List<String> args, Path dir) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                int status = (int) entry.invoke(null, args.toArray(String[]::new), out, out, dir);
                return new Result(status, bytes.toString(StandardCharsets.UTF_8));
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                return new Result(-1, bytes.toString(StandardCharsets.UTF_8) + "\nthrew " + cause);
            }
        }
    }
}
