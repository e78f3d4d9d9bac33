package org.machr.codegen.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;

/**
 * A growing byte buffer of machine code (or data) for one section, with labels and fixups.
 *
 * <p>Label references are kept out of band, never as placeholder words in the code: a use records
 * (offset, label, kind) and emits the field as zero; when the label is bound — or at once if it is bound
 * already — the architecture's {@link LabelUseKind#patch} inserts the displacement, after
 * {@link LabelUseKind#inRange} has been checked. An out-of-range use or a label still unbound at
 * {@link #finish()} is reported to the {@link Diagnostics} given at construction, naming the label.
 * References to symbols outside the buffer are recorded as {@link ExternalReloc}s for the linker.
 * The design follows Cranelift's {@code MachBuffer} and LLVM MC's split of bytes and fixups, without
 * branch optimisation or veneers.
 */
public final class CodeBuffer {

    private final Diagnostics diagnostics;
    private byte[] data = new byte[256];
    private int size;
    private final List<Label> labels = new ArrayList<>();
    private final List<Integer> labelOffsets = new ArrayList<>();
    private final List<List<LabelFixup>> pending = new ArrayList<>();
    private final List<LabelFixup> resolved = new ArrayList<>();
    private final List<ExternalReloc> relocs = new ArrayList<>();

