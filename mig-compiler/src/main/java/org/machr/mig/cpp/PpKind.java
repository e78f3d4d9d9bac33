package org.machr.mig.cpp;

/** The kinds of preprocessing token (C11 6.4, "preprocessing-token"). */
enum PpKind {
    IDENTIFIER,
    NUMBER,
    CHARACTER,
    STRING,
    PUNCTUATOR,
    /** A character that is none of the above, e.g. a lone {@code '} or {@code `}. */
    OTHER,
    /** The end of one file (an included file's end stops macro argument collection, as in GNU cpp). */
    END_OF_FILE,
    /** An empty argument's stand-in during {@code ##} pasting (C11 6.10.3.3); never reaches the output. */
    PLACEMARKER
}
