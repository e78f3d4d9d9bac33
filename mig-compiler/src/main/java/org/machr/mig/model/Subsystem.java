package org.machr.mig.model;

import org.machr.diag.Span;

/** {@code subsystem [KernelUser] [KernelServer] NAME BASE;} */
public record Subsystem(String name, int base, boolean kernelUser, boolean kernelServer, Span span) {}
