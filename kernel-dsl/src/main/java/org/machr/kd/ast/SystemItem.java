package org.machr.kd.ast;

import java.math.BigInteger;
import java.util.List;
import org.machr.diag.Span;

/** One item of a {@code system} block (docs/language.md §12.3), as written. */
public sealed interface SystemItem {

    Span span();

    record Board(String name, Span span, String arch, Span archSpan, List<BoardEntry> entries) implements SystemItem {}

    record Kernel(String path, Span span) implements SystemItem {}

    record Task(String name, Span span, String path, Span pathSpan, long priority, Span prioritySpan,
                List<RightGrant> rights) implements SystemItem {}

    /** {@code ram 0x4000_0000 size 256M;} — the words and numbers after the keyword. */
    record BoardEntry(String keyword, Span span, List<Arg> args) {}

    /** A word or a number in a board entry. */
    record Arg(String word, BigInteger number, Span span) {}

    record RightGrant(String slot, Span span, String right, Span rightSpan, String target, Span targetSpan) {}
}
