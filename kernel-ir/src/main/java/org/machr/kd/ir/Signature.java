package org.machr.kd.ir;

import java.util.List;
import java.util.stream.Collectors;

/** Parameter types and the result type ({@code null} for none) of a function. */
public record Signature(List<IrType> params, IrType result) {

    public Signature {
        params = List.copyOf(params);
    }

    @Override
    public String toString() {
        return "(" + params.stream().map(IrType::text).collect(Collectors.joining(", ")) + ")"
                + (result == null ? "" : " -> " + result.text());
    }
}
