package org.machr.kd.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's error recovery with our messages: {@code expected ';', found 'fn'} rather than ANTLR's
 * {@code missing ';' at 'fn'}. The expected-token set is summarised the way a reader thinks of it
 * ("expression", "type", "statement") instead of listing thirty operators.
 */
final class SyntaxErrors extends DefaultErrorStrategy {

    @Override
    protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens(), e);
    }

    @Override
    protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
        report(recognizer, e.getOffendingToken(), e.getExpectedTokens(), e);
    }

    @Override
    protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
        recognizer.notifyErrorListeners(e.getOffendingToken(), "unexpected " + describe(e.getOffendingToken()), e);
    }

    @Override
    protected void reportUnwantedToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) return;
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        String summary = summarise(getExpectedTokens(recognizer));
        recognizer.notifyErrorListeners(t, summary.equals("something else") ? "unexpected " + describe(t)
                : "expected " + summary + ", found " + describe(t), null);
    }

    @Override
    protected void reportMissingToken(Parser recognizer) {
        if (inErrorRecoveryMode(recognizer)) return;
        beginErrorCondition(recognizer);
        Token t = recognizer.getCurrentToken();
        recognizer.notifyErrorListeners(t, message(recognizer, getExpectedTokens(recognizer), t), null);
    }

    /** Called from {@code reportError}, which has already entered error recovery. */
    private void report(Parser recognizer, Token offending, IntervalSet expected, Exception e) {
        recognizer.notifyErrorListeners(offending, message(recognizer, expected, offending),
                e instanceof org.antlr.v4.runtime.RecognitionException r ? r : null);
    }

    static String message(Parser recognizer, IntervalSet expected, Token found) {
        return "expected " + summarise(expected) + ", found " + describe(found);
    }

    /** Reduces an expected-token set to the phrase a reader expects. */
    static String summarise(IntervalSet expected) {
        if (expected == null || expected.isNil()) return "something else";
        List<Integer> types = expected.toList();
        if (types.contains(KdParser.WHILE) && types.contains(KdParser.LET)) {
            return types.contains(KdParser.RBRACE) ? "statement or '}'" : "statement";
        }
        if (types.contains(KdParser.STRUCT) && types.contains(KdParser.FN)) return "declaration";
        if (types.contains(KdParser.INT) && types.contains(KdParser.STRING) && types.contains(KdParser.IDENT)) {
            return "expression";
        }
        if (types.contains(KdParser.QUESTION) && types.contains(KdParser.IDENT) && types.contains(KdParser.FN)) {
            return "type";
        }
        List<Integer> essential = new ArrayList<>();
        for (int t : types) if (!continuesExpression(t)) essential.add(t);
        if (essential.isEmpty()) essential = types;
        if (essential.size() == 1) return name(essential.get(0));
        if (essential.size() <= 4) {
            StringBuilder s = new StringBuilder("one of ");
            for (int i = 0; i < essential.size(); i++) s.append(i == 0 ? "" : ", ").append(name(essential.get(i)));
            return s.toString();
        }
        return "something else";
    }

    /** Tokens that may follow a complete expression: operators, call, index, member, cast, assignment. */
    private static boolean continuesExpression(int t) {
        return switch (t) {
            case KdParser.PLUS, KdParser.MINUS, KdParser.STAR, KdParser.SLASH, KdParser.PERCENT, KdParser.AMP,
                 KdParser.PIPE, KdParser.CARET, KdParser.SHL, KdParser.SHR, KdParser.EQ, KdParser.NE, KdParser.LT,
                 KdParser.LE, KdParser.GT, KdParser.GE, KdParser.ANDAND, KdParser.OROR, KdParser.LPAREN,
                 KdParser.LBRACKET, KdParser.DOT, KdParser.AS, KdParser.ASSIGN, KdParser.PLUS_ASSIGN,
                 KdParser.MINUS_ASSIGN, KdParser.STAR_ASSIGN, KdParser.SLASH_ASSIGN, KdParser.PERCENT_ASSIGN,
                 KdParser.AND_ASSIGN, KdParser.OR_ASSIGN, KdParser.XOR_ASSIGN, KdParser.LSHIFT_ASSIGN,
                 KdParser.RSHIFT_ASSIGN -> true;
            default -> false;
        };
    }

    static String name(int tokenType) {
        return switch (tokenType) {
            case Token.EOF -> "end of file";
            case KdParser.IDENT -> "identifier";
            case KdParser.INT -> "integer literal";
            case KdParser.STRING -> "string literal";
            case KdParser.CHAR -> "character literal";
            case KdParser.INTRINSIC -> "intrinsic";
            default -> {
                String literal = KdParser.VOCABULARY.getLiteralName(tokenType);
                yield literal != null ? literal : KdParser.VOCABULARY.getDisplayName(tokenType);
            }
        };
    }

    static String describe(Token t) {
        if (t == null || t.getType() == Token.EOF) return "end of file";
        return "'" + t.getText() + "'";
    }
}
