package org.machr.mig.layout;

import java.util.Optional;
import org.machr.mig.model.Argument;

/**
 * One typed item of a message: descriptor then data, padded to the ABI's alignment.
 *
 * @param field        the C field name of the data ({@code RetCode}, {@code x}, {@code xCnt})
 * @param role         what the item carries
 * @param argument     the argument it comes from (empty for the return code)
 * @param descriptor   the descriptor as the sender writes it
 * @param check        the descriptor as the receiver checks it (wire name after copyin)
 * @param elementBytes bytes per C element of data (arrays), or the whole datum
 * @param dataBytes    bytes of data for fixed items; the maximum for variable in-line items
 * @param variable     whether the data size depends on a count (everything after it shifts)
 * @param dynamicInline whether the item may be sent in-line or out-of-line ({@code array[*]})
 */
public record Item(String field, Role role, Optional<Argument> argument, TypeDescriptor descriptor,
                   TypeDescriptor check, int elementBytes, int dataBytes, boolean variable,
                   boolean dynamicInline, int descriptorBytes) {

    /** What an item carries. */
    public enum Role { RET_CODE, VALUE, COUNT }

    /** Descriptor plus data at their largest (the C struct's field sizes). */
    public int maxBytes(Abi abi) {
        return descriptorBytes + abi.pad(dataBytes);
    }

    public boolean carriesRights() {
        return descriptor.name().isPort() || descriptor.name().isPolymorphic();
    }
}
