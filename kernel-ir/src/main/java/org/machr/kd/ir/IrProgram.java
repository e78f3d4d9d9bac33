package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A whole program: every function, global and extern declaration of one image, plus its entry. */
public final class IrProgram {
    private final Map<String, IrFunction> functions = new LinkedHashMap<>();
    private final Map<String, IrGlobal> globals = new LinkedHashMap<>();
    private final Map<String, ExternDecl> externs = new LinkedHashMap<>();
    private String entry = "main";

    public void add(IrFunction f) {
        if (functions.containsKey(f.name()) || globals.containsKey(f.name()))
            throw new IllegalArgumentException("duplicate symbol " + f.name());
        functions.put(f.name(), f);
    }

    public void add(IrGlobal g) {
        if (functions.containsKey(g.name()) || globals.containsKey(g.name()))
            throw new IllegalArgumentException("duplicate symbol " + g.name());
        globals.put(g.name(), g);
    }

    public void add(ExternDecl e) {
        externs.put(e.symbol(), e);
    }

    public List<IrFunction> functions() {
        return new ArrayList<>(functions.values());
    }

    public IrFunction function(String name) {
        return functions.get(name);
    }

    public List<IrGlobal> globals() {
        return new ArrayList<>(globals.values());
    }

    public IrGlobal global(String name) {
        return globals.get(name);
    }

    public List<ExternDecl> externs() {
        return new ArrayList<>(externs.values());
    }

    public ExternDecl extern(String symbol) {
        return externs.get(symbol);
    }

    /** The name of the function the program starts in ({@code "main"} unless set). */
    public String entry() {
        return entry;
    }

    public void setEntry(String entry) {
        this.entry = entry;
    }

    /** Removes a function (used by whole-program dead-function elimination). */
    public void remove(String function) {
        functions.remove(function);
    }
}
