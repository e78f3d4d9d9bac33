package org.machr.mig.cpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.machr.mig.cpp.SourceStack.Conditional;
import org.machr.mig.cpp.SourceStack.Frame;

/**
 * Runs the preprocessing directives (C11 6.10): conditional inclusion, source file inclusion, macro
 * definition, {@code #line}, {@code #error}, {@code #warning}; {@code #pragma} and {@code #ident} are
 * accepted and ignored with a warning; other names are an error.
 */
final class Directives implements SourceStack.DirectiveRunner {

    /** Opens an included file; implemented by {@link Preprocessor}. */
    interface Includer {
        void include(PpToken directive, String name, boolean angled, Frame from);
    }

    private final Map<String, Macro> macros;
    private final MacroExpander expander;
    private final Spans spans;
    private final Includer includer;

    Directives(Map<String, Macro> macros, MacroExpander expander, Spans spans, Includer includer) {
        this.macros = macros;
        this.expander = expander;
        this.spans = spans;
        this.includer = includer;
    }

    @Override
    public void run(PpToken hash, Frame frame) {
        PpToken name = frame.readOnLine();
        if (name == null) return; // the null directive
        if (!name.isIdentifier()) {
            if (name.kind() == PpKind.NUMBER) { // GNU "# 33 "file"" line markers in the input
                lineDirective(name, prepend(name, rest(frame)), frame);
                return;
            }
            spans.error(CppCode.UNKNOWN_DIRECTIVE, name, "invalid preprocessing directive #" + name.text());
            rest(frame);
            return;
        }
        switch (name.text()) {
            case "define" -> define(name, rest(frame));
            case "undef" -> undef(name, rest(frame));
            case "include" -> include(name, frame);
            case "if" -> beginIf(frame, name, evaluate(name, rest(frame)));
            case "ifdef", "ifndef" -> beginIf(frame, name, ifdef(name, rest(frame)));
            case "elif", "else" -> alternative(frame, name);
            case "endif" -> endif(frame, name);
            case "line" -> lineDirective(name, expander.expandAll(rest(frame), name), frame);
            case "error" -> spans.error(CppCode.ERROR_DIRECTIVE, name, "#error " + spell(rest(frame)));
            case "warning" -> spans.report(CppCode.WARNING_DIRECTIVE, name, "#warning " + spell(rest(frame)));
            case "pragma", "ident", "sccs" -> {
                rest(frame);
                spans.report(CppCode.IGNORED_DIRECTIVE, name, "#" + name.text() + " ignored");
            }
            default -> {
                rest(frame);
                spans.error(CppCode.UNKNOWN_DIRECTIVE, name, "invalid preprocessing directive #" + name.text());
            }
        }
    }

    private static List<PpToken> rest(Frame frame) {
        List<PpToken> line = new ArrayList<>();
        for (PpToken t = frame.readOnLine(); t != null; t = frame.readOnLine()) line.add(t);
        return line;
    }

