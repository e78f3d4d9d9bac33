package org.machr.mig.cpp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;

/**
 * Macro replacement (C11 6.10.3): object- and function-like macros, argument pre-expansion,
 * {@code #} and {@code ##}, rescanning with hide sets (Prosser's algorithm), GNU {@code , ## __VA_ARGS__},
 * and the built-ins {@code __FILE__} and {@code __LINE__}.
 */
final class MacroExpander {

    private final Map<String, Macro> macros;
    private final Diagnostics diagnostics;
    private final Spans spans;

    MacroExpander(Map<String, Macro> macros, Diagnostics diagnostics) {
        this.macros = macros;
        this.diagnostics = diagnostics;
        this.spans = new Spans(diagnostics);
    }

    /** The next token of {@code in} that is not a macro to expand. */
    PpToken next(TokenInput in) {
        while (true) {
            PpToken t = in.next();
            if (!t.isIdentifier() || t.hideset().contains(t.text())) return t;
            switch (t.text()) {
                case "__FILE__" -> {
                    return t.withText(PpKind.STRING, quote(t.presumedName())).expandedAt(t, t.spaceBefore());
                }
                case "__LINE__" -> {
                    return t.withText(PpKind.NUMBER, Integer.toString(t.line())).expandedAt(t, t.spaceBefore());
                }
                default -> { }
            }
            Macro m = macros.get(t.text());
            if (m == null) return t;
            if (!m.functionLike()) {
                in.unread(substitute(m, List.of(), addTo(t.hideset(), m.name()), t));
                continue;
            }
            if (!in.nextIsLeftParenthesis()) return t;
            in.next();
            List<PpToken> closing = new ArrayList<>(1);
            List<List<PpToken>> args = collectArguments(in, m, t, closing);
            if (args == null) return t;
            Set<String> hs = new HashSet<>(t.hideset());
            hs.retainAll(closing.getFirst().hideset());
            in.unread(substitute(m, args, addTo(hs, m.name()), t));
        }
    }

    /** Fully expands a closed list, e.g. an argument (C11 6.10.3.1) or an {@code #if} line. */
    List<PpToken> expandAll(List<PpToken> tokens, PpToken site) {
        ListInput in = new ListInput(tokens, site);
        List<PpToken> out = new ArrayList<>();
        for (PpToken t = next(in); t.kind() != PpKind.END_OF_FILE; t = next(in)) out.add(t);
        return out;
    }

