package org.machr.kd.ast;

import java.util.List;
import org.machr.diag.Span;

/** A statement (docs/language.md §7). */
public sealed interface Stmt {

    Span span();

    /** {@code let}/{@code var}; {@code type} and {@code init} may each be null (not both for let). */
    record Local(String name, Span nameSpan, boolean mutable, TypeExpr type, Expr init, Span span) implements Stmt {}

    /** {@code target = value} or {@code target op= value} ({@code op} null for plain assignment). */
    record Assign(Expr target, Expr.BinaryOp op, Expr value, Span span) implements Stmt {}

    record ExprStmt(Expr expr, Span span) implements Stmt {}

    /** {@code otherwise} is null, a {@link Block}, an {@link If} or an {@link IfLet}. */
    record If(Expr condition, Block then, Stmt otherwise, Span span) implements Stmt {}

    record IfLet(String name, Span nameSpan, Expr value, Block then, Stmt otherwise, Span span) implements Stmt {}

    record While(Expr condition, Block body, Span span) implements Stmt {}

    record For(String name, Span nameSpan, Expr from, Expr to, Block body, Span span) implements Stmt {}

    record Loop(Block body, Span span) implements Stmt {}

    /** {@code { stmt* }}; {@code end} is the closing brace, where fall-off-the-end diagnostics point. */
    record Block(List<Stmt> stmts, Span span, Span end) implements Stmt {}

    record Break(Span span) implements Stmt {}

    record Continue(Span span) implements Stmt {}

    record Return(Expr value, Span span) implements Stmt {}

    record Defer(Stmt body, Span span) implements Stmt {}

    record Match(Expr value, List<Arm> arms, Span span) implements Stmt {}

    /** {@code patterns} empty means the wildcard {@code _}. */
    record Arm(List<Pattern> patterns, Stmt body, Span span) {}

    record Unsafe(Block body, Span span) implements Stmt {}

    sealed interface Pattern {
        Span span();
    }

    record Wildcard(Span span) implements Pattern {}

    /** An integer/char literal or a path naming an enum variant or constant. */
    record ValuePattern(Expr value, Span span) implements Pattern {}
}
