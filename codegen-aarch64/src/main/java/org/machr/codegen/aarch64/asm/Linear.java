package org.machr.codegen.aarch64.asm;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value of an expression as {@code constant + Σ coefficient × term}, where a term is a symbol or
 * a section's base address. Sums and differences of relocatable values stay linear; anything else
 * needs constants.
 */
record Linear(long constant, Map<String, Long> terms) {

    Linear {
        Map<String, Long> clean = new LinkedHashMap<>();
        terms.forEach((k, v) -> {
            if (v != 0) clean.put(k, v);
        });
        terms = Map.copyOf(clean);
    }

    static Linear of(long c) {
        return new Linear(c, Map.of());
    }

    static Linear term(String name) {
        return new Linear(0, Map.of(name, 1L));
    }

    boolean isConstant() {
        return terms.isEmpty();
    }

    Linear plus(Linear o) {
        Map<String, Long> t = new LinkedHashMap<>(terms);
        o.terms.forEach((k, v) -> t.merge(k, v, Long::sum));
        return new Linear(constant + o.constant, t);
    }

    Linear times(long k) {
        Map<String, Long> t = new LinkedHashMap<>();
        terms.forEach((n, v) -> t.put(n, v * k));
        return new Linear(constant * k, t);
    }
}