    private List<List<PpToken>> collectArguments(TokenInput in, Macro m, PpToken site, List<PpToken> closing) {
        List<List<PpToken>> args = new ArrayList<>();
        List<PpToken> current = new ArrayList<>();
        int depth = 0;
        while (true) {
            PpToken t = in.next();
            if (t.kind() == PpKind.END_OF_FILE) {
                spans.error(CppCode.MACRO_ARGUMENTS_UNTERMINATED, site,
                        "unterminated argument list invoking macro \"" + m.name() + "\"");
                in.unread(List.of(t));
                return null;
            }
            if (t.is("(")) depth++;
            if (t.is(")") && depth-- == 0) {
                closing.add(t);
                args.add(current);
                break;
            }
            boolean restIsVariadic = m.variadic() && args.size() == m.parameters().size() - 1;
            if (t.is(",") && depth == 0 && !restIsVariadic) {
                args.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(t);
        }
        int want = m.parameters().size();
        if (want == 0 && args.size() == 1 && args.getFirst().isEmpty()) return List.of();
        if (m.variadic() && args.size() == want - 1) args.add(new ArrayList<>());
        if (args.size() != want) {
            spans.error(CppCode.MACRO_ARGUMENT_COUNT, site, "macro \"" + m.name() + "\" requires " + want
                    + " argument" + (want == 1 ? "" : "s") + ", but " + args.size() + " given");
            return null;
        }
        return args;
    }

    private List<PpToken> substitute(Macro m, List<List<PpToken>> args, Set<String> hideset, PpToken site) {
        List<PpToken> body = m.body();
        List<PpToken> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            PpToken t = body.get(i);
            if (m.functionLike() && t.is("#") && i + 1 < body.size() && m.parameterIndex(body.get(i + 1)) >= 0) {
                out.add(stringify(args.get(m.parameterIndex(body.get(++i))), t));
                continue;
            }
            if (t.is("##") && i + 1 < body.size()) {
                PpToken right = body.get(++i);
                int p = m.parameterIndex(right);
                List<PpToken> rhs = p >= 0 ? args.get(p) : List.of(right);
                paste(out, rhs, p >= 0 && m.variadic() && p == m.parameters().size() - 1);
                continue;
            }
            int p = m.parameterIndex(t);
            if (p >= 0) {
                boolean beforePaste = i + 1 < body.size() && body.get(i + 1).is("##");
                List<PpToken> arg = beforePaste ? args.get(p) : expandAll(args.get(p), site);
                if (arg.isEmpty()) {
                    out.add(t.withText(PpKind.PLACEMARKER, ""));
                } else {
                    out.add(arg.getFirst().withSpaceBefore(t.spaceBefore()));
                    out.addAll(arg.subList(1, arg.size()));
                }
                continue;
            }
            out.add(t);
        }
        List<PpToken> result = new ArrayList<>(out.size());
        for (PpToken t : out) {
            if (t.kind() == PpKind.PLACEMARKER) continue;
            boolean space = result.isEmpty() ? site.spaceBefore() : t.spaceBefore();
            result.add(t.withHideset(union(t.hideset(), hideset)).expandedAt(site, space));
        }
        if (result.isEmpty()) {
            // keep the spacing of an invocation that expands to nothing from gluing its neighbours
            result.add(site.withText(PpKind.PLACEMARKER, "").expandedAt(site, site.spaceBefore()));
        }
        return result;
    }

    private void paste(List<PpToken> out, List<PpToken> rhs, boolean rhsIsVariadic) {
        PpToken left = out.isEmpty() ? null : out.getLast();
        if (left != null && left.is(",") && rhsIsVariadic) {
            if (rhs.isEmpty()) out.removeLast();
            else out.addAll(rhs);
            return;
        }
        if (rhs.isEmpty()) return;
        if (left == null || left.kind() == PpKind.PLACEMARKER) {
            if (left != null) out.removeLast();
            out.addAll(rhs);
            return;
        }
        out.removeLast();
        PpToken right = rhs.getFirst();
        List<PpToken> glued = relex(left.text() + right.text());
        if (glued.size() == 1) {
            out.add(left.withText(glued.getFirst().kind(), glued.getFirst().text()));
        } else {
            spans.error(CppCode.BAD_PASTE, right, "pasting \"" + left.text() + "\" and \"" + right.text()
                    + "\" does not give a valid preprocessing token");
            out.add(left);
            out.add(right);
        }
        out.addAll(rhs.subList(1, rhs.size()));
    }

    static List<PpToken> relex(String text) {
        PpLexer lexer = new PpLexer(new FileContext(new SourceFile("<paste>", text), null), new Diagnostics());
        List<PpToken> out = new ArrayList<>();
        for (PpToken t = lexer.next(); t.kind() != PpKind.END_OF_FILE; t = lexer.next()) out.add(t);
        return out;
    }

    private static PpToken stringify(List<PpToken> arg, PpToken hash) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < arg.size(); i++) {
            PpToken t = arg.get(i);
            if (i > 0 && t.spaceBefore()) s.append(' ');
            if (t.kind() == PpKind.STRING || t.kind() == PpKind.CHARACTER) {
                s.append(t.text().replace("\\", "\\\\").replace("\"", "\\\""));
            } else {
                s.append(t.text());
            }
        }
        return hash.withText(PpKind.STRING, "\"" + s + "\"");
    }

    static String quote(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Set<String> addTo(Set<String> set, String name) {
        Set<String> s = new HashSet<>(set);
        s.add(name);
        return Set.copyOf(s);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a.isEmpty()) return b;
        Set<String> s = new HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
