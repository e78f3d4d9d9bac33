package org.machr.mig.emit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.model.Argument;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;

/**
 * The server stub's checks of a request, and the expressions that pass its values to the work
 * function. Items after a variable-size item are reached through a shifted pointer ({@code In1P}, …).
 */
final class RequestReader {

    private static final String BAD = "{ OutP->RetCode = MIG_BAD_ARGUMENTS; return; }";

    private final StringBuilder out;
    private final MessageLayout layout;
    private final Map<String, String> pointerOf = new HashMap<>();

    RequestReader(StringBuilder out, MessageLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    void checkAndRead() {
        String complex = Checks.badComplex(layout, "InHeadP->msgh_bits");
        String size = layout.isVariable() ? "(msgh_size < " + layout.fixedBytes() + ")"
                : "(msgh_size != " + layout.fixedBytes() + ")";
        out.append("#if\tTypeCheck\n\tif (mig_unlikely (").append(size).append(complex == null ? "" : " ||\n\t    " + complex)
                .append("))\n\t\t").append(BAD).append("\n#endif\t/* TypeCheck */\n\n");
        if (layout.isVariable()) out.append("\tunsigned int msgh_expected = ").append(layout.fixedBytes()).append(";\n\n");
        String pointer = "InP";
        int shifts = 0;
        List<Item> items = layout.items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            pointerOf.put(item.field() + "/" + item.role(), pointer);
            out.append("#if\tTypeCheck\n\tif (mig_unlikely (").append(Checks.badType(item, pointer)).append("))\n\t\t")
                    .append(BAD).append("\n#endif\t/* TypeCheck */\n");
            if (item.variable()) {
                String delta = delta(item, pointer);
                String sizeVar = item.field() + "Size";
                out.append("\tunsigned int ").append(sizeVar).append(" = ").append(delta).append(";\n");
                out.append("\tmsgh_expected += ").append(sizeVar).append(";\n");
                out.append("#if\tTypeCheck\n\tif (mig_unlikely (msgh_expected > msgh_size))\n\t\t").append(BAD)
                        .append("\n#endif\t/* TypeCheck */\n");
                if (i + 1 < items.size()) {
                    String next = "In" + (++shifts) + "P";
                    out.append("\tRequest *").append(next).append(" = (Request *) ((char *) ").append(pointer).append(" + ")
                            .append(sizeVar).append(" - ").append((item.dataBytes() + 3) / 4 * 4).append(");\n");
                    pointer = next;
                }
            }
            out.append('\n');
        }
        if (layout.isVariable()) {
            out.append("#if\tTypeCheck\n\tif (mig_unlikely (msgh_size != msgh_expected))\n\t\t").append(BAD)
                    .append("\n#endif\t/* TypeCheck */\n\n");
        }
    }

    private static String delta(Item item, String p) {
        MigType t = item.argument().orElseThrow().type();
        String n = p + "->" + CText.numberField(item);
        if (t.shape() == Shape.INDEFINITE_ARRAY) {
            return "(" + p + "->" + CText.header(item) + ".msgt_inline ? "
                    + UserEmitter.pad(item.elementBytes() + " * " + UserEmitter.scaledDown(n, t)) + " : 8)";
        }
        if (t.shape() == Shape.VAR_STRING) return UserEmitter.pad(n);
        return UserEmitter.pad(item.elementBytes() + " * " + UserEmitter.scaledDown(n, t));
    }

    /** Where an item of the request is read from. */
    String pointer(Item item) {
        return pointerOf.get(item.field() + "/" + item.role());
    }

    Item item(Argument a, Item.Role role) {
        String field = role == Item.Role.COUNT ? a.name() + "Cnt" : a.name();
        return layout.items().stream().filter(i -> i.field().equals(field) && i.role() == role).findFirst().orElseThrow();
    }

    /** The expression passed for an {@code in} parameter. */
    String argument(Params.Param p, ServerEmitter server, List<String> destructors) {
        Argument a = p.argument();
        MigType t = a.type();
        Item item = item(a, Item.Role.VALUE);
        String ptr = pointer(item);
        String f = ptr + "->" + item.field();
        return switch (p.kind()) {
            case COUNT -> UserEmitter.scaledDown(ptr + "->" + CText.numberField(item), t);
            case POLY -> ptr + "->" + CText.nameField(item);
            case SCOPY -> ptr + "->" + CText.header(item) + ".msgt_inline";
            case DEALLOC -> throw new IllegalStateException("Dealloc[] is a user-side parameter");
            case VALUE -> {
                if (t.shape() == Shape.INDEFINITE_ARRAY) {
                    yield "(" + ptr + "->" + CText.header(item) + ".msgt_inline ? " + f + " : " + f + "P)";
                }
                if (Params.isCArray(t)) yield f;
                yield server.translated(a, f, destructors, false);
            }
        };
    }
}
