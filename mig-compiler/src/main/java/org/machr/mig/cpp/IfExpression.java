package org.machr.mig.cpp;

import java.util.List;

/**
 * Evaluates a fully macro-expanded {@code #if} expression (C11 6.10.1): integer constants with
 * {@code u}/{@code l} suffixes, character constants, every C operator including {@code ?:} and
 * {@code ,}, in 64-bit signed or unsigned arithmetic with the usual conversions. Identifiers that are
 * left after expansion count as 0. Division by zero is reported only where the operand is evaluated.
 */
final class IfExpression {

    /** A value and its type: {@code intmax_t} or {@code uintmax_t}. */
    record Value(long bits, boolean unsigned) {
        boolean isTrue() {
            return bits != 0;
        }

        static Value of(boolean b) {
            return new Value(b ? 1 : 0, false);
        }
    }

    /** Thrown on the first syntax error; the caller reports it as a diagnostic. */
    static final class Failure extends RuntimeException {
        final transient PpToken at;
        final CppCode code;

        Failure(CppCode code, PpToken at, String message) {
            super(message, null, false, false);
            this.code = code;
            this.at = at;
        }
    }

    private final List<PpToken> tokens;
    private final PpToken directive;
    private final Spans spans;
    private int pos;
    /** Depth of operands that are not evaluated (right of a decided {@code &&}, {@code ||}, or {@code ?:}). */
    private int skipping;

    private IfExpression(List<PpToken> tokens, PpToken directive, Spans spans) {
        this.tokens = tokens;
        this.directive = directive;
        this.spans = spans;
    }

    static Value evaluate(List<PpToken> tokens, PpToken directive, Spans spans) {
        IfExpression e = new IfExpression(tokens, directive, spans);
        if (tokens.isEmpty()) throw new Failure(CppCode.BAD_EXPRESSION, directive, "#" + directive.text() + " with no expression");
        Value v = e.comma();
        if (e.pos < tokens.size()) {
            PpToken t = tokens.get(e.pos);
            throw new Failure(CppCode.BAD_EXPRESSION, t, "missing binary operator before token \"" + t.text() + "\"");
        }
        return v;
    }

    private Value comma() {
        Value v = conditional();
        while (accept(",")) v = conditional();
        return v;
    }

    private Value conditional() {
        Value c = binary(0);
        if (!accept("?")) return c;
        boolean take = c.isTrue();
        if (!take) skipping++;
        Value a = comma();
        if (!take) skipping--;
        expect(":");
        if (take) skipping++;
        Value b = conditional();
        if (take) skipping--;
        boolean unsigned = a.unsigned() || b.unsigned();
        Value r = take ? a : b;
        return new Value(r.bits(), unsigned);
    }

