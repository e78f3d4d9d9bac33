package org.machr.kd.parse;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.SystemItem;

/**
 * Builds the description part (docs/language.md §12): traps, interface bindings and systems. Its
 * words ({@code board}, {@code from}, {@code priority}, ...) are identifiers in the grammar and are
 * checked here, with the same "expected X, found Y" syntax errors as the parser.
 */
final class SystemBuilder {

    private final AstBuilder ast;
    private final Diagnostics diagnostics;

    SystemBuilder(AstBuilder ast, Diagnostics diagnostics) {
        this.ast = ast;
        this.diagnostics = diagnostics;
    }

    Decl.Trap trap(KdParser.TrapDeclContext ctx) {
        BigInteger n = Literals.integer(ctx.INT().getText(), ast.span(ctx.INT()), diagnostics);
        if (ctx.MINUS() != null) n = n.negate();
        Span numberSpan = ctx.MINUS() != null
                ? new Span(ast.source(), ast.span(ctx.MINUS()).start(), ast.span(ctx.INT()).end()) : ast.span(ctx.INT());
        return new Decl.Trap(ctx.IDENT().getText(), ast.span(ctx.IDENT()), n.longValue(), numberSpan,
                ast.params(ctx.params()), ctx.type() == null ? null : ast.type(ctx.type()), ast.path(ctx.path()),
                ast.span(ctx.path()));
    }

    Decl.Interface iface(KdParser.InterfaceDeclContext ctx) {
        word(ctx.fromKw, "from");
        word(ctx.servedKw, "served");
        word(ctx.byKw, "by");
        return new Decl.Interface(ctx.IDENT(0).getText(), ast.span(ctx.IDENT(0)), string(ctx.STRING()),
                ast.span(ctx.STRING()), ctx.server.getText(), ast.span(ctx.server));
    }

    Decl.System system(KdParser.SystemDeclContext ctx) {
        List<SystemItem> items = new ArrayList<>();
        for (KdParser.SystemItemContext item : ctx.systemItem()) items.add(item(item));
        return new Decl.System(ctx.IDENT().getText(), ast.span(ctx.IDENT()), items);
    }

    private SystemItem item(KdParser.SystemItemContext ctx) {
        return switch (ctx) {
            case KdParser.BoardItemContext b -> {
                word(b.boardKw, "board");
                List<SystemItem.BoardEntry> entries = new ArrayList<>();
                for (KdParser.BoardEntryContext e : b.boardEntry()) {
                    List<SystemItem.Arg> args = new ArrayList<>();
                    for (KdParser.SysArgContext a : e.sysArg()) {
                        args.add(a.IDENT() != null ? new SystemItem.Arg(a.getText(), null, ast.span(a))
                                : new SystemItem.Arg(null, number(a.sysNum()), ast.span(a)));
                    }
                    entries.add(new SystemItem.BoardEntry(e.IDENT().getText(), ast.span(e.IDENT()), args));
                }
                yield new SystemItem.Board(b.name.getText(), ast.span(b.name), b.arch.getText(), ast.span(b.arch), entries);
            }
            case KdParser.KernelItemContext k -> {
                word(k.kernelKw, "kernel");
                word(k.fromKw, "from");
                yield new SystemItem.Kernel(string(k.STRING()), ast.span(k.STRING()));
            }
            case KdParser.TaskItemContext t -> {
                word(t.taskKw, "task");
                word(t.fromKw, "from");
                word(t.prioKw, "priority");
                List<SystemItem.RightGrant> rights = new ArrayList<>();
                for (KdParser.RightDeclContext r : t.rightDecl()) {
                    rights.add(new SystemItem.RightGrant(r.slot.getText(), ast.span(r.slot), r.right.getText(),
                            ast.span(r.right), r.target.getText(), ast.span(r.target)));
                }
                yield new SystemItem.Task(t.name.getText(), ast.span(t.name), string(t.STRING()), ast.span(t.STRING()),
                        number(t.sysNum()).longValue(), ast.span(t.sysNum()), rights);
            }
            default -> throw new IllegalStateException("unknown system item");
        };
    }

    /** Numbers in a system may carry a K, M or G suffix (×1024ⁿ). */
    private BigInteger number(KdParser.SysNumContext ctx) {
        String text = ctx.INT().getText();
        int shift = 0;
        char last = text.charAt(text.length() - 1);
        if (!text.startsWith("0x") && !text.startsWith("0X") && (last == 'K' || last == 'M' || last == 'G')) {
            shift = last == 'K' ? 10 : last == 'M' ? 20 : 30;
            text = text.substring(0, text.length() - 1);
        }
        BigInteger v = Literals.integer(text, ast.span(ctx.INT()), diagnostics).shiftLeft(shift);
        return ctx.MINUS() != null ? v.negate() : v;
    }

    private void word(Token token, String expected) {
        if (!token.getText().equals(expected)) {
            diagnostics.error(KdCode.KD0010, ast.span(token), "expected '" + expected + "', found '" + token.getText() + "'");
        }
    }

    private String string(TerminalNode node) {
        return new String(Literals.bytes(ast.source(), node.getSymbol().getStartIndex(), node.getText(), diagnostics),
                StandardCharsets.UTF_8);
    }
}
