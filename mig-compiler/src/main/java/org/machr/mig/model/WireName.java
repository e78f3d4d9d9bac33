package org.machr.mig.model;

/**
 * A type name as it travels in {@code msgt_name}: a number and its C spelling (a
 * {@code MACH_MSG_TYPE_*} macro, or the number itself when the {@code .defs} gave a number).
 */
public record WireName(int number, String spelling) {

    public static WireName of(MsgTypeName name) {
        return new WireName(name.number, name.cName());
    }

    public static WireName of(int number) {
        return new WireName(number, Integer.toString(number));
    }

    public boolean isPolymorphic() {
        return number == -1;
    }

    /** Port rights, including polymorphic ones (GNU Mach: names 16 to 21). */
    public boolean isPort() {
        return number >= 16 && number <= 21;
    }

    /** The name the receiver sees when a right is sent under this name. */
    public WireName received() {
        return switch (number) {
            case 16 -> of(MsgTypeName.PORT_RECEIVE);
            case 17, 19, 20 -> of(MsgTypeName.PORT_SEND);
            case 18, 21 -> of(MsgTypeName.PORT_SEND_ONCE);
            default -> this;
        };
    }
}
