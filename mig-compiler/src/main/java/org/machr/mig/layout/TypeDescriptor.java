package org.machr.mig.layout;

import org.machr.mig.model.WireName;

/**
 * One {@code mach_msg_type_t} (or {@code mach_msg_type_long_t}) as sent: the fixed part of an item's
 * descriptor. For variable items {@code number} is the maximum; the stub writes the actual count.
 */
public record TypeDescriptor(WireName name, int bits, int number, boolean inLine, boolean longForm,
                             boolean deallocate) {

    /** The 32-bit header word (short form), or the long form's first word (name/size/number 0). */
    public int headerWord() {
        int word = longForm ? 0 : (name.number() & 0xff) | (bits & 0xff) << 8 | (number & 0xfff) << 16;
        if (inLine) word |= 1 << 28;
        if (longForm) word |= 1 << 29;
        if (deallocate) word |= 1 << 30;
        return word;
    }
}
