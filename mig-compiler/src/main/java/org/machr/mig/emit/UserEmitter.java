package org.machr.mig.emit;

import java.util.List;
import java.util.Optional;
import org.machr.mig.layout.Abi;
import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.Side;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.ArgFlag;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.Interface;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Subsystem;

/**
 * {@code NAMEUser.c}: one function per routine that builds the request, sends it (and for a routine
 * receives the reply), checks every reply descriptor and copies the results out.
 */
public final class UserEmitter {

    private final Interface iface;
    private final Subsystem s;
    private final Abi abi;
    /** {@code -subrprefix}: prepended to mach_msg and the reply-port functions. */
    private final String subr;

    private UserEmitter(Interface iface, String subrPrefix, Abi abi) {
        this.iface = iface;
        this.s = iface.subsystem();
        this.abi = abi;
        this.subr = subrPrefix;
    }

    public static String emit(Interface iface, String headerName, String subrPrefix, Abi abi) {
        return new UserEmitter(iface, subrPrefix, abi).file(headerName);
    }

    /** The user stub of one routine (by its unprefixed name) in a file of its own, for {@code -i}. */
    public static String emitOne(Interface iface, String headerName, String subrPrefix, Abi abi, String routine) {
        return new UserEmitter(iface, subrPrefix, abi).file(headerName, r -> r.name().equals(routine));
    }

    private String file(String headerName) {
        return file(headerName, r -> true);
    }

    private String file(String headerName, java.util.function.Predicate<Routine> include) {
        StringBuilder out = new StringBuilder(CText.PREAMBLE);
        out.append("#include \"").append(headerName).append("\"\n");
        out.append(CText.INCLUDES_AND_KNOBS);
        HeaderEmitter.imports(out, iface, org.machr.mig.model.Import.Kind.USER);
        for (Routine r : iface.routines()) if (include.test(r)) out.append(routine(r)).append('\n');
        return out.toString();
    }

    private String routine(Routine r) {
        MessageLayout request = MessageLayout.request(r, s, Side.USER, abi);
        Optional<MessageLayout> reply = r.simple() ? Optional.empty()
                : Optional.of(MessageLayout.reply(r, s, Side.USER, abi));
        StringBuilder out = new StringBuilder();
        out.append(r.simple() ? "/* SimpleRoutine " : "/* Routine ").append(r.name()).append(" */\n");
        out.append("mig_external kern_return_t ").append(r.userName()).append('\n');
        HeaderEmitter.parameterBlock(out, Params.user(r, s));
        out.append("\n{\n");
        out.append(CText.struct("Request", request, s)).append('\n');
        reply.ifPresent(l -> out.append(CText.struct("Reply", l, s)).append('\n'));
        out.append(reply.isPresent() ? "\tunion {\n\t\tRequest In;\n\t\tReply Out;\n\t} Mess;\n\n"
                : "\tunion {\n\t\tRequest In;\n\t} Mess;\n\n");
        if (!request.items().isEmpty()) out.append("\tRequest *InP = &Mess.In;\n");
        reply.ifPresent(l -> out.append("\tReply *OutP = &Mess.Out;\n"));
        out.append("\tunsigned int msgh_size = ").append(request.fixedBytes()).append(";\n");
        if (dynamicallyComplex(request) && !request.complex()) out.append("\tboolean_t msgh_simple = TRUE;\n");
        out.append('\n');
        for (Item item : request.items()) out.append(CText.descriptorConstant(item.field() + "Type", item.descriptor()));
        out.append('\n');
        RequestWriter writer = new RequestWriter(out, request);
        for (Item item : request.items()) writer.write(item);
        header(out, r, request);
        if (reply.isEmpty()) {
            out.append("\treturn ").append(send(r)).append(";\n}\n");
            return out.toString();
        }
        rpc(out, r);
        new ReplyReader(out, reply.get(), s).read();
        out.append("}\n");
        return out.toString();
    }

    private void header(StringBuilder out, Routine r, MessageLayout request) {
        Argument port = r.requestPort();
        String remote = port.type().inName().isPolymorphic() ? port.name() + "Poly" : port.type().inName().spelling();
        Optional<Argument> replyArg = r.find(Direction.REPLY_PORT).or(() -> r.find(Direction.UREPLY_PORT));
        String local = replyArg.map(a -> a.type().inName().isPolymorphic() ? a.name() + "Poly"
                : a.type().inName().spelling()).orElse(r.simple() ? "0" : "MACH_MSG_TYPE_MAKE_SEND_ONCE");
        String bits = "MACH_MSGH_BITS(" + remote + ", " + local + ")";
        if (request.complex()) bits = "MACH_MSGH_BITS_COMPLEX | " + bits;
        else if (dynamicallyComplex(request)) bits = "(msgh_simple ? 0 : MACH_MSGH_BITS_COMPLEX) | " + bits;
        String replyPort = replyArg.map(Argument::name).orElse(r.simple() || s.kernelUser() ? "MACH_PORT_NULL"
                : subr + "mig_get_reply_port()");
        String cast = s.kernelUser() ? "(mach_port_t) " : "";
        out.append("\tMess.In.Head.msgh_bits = ").append(bits).append(";\n");
        out.append("\tMess.In.Head.msgh_size = msgh_size;\n");
        out.append("\tMess.In.Head.msgh_remote_port = ").append(cast).append(port.name()).append(";\n");
        out.append("\tMess.In.Head.msgh_local_port = ").append(replyArg.isPresent() ? cast : "").append(replyPort).append(";\n");
        out.append("\tMess.In.Head.msgh_seqno = 0;\n");
        out.append("\tMess.In.Head.msgh_id = ").append(s.base() + r.index()).append(";\n\n");
    }

