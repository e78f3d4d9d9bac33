package org.machr.kd.check;

import org.machr.diag.Span;

/** A local variable, parameter, {@code for} variable or {@code if let} binding. Compared by identity. */
public final class LocalVar {

    private final String name;
    private final Type type;
    private final boolean mutable;
    private final boolean parameter;
    private final Span span;
    boolean addressTaken;

    LocalVar(String name, Type type, boolean mutable, boolean parameter, Span span) {
        this.name = name;
        this.type = type;
        this.mutable = mutable;
        this.parameter = parameter;
        this.span = span;
    }

    public String name() { return name; }

    public Type type() { return type; }

    public boolean mutable() { return mutable; }

    public boolean parameter() { return parameter; }

    public Span span() { return span; }

    /** True when {@code &x} or a slice of it appears: the variable must live in memory. */
    public boolean addressTaken() { return addressTaken; }

    @Override
    public String toString() { return name; }
}
