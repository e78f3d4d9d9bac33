package org.machr.mig.cpp;

import org.machr.diag.DiagnosticCode;
import org.machr.diag.Severity;

/**
 * Every diagnostic the MIG preprocessor reports. Codes are stable and documented in
 * {@code docs/mig-preprocessor.md}; the prefix {@code CPP} keeps them apart from the MIG parser's codes.
 */
public enum CppCode implements DiagnosticCode {
    /** {@code #include} names a file found in no search directory. */
    INCLUDE_NOT_FOUND("CPP001"),
    /** {@code #include} not followed by {@code "file"} or {@code <file>}. */
    INCLUDE_SYNTAX("CPP002"),
    /** Includes nested deeper than the limit (a file including itself, usually). */
    INCLUDE_TOO_DEEP("CPP003"),
    /** A file could not be read. */
    FILE_UNREADABLE("CPP004"),
    /** {@code #define} / {@code #undef} without a valid macro name, or a malformed parameter list. */
    MACRO_NAME_OR_PARAMS("CPP005"),
    /** A macro redefined with a different body (a warning, as in C). */
    MACRO_REDEFINED("CPP006", Severity.WARNING),
    /** A function-like macro called with the wrong number of arguments. */
    MACRO_ARGUMENT_COUNT("CPP007"),
    /** End of file inside a function-like macro's argument list. */
    MACRO_ARGUMENTS_UNTERMINATED("CPP008"),
    /** {@code #} in a function-like macro not followed by a parameter. */
    STRINGIFY_NOT_PARAMETER("CPP009"),
    /** {@code ##} at either end of a macro body, or a paste that does not form one token. */
    BAD_PASTE("CPP010"),
    /** {@code #elif}, {@code #else} or {@code #endif} without {@code #if}, or after {@code #else}. */
    UNBALANCED_CONDITIONAL("CPP011"),
    /** A file ends inside a conditional group. */
    UNTERMINATED_CONDITIONAL("CPP012"),
    /** A malformed {@code #if} / {@code #elif} expression. */
    BAD_EXPRESSION("CPP013"),
    /** Division or remainder by zero in an evaluated {@code #if} operand. */
    DIVISION_BY_ZERO("CPP014"),
    /** An {@code #error} directive was reached. */
    ERROR_DIRECTIVE("CPP015"),
    /** A {@code #warning} directive was reached. */
    WARNING_DIRECTIVE("CPP016", Severity.WARNING),
    /** A directive name that the preprocessor does not know. */
    UNKNOWN_DIRECTIVE("CPP017"),
    /** A malformed {@code #line} directive. */
    BAD_LINE_DIRECTIVE("CPP018"),
    /** A comment that never ends. */
    UNTERMINATED_COMMENT("CPP019"),
    /** A {@code '} or {@code "} with no closing quote on its line (a warning, as in GNU cpp). */
    UNTERMINATED_LITERAL("CPP020", Severity.WARNING),
    /** Extra tokens after a directive that takes none (a warning, as in GNU cpp). */
    EXTRA_TOKENS("CPP021", Severity.WARNING),
    /** A bad {@code -D}/{@code -U} option. */
    BAD_COMMAND_LINE_MACRO("CPP022"),
    /** A directive that is recognised and ignored ({@code #pragma}, {@code #ident}). */
    IGNORED_DIRECTIVE("CPP023", Severity.WARNING),
    /** An integer constant in {@code #if} that does not fit in 64 bits. */
    INTEGER_OVERFLOW("CPP024", Severity.WARNING);

    private final String id;
    private final Severity severity;

    CppCode(String id) {
        this(id, Severity.ERROR);
    }

    CppCode(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }
}
