package org.machr.link;

import java.util.Objects;

/**
 * A symbol of an object file.
 *
 * <p>A section symbol ({@link Type#SECTION}) carries the name of its section, as readelf prints it; in ELF
 * its name field is empty. Local names may repeat (e.g. the mapping symbols {@code $x}, {@code $d}), but a
 * relocation may only name a symbol that is unique in its object.
 *
 * @param value offset in the section for {@link SymbolDefinition.InSection}, the value itself when absolute
 * @param size  the size of the object or function in bytes, 0 when unknown
 */
public record Symbol(String name, SymbolDefinition definition, long value, long size, Binding binding, Type type) {

    /** Visibility to other object files (ELF {@code STB_*}). */
    public enum Binding { LOCAL, GLOBAL, WEAK }

    /** What the symbol names (ELF {@code STT_*}). */
    public enum Type { NOTYPE, OBJECT, FUNC, SECTION }

    public Symbol {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(type, "type");
        if (type == Type.SECTION && !(definition instanceof SymbolDefinition.InSection s && s.section().equals(name))) {
            throw new IllegalArgumentException("section symbol " + name + " must be defined in section " + name);
        }
    }

    /** A global function defined at {@code value} in {@code section}. */
    public static Symbol function(String name, String section, long value, long size) {
        return new Symbol(name, SymbolDefinition.in(section), value, size, Binding.GLOBAL, Type.FUNC);
    }

    /** A global data object defined at {@code value} in {@code section}. */
    public static Symbol object(String name, String section, long value, long size) {
        return new Symbol(name, SymbolDefinition.in(section), value, size, Binding.GLOBAL, Type.OBJECT);
    }

    /** A local label at {@code value} in {@code section}. */
    public static Symbol local(String name, String section, long value) {
        return new Symbol(name, SymbolDefinition.in(section), value, 0, Binding.LOCAL, Type.NOTYPE);
    }

    /** A reference to a symbol defined elsewhere. */
    public static Symbol undefined(String name) {
        return new Symbol(name, SymbolDefinition.UNDEFINED, 0, 0, Binding.GLOBAL, Type.NOTYPE);
    }

    /** The symbol standing for the start of {@code section}. */
    public static Symbol forSection(String section) {
        return new Symbol(section, SymbolDefinition.in(section), 0, 0, Binding.LOCAL, Type.SECTION);
    }

    public boolean isUndefined() {
        return definition instanceof SymbolDefinition.Undefined;
    }

    public boolean isLocal() {
        return binding == Binding.LOCAL;
    }
}
