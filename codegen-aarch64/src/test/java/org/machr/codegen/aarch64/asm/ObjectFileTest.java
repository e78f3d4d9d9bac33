package org.machr.codegen.aarch64.asm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.machr.codegen.aarch64.ExternalToolAccess;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.ObjectFile;
import org.machr.link.Section;
import org.machr.link.Symbol;
import org.machr.link.elf.ElfObjectReader;
import org.machr.link.elf.ElfObjectWriter;
import org.junit.jupiter.api.Test;

/**
 * Parser and object model against the references: {@code objects.s} assembled by us and by llvm-mc and
 * GNU as; their ELF objects are read back with the linker's ELF reader and compared section by section
 * (kind, flags, size, bytes), symbol by symbol (mapping symbols $x/$d and section symbols aside) and
 * relocation by relocation. Our object is also written as ELF and listed by readelf.
 */
class ObjectFileTest {

    private static ObjectFile ours() {
        return ours("objects.s");
    }

    private static ObjectFile ours(String name) {
        Diagnostics diags = new Diagnostics();
        Optional<ObjectFile> obj = A64Assembler.assemble(new SourceFile(name, AsmFiles.read(name)), diags);
        assertThat(diags.renderAll()).isEmpty();
        return obj.orElseThrow();
    }

    private static ObjectFile reference(List<String> command, Path out) {
        assertThat(ExternalToolAccess.run(command)).isEmpty();
        Diagnostics diags = new Diagnostics();
        Optional<ObjectFile> obj = ElfObjectReader.read(out, diags);
        assertThat(diags.renderAll()).isEmpty();
        return obj.orElseThrow();
    }

    static List<String> sections(ObjectFile o, boolean withAlignment) {
        List<String> out = new ArrayList<>();
        for (Section s : o.sections()) {
            if (s.size() == 0) continue;
            out.add(s.name() + " " + s.kind() + " " + new java.util.TreeSet<>(s.flags()) + " size " + s.size()
                    + (withAlignment ? " align " + s.alignment() : "")
                    + (s.isBss() ? "" : " " + java.util.HexFormat.of().formatHex(s.bytes())));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static List<String> symbols(ObjectFile o) {
        List<String> out = new ArrayList<>();
        for (Symbol s : o.symbols()) {
            if (s.type() == Symbol.Type.SECTION || s.name().startsWith("$") || s.name().isEmpty()) continue;
            out.add(s.name() + " " + s.definition() + " value 0x" + Long.toHexString(s.value()) + " size " + s.size()
                    + " " + s.binding() + " " + s.type());
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    static List<String> relocations(ObjectFile o) {
        return o.relocations().stream()
                .map(r -> String.format("%s+0x%x %s %s%+d", r.section(), r.offset(), r.kind(), r.symbol(), r.addend()))
                .sorted().toList();
    }

    @Test
    void matchesLlvmMc() throws Exception {
        Path mc = ExternalToolAccess.require("llvm-mc");
        Path out = Files.createTempDirectory("machr-obj").resolve("llvm.o");
        ObjectFile theirs = reference(List.of(mc.toString(), "-triple=aarch64", "-filetype=obj", "-o", out.toString(),
                AsmFiles.resource("objects.s").toString()), out);
        ObjectFile ours = ours();
        assertThat(sections(ours, false)).isEqualTo(sections(theirs, false));
        assertThat(symbols(ours)).isEqualTo(symbols(theirs));
        assertThat(relocations(ours)).isEqualTo(relocations(theirs));
        assertThat(relocations(ours)).hasSize(26);
    }

    /** Literal pools follow llvm-mc's placement (GNU as orders pool entries differently). */
    @Test
    void literalPoolsMatchLlvmMc() throws Exception {
        Path mc = ExternalToolAccess.require("llvm-mc");
        Path out = Files.createTempDirectory("machr-obj").resolve("pools.o");
        ObjectFile theirs = reference(List.of(mc.toString(), "-triple=aarch64", "-filetype=obj", "-o", out.toString(),
                AsmFiles.resource("pools.s").toString()), out);
        ObjectFile ours = ours("pools.s");
        assertThat(sections(ours, false)).isEqualTo(sections(theirs, false));
        assertThat(symbols(ours)).isEqualTo(symbols(theirs));
        assertThat(relocations(ours)).isEqualTo(relocations(theirs)).hasSize(2);
    }

    @Test
    void matchesGnuAsIncludingAlignment() throws Exception {
        Path as = ExternalToolAccess.require("aarch64-linux-gnu-as");
        Path out = Files.createTempDirectory("machr-obj").resolve("gas.o");
        ObjectFile theirs = reference(List.of(as.toString(), "-o", out.toString(), AsmFiles.resource("objects.s").toString()), out);
        ObjectFile ours = ours();
        assertThat(sections(ours, true)).isEqualTo(sections(theirs, true));
        assertThat(symbols(ours)).isEqualTo(symbols(theirs));
        assertThat(relocations(ours)).isEqualTo(relocations(theirs));
    }

    /** Our object written as ELF: readelf lists the same relocations as for llvm-mc's object. */
    @Test
    void readelfListsTheSameRelocations() throws Exception {
        Path readelf = ExternalToolAccess.require("aarch64-linux-gnu-readelf");
        Path mc = ExternalToolAccess.require("llvm-mc");
        Path dir = Files.createTempDirectory("machr-obj");
        Path oursElf = dir.resolve("ours.o");
        Files.write(oursElf, ElfObjectWriter.write(ours()));
        Path llvmElf = dir.resolve("llvm.o");
        ExternalToolAccess.run(List.of(mc.toString(), "-triple=aarch64", "-filetype=obj", "-o", llvmElf.toString(),
                AsmFiles.resource("objects.s").toString()));
        assertThat(readelfRelocs(readelf, oursElf)).isEqualTo(readelfRelocs(readelf, llvmElf)).hasSize(26);
    }

    private static List<String> readelfRelocs(Path readelf, Path obj) throws Exception {
        Process p = new ProcessBuilder(readelf.toString(), "-rW", obj.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        List<String> out = new ArrayList<>();
        String section = "";
        for (String line : text.split("\n")) {
            if (line.startsWith("Relocation section")) section = line.split("'")[1];
            String[] f = line.trim().split("\\s+");
            if (f.length >= 7 && f[2].startsWith("R_AARCH64")) {
                // offset, type, symbol + addend (the symbol index in 'Info' differs between writers)
                out.add(section + " " + f[0] + " " + f[2] + " " + String.join(" ", java.util.Arrays.copyOfRange(f, 4, f.length)));
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }
}
