package org.machr.kd.resolve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.Target;
import org.machr.kd.ast.ModuleFile;
import org.machr.kd.check.ModuleInfo;
import org.machr.kd.parse.KdParse;

/**
 * Finds and parses every module a program needs (docs/language.md §2): module names come from paths
 * under the source roots, {@code arch/<target>/} folders count as roots of their own for their target
 * only, and {@code use} pulls modules in transitively. The runtime modules {@code rt} and
 * {@code rt.arch} are added whenever a source root provides them.
 */
public final class ProgramLoader {

    private final List<Path> roots;
    private final Target target;
    private final Diagnostics diagnostics;
    private final Map<String, ModuleInfo> modules = new LinkedHashMap<>();
    private final Map<String, Boolean> missing = new LinkedHashMap<>();
    private final Deque<ModuleInfo> pending = new ArrayDeque<>();
    private boolean parseFailed;

    public ProgramLoader(List<Path> sourceRoots, Target target, Diagnostics diagnostics) {
        this.roots = new ArrayList<>(sourceRoots);
        this.target = target;
        this.diagnostics = diagnostics;
    }

    /** Loads the program whose main module is {@code mainFile}; empty when a file could not be read or parsed. */
    public Optional<Program> load(Path mainFile) {
        Path main = mainFile.toAbsolutePath().normalize();
        String name = null;
        String relative = null;
        for (Path root : roots) {
            for (Path base : List.of(root.resolve("arch").resolve(target.folder()), root)) {
                Path b = base.toAbsolutePath().normalize();
                if (main.startsWith(b)) {
                    Path rel = b.relativize(main);
                    if (base == root && rel.startsWith("arch")) continue;
                    relative = rel.toString().replace('\\', '/');
                    name = moduleName(relative);
                    break;
                }
            }
            if (name != null) break;
        }
        if (name == null) {
            roots.add(0, mainFile.toAbsolutePath().getParent());
            relative = mainFile.getFileName().toString();
            name = moduleName(relative);
        }
        ModuleInfo mainModule = read(name, relative, mainFile);
        if (mainModule == null) return Optional.empty();
        modules.put(name, mainModule);
        pending.add(mainModule);
        for (String runtime : List.of("rt", "rt.arch")) {
            if (!modules.containsKey(runtime)) find(runtime, null);
        }
        while (!pending.isEmpty()) {
            ModuleInfo m = pending.poll();
            for (ModuleFile.Use use : m.file().uses()) resolveUse(use);
        }
        if (parseFailed) return Optional.empty();
        Path projectRoot = roots.isEmpty() ? Path.of(".") : roots.get(0).toAbsolutePath().normalize().getParent();
        if (projectRoot == null) projectRoot = Path.of(".");
        return Optional.of(new Program(target, mainModule, modules, List.copyOf(roots), projectRoot));
    }

    /** A {@code use a.b.c} needs module {@code a.b.c}, or else module {@code a.b}. */
    private void resolveUse(ModuleFile.Use use) {
        String full = String.join(".", use.path());
        if (find(full, null) != null) return;
        if (use.path().size() > 1) {
            String parent = String.join(".", use.path().subList(0, use.path().size() - 1));
            if (find(parent, null) != null) return;
        }
        // Reported by the checker, which knows whether a name or a module was meant.
    }

    /** The module called {@code name}, loading it on first use; null if no file defines it. */
    public ModuleInfo find(String name, Span usedAt) {
        ModuleInfo known = modules.get(name);
        if (known != null) return known;
        if (missing.containsKey(name)) return null;
        String relative = name.replace('.', '/') + ".kd";
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!relative.startsWith("arch/") && Files.isRegularFile(root.resolve(relative))) found.add(root.resolve(relative));
            Path archFile = root.resolve("arch").resolve(target.folder()).resolve(relative);
            if (Files.isRegularFile(archFile)) found.add(archFile);
        }
        if (found.isEmpty()) {
            missing.put(name, true);
            return null;
        }
        if (found.size() > 1) {
            diagnostics.error(KdCode.KD0108, usedAt, "module '" + name + "' is defined by two files",
                    found.get(0) + " and " + found.get(1));
        }
        ModuleInfo m = read(name, relative, found.get(0));
        if (m == null) {
            missing.put(name, true);
            return null;
        }
        modules.put(name, m);
        pending.add(m);
        return m;
    }

    private ModuleInfo read(String name, String relative, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            diagnostics.error(KdCode.KD0100, null, "cannot read '" + file + "': " + e.getMessage());
            return null;
        }
        SourceFile source = new SourceFile(file.toString(), text);
        Optional<ModuleFile> parsed = KdParse.parse(source, diagnostics);
        if (parsed.isEmpty()) {
            parseFailed = true;
            return null;
        }
        return new ModuleInfo(name, relative, parsed.get());
    }

    static String moduleName(String relativePath) {
        String noExt = relativePath.endsWith(".kd") ? relativePath.substring(0, relativePath.length() - 3) : relativePath;
        return noExt.replace('/', '.');
    }
}
