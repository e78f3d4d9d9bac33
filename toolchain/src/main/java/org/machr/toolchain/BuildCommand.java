package org.machr.toolchain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.machr.codegen.aarch64.A64Build;
import org.machr.codegen.aarch64.isel.A64CodeGen;
import org.machr.codegen.x86_64.isel.X64CodeGen;
import org.machr.link.ObjectFile;
import org.machr.toolchain.build.ExtraObjects;
import org.machr.codegen.jvm.JvmCodegenException;
import org.machr.codegen.x86_64.X64Build;
import org.machr.diag.Diagnostics;
import org.machr.kd.Target;
import org.machr.kd.ir.IrProgram;
import org.machr.toolchain.build.Built;
import org.machr.codegen.jvm.JvmBackend;
import org.machr.toolchain.build.KdPipeline;
import org.machr.toolchain.build.TargetOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code machr build}: compile a program for a target. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Compile a .kd program for a target.",
            "aarch64: front end, IR passes, instruction selection, our assembler and",
            "  linker -> a boot ELF for qemu-system-aarch64 -M virt (default PROGRAM.elf).",
            "x86_64: the same -> a multiboot ELF for qemu-system-x86_64 -kernel.",
            "jvm: front end, IR passes and JVM code generation, checked by loading the",
            "  classes (run the program with `machr run --target jvm`).",
            ""
        })
public final class BuildCommand implements Callable<Integer> {

    private final Console console;

    public BuildCommand(Console console) {
        this.console = console;
    }

    @Option(names = "--target", required = true, paramLabel = "TARGET", converter = TargetOption.class,
            description = "aarch64, x86_64 or jvm.")
    Target target;

    @Option(names = "--root", paramLabel = "DIR", description = "Extra source root (repeatable).")
    List<Path> roots = new ArrayList<>();

    @Option(names = "--dump", split = ",", paramLabel = "WHAT",
            description = {"Print the IR after these phases, or the native backend's work: ${COMPLETION-CANDIDATES}.",
                "Native targets only: isel (each selected machine instruction with its virtual registers and what it became), regalloc (where each virtual register lives)."},
            completionCandidates = DumpNames.class)
    Set<String> dumps = new LinkedHashSet<>();

