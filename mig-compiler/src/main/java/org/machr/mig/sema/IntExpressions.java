package org.machr.mig.sema;

import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.mig.MigCode;
import org.machr.mig.parse.DefsParser;
import org.machr.mig.parse.SourceMap;

/** Evaluates the integer expressions of sizes and counts ({@code + - * /}, parentheses). */
final class IntExpressions {

    private IntExpressions() {}

    static Optional<Integer> evaluate(DefsParser.IntExpContext e, SourceMap sources, Diagnostics diagnostics) {
        return switch (e) {
            case DefsParser.NumberExpContext n -> parse(n, sources, diagnostics);
            case DefsParser.ParenExpContext p -> evaluate(p.intExp(), sources, diagnostics);
            case DefsParser.AddExpContext a -> combine(a.intExp(0), a.intExp(1), a.op.getText(), a, sources,
                    diagnostics);
            case DefsParser.MulExpContext m -> combine(m.intExp(0), m.intExp(1), m.op.getText(), m, sources,
                    diagnostics);
            default -> throw new IllegalStateException("unknown expression " + e.getClass());
        };
    }

    private static Optional<Integer> parse(DefsParser.NumberExpContext n, SourceMap sources, Diagnostics d) {
        try {
            return Optional.of(Integer.parseInt(n.INT().getText()));
        } catch (NumberFormatException ex) {
            d.error(MigCode.TOO_LARGE, sources.span(n.INT().getSymbol()),
                    "number " + n.INT().getText() + " is too large (the limit is " + Integer.MAX_VALUE + ")");
            return Optional.empty();
        }
    }

    private static Optional<Integer> combine(DefsParser.IntExpContext l, DefsParser.IntExpContext r, String op,
                                             DefsParser.IntExpContext whole, SourceMap sources, Diagnostics d) {
        Optional<Integer> a = evaluate(l, sources, d), b = evaluate(r, sources, d);
        if (a.isEmpty() || b.isEmpty()) return Optional.empty();
        long x = a.get(), y = b.get();
        long v;
        switch (op) {
            case "+" -> v = x + y;
            case "-" -> v = x - y;
            case "*" -> v = x * y;
            default -> {
                if (y == 0) {
                    d.error(MigCode.BAD_EXPRESSION, sources.span(whole.start, whole.stop), "division by zero in '"
                            + whole.getText() + "'");
                    return Optional.empty();
                }
                v = x / y;
            }
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            d.error(MigCode.TOO_LARGE, sources.span(whole.start, whole.stop), "'" + whole.getText()
                    + "' overflows a 32-bit integer");
            return Optional.empty();
        }
        return Optional.of((int) v);
    }
}
