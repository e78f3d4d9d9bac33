package org.machr.codegen.x86_64;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.codegen.x86_64.isel.X64CodeGen;
import org.machr.codegen.x86_64.isel.X64CodegenCode;
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
import org.machr.link.image.MultibootHeader;

/**
 * The x86_64 build driver behind {@code machr build/run --target x86_64}: compiles an optimised
 * {@link IrProgram} ({@link X64CodeGen}), assembles the runtime's boot file
 * ({@code runtime/arch/x86_64/boot.s}) with our assembler, links both behind the multiboot header and
 * writes the image QEMU boots with {@code -kernel} (docs/x86_64-codegen.md).
 */
public final class X64Build {

    private X64Build() {}

    /** The boot file, relative to the runtime source root. */
    public static final String BOOT_FILE = "arch/x86_64/boot.s";
    /** The boot stack: deep recursion in KD programs needs more than the linker's 64 KiB default. */
    public static final long STACK_BYTES = 1 << 20;

    /**
     * @param image   the multiboot ELF
     * @param listing the program's code in llvm-mc syntax ({@code --emit-asm}); it re-assembles with
     *                {@code llvm-mc -triple=x86_64} to the bytes of the program object's .text
     */
    public record Image(byte[] image, String listing, ObjectFile programObject) {}

    /**
     * @param extraObjects objects linked in beside the boot file and the program ({@code --with})
     * @param mapFile      where to write the linker map ({@code --map}), or null
     * @param dumps        the backend's dumps ({@code --dump=isel,regalloc}), printed to {@code dumpOut}
     */
    public record Options(List<ObjectFile> extraObjects, Path mapFile, Set<X64CodeGen.Dump> dumps, PrintStream dumpOut) {
        public Options {
            extraObjects = List.copyOf(extraObjects);
            dumps = Set.copyOf(dumps);
        }

        public static Options defaults() {
            return new Options(List.of(), null, Set.of(), null);
        }
    }

    /** Builds the image; empty when a diagnostic was reported. */
    public static Optional<Image> buildImage(IrProgram program, Path runtimeRoot, Diagnostics diags) {
        return buildImage(program, runtimeRoot, diags, Options.defaults());
    }

    public static Optional<Image> buildImage(IrProgram program, Path runtimeRoot, Diagnostics diags, Options options) {
        Optional<X64CodeGen.Output> code = X64CodeGen.compile(program, "program.o", diags, options.dumps(), options.dumpOut());
        if (code.isEmpty()) return Optional.empty();
        Optional<LinkedImage> linked = link(code.get().object(), options.extraObjects(), runtimeRoot, diags);
        if (linked.isEmpty()) return Optional.empty();
        if (options.mapFile() != null && !MapFile.write(linked.get(), options.mapFile(), diags)) return Optional.empty();
        return ImageWriter.forArch(Arch.X86_64).write(linked.get(), diags)
                .map(b -> new Image(b, String.join("\n", code.get().listing()) + "\n", code.get().object()));
    }

    /**
     * Assembles the boot file and links it with a compiled program object (ours, or llvm-mc's from the
     * {@code --emit-asm} listing) into the multiboot image.
     */
    public static Optional<byte[]> linkImage(ObjectFile programObject, Path runtimeRoot, Diagnostics diags) {
        return link(programObject, List.of(), runtimeRoot, diags).flatMap(l -> ImageWriter.forArch(Arch.X86_64).write(l, diags));
    }

    private static Optional<LinkedImage> link(ObjectFile programObject, List<ObjectFile> extra, Path runtimeRoot, Diagnostics diags) {
        Path bootPath = runtimeRoot.resolve(BOOT_FILE);
        String bootText;
        try {
            bootText = Files.readString(bootPath);
        } catch (IOException e) {
            diags.error(X64CodegenCode.BUILD, null, "cannot read the x86_64 boot file " + bootPath + ": " + e.getMessage());
            return Optional.empty();
        }
        Optional<ObjectFile> boot = new X64Assembler(diags).assemble(new SourceFile(bootPath.toString(), bootText)).object();
        if (boot.isEmpty()) return Optional.empty();
        LinkOptions options = new LinkOptions(Arch.X86_64, LinkOptions.X86_64_BASE, LinkOptions.X86_64_BASE, "_start", STACK_BYTES);
        List<ObjectFile> objects = new ArrayList<>(List.of(MultibootHeader.object("_start"), boot.get(), programObject));
        objects.addAll(extra);
        return Linker.link(objects, options, diags);
    }

    /**
     * How {@code machr run} turns QEMU's exit code back into the program's status: isa-debug-exit makes
     * QEMU exit with {@code (v << 1) | 1} for a write of {@code v}, and {@code machr_exit} writes
     * {@code status + 16}; an even code, or an odd one below 33 (QEMU's own failure is 1), means the
     * program did not exit through {@code rt.arch.halt} and is reported as -1. Statuses 0..111 round-trip.
     */
    public static int statusFromQemuExit(int qemuExit) {
        if ((qemuExit & 1) == 0) return -1;
        int status = ((qemuExit & 0xff) >>> 1) - EXIT_BIAS;
        return status < 0 ? -1 : status;
    }

    /** {@code machr_exit} in boot.s writes status + 16, so QEMU's rc 1 and 0 never decode as a status. */
    public static final int EXIT_BIAS = 16;
}
