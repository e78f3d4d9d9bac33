package org.machr.kd.check;

/**
 * Which types have a valid all-zero value (docs/language.md §4, §5.2): everything except non-null
 * pointers and function pointers, and aggregates holding them.
 */
final class Zero {

    private Zero() {}

    static boolean allowed(Type t) {
        return switch (t) {
            case Type.Pointer p -> p.nullable();
            case Type.Fn f -> false;
            case Type.Array a -> allowed(a.element());
            case Type.Struct s -> s.info().fields().stream().allMatch(f -> allowed(f.type()));
            default -> true;
        };
    }
}
