package org.machr.kd.parse;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.kd.KdCode;

/** Decodes integer, character and string literals (docs/language.md §1), reporting KD0004/KD0005. */
final class Literals {

    private Literals() {}

    static BigInteger integer(String text, Span span, Diagnostics d) {
        if (text.length() <= 18 && allDecimal(text)) return BigInteger.valueOf(Long.parseLong(text));
        String digits = text;
        int radix = 10;
        if (text.length() > 1 && text.charAt(0) == '0' && Character.isLetter(text.charAt(1))) {
            radix = switch (Character.toLowerCase(text.charAt(1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> -1;
            };
            digits = text.substring(2);
        }
        String clean = digits.replace("_", "");
        if (radix < 0 || clean.isEmpty() || digits.startsWith("_") || !allDigits(clean, radix)) {
            d.error(KdCode.KD0005, span, "malformed integer literal '" + text + "'");
            return BigInteger.ZERO;
        }
        return new BigInteger(clean, radix);
    }

    /** Plain decimal digits, the common case, which fits a long when at most 18 long. */
    private static boolean allDecimal(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    private static boolean allDigits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) if (Character.digit(s.charAt(i), radix) < 0) return false;
        return true;
    }

    /** The bytes between the quotes of a string or character literal. */
    static byte[] bytes(SourceFile source, int start, String quoted, Diagnostics d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = quoted.substring(1, quoted.length() - 1);
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                byte[] utf8 = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < body.length()) {
                    utf8 = body.substring(i, i + 2).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(utf8);
                continue;
            }
            int at = start + 1 + i;
            char e = i + 1 < body.length() ? body.charAt(i + 1) : '\\';
            i++;
            switch (e) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\' -> out.write('\\');
                case '\'' -> out.write('\'');
                case '"' -> out.write('"');
                case 'x' -> {
                    String hex = body.substring(Math.min(i + 1, body.length()), Math.min(i + 3, body.length()));
                    if (hex.length() == 2 && Character.digit(hex.charAt(0), 16) >= 0 && Character.digit(hex.charAt(1), 16) >= 0) {
                        out.write(Integer.parseInt(hex, 16));
                        i += 2;
                    } else {
                        d.error(KdCode.KD0004, new Span(source, at, Math.min(at + 2, source.text().length())),
                                "'\\x' must be followed by two hexadecimal digits");
                    }
                }
                default -> d.error(KdCode.KD0004, new Span(source, at, Math.min(at + 2, source.text().length())),
                        "unknown escape sequence '\\" + e + "'");
            }
        }
        return out.toByteArray();
    }
}
