package org.machr.mig.cpp;

import java.util.List;

/**
 * A {@code #define}d macro (C11 6.10.3).
 *
 * @param name         its name
 * @param functionLike defined with a parameter list ({@code NAME(} with no space before the parenthesis)
 * @param parameters   the parameter names; a variadic macro's last one is {@code __VA_ARGS__} or the GNU
 *                     named form's name
 * @param variadic     the last parameter takes the remaining arguments
 * @param body         the replacement list
 * @param site         the token naming it in the definition, or null for built-in and command-line macros
 */
record Macro(String name, boolean functionLike, List<String> parameters, boolean variadic, List<PpToken> body,
             PpToken site) {

    Macro {
        parameters = List.copyOf(parameters);
        body = List.copyOf(body);
    }

    int parameterIndex(PpToken t) {
        return functionLike && t.isIdentifier() ? parameters.indexOf(t.text()) : -1;
    }

    /** C11 6.10.3p2: a redefinition must have the same parameters and the same spelling, white space aside. */
    boolean sameDefinitionAs(Macro other) {
        if (functionLike != other.functionLike || variadic != other.variadic || !parameters.equals(other.parameters)
                || body.size() != other.body.size()) {
            return false;
        }
        for (int i = 0; i < body.size(); i++) {
            PpToken a = body.get(i);
            PpToken b = other.body.get(i);
            if (!a.text().equals(b.text()) || (i > 0 && a.spaceBefore() != b.spaceBefore())) return false;
        }
        return true;
    }
}
