package org.machr.mig.emit;

import java.util.List;
import org.machr.mig.model.Import;
import org.machr.mig.model.Interface;
import org.machr.mig.model.Routine;

/** The user header ({@code NAME.h}) and the server header ({@code -sheader}). */
public final class HeaderEmitter {

    private HeaderEmitter() {}

    public static String user(Interface iface) {
        String name = iface.subsystem().name();
        StringBuilder out = new StringBuilder();
        out.append("#ifndef\t_").append(name).append("_user_\n#define\t_").append(name).append("_user_\n\n");
        out.append("/* Module ").append(name).append(" */\n\n");
        out.append("#include <mach/kern_return.h>\n#include <mach/port.h>\n#include <mach/message.h>\n\n");
        imports(out, iface, Import.Kind.USER);
        for (Routine r : iface.routines()) {
            out.append(r.simple() ? "/* SimpleRoutine " : "/* Routine ").append(r.name()).append(" */\n");
            out.append("#ifdef\tmig_external\nmig_external\n#else\nextern\n#endif\n");
            out.append("kern_return_t ").append(r.userName()).append('\n');
            parameterBlock(out, Params.user(r, iface.subsystem()));
            out.append(";\n\n");
        }
        out.append("#endif\t/* not defined(_").append(name).append("_user_) */\n");
        return out.toString();
    }

    public static String server(Interface iface) {
        String name = iface.subsystem().name();
        StringBuilder out = new StringBuilder();
        out.append("#ifndef\t_").append(name).append("_server_\n#define\t_").append(name).append("_server_\n\n");
        out.append("/* Module ").append(name).append(" */\n\n");
        out.append("#include <mach/kern_return.h>\n#include <mach/port.h>\n#include <mach/message.h>\n\n");
        out.append("#include <mach/mig_errors.h>\n");
        imports(out, iface, Import.Kind.SERVER);
        for (Routine r : iface.routines()) {
            out.append(r.simple() ? "/* SimpleRoutine " : "/* Routine ").append(r.name()).append(" */\n");
            out.append("#ifdef\tmig_external\nmig_external\n#else\nextern\n#endif\n");
            out.append("kern_return_t ").append(r.serverName()).append('\n');
            parameterBlock(out, Params.server(r, iface.subsystem()));
            out.append(";\n\n");
        }
        String demux = iface.demuxName();
        int base = iface.subsystem().base();
        out.append("/* The routine table of the demultiplexer, and a lookup by message id. */\n");
        out.append("extern mig_routine_t ").append(demux).append("_routines[];\n");
        out.append("static __inline mig_routine_t ").append(demux).append("_routine\n");
        out.append("\t(const mach_msg_header_t *InHeadP)\n{\n");
        out.append("\tint msgh_id = InHeadP->msgh_id - ").append(base).append(";\n\n");
        out.append("\tif ((msgh_id > ").append(iface.routineCount() - 1).append(") || (msgh_id < 0))\n\t\treturn 0;\n\n");
        out.append("\treturn ").append(demux).append("_routines[msgh_id];\n}\n\n");
        out.append("#endif\t/* not defined(_").append(name).append("_server_) */\n");
        return out.toString();
    }

    /**
     * The internal header ({@code -iheader}): declarations of the server's per-routine functions
     * {@code _XNAME}, for code that builds its own demux. GNU MIG 1.8 accepts the flag and writes nothing.
     */
    public static String internal(Interface iface) {
        String name = iface.subsystem().name();
        StringBuilder out = new StringBuilder();
        out.append("#ifndef\t_").append(name).append("_internal_\n#define\t_").append(name).append("_internal_\n\n");
        out.append("/* Module ").append(name).append(" */\n\n#include <mach/message.h>\n\n");
        out.append("#ifndef\tmig_internal\n#define\tmig_internal\tstatic\n#endif\n\n");
        for (Routine r : iface.routines()) {
            out.append("mig_internal void _X").append(r.name())
                    .append("\n\t(mach_msg_header_t *InHeadP, mach_msg_header_t *OutHeadP);\n\n");
        }
        out.append("#endif\t/* not defined(_").append(name).append("_internal_) */\n");
        return out.toString();
    }

    static void imports(StringBuilder out, Interface iface, Import.Kind side) {
        boolean any = false;
        for (Import i : iface.imports()) {
            if (i.kind() == Import.Kind.BOTH || i.kind() == side) {
                out.append("#include ").append(i.file()).append('\n');
                any = true;
            }
        }
        if (any) out.append('\n');
    }

    /** {@code (\n\tT a,\n\tU b\n)} as GNU MIG lays out prototypes; {@code (void)} when empty. */
    static void parameterBlock(StringBuilder out, List<Params.Param> params) {
        if (params.isEmpty()) {
            out.append("(void)");
            return;
        }
        out.append("(\n");
        for (int i = 0; i < params.size(); i++) {
            out.append('\t').append(params.get(i).declaration()).append(i + 1 < params.size() ? ",\n" : "\n");
        }
        out.append(')');
    }

    /** {@code (T a, U b)} on one line. */
    static String parameterLine(List<Params.Param> params) {
        if (params.isEmpty()) return "(void)";
        StringBuilder out = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) out.append(", ");
            out.append(params.get(i).declaration());
        }
        return out.append(')').toString();
    }
}
