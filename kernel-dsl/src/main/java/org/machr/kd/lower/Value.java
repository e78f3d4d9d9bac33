package org.machr.kd.lower;

import org.machr.kd.ir.Operand;

/**
 * A KD value in IR terms: a scalar in one operand, a slice in two (pointer, length), an aggregate
 * (struct, array) by the address of its bytes, or nothing.
 */
sealed interface Value {

    record Scalar(Operand op) implements Value {}

    record SliceValue(Operand ptr, Operand len) implements Value {}

    record Memory(Operand address) implements Value {}

    record None() implements Value {}

    Value NONE = new None();

    default Operand scalar() {
        if (this instanceof Scalar s) return s.op();
        throw new IllegalStateException("not a scalar: " + this);
    }
}
