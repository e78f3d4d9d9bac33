package org.machr.codegen.jvm;

/** The JVM backend cannot translate a program (e.g. a function too large for one JVM method). */
public final class JvmCodegenException extends RuntimeException {
    public JvmCodegenException(String message) {
        super(message);
    }
}
