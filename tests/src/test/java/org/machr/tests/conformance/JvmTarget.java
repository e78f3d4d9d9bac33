package org.machr.tests.conformance;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.machr.codegen.jvm.HostedProgram;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.diag.Diagnostics;
import org.machr.kd.KdCompiler;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.pass.PassPipeline;

/** The hosted target: front end, IR passes (verified after each), JVM backend, run in-process. */
final class JvmTarget implements Target {

    @Override
    public String name() {
        return "jvm";
    }

    @Override
    public Optional<String> unavailable() {
        return Optional.empty();
    }

    @Override
    public Outcome run(List<Path> sourceRoots, Path mainFile) {
        Diagnostics diagnostics = new Diagnostics();
        Optional<IrProgram> program = KdCompiler.compile(sourceRoots, mainFile, org.machr.kd.Target.JVM, diagnostics);
        if (program.isEmpty() || diagnostics.hasErrors()) return Outcome.compileFailure(diagnostics.renderAll());
        PassPipeline.standard().run(program.get());
        HostedProgram hosted = JvmBackend.compile(program.get());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = hosted.run(new PrintStream(console, true, StandardCharsets.UTF_8));
        return new Outcome(console.toString(StandardCharsets.UTF_8), status, null);
    }
}
