package org.machr.tests.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * What a conformance program says it prints, read from its comments:
 * <ul>
 * <li>{@code // expect: <text>} — the next console line is exactly {@code <text>};</li>
 * <li>{@code // expect panic: <message>} — the program then panics on this very line: the last
 *     console line is {@code panic: <message> at <file>:<line>} and the status is 101;</li>
 * <li>{@code // expect exit: N} — the exit status (default 0, or 101 after a panic).</li>
 * </ul>
 */
record Expectations(String console, int status) {

    static final String EXPECT = "// expect: ";
    static final String PANIC = "// expect panic: ";
    static final String EXIT = "// expect exit: ";

    /** @param file the program's path relative to its source root, as panic reports name it */
    static Expectations parse(String file, String text) {
        StringBuilder console = new StringBuilder();
        Integer status = null;
        String panic = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at;
            if ((at = line.indexOf(EXPECT)) >= 0) {
                console.append(line.substring(at + EXPECT.length())).append('\n');
            } else if ((at = line.indexOf(PANIC)) >= 0) {
                if (panic != null) throw new IllegalArgumentException(file + ": more than one '" + PANIC.trim() + "'");
                panic = "panic: " + line.substring(at + PANIC.length()) + " at " + file + ":" + (i + 1) + "\n";
            } else if ((at = line.indexOf(EXIT)) >= 0) {
                status = Integer.parseInt(line.substring(at + EXIT.length()).trim());
            }
        }
        if (panic != null) {
            console.append(panic);
            if (status == null) status = 101;
        }
        return new Expectations(console.toString(), status == null ? 0 : status);
    }

    static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n", -1)));
    }
}
