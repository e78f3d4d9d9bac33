package org.machr.mig.model;

/** {@code import}, {@code uimport} or {@code simport} of a file spelled with its quotes or angle brackets. */
public record Import(Kind kind, String file) {

    public enum Kind { BOTH, USER, SERVER }
}
