package org.machr.codegen.x86_64.asm;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.ObjectFile;
import org.machr.link.elf.ElfObjectWriter;

/**
 * Command-line entry of the x86_64 assembler: {@code [-o OUT.o] [--listing] FILE.s}. Writes an ELF64
 * relocatable object; {@code --listing} prints {@code section+offset: hex  source} per instruction.
 * Exit status 0 on success, 1 on errors in the input (diagnostics on {@code err}), 2 on bad usage.
 */
public final class X64AsmCli {

    private X64AsmCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String input = null;
        String output = null;
        boolean listing = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-o" -> {
                    if (++i >= args.length) return usage(err, "-o needs a file name");
                    output = args[i];
                }
                case "--listing" -> listing = true;
                default -> {
                    if (args[i].startsWith("-") || input != null) return usage(err, "unexpected argument " + args[i]);
                    input = args[i];
                }
            }
        }
        if (input == null) return usage(err, "no input file");
        String text;
        try {
            text = Files.readString(Path.of(input), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(input + ": error: cannot read: " + e.getMessage());
            return 1;
        }
        Diagnostics diagnostics = new Diagnostics();
        X64Assembler.Result result = new X64Assembler(diagnostics).assemble(new SourceFile(input, text));
        err.print(diagnostics.renderAll());
        if (result.object().isEmpty()) return 1;
        if (listing) {
            for (X64Assembler.Listed l : result.listing()) {
                out.printf("%s+0x%x: %-30s %s%n", l.section(), l.offset(), l.hex(), l.text());
            }
        }
        if (output != null) {
            ObjectFile object = result.object().get();
            try {
                Files.write(Path.of(output), ElfObjectWriter.write(object));
            } catch (IOException e) {
                err.println(output + ": error: cannot write: " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("x86_64 assembler: " + problem);
        err.println("usage: [-o OUT.o] [--listing] FILE.s");
        return 2;
    }
}
