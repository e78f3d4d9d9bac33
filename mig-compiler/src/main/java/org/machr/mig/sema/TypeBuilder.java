package org.machr.mig.sema;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.mig.MigCode;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.MsgTypeName;
import org.machr.mig.model.WireName;
import org.machr.mig.parse.DefsParser;
import org.machr.mig.parse.SourceMap;

/**
 * Builds {@link MigType}s from type specifications and clauses, and keeps the table of named types.
 * The rules follow GNU MIG: a reference to a named type copies its wire shape but not its C names or
 * translations; {@code char}, {@code short} and {@code int} exist once a subsystem is declared.
 */
final class TypeBuilder {

    /** Largest in-line part of an {@code array[*]} (GNU MIG: 2048 bytes). */
    static final int INDEFINITE_INLINE_BYTES = 2048;

    private final Map<String, MigType> types = new HashMap<>();
    private final SourceMap sources;
    private final Diagnostics diagnostics;

    TypeBuilder(SourceMap sources, Diagnostics diagnostics) {
        this.sources = sources;
        this.diagnostics = diagnostics;
    }

    /** The C base types GNU MIG predefines when the subsystem is declared. */
    void declareBasicTypes() {
        types.put("char", scalar("char", MsgTypeName.CHAR, 8));
        types.put("short", scalar("short", MsgTypeName.INTEGER_16, 16));
        types.put("int", scalar("int", MsgTypeName.INTEGER_32, 32));
    }

    private static MigType scalar(String name, MsgTypeName wire, int bits) {
        WireName w = WireName.of(wire);
        return new MigType(name, Shape.SCALAR, w, w, bits, false, 1, 1, true, false, Optional.empty(),
                name, name, name, null, null, null, null, false);
    }

    Optional<MigType> lookup(String name) {
        return Optional.ofNullable(types.get(name));
    }

    void define(String name, MigType type, Span span) {
        if (types.containsKey(name)) {
            diagnostics.error(MigCode.DUPLICATE_TYPE, span, "type '" + name + "' is already defined",
                    "GNU MIG silently overrides the earlier definition; give this type another name");
        }
        types.put(name, type);
    }

    /** A type named {@code name} from a specification followed by clauses. */
    Optional<MigType> named(String name, DefsParser.TypeSpecContext spec,
                            java.util.List<DefsParser.TypeClauseContext> clauses) {
        Optional<MigType> base = spec(spec);
        if (base.isEmpty()) return Optional.empty();
        MigType t = base.get().withName(name).withCTypes(name, name, name, false);
        if (t.isArray() && t.isVariable() && t.inLine() && t.element().map(e -> e.name().isEmpty()).orElse(false)) {
            diagnostics.error(MigCode.BAD_TYPE_SIZE, sources.span(spec.start, spec.stop), "'" + name
                    + "': an in-line array of variable size needs a named element type",
                    "declare the element first, e.g. 'type elem_t = MACH_MSG_TYPE_INTEGER_32;' and use "
                            + "'array[*:N] of elem_t', or send it out-of-line with '^array[] of …'");
            return Optional.empty();
        }
        return Optional.of(applyClauses(t, clauses));
    }

    private MigType applyClauses(MigType t, java.util.List<DefsParser.TypeClauseContext> clauses) {
        String user = t.userType(), server = t.serverType(), trans = null;
        boolean given = false;
        String inTran = null, outTran = null, destructor = null, payload = null, payloadType = null;
        String intranServer = null;
        for (DefsParser.TypeClauseContext clause : clauses) {
            switch (clause) {
                case DefsParser.CtypeClauseContext c -> {
                    user = c.IDENT().getText();
                    server = user;
                    given = true;
                }
                case DefsParser.CusertypeClauseContext c -> {
                    user = c.IDENT().getText();
                    given = true;
                }
                case DefsParser.CservertypeClauseContext c -> server = c.IDENT().getText();
                case DefsParser.IntranClauseContext c -> {
                    trans = c.IDENT(0).getText();
                    inTran = c.IDENT(1).getText();
                    intranServer = c.IDENT(2).getText();
                }
                case DefsParser.OuttranClauseContext c -> {
                    outTran = c.IDENT(1).getText();
                    if (trans == null) trans = c.IDENT(2).getText();
                }
                case DefsParser.DestructorClauseContext c -> destructor = c.IDENT(0).getText();
                case DefsParser.IntranPayloadClauseContext c -> {
                    payloadType = c.IDENT(0).getText();
                    payload = c.IDENT(1).getText();
                    if (trans == null) trans = payloadType;
                }
                default -> throw new IllegalStateException("unknown clause " + clause.getClass());
            }
        }
        if (intranServer != null) server = intranServer;
        MigType out = t.withCTypes(user, server, trans != null ? trans : server, given);
        return out.withTranslations(out.transType(), server, inTran, outTran, destructor, payload);
    }

