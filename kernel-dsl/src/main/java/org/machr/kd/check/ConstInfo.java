package org.machr.kd.check;

import java.math.BigInteger;
import org.machr.kd.ast.Decl;

/** A {@code const} and, once evaluated, its value (a BigInteger; booleans are 0 or 1). */
public final class ConstInfo implements Entity {

    enum State { UNRESOLVED, RESOLVING, DONE }

    private final ModuleInfo module;
    private final Decl.Const decl;
    Type type = Type.ERROR;
    BigInteger value = BigInteger.ZERO;
    State state = State.UNRESOLVED;

    public ConstInfo(ModuleInfo module, Decl.Const decl) {
        this.module = module;
        this.decl = decl;
    }

    public ModuleInfo module() { return module; }

    public Decl.Const decl() { return decl; }

    public String name() { return decl.name(); }

    public Type type() { return type; }

    public BigInteger value() { return value; }
}
