package org.machr.mig.emit;

import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.model.Argument;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.Subsystem;

/** The user stub's handling of a reply: checks, then copies each out value to the caller. */
final class ReplyReader {

    private final StringBuilder out;
    private final MessageLayout layout;

    ReplyReader(StringBuilder out, MessageLayout layout, Subsystem s) {
        this.out = out;
        this.layout = layout;
    }

    void read() {
        String checks = Checks.constants(layout);
        out.append(checks.isEmpty() ? "" : checks + "\n");
        out.append("\tunsigned int reply_size = Mess.Out.Head.msgh_size;\n");
        out.append("\tboolean_t reply_simple = !(Mess.Out.Head.msgh_bits & MACH_MSGH_BITS_COMPLEX);\n\n");
        String sizeOk = layout.isVariable() ? "reply_size >= " + layout.fixedBytes()
                : "reply_size == " + layout.fixedBytes();
        String complex = Checks.badComplex(layout, "Mess.Out.Head.msgh_bits");
        if (complex != null) sizeOk = "(" + sizeOk + ") && !" + complex;
        out.append("#if\tTypeCheck\n");
        out.append("\t/* A short reply is only valid as an error reply. */\n");
        out.append("\tif (mig_unlikely (!(").append(sizeOk).append(") &&\n\t    ((reply_size != sizeof(mig_reply_header_t)) || !reply_simple ||\n")
                .append("\t     (OutP->RetCode == KERN_SUCCESS))))\n\t\treturn MIG_TYPE_ERROR;\n");
        out.append("\tif (mig_unlikely (mig_type_differs(&OutP->RetCodeType, &RetCodeCheck)))\n\t\treturn MIG_TYPE_ERROR;\n");
        out.append("#endif\t/* TypeCheck */\n\n");
        out.append("\tif (OutP->RetCode != KERN_SUCCESS)\n\t\treturn OutP->RetCode;\n\n");
        if (layout.isVariable()) out.append("\tunsigned int reply_expected = ").append(layout.fixedBytes()).append(";\n\n");
        for (Item item : layout.items()) {
            if (item.role() != Item.Role.VALUE) continue;
            out.append("#if\tTypeCheck\n\tif (mig_unlikely (").append(Checks.badType(item, "OutP", "reply_simple"))
                    .append("))\n\t\treturn MIG_TYPE_ERROR;\n#endif\t/* TypeCheck */\n");
            String shift = copy(item);
            if (shift != null) {
                out.append("\treply_expected += ").append(shift).append(";\n");
                out.append("#if\tTypeCheck\n\tif (mig_unlikely (reply_expected > reply_size))\n\t\treturn MIG_TYPE_ERROR;\n#endif\t/* TypeCheck */\n");
                boolean later = layout.items().indexOf(item) < layout.items().size() - 1;
                if (later) {
                    out.append("\tOutP = (Reply *) ((char *) OutP + ").append(shift).append(" - ")
                            .append((item.dataBytes() + 3) / 4 * 4).append(");\n");
                }
            }
            out.append('\n');
        }
        if (layout.isVariable()) {
            out.append("#if\tTypeCheck\n\tif (mig_unlikely (reply_size != reply_expected")
                    .append("))\n\t\treturn MIG_TYPE_ERROR;\n#endif\t/* TypeCheck */\n\n");
        }
        out.append("\treturn KERN_SUCCESS;\n");
    }

    /** Copies one value out; returns the run-time size expression of a variable item's data, else null. */
    private String copy(Item item) {
        Argument a = item.argument().orElseThrow();
        MigType t = a.type();
        String f = "OutP->" + item.field();
        String n = "OutP->" + CText.numberField(item);
        String count = UserEmitter.scaledDown(n, t);
        if (t.outName().isPolymorphic()) {
            out.append("\t*").append(a.name()).append("Poly = OutP->").append(CText.nameField(item)).append(";\n");
        }
        if (!t.inLine()) {
            out.append("\t*").append(a.name()).append(" = ").append(f).append(";\n");
            if (t.isVariable()) out.append("\t*").append(a.name()).append("Cnt = ").append(count).append(";\n");
            return null;
        }
        if (t.shape() == Shape.INDEFINITE_ARRAY) {
            String bytes = item.elementBytes() + " * " + count;
            out.append("\tif (!OutP->").append(CText.header(item)).append(".msgt_inline)\n\t\t*").append(a.name())
                    .append(" = ").append(f).append("P;\n");
            out.append("\telse if (").append(count).append(" > *").append(a.name()).append("Cnt) {\n");
            out.append("\t\tmig_allocate((vm_offset_t *) ").append(a.name()).append(", ").append(bytes).append(");\n");
            out.append("\t\tmemcpy(*").append(a.name()).append(", ").append(f).append(", ").append(bytes).append(");\n");
            out.append("\t} else if (").append(count).append(")\n\t\tmemcpy(*").append(a.name()).append(", ").append(f)
                    .append(", ").append(bytes).append(");\n");
            out.append("\t*").append(a.name()).append("Cnt = ").append(count).append(";\n");
            return "(OutP->" + CText.header(item) + ".msgt_inline ? " + UserEmitter.pad(bytes) + " : 8)";
        }
        if (t.shape() == Shape.VAR_STRING) {
            out.append("\t(void) mig_strncpy(").append(a.name()).append(", ").append(f).append(", ").append(t.number())
                    .append(");\n");
            return UserEmitter.pad(n);
        }
        if (t.isVariable()) {
            out.append("\tif (").append(count).append(" > *").append(a.name()).append("Cnt) {\n");
            out.append("\t\tif (*").append(a.name()).append("Cnt)\n\t\t\tmemcpy(").append(a.name()).append(", ").append(f)
                    .append(", ").append(item.elementBytes()).append(" * *").append(a.name()).append("Cnt);\n");
            out.append("\t\t*").append(a.name()).append("Cnt = ").append(count).append(";\n");
            out.append("\t\treturn MIG_ARRAY_TOO_LARGE;\n\t}\n");
            out.append("\tif (").append(count).append(")\n\t\tmemcpy(").append(a.name()).append(", ").append(f).append(", ")
                    .append(item.elementBytes()).append(" * ").append(count).append(");\n");
            out.append("\t*").append(a.name()).append("Cnt = ").append(count).append(";\n");
            return UserEmitter.pad(item.elementBytes() + " * " + count);
        }
        if (t.shape() == Shape.STRING) {
            out.append("\t(void) mig_strncpy(").append(a.name()).append(", ").append(f).append(", ")
                    .append(item.dataBytes()).append(");\n");
        } else if (Params.isCArray(t)) {
            out.append("\tmemcpy(").append(a.name()).append(", ").append(f).append(", ").append(item.dataBytes()).append(");\n");
        } else {
            out.append("\t*").append(a.name()).append(" = ").append(f).append(";\n");
        }
        return null;
    }
}
