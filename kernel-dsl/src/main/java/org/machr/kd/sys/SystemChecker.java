package org.machr.kd.sys;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.SystemItem;
import org.machr.kd.check.Entity;
import org.machr.kd.check.FnInfo;
import org.machr.kd.check.ModuleInfo;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.Type;
import org.machr.kd.check.Checker;

/**
 * Checks traps, interface bindings and systems (docs/language.md §12) and builds the {@link SystemModel}.
 */
public final class SystemChecker {

    static final Map<String, Set<String>> DEVICE_KINDS = Map.of(
            "uart", Set.of("pl011", "ns16550"),
            "irq", Set.of("gicv2", "gicv3", "apic"),
            "timer", Set.of("generic", "apic", "pit"));
    static final Set<String> ARCHES = Set.of("aarch64", "x86_64");
    static final Set<String> RIGHTS = Set.of("send", "send_once", "receive");
    static final long DEFAULT_DEVICE_SIZE = 0x1000;

    private final Checker checker;
    private final Semantics sem;
    private final Diagnostics diagnostics;
    private final Path projectRoot;

    public SystemChecker(Checker checker) {
        this.checker = checker;
        this.sem = checker.semantics();
        this.diagnostics = checker.diagnostics();
        this.projectRoot = sem.program().projectRoot();
    }

    public SystemModel check() {
        List<SystemModel.Trap> traps = new ArrayList<>();
        List<SystemModel.Interface> interfaces = new ArrayList<>();
        List<SystemModel.SystemDesc> systems = new ArrayList<>();
        Map<Long, String> trapNumbers = new HashMap<>();
        Set<String> systemNames = new HashSet<>();
        List<Decl.Interface> ifaceDecls = new ArrayList<>();
        for (ModuleInfo m : sem.program().modules().values()) {
            for (Decl d : m.file().decls()) {
                switch (d) {
                    case Decl.Trap t -> trap(m, t, trapNumbers).ifPresent(traps::add);
                    case Decl.Interface i -> ifaceDecls.add(i);
                    case Decl.System s -> {
                        if (!(m.members().get(s.name()) instanceof org.machr.kd.check.DescriptionInfo info && info.decl() == s)) {
                            continue; // a duplicate name in this module: KD0102 was reported
                        }
                        if (!systemNames.add(s.name())) {
                            diagnostics.error(KdCode.KD0513, s.nameSpan(), "system '" + s.name() + "' is already defined");
                        } else {
                            systems.add(system(s));
                        }
                    }
                    default -> { }
                }
            }
        }
        Set<String> taskNames = new HashSet<>();
        for (SystemModel.SystemDesc s : systems) s.tasks().forEach(t -> taskNames.add(t.name()));
        for (Decl.Interface i : ifaceDecls) {
            Path defs = projectRoot.resolve(i.defsPath());
            if (!Files.isRegularFile(defs)) diagnostics.error(KdCode.KD0511, i.pathSpan(), "no file '" + i.defsPath() + "'");
            if (!i.server().equals("kernel") && !taskNames.contains(i.server())) {
                diagnostics.error(KdCode.KD0507, i.serverSpan(), "no task '" + i.server() + "' serves interfaces");
            }
            interfaces.add(new SystemModel.Interface(i.name(), defs, i.server()));
        }
        return new SystemModel(traps, interfaces, systems);
    }

    private Optional<SystemModel.Trap> trap(ModuleInfo m, Decl.Trap t, Map<Long, String> numbers) {
        String previous = numbers.putIfAbsent(t.number(), t.name());
        if (previous != null) {
            diagnostics.error(KdCode.KD0500, t.numberSpan(), "trap number " + t.number() + " is already used by '" + previous + "'");
        }
        List<SystemModel.Param> params = new ArrayList<>();
        List<Type> types = new ArrayList<>();
        for (Decl.Param p : t.params()) {
            Type pt = checker.resolveType(p.type(), m);
            if (!Type.isScalar(pt) && !(pt instanceof Type.Error)) {
                diagnostics.error(KdCode.KD0502, p.type().span(), "trap parameters must be scalars, found '" + pt.display() + "'");
            }
            params.add(new SystemModel.Param(p.name(), pt));
            types.add(pt);
        }
        if (params.size() > 8) diagnostics.error(KdCode.KD0502, t.nameSpan(), "trap '" + t.name() + "' has more than 8 parameters");
        Type result = t.result() == null ? Type.VOID : checker.resolveType(t.result(), m);
        if (!(result instanceof Type.Void) && !Type.isScalar(result) && !(result instanceof Type.Error)) {
            diagnostics.error(KdCode.KD0502, t.result().span(), "trap results must be scalars, found '" + result.display() + "'");
        }
        Type.Fn wanted = new Type.Fn(types, result);
        FnInfo handler = handler(m, t);
        if (handler == null) return Optional.empty();
        if (handler.type() != null && !handler.type().equals(wanted)) {
            diagnostics.error(KdCode.KD0502, t.handlerSpan(), "trap handler '" + String.join(".", t.handler())
                    + "' must have type '" + wanted.display() + "', found '" + handler.type().display() + "'");
        }
        return Optional.of(new SystemModel.Trap(t.number(), t.name(), params, result, handler.symbol()));
    }

