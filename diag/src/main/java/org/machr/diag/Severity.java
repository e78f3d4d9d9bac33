package org.machr.diag;

/** How serious a diagnostic is; only {@link #ERROR} makes a run fail. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    NOTE("note");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    /** The word printed before the code, e.g. {@code error}. */
    public String label() {
        return label;
    }
}
