package org.machr.diag;

/**
 * A range of characters in a source file: {@code [start, end)} as offsets into its text.
 * An empty span ({@code start == end}) points between two characters, e.g. at end of input.
 */
public record Span(SourceFile file, int start, int end) {

    public Span {
        if (file == null) throw new IllegalArgumentException("file is required");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** A span of {@code length} characters starting at 1-based {@code line}:{@code column}. */
    public static Span at(SourceFile file, int line, int column, int length) {
        int start = file.offsetOf(line, column);
        return new Span(file, start, Math.min(start + Math.max(length, 0), file.text().length()));
    }

    public int line() {
        return file.lineOf(start);
    }

    public int column() {
        return file.columnOf(start);
    }

    /** {@code path:line:col}, the prefix of every rendered diagnostic. */
    public String location() {
        return file.path() + ":" + line() + ":" + column();
    }
}
