package org.machr.kd.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Parameter types and result types of a function. Most functions have zero or one result; a slice
 * result (pointer and length, returned in two registers by both native ABIs) has two.
 */
public record Signature(List<IrType> params, List<IrType> results) {

    public Signature {
        params = List.copyOf(params);
        results = List.copyOf(results);
    }

    /** A signature with one result, or none when {@code result} is {@code null}. */
    public Signature(List<IrType> params, IrType result) {
        this(params, result == null ? List.of() : List.of(result));
    }

    /** The first result, or {@code null} when there is none. */
    public IrType result() {
        return results.isEmpty() ? null : results.get(0);
    }

    @Override
    public String toString() {
        String r = results.isEmpty() ? "" : results.size() == 1 ? " -> " + results.get(0).text()
                : " -> (" + results.stream().map(IrType::text).collect(Collectors.joining(", ")) + ")";
        return "(" + params.stream().map(IrType::text).collect(Collectors.joining(", ")) + ")" + r;
    }
}
