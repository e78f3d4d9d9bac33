package org.machr.mig.model;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code MACH_MSG_TYPE_*} names the language knows (GNU Mach {@code mach/message.h}): their number
 * on the wire, their default size in bits (0 when a size must be given; ports use the ABI's port size)
 * and, for port rights, the name the receiver sees.
 */
public enum MsgTypeName {
    UNSTRUCTURED(0, 0), BIT(0, 1), BOOLEAN(0, 32), INTEGER_16(1, 16), INTEGER_32(2, 32), CHAR(8, 8),
    BYTE(9, 8), INTEGER_8(9, 8), REAL(10, 0), INTEGER_64(11, 64), STRING(12, 0), STRING_C(12, 0),
    PORT_NAME(15, 32),
    MOVE_RECEIVE(16, -1), MOVE_SEND(17, -1), MOVE_SEND_ONCE(18, -1), COPY_SEND(19, -1), MAKE_SEND(20, -1),
    MAKE_SEND_ONCE(21, -1), PORT_RECEIVE(16, -1), PORT_SEND(17, -1), PORT_SEND_ONCE(18, -1),
    PROTECTED_PAYLOAD(23, 64), POLYMORPHIC(-1, -1);

    /** The value of the C macro; -1 for polymorphic. */
    public final int number;
    /** Default bits per element; -1 means "the ABI's port size". */
    public final int defaultBits;

    MsgTypeName(int number, int defaultBits) {
        this.number = number;
        this.defaultBits = defaultBits;
    }

    /** The C spelling, e.g. {@code MACH_MSG_TYPE_INTEGER_32}. */
    public String cName() {
        return "MACH_MSG_TYPE_" + name();
    }

    public boolean isPort() {
        return defaultBits == -1;
    }

    /** What the receiver of a right sent with this name finds in the message (copyin's result). */
    public MsgTypeName received() {
        return switch (this) {
            case MOVE_RECEIVE -> PORT_RECEIVE;
            case MOVE_SEND, COPY_SEND, MAKE_SEND -> PORT_SEND;
            case MOVE_SEND_ONCE, MAKE_SEND_ONCE -> PORT_SEND_ONCE;
            default -> this;
        };
    }

    private static final Map<String, MsgTypeName> BY_C_NAME =
            Stream.of(values()).collect(Collectors.toMap(MsgTypeName::cName, n -> n));

    /** Case-sensitive lookup of a {@code MACH_MSG_TYPE_*} spelling. */
    public static Optional<MsgTypeName> byCName(String name) {
        return Optional.ofNullable(BY_C_NAME.get(name));
    }
}
