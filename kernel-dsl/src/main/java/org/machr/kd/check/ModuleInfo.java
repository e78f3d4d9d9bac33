package org.machr.kd.check;

import java.util.LinkedHashMap;
import java.util.Map;
import org.machr.kd.ast.ModuleFile;

/**
 * One module of a program: its file, its declarations by name and what its {@code use}s import.
 *
 * @param name the module name derived from the path (docs/language.md §2)
 * @param relativePath the path under its source root, as printed in panics ({@code ipc/port.kd})
 */
public record ModuleInfo(String name, String relativePath, ModuleFile file, Map<String, Entity> members,
                         Map<String, Entity> imports) implements Entity {

    public ModuleInfo(String name, String relativePath, ModuleFile file) {
        this(name, relativePath, file, new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
