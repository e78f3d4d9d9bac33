package org.machr.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;

/**
 * Random programs ({@link RandomLinkGenerator}) linked by us and by ld.lld: either both succeed with the same
 * section bytes and symbol addresses, or both reject the same relocation places.
 */
class RandomLldDifferentialTest {

    private static final Pattern PLACE = Pattern.compile("([^\\s:]+\\.o):\\((\\S+?)\\+0x([0-9a-f]+)\\)");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aarch64(long seed, @TempDir Path dir) throws Exception {
        compare(dir, Arch.AARCH64, seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void x86_64(long seed, @TempDir Path dir) throws Exception {
        compare(dir, Arch.X86_64, seed);
    }

    private static void compare(Path dir, Arch arch, long seed) throws Exception {
        RandomLinkGenerator gen = new RandomLinkGenerator(seed, arch);
        List<String> sources = gen.sources();
        List<Path> objects = LinkTestSupport.assemble(dir, arch, sources.toArray(String[]::new));
        LinkOptions options = LinkOptions.defaults(arch).withBase(gen.base());
        Diagnostics d = new Diagnostics();
        Optional<LinkedImage> ours = Linker.link(LinkTestSupport.read(objects), options, d);

        Path script = dir.resolve("link.ld");
        Files.writeString(script, LldDifferentialTest.lldScript(options.baseAddress(), options.stackSize()));
        Path lldOut = dir.resolve("lld.elf");
        List<String> cmd = new ArrayList<>(List.of("ld.lld", "-static", "--no-relax", "--error-limit=0", "-e", "_start",
                "-T", script.toString(), "-o", lldOut.toString()));
        objects.forEach(p -> cmd.add(p.toString()));
        ExternalTool.Result lld = ExternalTool.run(cmd.toArray(String[]::new));

        String context = "seed " + seed + ", base 0x" + Long.toHexString(gen.base()) + "\nours:\n" + d.renderAll()
                + "\nlld:\n" + lld.stderr();
        if (seed % 2 == 0) assertThat(lld.exitCode()).as("tame programs link: " + context).isZero();
        if (lld.exitCode() != 0) {
            assertThat(ours).as(context).isEmpty();
            TreeSet<String> lldPlaces = places(lld.stderr().lines().filter(l -> l.contains("error:")).toList());
            TreeSet<String> ourPlaces = places(d.all().stream().map(Diagnostic::headline).toList());
            assertThat(ourPlaces).as(context).isEqualTo(lldPlaces).isNotEmpty();
            return;
        }
        assertThat(ours).as(context).isPresent();
        LinkedImage image = ours.get();
        String readelf = ExternalTool.run(ExternalTool.prefix(arch) + "readelf", "-sW", lldOut.toString()).ok().stdout();
        for (String name : List.of(".text", ".data")) {
            Path bin = dir.resolve("lld" + name + ".bin");
            ExternalTool.run("llvm-objcopy", "-O", "binary", "--only-section=" + name, lldOut.toString(), bin.toString()).ok();
            assertThat(image.section(name).orElseThrow().bytes()).as(context + name).isEqualTo(Files.readAllBytes(bin));
        }
        Map<String, Long> lldSymbols = new TreeMap<>();
        Matcher m = Pattern.compile("^\\s*\\d+: ([0-9a-f]{16})\\s+\\d+\\s+\\S+\\s+GLOBAL\\s+\\S+\\s+\\S+ (\\S+)$", Pattern.MULTILINE).matcher(readelf);
        while (m.find()) lldSymbols.put(m.group(2), Long.parseUnsignedLong(m.group(1), 16));
        Map<String, Long> ourSymbols = new TreeMap<>();
        for (LinkedImage.LinkedSymbol s : image.symbols()) if (lldSymbols.containsKey(s.name())) ourSymbols.put(s.name(), s.address());
        assertThat(ourSymbols).as(context).isEqualTo(lldSymbols);
    }

    private static TreeSet<String> places(List<String> lines) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : lines) {
            Matcher m = PLACE.matcher(line);
            if (m.find()) out.add(Path.of(m.group(1)).getFileName() + ":" + m.group(2) + "+" + m.group(3));
        }
        return out;
    }
}
