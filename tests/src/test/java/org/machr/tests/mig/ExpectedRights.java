package org.machr.tests.mig;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The port right a GNU MIG stub checks an item against, read from the reference's generated checks
 * ({@code const mach_msg_type_t NAMECheck = { MACH_MSG_TYPE_PORT_SEND_ONCE, …}}). A port that is
 * polymorphic on one side only (GNU's {@code mach_port_send_once_t} is polymorphic for the user) must
 * be sent with a disposition that arrives as that right; the prototypes do not say which.
 */
final class ExpectedRights {

    private static final Pattern ROUTINE = Pattern.compile("/\\* (?:Simple)?[Rr]outine (\\w+) \\*/");
    private static final Pattern CHECK = Pattern.compile(
            "const mach_msg_type_t (\\w+)Check = \\{\\s*/\\* msgt_name = \\*/\\s*\\(unsigned char\\) MACH_MSG_TYPE_(\\w+),");

    private static final Pattern OUT_STRING = Pattern.compile("mig_strncpy\\((\\w+),");

    private final Map<String, String> rights = new HashMap<>();
    private final java.util.Set<String> outStrings = new java.util.HashSet<>();

    ExpectedRights(String stubSource) {
        Matcher r = ROUTINE.matcher(stubSource);
        int start = -1;
        String routine = null;
        while (true) {
            boolean more = r.find();
            if (routine != null) {
                Matcher c = CHECK.matcher(stubSource.substring(start, more ? r.start() : stubSource.length()));
                while (c.find()) rights.put(routine + "." + c.group(1), c.group(2));
                Matcher o = OUT_STRING.matcher(stubSource.substring(start, more ? r.start() : stubSource.length()));
                while (o.find()) outStrings.add(routine + "." + o.group(1));
            }
            if (!more) break;
            routine = r.group(1);
            start = r.end();
        }
    }

    /** e.g. {@code PORT_SEND_ONCE}, or null when the stub does not check that item by a fixed type. */
    String of(String routine, String param) {
        return rights.get(routine + "." + param);
    }

    /**
     * In a client stub: true when {@code param} is an out c_string, which the prototype passes as an array
     * like an in value; the stub copies it out of the reply with {@code mig_strncpy}.
     */
    boolean isOutString(String routine, String param) {
        return outStrings.contains(routine + "." + param);
    }

    /** Port dispositions (mach/message.h): the value a sender puts so that the receiver gets {@code right}. */
    static int dispositionFor(String right) {
        if (right == null) return 17;                 // MOVE_SEND, received as PORT_SEND (17)
        return switch (right) {
            case "PORT_SEND_ONCE" -> 18;              // MOVE_SEND_ONCE
            case "PORT_RECEIVE" -> 16;                // MOVE_RECEIVE
            default -> 17;                            // MOVE_SEND
        };
    }
}
