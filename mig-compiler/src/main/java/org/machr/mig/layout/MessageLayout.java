package org.machr.mig.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.mig.model.Argument;
import org.machr.mig.model.Argument.ArgFlag;
import org.machr.mig.model.Argument.Direction;
import org.machr.mig.model.MigType;
import org.machr.mig.model.MigType.Shape;
import org.machr.mig.model.MsgTypeName;
import org.machr.mig.model.Routine;
import org.machr.mig.model.Subsystem;
import org.machr.mig.model.WireName;

/**
 * The layout of one request or reply message as seen by one side: its items in order, the size of its
 * fixed part and whether it is complex. Sizes and forms come from {@link Abi} only.
 *
 * @param fixedBytes   header plus every descriptor plus the data of fixed-size items
 * @param maxBytes     the size with every variable item at its in-line maximum (the C struct size)
 * @param complex      true when the message always carries rights or out-of-line memory
 * @param maybeComplex true when it may, depending on run-time values (polymorphic or {@code array[*]})
 */
public record MessageLayout(Kind kind, Side side, List<Item> items, int fixedBytes, int maxBytes, boolean complex,
                            boolean maybeComplex, int portBytes) {

    /** Request (user to server) or reply (server to user). */
    public enum Kind { REQUEST, REPLY }

    public boolean isVariable() {
        return items.stream().anyMatch(Item::variable);
    }

    public static MessageLayout request(Routine r, Subsystem s, Side side, Abi abi) {
        return build(Kind.REQUEST, r, s, side, abi);
    }

    public static MessageLayout reply(Routine r, Subsystem s, Side side, Abi abi) {
        return build(Kind.REPLY, r, s, side, abi);
    }

    /**
     * Port size in the messages of a subsystem: pointer-sized when either side is in the kernel
     * ({@code KernelUser}/{@code KernelServer}), name-sized otherwise (GNU MIG uses one size for both
     * stubs; the kernel's copyin/copyout converts). The side is kept for ABIs that differ per side.
     */
    public static int portBytes(Subsystem s, Side side, Abi abi) {
        return s.kernelUser() || s.kernelServer() ? abi.kernelPortBytes() : abi.userPortBytes();
    }

    private static MessageLayout build(Kind kind, Routine r, Subsystem s, Side side, Abi abi) {
        int portBytes = portBytes(s, side, abi);
        List<Item> items = new ArrayList<>();
        if (kind == Kind.REPLY) items.add(retCode(abi));
        for (Argument a : r.arguments()) {
            Direction d = a.direction();
            if (kind == Kind.REQUEST && d.sendsRequest() || kind == Kind.REPLY && d.sendsReply()) {
                items.add(value(a, portBytes, abi, kind == Kind.REPLY && s.kernelServer()));
            } else if (kind == Kind.REQUEST && d == Direction.OUT && countInOut(a)) {
                items.add(count(a, abi));
            }
        }
        int fixed = abi.headerBytes(), max = abi.headerBytes();
        boolean complex = false, maybe = false;
        for (Item item : items) {
            fixed += item.descriptorBytes() + (item.variable() ? 0 : abi.pad(item.dataBytes()));
            max += item.maxBytes(abi);
            TypeDescriptor seen = sending(kind, side) ? item.descriptor() : item.check();
            boolean polymorphic = seen.name().isPolymorphic();
            if (!polymorphic && (seen.name().isPort() || !seen.inLine())) complex = true;
            if (polymorphic || item.dynamicInline()) maybe = true;
        }
        return new MessageLayout(kind, side, List.copyOf(items), fixed, max, complex, maybe && !complex, portBytes);
    }

    /** Whether this side writes the message (user requests, server replies). */
    public static boolean sending(Kind kind, Side side) {
        return kind == Kind.REQUEST ? side == Side.USER : side == Side.SERVER;
    }

    /** Whether an out argument's count travels in the request ({@code CountInOut} on a variable array). */
    public static boolean countInOut(Argument a) {
        return a.has(ArgFlag.COUNT_IN_OUT) && a.type().isVariable();
    }

    private static Item retCode(Abi abi) {
        WireName int32 = WireName.of(MsgTypeName.INTEGER_32);
        TypeDescriptor d = new TypeDescriptor(int32, 32, 1, true, false, false);
        return new Item("RetCode", Item.Role.RET_CODE, Optional.empty(), d, d, abi.retCodeBytes(),
                abi.retCodeBytes(), false, false, abi.typeBytes());
    }

    private static Item count(Argument a, Abi abi) {
        WireName int32 = WireName.of(MsgTypeName.INTEGER_32);
        TypeDescriptor d = new TypeDescriptor(int32, 32, 1, true, false, false);
        return new Item(a.name() + "Cnt", Item.Role.COUNT, Optional.of(a), d, d, 4, 4, false, false,
                abi.typeBytes());
    }

    /**
     * @param sendsReceivedForm GNU MIG's kernel server writes reply rights under the name the receiver
     *                          sees (its ports are already copied in), e.g. PORT_SEND for COPY_SEND
     */
    private static Item value(Argument a, int portBytes, Abi abi, boolean sendsReceivedForm) {
        MigType t = a.type();
        int bits = t.port() ? portBytes * 8 : t.elementBits();
        boolean variable = t.isVariable();
        boolean indefinite = t.shape() == Shape.INDEFINITE_ARRAY;
        boolean longForm = !t.inLine() && variable || indefinite || t.number() > abi.maxShortNumber()
                || bits > abi.maxShortSize() || t.inName().number() > abi.maxShortName()
                || t.outName().number() > abi.maxShortName() || a.has(ArgFlag.IS_LONG);
        if (a.has(ArgFlag.IS_NOT_LONG) && !variable) longForm = false;
        // An indefinite array gets its deallocate bit only when it goes out-of-line at run time.
        boolean dealloc = (t.dealloc() || a.has(ArgFlag.DEALLOC)) && !indefinite;
        int number = variable && !t.inLine() ? 0 : t.number();
        TypeDescriptor sent = new TypeDescriptor(sendsReceivedForm ? t.outName() : t.inName(), bits, number,
                t.inLine(), longForm, dealloc);
        TypeDescriptor check = new TypeDescriptor(t.outName(), bits, number, t.inLine(), longForm, false);
        int elementBytes = Math.max(1, (bits * t.perCElement() + 7) / 8);
        int data = t.inLine() ? (int) ((long) bits * t.number() + 7) / 8 : abi.pointerBytes();
        return new Item(a.name(), Item.Role.VALUE, Optional.of(a), sent, check, elementBytes, data,
                variable && t.inLine(), indefinite, longForm ? abi.longTypeBytes() : abi.typeBytes());
    }
}