    @Option(names = "--with", paramLabel = "FILE",
            description = "Native targets: link this .s (assembled by our assembler) or ELF .o file into the image (repeatable).")
    List<Path> with = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "The image (native targets); default PROGRAM.elf.")
    Path output;

    @Option(names = "--emit-asm", paramLabel = "FILE",
            description = "Native targets: write the code as an llvm-mc-syntax listing that re-assembles to the image's bytes.")
    Path emitAsm;

    @Option(names = "--map", paramLabel = "FILE", description = "Native targets: write the linker's map file.")
    Path map;

    @Parameters(paramLabel = "PROGRAM.kd", description = "The program's main file.")
    Path program;

    @Override
    public Integer call() throws IOException {
        Optional<Built> built = build(console, new Request(target, program, roots, dumps, emitAsm, map, with));
        if (built.isEmpty()) return 1;
        if (built.get() instanceof Built.Image(byte[] elf)) {
            Path out = output != null ? output : Path.of(stripKd(program.getFileName().toString()) + ".elf");
            Files.write(out, elf);
            console.err().println("machr build: wrote " + out + " (" + elf.length + " bytes, " + target.folder() + ")");
        }
        return 0;
    }

    private static String stripKd(String name) {
        return name.endsWith(".kd") ? name.substring(0, name.length() - 3) : name;
    }

    /** Everything a build needs; the listing, map, backend dumps and extra objects apply to native targets only. */
    record Request(Target target, Path program, List<Path> roots, Set<String> dumps, Path emitAsm, Path map, List<Path> with) {}

    /** The {@code --dump} names of the native backends, beside the IR ones. */
    static final List<String> BACKEND_DUMPS = List.of("isel", "regalloc");

    static Optional<Built> build(Console console, Request req) throws IOException {
        if (!Files.isRegularFile(req.program())) {
            console.err().println("error: no file '" + req.program() + "'");
            return Optional.empty();
        }
        for (String d : req.dumps()) {
            if (!KdPipeline.DUMPS.contains(d) && !BACKEND_DUMPS.contains(d)) {
                console.err().println("error: unknown --dump '" + d + "'; expected " + String.join(", ", DumpNames.ALL));
                return Optional.empty();
            }
        }
        if (req.target() == Target.JVM) {
            String nativeOnly = req.map() != null ? "--map" : req.emitAsm() != null ? "--emit-asm" : !req.with().isEmpty() ? "--with"
                    : req.dumps().stream().filter(BACKEND_DUMPS::contains).findFirst().map(x -> "--dump=" + x).orElse(null);
            if (nativeOnly != null) {
                console.err().println("error: " + nativeOnly + " applies to the native targets (aarch64, x86_64), not jvm");
                return Optional.empty();
            }
        }
        Path root = ProjectRoot.find();
        Diagnostics d = new Diagnostics();
        Optional<List<ObjectFile>> extra = ExtraObjects.load(req.with(), req.target(), d);
        if (extra.isEmpty()) {
            console.err().print(d.renderAll());
            return Optional.empty();
        }
        Optional<IrProgram> ir = new KdPipeline(root, req.roots(), req.dumps(), console.out())
                .compile(req.program(), req.target(), d);
        if (ir.isEmpty()) {
            console.err().print(d.renderAll());
            return Optional.empty();
        }
        return switch (req.target()) {
            case JVM -> hosted(console, req, ir.get(), d);
            case AARCH64 -> aarch64(console, req, ir.get(), extra.get(), root, d);
            case X86_64 -> x86_64(console, req, ir.get(), extra.get(), root, d);
        };
    }

    private static Optional<Built> hosted(Console console, Request req, IrProgram ir, Diagnostics d) {
        console.err().print(d.renderAll());
        try {
            return Optional.of(new Built.Hosted(JvmBackend.compile(ir)));
        } catch (JvmCodegenException e) {
            console.err().println("error: cannot generate JVM code for " + req.program() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<Built> aarch64(Console console, Request req, IrProgram ir, List<ObjectFile> extra, Path root,
                                           Diagnostics d) throws IOException {
        PrintStream listing = req.emitAsm() == null ? null
                : new PrintStream(Files.newOutputStream(req.emitAsm()), false, StandardCharsets.UTF_8);
        Set<A64CodeGen.Dump> dumps = EnumSet.noneOf(A64CodeGen.Dump.class);
        if (req.dumps().contains("isel")) dumps.add(A64CodeGen.Dump.ISEL);
        if (req.dumps().contains("regalloc")) dumps.add(A64CodeGen.Dump.REGALLOC);
        try {
            Optional<byte[]> image = A64Build.buildImage(ir, root, d,
                    new A64Build.Options(listing, req.map(), extra, dumps, console.out()));
            console.err().print(d.renderAll());
            return image.map(Built.Image::new);
        } finally {
            if (listing != null) listing.close();
        }
    }

    private static Optional<Built> x86_64(Console console, Request req, IrProgram ir, List<ObjectFile> extra, Path root,
                                          Diagnostics d) throws IOException {
        Set<X64CodeGen.Dump> dumps = EnumSet.noneOf(X64CodeGen.Dump.class);
        if (req.dumps().contains("isel")) dumps.add(X64CodeGen.Dump.ISEL);
        if (req.dumps().contains("regalloc")) dumps.add(X64CodeGen.Dump.REGALLOC);
        Optional<X64Build.Image> image = X64Build.buildImage(ir, root.resolve("runtime"), d,
                new X64Build.Options(extra, req.map(), dumps, console.out()));
        console.err().print(d.renderAll());
        if (image.isEmpty()) return Optional.empty();
        if (req.emitAsm() != null) Files.writeString(req.emitAsm(), image.get().listing());
        return Optional.of(new Built.Image(image.get().image()));
    }

    static final class DumpNames extends ArrayList<String> {
        static final List<String> ALL = java.util.stream.Stream.concat(KdPipeline.DUMPS.stream(), BACKEND_DUMPS.stream()).toList();

        DumpNames() {
            super(ALL);
        }
    }
}