    private FnInfo handler(ModuleInfo m, Decl.Trap t) {
        List<String> path = t.handler();
        Entity e = m.members().containsKey(path.get(0)) ? m.members().get(path.get(0)) : m.imports().get(path.get(0));
        if (e == null && path.size() > 1) {
            e = sem.program().modules().get(String.join(".", path.subList(0, path.size() - 1)));
            path = List.of("", path.get(path.size() - 1));
        }
        for (int i = 1; i < path.size() && e instanceof ModuleInfo mod; i++) e = mod.members().get(path.get(i));
        if (e instanceof FnInfo f) return f;
        diagnostics.error(KdCode.KD0502, t.handlerSpan(), "no function '" + String.join(".", t.handler()) + "' to handle trap '"
                + t.name() + "'");
        return null;
    }

    private SystemModel.SystemDesc system(Decl.System s) {
        List<SystemModel.Board> boards = new ArrayList<>();
        List<SystemModel.Task> tasks = new ArrayList<>();
        Optional<Path> kernel = Optional.empty();
        Set<String> arches = new HashSet<>();
        Set<String> names = new HashSet<>();
        List<SystemItem.Task> taskItems = new ArrayList<>();
        for (SystemItem item : s.items()) {
            switch (item) {
                case SystemItem.Board b -> {
                    if (!ARCHES.contains(b.arch())) {
                        diagnostics.error(KdCode.KD0512, b.archSpan(), "unknown architecture '" + b.arch() + "'");
                    } else if (!arches.add(b.arch())) {
                        diagnostics.error(KdCode.KD0509, b.archSpan(), "system '" + s.name() + "' already has a board for " + b.arch());
                    }
                    boards.add(new BoardChecker(diagnostics).board(b));
                }
                case SystemItem.Kernel k -> kernel = program(k.path(), k.span());
                case SystemItem.Task t -> {
                    if (t.name().equals("kernel") || !names.add(t.name())) {
                        diagnostics.error(KdCode.KD0504, t.span(), "task '" + t.name() + "' is already defined");
                    }
                    taskItems.add(t);
                }
            }
        }
        for (SystemItem.Task t : taskItems) {
            Optional<Path> program = program(t.path(), t.pathSpan());
            if (t.priority() < 0 || t.priority() > 31) {
                diagnostics.error(KdCode.KD0506, t.prioritySpan(), "priority " + t.priority() + " is outside 0..31");
            }
            List<SystemModel.Right> rights = new ArrayList<>();
            Set<String> slots = new HashSet<>();
            for (SystemItem.RightGrant r : t.rights()) {
                if (!slots.add(r.slot())) diagnostics.error(KdCode.KD0504, r.span(), "right '" + r.slot() + "' is already defined");
                if (!RIGHTS.contains(r.right())) {
                    diagnostics.error(KdCode.KD0508, r.rightSpan(), "unknown right '" + r.right()
                            + "'; expected send, send_once or receive");
                } else if (r.right().equals("receive") && !r.target().equals(t.name())) {
                    diagnostics.error(KdCode.KD0508, r.rightSpan(), "task '" + t.name()
                            + "' cannot hold the receive right of '" + r.target() + "'");
                }
                if (!r.target().equals("kernel") && !names.contains(r.target())) {
                    diagnostics.error(KdCode.KD0507, r.targetSpan(), "no task '" + r.target() + "' in system '" + s.name() + "'");
                }
                rights.add(new SystemModel.Right(r.slot(), r.right(), r.target()));
            }
            tasks.add(new SystemModel.Task(t.name(), program.orElse(projectRoot.resolve(t.path())), (int) t.priority(), rights));
        }
        return new SystemModel.SystemDesc(s.name(), boards, kernel, tasks);
    }

    /** {@code path.kd} or {@code path/main.kd} under the project root (KD0503 otherwise). */
    private Optional<Path> program(String path, Span span) {
        Path file = projectRoot.resolve(path + ".kd");
        if (Files.isRegularFile(file)) return Optional.of(file);
        Path main = projectRoot.resolve(path).resolve("main.kd");
        if (Files.isRegularFile(main)) return Optional.of(main);
        diagnostics.error(KdCode.KD0503, span, "no program at '" + path + "'");
        return Optional.empty();
    }

    static long toLong(BigInteger v) {
        return v.bitLength() < 64 ? v.longValue() : Long.MAX_VALUE;
    }
}
