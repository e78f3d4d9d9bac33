package org.machr.kd.ast;

import java.util.List;
import org.machr.diag.Span;

/** A type as written (docs/language.md §3); resolved to {@code org.machr.kd.check.Type} by the checker. */
public sealed interface TypeExpr {

    Span span();

    record Named(List<String> path, Span span) implements TypeExpr {}

    record Pointer(TypeExpr pointee, boolean nullable, Span span) implements TypeExpr {}

    record Array(Expr length, TypeExpr element, Span span) implements TypeExpr {}

    record Slice(TypeExpr element, Span span) implements TypeExpr {}

    /** {@code result} null for no result. */
    record Fn(List<TypeExpr> params, TypeExpr result, Span span) implements TypeExpr {}
}
