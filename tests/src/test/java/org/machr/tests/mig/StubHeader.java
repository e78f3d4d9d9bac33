package org.machr.tests.mig;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routines a GNU MIG header declares, read from its text: for each {@code /* Routine NAME *}{@code /}
 * or {@code /* SimpleRoutine NAME *}{@code /} comment, the C function that follows with its parameters.
 * Works on user headers (client stubs) and {@code -sheader} server headers (work functions).
 */
record StubHeader(List<Routine> routines) {

    /** One C parameter: its type as written (e.g. {@code const io_buf_ptr_inband_t}, {@code mach_port_t *}) and name. */
    record Param(String type, String name) {

        boolean byPointer() {
            return type.endsWith("*");
        }

        /** The type without the final {@code *} and without {@code const}: a variable to point at. */
        String pointee() {
            String t = byPointer() ? type.substring(0, type.length() - 1).strip() : type;
            return t.startsWith("const ") ? t.substring(6) : t;
        }

        /** The type without {@code const}, to declare a local of it. */
        String mutableType() {
            return type.startsWith("const ") ? type.substring(6) : type;
        }
    }

    /**
     * A routine.
     *
     * @param name     the routine's name in the {@code .defs} file
     * @param simple   a simpleroutine (no reply expected)
     * @param function the C function (with user or server prefix)
     */
    record Routine(String name, boolean simple, String function, List<Param> params) {

        Param param(String name) {
            for (Param p : params) if (p.name().equals(name)) return p;
            return null;
        }
    }

    private static final Pattern ROUTINE = Pattern.compile(
            "/\\* (Routine|SimpleRoutine) (\\w+) \\*/\\n(?:#ifdef\\s+mig_external\\nmig_external\\n#else\\nextern\\n#endif\\n)?"
                    + "\\w+ (\\w+)\\n\\(\\n(.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern PARAM = Pattern.compile("^\\s*(.*?)\\s*\\b(\\w+)\\s*$", Pattern.DOTALL);

    static StubHeader parse(String text) {
        List<Routine> routines = new ArrayList<>();
        Matcher m = ROUTINE.matcher(text);
        while (m.find()) {
            List<Param> params = new ArrayList<>();
            for (String p : m.group(4).split(",\\n")) {
                String s = p.strip();
                if (s.isEmpty() || s.equals("void")) continue;
                Matcher pm = PARAM.matcher(s);
                if (!pm.matches()) throw new IllegalArgumentException("cannot read parameter '" + s + "' of " + m.group(2));
                String type = pm.group(1).replaceAll("\\s+", " ").replaceAll("\\s*\\*", " *").strip();
                params.add(new Param(type, pm.group(2)));
            }
            routines.add(new Routine(m.group(2), m.group(1).equals("SimpleRoutine"), m.group(3), params));
        }
        return new StubHeader(routines);
    }
}
