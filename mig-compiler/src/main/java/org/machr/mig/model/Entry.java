package org.machr.mig.model;

/** One slot of the routine table: a routine or a {@code skip}. */
public sealed interface Entry permits Routine, Skip {}
