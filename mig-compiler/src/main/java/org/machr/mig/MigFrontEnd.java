package org.machr.mig;

import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.mig.model.Interface;
import org.machr.mig.parse.DefsReader;
import org.machr.mig.sema.InterfaceBuilder;

/** Preprocessed text to checked {@link Interface}: parse, then build and check the model. */
public final class MigFrontEnd {

    private MigFrontEnd() {}

    /**
     * @param preprocessed text with GNU cpp line markers
     * @param mainFile     the name used for lines before the first marker
     * @param files        source files by marker name, when known (else read from disk)
     */
    public static Optional<Interface> analyse(String preprocessed, String mainFile, Map<String, SourceFile> files,
                                              Diagnostics diagnostics) {
        DefsReader.Parsed parsed = DefsReader.read(preprocessed, mainFile, files, diagnostics);
        if (diagnostics.hasErrors()) return Optional.empty();
        return InterfaceBuilder.build(parsed, diagnostics);
    }
}
