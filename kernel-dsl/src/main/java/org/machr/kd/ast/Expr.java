package org.machr.kd.ast;

import java.math.BigInteger;
import java.util.List;
import org.machr.diag.Span;

/**
 * An expression (docs/language.md §5). Nodes are compared by identity in the checker's side tables,
 * never by value.
 */
public sealed interface Expr {

    Span span();

    record IntLit(BigInteger value, Span span) implements Expr {}

    record BoolLit(boolean value, Span span) implements Expr {}

    record NullLit(Span span) implements Expr {}

    /** The decoded bytes of a string literal. */
    record StrLit(byte[] bytes, Span span) implements Expr {}

    record Name(String name, Span span) implements Expr {}

    /** {@code target.name}: a field, a module member, an enum variant, {@code .len} or {@code .ptr}. */
    record Member(Expr target, String name, Span nameSpan, Span span) implements Expr {}

    record Call(Expr callee, List<Expr> args, Span span) implements Expr {}

    record Index(Expr target, Expr index, Span span) implements Expr {}

    record SliceOf(Expr target, Expr low, Expr high, Span span) implements Expr {}

    record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right, Span opSpan, Span span) implements Expr {}

    record Cast(Expr value, TypeExpr type, Span span) implements Expr {}

    record ArrayLit(List<Expr> elements, Span span) implements Expr {}

    record ArrayRepeat(Expr value, Expr count, Span span) implements Expr {}

    /** {@code Type.{ field: value, ... }}; {@code type} is the path as written. */
    record StructLit(Expr type, List<FieldInit> fields, Span span) implements Expr {}

    record FieldInit(String name, Span span, Expr value) {}

    /** {@code @name(args)}; {@code name} without the {@code @}, e.g. {@code aarch64.msr}. */
    record Intrinsic(String name, Span nameSpan, List<Expr> args, Span span) implements Expr {}

    /** {@code @sizeof(T)} or {@code @alignof(T)}. */
    record TypeQuery(boolean alignment, TypeExpr type, Span span) implements Expr {}

    record OffsetOf(TypeExpr type, String field, Span fieldSpan, Span span) implements Expr {}

    enum UnaryOp {
        NEG("-"), NOT("!"), COMPLEMENT("~"), DEREF("*"), ADDRESS_OF("&");

        public final String symbol;

        UnaryOp(String symbol) { this.symbol = symbol; }
    }

    enum BinaryOp {
        MUL("*"), DIV("/"), REM("%"), ADD("+"), SUB("-"), SHL("<<"), SHR(">>"), AND("&"), XOR("^"), OR("|"),
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), ANDAND("&&"), OROR("||");

        public final String symbol;

        BinaryOp(String symbol) { this.symbol = symbol; }

        public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }

        public boolean isLogical() { return this == ANDAND || this == OROR; }

        public boolean isShift() { return this == SHL || this == SHR; }

        public static BinaryOp of(String symbol) {
            for (BinaryOp op : values()) if (op.symbol.equals(symbol)) return op;
            throw new IllegalArgumentException(symbol);
        }
    }
}
