package org.machr.link;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.link.elf.ElfObjectReader;
import org.machr.link.image.ImageWriter;
import org.machr.link.image.MultibootHeader;

/**
 * The linker's command-line entry point, for the {@code machr} CLI to wire in:
 * <pre>
 * link --arch aarch64|x86_64 -o IMAGE [--map MAPFILE] [--entry SYMBOL] [--base ADDRESS] [--stack BYTES]
 *      [--section-align BYTES] OBJECT...
 * </pre>
 * Reads ELF64 relocatable objects, links them, and writes the target's boot image (AArch64: kernel ELF;
 * x86_64: multiboot ELF — the multiboot header is added automatically unless an input has a
 * {@code .text.multiboot} section). Numbers may be decimal or 0x-hexadecimal.
 */
public final class LinkCli {

    private LinkCli() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Diagnostics diagnostics = new Diagnostics();
        int status = run(args, out, diagnostics);
        err.print(diagnostics.renderAll());
        return status;
    }

    private static int run(String[] args, PrintStream out, Diagnostics diagnostics) {
        Arch arch = null;
        String output = null;
        String map = null;
        String entry = "_start";
        Long base = null;
        Long stack = null;
        Long sectionAlign = null;
        List<String> inputs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--arch" -> arch = parseArch(value(args, ++i, a));
                    case "-o" -> output = value(args, ++i, a);
                    case "--map" -> map = value(args, ++i, a);
                    case "--entry" -> entry = value(args, ++i, a);
                    case "--base" -> base = parseNumber(value(args, ++i, a), a);
                    case "--stack" -> stack = parseNumber(value(args, ++i, a), a);
                    case "--section-align" -> sectionAlign = parseNumber(value(args, ++i, a), a);
                    case "-h", "--help" -> {
                        out.println("usage: machr link --arch aarch64|x86_64 -o IMAGE [--map FILE] [--entry SYMBOL]"
                                + " [--base ADDRESS] [--stack BYTES] [--section-align BYTES] OBJECT...");
                        return 0;
                    }
                    default -> {
                        if (a.startsWith("-")) throw new UsageException("unknown option " + a);
                        inputs.add(a);
                    }
                }
            }
            if (arch == null) throw new UsageException("--arch is required (aarch64 or x86_64)");
            if (output == null) throw new UsageException("-o IMAGE is required");
            if (inputs.isEmpty()) throw new UsageException("no input objects");
        } catch (UsageException e) {
            diagnostics.error(LinkCode.USAGE, null, e.getMessage());
            return 2;
        }
        LinkOptions options = LinkOptions.defaults(arch).withEntry(entry);
        try {
            if (base != null) options = options.withBase(base);
            if (stack != null) options = options.withStackSize(stack);
            if (sectionAlign != null) options = options.withSectionAlignment(sectionAlign);
        } catch (IllegalArgumentException e) {
            diagnostics.error(LinkCode.USAGE, null, e.getMessage());
            return 2;
        }
        List<ObjectFile> objects = new ArrayList<>();
        for (String input : inputs) ElfObjectReader.read(Path.of(input), diagnostics).ifPresent(objects::add);
        if (diagnostics.hasErrors()) return 1;
        if (arch == Arch.X86_64 && objects.stream().noneMatch(o -> o.section(MultibootHeader.SECTION).isPresent())) {
            objects.add(0, MultibootHeader.object(entry));
        }
        Optional<LinkedImage> image = Linker.link(objects, options, diagnostics);
        if (image.isEmpty()) return 1;
        Optional<byte[]> bytes = ImageWriter.forArch(arch).write(image.get(), diagnostics);
        if (bytes.isEmpty()) return 1;
        if (!writeFile(output, bytes.get(), diagnostics)) return 1;
        if (map != null && !writeFile(map, MapFile.render(image.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8), diagnostics)) {
            return 1;
        }
        return 0;
    }

    private static boolean writeFile(String path, byte[] bytes, Diagnostics diagnostics) {
        try {
            Files.write(Path.of(path), bytes);
            return true;
        } catch (IOException e) {
            diagnostics.error(LinkCode.IO_ERROR, null, path + ": cannot write: " + e.getMessage());
            return false;
        }
    }

    private static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) throw new UsageException(option + " needs a value");
        return args[i];
    }

    private static Arch parseArch(String s) throws UsageException {
        for (Arch a : Arch.values()) if (a.cliName().equals(s)) return a;
        throw new UsageException("unknown architecture '" + s + "' (aarch64 or x86_64)");
    }

    private static long parseNumber(String s, String option) throws UsageException {
        try {
            String t = s.replace("_", "");
            return t.startsWith("0x") || t.startsWith("0X") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new UsageException(option + ": '" + s + "' is not a number");
        }
    }
}
