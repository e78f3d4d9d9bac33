package org.machr.mig.cpp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.machr.diag.SourceFile;

/**
 * The preprocessor's result.
 *
 * @param text  the output, with GNU cpp line markers ({@code # LINE "FILE" [FLAGS]}, flag 1 on entering an
 *              included file, 2 on returning to the includer): a position in the text maps back to the
 *              original file and line by the last marker before it; tokens that come straight from a file
 *              (not from a macro expansion) keep their original column
 * @param files every file read, keyed by the name used in the markers, in the order first read
 */
public record PreprocessedSource(String text, Map<String, SourceFile> files) {

    public PreprocessedSource {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
