package org.machr.kd.lower;

import java.util.Arrays;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Line and column of offsets in one source file, from a line table built once: lowering asks for
 * the location of nearly every instruction, so it must not rescan the text each time.
 */
final class LineIndex {

    private final SourceFile file;
    private final int[] starts;

    LineIndex(SourceFile file) {
        this.file = file;
        String text = file.text();
        int[] s = new int[64];
        int n = 0;
        s[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == s.length) s = Arrays.copyOf(s, n * 2);
                s[n++] = i + 1;
            }
        }
        this.starts = Arrays.copyOf(s, n);
    }

    boolean covers(Span span) {
        return span.file() == file;
    }

    /** 1-based line of the span's start. */
    int line(Span span) {
        return lineIndex(span.start()) + 1;
    }

    /** 1-based column of the span's start. */
    int column(Span span) {
        return span.start() - starts[lineIndex(span.start())] + 1;
    }

    /** The line last found: lowering asks about nearby offsets in turn, so it is usually the answer again. */
    private int last;

    private int lineIndex(int offset) {
        int l = last;
        if (offset >= starts[l] && (l + 1 == starts.length || offset < starts[l + 1])) return l;
        if (l + 1 < starts.length && offset >= starts[l + 1] && (l + 2 == starts.length || offset < starts[l + 2])) {
            last = l + 1;
            return last;
        }
        int i = Arrays.binarySearch(starts, offset);
        int found = i >= 0 ? i : -i - 2;
        if (found >= 0) last = found;
        return found;
    }
}
