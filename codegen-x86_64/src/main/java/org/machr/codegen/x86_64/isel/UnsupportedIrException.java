package org.machr.codegen.x86_64.isel;

/** IR the x86_64 backend does not translate; reported as a diagnostic naming the function. */
public final class UnsupportedIrException extends RuntimeException {
    public UnsupportedIrException(String message) {
        super(message, null, false, false);
    }
}