    private static final List<List<String>> LEVELS = List.of(
            List.of("||"), List.of("&&"), List.of("|"), List.of("^"), List.of("&"), List.of("==", "!="),
            List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"), List.of("*", "/", "%"));

    private Value binary(int level) {
        if (level == LEVELS.size()) return unary();
        Value left = binary(level + 1);
        while (pos < tokens.size() && tokens.get(pos).kind() == PpKind.PUNCTUATOR
                && LEVELS.get(level).contains(tokens.get(pos).text())) {
            PpToken op = tokens.get(pos++);
            boolean shortCircuit = (op.is("&&") && !left.isTrue()) || (op.is("||") && left.isTrue());
            if (shortCircuit) skipping++;
            Value right = binary(level + 1);
            if (shortCircuit) skipping--;
            left = apply(op, left, right);
        }
        return left;
    }

    private Value apply(PpToken op, Value a, Value b) {
        boolean u = a.unsigned() || b.unsigned();
        long x = a.bits();
        long y = b.bits();
        return switch (op.text()) {
            case "||" -> Value.of(a.isTrue() || b.isTrue());
            case "&&" -> Value.of(a.isTrue() && b.isTrue());
            case "|" -> new Value(x | y, u);
            case "^" -> new Value(x ^ y, u);
            case "&" -> new Value(x & y, u);
            case "==" -> Value.of(x == y);
            case "!=" -> Value.of(x != y);
            case "<" -> Value.of(compare(x, y, u) < 0);
            case ">" -> Value.of(compare(x, y, u) > 0);
            case "<=" -> Value.of(compare(x, y, u) <= 0);
            case ">=" -> Value.of(compare(x, y, u) >= 0);
            case "<<" -> shift(a, b, true);
            case ">>" -> shift(a, b, false);
            case "+" -> new Value(x + y, u);
            case "-" -> new Value(x - y, u);
            case "*" -> new Value(x * y, u);
            case "/", "%" -> divide(op, x, y, u);
            default -> throw new IllegalStateException(op.text());
        };
    }

    private static int compare(long x, long y, boolean unsigned) {
        return unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
    }

    /** The result has the left operand's type; a negative count shifts the other way (as GNU cpp does). */
    private static Value shift(Value a, Value b, boolean left) {
        long n = b.bits();
        if (!b.unsigned() && n < 0) {
            left = !left;
            n = -n;
        }
        long x = a.bits();
        long r;
        if (Long.compareUnsigned(n, 64) >= 0) r = left || a.unsigned() || x >= 0 ? 0 : -1;
        else if (left) r = x << n;
        else r = a.unsigned() ? x >>> n : x >> n;
        return new Value(r, a.unsigned());
    }

    private Value divide(PpToken op, long x, long y, boolean u) {
        if (y == 0) {
            if (skipping > 0) return new Value(0, u);
            throw new Failure(CppCode.DIVISION_BY_ZERO, op, "division by zero in #" + directive.text());
        }
        boolean div = op.is("/");
        if (u) return new Value(div ? Long.divideUnsigned(x, y) : Long.remainderUnsigned(x, y), true);
        if (x == Long.MIN_VALUE && y == -1) return new Value(div ? x : 0, false);
        return new Value(div ? x / y : x % y, false);
    }

    private Value unary() {
        PpToken t = peek();
        if (t == null) throw new Failure(CppCode.BAD_EXPRESSION, last(), "#" + directive.text() + " expression ends too early");
        if (t.kind() == PpKind.PUNCTUATOR) {
            switch (t.text()) {
                case "+" -> { pos++; Value v = unary(); return v; }
                case "-" -> { pos++; Value v = unary(); return new Value(-v.bits(), v.unsigned()); }
                case "~" -> { pos++; Value v = unary(); return new Value(~v.bits(), v.unsigned()); }
                case "!" -> { pos++; return Value.of(!unary().isTrue()); }
                case "(" -> {
                    pos++;
                    Value v = comma();
                    expect(")");
                    return v;
                }
                default -> throw new Failure(CppCode.BAD_EXPRESSION, t, "token \"" + t.text() + "\" is not valid in preprocessor expressions");
            }
        }
        pos++;
        return switch (t.kind()) {
            case NUMBER -> IntegerConstants.number(t, spans);
            case CHARACTER -> IntegerConstants.character(t);
            case IDENTIFIER -> new Value(0, false);
            default -> throw new Failure(CppCode.BAD_EXPRESSION, t, "token \"" + t.text() + "\" is not valid in preprocessor expressions");
        };
    }

    private PpToken peek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    private PpToken last() {
        return tokens.isEmpty() ? directive : tokens.getLast();
    }

    private boolean accept(String punctuator) {
        PpToken t = peek();
        if (t != null && t.kind() == PpKind.PUNCTUATOR && t.text().equals(punctuator)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String punctuator) {
        if (!accept(punctuator)) {
            PpToken t = peek();
            throw new Failure(CppCode.BAD_EXPRESSION, t == null ? last() : t,
                    "expected '" + punctuator + "' in #" + directive.text() + (t == null ? " at end of line" : ", found \"" + t.text() + "\""));
        }
    }
}
