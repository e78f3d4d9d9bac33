package org.machr.codegen.aarch64.isel;

/** IR the AArch64 backend does not translate yet; reported as a diagnostic naming the function. */
public final class UnsupportedIrException extends RuntimeException {
    public UnsupportedIrException(String message) {
        super(message, null, false, false);
    }
}
