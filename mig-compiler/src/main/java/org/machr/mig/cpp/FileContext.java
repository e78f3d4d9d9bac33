package org.machr.mig.cpp;

import org.machr.diag.SourceFile;

/**
 * One file being read: its text, the name used for it in line markers, who included it, and the
 * effect of {@code #line} on the line numbers and name it presents.
 */
final class FileContext {

    private final SourceFile file;
    private final FileContext includer;
    private final int depth;
    private String presumedName;
    private int lineDelta;

    FileContext(SourceFile file, FileContext includer) {
        this.file = file;
        this.includer = includer;
        this.depth = includer == null ? 0 : includer.depth + 1;
        this.presumedName = file.path();
    }

    SourceFile file() {
        return file;
    }

    FileContext includer() {
        return includer;
    }

    int depth() {
        return depth;
    }

    String presumedName() {
        return presumedName;
    }

    int presumedLine(int physicalLine) {
        return physicalLine + lineDelta;
    }

    /** {@code #line LINE ["NAME"]} found on {@code directiveLine}: the next physical line becomes LINE. */
    void renumber(int directiveLine, int line, String name) {
        lineDelta = line - (directiveLine + 1);
        if (name != null) presumedName = name;
    }
}
