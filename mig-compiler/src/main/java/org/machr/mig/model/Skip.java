package org.machr.mig.model;

/** A {@code skip} (or one of the N slots of {@code skip N}): an unused message id. */
public record Skip(int index) implements Entry {}
