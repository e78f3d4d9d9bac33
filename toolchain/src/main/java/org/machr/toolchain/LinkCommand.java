package org.machr.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.machr.link.LinkCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code machr link}: the static linker on ELF64 relocatable objects. */
@Command(name = "link",
        description = {
            "Link ELF64 objects into a bootable image: an ELF for qemu-system-aarch64 -kernel, or a",
            "multiboot ELF for qemu-system-x86_64 -kernel. machr link --arch aarch64|x86_64 -o IMG",
            "[--map F] [--entry S] [--base A] [--stack N] [--section-align N] OBJ... (see docs/linker.md)."
        })
public final class LinkCommand implements Callable<Integer> {

    private final Console console;

    public LinkCommand(Console console) {
        this.console = console;
    }

    @Parameters(paramLabel = "ARG", description = "Linker options and object files.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return LinkCli.run(args.toArray(String[]::new), console.out(), console.err());
    }
}
