package org.machr.toolchain.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.codegen.aarch64.asm.A64Assembler;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.Target;
import org.machr.link.Arch;
import org.machr.link.LinkCode;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectReader;

/**
 * The files of {@code machr build/run --with FILE}: assembly sources ({@code .s}, assembled by our
 * assembler for the target) and ELF relocatable objects ({@code .o}, from our assembler, GNU as,
 * llvm-mc or a C compiler), linked into the image beside the runtime and the program.
 */
public final class ExtraObjects {

    private ExtraObjects() {}

    /** Every file as an object for {@code target}; empty when one could not be read (errors in {@code d}). */
    public static Optional<List<ObjectFile>> load(List<Path> files, Target target, Diagnostics d) {
        List<ObjectFile> objects = new ArrayList<>();
        for (Path file : files) {
            Optional<ObjectFile> o = file.toString().endsWith(".s") ? assemble(file, target, d) : ElfObjectReader.read(file, d);
            if (o.isEmpty()) return Optional.empty();
            Arch wanted = target == Target.AARCH64 ? Arch.AARCH64 : Arch.X86_64;
            if (o.get().arch() != wanted) {
                d.error(LinkCode.ARCH_MISMATCH, null, file + ": an object for " + o.get().arch().cliName() + ", but the target is " + target.folder());
                return Optional.empty();
            }
            objects.add(o.get());
        }
        return Optional.of(objects);
    }

    private static Optional<ObjectFile> assemble(Path file, Target target, Diagnostics d) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            d.error(LinkCode.IO_ERROR, null, file + ": cannot read: " + e.getMessage());
            return Optional.empty();
        }
        SourceFile source = new SourceFile(file.toString(), text);
        return target == Target.AARCH64 ? A64Assembler.assemble(source, d) : new X64Assembler(d).assemble(source).object();
    }
}
