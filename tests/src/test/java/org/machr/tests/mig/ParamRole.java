package org.machr.tests.mig;

import org.machr.tests.mig.StubHeader.Param;
import org.machr.tests.mig.StubHeader.Routine;

/**
 * What a stub parameter carries, read from its C declaration the way GNU MIG writes them: a count is
 * {@code NAMECnt} next to array {@code NAME} (by value for an in array, by pointer for an out array);
 * an out array passed as {@code T *} is out-of-line (the stub stores a pointer), as {@code T} inline
 * (the caller's buffer); any other {@code T *} is an out (or inout) value; everything else is an in value.
 */
enum ParamRole {
    IN_VALUE, IN_ARRAY, IN_COUNT, OUT_VALUE, OUT_INLINE_ARRAY, OUT_OOL_ARRAY, OUT_COUNT;

    static ParamRole of(Routine r, Param p) {
        if (p.name().endsWith("Cnt") && r.param(p.name().substring(0, p.name().length() - 3)) != null) {
            return p.byPointer() ? OUT_COUNT : IN_COUNT;
        }
        Param count = r.param(p.name() + "Cnt");
        if (count != null) {
            if (!count.byPointer()) return IN_ARRAY;
            return p.byPointer() ? OUT_OOL_ARRAY : OUT_INLINE_ARRAY;
        }
        return p.byPointer() ? OUT_VALUE : IN_VALUE;
    }

    static boolean isPoly(Param p) {
        return p.name().endsWith("Poly") && p.pointee().equals("mach_msg_type_name_t");
    }
}
