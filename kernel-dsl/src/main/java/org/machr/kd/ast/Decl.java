package org.machr.kd.ast;

import java.util.List;
import org.machr.diag.Span;

/** A top-level declaration of a module (docs/language.md §4, §12). */
public sealed interface Decl {

    String name();

    /** The span of the declared name: where duplicate-definition errors point. */
    Span nameSpan();

    boolean pub();

    record Fn(String name, Span nameSpan, boolean pub, boolean unsafe, boolean extern, List<Param> params,
              TypeExpr result, Stmt.Block body, List<Attribute> attributes) implements Decl {}

    record Struct(String name, Span nameSpan, boolean pub, List<Field> fields, List<Attribute> attributes)
            implements Decl {}

    record Enum(String name, Span nameSpan, boolean pub, TypeExpr repr, List<Variant> variants) implements Decl {}

    record Const(String name, Span nameSpan, boolean pub, TypeExpr type, Expr value) implements Decl {}

    /** A global {@code let} (read-only) or {@code var}; {@code init} may be null (zero). */
    record Global(String name, Span nameSpan, boolean pub, boolean mutable, TypeExpr type, Expr init,
                  List<Attribute> attributes) implements Decl {}

    /** {@code trap NUMBER name(params) -> result = handler;} */
    record Trap(String name, Span nameSpan, long number, Span numberSpan, List<Param> params, TypeExpr result,
                List<String> handler, Span handlerSpan) implements Decl {
        public boolean pub() { return true; }
    }

    /** {@code interface name from "file.defs" served by server;} */
    record Interface(String name, Span nameSpan, String defsPath, Span pathSpan, String server, Span serverSpan)
            implements Decl {
        public boolean pub() { return true; }
    }

    record System(String name, Span nameSpan, List<SystemItem> items) implements Decl {
        public boolean pub() { return true; }
    }

    record Param(String name, Span span, TypeExpr type) {}

    record Field(String name, Span span, TypeExpr type, List<Attribute> attributes) {}

    record Variant(String name, Span span, Expr value) {}

    /** {@code #[name(args)]}; each argument is a {@code String}, {@code java.math.BigInteger} or identifier. */
    record Attribute(String name, Span span, List<Object> args) {}
}