    private String options(Routine r, boolean receive) {
        String option = r.find(Direction.MSGOPTION).map(Argument::name)
                .orElse(r.msgOption().orElse("MACH_MSG_OPTION_NONE"));
        boolean timed = r.find(Direction.WAITTIME).isPresent() || r.waitTime().isPresent();
        return "MACH_SEND_MSG|" + (receive ? "MACH_RCV_MSG|" : "") + (timed && receive ? "MACH_RCV_TIMEOUT|" : "")
                + option;
    }

    private String timeout(Routine r) {
        return r.find(Direction.WAITTIME).map(Argument::name).orElse(r.waitTime().orElse("MACH_MSG_TIMEOUT_NONE"));
    }

    private String send(Routine r) {
        if (s.kernelUser()) return "mach_msg_send_from_kernel(&Mess.In.Head, msgh_size)";
        return subr + "mach_msg(&Mess.In.Head, " + options(r, false) + ", msgh_size, 0, MACH_PORT_NULL, "
                + timeout(r) + ", MACH_PORT_NULL)";
    }

    private void rpc(StringBuilder out, Routine r) {
        out.append("\tmach_msg_return_t msg_result;\n");
        if (s.kernelUser()) {
            out.append("\tmsg_result = mach_msg_rpc_from_kernel(&Mess.In.Head, msgh_size, sizeof(Reply));\n");
            out.append("\tif (msg_result != MACH_MSG_SUCCESS)\n\t\treturn msg_result;\n\n");
        } else {
            out.append("\tmsg_result = ").append(subr).append("mach_msg(&Mess.In.Head, ").append(options(r, true))
                    .append(", msgh_size, sizeof(Reply), Mess.In.Head.msgh_local_port, ").append(timeout(r))
                    .append(", MACH_PORT_NULL);\n");
            out.append("\tif (msg_result != MACH_MSG_SUCCESS) {\n\t\t" + subr + "mig_dealloc_reply_port(Mess.In.Head.msgh_local_port);\n")
                    .append("\t\treturn msg_result;\n\t}\n");
            out.append("\t").append(subr).append("mig_put_reply_port(Mess.In.Head.msgh_local_port);\n\n");
        }
        out.append("\tif (mig_unlikely (Mess.Out.Head.msgh_id != ").append(s.base() + r.index() + 100).append(")) {\n");
        out.append("\t\tif (Mess.Out.Head.msgh_id == MACH_NOTIFY_SEND_ONCE)\n\t\t\treturn MIG_SERVER_DIED;\n");
        if (!s.kernelUser()) out.append("\t\t").append(subr).append("mig_dealloc_reply_port(Mess.In.Head.msgh_local_port);\n");
        out.append("\t\treturn MIG_REPLY_MISMATCH;\n\t}\n\n");
    }

    /** Writes request items from the user's parameters. */
    private final class RequestWriter {
        private final StringBuilder out;
        private final MessageLayout layout;
        private int remainingVariable;

        RequestWriter(StringBuilder out, MessageLayout layout) {
            this.out = out;
            this.layout = layout;
            this.remainingVariable = (int) layout.items().stream().filter(Item::variable).count();
        }

