package org.machr.kd.check;

import java.util.List;
import java.util.Optional;
import org.machr.kd.ast.Decl;

/** Reading the attributes of docs/language.md §4 (validated by the checker). */
public final class Attributes {

    private Attributes() {}

    public static Optional<String> symbol(List<Decl.Attribute> attributes) {
        return string(attributes, "symbol");
    }

    public static Optional<String> section(List<Decl.Attribute> attributes) {
        return string(attributes, "section");
    }

    public static Optional<Long> align(List<Decl.Attribute> attributes) {
        for (Decl.Attribute a : attributes) {
            if (a.name().equals("align") && a.args().size() == 1 && a.args().get(0) instanceof java.math.BigInteger b
                    && b.bitLength() < 31) {
                return Optional.of(b.longValue());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> string(List<Decl.Attribute> attributes, String name) {
        for (Decl.Attribute a : attributes) {
            if (a.name().equals(name) && a.args().size() == 1 && a.args().get(0) instanceof String s) return Optional.of(s);
        }
        return Optional.empty();
    }
}
