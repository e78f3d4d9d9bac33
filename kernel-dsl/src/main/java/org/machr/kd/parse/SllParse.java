package org.machr.kd.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.machr.diag.Diagnostic;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.ModuleFile;

/**
 * The fast path of {@link KdParse}: lex on demand, parse with SLL prediction, bail out at the first
 * problem, and build each item's AST as soon as the item is parsed, dropping its parse tree, so the
 * whole file's tree never exists at once. Error tokens of the lexer appear in no parser rule, so a
 * lexical error also makes it bail. The AST builder's own diagnostics are held back until the parse
 * has succeeded: when it gives up, {@link KdParse} starts again from scratch and reports exactly
 * what it always did.
 */
final class SllParse {

    private SllParse() {}

    /** The module's AST, or null when the fast path gave up. */
    static ModuleFile parse(SourceFile source, Diagnostics diagnostics) {
        KdLexer lexer = new KdLexer(CharStreams.fromString(source.text(), source.path()));
        lexer.removeErrorListeners();
        Diagnostics held = new Diagnostics();
        AstBuilder builder = new AstBuilder(source, held);
        ItemByItemParser parser = new ItemByItemParser(new UnbufferedTokenStream<>(lexer), builder);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        KdParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (ParseCancellationException e) {
            return null;
        } catch (StackOverflowError e) {
            // Too deep for this path; the full path decides between a lexical error and KD0007, as before.
            return null;
        }
        ModuleFile file = builder.file(tree, parser.decls);
        for (Diagnostic d : held.all()) diagnostics.report(d);
        return file;
    }

    /**
     * Turns every completed item into its declaration and takes it out of the parse tree. (A parse
     * listener could do the same, but being told of every rule and token costs more than the rest.)
     */
    private static final class ItemByItemParser extends KdParser {
        private final AstBuilder builder;
        final List<Decl> decls = new ArrayList<>();

        ItemByItemParser(TokenStream tokens, AstBuilder builder) {
            super(tokens);
            this.builder = builder;
        }

        @Override
        public void exitRule() {
            ParserRuleContext done = _ctx;
            super.exitRule();
            // An item left by a bail-out (exception set) is incomplete; the parse is abandoned anyway.
            if (done instanceof KdParser.ItemContext item && item.exception == null) {
                decls.add(builder.item(item));
                _ctx.removeLastChild();
            }
        }
    }
}
