package org.machr.mig.cpp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machr.diag.SourceFile;

/** Reads preprocessed text back as tokens, each placed by the GNU line markers before it. */
final class LineMarkers {

    record Placed(String text, String file, int line, int outputColumn) {}

    private static final Pattern MARKER = Pattern.compile("^# (\\d+) \"((?:[^\"\\\\]|\\\\.)*)\"(?: [1-4])*$");

    private LineMarkers() {}

    static List<Placed> tokens(String output, boolean canonicalNames) {
        List<Placed> out = new ArrayList<>();
        String file = "?";
        int line = 0;
        for (String text : output.split("\n", -1)) {
            Matcher m = MARKER.matcher(text);
            if (m.matches()) {
                file = canonicalNames ? canonical(m.group(2)) : m.group(2);
                line = Integer.parseInt(m.group(1));
                continue;
            }
            PpLexer lexer = new PpLexer(new FileContext(new SourceFile("<out>", text), null), new org.machr.diag.Diagnostics());
            for (PpToken t = lexer.next(); t.kind() != PpKind.END_OF_FILE; t = lexer.next()) {
                out.add(new Placed(t.text(), file, line, t.column()));
            }
            line++;
        }
        return out;
    }

    private static String canonical(String name) {
        try {
            Path p = Path.of(name);
            return Files.exists(p) ? p.toRealPath().toString() : name;
        } catch (java.io.IOException e) {
            return name;
        }
    }
}
