package org.machr.mig.cpp;

import java.util.ArrayList;
import java.util.List;

/** Parses the rest of a {@code #define} line into a {@link Macro} (C11 6.10.3p3–p10). */
final class MacroDefinitions {

    private MacroDefinitions() {}

    /** The macro, or null after reporting why the line is not a valid definition. */
    static Macro parse(PpToken directive, List<PpToken> line, Spans spans) {
        if (line.isEmpty() || !line.getFirst().isIdentifier()) {
            spans.error(CppCode.MACRO_NAME_OR_PARAMS, line.isEmpty() ? directive : line.getFirst(),
                    line.isEmpty() ? "no macro name given in #define directive" : "macro names must be identifiers");
            return null;
        }
        PpToken name = line.getFirst();
        if (name.text().equals("defined")) {
            spans.error(CppCode.MACRO_NAME_OR_PARAMS, name, "\"defined\" cannot be used as a macro name");
            return null;
        }
        int i = 1;
        boolean functionLike = line.size() > 1 && line.get(1).is("(") && !line.get(1).spaceBefore();
        List<String> parameters = new ArrayList<>();
        boolean variadic = false;
        if (functionLike) {
            i = 2;
            boolean expectName = true;
            while (true) {
                if (i >= line.size()) {
                    spans.error(CppCode.MACRO_NAME_OR_PARAMS, line.getLast(), "missing ')' in macro parameter list");
                    return null;
                }
                PpToken t = line.get(i++);
                if (t.is(")") && (parameters.isEmpty() || !expectName)) break;
                if (variadic) {
                    spans.error(CppCode.MACRO_NAME_OR_PARAMS, t, "missing ')' after \"...\"");
                    return null;
                }
                if (expectName && t.is("...")) {
                    parameters.add("__VA_ARGS__");
                    variadic = true;
                    expectName = false;
                } else if (expectName && t.isIdentifier()) {
                    if (parameters.contains(t.text())) {
                        spans.error(CppCode.MACRO_NAME_OR_PARAMS, t, "duplicate macro parameter \"" + t.text() + "\"");
                        return null;
                    }
                    parameters.add(t.text());
                    expectName = false;
                    if (i < line.size() && line.get(i).is("...")) { // GNU named variadic parameter
                        variadic = true;
                        i++;
                    }
                } else if (!expectName && t.is(",")) {
                    expectName = true;
                } else {
                    spans.error(CppCode.MACRO_NAME_OR_PARAMS, t, "expected parameter name, found \"" + t.text() + "\"");
                    return null;
                }
            }
        }
        List<PpToken> body = new ArrayList<>(line.subList(i, line.size()));
        if (!body.isEmpty()) body.set(0, body.getFirst().withSpaceBefore(false));
        Macro m = new Macro(name.text(), functionLike, parameters, variadic, body, name);
        return valid(m, spans) ? m : null;
    }

    private static boolean valid(Macro m, Spans spans) {
        List<PpToken> body = m.body();
        if (!body.isEmpty() && (body.getFirst().is("##") || body.getLast().is("##"))) {
            PpToken at = body.getFirst().is("##") ? body.getFirst() : body.getLast();
            spans.error(CppCode.BAD_PASTE, at, "'##' cannot appear at either end of a macro expansion");
            return false;
        }
        if (m.functionLike()) {
            for (int i = 0; i < body.size(); i++) {
                if (body.get(i).is("#") && (i + 1 >= body.size() || m.parameterIndex(body.get(i + 1)) < 0)) {
                    spans.error(CppCode.STRINGIFY_NOT_PARAMETER, body.get(i), "'#' is not followed by a macro parameter");
                    return false;
                }
            }
        }
        return true;
    }
}
