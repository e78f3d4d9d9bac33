package org.machr.diag;

import java.util.Arrays;

/**
 * The text of one input file, with the line table needed to turn offsets into line and column.
 * A class rather than a record so that the line table is computed once per file and kept with it;
 * equality is by path and text, as for a record.
 */
public final class SourceFile {

    private final String path;
    private final String text;
    private final int[] lineStarts;

    /**
     * @param path the name shown in diagnostics (as the user gave it, not made absolute)
     * @param text the whole content
     */
    public SourceFile(String path, String text) {
        if (path == null || text == null) throw new IllegalArgumentException("path and text are required");
        this.path = path;
        this.text = text;
        this.lineStarts = computeLineStarts();
    }

    public String path() {
        return path;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile other && path.equals(other.path) && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + text.hashCode();
    }

    @Override
    public String toString() {
        return "SourceFile[" + path + ", " + text.length() + " chars]";
    }

    /** Offsets at which each line begins; index 0 is line 1. */
    private int[] lineStarts() {
        return lineStarts;
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
