package org.machr.codegen.x86_64;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.machr.codegen.x86_64.asm.X64Assembler;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.Symbol;
import org.machr.link.elf.ElfObjectReader;
import org.machr.link.elf.ElfObjectWriter;

/**
 * Each {@code x64/objects/*.s} assembled by us and by {@code llvm-mc -filetype=obj}: sections (name, kind,
 * flags, alignment, bytes), symbols (all but section symbols) and relocations must be equal. Both objects
 * are read back with the linker's ELF reader, so our ELF writer path is covered too; readelf must also
 * accept ours.
 */
class ObjectDifferentialTest {

    static Stream<Path> sources() throws IOException {
        Path dir = Path.of("src/test/resources/x64/objects");
        return Files.list(dir).filter(p -> p.toString().endsWith(".s")).sorted();
    }

    @ParameterizedTest
    @MethodSource("sources")
    void objectEqualsLlvmMcs(Path source, @TempDir Path tmp) throws IOException {
        ExternalTool.require("llvm-mc");
        Diagnostics diagnostics = new Diagnostics();
        Optional<ObjectFile> ours = new X64Assembler(diagnostics).assemble(new SourceFile(source.toString(), Files.readString(source))).object();
        assertThat(diagnostics.renderAll()).isEmpty();
        Path ourFile = tmp.resolve("ours.o");
        Files.write(ourFile, ElfObjectWriter.write(ours.orElseThrow()));
        Path theirFile = tmp.resolve("llvm.o");
        ExternalTool.run(null, "llvm-mc", "-triple=x86_64", "-filetype=obj", source.toString(), "-o", theirFile.toString()).ok();
        String our = describe(ElfObjectReader.read(ourFile, diagnostics).orElseThrow());
        String their = describe(ElfObjectReader.read(theirFile, diagnostics).orElseThrow());
        assertThat(our).isEqualTo(their);
        ExternalTool.run(null, "x86_64-linux-gnu-readelf", "-srSW", ourFile.toString()).ok();
    }

    /** A canonical text of an object: sections in order, then symbols and relocations sorted. */
    static String describe(ObjectFile o) {
        StringBuilder sb = new StringBuilder();
        for (Section s : o.sections()) {
            if (s.size() == 0 && s.name().equals(".text") && s.alignment() == 4) continue;   // llvm-mc always has .text
            sb.append("section ").append(s.name()).append(' ').append(s.kind()).append(' ').append(new java.util.TreeSet<>(s.flags()))
                    .append(" align ").append(s.alignment()).append(" size ").append(s.size()).append('\n');
            if (s.bytes() != null) {
                String hex = HexFormat.of().formatHex(s.bytes());
                for (int i = 0; i < hex.length(); i += 64) sb.append("  ").append(hex, i, Math.min(hex.length(), i + 64)).append('\n');
            }
        }
        List<String> symbols = new ArrayList<>();
        for (Symbol s : o.symbols()) {
            if (s.type() == Symbol.Type.SECTION || s.name().isEmpty()) continue;
            symbols.add("symbol " + s.name() + " " + s.definition() + " value " + s.value() + " size " + s.size() + " " + s.binding() + " " + s.type());
        }
        symbols.sort(null);
        List<String> relocs = new ArrayList<>();
        for (Relocation r : o.relocations()) {
            relocs.add(String.format("reloc %s+0x%x %s %s %d", r.section(), r.offset(), r.kind(), r.symbol(), r.addend()));
        }
        relocs.sort(null);
        symbols.forEach(s -> sb.append(s).append('\n'));
        relocs.forEach(r -> sb.append(r).append('\n'));
        return sb.toString();
    }
}
