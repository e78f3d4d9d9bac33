package org.machr.kd.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Expr;
import org.machr.kd.check.Attributes;
import org.machr.kd.check.GlobalInfo;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.StructInfo;
import org.machr.kd.check.Type;
import org.machr.kd.ir.IrGlobal;

/**
 * The initial bytes of a global (docs/language.md §4, §10): constants little-endian, string literals
 * as a slice whose pointer is a relocation to a rodata copy, function names as relocations, array and
 * struct literals by layout, everything else zero.
 */
final class StaticData {

    private final Lowering lowering;
    private final Semantics sem;
    private byte[] bytes;
    private final List<IrGlobal.Reloc> relocs = new ArrayList<>();

    StaticData(Lowering lowering) {
        this.lowering = lowering;
        this.sem = lowering.sem;
    }

    IrGlobal global(GlobalInfo g) {
        Type t = g.type();
        long size = Math.max(1, Layout.size(t));
        int align = (int) Math.max(Layout.align(t), Attributes.align(g.decl().attributes()).orElse(1L));
        bytes = new byte[(int) size];
        if (g.decl().init() != null) write(g.decl().init(), t, 0);
        boolean zero = relocs.isEmpty() && allZero();
        String named = Attributes.section(g.decl().attributes()).orElse(null);
        if (named == null && isByteArray(t) && size >= LARGE_BYTE_ARRAY) align = Math.max(align, LARGE_BYTE_ARRAY);
        // A var in a named section is zero-filled only there: a section holds one kind of contents.
        boolean bss = named == null ? zero : named.equals(".bss") || named.startsWith(".bss.");
        IrGlobal.Section section = !g.decl().mutable() ? IrGlobal.Section.RODATA
                : bss ? IrGlobal.Section.BSS : IrGlobal.Section.DATA;
        if (section == IrGlobal.Section.BSS && !zero) {
            lowering.diagnostics.error(KdCode.KD0451, g.decl().nameSpan(), "'" + g.name() + "' has an initial value, so it cannot go in "
                    + named + ", which is zero-filled");
            section = IrGlobal.Section.DATA;
        }
        byte[] init = section == IrGlobal.Section.BSS ? new byte[0] : bytes;
        return new IrGlobal(g.symbol(), section, size, align, init, section == IrGlobal.Section.BSS ? List.of() : relocs,
                g.decl().pub(), named);
    }

    /**
     * Byte arrays of at least this many bytes are placed at this alignment (as gcc does), so that
     * byte-copy loops over them can be widened ({@code widen}); their type's alignment is unchanged.
     * Globals in named sections keep their natural placement: such sections may be tables.
     */
    static final int LARGE_BYTE_ARRAY = 16;

    private static boolean isByteArray(Type t) {
        return t instanceof Type.Array(long unused, Type.Int(var kind)) && kind.bits == 8;
    }

    private boolean allZero() {
        for (byte x : bytes) if (x != 0) return false;
        return true;
    }

    private void write(Expr e, Type t, long at) {
        switch (e) {
            case Expr.StrLit s -> {
                relocs.add(new IrGlobal.Reloc(at, lowering.string(s.bytes()), 0));
                integer(BigInteger.valueOf(s.bytes().length), 8, at + 8);
            }
            case Expr.NullLit n -> { }
            case Expr.ArrayLit a -> {
                Type element = ((Type.Array) t).element();
                long size = Layout.size(element);
                for (int i = 0; i < a.elements().size(); i++) write(a.elements().get(i), element, at + i * size);
            }
            case Expr.ArrayRepeat r -> {
                Type.Array array = (Type.Array) t;
                long size = Layout.size(array.element());
                for (long i = 0; i < array.length(); i++) write(r.value(), array.element(), at + i * size);
            }
            case Expr.StructLit s -> {
                StructInfo info = ((Type.Struct) t).info();
                for (Expr.FieldInit f : s.fields()) {
                    StructInfo.Field field = info.field(f.name());
                    write(f.value(), field.type(), at + field.offset());
                }
            }
            default -> {
                if (sem.refOf(e) instanceof Semantics.FnRef f) {
                    relocs.add(new IrGlobal.Reloc(at, f.fn().symbol(), 0));
                    return;
                }
                BigInteger v = constant(e);
                integer(v, (int) Layout.size(t), at);
            }
        }
    }

    private BigInteger constant(Expr e) {
        BigInteger v = sem.constantOf(e);
        if (v != null) return v;
        return switch (e) {
            case Expr.IntLit i -> i.value();
            case Expr.BoolLit b -> b.value() ? BigInteger.ONE : BigInteger.ZERO;
            default -> throw new IllegalStateException("global initialiser was not folded at " + e.span().location());
        };
    }

    private void integer(BigInteger v, int size, long at) {
        long bits = v.longValue();
        for (int i = 0; i < size; i++) bytes[(int) at + i] = (byte) (bits >>> (8 * i));
    }
}
