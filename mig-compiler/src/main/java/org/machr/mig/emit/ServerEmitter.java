package org.machr.mig.emit;

import java.util.ArrayList;
import java.util.List;
import org.machr.mig.layout.Abi;
import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.Side;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.Entry;
import org.machr.mig.model.Interface;
import org.machr.mig.model.MigType;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Skip;
import org.machr.mig.model.Subsystem;

/**
 * {@code NAMEServer.c}: per routine a {@code _XNAME(InHeadP, OutHeadP)} that checks the request (size,
 * complex bit, every descriptor: {@code MIG_BAD_ARGUMENTS} on any mismatch), calls the work function
 * and fills the reply; then {@code NAME_server_routines[]} and the demux.
 */
public final class ServerEmitter {

    private final Interface iface;
    private final Subsystem s;
    private final Abi abi;
    /** Header fields holding the request and reply ports on the receiving side. */
    private final String requestField, replyField, replyBits;

    private final boolean symbolTable;

    private ServerEmitter(Interface iface, boolean symbolTable, Abi abi) {
        this.symbolTable = symbolTable;
        this.iface = iface;
        this.s = iface.subsystem();
        this.abi = abi;
        boolean kernel = s.kernelServer();
        this.requestField = kernel ? "msgh_remote_port" : "msgh_local_port";
        this.replyField = kernel ? "msgh_local_port" : "msgh_remote_port";
        this.replyBits = kernel ? "MACH_MSGH_BITS_LOCAL" : "MACH_MSGH_BITS_REMOTE";
    }

    public static String emit(Interface iface, boolean symbolTable, Abi abi) {
        return new ServerEmitter(iface, symbolTable, abi).file();
    }

    private String file() {
        StringBuilder out = new StringBuilder("/* Module ").append(s.name()).append(" */\n\n").append(CText.PREAMBLE);
        out.append(CText.INCLUDES_AND_KNOBS);
        if (s.kernelServer()) out.append("#include <ipc/ipc_port.h>\n\n");
        HeaderEmitter.imports(out, iface, org.machr.mig.model.Import.Kind.SERVER);
        for (Routine r : iface.routines()) {
            out.append(routine(r)).append('\n');
            out.append(defaultImplementation(r)).append('\n');
        }
        table(out);
        demux(out);
        if (symbolTable) symbolTable(out);
        return out.toString();
    }

    private String defaultImplementation(Routine r) {
        StringBuilder out = new StringBuilder("/* Default implementation of ").append(r.serverName()).append(" */\n");
        out.append("#ifdef\tMIG_EOPNOTSUPP\nkern_return_t __attribute__ ((weak))\n").append(r.serverName()).append('\n');
        HeaderEmitter.parameterBlock(out, Params.server(r, s));
        out.append(" { return MIG_EOPNOTSUPP; }\n#endif\t/* MIG_EOPNOTSUPP */\n");
        return out.toString();
    }

    private void table(StringBuilder out) {
        out.append("mig_routine_t ").append(iface.demuxName()).append("_routines[] = {\n");
        for (Entry e : iface.entries()) {
            out.append("\t\t").append(switch (e) {
                case Routine r -> "_X" + r.name();
                case Skip k -> "0";
            }).append(",\n");
        }
        out.append("};\n\n");
    }

    /** {@code -s}: routine names and ids for debuggers, as {@code mig_symtab_t} entries. */
    private void symbolTable(StringBuilder out) {
        String name = s.name();
        out.append("\nmig_symtab_t _").append(name).append("SymTab[] = {\n");
        for (Entry e : iface.entries()) {
            switch (e) {
                case Routine r -> out.append("\t{ \"").append(r.name()).append("\", ").append(s.base() + r.index())
                        .append(", _X").append(r.name()).append(" },\n");
                case Skip k -> out.append("\t{ \"\", 0, 0 },\n");
            }
        }
        out.append("};\nint _").append(name).append("SymTabBase = ").append(s.base()).append(";\n");
        out.append("int _").append(name).append("SymTabEnd = ").append(s.base() + iface.routineCount()).append(";\n");
    }

    private void demux(StringBuilder out) {
        int base = s.base(), last = base + iface.routineCount() - 1;
        out.append("mig_external boolean_t ").append(iface.demuxName())
                .append("\n\t(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP)\n{\n");
        out.append("\tmig_reply_header_t *OutP = (mig_reply_header_t *) OutHeadP;\n");
        out.append("\tconst mach_msg_type_t RetCodeType = MIG_TYPE(MACH_MSG_TYPE_INTEGER_32, 32, 1, TRUE, FALSE);\n");
        out.append("\tmig_routine_t routine;\n\n");
        out.append("\tOutP->Head.msgh_bits = MACH_MSGH_BITS(").append(replyBits).append("(InHeadP->msgh_bits), 0);\n");
        out.append("\tOutP->Head.msgh_size = sizeof *OutP;\n");
        out.append("\tOutP->Head.msgh_remote_port = InHeadP->").append(replyField).append(";\n");
        out.append("\tOutP->Head.msgh_local_port = MACH_PORT_NULL;\n");
        out.append("\tOutP->Head.msgh_seqno = 0;\n");
        out.append("\tOutP->Head.msgh_id = InHeadP->msgh_id + 100;\n");
        out.append("\tOutP->RetCodeType = RetCodeType;\n\n");
        out.append("\tif ((InHeadP->msgh_id > ").append(last).append(") || (InHeadP->msgh_id < ").append(base)
                .append(") ||\n\t    ((routine = ").append(iface.demuxName()).append("_routines[InHeadP->msgh_id - ")
                .append(base).append("]) == 0)) {\n");
        out.append("\t\tOutP->RetCode = MIG_BAD_ID;\n\t\treturn FALSE;\n\t}\n");
        out.append("\t(*routine) (InHeadP, &OutP->Head);\n\treturn TRUE;\n}\n");
    }

