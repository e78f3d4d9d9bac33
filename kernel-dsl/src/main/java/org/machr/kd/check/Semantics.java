package org.machr.kd.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;
import org.machr.kd.resolve.Program;

/**
 * What the checker learnt about a program, for lowering: the type of every expression, what every
 * name denotes, the variable every binding statement declares, and folded constants. Keyed by node
 * identity.
 */
public final class Semantics {

    /** What a {@link Expr.Name} or {@link Expr.Member} denotes. */
    public sealed interface Ref {}

    public record LocalRef(LocalVar var) implements Ref {}

    public record GlobalRef(GlobalInfo global) implements Ref {}

    public record FnRef(FnInfo fn) implements Ref {}

    public record ConstRef(ConstInfo constant) implements Ref {}

    public record VariantRef(EnumInfo type, String variant) implements Ref {}

    public record ModuleRef(ModuleInfo module) implements Ref {}

    public record TypeRef(Type type) implements Ref {}

    /** A struct field of the value (or, through a pointer, the pointee) on the left. */
    public record FieldRef(StructInfo struct, StructInfo.Field field, boolean throughPointer) implements Ref {}

    /** {@code .len} of an array or slice, {@code .ptr} of a slice. */
    public record LenRef() implements Ref {}

    public record PtrRef() implements Ref {}

    /**
     * A method-call {@code x.f(args)}: the function, and whether the receiver's address is passed
     * ({@code x} a struct) rather than its value ({@code x} a pointer).
     */
    public record MethodCall(FnInfo fn, boolean byAddress) {}

    private final Program program;
    final Map<Expr.Call, MethodCall> methods = new IdentityHashMap<>();
    final Map<Expr, Type> types;
    final Map<Expr, Ref> refs;
    final Map<Expr, BigInteger> constants;
    final Map<Stmt, LocalVar> bindings;
    final Map<org.machr.kd.ast.Decl.Param, LocalVar> params;
    final java.util.Set<Stmt> exhaustive = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    final List<UnsafeSite> unsafeSites = new ArrayList<>();
    final List<FnInfo> functions = new ArrayList<>();
    final List<GlobalInfo> globals = new ArrayList<>();
    final List<StructInfo> structs = new ArrayList<>();

    org.machr.kd.sys.SystemModel systemModel =
            new org.machr.kd.sys.SystemModel(List.of(), List.of(), List.of());

    Semantics(Program program) {
        this.program = program;
        // Sized from the program text so that large programs do not rehash these tables again and again.
        long chars = 0;
        for (ModuleInfo m : program.modules().values()) chars += m.file().source().text().length();
        int expected = (int) Math.min(chars / 6, 1 << 24);
        this.types = new IdentityHashMap<>(expected);
        this.refs = new IdentityHashMap<>(expected / 2);
        this.constants = new IdentityHashMap<>(expected / 16);
        this.bindings = new IdentityHashMap<>(expected / 32);
        this.params = new IdentityHashMap<>(expected / 32);
    }

    public Program program() { return program; }

    public Type typeOf(Expr e) { return types.getOrDefault(e, Type.ERROR); }

    public Ref refOf(Expr e) { return refs.get(e); }

    /** The value of an expression the checker folded (constants, enum variants, sizeof...), else null. */
    public BigInteger constantOf(Expr e) { return constants.get(e); }

    /** The variable a {@code let}/{@code var}/{@code for}/{@code if let} declares. */
    public LocalVar binding(Stmt s) { return bindings.get(s); }

    /** The method a call {@code x.f(args)} resolved to, or null for an ordinary call. */
    public MethodCall method(Expr.Call call) { return methods.get(call); }

    public LocalVar param(org.machr.kd.ast.Decl.Param p) { return params.get(p); }

    public List<UnsafeSite> unsafeSites() { return List.copyOf(unsafeSites); }

    /** Every function of the program (including extern ones), in module order. */
    public List<FnInfo> functions() { return List.copyOf(functions); }

    public List<GlobalInfo> globals() { return List.copyOf(globals); }

    /** The checked description part: traps, interfaces, systems. */
    public org.machr.kd.sys.SystemModel systemModel() { return systemModel; }

    /** True for a {@code match} that covers every value of its type. */
    public boolean isExhaustive(Stmt match) { return exhaustive.contains(match); }
}
