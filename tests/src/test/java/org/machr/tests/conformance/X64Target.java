package org.machr.tests.conformance;

import org.machr.codegen.common.QemuCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;

/**
 * The x86_64 target: front end, IR passes, the x86_64 backend and our linker build a multiboot image,
 * which {@code qemu-system-x86_64} boots (one QEMU per program, under a timeout). The console is COM1
 * ({@code -serial stdio}); the status comes back through isa-debug-exit ({@link X64Build#statusFromQemuExit}).
 * The first run starts every program of the same folder on two threads, so the suite runs in parallel.
 */
final class X64Target implements Target {

    static final String QEMU = QemuCommand.X86_64.executable();
    private static final long TIMEOUT_SECONDS = 60;

    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "x64-qemu");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, Future<Outcome>> started = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "x86_64";
    }

    @Override
    public Optional<String> unavailable() {
        return ToolLookup.missing(QEMU);
    }

    @Override
    public Outcome run(List<Path> sourceRoots, Path mainFile) {
        if (started.isEmpty()) {
            try (Stream<Path> files = Files.list(mainFile.getParent())) {
                files.filter(p -> p.toString().endsWith(".kd")).sorted()
                        .forEach(p -> started.computeIfAbsent(p, q -> pool.submit(() -> runNow(sourceRoots, q))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Future<Outcome> f = started.computeIfAbsent(mainFile, q -> pool.submit(() -> runNow(sourceRoots, q)));
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException("running " + mainFile + " on x86_64", e);
        }
    }

    /** Compiles, links and boots one program. */
    static Outcome runNow(List<Path> sourceRoots, Path mainFile) throws IOException, InterruptedException {
        Diagnostics diagnostics = new Diagnostics();
        Optional<IrProgram> program = KdCompiler.compile(sourceRoots, mainFile, org.machr.kd.Target.X86_64, diagnostics);
        if (program.isEmpty() || diagnostics.hasErrors()) return Outcome.compileFailure(diagnostics.renderAll());
        PassPipeline.standard().run(program.get());
        Optional<X64Build.Image> image = X64Build.buildImage(program.get(), sourceRoots.get(sourceRoots.size() - 1), diagnostics);
        if (image.isEmpty() || diagnostics.hasErrors()) return Outcome.compileFailure(diagnostics.renderAll());
        Path file = Files.createTempFile("machr-x64-", ".elf");
        try {
            Files.write(file, image.get().image());
            return boot(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static Outcome boot(Path image) throws IOException, InterruptedException {
        Process qemu = new ProcessBuilder(QemuCommand.X86_64.command(QEMU, image, false))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = qemu.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!qemu.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            qemu.destroyForcibly();
            qemu.waitFor();
            reader.join();
            return new Outcome(new String(out[0], StandardCharsets.UTF_8) + "<timeout>", -1, null);
        }
        reader.join();
        return new Outcome(new String(out[0], StandardCharsets.UTF_8), X64Build.statusFromQemuExit(qemu.exitValue()), null);
    }
}
