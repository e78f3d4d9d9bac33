package org.machr.mig.cpp;

import java.math.BigInteger;

/** Values of integer and character constants in {@code #if} (C11 6.4.4.1, 6.4.4.4; GNU cpp's types). */
final class IntegerConstants {

    private static final BigInteger UINTMAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private IntegerConstants() {}

    static IfExpression.Value number(PpToken t, Spans spans) {
        String s = t.text();
        int end = s.length();
        while (end > 0 && "uUlL".indexOf(s.charAt(end - 1)) >= 0) end--;
        String suffix = s.substring(end);
        String digits = s.substring(0, end);
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (radix == 10 && (digits.contains(".") || digits.contains("e") || digits.contains("E"))
                || radix == 16 && (digits.contains(".") || digits.contains("p") || digits.contains("P"))) {
            throw new IfExpression.Failure(CppCode.BAD_EXPRESSION, t, "floating constant in preprocessor expression");
        }
        if (!validSuffix(suffix)) {
            throw new IfExpression.Failure(CppCode.BAD_EXPRESSION, t, "invalid suffix \"" + suffix + "\" on integer constant");
        }
        BigInteger value;
        try {
            value = new BigInteger(digits, radix);
        } catch (NumberFormatException e) {
            throw new IfExpression.Failure(CppCode.BAD_EXPRESSION, t, "invalid integer constant \"" + t.text() + "\"");
        }
        boolean unsigned = suffix.indexOf('u') >= 0 || suffix.indexOf('U') >= 0;
        if (value.compareTo(UINTMAX) > 0) {
            spans.report(CppCode.INTEGER_OVERFLOW, t, "integer constant is too large for its type");
            value = value.and(UINTMAX);
        }
        if (!unsigned && value.bitLength() > 63) {
            if (radix == 10) spans.report(CppCode.INTEGER_OVERFLOW, t, "integer constant is so large that it is unsigned");
            unsigned = true;
        }
        return new IfExpression.Value(value.longValue(), unsigned);
    }

    private static boolean validSuffix(String suffix) {
        String s = suffix.toLowerCase(java.util.Locale.ROOT);
        if (!suffix.contains("lL") && !suffix.contains("Ll")) {
            return switch (s) {
                case "", "u", "l", "ul", "lu", "ll", "ull", "llu" -> true;
                default -> false;
            };
        }
        return false;
    }

    /** A character constant: one char is a (signed) {@code char} widened to int; several are packed big-endian. */
    static IfExpression.Value character(PpToken t) {
        String s = t.text();
        boolean wide = s.charAt(0) != '\'';
        int q = s.indexOf('\'');
        String body = s.substring(q + 1, s.length() - 1);
        long value = 0;
        int count = 0;
        for (int i = 0; i < body.length(); count++) {
            int c;
            char ch = body.charAt(i);
            if (ch != '\\') {
                c = ch;
                i++;
            } else {
                char e = body.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'n' -> c = '\n';
                    case 't' -> c = '\t';
                    case 'r' -> c = '\r';
                    case 'a' -> c = 7;
                    case 'b' -> c = 8;
                    case 'f' -> c = 12;
                    case 'v' -> c = 11;
                    case 'e', 'E' -> c = 27;
                    case 'x' -> {
                        int start = i;
                        while (i < body.length() && Character.digit(body.charAt(i), 16) >= 0) i++;
                        if (i == start) throw new IfExpression.Failure(CppCode.BAD_EXPRESSION, t, "\\x used with no following hex digits");
                        c = new BigInteger(body.substring(start, i), 16).intValue();
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int start = i - 1;
                            while (i < body.length() && i - start < 3 && body.charAt(i) >= '0' && body.charAt(i) <= '7') i++;
                            c = Integer.parseInt(body.substring(start, i), 8);
                        } else {
                            c = e;
                        }
                    }
                }
            }
            value = wide ? c : (value << 8) | (c & 0xff);
        }
        if (count == 0) throw new IfExpression.Failure(CppCode.BAD_EXPRESSION, t, "empty character constant");
        if (wide) return new IfExpression.Value(s.startsWith("L") ? (int) value : value & 0xffffffffL, false);
        if (count == 1) return new IfExpression.Value((byte) value, false);
        return new IfExpression.Value((int) value, false);
    }
}
