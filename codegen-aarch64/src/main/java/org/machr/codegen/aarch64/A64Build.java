package org.machr.codegen.aarch64;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.machr.codegen.aarch64.asm.A64Assembler;
import org.machr.codegen.aarch64.isel.A64CodeGen;
import org.machr.codegen.aarch64.isel.A64CodegenCode;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.ir.IrProgram;
import org.machr.link.Arch;
import org.machr.link.LinkOptions;
import org.machr.link.LinkedImage;
import org.machr.link.Linker;
import org.machr.link.MapFile;
import org.machr.link.ObjectFile;
import org.machr.link.image.ImageWriter;

/**
 * The aarch64 build driver (docs/aarch64-codegen.md, "Building an image"): the program's IR (which
 * already holds the runtime modules) compiled by {@link A64CodeGen}, every {@code .s} file of
 * {@code runtime/arch/aarch64/} assembled by {@link A64Assembler}, linked by our linker at 0x4020_0000
 * into an ELF that {@code qemu-system-aarch64 -M virt -kernel} boots (design/boot.md).
 */
public final class A64Build {

    private A64Build() {}

    /** The boot stack: 4 MiB, enough for the 10000-deep recursions of the conformance suite. */
    public static final long STACK_BYTES = 4L << 20;

    /**
     * @param asmListing   where to print the generated code in llvm-mc syntax ({@code --emit-asm}), or null
     * @param mapFile      where to write the linker map ({@code --map}), or null
     * @param extraObjects objects linked in beside the runtime and the program ({@code --with})
     * @param dumps        the backend's dumps ({@code --dump=isel,regalloc}), printed to {@code dumpOut}
     */
    public record Options(PrintStream asmListing, Path mapFile, List<ObjectFile> extraObjects,
                          Set<A64CodeGen.Dump> dumps, PrintStream dumpOut) {
        public Options {
            extraObjects = List.copyOf(extraObjects);
            dumps = Set.copyOf(dumps);
        }

        public static Options defaults() {
            return new Options(null, null, List.of(), Set.of(), null);
        }
    }

    /** The folder of the aarch64 runtime's assembly files under a project root. */
    public static Path runtimeAsmDir(Path projectRoot) {
        return projectRoot.resolve("runtime/arch/aarch64");
    }

    /** Builds the boot ELF; empty when an error was reported to {@code diags}. */
    public static Optional<byte[]> buildImage(IrProgram program, Path projectRoot, Diagnostics diags, Options options) {
        Optional<List<ObjectFile>> runtime = runtimeObjects(projectRoot, diags);
        if (runtime.isEmpty()) return Optional.empty();
        Optional<ObjectFile> code = compile(program, diags, options);
        if (code.isEmpty()) return Optional.empty();
        List<ObjectFile> objects = new ArrayList<>(runtime.get());
        objects.add(code.get());
        objects.addAll(options.extraObjects());
        Optional<LinkedImage> image = link(objects, diags);
        if (image.isEmpty()) return Optional.empty();
        if (options.mapFile() != null && !MapFile.write(image.get(), options.mapFile(), diags)) return Optional.empty();
        return ImageWriter.forArch(Arch.AARCH64).write(image.get(), diags);
    }

    /** The listing goes to its own stream, the other dumps to {@code dumpOut}. */
    private static Optional<ObjectFile> compile(IrProgram program, Diagnostics diags, Options options) {
        EnumSet<A64CodeGen.Dump> dumps = EnumSet.noneOf(A64CodeGen.Dump.class);
        dumps.addAll(options.dumps());
        if (options.asmListing() != null) dumps.add(A64CodeGen.Dump.ASM);
        return A64CodeGen.compile(program, "program.o", diags, dumps, options.dumpOut(), options.asmListing());
    }

    /** Every {@code runtime/arch/aarch64/*.s}, in name order, assembled by {@link A64Assembler}. */
    public static Optional<List<ObjectFile>> runtimeObjects(Path projectRoot, Diagnostics diags) {
        List<ObjectFile> objects = new ArrayList<>();
        Path asmDir = runtimeAsmDir(projectRoot);
        List<Path> asmFiles;
        try (Stream<Path> files = Files.isDirectory(asmDir) ? Files.list(asmDir) : Stream.empty()) {
            asmFiles = files.filter(p -> p.toString().endsWith(".s")).sorted().toList();
        } catch (IOException e) {
            diags.error(A64CodegenCode.IO, null, "cannot list " + asmDir + ": " + e.getMessage());
            return Optional.empty();
        }
        for (Path s : asmFiles) {
            String text;
            try {
                text = Files.readString(s);
            } catch (IOException e) {
                diags.error(A64CodegenCode.IO, null, "cannot read " + s + ": " + e.getMessage());
                return Optional.empty();
            }
            Optional<ObjectFile> o = A64Assembler.assemble(new SourceFile(projectRoot.relativize(s).toString(), text), diags);
            if (o.isEmpty()) return Optional.empty();
            objects.add(o.get());
        }
        return Optional.of(objects);
    }

    /** Links the runtime and program objects as {@link #buildImage} does (base 0x4020_0000, entry {@code _start}). */
    public static Optional<LinkedImage> link(List<ObjectFile> objects, Diagnostics diags) {
        return Linker.link(objects, LinkOptions.defaults(Arch.AARCH64).withStackSize(STACK_BYTES), diags);
    }
}
