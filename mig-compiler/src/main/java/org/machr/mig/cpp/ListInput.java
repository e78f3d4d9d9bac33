package org.machr.mig.cpp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** A closed list of tokens as input: a macro argument being pre-expanded, or an {@code #if} line. */
final class ListInput implements TokenInput {

    private final Deque<PpToken> tokens;
    private final PpToken end;

    ListInput(List<PpToken> tokens, PpToken endSite) {
        this.tokens = new ArrayDeque<>(tokens);
        this.end = new PpToken(PpKind.END_OF_FILE, "", endSite.context(), endSite.offset(), endSite.line(),
                endSite.column(), endSite.presumedName(), false, false, Set.of(), true);
    }

    @Override
    public PpToken next() {
        PpToken t = tokens.pollFirst();
        return t == null ? end : t;
    }

    @Override
    public boolean nextIsLeftParenthesis() {
        PpToken t = tokens.peekFirst();
        return t != null && t.is("(");
    }

    @Override
    public void unread(List<PpToken> list) {
        for (int i = list.size() - 1; i >= 0; i--) tokens.addFirst(list.get(i));
    }
}
