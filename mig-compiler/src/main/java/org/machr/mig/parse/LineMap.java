package org.machr.mig.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps lines of preprocessed text back to the file and line they came from, using GNU cpp line
 * markers ({@code # LINE "FILE" [flags]}, also {@code #line LINE "FILE"}). The markers are blanked
 * out of the text handed to the lexer so that line numbers of the stripped text equal those of the
 * preprocessed text.
 */
public final class LineMap {

    private static final Pattern MARKER =
            Pattern.compile("^[ \\t]*#[ \\t]*(?:line[ \\t]+)?(\\d+)(?:[ \\t]+\"((?:[^\"\\\\]|\\\\.)*)\")?.*$");

    /** Where one preprocessed line came from. */
    public record Origin(String file, int line) {}

    private final String stripped;
    private final List<Origin> origins = new ArrayList<>();

    public LineMap(String preprocessed, String defaultFile) {
        StringBuilder out = new StringBuilder(preprocessed.length());
        String file = defaultFile;
        int next = 1;
        int start = 0;
        while (start <= preprocessed.length()) {
            int end = preprocessed.indexOf('\n', start);
            boolean last = end < 0;
            if (last) end = preprocessed.length();
            String line = preprocessed.substring(start, end);
            Matcher m = MARKER.matcher(line);
            if (line.stripLeading().startsWith("#") && m.matches()) {
                origins.add(new Origin(file, next));
                next = Integer.parseInt(m.group(1));
                if (m.group(2) != null) file = unescape(m.group(2));
            } else {
                origins.add(new Origin(file, next));
                next++;
                out.append(line);
            }
            if (last) break;
            out.append('\n');
            start = end + 1;
        }
        stripped = out.toString();
    }

    private static String unescape(String s) {
        return s.replace("\\\\", "\u0000").replace("\\\"", "\"").replace("\u0000", "\\");
    }

    /** The text with markers removed (each marker line left empty). */
    public String strippedText() {
        return stripped;
    }

    /** The origin of 1-based preprocessed {@code line}. */
    public Origin origin(int line) {
        if (origins.isEmpty()) return new Origin("<input>", line);
        return origins.get(Math.max(0, Math.min(line, origins.size()) - 1));
    }

    /** Every preprocessed line that came from {@code file}, placed at its original line number. */
    public String reconstruct(String file) {
        List<String> lines = new ArrayList<>();
        String[] pp = stripped.split("\n", -1);
        for (int i = 0; i < pp.length && i < origins.size(); i++) {
            Origin o = origins.get(i);
            if (!o.file().equals(file) || o.line() < 1) continue;
            while (lines.size() < o.line()) lines.add("");
            lines.set(o.line() - 1, pp[i]);
        }
        return String.join("\n", lines);
    }
}
