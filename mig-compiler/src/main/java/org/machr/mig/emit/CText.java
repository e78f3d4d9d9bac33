package org.machr.mig.emit;

import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.TypeDescriptor;
import org.machr.mig.model.Argument;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.Subsystem;
import org.machr.mig.layout.Side;

/** C text shared by the user and server stubs: preamble, descriptor constants, message structs. */
final class CText {

    private CText() {}

    static final String PREAMBLE = """
            #ifndef _GNU_SOURCE
            #define _GNU_SOURCE 1
            #endif

            """;

    static final String INCLUDES_AND_KNOBS = """
            #define EXPORT_BOOLEAN
            #include <mach/boolean.h>
            #include <mach/kern_return.h>
            #include <mach/message.h>
            #include <mach/notify.h>
            #include <mach/mach_types.h>
            #include <mach/mig_errors.h>
            #include <mach/mig_support.h>
            #include <stdint.h>
            #include <string.h>

            #ifndef\tmig_internal
            #define\tmig_internal\tstatic
            #endif

            #ifndef\tmig_external
            #define mig_external
            #endif

            #ifndef\tmig_unlikely
            #define\tmig_unlikely(X)\t__builtin_expect (!! (X), 0)
            #endif

            #ifndef\tTypeCheck
            #define\tTypeCheck 1
            #endif

            #ifndef\tUseExternRCSId
            #define\tUseExternRCSId\t\t1
            #endif

            /* A type descriptor, short and long form (mach/message.h). */
            #define MIG_TYPE(name, size, number, inl, dealloc) { \\
            \t.msgt_name = (unsigned char) (name), .msgt_size = (size), .msgt_number = (number), \\
            \t.msgt_inline = (inl), .msgt_longform = FALSE, .msgt_deallocate = (dealloc), .msgt_unused = 0 }
            #define MIG_TYPE_LONG(name, size, number, inl, dealloc) { \\
            \t.msgtl_header = { .msgt_name = 0, .msgt_size = 0, .msgt_number = 0, .msgt_inline = (inl), \\
            \t\t.msgt_longform = TRUE, .msgt_deallocate = (dealloc), .msgt_unused = 0 }, \\
            \t.msgtl_name = (unsigned short) (name), .msgtl_size = (size), .msgtl_number = (number) }

            /* Whether a received descriptor word differs from the expected one. */
            static inline int mig_type_differs(const mach_msg_type_t *got, const mach_msg_type_t *expected)
            {
            \tuint32_t a, b;
            \tmemcpy(&a, got, sizeof a);
            \tmemcpy(&b, expected, sizeof b);
            \treturn a != b;
            }

            """;

    /** {@code const mach_msg_type_t xType = MIG_TYPE(…);} for a descriptor. */
    static String descriptorConstant(String name, TypeDescriptor d) {
        String type = d.longForm() ? "mach_msg_type_long_t" : "mach_msg_type_t";
        String macro = d.longForm() ? "MIG_TYPE_LONG" : "MIG_TYPE";
        return "\tconst " + type + " " + name + " = " + macro + "(" + d.name().spelling() + ", " + d.bits() + ", "
                + d.number() + ", " + bool(d.inLine()) + ", " + bool(d.deallocate()) + ");\n";
    }

    static String bool(boolean b) {
        return b ? "TRUE" : "FALSE";
    }

    /** Field reference of a descriptor's header part: {@code xType} or {@code xType.msgtl_header}. */
    static String header(Item item) {
        return item.field() + "Type" + (item.descriptor().longForm() ? ".msgtl_header" : "");
    }

    static String numberField(Item item) {
        return item.field() + "Type" + (item.descriptor().longForm() ? ".msgtl_number" : ".msgt_number");
    }

    static String nameField(Item item) {
        return item.field() + "Type" + (item.descriptor().longForm() ? ".msgtl_name" : ".msgt_name");
    }

    static String sizeField(Item item) {
        return item.field() + "Type" + (item.descriptor().longForm() ? ".msgtl_size" : ".msgt_size");
    }

    /** The C element type of an array argument's message field. */
    static String elementType(MigType t, Side side, Subsystem s) {
        if (t.shape() == Shape.VAR_STRING || t.shape() == Shape.STRING) return "char";
        return t.element().map(e -> Params.fieldType(e, side, s)).orElse("char");
    }

    /** The message struct ({@code Request} or {@code Reply}) with every variable item at its maximum. */
    static String struct(String typedefName, MessageLayout layout, Subsystem s) {
        StringBuilder out = new StringBuilder("#pragma pack(push,4)\n\ttypedef struct {\n\t\tmach_msg_header_t Head;\n");
        for (Item item : layout.items()) {
            String descriptorType = item.descriptor().longForm() ? "mach_msg_type_long_t" : "mach_msg_type_t";
            out.append("\t\t").append(descriptorType).append(' ').append(item.field()).append("Type;\n");
            out.append("\t\t").append(field(item, layout, s)).append(";\n");
        }
        out.append("\t} ").append(typedefName).append(";\n#pragma pack(pop)\n");
        return out.toString();
    }

    private static String field(Item item, MessageLayout layout, Subsystem s) {
        Side side = layout.side();
        String pointerQualifier = layout.kind() == MessageLayout.Kind.REQUEST ? "const " : "";
        return switch (item.role()) {
            case RET_CODE -> "kern_return_t RetCode";
            case COUNT -> "mach_msg_type_number_t " + item.field();
            case VALUE -> {
                Argument a = item.argument().orElseThrow();
                MigType t = a.type();
                if (!t.inLine()) yield Params.fieldType(t, side, s) + " " + item.field();
                if (t.shape() == Shape.INDEFINITE_ARRAY) {
                    String e = elementType(t, side, s);
                    int count = item.dataBytes() / item.elementBytes();
                    yield "union {\n\t\t\t" + e + " " + item.field() + "[" + count + "];\n\t\t\t" + pointerQualifier + e + " *"
                            + item.field() + "P;\n\t\t}";
                }
                if (t.isVariable()) {
                    int count = Math.max(1, item.dataBytes() / item.elementBytes());
                    yield elementType(t, side, s) + " " + item.field() + "[" + count + "]";
                }
                if (t.shape() == Shape.STRING) yield "char " + item.field() + "[" + item.dataBytes() + "]";
                yield Params.fieldType(t, side, s) + " " + item.field();
            }
        };
    }
}