    private String routine(Routine r) {
        MessageLayout request = MessageLayout.request(r, s, Side.SERVER, abi);
        MessageLayout reply = MessageLayout.reply(r, s, Side.SERVER, abi);
        StringBuilder out = new StringBuilder();
        out.append(r.simple() ? "/* SimpleRoutine " : "/* Routine ").append(r.name()).append(" */\n");
        out.append("mig_internal void _X").append(r.name())
                .append("\n\t(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP)\n{\n");
        if (!request.items().isEmpty()) out.append(CText.struct("Request", request, s)).append('\n');
        out.append(r.simple() ? "\ttypedef mig_reply_header_t Reply;\n\n" : CText.struct("Reply", reply, s) + "\n");
        if (!request.items().isEmpty()) out.append("\tRequest *InP = (Request *) InHeadP;\n");
        out.append("\tReply *OutP = (Reply *) OutHeadP;\n");
        out.append("\tmig_external kern_return_t ").append(r.serverName()).append("\n\t\t")
                .append(HeaderEmitter.parameterLine(Params.server(r, s))).append(";\n\n");
        out.append("\tunsigned int msgh_size = InHeadP->msgh_size;\n");
        out.append("\tboolean_t msgh_simple = !(InHeadP->msgh_bits & MACH_MSGH_BITS_COMPLEX);\n");
        out.append("\t(void) msgh_size;\n\t(void) msgh_simple;\n\n");
        String checks = Checks.constants(request);
        out.append(checks.isEmpty() ? "" : checks + "\n");
        RequestReader reader = new RequestReader(out, request);
        reader.checkAndRead();
        List<String> calls = new ArrayList<>();
        List<String> destructors = new ArrayList<>();
        ReplyWriter writer = new ReplyWriter(out, reply, s, abi);
        writer.declareLocals(r, reader);
        for (Params.Param p : Params.server(r, s)) calls.add(argumentFor(p, reader, writer, destructors));
        out.append(pendingConversions);
        pendingConversions.setLength(0);
        out.append("\tOutP->RetCode = ").append(r.serverName()).append('(').append(String.join(", ", calls)).append(");\n");
        for (int i = destructors.size() - 1; i >= 0; i--) out.append('\t').append(destructors.get(i)).append(";\n");
        if (!r.simple() && reply.items().size() > 1) {
            out.append("\tif (OutP->RetCode != KERN_SUCCESS)\n\t\treturn;\n\n");
            writer.write();
        }
        out.append("}\n");
        return out.toString();
    }

    private String argumentFor(Params.Param p, RequestReader reader, ReplyWriter writer, List<String> destructors) {
        Argument a = p.argument();
        MigType t = a.type();
        String fieldType = Params.fieldType(t, Side.SERVER, s);
        return switch (a.direction()) {
            case REQUEST_PORT, REPLY_PORT, SREPLY_PORT -> {
                String field = a.direction() == Direction.REQUEST_PORT ? requestField : replyField;
                if (p.kind() == Params.Kind.POLY) yield replyBitsOf(a);
                String raw = s.kernelServer() ? "(" + fieldType + ") InHeadP->" + field : "InHeadP->" + field;
                yield translated(a, raw, destructors, a.direction() == Direction.REQUEST_PORT);
            }
            case MSGSEQNO -> "InHeadP->msgh_seqno";
            case IN -> reader.argument(p, this, destructors);
            case OUT, INOUT -> writer.argument(p);
            case UREPLY_PORT, WAITTIME, MSGOPTION -> throw new IllegalStateException("not a server parameter");
        };
    }

    private String replyBitsOf(Argument a) {
        return a.direction() == Direction.REQUEST_PORT
                ? (s.kernelServer() ? "MACH_MSGH_BITS_REMOTE" : "MACH_MSGH_BITS_LOCAL") + "(InHeadP->msgh_bits)"
                : replyBits + "(InHeadP->msgh_bits)";
    }

    /** The value after {@code intran} (a local is declared and converted before the call). */
    String translated(Argument a, String raw, List<String> destructors, boolean requestPort) {
        MigType t = a.type();
        if (t.inTran() == null && !(requestPort && t.inTranPayload() != null)) {
            if (t.destructor() != null) destructors.add(t.destructor() + "(" + raw + ")");
            return raw;
        }
        String local = a.name() + "_in";
        StringBuilder code = new StringBuilder("\t").append(t.transType()).append(' ').append(local).append(";\n");
        String conversion = t.inTran() != null ? t.inTran() + "(" + raw + ")" : raw;
        if (requestPort && t.inTranPayload() != null) {
            code.append("\tif (MACH_MSGH_BITS_LOCAL(InHeadP->msgh_bits) == MACH_MSG_TYPE_PROTECTED_PAYLOAD)\n\t\t")
                    .append(local).append(" = ").append(t.inTranPayload()).append("(InHeadP->msgh_protected_payload);\n")
                    .append("\telse\n\t\t").append(local).append(" = ").append(conversion).append(";\n");
        } else {
            code.append('\t').append(local).append(" = ").append(conversion).append(";\n");
        }
        pendingConversions.append(code);
        if (t.destructor() != null) destructors.add(t.destructor() + "(" + local + ")");
        return local;
    }

    private final StringBuilder pendingConversions = new StringBuilder();
}
