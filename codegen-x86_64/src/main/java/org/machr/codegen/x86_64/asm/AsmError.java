package org.machr.codegen.x86_64.asm;

import org.machr.codegen.x86_64.X64AsmCode;
import org.machr.diag.Span;

/** A user error found while parsing or assembling one statement; becomes a diagnostic, never escapes. */
final class AsmError extends RuntimeException {

    final transient X64AsmCode code;
    final transient Span span;

    AsmError(X64AsmCode code, Span span, String message) {
        super(message, null, false, false);
        this.code = code;
        this.span = span;
    }
}
