package org.machr.codegen.x86_64;

import org.machr.diag.DiagnosticCode;

/**
 * Diagnostic codes of the x86_64 encoder and assembler; each is documented in {@code docs/x86_64-assembler.md}.
 */
public enum X64AsmCode implements DiagnosticCode {
    /** The lexer met a character that starts no token. */
    BAD_CHARACTER("X64A001"),
    /** A statement does not follow the grammar (e.g. a missing comma or parenthesis). */
    SYNTAX("X64A002"),
    /** An unknown instruction mnemonic. */
    UNKNOWN_MNEMONIC("X64A003"),
    /** An unknown directive. */
    UNKNOWN_DIRECTIVE("X64A004"),
    /** An unknown register name. */
    UNKNOWN_REGISTER("X64A005"),
    /** The operands do not match any form of the instruction (count, kinds or sizes). */
    BAD_OPERANDS("X64A006"),
    /** An immediate does not fit its field. */
    IMMEDIATE_RANGE("X64A007"),
    /** A displacement does not fit 32 bits. */
    DISPLACEMENT_RANGE("X64A008"),
    /** An instruction or register that needs 64-bit mode used under {@code .code32}, or the reverse. */
    WRONG_MODE("X64A009"),
    /** ah/ch/dh/bh in an instruction that needs a REX prefix. */
    HIGH_BYTE_WITH_REX("X64A010"),
    /** A bad memory operand: index %rsp, scale not 1/2/4/8, mixed address widths. */
    BAD_ADDRESS("X64A011"),
    /** No operand-size suffix and no register operand to infer it from. */
    AMBIGUOUS_SIZE("X64A012"),
    /** A symbol defined twice. */
    DUPLICATE_SYMBOL("X64A013"),
    /** An expression that must be a constant is not (or uses an undefined .equ symbol). */
    NOT_CONSTANT("X64A014"),
    /** An expression a relocation cannot express (e.g. the difference of symbols in different sections). */
    BAD_EXPRESSION("X64A015"),
    /** A bad directive argument (alignment not a power of two, negative size, bad string). */
    BAD_DIRECTIVE_ARGUMENT("X64A016"),
    /** LOCK on an instruction that cannot take it. */
    BAD_LOCK("X64A017"),
    /** A short branch whose label is out of rel8 range. */
    BRANCH_RANGE("X64A018"),
    /** Data or an instruction in a section without contents (.bss). */
    NOBITS_CONTENT("X64A019"),
    /** A temporary label ({@code .L…}, or a numeric label via {@code 1b}/{@code 1f}) used but never defined. */
    UNDEFINED_LOCAL_LABEL("X64A020");

    private final String id;

    X64AsmCode(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }
}
