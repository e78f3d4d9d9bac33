package org.machr.codegen.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.Loc;

/**
 * What every emitted method needs to know about the whole program: the memory layout, which class
 * and method each function becomes, and the table of source locations panics refer to.
 */
final class CodegenContext {
    static final String MACHINE = "org/machr/codegen/jvm/HostedMachine";
    static final String MACHINE_DESC = "L" + MACHINE + ";";
    static final String MACHINE_FIELD = "M";
    /** Functions per generated class (keeps each class file comfortably small). */
    static final int FUNCTIONS_PER_CLASS = 256;

    final IrProgram program;
    final MemoryLayout layout;
    final String classPrefix;
    private final Map<String, String> owner = new HashMap<>();
    private final Map<String, String> methodName = new HashMap<>();
    private final List<Loc> locs = new ArrayList<>();
    private final Map<Loc, Integer> locIndex = new HashMap<>();

    CodegenContext(IrProgram program, MemoryLayout layout, String classPrefix) {
        this.program = program;
        this.layout = layout;
        this.classPrefix = classPrefix;
        List<IrFunction> functions = program.functions();
        for (int i = 0; i < functions.size(); i++) {
            owner.put(functions.get(i).name(), classPrefix + "C" + (i / FUNCTIONS_PER_CLASS));
            methodName.put(functions.get(i).name(), "f" + i + "_" + sanitize(functions.get(i).name()));
        }
    }

    private static String sanitize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char c : name.toCharArray()) sb.append(Character.isLetterOrDigit(c) || c == '_' ? c : '$');
        return sb.toString();
    }

    String owner(String function) {
        return owner.get(function);
    }

    String method(String function) {
        return methodName.get(function);
    }

    String dispatcher() {
        return classPrefix + "Dispatch";
    }

    static String descriptor(int params, boolean hasResult) {
        return "(" + "J".repeat(params) + ")" + (hasResult ? "J" : "V");
    }

    /** The index of {@code loc} in the location table ({@code -1} for none). */
    int loc(Loc loc) {
        if (loc == null) return -1;
        return locIndex.computeIfAbsent(loc, l -> {
            locs.add(l);
            return locs.size() - 1;
        });
    }

    List<Loc> locs() {
        return locs;
    }
}
