package org.machr.mig.parse;

import java.util.BitSet;
import java.util.Map;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.mig.MigCode;

/**
 * Lexes and parses preprocessed {@code .defs} text, reporting every syntax error with the token found
 * and the tokens expected, positioned in the original file.
 */
public final class DefsReader {

    /** The parse tree and the map needed to place later diagnostics. */
    public record Parsed(DefsParser.FileContext tree, SourceMap sources) {}

    private DefsReader() {}

    public static Parsed read(String preprocessed, String mainFile, Map<String, SourceFile> files,
                              Diagnostics diagnostics) {
        LineMap lines = new LineMap(preprocessed, mainFile);
        SourceMap sources = new SourceMap(lines, files);
        DefsLexer lexer = new DefsLexer(CharStreams.fromString(lines.strippedText(), mainFile));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        DefsParser parser = new DefsParser(tokens);
        parser.removeErrorListeners();
        parser.addErrorListener(new Listener(sources, diagnostics));
        DefsParser.FileContext tree = parser.file();
        return new Parsed(tree, sources);
    }

    /** Words the lexer treats as keywords; they cannot name types, routines or arguments. */
    static boolean isKeyword(int tokenType) {
        return tokenType >= DefsLexer.SUBSYSTEM && tokenType <= DefsLexer.CSERVERTYPE;
    }

    private record Listener(SourceMap sources, Diagnostics diagnostics, int[] lastErrorLine)
            implements ANTLRErrorListener {

        Listener(SourceMap sources, Diagnostics diagnostics) {
            this(sources, diagnostics, new int[] {-1});
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            Token found = (Token) offendingSymbol;
            Parser parser = (Parser) recognizer;
            Token previous = parser.getInputStream().index() > 0 ? parser.getInputStream().LT(-1) : null;
            // One syntax error per line: what follows the first is usually its echo.
            if (found.getLine() == lastErrorLine[0]) return;
            lastErrorLine[0] = found.getLine();
            IntervalSet expected = e != null && !(e instanceof NoViableAltException)
                    ? e.getExpectedTokens() : parser.getExpectedTokens();
            Vocabulary vocabulary = parser.getVocabulary();
            if (found.getType() == DefsLexer.UNKNOWN) {
                diagnostics.error(MigCode.UNKNOWN_CHARACTER, sources.span(found),
                        "unexpected character '" + found.getText() + "'");
                return;
            }
            if (isKeyword(found.getType()) && expected.contains(DefsLexer.IDENT)) {
                reserved(found, typeKeyword(found.getType())
                        ? "an argument's type must be a type name: declare 'type NAME = " + found.getText()
                        + " …;' first, or write 'arg : NAME = " + found.getText() + " …'"
                        : "rename it, e.g. '" + found.getText() + "_'");
                return;
            }
            if (found.getType() == DefsLexer.COLON && previous != null && isKeyword(previous.getType())
                    && expected.contains(DefsLexer.IDENT)) {
                reserved(previous, "rename it, e.g. '" + previous.getText() + "_'");
                return;
            }
            if (found.getType() == Token.EOF && previous != null) {
                diagnostics.error(MigCode.SYNTAX_ERROR, sources.span(previous), "expected "
                        + describe(expected, vocabulary) + " after " + describe(previous) + ", found end of file");
                return;
            }
            String message = "expected " + describe(expected, vocabulary) + ", found " + describe(found);
            if (e instanceof NoViableAltException && !(e instanceof InputMismatchException)) {
                message = "unexpected " + describe(found) + " here";
            }
            diagnostics.error(MigCode.SYNTAX_ERROR, sources.span(found), message);
        }

        private void reserved(Token word, String note) {
            diagnostics.error(MigCode.RESERVED_WORD, sources.span(word),
                    "'" + word.getText() + "' is a reserved word and cannot be used as a name", note);
        }

        private static boolean typeKeyword(int type) {
            return type == DefsLexer.ARRAY || type == DefsLexer.STRUCT || type == DefsLexer.C_STRING
                    || type == DefsLexer.POLYMORPHIC;
        }

        private static String describe(Token token) {
            return switch (token.getType()) {
                case Token.EOF -> "end of file";
                case DefsLexer.IDENT -> "identifier '" + token.getText() + "'";
                case DefsLexer.INT -> "number " + token.getText();
                case DefsLexer.STRING -> "string " + token.getText();
                default -> "'" + token.getText() + "'";
            };
        }

        static String describe(IntervalSet set, Vocabulary vocabulary) {
            var names = new java.util.ArrayList<String>();
            for (int type : set.toArray()) {
                names.add(switch (type) {
                    case Token.EOF -> "end of file";
                    case DefsLexer.IDENT -> "an identifier";
                    case DefsLexer.INT -> "a number";
                    case DefsLexer.STRING -> "a string";
                    case DefsLexer.ANGLED -> "a <file name>";
                    default -> vocabulary.getDisplayName(type);
                });
            }
            if (names.isEmpty()) return "something else";
            if (names.size() == 1) return names.get(0);
            if (names.size() > 6) return "one of " + String.join(", ", names.subList(0, 6)) + ", …";
            return "one of " + String.join(", ", names);
        }

        @Override
        public void reportAmbiguity(Parser p, DFA dfa, int a, int b, boolean exact, BitSet alts, ATNConfigSet c) {}

        @Override
        public void reportAttemptingFullContext(Parser p, DFA dfa, int a, int b, BitSet alts, ATNConfigSet c) {}

        @Override
        public void reportContextSensitivity(Parser p, DFA dfa, int a, int b, int prediction, ATNConfigSet c) {}
    }
}