    Optional<MigType> spec(DefsParser.TypeSpecContext spec) {
        return switch (spec) {
            case DefsParser.BasicTypeContext c -> basic(c.ipcType(), null, null);
            case DefsParser.LongBasicTypeContext c -> basic(c.ipcType(), c.intExp(), c.ipcFlag());
            case DefsParser.FixedArrayContext c -> array(c, c.intExp(), c.typeSpec(), Shape.FIXED_ARRAY);
            case DefsParser.BoundedArrayContext c -> array(c, c.intExp(), c.typeSpec(), Shape.BOUNDED_ARRAY);
            case DefsParser.UnboundedArrayContext c -> array(c, null, c.typeSpec(), Shape.UNBOUNDED_ARRAY);
            case DefsParser.IndefiniteArrayContext c -> array(c, null, c.typeSpec(), Shape.INDEFINITE_ARRAY);
            case DefsParser.StructArrayContext c -> array(c, c.intExp(), c.typeSpec(), Shape.STRUCT);
            case DefsParser.OutOfLineContext c -> outOfLine(c);
            case DefsParser.StructBodyContext c -> structBody(c);
            case DefsParser.FixedStringContext c -> cString(c, c.intExp(), false);
            case DefsParser.BoundedStringContext c -> cString(c, c.intExp(), true);
            default -> throw new IllegalStateException("unknown type spec " + spec.getClass());
        };
    }

    private Optional<MigType> basic(DefsParser.IpcTypeContext ipc, DefsParser.IntExpContext size,
                                    java.util.List<DefsParser.IpcFlagContext> flags) {
        var prims = ipc.primIpcType();
        if (prims.size() == 1 && size == null && prims.get(0).IDENT() != null
                && MsgTypeName.byCName(prims.get(0).getText()).isEmpty()) {
            return reference(prims.get(0).IDENT());
        }
        Optional<WireName> in = wireName(prims.get(0));
        Optional<WireName> out = prims.size() > 1 ? wireName(prims.get(1)) : in;
        if (in.isEmpty() || out.isEmpty()) return Optional.empty();
        Span span = sources.span(ipc.start, ipc.stop);
        boolean port = in.get().isPort() || out.get().isPort() || in.get().isPolymorphic()
                || out.get().isPolymorphic();
        int bits;
        if (size != null) {
            Optional<Integer> value = IntExpressions.evaluate(size, sources, diagnostics);
            if (value.isEmpty()) return Optional.empty();
            bits = value.get();
            port = false;
        } else {
            int inBits = defaultBits(in.get()), outBits = defaultBits(out.get());
            if (inBits == 0 || outBits == 0) {
                diagnostics.error(MigCode.MISSING_SIZE, span, "'" + ipc.getText() + "' has no default size",
                        "write the size in bits: (" + prims.get(0).getText() + ", SIZE)");
                return Optional.empty();
            }
            if (inBits != outBits) {
                diagnostics.error(MigCode.MISMATCHED_IPC_PAIR, span,
                        "the two halves of '" + ipc.getText() + "' have different sizes");
                return Optional.empty();
            }
            bits = inBits < 0 ? 0 : inBits;
        }
        boolean dealloc = false;
        if (flags != null) {
            for (DefsParser.IpcFlagContext f : flags) {
                String flag = f.IDENT().getText().toLowerCase(java.util.Locale.ROOT);
                switch (flag) {
                    case "dealloc" -> dealloc = true;
                    case "notdealloc", "islong", "isnotlong", "servercopy", "countinout", "retcode" -> { }
                    default -> {
                        diagnostics.error(MigCode.UNKNOWN_FLAG, sources.span(f.IDENT().getSymbol()),
                                "unknown flag '" + f.IDENT().getText() + "'",
                                "flags are Dealloc, NotDealloc, IsLong, IsNotLong, ServerCopy, CountInOut, RetCode");
                        return Optional.empty();
                    }
                }
            }
        }
        WireName inW = in.get(), outW = prims.size() > 1 ? out.get() : in.get().received();
        if (prims.size() == 1 && isReceivedForm(inW)) {
            // GNU MIG: a right named by what the receiver gets is sent with a run-time disposition.
            inW = WireName.of(MsgTypeName.POLYMORPHIC);
        }
        Shape shape = size != null && (inW.number() == MsgTypeName.STRING.number) && bits > 8
                ? Shape.STRING : Shape.SCALAR;
        return Optional.of(new MigType("", shape, inW, outW, bits, port, 1, 1, true, dealloc,
                Optional.empty(), "", "", "", null, null, null, null, false));
    }

