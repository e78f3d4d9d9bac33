package org.machr.mig.emit;

import java.util.ArrayList;
import java.util.List;
import org.machr.mig.layout.Side;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.ArgFlag;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Subsystem;

/**
 * The C parameter lists of GNU MIG's public API: the user stub's and the server work function's, with
 * the extra parameters GNU MIG adds ({@code xCnt}, {@code xPoly}, {@code xDealloc}, {@code xSCopy}).
 */
public final class Params {

    /** One C parameter; {@code argument} is the declaration it comes from. */
    public record Param(String type, String name, Kind kind, Argument argument) {
        public String declaration() {
            return type + " " + name;
        }
    }

    /** What a parameter stands for. */
    public enum Kind { VALUE, COUNT, POLY, DEALLOC, SCOPY }

    private Params() {}

    /** C type of an argument's values on a side (translated type on the server, ipc_port_t in the kernel). */
    public static String cType(MigType t, Side side, Subsystem s) {
        String type = side == Side.USER ? t.userType() : t.transType();
        boolean kernel = side == Side.USER ? s.kernelUser() : s.kernelServer();
        if (kernel && (t.port() || t.isPolymorphic()) && type.equals("mach_port_t")) return "ipc_port_t";
        return type;
    }

    /** C type of the message field on a side (before translation on the server). */
    public static String fieldType(MigType t, Side side, Subsystem s) {
        String type = side == Side.USER ? t.userType() : t.serverType();
        boolean kernel = side == Side.USER ? s.kernelUser() : s.kernelServer();
        if (kernel && (t.port() || t.isPolymorphic()) && type.equals("mach_port_t")) return "ipc_port_t";
        return type;
    }

    /** Whether values of this type are C arrays (passed without {@code &} or {@code *}). */
    public static boolean isCArray(MigType t) {
        return t.inLine() && (t.shape() == Shape.FIXED_ARRAY || t.shape() == Shape.BOUNDED_ARRAY
                || t.shape() == Shape.STRING || t.shape() == Shape.VAR_STRING);
    }

    private static String inQualified(MigType t, String type) {
        if (t.isString() || t.shape() == Shape.INDEFINITE_ARRAY) return "const_" + type;
        if (isCArray(t)) return "const " + type;
        return type;
    }

    /**
     * Whether a side chooses (sending) or learns (receiving) a right's disposition at run time. A GNU MIG
     * kernel server sends rights in their received form, so its replies are never polymorphic.
     */
    public static boolean polymorphicFor(MigType t, Side side, boolean sending, Subsystem s) {
        if (sending) return t.inName().isPolymorphic() && !(side == Side.SERVER && s.kernelServer());
        return t.outName().isPolymorphic();
    }

    public static List<Param> user(Routine r, Subsystem s) {
        List<Param> out = new ArrayList<>();
        for (Argument a : r.arguments()) {
            MigType t = a.type();
            String type = cType(t, Side.USER, s);
            switch (a.direction()) {
                case REQUEST_PORT, REPLY_PORT, UREPLY_PORT -> {
                    out.add(new Param(type, a.name(), Kind.VALUE, a));
                    if (t.inName().isPolymorphic()) out.add(new Param("mach_msg_type_name_t", a.name() + "Poly", Kind.POLY, a));
                }
                case WAITTIME, MSGOPTION -> out.add(new Param(type, a.name(), Kind.VALUE, a));
                case SREPLY_PORT, MSGSEQNO -> { }
                case IN -> {
                    out.add(new Param(inQualified(t, type), a.name(), Kind.VALUE, a));
                    if (polymorphicFor(t, Side.USER, true, s)) out.add(new Param("mach_msg_type_name_t", a.name() + "Poly", Kind.POLY, a));
                    if (t.isVariable() && t.isArray()) out.add(new Param("mach_msg_type_number_t", a.name() + "Cnt", Kind.COUNT, a));
                    if (a.has(ArgFlag.DEALLOC_MAYBE)) out.add(new Param("boolean_t", a.name() + "Dealloc", Kind.DEALLOC, a));
                }
                case OUT, INOUT -> {
                    out.add(new Param(isCArray(t) ? type : type + " *", a.name(), Kind.VALUE, a));
                    if (polymorphicFor(t, Side.USER, false, s)) out.add(new Param("mach_msg_type_name_t *", a.name() + "Poly", Kind.POLY, a));
                    if (t.isVariable() && t.isArray()) out.add(new Param("mach_msg_type_number_t *", a.name() + "Cnt", Kind.COUNT, a));
                }
            }
        }
        return fixStars(out);
    }

    public static List<Param> server(Routine r, Subsystem s) {
        List<Param> out = new ArrayList<>();
        for (Argument a : r.arguments()) {
            MigType t = a.type();
            String type = cType(t, Side.SERVER, s);
            switch (a.direction()) {
                case REQUEST_PORT, REPLY_PORT, SREPLY_PORT -> {
                    out.add(new Param(type, a.name(), Kind.VALUE, a));
                    if (t.outName().isPolymorphic()) out.add(new Param("mach_msg_type_name_t", a.name() + "Poly", Kind.POLY, a));
                }
                case MSGSEQNO -> out.add(new Param(type, a.name(), Kind.VALUE, a));
                case UREPLY_PORT, WAITTIME, MSGOPTION -> { }
                case IN -> {
                    out.add(new Param(inQualified(t, type), a.name(), Kind.VALUE, a));
                    if (polymorphicFor(t, Side.SERVER, false, s)) out.add(new Param("mach_msg_type_name_t", a.name() + "Poly", Kind.POLY, a));
                    if (t.isVariable() && t.isArray()) out.add(new Param("mach_msg_type_number_t", a.name() + "Cnt", Kind.COUNT, a));
                    if (a.has(ArgFlag.SERVER_COPY)) out.add(new Param("boolean_t", a.name() + "SCopy", Kind.SCOPY, a));
                }
                case OUT, INOUT -> {
                    out.add(new Param(isCArray(t) ? type : type + " *", a.name(), Kind.VALUE, a));
                    if (polymorphicFor(t, Side.SERVER, true, s)) out.add(new Param("mach_msg_type_name_t *", a.name() + "Poly", Kind.POLY, a));
                    if (t.isVariable() && t.isArray()) out.add(new Param("mach_msg_type_number_t *", a.name() + "Cnt", Kind.COUNT, a));
                }
            }
        }
        return fixStars(out);
    }

    /** {@code "T *" + " " + name} reads {@code T *name}. */
    private static List<Param> fixStars(List<Param> params) {
        List<Param> fixed = new ArrayList<>();
        for (Param p : params) {
            if (p.type().endsWith(" *")) {
                fixed.add(new Param(p.type().substring(0, p.type().length() - 2), "*" + p.name(), p.kind(), p.argument()));
            } else {
                fixed.add(p);
            }
        }
        return fixed;
    }

    /** The bare name of a parameter (without a leading {@code *}). */
    public static String bare(Param p) {
        return p.name().startsWith("*") ? p.name().substring(1) : p.name();
    }

    static boolean isOut(Argument a) {
        return a.direction() == Direction.OUT || a.direction() == Direction.INOUT;
    }
}
