package org.machr.tests.conformance;

import org.machr.codegen.common.QemuCommand;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.machr.codegen.aarch64.A64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;

/**
 * The aarch64 target: front end for {@code aarch64}, IR passes, {@link A64Build} (our backend, assembler
 * and linker) into a boot ELF, run on {@code qemu-system-aarch64 -M virt} (design/boot.md) under a
 * timeout; the console is QEMU's stdout (the PL011), the status QEMU's exit code (semihosting SYS_EXIT).
 * {@link #prepare} starts every run on two threads ahead of the tests that wait for them.
 */
final class A64Target implements Target {

    static final String QEMU = QemuCommand.AARCH64.executable();
    static final long TIMEOUT_SECONDS = 20;

    private final Path projectRoot;
    private final Map<Path, Future<Outcome>> runs = new ConcurrentHashMap<>();
    private ExecutorService pool;

    A64Target(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    @Override
    public String name() {
        return "aarch64";
    }

    @Override
    public Optional<String> unavailable() {
        if (qemu().isPresent() || Boolean.getBoolean("machr.requireTools")) return Optional.empty();
        return Optional.of(QEMU + " not installed");
    }

    static Optional<Path> qemu() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, QEMU);
            if (Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void prepare(List<Path> sourceRoots, List<Path> programs) {
        if (unavailable().isPresent() || pool != null) return;
        pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "qemu-aarch64");
            t.setDaemon(true);
            return t;
        });
        for (Path p : programs) runs.computeIfAbsent(p, k -> pool.submit(() -> build(sourceRoots, k)));
        pool.shutdown();
    }

    @Override
    public Outcome run(List<Path> sourceRoots, Path mainFile) {
        Future<Outcome> f = runs.get(mainFile);
        if (f == null) return build(sourceRoots, mainFile);
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private Outcome build(List<Path> sourceRoots, Path mainFile) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<IrProgram> program = KdCompiler.compile(sourceRoots, mainFile, org.machr.kd.Target.AARCH64, diagnostics);
        if (program.isEmpty() || diagnostics.hasErrors()) return Outcome.compileFailure(diagnostics.renderAll());
        PassPipeline.standard().run(program.get());
        Optional<byte[]> image = A64Build.buildImage(program.get(), projectRoot, diagnostics, A64Build.Options.defaults());
        if (image.isEmpty() || diagnostics.hasErrors()) return Outcome.compileFailure(diagnostics.renderAll());
        try {
            return boot(image.get());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Boots {@code elf} and returns the console and QEMU's exit status (-1 on a timeout). */
    static Outcome boot(byte[] elf) throws IOException, InterruptedException {
        Path qemu = qemu().orElseThrow(() -> new IllegalStateException("required tool not found: " + QEMU));
        Path file = Files.createTempFile("machr-conf", ".elf");
        Path console = Files.createTempFile("machr-conf", ".out");
        try {
            Files.write(file, elf);
            Process p = new ProcessBuilder(QemuCommand.AARCH64.command(qemu.toString(), file, false))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(console.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int status;
            if (p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                status = p.exitValue();
            } else {
                p.destroyForcibly().waitFor();
                status = -1;
            }
            return new Outcome(Files.readString(console, StandardCharsets.UTF_8), status, null);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(console);
        }
    }
}
