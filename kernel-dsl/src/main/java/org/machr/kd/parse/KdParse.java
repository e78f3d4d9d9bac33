package org.machr.kd.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.ModuleFile;

/**
 * Parses one {@code .kd} file into its AST: lex (reporting KD0001–KD0003 and dropping the bad
 * tokens), parse with our error messages (KD0010), then build the AST (KD0004, KD0005). A file with
 * lexical or syntax errors yields no AST, so later phases never see a half-parsed module. Correct
 * input takes the fast path of {@link SllParse}; only when that gives up is the file lexed again and
 * parsed with full LL prediction and error reporting.
 */
public final class KdParse {

    private KdParse() {}

    public static Optional<ModuleFile> parse(SourceFile source, Diagnostics diagnostics) {
        ModuleFile fast = SllParse.parse(source, diagnostics);
        if (fast != null) return Optional.of(fast);
        int errorsBefore = diagnostics.errorCount();
        List<Token> tokens = lex(source, diagnostics);
        if (diagnostics.errorCount() > errorsBefore) return Optional.empty();
        KdParser parser = new KdParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.setErrorHandler(new SyntaxErrors());
        parser.addErrorListener(new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object offending, int line, int col, String msg,
                                    RecognitionException e) {
                diagnostics.error(KdCode.KD0010, spanOf(source, (Token) offending), msg);
            }
        });
        KdParser.FileContext tree = parser.file();
        if (diagnostics.errorCount() > errorsBefore) return Optional.empty();
        return Optional.of(new AstBuilder(source, diagnostics).file(tree));
    }

    private static List<Token> lex(SourceFile source, Diagnostics diagnostics) {
        KdLexer lexer = new KdLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        List<Token> kept = new ArrayList<>();
        for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
            switch (t.getType()) {
                case KdLexer.BAD_CHAR -> diagnostics.error(KdCode.KD0001, spanOf(source, t),
                        "unexpected character " + quoteChar(t.getText()));
                case KdLexer.UNTERMINATED_STRING -> diagnostics.error(KdCode.KD0002, spanOf(source, t),
                        "unterminated string literal");
                case KdLexer.UNTERMINATED_CHAR -> diagnostics.error(KdCode.KD0002, spanOf(source, t),
                        "unterminated character literal");
                case KdLexer.UNTERMINATED_COMMENT -> diagnostics.error(KdCode.KD0003,
                        new Span(source, t.getStartIndex(), t.getStartIndex() + 2), "unterminated block comment");
                default -> {
                    if (t.getChannel() == Token.DEFAULT_CHANNEL) kept.add(t);
                }
            }
            if (t.getType() == Token.EOF) break;
        }
        return kept;
    }

    private static String quoteChar(String text) {
        int cp = text.codePointAt(0);
        if (cp < 0x20 || cp == 0x7f) return String.format("U+%04X", cp);
        return "'" + text + "'";
    }

    /** The span of a token; EOF gets an empty span at the end of the text. */
    static Span spanOf(SourceFile source, Token t) {
        int length = source.text().length();
        if (t == null || t.getType() == Token.EOF || t.getStartIndex() < 0) return new Span(source, length, length);
        int start = Math.min(t.getStartIndex(), length);
        int end = Math.min(Math.max(t.getStopIndex() + 1, start), length);
        return new Span(source, start, end);
    }
}
