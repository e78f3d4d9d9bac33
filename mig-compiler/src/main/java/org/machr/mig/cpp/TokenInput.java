package org.machr.mig.cpp;

import java.util.List;

/** Where the macro expander reads tokens from: the files being preprocessed, or a closed list. */
interface TokenInput {

    /** The next token, or an {@link PpKind#END_OF_FILE} token. */
    PpToken next();

    /** True when the next token is {@code (}, so a function-like macro name before it is a call. */
    boolean nextIsLeftParenthesis();

    /** Puts tokens back in front of the input, first one next. */
    void unread(List<PpToken> tokens);
}