    public CodeBuffer(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    // ---- bytes -------------------------------------------------------------------------------------

    /** The current end of the buffer: the offset the next byte goes to. */
    public int size() {
        return size;
    }

    public void emit8(int value) {
        ensure(1);
        data[size++] = (byte) value;
    }

    public void emit16(int value) {
        emitLittleEndian(value, 2);
    }

    public void emit32(int value) {
        emitLittleEndian(value, 4);
    }

    public void emit64(long value) {
        emitLittleEndian(value, 8);
    }

    public void emitBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, data, size, bytes.length);
        size += bytes.length;
    }

    /** Appends {@code count} copies of {@code value}. */
    public void emitFill(int count, int value) {
        if (count < 0) throw new IllegalArgumentException("negative fill count " + count);
        ensure(count);
        Arrays.fill(data, size, size + count, (byte) value);
        size += count;
    }

    /** Appends {@code width} bytes (1..8) of {@code value}, least significant first. */
    public void emitLittleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) data[size++] = (byte) (value >>> (8 * i));
    }

    /** Pads with zero bytes to a multiple of {@code alignment} (a power of two). */
    public void align(int alignment) {
        align(alignment, new byte[] {0});
    }

    /**
     * Pads to a multiple of {@code alignment} (a power of two) with copies of {@code pattern} (e.g. a NOP
     * word) where a whole pattern fits at a multiple of its length, zero bytes elsewhere.
     */
    public void align(int alignment, byte[] pattern) {
        if (alignment <= 0 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two: " + alignment);
        }
        while (size % alignment != 0) {
            if (size % pattern.length == 0 && size + pattern.length <= roundUp(size, alignment)) {
                emitBytes(pattern);
            } else {
                emit8(0);
            }
        }
    }

    /** Reads {@code width} bytes (1..8) little-endian at {@code offset}. */
    public long read(int offset, int width) {
        checkRange(offset, width);
        long v = 0;
        for (int i = width - 1; i >= 0; i--) v = (v << 8) | (data[offset + i] & 0xffL);
        return v;
    }

    /** Overwrites {@code width} bytes (1..8) at {@code offset} with {@code value}, little-endian. */
    public void write(int offset, int width, long value) {
        checkRange(offset, width);
        for (int i = 0; i < width; i++) data[offset + i] = (byte) (value >>> (8 * i));
    }

    /** A copy of the bytes emitted so far. */
    public byte[] bytes() {
        return Arrays.copyOf(data, size);
    }

    // ---- labels ------------------------------------------------------------------------------------

    public Label newLabel(String name) {
        Label label = new Label(labels.size(), name);
        labels.add(label);
        labelOffsets.add(-1);
        pending.add(new ArrayList<>());
        return label;
    }

    public Label newLabel() {
        return newLabel("L" + labels.size());
    }

    /** Binds {@code label} to the current offset and patches every use recorded so far. */
    public void bind(Label label) {
        bindAt(label, size, null);
    }

    /** Binds {@code label} to {@code offset}; a second bind is reported (at {@code span}) and ignored. */
    public void bindAt(Label label, int offset, Span span) {
        own(label);
        if (labelOffsets.get(label.id()) >= 0) {
            diagnostics.error(CodegenCode.LABEL_BOUND_TWICE, span, "label '" + label.name() + "' is bound twice");
            return;
        }
        labelOffsets.set(label.id(), offset);
        List<LabelFixup> uses = pending.get(label.id());
        for (LabelFixup use : uses) apply(use, offset);
        uses.clear();
    }

    public boolean isBound(Label label) {
        own(label);
        return labelOffsets.get(label.id()) >= 0;
    }

    /** The offset a label is bound to, if it is. */
    public OptionalInt offsetOf(Label label) {
        own(label);
        int off = labelOffsets.get(label.id());
        return off < 0 ? OptionalInt.empty() : OptionalInt.of(off);
    }

    /**
     * Records that the field of {@code kind.patchSize()} bytes at {@code offset} (already emitted, with a
     * zero displacement) refers to {@code label}. Patched now if the label is bound, else when it is.
     */
    public void useLabel(int offset, Label label, LabelUseKind kind, Span span) {
        own(label);
        checkRange(offset, kind.patchSize());
        LabelFixup use = new LabelFixup(offset, label, kind, span);
        int target = labelOffsets.get(label.id());
        if (target >= 0) {
            apply(use, target);
        } else {
            pending.get(label.id()).add(use);
        }
    }

    /** Every label use patched so far, in the order patched. */
    public List<LabelFixup> resolvedFixups() {
        return Collections.unmodifiableList(resolved);
    }

    // ---- external relocations ----------------------------------------------------------------------

    public void addRelocation(int offset, Enum<?> kind, String symbol, long addend, Span span) {
        relocs.add(new ExternalReloc(offset, kind, symbol, addend, span));
    }

    public List<ExternalReloc> relocations() {
        return Collections.unmodifiableList(relocs);
    }

    // ---- finishing ---------------------------------------------------------------------------------

    /**
     * Reports every label that is still used but unbound; returns whether all label uses are resolved.
     * The bytes stay available; unresolved fields remain zero.
     */
    public boolean finish() {
        boolean ok = true;
        for (int i = 0; i < labels.size(); i++) {
            for (LabelFixup use : pending.get(i)) {
                ok = false;
                diagnostics.error(CodegenCode.LABEL_UNBOUND, use.span(),
                        "label '" + use.label().name() + "' is used but never defined");
            }
        }
        return ok;
    }

    private void apply(LabelFixup use, int target) {
        LabelUseKind kind = use.kind();
        long displacement = (long) target - (use.offset() + kind.pcBias());
        if (!kind.inRange(displacement)) {
            diagnostics.error(CodegenCode.LABEL_OUT_OF_RANGE, use.span(),
                    "label '" + use.label().name() + "' is out of range of " + kind.name() + ": displacement "
                            + displacement + " (range " + kind.rangeDescription() + ")");
            return;
        }
        long original = read(use.offset(), kind.patchSize());
        write(use.offset(), kind.patchSize(), kind.patch(original, displacement));
        resolved.add(use);
    }

    private void own(Label label) {
        if (label.id() >= labels.size() || labels.get(label.id()) != label) {
            throw new IllegalArgumentException("label " + label + " belongs to another buffer");
        }
    }

    private void checkRange(int offset, int width) {
        if (width < 1 || width > 8 || offset < 0 || offset + width > size) {
            throw new IndexOutOfBoundsException("field [" + offset + ", +" + width + ") outside buffer of " + size);
        }
    }

    private void ensure(int more) {
        if (size + more > data.length) data = Arrays.copyOf(data, Math.max(data.length * 2, size + more));
    }

    private static int roundUp(int value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
