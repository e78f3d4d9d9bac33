package org.machr.diag;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The text of one input file, with the line table needed to turn offsets into line and column.
 *
 * @param path the name shown in diagnostics (as the user gave it, not made absolute)
 * @param text the whole content
 */
public record SourceFile(String path, String text) {

    public SourceFile {
        if (path == null || text == null) throw new IllegalArgumentException("path and text are required");
    }

    /** Line tables computed once per text (a record cannot hold the cache itself). */
    private static final Map<String, int[]> LINE_STARTS = Collections.synchronizedMap(new WeakHashMap<>());

    private record Recent(String text, int[] starts) {}

    /** The last few texts looked up, compared by identity: the common case costs no string compare. */
    private static final Recent[] RECENT = new Recent[8];

    /** Offsets at which each line begins; index 0 is line 1. */
    private int[] lineStarts() {
        int slot = System.identityHashCode(text) & (RECENT.length - 1);
        Recent r = RECENT[slot];
        if (r != null && r.text() == text) return r.starts();
        int[] starts = LINE_STARTS.computeIfAbsent(text, t -> computeLineStarts());
        RECENT[slot] = new Recent(text, starts);
        return starts;
    }

    private int[] computeLineStarts() {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The 1-based line holding {@code offset}. */
    public int lineOf(int offset) {
        int[] starts = lineStarts();
        int i = Arrays.binarySearch(starts, clamp(offset));
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** The 1-based column of {@code offset}, counting a tab as one column. */
    public int columnOf(int offset) {
        int off = clamp(offset);
        return off - lineStartOffset(lineOf(off)) + 1;
    }

    /** The offset of {@code line}:{@code column} (both 1-based), clamped to the text. */
    public int offsetOf(int line, int column) {
        return clamp(lineStartOffset(line) + Math.max(column, 1) - 1);
    }

    /** Number of lines; a final line without a newline counts. */
    public int lineCount() {
        return lineStarts().length;
    }

    /** The text of a 1-based line, without its line terminator. */
    public String line(int line) {
        int start = lineStartOffset(line);
        int end = text.indexOf('\n', start);
        if (end < 0) end = text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, end);
    }

    private int lineStartOffset(int line) {
        int[] starts = lineStarts();
        int index = Math.min(Math.max(line, 1), starts.length) - 1;
        return starts[index];
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }
}
