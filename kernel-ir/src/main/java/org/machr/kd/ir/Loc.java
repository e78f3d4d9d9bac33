package org.machr.kd.ir;

/**
 * A source location carried by every instruction that can panic, so that a panic report can say
 * {@code at <file>:<line>}.
 *
 * @param file the source file relative to the program's source root, as panic reports print it
 * @param line 1-based line
 * @param column 1-based column (0 when unknown)
 */
public record Loc(String file, int line, int column) {

    public Loc {
        if (file == null) throw new IllegalArgumentException("file is required");
    }

    public Loc(String file, int line) {
        this(file, line, 0);
    }

    /** {@code file:line}, as in panic reports. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
