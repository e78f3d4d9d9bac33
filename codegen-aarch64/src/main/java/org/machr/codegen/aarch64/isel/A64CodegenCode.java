package org.machr.codegen.aarch64.isel;

import org.machr.diag.DiagnosticCode;

/** Diagnostic codes of the AArch64 code generator (docs/aarch64-codegen.md). */
public enum A64CodegenCode implements DiagnosticCode {
    /** IR the backend does not translate yet (atomics, more than 8 arguments, …). */
    UNSUPPORTED("A64C0001");

    private final String id;

    A64CodegenCode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
