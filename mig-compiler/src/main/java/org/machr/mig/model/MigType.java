package org.machr.mig.model;

import java.util.Optional;

/**
 * A resolved {@code .defs} type: how its values travel (wire names, element size, count, in-line or
 * not) and how C code names them (user, server and translated types).
 *
 * @param name        declared name, or a description for anonymous types
 * @param shape       scalar, array or string family
 * @param inName      wire name written by the sender
 * @param outName     wire name the receiver checks
 * @param elementBits bits per wire element; 0 when {@link #port()} (the ABI's port size applies)
 * @param port        whether each element is a port right (size depends on the side and ABI)
 * @param number      wire elements: exact for fixed shapes, the maximum for bounded ones, 0 if unbounded
 * @param perCElement wire elements per C element of an array (e.g. 2 for {@code struct[2] of int})
 * @param inLine      false for {@code ^T} and unbounded arrays (out-of-line memory)
 * @param dealloc     the deallocate bit from {@code (NAME, SIZE, dealloc)}
 * @param element     the element type of arrays, else empty
 * @param userType    C type in user stubs
 * @param serverType  C type in the server message
 * @param transType   C type handed to the server work function (after {@code intran})
 * @param inTran      {@code intran} function, or null
 * @param outTran     {@code outtran} function, or null
 * @param destructor  {@code destructor} function, or null
 * @param inTranPayload {@code intranpayload} function, or null
 * @param cTypeGiven  whether a {@code ctype}/{@code cusertype} was given (no size assertion is implied)
 */
public record MigType(String name, Shape shape, WireName inName, WireName outName, int elementBits,
                      boolean port, int number, int perCElement, boolean inLine, boolean dealloc,
                      Optional<MigType> element, String userType, String serverType, String transType,
                      String inTran, String outTran, String destructor, String inTranPayload,
                      boolean cTypeGiven) {

    /** The families of types that change how a value is carried. */
    public enum Shape {
        /** One element, or a fixed struct-like group passed by value. */
        SCALAR,
        /** {@code array[N] of T}: fixed number, passed as a C array. */
        FIXED_ARRAY,
        /** {@code struct[N] of T} or {@code struct {…}}: fixed number, passed by value. */
        STRUCT,
        /** {@code array[*:N] of T}: variable, in-line, at most N. */
        BOUNDED_ARRAY,
        /** {@code array[] of T}: variable, out-of-line. */
        UNBOUNDED_ARRAY,
        /** {@code array[*] of T}: variable, in-line up to the in-line limit, else out-of-line. */
        INDEFINITE_ARRAY,
        /** {@code c_string[N]} or {@code (STRING_C, 8*N)}: one string element of N bytes. */
        STRING,
        /** {@code c_string[*:N]}: N bytes at most, sent with its length. */
        VAR_STRING
    }

    public boolean isVariable() {
        return shape == Shape.BOUNDED_ARRAY || shape == Shape.UNBOUNDED_ARRAY
                || shape == Shape.INDEFINITE_ARRAY || shape == Shape.VAR_STRING;
    }

    public boolean isArray() {
        return shape == Shape.FIXED_ARRAY || isVariable() && shape != Shape.VAR_STRING;
    }

    public boolean isPolymorphic() {
        return inName.isPolymorphic() || outName.isPolymorphic();
    }

    public boolean isString() {
        return shape == Shape.STRING || shape == Shape.VAR_STRING;
    }

    public MigType withName(String newName) {
        return new MigType(newName, shape, inName, outName, elementBits, port, number, perCElement, inLine,
                dealloc, element, userType, serverType, transType, inTran, outTran, destructor, inTranPayload,
                cTypeGiven);
    }

    public MigType withCTypes(String user, String server, String trans, boolean given) {
        return new MigType(name, shape, inName, outName, elementBits, port, number, perCElement, inLine,
                dealloc, element, user, server, trans, inTran, outTran, destructor, inTranPayload, given);
    }

    public MigType withTranslations(String newTransType, String newServerType, String in, String out,
                                    String destroy, String payload) {
        return new MigType(name, shape, inName, outName, elementBits, port, number, perCElement, inLine,
                dealloc, element, userType, newServerType, newTransType, in, out, destroy, payload,
                cTypeGiven);
    }

    public MigType withDealloc(boolean newDealloc) {
        return new MigType(name, shape, inName, outName, elementBits, port, number, perCElement, inLine,
                newDealloc, element, userType, serverType, transType, inTran, outTran, destructor,
                inTranPayload, cTypeGiven);
    }
}
