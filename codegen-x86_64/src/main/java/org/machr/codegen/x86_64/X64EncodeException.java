package org.machr.codegen.x86_64;

/**
 * An instruction that cannot be encoded as given (out-of-range immediate, invalid operand combination,
 * wrong mode). The assembler turns it into a diagnostic at the instruction; the code generator treats it
 * as an internal error. Carries no stack trace.
 */
public final class X64EncodeException extends RuntimeException {

    private final transient X64AsmCode code;

    public X64EncodeException(X64AsmCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public X64AsmCode code() {
        return code;
    }
}