    private static List<PpToken> prepend(PpToken first, List<PpToken> rest) {
        List<PpToken> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    static String spell(List<PpToken> tokens) {
        StringBuilder s = new StringBuilder();
        for (PpToken t : tokens) {
            if (!s.isEmpty() && t.spaceBefore()) s.append(' ');
            s.append(t.text());
        }
        return s.toString();
    }

    private void define(PpToken directive, List<PpToken> line) {
        Macro m = MacroDefinitions.parse(directive, line, spans);
        if (m == null) return;
        Macro old = macros.get(m.name());
        if (old != null && !old.sameDefinitionAs(m)) {
            spans.report(CppCode.MACRO_REDEFINED, m.site(), "\"" + m.name() + "\" redefined",
                    old.site() == null ? "the previous definition was built in or on the command line"
                            : "the previous definition is at " + Spans.of(old.site()).location());
        }
        macros.put(m.name(), m);
    }

    private void undef(PpToken directive, List<PpToken> line) {
        if (line.isEmpty() || !line.getFirst().isIdentifier()) {
            spans.error(CppCode.MACRO_NAME_OR_PARAMS, line.isEmpty() ? directive : line.getFirst(), "macro names must be identifiers");
            return;
        }
        extra(directive, line, 1);
        macros.remove(line.getFirst().text());
    }

    private void include(PpToken directive, Frame frame) {
        PpToken header = frame.lexer.headerName();
        List<PpToken> line;
        if (header != null) {
            line = prepend(header, rest(frame));
        } else {
            line = rest(frame);
            if (!line.isEmpty() && !(line.getFirst().kind() == PpKind.STRING && line.getFirst().text().startsWith("\""))) {
                line = expander.expandAll(line, directive); // C11 6.10.2p4: a computed include
                if (!line.isEmpty() && line.getFirst().is("<")) line = List.of(glueAngled(line));
            }
        }
        if (line.isEmpty()) {
            spans.error(CppCode.INCLUDE_SYNTAX, directive, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        PpToken file = line.getFirst();
        String text = file.text();
        boolean angled = text.startsWith("<") && text.endsWith(">") && text.length() > 2;
        boolean quoted = file.kind() == PpKind.STRING && text.startsWith("\"") && text.length() > 2;
        if (!angled && !quoted) {
            spans.error(CppCode.INCLUDE_SYNTAX, file, "#include expects \"FILENAME\" or <FILENAME>");
            return;
        }
        extra(directive, line, 1);
        includer.include(file, text.substring(1, text.length() - 1), angled, frame);
    }

    private PpToken glueAngled(List<PpToken> tokens) {
        StringBuilder s = new StringBuilder();
        for (PpToken t : tokens) {
            if (!s.isEmpty() && t.spaceBefore()) s.append(' ');
            s.append(t.text());
            if (t.is(">")) break;
        }
        return tokens.getFirst().withText(PpKind.STRING, s.toString());
    }

    private void extra(PpToken directive, List<PpToken> line, int expected) {
        if (line.size() > expected) {
            spans.report(CppCode.EXTRA_TOKENS, line.get(expected), "extra tokens at end of #" + directive.text() + " directive");
        }
    }

    private boolean ifdef(PpToken directive, List<PpToken> line) {
        if (line.isEmpty() || !line.getFirst().isIdentifier()) {
            spans.error(CppCode.MACRO_NAME_OR_PARAMS, line.isEmpty() ? directive : line.getFirst(),
                    "#" + directive.text() + " expects a macro name");
            return false;
        }
        extra(directive, line, 1);
        boolean defined = isDefined(line.getFirst().text());
        return directive.text().equals("ifdef") == defined;
    }

    private boolean isDefined(String name) {
        return macros.containsKey(name) || name.equals("__FILE__") || name.equals("__LINE__");
    }

    /** C11 6.10.1p4: {@code defined} is replaced before macro expansion, then the rest is expanded. */
    private boolean evaluate(PpToken directive, List<PpToken> line) {
        List<PpToken> resolved = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            PpToken t = line.get(i);
            if (!t.is("defined") || !t.isIdentifier()) {
                resolved.add(t);
                continue;
            }
            boolean paren = i + 1 < line.size() && line.get(i + 1).is("(");
            int at = i + (paren ? 2 : 1);
            if (at >= line.size() || !line.get(at).isIdentifier() || paren && (at + 1 >= line.size() || !line.get(at + 1).is(")"))) {
                spans.error(CppCode.BAD_EXPRESSION, t, "operator \"defined\" requires an identifier");
                return false;
            }
            resolved.add(t.withText(PpKind.NUMBER, isDefined(line.get(at).text()) ? "1" : "0"));
            i = at + (paren ? 1 : 0);
        }
        try {
            return IfExpression.evaluate(expander.expandAll(resolved, directive), directive, spans).isTrue();
        } catch (IfExpression.Failure f) {
            spans.error(f.code, f.at, f.getMessage());
            return false;
        }
    }

    private void beginIf(Frame frame, PpToken directive, boolean value) {
        frame.conditionals.addLast(new Conditional(directive, value));
        if (!value) skipGroup(frame);
    }

    private void alternative(Frame frame, PpToken directive) {
        Conditional c = frame.conditionals.peekLast();
        List<PpToken> line = rest(frame);
        if (c == null || c.elseSeen) {
            spans.error(CppCode.UNBALANCED_CONDITIONAL, directive, c == null ? "#" + directive.text() + " without #if"
                    : "#" + directive.text() + " after #else", c == null ? new String[0]
                    : new String[] {"the #else is at " + Spans.of(c.site).location()});
            return;
        }
        if (directive.text().equals("else")) {
            extra(directive, line, 0);
            c.elseSeen = true;
        }
        // a group was being read, so every later group of this conditional is skipped
        c.taken = true;
        skipGroup(frame);
    }

    private void endif(Frame frame, PpToken directive) {
        extra(directive, rest(frame), 0);
        if (frame.conditionals.pollLast() == null) {
            spans.error(CppCode.UNBALANCED_CONDITIONAL, directive, "#endif without #if");
        }
    }

    /**
     * Skips lines until the {@code #elif}, {@code #else} or {@code #endif} of the innermost conditional
     * that selects a group (then reads on) or ends it.
     */
    private void skipGroup(Frame frame) {
        Conditional c = frame.conditionals.peekLast();
        frame.lexer.setQuiet(true);
        try {
            int depth = 0;
            while (true) {
                PpToken t = frame.read();
                if (t.kind() == PpKind.END_OF_FILE) {
                    frame.lookahead = t;
                    return;
                }
                if (!(t.atLineStart() && t.is("#"))) continue;
                PpToken name = frame.readOnLine();
                if (name == null || !name.isIdentifier()) continue;
                switch (name.text()) {
                    case "if", "ifdef", "ifndef" -> depth++;
                    case "endif" -> {
                        if (depth-- == 0) {
                            frame.lexer.setQuiet(false);
                            endif(frame, name);
                            return;
                        }
                    }
                    case "else", "elif" -> {
                        if (depth > 0) break;
                        if (c.elseSeen) {
                            spans.error(CppCode.UNBALANCED_CONDITIONAL, name, "#" + name.text() + " after #else",
                                    "the #else is at " + Spans.of(c.site).location());
                            break;
                        }
                        if (name.text().equals("else")) {
                            c.elseSeen = true;
                            c.site = name;
                            extra(name, rest(frame), 0);
                            if (!c.taken) {
                                c.taken = true;
                                return;
                            }
                        } else if (!c.taken) {
                            frame.lexer.setQuiet(false);
                            boolean v = evaluate(name, rest(frame));
                            frame.lexer.setQuiet(true);
                            if (v) {
                                c.taken = true;
                                return;
                            }
                        }
                    }
                    default -> { }
                }
            }
        } finally {
            frame.lexer.setQuiet(false);
        }
    }

    private void lineDirective(PpToken directive, List<PpToken> line, Frame frame) {
        if (line.isEmpty() || line.getFirst().kind() != PpKind.NUMBER || !line.getFirst().text().chars().allMatch(Character::isDigit)) {
            spans.error(CppCode.BAD_LINE_DIRECTIVE, line.isEmpty() ? directive : line.getFirst(),
                    "#line expects a positive decimal line number");
            return;
        }
        String name = null;
        if (line.size() > 1) {
            PpToken file = line.get(1);
            if (file.kind() != PpKind.STRING || !file.text().startsWith("\"")) {
                spans.error(CppCode.BAD_LINE_DIRECTIVE, file, "invalid filename \"" + file.text() + "\" in #line");
                return;
            }
            name = unquote(file.text());
        }
        int physical = frame.lexer.physicalLine(directive.offset());
        frame.context().renumber(physical, Integer.parseInt(line.getFirst().text()), name);
        frame.renumberLookahead();
    }

    private static String unquote(String literal) {
        String s = literal.substring(1, literal.length() - 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) c = s.charAt(++i);
            b.append(c);
        }
        return b.toString();
    }
}
