package org.machr.mig.emit;

import org.machr.mig.layout.Abi;
import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.Side;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Subsystem;

/**
 * The server stub's out values: locals the work function fills, then the reply items built from them
 * ({@code outtran} applied). Items after a variable-size item are written through a shifted pointer.
 */
final class ReplyWriter {

    private final StringBuilder out;
    private final MessageLayout layout;
    private final Subsystem s;
    private final Abi abi;
    /** Whether the reply's complex bit depends on run-time values ({@code reply_simple}). */
    private boolean tracksSimple;

    ReplyWriter(StringBuilder out, MessageLayout layout, Subsystem s, Abi abi) {
        this.out = out;
        this.layout = layout;
        this.s = s;
        this.abi = abi;
    }

    private int maxCount(Item item) {
        return item.dataBytes() / Math.max(1, item.elementBytes());
    }

    void declareLocals(Routine r, RequestReader reader) {
        for (Item item : layout.items()) {
            if (item.role() != Item.Role.VALUE) continue;
            Argument a = item.argument().orElseThrow();
            MigType t = a.type();
            String type = Params.cType(t, Side.SERVER, s);
            String name = a.name();
            if (t.shape() == Shape.INDEFINITE_ARRAY) {
                out.append('\t').append(CText.elementType(t, Side.SERVER, s)).append(' ').append(name).append("_buf[")
                        .append(maxCount(item)).append("];\n");
                out.append('\t').append(type).append(' ').append(name).append(" = ").append(name).append("_buf;\n");
            } else if (t.isVariable() && t.inLine()) {
                out.append('\t').append(CText.elementType(t, Side.SERVER, s)).append(' ').append(name).append('[')
                        .append(Math.max(1, maxCount(item))).append("];\n");
            } else {
                out.append('\t').append(type).append(' ').append(name).append(";\n");
            }
            if (t.isVariable() && t.isArray()) {
                String init = Integer.toString(t.inLine() ? maxCount(item) : 0);
                if (org.machr.mig.layout.MessageLayout.countInOut(a)) {
                    Item count = reader.item(a, Item.Role.COUNT);
                    String requested = reader.pointer(count) + "->" + count.field();
                    init = t.inLine() ? requested + " < " + init + " ? " + requested + " : " + init : requested;
                }
                out.append("\tmach_msg_type_number_t ").append(name).append("Cnt = ").append(init).append(";\n");
            }
            if (Params.polymorphicFor(t, Side.SERVER, true, s)) {
                out.append("\tmach_msg_type_name_t ").append(name).append("Poly;\n");
            }
            if (a.direction() == Direction.INOUT) {
                Item in = reader.item(a, Item.Role.VALUE);
                String src = reader.pointer(in) + "->" + in.field();
                if (Params.isCArray(t) || t.isVariable()) {
                    out.append("\tmemcpy(").append(name).append(", ").append(src).append(", sizeof ").append(name).append(");\n");
                } else {
                    out.append('\t').append(name).append(" = ").append(src).append(";\n");
                }
            }
        }
        out.append('\n');
    }

    /** The expression passed for an {@code out}/{@code inout} parameter. */
    String argument(Params.Param p) {
        Argument a = p.argument();
        MigType t = a.type();
        return switch (p.kind()) {
            case COUNT -> "&" + a.name() + "Cnt";
            case POLY -> "&" + a.name() + "Poly";
            case VALUE -> (t.isVariable() && t.inLine() && t.shape() != Shape.INDEFINITE_ARRAY) || Params.isCArray(t)
                    ? a.name() : "&" + a.name();
            case DEALLOC, SCOPY -> throw new IllegalStateException("not an out parameter");
        };
    }

    void write() {
        out.append("\tunsigned int reply_size = ").append(layout.fixedBytes()).append(";\n");
        boolean dynamic = layout.items().stream().anyMatch(i -> i.dynamicInline() || (i.argument().isPresent()
                && Params.polymorphicFor(i.argument().get().type(), Side.SERVER, true, s)));
        tracksSimple = dynamic && !layout.complex();
        if (tracksSimple) out.append("\tboolean_t reply_simple = TRUE;\n");
        out.append('\n');
        for (Item item : layout.items()) {
            if (item.role() != Item.Role.VALUE) continue;
            out.append(CText.descriptorConstant(item.field() + "Type", item.descriptor()));
            out.append("\tOutP->").append(item.field()).append("Type = ").append(item.field()).append("Type;\n");
            writeValue(item);
            out.append('\n');
        }
        out.append("\tOutHeadP->msgh_size = reply_size;\n");
        if (layout.complex()) out.append("\tOutHeadP->msgh_bits |= MACH_MSGH_BITS_COMPLEX;\n");
        else if (tracksSimple) out.append("\tif (!reply_simple)\n\t\tOutHeadP->msgh_bits |= MACH_MSGH_BITS_COMPLEX;\n");
    }

