package org.machr.mig.emit;

import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.TypeDescriptor;
import org.machr.mig.model.MigType;

/**
 * The receiver's checks, shared by user (reply) and server (request) stubs: message size and complex
 * bit first, then every descriptor. Fixed descriptors are compared as a whole word; descriptors whose
 * count or name varies are compared field by field.
 */
final class Checks {

    private Checks() {}

    /** Whether a descriptor is compared as a whole (no run-time count, name or in-line bit). */
    static boolean wholeWord(Item item) {
        TypeDescriptor d = item.check();
        return !d.longForm() && !item.variable() && !d.name().isPolymorphic() && !item.dynamicInline()
                && !(item.argument().isPresent() && item.argument().get().type().isVariable());
    }

    /** The condition that is true when {@code p->field}'s descriptor is wrong. */
    static String badType(Item item, String p) {
        return badType(item, p, "msgh_simple");
    }

    static String badType(Item item, String p, String simpleVar) {
        if (wholeWord(item)) {
            return "mig_type_differs(&" + p + "->" + item.field() + "Type, &" + item.field() + "Check)";
        }
        TypeDescriptor d = item.check();
        String h = p + "->" + CText.header(item);
        StringBuilder c = new StringBuilder();
        if (!item.dynamicInline()) c.append("(").append(h).append(".msgt_inline != ").append(CText.bool(d.inLine())).append(") ||\n\t    ");
        c.append("(").append(h).append(".msgt_longform != ").append(CText.bool(d.longForm())).append(") ||\n\t    ");
        if (d.name().isPolymorphic()) {
            c.append("(MACH_MSG_TYPE_PORT_ANY(").append(p).append("->").append(CText.nameField(item))
                    .append(") && ").append(simpleVar).append(") ||\n\t    ");
        } else {
            c.append("(").append(p).append("->").append(CText.nameField(item)).append(" != ")
                    .append(d.name().spelling()).append(") ||\n\t    ");
        }
        MigType t = item.argument().map(a -> a.type()).orElse(null);
        if (t != null && !t.isVariable()) {
            c.append("(").append(p).append("->").append(CText.numberField(item)).append(" != ").append(d.number())
                    .append(") ||\n\t    ");
        }
        c.append("(").append(p).append("->").append(CText.sizeField(item)).append(" != ").append(d.bits()).append(")");
        return c.toString();
    }

    /** {@code const mach_msg_type_t xCheck = …;} for the items compared as whole words. */
    static String constants(MessageLayout layout) {
        StringBuilder out = new StringBuilder();
        for (Item item : layout.items()) {
            if (wholeWord(item)) out.append(CText.descriptorConstant(item.field() + "Check", item.check()));
        }
        return out.toString();
    }

    /** The complex-bit condition that is true when the bit is wrong ({@code null} when either is fine). */
    static String badComplex(MessageLayout layout, String bits) {
        if (layout.complex()) return "!(" + bits + " & MACH_MSGH_BITS_COMPLEX)";
        if (layout.maybeComplex()) return null;
        return "(" + bits + " & MACH_MSGH_BITS_COMPLEX)";
    }
}
