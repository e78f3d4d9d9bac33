package org.machr.codegen.aarch64.asm;

/** A problem in one statement: caught by the assembler, reported as a diagnostic, then it moves on. */
final class AsmError extends RuntimeException {
    final A64AsmCode code;
    final int start;
    final int end;

    AsmError(A64AsmCode code, int start, int end, String message) {
        super(message, null, false, false);
        this.code = code;
        this.start = start;
        this.end = end;
    }
}
