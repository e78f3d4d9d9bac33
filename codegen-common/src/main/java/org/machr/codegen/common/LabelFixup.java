package org.machr.codegen.common;

import org.machr.diag.Span;

/**
 * A recorded use of a label, kept outside the code bytes (the field itself is emitted as zero).
 *
 * @param offset where the patched field begins in the buffer
 * @param label  the label referred to
 * @param kind   how the field encodes the displacement
 * @param span   the source position of the use for diagnostics, or {@code null}
 */
public record LabelFixup(int offset, Label label, LabelUseKind kind, Span span) {}
