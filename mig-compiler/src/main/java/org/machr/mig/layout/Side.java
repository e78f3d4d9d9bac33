package org.machr.mig.layout;

/** Which stub a layout is for: the sending user or the receiving server (port sizes differ in the kernel). */
public enum Side { USER, SERVER }
