package org.machr.kd.check;

import org.machr.kd.ast.Decl;

/** A function (or {@code extern fn}) and its resolved signature. */
public final class FnInfo implements Entity {

    private final ModuleInfo module;
    private final Decl.Fn decl;
    Type.Fn type;

    public FnInfo(ModuleInfo module, Decl.Fn decl) {
        this.module = module;
        this.decl = decl;
    }

    public ModuleInfo module() { return module; }

    public Decl.Fn decl() { return decl; }

    public String name() { return decl.name(); }

    public Type.Fn type() { return type; }

    /** The linker symbol (docs/language.md §10). */
    public String symbol() {
        if (decl.extern()) return decl.name();
        return Attributes.symbol(decl.attributes()).orElse(module.name() + "." + decl.name());
    }

    /** "module.fn", used in unsafe reports. */
    public String qualifiedName() {
        return module.name() + "." + decl.name();
    }
}
