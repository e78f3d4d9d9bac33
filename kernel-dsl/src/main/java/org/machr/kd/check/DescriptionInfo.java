package org.machr.kd.check;

import org.machr.kd.ast.Decl;

/** A trap, interface binding or system declaration: named, but not a value or a type. */
public record DescriptionInfo(ModuleInfo module, Decl decl) implements Entity {
    public String name() {
        return decl.name();
    }
}
