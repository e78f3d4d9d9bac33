package org.machr.codegen.x86_64;

import org.machr.codegen.common.CodeBuffer;
import org.machr.diag.Span;
import org.machr.link.X64Reloc;

/**
 * Appends encoded instructions to a {@link CodeBuffer}: the bytes, then for each fixup either a label use
 * (a {@link Target.Local} reached PC-relatively: rel8/rel32, patched by the buffer) or an external
 * relocation against a {@link Target.Symbol} (kinds from {@link X64Relocs}). This is how code generators
 * emit x86_64 code; they should give branches {@link X64Insn.Reach#NEAR} unless they know the distance.
 */
public final class X64Emitter {

    private final CodeBuffer buffer;
    private final X64Encoder encoder;

    public X64Emitter(CodeBuffer buffer, X64Mode mode) {
        this.buffer = buffer;
        this.encoder = new X64Encoder(mode);
    }

    /** Emits {@code insn}; returns its offset in the buffer. */
    public int emit(X64Insn insn) {
        return emit(insn, null);
    }

    /**
     * Emits {@code insn}, with {@code span} (may be null) for diagnostics about its label uses.
     *
     * @throws X64EncodeException if the instruction cannot be encoded, or refers to a label with an
     *                            absolute (non-PC-relative) field, which a buffer cannot resolve
     */
    public int emit(X64Insn insn, Span span) {
        X64Encoding e = encoder.encode(insn);
        int at = buffer.size();
        for (X64Fixup f : e.fixups()) {
            if (f.target() instanceof Target.Local && !f.kind().pcRelative()) {
                throw new X64EncodeException(X64AsmCode.BAD_EXPRESSION,
                        "an absolute reference to label " + f.target().displayName() + " needs a symbol");
            }
            if (f.target() instanceof Target.Symbol && X64Relocs.relocFor(f.kind()) == null) {
                throw new X64EncodeException(X64AsmCode.BAD_EXPRESSION,
                        "a " + f.kind().size() * 8 + "-bit reference to " + f.target().displayName() + " has no relocation");
            }
        }
        buffer.emitBytes(e.bytes());
        for (X64Fixup f : e.fixups()) {
            int offset = at + f.offset();
            switch (f.target()) {
                case Target.Local local -> {
                    X64LabelUse use = f.kind().size() == 1 ? X64LabelUse.REL8 : X64LabelUse.REL32;
                    buffer.write(offset, use.patchSize(), f.addend() + use.pcBias());   // extra addend, e.g. -imm size
                    buffer.useLabel(offset, local.label(), use, span);
                }
                case Target.Symbol symbol -> {
                    X64Reloc kind = X64Relocs.relocFor(f.kind());
                    buffer.addRelocation(offset, kind, symbol.name(), f.addend(), span);
                }
            }
        }
        return at;
    }
}