    private static boolean isReceivedForm(WireName name) {
        return name.spelling().equals(MsgTypeName.PORT_SEND.cName())
                || name.spelling().equals(MsgTypeName.PORT_RECEIVE.cName())
                || name.spelling().equals(MsgTypeName.PORT_SEND_ONCE.cName());
    }

    private static int defaultBits(WireName name) {
        if (name.isPort() || name.isPolymorphic()) return -1;
        for (MsgTypeName n : MsgTypeName.values()) {
            if (n.number == name.number() && n.cName().equals(name.spelling())) return n.defaultBits;
        }
        return 0;
    }

    private Optional<WireName> wireName(DefsParser.PrimIpcTypeContext prim) {
        if (prim.POLYMORPHIC() != null) return Optional.of(WireName.of(MsgTypeName.POLYMORPHIC));
        if (prim.INT() != null) return Optional.of(WireName.of(Integer.parseInt(prim.INT().getText())));
        Optional<MsgTypeName> name = MsgTypeName.byCName(prim.getText());
        if (name.isEmpty()) {
            diagnostics.error(MigCode.UNKNOWN_IPC_TYPE, sources.span(prim.start),
                    "'" + prim.getText() + "' is not a MACH_MSG_TYPE_* name",
                    "IPC type names are case-sensitive, e.g. MACH_MSG_TYPE_INTEGER_32");
            return Optional.empty();
        }
        return Optional.of(WireName.of(name.get()));
    }

    private Optional<MigType> reference(TerminalNode ident) {
        MigType t = types.get(ident.getText());
        if (t == null) {
            diagnostics.error(MigCode.UNDEFINED_TYPE, sources.span(ident.getSymbol()),
                    "type '" + ident.getText() + "' is not defined");
            return Optional.empty();
        }
        return Optional.of(t.withTranslations(null, t.serverType(), null, null, null, null));
    }

    private Optional<MigType> array(org.antlr.v4.runtime.ParserRuleContext c, DefsParser.IntExpContext count,
                                    DefsParser.TypeSpecContext elementSpec, Shape shape) {
        Optional<MigType> element = spec(elementSpec);
        if (element.isEmpty()) return Optional.empty();
        MigType e = element.get();
        Span span = sources.span(c.start);
        if (e.isVariable() || !e.inLine() || e.isString()) {
            diagnostics.error(MigCode.BAD_TYPE_SIZE, span, "the element type of an array must have a fixed "
                    + "size and be in-line", "name a fixed-size type for the elements");
            return Optional.empty();
        }
        if (e.isPolymorphic() && shape != Shape.UNBOUNDED_ARRAY && shape != Shape.FIXED_ARRAY) {
            // GNU MIG accepts these; nothing to check.
        }
        int n = 0;
        if (count != null) {
            Optional<Integer> value = IntExpressions.evaluate(count, sources, diagnostics);
            if (value.isEmpty()) return Optional.empty();
            n = value.get();
            if (n < 0) {
                diagnostics.error(MigCode.BAD_TYPE_SIZE, span, "array size " + n + " is negative");
                return Optional.empty();
            }
        }
        int number = n * e.number();
        // GNU MIG: 'array[] of T' and 'array[*] of T' are both indefinite: in-line up to the in-line
        // limit, out-of-line beyond; '^array[] of T' is always out-of-line.
        if (shape == Shape.UNBOUNDED_ARRAY) shape = Shape.INDEFINITE_ARRAY;
        boolean inLine = true;
        if (shape == Shape.INDEFINITE_ARRAY) {
            int elementBytes = Math.max(1, (e.port() ? 4 : e.elementBits() / 8) * e.number());
            number = INDEFINITE_INLINE_BYTES / elementBytes * e.number();
        }
        return Optional.of(new MigType("", shape, e.inName(), e.outName(), e.elementBits(), e.port(), number,
                e.number(), inLine, e.dealloc(), Optional.of(e), "", "", "", null, null, null, null, false));
    }

