package org.machr.mig.cpp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The files being read, innermost last, as the macro expander's input. Reading a {@code #} at the start
 * of a line runs the directive; tokens put back by the expander come first. A file's end is returned
 * once as an {@link PpKind#END_OF_FILE} token (it ends a macro's argument list, as in GNU cpp) and the
 * reading continues in the includer.
 */
final class SourceStack implements TokenInput {

    /** One open file: its lexer, its open conditionals, and one token read ahead. */
    static final class Frame {
        final PpLexer lexer;
        final Deque<Conditional> conditionals = new ArrayDeque<>();
        final int resumeLine;
        PpToken lookahead;

        Frame(PpLexer lexer, int resumeLine) {
            this.lexer = lexer;
            this.resumeLine = resumeLine;
        }

        /** The next token of this file, without running directives. */
        PpToken read() {
            PpToken t = lookahead;
            if (t != null) {
                lookahead = null;
                return t;
            }
            return lexer.next();
        }

        PpToken peek() {
            if (lookahead == null) lookahead = lexer.next();
            return lookahead;
        }

        /** The next token if it is on the current directive's line, else null. */
        PpToken readOnLine() {
            PpToken t = peek();
            if (t.atLineStart() || t.kind() == PpKind.END_OF_FILE) return null;
            lookahead = null;
            return t;
        }

        /** After {@code #line}: the token already read ahead belongs to the renumbered lines. */
        void renumberLookahead() {
            PpToken t = lookahead;
            if (t == null) return;
            FileContext c = context();
            lookahead = new PpToken(t.kind(), t.text(), c, t.offset(), c.presumedLine(lexer.physicalLine(t.offset())),
                    t.column(), c.presumedName(), t.atLineStart(), t.spaceBefore(), t.hideset(), t.expanded());
        }

        FileContext context() {
            return lexer.context();
        }
    }

    /** An {@code #if} group being read: whether a group was taken yet, and whether {@code #else} was seen. */
    static final class Conditional {
        PpToken site;
        boolean taken;
        boolean elseSeen;

        Conditional(PpToken site, boolean taken) {
            this.site = site;
            this.taken = taken;
        }
    }

    /** Runs a directive whose {@code #} was just read from {@code frame}. */
    interface DirectiveRunner {
        void run(PpToken hash, Frame frame);
    }

    /** Called when a file ends and its includer resumes. */
    interface FileEndListener {
        void fileEnded(Frame ended, Frame resumed);
    }

    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<PpToken> putBack = new ArrayDeque<>();
    private final DirectiveRunner directives;
    private final FileEndListener fileEnds;

    SourceStack(DirectiveRunner directives, FileEndListener fileEnds) {
        this.directives = directives;
        this.fileEnds = fileEnds;
    }

    void push(Frame frame) {
        frames.addLast(frame);
    }

    Frame current() {
        return frames.peekLast();
    }

    int depth() {
        return frames.size();
    }

    boolean isEmpty() {
        return frames.isEmpty();
    }

    @Override
    public PpToken next() {
        if (!putBack.isEmpty()) return putBack.pollFirst();
        while (true) {
            Frame frame = frames.peekLast();
            PpToken t = frame.read();
            if (t.is("#") && t.atLineStart() && t.kind() == PpKind.PUNCTUATOR) {
                directives.run(t, frame);
                continue;
            }
            if (t.kind() == PpKind.END_OF_FILE) {
                frames.removeLast();
                fileEnds.fileEnded(frame, frames.peekLast());
            }
            return t;
        }
    }

    @Override
    public boolean nextIsLeftParenthesis() {
        if (!putBack.isEmpty()) return putBack.peekFirst().is("(");
        Frame frame = frames.peekLast();
        if (frame == null) return false;
        PpToken t = frame.peek();
        if (t.atLineStart() && t.is("#")) return false;
        return t.kind() == PpKind.PUNCTUATOR && t.is("(");
    }

    @Override
    public void unread(List<PpToken> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) putBack.addFirst(tokens.get(i));
    }
}
