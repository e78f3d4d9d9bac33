package org.machr.mig.cpp;

import java.nio.file.Path;
import java.util.List;

/**
 * What the preprocessor is told on the command line, in GNU cpp's terms.
 *
 * @param includePath       the {@code -I} directories, searched in order for {@code #include}
 * @param commandLineMacros {@code -DNAME}, {@code -DNAME=VALUE} and {@code -UNAME} options, applied in order
 *                          after the built-in macros
 */
public record PreprocessorOptions(List<Path> includePath, List<String> commandLineMacros) {

    public PreprocessorOptions {
        includePath = List.copyOf(includePath);
        commandLineMacros = List.copyOf(commandLineMacros);
    }
}
