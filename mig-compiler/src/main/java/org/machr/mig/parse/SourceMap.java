package org.machr.mig.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;

/**
 * Turns positions in preprocessed text into spans of the original files. Files come from the
 * preprocessor's table when it has one; otherwise they are read from disk; failing that, the file's
 * lines are rebuilt from the preprocessed text (so a caret line can always be shown).
 */
public final class SourceMap {

    private final LineMap lines;
    private final Map<String, SourceFile> files = new HashMap<>();

    public SourceMap(LineMap lines, Map<String, SourceFile> known) {
        this.lines = lines;
        this.files.putAll(known);
    }

    public LineMap lines() {
        return lines;
    }

    /** The span of a token, in its original file. */
    public Span span(Token token) {
        int length = token.getType() == Token.EOF ? 0 : Math.max(1, token.getText().length());
        return span(token.getLine(), token.getCharPositionInLine() + 1, length);
    }

    /** From the first character of {@code from} to the end of {@code to}, on {@code from}'s line. */
    public Span span(Token from, Token to) {
        int length = from.getLine() == to.getLine()
                ? to.getCharPositionInLine() + to.getText().length() - from.getCharPositionInLine()
                : from.getText().length();
        return span(from.getLine(), from.getCharPositionInLine() + 1, Math.max(1, length));
    }

    public Span span(int ppLine, int column, int length) {
        LineMap.Origin origin = lines.origin(ppLine);
        SourceFile file = file(origin.file());
        return Span.at(file, Math.max(origin.line(), 1), column, length);
    }

    /** The source file of a marker name. */
    public SourceFile file(String name) {
        return files.computeIfAbsent(name, this::load);
    }

    private SourceFile load(String name) {
        try {
            Path path = Path.of(name);
            if (Files.isRegularFile(path)) return new SourceFile(name, Files.readString(path));
        } catch (IOException | RuntimeException e) {
            // fall through: rebuild from the preprocessed text
        }
        return new SourceFile(name, lines.reconstruct(name));
    }
}