    private Optional<MigType> outOfLine(DefsParser.OutOfLineContext c) {
        Optional<MigType> target = spec(c.typeSpec());
        if (target.isEmpty()) return Optional.empty();
        MigType t = target.get();
        if (t.shape() == Shape.INDEFINITE_ARRAY) {
            return Optional.of(new MigType("", Shape.UNBOUNDED_ARRAY, t.inName(), t.outName(), t.elementBits(),
                    t.port(), 0, t.perCElement(), false, t.dealloc(), t.element(), "", "", "", null, null, null, null,
                    false));
        }
        if (t.shape() == Shape.BOUNDED_ARRAY || t.isString()) {
            diagnostics.error(MigCode.BAD_TYPE_SIZE, sources.span(c.start),
                    "'^' applies to fixed-size types and to 'array[] of T' only",
                    "use '^array[] of T' for out-of-line data of variable size");
            return Optional.empty();
        }
        return Optional.of(new MigType("", t.shape(), t.inName(), t.outName(), t.elementBits(), t.port(),
                t.number(), t.perCElement(), false, t.dealloc(), t.element(), "", "", "", null, null, null, null,
                false));
    }

    private Optional<MigType> cString(org.antlr.v4.runtime.ParserRuleContext c, DefsParser.IntExpContext size,
                                      boolean varying) {
        Optional<Integer> value = IntExpressions.evaluate(size, sources, diagnostics);
        if (value.isEmpty()) return Optional.empty();
        WireName w = WireName.of(MsgTypeName.STRING_C);
        if (varying) {
            return Optional.of(new MigType("", Shape.VAR_STRING, w, w, 8, false, value.get(), 1, true, false,
                    Optional.empty(), "", "", "", null, null, null, null, false));
        }
        return Optional.of(new MigType("", Shape.STRING, w, w, 8, false, value.get(), 1, true, false,
                Optional.empty(), "", "", "", null, null, null, null, false));
    }

    /**
     * {@code struct { T f; … }}: laid out with C's natural alignment (each member at a multiple of its
     * alignment, the total rounded to the largest), then carried as 32-bit words when the size allows,
     * else as bytes. GNU MIG 1.8 sums member sizes without alignment (see docs/mig.md).
     */
    private Optional<MigType> structBody(DefsParser.StructBodyContext c) {
        int offset = 0, align = 1;
        for (DefsParser.StructMemberContext m : c.structMember()) {
            Optional<MigType> member = spec(m.typeSpec());
            if (member.isEmpty()) return Optional.empty();
            MigType t = member.get();
            if (t.isVariable() || !t.inLine() || t.port() || t.isPolymorphic()) {
                diagnostics.error(MigCode.BAD_TYPE_SIZE, sources.span(m.start),
                        "struct member '" + m.IDENT().getText() + "' must be plain in-line data");
                return Optional.empty();
            }
            int unit = Math.max(1, t.elementBits() / 8);
            int a = Math.min(unit, 8);
            offset = (offset + a - 1) / a * a + unit * t.number();
            align = Math.max(align, a);
        }
        int size = (offset + align - 1) / align * align;
        boolean words = size % 4 == 0;
        WireName w = WireName.of(words ? MsgTypeName.INTEGER_32 : MsgTypeName.BYTE);
        int number = words ? size / 4 : size;
        return Optional.of(new MigType("", Shape.STRUCT, w, w, words ? 32 : 8, false, number, number, true,
                false, Optional.empty(), "", "", "", null, null, null, null, false));
    }

    static String text(Token t) {
        return t.getText();
    }
}
