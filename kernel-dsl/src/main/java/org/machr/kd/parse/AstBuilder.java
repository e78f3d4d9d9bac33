package org.machr.kd.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.ModuleFile;
import org.machr.kd.ast.Stmt;
import org.machr.kd.ast.TypeExpr;

/** Turns an error-free parse tree into the AST of {@code org.machr.kd.ast}. */
final class AstBuilder {

    private final SourceFile source;
    private final Diagnostics diagnostics;
    private final SystemBuilder systems;
    private final Map<String, String> names = new HashMap<>();

    AstBuilder(SourceFile source, Diagnostics diagnostics) {
        this.source = source;
        this.diagnostics = diagnostics;
        this.systems = new SystemBuilder(this, diagnostics);
    }

    ModuleFile file(KdParser.FileContext ctx) {
        List<Decl> decls = new ArrayList<>();
        for (KdParser.ItemContext item : ctx.item()) decls.add(item(item));
        return file(ctx, decls);
    }

    /** The module of a file whose items were already turned into {@code decls}. */
    ModuleFile file(KdParser.FileContext ctx, List<Decl> decls) {
        String declared = null;
        Span declaredSpan = null;
        if (ctx.moduleDecl() != null) {
            declared = pathText(ctx.moduleDecl().path());
            declaredSpan = span(ctx.moduleDecl().path());
        }
        List<ModuleFile.Use> uses = new ArrayList<>();
        for (KdParser.UseDeclContext u : ctx.useDecl()) {
            uses.add(new ModuleFile.Use(path(u.path()), u.IDENT() == null ? null : name(u.IDENT()), span(u.path())));
        }
        return new ModuleFile(source, declared, declaredSpan, uses, decls);
    }

    Decl item(KdParser.ItemContext ctx) {
        if (ctx.trapDecl() != null) return systems.trap(ctx.trapDecl());
        if (ctx.interfaceDecl() != null) return systems.iface(ctx.interfaceDecl());
        if (ctx.systemDecl() != null) return systems.system(ctx.systemDecl());
        List<Decl.Attribute> attrs = new ArrayList<>();
        for (KdParser.AttributeContext a : ctx.attribute()) attrs.add(attribute(a));
        boolean pub = ctx.PUB() != null;
        return switch (ctx.decl()) {
            case KdParser.FnDeclContext f -> new Decl.Fn(name(f.IDENT()), span(f.IDENT()), pub, f.UNSAFE() != null,
                    false, params(f.params()), f.type() == null ? null : type(f.type()), block(f.block()), attrs);
            case KdParser.ExternFnDeclContext f -> new Decl.Fn(name(f.IDENT()), span(f.IDENT()), pub, true, true,
                    params(f.params()), f.type() == null ? null : type(f.type()), null, attrs);
            case KdParser.StructDeclContext s -> {
                List<Decl.Field> fields = new ArrayList<>();
                for (KdParser.FieldContext fc : s.field()) {
                    List<Decl.Attribute> fa = new ArrayList<>();
                    for (KdParser.AttributeContext a : fc.attribute()) fa.add(attribute(a));
                    fields.add(new Decl.Field(name(fc.IDENT()), span(fc.IDENT()), type(fc.type()), fa));
                }
                yield new Decl.Struct(name(s.IDENT()), span(s.IDENT()), pub, fields, attrs);
            }
            case KdParser.EnumDeclContext e -> {
                List<Decl.Variant> variants = new ArrayList<>();
                for (KdParser.VariantContext v : e.variant()) {
                    variants.add(new Decl.Variant(name(v.IDENT()), span(v.IDENT()), v.expr() == null ? null : expr(v.expr())));
                }
                yield new Decl.Enum(name(e.IDENT()), span(e.IDENT()), pub, type(e.type()), variants);
            }
            case KdParser.ConstDeclContext c -> new Decl.Const(name(c.IDENT()), span(c.IDENT()), pub, type(c.type()),
                    expr(c.expr()));
            case KdParser.GlobalDeclContext g -> new Decl.Global(name(g.IDENT()), span(g.IDENT()), pub,
                    g.kind.getType() == KdParser.VAR, type(g.type()), g.expr() == null ? null : expr(g.expr()), attrs);
            default -> throw new IllegalStateException("unknown declaration " + ctx.decl().getClass());
        };
    }

