package org.machr.kd.check;

import java.util.ArrayList;
import java.util.List;
import org.machr.kd.ast.Decl;

/** A struct declaration with its resolved fields and C layout (docs/language.md §3). */
public final class StructInfo implements Entity {

    /** A field at its byte offset. */
    public record Field(String name, Type type, long offset) {}

    enum State { UNRESOLVED, RESOLVING, DONE }

    private final ModuleInfo module;
    private final Decl.Struct decl;
    final List<Field> fields = new ArrayList<>();
    long size;
    long align = 1;
    State state = State.UNRESOLVED;

    public StructInfo(ModuleInfo module, Decl.Struct decl) {
        this.module = module;
        this.decl = decl;
    }

    public ModuleInfo module() { return module; }

    public Decl.Struct decl() { return decl; }

    public String name() { return decl.name(); }

    public List<Field> fields() { return List.copyOf(fields); }

    public Field field(String name) {
        for (Field f : fields) if (f.name().equals(name)) return f;
        return null;
    }

    public long size() { return size; }

    public long align() { return align; }
}
