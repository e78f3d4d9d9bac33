package org.machr.kd.check;

import org.machr.kd.ast.Decl;

/** A global {@code let} or {@code var}. */
public final class GlobalInfo implements Entity {

    private final ModuleInfo module;
    private final Decl.Global decl;
    Type type = Type.ERROR;
    boolean typeResolved;

    public GlobalInfo(ModuleInfo module, Decl.Global decl) {
        this.module = module;
        this.decl = decl;
    }

    public ModuleInfo module() { return module; }

    public Decl.Global decl() { return decl; }

    public String name() { return decl.name(); }

    public Type type() { return type; }

    public String symbol() {
        return Attributes.symbol(decl.attributes()).orElse(module.name() + "." + decl.name());
    }
}
