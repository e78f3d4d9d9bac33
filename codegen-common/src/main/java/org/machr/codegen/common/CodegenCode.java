package org.machr.codegen.common;

import org.machr.diag.DiagnosticCode;

/** Diagnostic codes of the code buffer and the shared code-generation machinery (docs/codegen-common.md). */
public enum CodegenCode implements DiagnosticCode {
    /** A label use whose displacement does not fit the field's range. */
    LABEL_OUT_OF_RANGE("CG0001"),
    /** A label used but never bound when the buffer is finished. */
    LABEL_UNBOUND("CG0002"),
    /** A label bound a second time. */
    LABEL_BOUND_TWICE("CG0003");

    private final String id;

    CodegenCode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
