package org.machr.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A relocatable object: what an assembler or code generator produces and the linker consumes.
 *
 * <p>Invariants, checked by the constructor (see {@link #problems}): section names are unique; every
 * symbol defined in a section names a section of this object; every relocation patches a place inside
 * a section that has bytes, has a kind of {@link #arch}, and names a symbol that is unique in this object.
 * A relocation naming a symbol that is not in {@link #symbols} refers to the section of that name if
 * there is one (the constructor appends {@link Symbol#forSection}), else to an undefined global (it appends
 * {@link Symbol#undefined}); so producers need list neither section symbols nor external references.
 *
 * @param name the name shown in diagnostics and map files, usually the file name
 */
public record ObjectFile(String name, Arch arch, List<Section> sections, List<Symbol> symbols,
                         List<Relocation> relocations) {

    public ObjectFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arch, "arch");
        sections = List.copyOf(sections);
        relocations = List.copyOf(relocations);
        symbols = withImplicitSymbols(sections, symbols, relocations);
        List<String> problems = problems(arch, sections, symbols, relocations);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("object " + name + ": " + String.join("; ", problems));
        }
    }

    /** The section named {@code name}, if any. */
    public Optional<Section> section(String sectionName) {
        return sections.stream().filter(s -> s.name().equals(sectionName)).findFirst();
    }

    /** The relocations that patch {@code sectionName}, in order. */
    public List<Relocation> relocationsOf(String sectionName) {
        return relocations.stream().filter(r -> r.section().equals(sectionName)).toList();
    }

    /** The symbol a relocation names (unique by the invariants). */
    public Symbol symbolNamed(String symbolName) {
        return symbols.stream().filter(s -> s.name().equals(symbolName)).findFirst().orElseThrow();
    }

    private static List<Symbol> withImplicitSymbols(List<Section> sections, List<Symbol> symbols, List<Relocation> relocations) {
        Set<String> known = new HashSet<>();
        for (Symbol s : symbols) known.add(s.name());
        Set<String> sectionNames = new HashSet<>();
        for (Section s : sections) sectionNames.add(s.name());
        Set<String> missing = new LinkedHashSet<>();
        for (Relocation r : relocations) {
            if (!known.contains(r.symbol())) missing.add(r.symbol());
        }
        List<Symbol> all = new ArrayList<>(symbols);
        for (String m : missing) all.add(sectionNames.contains(m) ? Symbol.forSection(m) : Symbol.undefined(m));
        return List.copyOf(all);
    }

    /** Every violated invariant, as a sentence; empty when the parts make a valid object. */
    public static List<String> problems(Arch arch, List<Section> sections, List<Symbol> symbols,
                                        List<Relocation> relocations) {
        List<String> problems = new ArrayList<>();
        Map<String, Section> byName = new HashMap<>();
        for (Section s : sections) {
            if (byName.put(s.name(), s) != null) problems.add("section name " + s.name() + " is not unique");
        }
        Map<String, Integer> nameCount = new HashMap<>();
        Set<String> globals = new HashSet<>();
        for (Symbol sym : symbols) {
            nameCount.merge(sym.name(), 1, Integer::sum);
            if (!sym.isLocal() && !globals.add(sym.name())) {
                problems.add("global symbol " + sym.name() + " is listed twice");
            }
            if (sym.definition() instanceof SymbolDefinition.InSection(String section) && !byName.containsKey(section)) {
                problems.add("symbol " + sym.name() + " is defined in missing section " + section);
            }
        }
        for (Relocation r : relocations) {
            Section target = byName.get(r.section());
            String where = r.kind().name() + " at " + r.section() + "+0x" + Long.toHexString(r.offset());
            if (!arch.owns(r.kind())) problems.add("relocation " + where + " is not an " + arch.cliName() + " relocation");
            if (target == null) {
                problems.add("relocation " + where + " patches missing section");
            } else if (target.isBss() || r.offset() + r.kind().width() > target.size()) {
                problems.add("relocation " + where + " lies outside the bytes of its section");
            }
            if (nameCount.getOrDefault(r.symbol(), 0) > 1) {
                problems.add("relocation " + where + " names symbol " + r.symbol() + " which is not unique");
            }
        }
        return problems;
    }
}
