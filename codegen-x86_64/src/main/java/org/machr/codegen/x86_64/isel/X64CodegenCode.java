package org.machr.codegen.x86_64.isel;

import org.machr.diag.DiagnosticCode;

/** Diagnostic codes of the x86_64 code generator (docs/x86_64-codegen.md). */
public enum X64CodegenCode implements DiagnosticCode {
    /** IR the backend does not translate (hosted intrinsics). */
    UNSUPPORTED("X64C0001"),
    /** The runtime boot file or the link failed while building an image. */
    BUILD("X64C0002");

    private final String id;

    X64CodegenCode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
