package org.machr.codegen.aarch64.asm;

import org.machr.diag.DiagnosticCode;

/** Diagnostic codes of the AArch64 assembler; documented in docs/aarch64-assembler.md. */
public enum A64AsmCode implements DiagnosticCode {
    /** A character or token that cannot start or continue a statement here. */
    SYNTAX("A64A0001"),
    /** A mnemonic the assembler does not know. */
    UNKNOWN_MNEMONIC("A64A0002"),
    /** An operand of the wrong kind or count for the instruction. */
    BAD_OPERAND("A64A0003"),
    /** An operand of the right kind whose value the instruction cannot encode. */
    OPERAND_OUT_OF_RANGE("A64A0004"),
    /** A directive the assembler does not know, or one used wrongly. */
    BAD_DIRECTIVE("A64A0005"),
    /** A symbol defined twice. */
    SYMBOL_REDEFINED("A64A0006"),
    /** An assembler-local symbol (.L…, numeric label) used but never defined. */
    UNDEFINED_LOCAL("A64A0007"),
    /** An expression that must be a constant is not, or cannot become a relocation. */
    BAD_EXPRESSION("A64A0008"),
    /** Contents (instructions or data) in a zero-initialised (nobits) section. */
    CONTENT_IN_BSS("A64A0009"),
    /** A PC-relative reference to a label of the same section that is out of range. */
    TARGET_OUT_OF_RANGE("A64A0010"),
    /** A malformed string literal. */
    BAD_STRING("A64A0011");

    private final String id;

    A64AsmCode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
