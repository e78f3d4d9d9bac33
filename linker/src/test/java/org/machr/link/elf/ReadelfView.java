package org.machr.link.elf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machr.link.Arch;
import org.machr.link.ExternalTool;

/**
 * readelf's view of an object, normalised so that two files that mean the same thing compare equal:
 * section rows without offsets, indices or string-table sections; symbols sorted, with section numbers
 * replaced by names and the table index dropped; relocation rows without the info word (which holds the
 * symbol's index).
 */
record ReadelfView(List<String> sections, List<String> symbols, List<String> relocations, String raw) {

    private static final Pattern SECTION = Pattern.compile(
            "^\\s*\\[\\s*(\\d+)\\]\\s+(\\S*)\\s+(\\S+)\\s+[0-9a-f]{16}\\s+[0-9a-f]+\\s+([0-9a-f]+)\\s+([0-9a-f]+)\\s+(\\S*?)\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)$",
            Pattern.MULTILINE);
    private static final Pattern SYMBOL = Pattern.compile(
            "^[ \\t]*\\d+:[ \\t]+([0-9a-f]{16})[ \\t]+(\\d+)[ \\t]+(\\S+)[ \\t]+(\\S+)[ \\t]+(\\S+)[ \\t]+(\\S+)[ \\t]*(.*)$", Pattern.MULTILINE);
    private static final Pattern RELOC_HEADER = Pattern.compile("^Relocation section '([^']+)'", Pattern.MULTILINE);
    private static final Pattern RELOC = Pattern.compile(
            "^([0-9a-f]{16})\\s+[0-9a-f]{16}\\s+(\\S+)\\s+([0-9a-f]{16})\\s+(.*)$", Pattern.MULTILINE);

    static ReadelfView of(Arch arch, Path file) {
        ExternalTool.Result r = ExternalTool.run(ExternalTool.prefix(arch) + "readelf", "-SsrW", file.toString()).ok();
        if (!r.stderr().isBlank()) throw new AssertionError("readelf complained about " + file + ":\n" + r.stderr());
        String out = r.stdout();
        Map<String, String> nameByIndex = new HashMap<>();
        List<String> sections = new ArrayList<>();
        Matcher m = SECTION.matcher(out);
        while (m.find()) {
            nameByIndex.put(m.group(1), m.group(2));
            String type = m.group(3);
            if (type.equals("NULL") || type.equals("STRTAB") || type.equals("SYMTAB")) continue;
            sections.add(String.join(" ", m.group(2), type, m.group(4), m.group(5), m.group(6), m.group(9)));
        }
        sections.sort(null);
        List<String> symbols = new ArrayList<>();
        m = SYMBOL.matcher(out);
        while (m.find()) {
            String ndx = nameByIndex.getOrDefault(m.group(6), m.group(6));
            symbols.add(String.join(" ", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), ndx, m.group(7)));
        }
        symbols.sort(null);
        List<String> relocations = new ArrayList<>();
        String current = "";
        for (String line : out.split("\n")) {
            Matcher h = RELOC_HEADER.matcher(line);
            if (h.find()) current = h.group(1);
            Matcher rl = RELOC.matcher(line);
            if (rl.find()) relocations.add(current + " " + rl.group(1) + " " + rl.group(2) + " " + rl.group(3) + " " + rl.group(4).trim());
        }
        return new ReadelfView(sections, symbols, relocations, out);
    }
}