    private Decl.Attribute attribute(KdParser.AttributeContext ctx) {
        List<Object> args = new ArrayList<>();
        for (KdParser.AttrArgContext a : ctx.attrArg()) {
            if (a.STRING() != null) {
                args.add(new String(Literals.bytes(source, a.STRING().getSymbol().getStartIndex(), a.getText(), diagnostics),
                        java.nio.charset.StandardCharsets.UTF_8));
            } else if (a.INT() != null) {
                args.add(Literals.integer(a.getText(), span(a), diagnostics));
            } else {
                args.add(a.getText());
            }
        }
        return new Decl.Attribute(name(ctx.IDENT()), span(ctx), args);
    }

    List<Decl.Param> params(KdParser.ParamsContext ctx) {
        List<Decl.Param> out = new ArrayList<>();
        if (ctx == null) return out;
        for (KdParser.ParamContext p : ctx.param()) out.add(new Decl.Param(name(p.IDENT()), span(p.IDENT()), type(p.type())));
        return out;
    }

    TypeExpr type(KdParser.TypeContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case KdParser.NamedTypeContext n -> new TypeExpr.Named(path(n.path()), span);
            case KdParser.PointerTypeContext p -> new TypeExpr.Pointer(type(p.type()), false, span);
            case KdParser.NullablePointerTypeContext p -> new TypeExpr.Pointer(type(p.type()), true, span);
            case KdParser.ArrayTypeContext a -> new TypeExpr.Array(expr(a.expr()), type(a.type()), span);
            case KdParser.SliceTypeContext s -> new TypeExpr.Slice(type(s.type()), span);
            case KdParser.FnTypeContext f -> {
                List<KdParser.TypeContext> all = f.type();
                boolean hasResult = f.ARROW() != null;
                List<TypeExpr> params = new ArrayList<>();
                for (int i = 0; i < all.size() - (hasResult ? 1 : 0); i++) params.add(type(all.get(i)));
                yield new TypeExpr.Fn(params, hasResult ? type(all.get(all.size() - 1)) : null, span);
            }
            default -> throw new IllegalStateException("unknown type " + ctx.getClass());
        };
    }

    Stmt.Block block(KdParser.BlockContext ctx) {
        List<Stmt> stmts = new ArrayList<>();
        for (KdParser.StmtContext s : ctx.stmt()) stmts.add(stmt(s));
        return new Stmt.Block(stmts, span(ctx), span(ctx.stop));
    }

    private Stmt stmt(KdParser.StmtContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case KdParser.LetStmtContext l -> new Stmt.Local(name(l.IDENT()), span(l.IDENT()), false,
                    l.type() == null ? null : type(l.type()), expr(l.expr()), span);
            case KdParser.VarStmtContext v -> new Stmt.Local(name(v.IDENT()), span(v.IDENT()), true,
                    v.type() == null ? null : type(v.type()), v.expr() == null ? null : expr(v.expr()), span);
            case KdParser.IfLetStmtContext i -> ifLet(i.ifLet());
            case KdParser.IfStmtContext i -> ifThen(i.ifThen());
            case KdParser.WhileStmtContext w -> new Stmt.While(expr(w.expr()), block(w.block()), span);
            case KdParser.ForStmtContext f -> new Stmt.For(name(f.IDENT()), span(f.IDENT()), expr(f.expr(0)),
                    expr(f.expr(1)), block(f.block()), span);
            case KdParser.LoopStmtContext l -> new Stmt.Loop(block(l.block()), span);
            case KdParser.BreakStmtContext b -> new Stmt.Break(span(b.BREAK()));
            case KdParser.ContinueStmtContext c -> new Stmt.Continue(span(c.CONTINUE()));
            case KdParser.ReturnStmtContext r -> new Stmt.Return(r.expr() == null ? null : expr(r.expr()), span);
            case KdParser.DeferStmtContext d -> new Stmt.Defer(stmt(d.stmt()), span);
            case KdParser.MatchStmtContext m -> {
                List<Stmt.Arm> arms = new ArrayList<>();
                for (KdParser.MatchArmContext a : m.matchArm()) arms.add(arm(a));
                yield new Stmt.Match(expr(m.expr()), arms, span);
            }
            case KdParser.UnsafeStmtContext u -> new Stmt.Unsafe(block(u.block()), span);
            case KdParser.BlockStmtContext b -> block(b.block());
            case KdParser.SimpleStmtContext s -> simple(s.expr(), s.assignOp(), span);
            default -> throw new IllegalStateException("unknown statement " + ctx.getClass());
        };
    }

    private Stmt simple(List<KdParser.ExprContext> exprs, KdParser.AssignOpContext op, Span span) {
        if (op == null) return new Stmt.ExprStmt(expr(exprs.get(0)), span);
        String text = op.getStart().getText();
        Expr.BinaryOp binary = text.equals("=") ? null : Expr.BinaryOp.of(text.substring(0, text.length() - 1));
        return new Stmt.Assign(expr(exprs.get(0)), binary, expr(exprs.get(1)), span);
    }

    private Stmt.Arm arm(KdParser.MatchArmContext ctx) {
        List<Stmt.Pattern> patterns = new ArrayList<>();
        boolean wildcard = false;
        for (KdParser.PatternContext p : ctx.pattern()) {
            Span span = span(p);
            switch (p) {
                case KdParser.IntPatternContext i -> {
                    BigInteger v = Literals.integer(i.INT().getText(), span(i.INT()), diagnostics);
                    patterns.add(new Stmt.ValuePattern(new Expr.IntLit(i.MINUS() != null ? v.negate() : v, span), span));
                }
                case KdParser.CharPatternContext c -> patterns.add(new Stmt.ValuePattern(charLiteral(c.CHAR()), span));
                case KdParser.PathPatternContext n -> {
                    List<String> path = path(n.path());
                    if (path.size() == 1 && path.get(0).equals("_")) {
                        wildcard = true;
                        patterns.add(new Stmt.Wildcard(span));
                    } else {
                        patterns.add(new Stmt.ValuePattern(pathExpr(n.path()), span));
                    }
                }
                default -> throw new IllegalStateException("unknown pattern");
            }
        }
        Stmt stmt = switch (ctx.armBody()) {
            case KdParser.BlockArmContext b -> block(b.block());
            case KdParser.SimpleArmContext s -> simple(s.expr(), s.assignOp(), span(s));
            case KdParser.ReturnArmContext r -> new Stmt.Return(r.expr() == null ? null : expr(r.expr()), span(r));
            case KdParser.BreakArmContext b -> new Stmt.Break(span(b.BREAK()));
            case KdParser.ContinueArmContext k -> new Stmt.Continue(span(k.CONTINUE()));
            default -> throw new IllegalStateException("unknown arm body");
        };
        List<Stmt.Pattern> kept = wildcard ? List.of(new Stmt.Wildcard(span(ctx))) : patterns;
        return new Stmt.Arm(kept, stmt, span(ctx));
    }

    private Stmt ifThen(KdParser.IfThenContext ctx) {
        return new Stmt.If(expr(ctx.expr()), block(ctx.block()), elseBranch(ctx.elseBranch()), span(ctx));
    }

    private Stmt ifLet(KdParser.IfLetContext ctx) {
        return new Stmt.IfLet(name(ctx.IDENT()), span(ctx.IDENT()), expr(ctx.expr()), block(ctx.block()),
                elseBranch(ctx.elseBranch()), span(ctx));
    }

    private Stmt elseBranch(KdParser.ElseBranchContext ctx) {
        if (ctx == null) return null;
        if (ctx.block() != null) return block(ctx.block());
        if (ctx.ifThen() != null) return ifThen(ctx.ifThen());
        return ifLet(ctx.ifLet());
    }

    Expr expr(KdParser.ExprContext ctx) {
        if (ctx instanceof KdParser.PrimaryExprContext p) return primary(p.primary());
        Span span = span(ctx);
        return switch (ctx) {
            case KdParser.PrimaryExprContext p -> primary(p.primary());
            case KdParser.CallExprContext c -> {
                List<Expr> args = new ArrayList<>();
                for (int i = 1; i < c.expr().size(); i++) args.add(expr(c.expr(i)));
                yield new Expr.Call(expr(c.expr(0)), args, span);
            }
            case KdParser.SliceExprContext s -> new Expr.SliceOf(expr(s.expr(0)), expr(s.expr(1)), expr(s.expr(2)), span);
            case KdParser.IndexExprContext i -> new Expr.Index(expr(i.expr(0)), expr(i.expr(1)), span);
            case KdParser.StructLitExprContext s -> {
                List<Expr.FieldInit> inits = new ArrayList<>();
                for (KdParser.FieldInitContext f : s.fieldInit()) {
                    inits.add(new Expr.FieldInit(name(f.IDENT()), span(f.IDENT()), expr(f.expr())));
                }
                yield new Expr.StructLit(expr(s.expr()), inits, span);
            }
            case KdParser.FieldExprContext f -> new Expr.Member(expr(f.expr()), name(f.IDENT()), span(f.IDENT()), span);
            case KdParser.UnaryExprContext u -> unary(u, span);
            case KdParser.CastExprContext c -> new Expr.Cast(expr(c.expr()), type(c.type()), span);
            case KdParser.BinaryExprContext b -> binary(b, span);
            default -> throw new IllegalStateException("unknown expression " + ctx.getClass());
        };
    }

    private Expr unary(KdParser.UnaryExprContext u, Span span) {
        Expr operand = expr(u.expr());
        Expr.UnaryOp op = switch (u.op.getText()) {
            case "-" -> Expr.UnaryOp.NEG;
            case "!" -> Expr.UnaryOp.NOT;
            case "~" -> Expr.UnaryOp.COMPLEMENT;
            case "*" -> Expr.UnaryOp.DEREF;
            default -> Expr.UnaryOp.ADDRESS_OF;
        };
        if (op == Expr.UnaryOp.NEG && operand instanceof Expr.IntLit lit) return new Expr.IntLit(lit.value().negate(), span);
        return new Expr.Unary(op, operand, span);
    }

    private Expr binary(KdParser.BinaryExprContext b, Span span) {
        Expr.BinaryOp op = binaryOp(b.op);
        if (op.isComparison()) {
            for (KdParser.ExprContext side : b.expr()) {
                if (side instanceof KdParser.BinaryExprContext inner && binaryOp(inner.op).isComparison()) {
                    diagnostics.error(KdCode.KD0010, span(b.op), "comparison operators cannot be chained; use parentheses");
                }
            }
        }
        return new Expr.Binary(op, expr(b.expr(0)), expr(b.expr(1)), span(b.op), span);
    }

    private static Expr.BinaryOp binaryOp(Token op) {
        return switch (op.getType()) {
            case KdParser.STAR -> Expr.BinaryOp.MUL;
            case KdParser.SLASH -> Expr.BinaryOp.DIV;
            case KdParser.PERCENT -> Expr.BinaryOp.REM;
            case KdParser.PLUS -> Expr.BinaryOp.ADD;
            case KdParser.MINUS -> Expr.BinaryOp.SUB;
            case KdParser.SHL -> Expr.BinaryOp.SHL;
            case KdParser.SHR -> Expr.BinaryOp.SHR;
            case KdParser.AMP -> Expr.BinaryOp.AND;
            case KdParser.CARET -> Expr.BinaryOp.XOR;
            case KdParser.PIPE -> Expr.BinaryOp.OR;
            case KdParser.EQ -> Expr.BinaryOp.EQ;
            case KdParser.NE -> Expr.BinaryOp.NE;
            case KdParser.LT -> Expr.BinaryOp.LT;
            case KdParser.LE -> Expr.BinaryOp.LE;
            case KdParser.GT -> Expr.BinaryOp.GT;
            case KdParser.GE -> Expr.BinaryOp.GE;
            case KdParser.ANDAND -> Expr.BinaryOp.ANDAND;
            case KdParser.OROR -> Expr.BinaryOp.OROR;
            default -> Expr.BinaryOp.of(op.getText());
        };
    }

    private Expr primary(KdParser.PrimaryContext ctx) {
        Span span = span(ctx);
        return switch (ctx) {
            case KdParser.IntLitContext i -> new Expr.IntLit(Literals.integer(i.INT().getText(), span, diagnostics), span);
            case KdParser.CharLitContext c -> charLiteral(c.CHAR());
            case KdParser.StringLitContext s -> new Expr.StrLit(
                    Literals.bytes(source, s.STRING().getSymbol().getStartIndex(), s.STRING().getText(), diagnostics), span);
            case KdParser.TrueLitContext t -> new Expr.BoolLit(true, span);
            case KdParser.FalseLitContext f -> new Expr.BoolLit(false, span);
            case KdParser.NullLitContext n -> new Expr.NullLit(span);
            case KdParser.NameExprContext n -> new Expr.Name(name(n.IDENT()), span);
            case KdParser.ParenExprContext p -> expr(p.expr());
            case KdParser.ArrayRepeatContext r -> new Expr.ArrayRepeat(expr(r.expr(0)), expr(r.expr(1)), span);
            case KdParser.ArrayLitContext a -> {
                List<Expr> elements = new ArrayList<>();
                for (KdParser.ExprContext e : a.expr()) elements.add(expr(e));
                yield new Expr.ArrayLit(elements, span);
            }
            case KdParser.SizeofExprContext s -> new Expr.TypeQuery(false, type(s.type()), span);
            case KdParser.AlignofExprContext a -> new Expr.TypeQuery(true, type(a.type()), span);
            case KdParser.OffsetofExprContext o -> new Expr.OffsetOf(type(o.type()), name(o.IDENT()), span(o.IDENT()), span);
            case KdParser.IntrinsicExprContext i -> {
                List<Expr> args = new ArrayList<>();
                for (KdParser.ExprContext e : i.expr()) args.add(expr(e));
                yield new Expr.Intrinsic(i.INTRINSIC().getText().substring(1), span(i.INTRINSIC()), args, span);
            }
            default -> throw new IllegalStateException("unknown primary " + ctx.getClass());
        };
    }

    private Expr charLiteral(TerminalNode node) {
        Span span = span(node);
        byte[] bytes = Literals.bytes(source, node.getSymbol().getStartIndex(), node.getText(), diagnostics);
        if (bytes.length != 1) {
            diagnostics.error(KdCode.KD0006, span, "character literal must hold exactly one byte");
            return new Expr.IntLit(BigInteger.ZERO, span);
        }
        return new Expr.IntLit(BigInteger.valueOf(bytes[0] & 0xff), span);
    }

    /** A path in a pattern as a chain of names and members, e.g. {@code Right.Send}. */
    private Expr pathExpr(KdParser.PathContext ctx) {
        List<TerminalNode> ids = ctx.IDENT();
        Expr e = new Expr.Name(name(ids.get(0)), span(ids.get(0)));
        for (int i = 1; i < ids.size(); i++) {
            Span s = new Span(source, span(ids.get(0)).start(), span(ids.get(i)).end());
            e = new Expr.Member(e, name(ids.get(i)), span(ids.get(i)), s);
        }
        return e;
    }

    List<String> path(KdParser.PathContext ctx) {
        List<TerminalNode> ids = ctx.IDENT();
        List<String> out = new ArrayList<>(ids.size());
        for (TerminalNode id : ids) out.add(name(id));
        return out;
    }

    String pathText(KdParser.PathContext ctx) {
        return String.join(".", path(ctx));
    }

    /**
     * An identifier's text, one String per distinct name in the file: a large program repeats a few
     * names many times, and the AST keeps them all.
     */
    String name(TerminalNode identifier) {
        String text = identifier.getText();
        String known = names.putIfAbsent(text, text);
        return known != null ? known : text;
    }

    Span span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop() == null ? start : ctx.getStop();
        int s = Math.min(start.getStartIndex(), source.text().length());
        int e = Math.min(Math.max(stop.getStopIndex() + 1, s), source.text().length());
        return new Span(source, s, e);
    }

    Span span(TerminalNode node) {
        return span(node.getSymbol());
    }

    Span span(Token t) {
        return KdParse.spanOf(source, t);
    }

    SourceFile source() {
        return source;
    }
}
