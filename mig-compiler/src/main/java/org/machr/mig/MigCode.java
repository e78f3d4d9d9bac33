package org.machr.mig;

import org.machr.diag.DiagnosticCode;

/**
 * Every diagnostic the MIG compiler can report. Codes are stable; each is documented with a bad and a
 * good example in {@code docs/mig.md}.
 */
public enum MigCode implements DiagnosticCode {
    SYNTAX_ERROR(1),
    UNKNOWN_CHARACTER(2),
    NO_SUBSYSTEM(3),
    DUPLICATE_SUBSYSTEM(4),
    TYPE_BEFORE_SUBSYSTEM(5),
    UNDEFINED_TYPE(6),
    DUPLICATE_TYPE(7),
    DUPLICATE_ROUTINE(8),
    DUPLICATE_ARGUMENT(9),
    RESERVED_WORD(10),
    OUT_IN_SIMPLEROUTINE(11),
    NO_REQUEST_PORT(12),
    UNKNOWN_IPC_TYPE(13),
    BAD_TYPE_SIZE(14),
    UNKNOWN_FLAG(15),
    FLAG_NOT_APPLICABLE(16),
    BAD_EXPRESSION(17),
    INPUT_ERROR(18),
    BAD_OPTION(19),
    INTERNAL_ERROR(20),
    BAD_ARGUMENT_KIND(21),
    TOO_LARGE(23),
    ROUTINE_BEFORE_SUBSYSTEM(24),
    MISSING_SIZE(25),
    MISMATCHED_IPC_PAIR(26),
    DUPLICATE_SPECIAL_ARGUMENT(27);

    private final String id;

    MigCode(int number) {
        this.id = "MIG%04d".formatted(number);
    }

    @Override
    public String id() {
        return id;
    }
}
