package org.machr.kd.check;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.machr.kd.ast.Decl;

/** An enum with its integer representation and the value of each variant, in declaration order. */
public final class EnumInfo implements Entity {

    private final ModuleInfo module;
    private final Decl.Enum decl;
    Type.Int repr = Type.U32;
    final Map<String, BigInteger> variants = new LinkedHashMap<>();
    boolean resolved;

    public EnumInfo(ModuleInfo module, Decl.Enum decl) {
        this.module = module;
        this.decl = decl;
    }

    public ModuleInfo module() { return module; }

    public Decl.Enum decl() { return decl; }

    public String name() { return decl.name(); }

    public Type.Int repr() { return repr; }

    public Map<String, BigInteger> variants() { return Map.copyOf(variants); }

    public java.util.List<String> variantNames() { return java.util.List.copyOf(variants.keySet()); }

    public BigInteger value(String variant) { return variants.get(variant); }
}
