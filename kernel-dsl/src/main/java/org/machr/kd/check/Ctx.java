package org.machr.kd.check;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** Where an expression or statement is checked: module, function, scopes, and the unsafe/loop/defer nesting. */
final class Ctx {

    final ModuleInfo module;
    final FnInfo fn;
    private final Deque<Map<String, LocalVar>> scopes = new ArrayDeque<>();
    /** One counter of unsafe operations per enclosing {@code unsafe} block, innermost first. */
    final Deque<int[]> unsafeBlocks = new ArrayDeque<>();
    int loops;
    int defers;

    Ctx(ModuleInfo module, FnInfo fn) {
        this.module = module;
        this.fn = fn;
        scopes.push(new HashMap<>());
    }

    boolean inUnsafe() {
        return !unsafeBlocks.isEmpty() || (fn != null && fn.decl().unsafe());
    }

    String functionName() {
        return fn == null ? module.name() : fn.qualifiedName();
    }

    void push() {
        scopes.push(new HashMap<>());
    }

    void pop() {
        scopes.pop();
    }

    void declare(LocalVar v) {
        scopes.peek().put(v.name(), v);
    }

    /** Every local name in scope, for suggestions. */
    java.util.Set<String> localNames() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Map<String, LocalVar> scope : scopes) out.addAll(scope.keySet());
        return out;
    }

    LocalVar lookup(String name) {
        for (Iterator<Map<String, LocalVar>> it = scopes.iterator(); it.hasNext(); ) {
            LocalVar v = it.next().get(name);
            if (v != null) return v;
        }
        return null;
    }
}
