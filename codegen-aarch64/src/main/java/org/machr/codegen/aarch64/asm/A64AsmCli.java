package org.machr.codegen.aarch64.asm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectWriter;

/**
 * Command-line entry of the AArch64 assembler: {@code FILE.s [-o FILE.o]} writes an ELF64 relocatable
 * object (default: the input name with {@code .o}). Exit status 0 on success, 1 on assembly errors
 * (diagnostics on {@code err}), 2 on usage or I/O errors.
 */
public final class A64AsmCli {

    private A64AsmCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String input = null;
        String output = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-o") && i + 1 < args.length) {
                output = args[++i];
            } else if (args[i].startsWith("-") || input != null) {
                err.println("usage: as-aarch64 FILE.s [-o FILE.o]");
                return 2;
            } else {
                input = args[i];
            }
        }
        if (input == null) {
            err.println("usage: as-aarch64 FILE.s [-o FILE.o]");
            return 2;
        }
        if (output == null) output = input.replaceFirst("\\.[sS]$", "") + ".o";
        String text;
        try {
            text = Files.readString(Path.of(input), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(input + ": error: cannot read: " + e.getMessage());
            return 2;
        }
        Diagnostics diags = new Diagnostics();
        Optional<ObjectFile> obj = A64Assembler.assemble(new SourceFile(input, text), diags);
        err.print(diags.renderAll());
        if (obj.isEmpty()) return 1;
        try {
            Files.write(Path.of(output), ElfObjectWriter.write(obj.get()));
        } catch (IOException e) {
            err.println(output + ": error: cannot write: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }
}
