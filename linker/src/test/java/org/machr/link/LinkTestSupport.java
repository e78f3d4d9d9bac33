package org.machr.link;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.machr.diag.Diagnostics;
import org.machr.link.elf.ElfObjectReader;

/** Assembles test sources with llvm-mc and reads them into the object model. */
final class LinkTestSupport {

    private LinkTestSupport() {}

    /** Each source is assembled as {@code name.s} → {@code name.o}; names are {@code s0}, {@code s1}, … */
    static List<Path> assemble(Path dir, Arch arch, String... sources) throws Exception {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) out.add(ExternalTool.llvmMc(dir, arch, "s" + i, sources[i]));
        return out;
    }

    static List<ObjectFile> read(List<Path> objects) {
        Diagnostics d = new Diagnostics();
        List<ObjectFile> out = new ArrayList<>();
        for (Path p : objects) out.add(ElfObjectReader.read(p, d).orElseThrow(() -> new AssertionError(d.renderAll())));
        if (d.hasErrors()) throw new AssertionError(d.renderAll());
        return out;
    }
}