        void write(Item item) {
            Argument a = item.argument().orElseThrow();
            MigType t = a.type();
            String f = "InP->" + item.field();
            out.append("\tInP->").append(item.field()).append("Type = ").append(item.field()).append("Type;\n");
            if (item.role() == Item.Role.COUNT) {
                int max = maxCount(a);
                out.append("\t").append(f).append(" = *").append(item.field()).append(" < ").append(max).append(" ? *")
                        .append(item.field()).append(" : ").append(max).append(";\n\n");
                return;
            }
            String v = a.direction() == Direction.INOUT && !Params.isCArray(t) ? "*" + a.name() : a.name();
            if (t.inName().isPolymorphic()) {
                String poly = a.direction() == Direction.INOUT ? "*" + a.name() + "Poly" : a.name() + "Poly";
                out.append("\tInP->").append(CText.nameField(item)).append(" = ").append(poly).append(";\n");
                if (!layout.complex()) {
                    out.append("\tif (MACH_MSG_TYPE_PORT_ANY(").append(poly).append("))\n\t\tmsgh_simple = FALSE;\n");
                }
            }
            if (a.has(ArgFlag.DEALLOC_MAYBE)) {
                out.append("\tInP->").append(CText.header(item)).append(".msgt_deallocate = ").append(a.name())
                        .append("Dealloc;\n");
            }
            String count = a.direction() == Direction.INOUT ? "*" + a.name() + "Cnt" : a.name() + "Cnt";
            if (!t.inLine()) {
                out.append("\t").append(f).append(" = ").append(v).append(";\n");
                if (t.isVariable()) {
                    out.append("\tInP->").append(CText.numberField(item)).append(" = ").append(scaled(count, t)).append(";\n");
                }
            } else if (t.shape() == Shape.INDEFINITE_ARRAY) {
                int max = item.dataBytes() / item.elementBytes();
                out.append("\tif (").append(count).append(" > ").append(max).append(") {\n");
                out.append("\t\tInP->").append(CText.header(item)).append(".msgt_inline = FALSE;\n");
                if (a.has(ArgFlag.DEALLOC)) {
                    out.append("\t\tInP->").append(CText.header(item)).append(".msgt_deallocate = TRUE;\n");
                }
                out.append("\t\t").append(f).append("P = ").append(v).append(";\n");
                if (!layout.complex()) out.append("\t\tmsgh_simple = FALSE;\n");
                out.append("\t} else if (").append(count).append(") {\n");
                out.append("\t\tmemcpy(").append(f).append(", ").append(v).append(", ").append(item.elementBytes())
                        .append(" * ").append(count).append(");\n\t}\n");
                out.append("\tInP->").append(CText.numberField(item)).append(" = ").append(scaled(count, t)).append(";\n");
                shift(item, "(InP->" + CText.header(item) + ".msgt_inline ? " + pad(item.elementBytes() + " * " + count)
                        + " : " + abi.pointerBytes() + ")");
            } else if (t.shape() == Shape.VAR_STRING) {
                String n = "InP->" + CText.numberField(item);
                out.append("\t").append(n).append(" = mig_strncpy(").append(f).append(", ").append(v).append(", ")
                        .append(t.number()).append(");\n");
                out.append("\tif (").append(n).append(" < ").append(t.number()).append(")\n\t\t").append(n).append(" += 1;\n");
                shift(item, pad(n));
            } else if (t.isVariable()) {
                int max = item.dataBytes() / item.elementBytes();
                out.append("\tif (").append(count).append(" > ").append(max).append(")\n\t\treturn MIG_ARRAY_TOO_LARGE;\n");
                out.append("\tmemcpy(").append(f).append(", ").append(v).append(", ").append(item.elementBytes())
                        .append(" * ").append(count).append(");\n");
                out.append("\tInP->").append(CText.numberField(item)).append(" = ").append(scaled(count, t)).append(";\n");
                shift(item, pad(item.elementBytes() + " * " + count));
            } else if (t.shape() == Shape.STRING) {
                out.append("\t(void) mig_strncpy(").append(f).append(", ").append(v).append(", ").append(item.dataBytes())
                        .append(");\n");
            } else if (Params.isCArray(t)) {
                out.append("\tmemcpy(").append(f).append(", ").append(v).append(", ").append(item.dataBytes()).append(");\n");
            } else {
                out.append("\t").append(f).append(" = ").append(v).append(";\n");
            }
            out.append('\n');
        }

        private void shift(Item item, String bytes) {
            remainingVariable--;
            boolean later = layout.items().indexOf(item) < layout.items().size() - 1;
            out.append("\tmsgh_size += ").append(bytes).append(";\n");
            if (later) {
                out.append("\tInP = (Request *) ((char *) InP + ").append(bytes).append(" - ")
                        .append(abi.pad(item.dataBytes())).append(");\n");
            }
        }
    }

    /** Whether writing the request may discover rights or out-of-line data at run time. */
    private boolean dynamicallyComplex(MessageLayout request) {
        return request.items().stream().anyMatch(i -> i.dynamicInline()
                || i.argument().isPresent() && i.role() == Item.Role.VALUE
                && i.argument().get().type().inName().isPolymorphic());
    }

    static String scaled(String count, MigType t) {
        return t.perCElement() == 1 ? count : t.perCElement() + " * " + count;
    }

    static String scaledDown(String number, MigType t) {
        return t.perCElement() == 1 ? number : number + " / " + t.perCElement();
    }

    static String pad(String bytes) {
        return "((" + bytes + " + 3) & ~3)";
    }

    static int maxCount(Argument a) {
        MigType t = a.type();
        return t.number() / Math.max(1, t.perCElement());
    }

    static List<Item> valueItems(MessageLayout l) {
        return l.items().stream().filter(i -> i.role() == Item.Role.VALUE).toList();
    }
}