    private void writeValue(Item item) {
        Argument a = item.argument().orElseThrow();
        MigType t = a.type();
        String f = "OutP->" + item.field();
        String name = a.name();
        String count = UserEmitter.scaled(name + "Cnt", t);
        if (Params.polymorphicFor(t, Side.SERVER, true, s)) {
            out.append("\tOutP->").append(CText.nameField(item)).append(" = ").append(name).append("Poly;\n");
            if (tracksSimple) {
                out.append("\tif (MACH_MSG_TYPE_PORT_ANY(").append(name).append("Poly))\n\t\treply_simple = FALSE;\n");
            }
        }
        if (!t.inLine()) {
            out.append('\t').append(f).append(" = ").append(name).append(";\n");
            if (t.isVariable()) out.append("\tOutP->").append(CText.numberField(item)).append(" = ").append(count).append(";\n");
            return;
        }
        String shift;
        if (t.shape() == Shape.INDEFINITE_ARRAY) {
            String bytes = item.elementBytes() + " * " + name + "Cnt";
            out.append("\tif (").append(name).append(" != ").append(name).append("_buf || ").append(name).append("Cnt > ")
                    .append(maxCount(item)).append(") {\n");
            out.append("\t\tOutP->").append(CText.header(item)).append(".msgt_inline = FALSE;\n");
            if (a.has(org.machr.mig.model.Argument.ArgFlag.DEALLOC)) {
                out.append("\t\tOutP->").append(CText.header(item)).append(".msgt_deallocate = TRUE;\n");
            }
            out.append("\t\t").append(f).append("P = ").append(name).append(";\n");
            if (tracksSimple) out.append("\t\treply_simple = FALSE;\n");
            out.append("\t} else if (").append(name).append("Cnt)\n\t\tmemcpy(").append(f).append(", ").append(name)
                    .append(", ").append(bytes).append(");\n");
            out.append("\tOutP->").append(CText.numberField(item)).append(" = ").append(count).append(";\n");
            shift = "(OutP->" + CText.header(item) + ".msgt_inline ? " + UserEmitter.pad(bytes) + " : "
                    + abi.pointerBytes() + ")";
        } else if (t.shape() == Shape.VAR_STRING) {
            String n = "OutP->" + CText.numberField(item);
            out.append('\t').append(n).append(" = mig_strncpy(").append(f).append(", ").append(name).append(", ")
                    .append(t.number()).append(");\n");
            out.append("\tif (").append(n).append(" < ").append(t.number()).append(")\n\t\t").append(n).append(" += 1;\n");
            shift = UserEmitter.pad(n);
        } else if (t.isVariable()) {
            String bytes = item.elementBytes() + " * " + name + "Cnt";
            out.append("\tif (").append(name).append("Cnt > ").append(maxCount(item)).append(")\n\t\t")
                    .append(name).append("Cnt = ").append(maxCount(item)).append(";\n");
            out.append("\tmemcpy(").append(f).append(", ").append(name).append(", ").append(bytes).append(");\n");
            out.append("\tOutP->").append(CText.numberField(item)).append(" = ").append(count).append(";\n");
            shift = UserEmitter.pad(bytes);
        } else {
            if (Params.isCArray(t)) {
                out.append("\tmemcpy(").append(f).append(", ").append(name).append(", ").append(item.dataBytes()).append(");\n");
            } else {
                String value = t.outTran() != null ? t.outTran() + "(" + name + ")" : name;
                out.append('\t').append(f).append(" = ").append(value).append(";\n");
            }
            return;
        }
        out.append("\treply_size += ").append(shift).append(";\n");
        if (layout.items().indexOf(item) < layout.items().size() - 1) {
            out.append("\tOutP = (Reply *) ((char *) OutP + ").append(shift).append(" - ")
                    .append(abi.pad(item.dataBytes())).append(");\n");
        }
    }
}
