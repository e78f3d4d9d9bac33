package org.machr.codegen.x86_64.asm;

import java.util.List;
import org.machr.diag.Span;

/** One statement of a {@code .s} file. */
sealed interface Statement {

    Span span();

    /** {@code name:}. */
    record LabelDef(String name, Span span) implements Statement {}

    /** {@code .name arg, arg, …}; each argument is the tokens between commas. */
    record Directive(String name, List<List<Token>> args, Span span) implements Statement {}

    /** An instruction, with an optional {@code lock} or {@code rep} prefix. */
    record Instruction(String mnemonic, boolean lock, boolean rep, List<AsmOperand> operands, Span span) implements Statement {}
}
