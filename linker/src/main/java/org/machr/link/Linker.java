package org.machr.link;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostics;

/**
 * The static linker. The pipeline, one step a line:
 * <ol>
 *   <li>check that every input is for the target architecture;</li>
 *   <li>lay out sections ({@link SectionLayout});</li>
 *   <li>resolve global symbols: one strong definition wins over weak ones, two strong ones are an error;</li>
 *   <li>define the linker symbols ({@link LinkerSymbols}) that no input defines;</li>
 *   <li>apply every relocation of every loaded section ({@link A64Relocator}, {@link X64Relocator});</li>
 *   <li>find the entry point.</li>
 * </ol>
 * All errors are reported, not just the first; the result is empty when there was any.
 */
public final class Linker {

    private final List<ObjectFile> objects;
    private final LinkOptions options;
    private final Diagnostics diagnostics;
    private final int errorsBefore;
    private SectionLayout layout;
    /** Global and weak definitions by name: the object index and symbol that won. */
    private final Map<String, Definition> globals = new LinkedHashMap<>();
    private final Map<String, Long> linkerSymbols = new LinkedHashMap<>();
    private final Map<String, List<String>> undefinedReferences = new LinkedHashMap<>();

    private record Definition(int object, Symbol symbol) {}

    private Linker(List<ObjectFile> objects, LinkOptions options, Diagnostics diagnostics) {
        this.objects = List.copyOf(objects);
        this.options = options;
        this.diagnostics = diagnostics;
        this.errorsBefore = diagnostics.errorCount();
    }

    /** Links {@code objects} into an image; empty when an error was reported to {@code diagnostics}. */
    public static Optional<LinkedImage> link(List<ObjectFile> objects, LinkOptions options, Diagnostics diagnostics) {
        return new Linker(objects, options, diagnostics).run();
    }

    private Optional<LinkedImage> run() {
        if (!checkArchitectures()) return Optional.empty();
        layout = new SectionLayout(objects, options);
        resolveGlobals();
        linkerSymbols.putAll(LinkerSymbols.define(layout, options, name -> globals.containsKey(name)));
        relocateAll();
        reportUndefined();
        Optional<Long> entry = lookupGlobal(options.entrySymbol());
        if (entry.isEmpty()) {
            diagnostics.error(LinkCode.MISSING_ENTRY, null, "entry symbol '" + options.entrySymbol() + "' is not defined");
        }
        if (diagnostics.errorCount() > errorsBefore) return Optional.empty();
        return Optional.of(new LinkedImage(options.arch(), entry.orElseThrow(),
                options.physicalBase() - options.baseAddress(), layout.frozen(), symbolTable()));
    }

    private boolean checkArchitectures() {
        boolean ok = true;
        for (ObjectFile o : objects) {
            if (o.arch() != options.arch()) {
                diagnostics.error(LinkCode.ARCH_MISMATCH, null, o.name() + ": object is for " + o.arch().cliName()
                        + ", but the link is for " + options.arch().cliName());
                ok = false;
            }
        }
        return ok;
    }

    private void resolveGlobals() {
        for (int i = 0; i < objects.size(); i++) {
            for (Symbol s : objects.get(i).symbols()) {
                if (s.isLocal() || s.isUndefined() || !isPlaced(i, s)) continue;
                Definition previous = globals.get(s.name());
                if (previous == null || previous.symbol().binding() == Symbol.Binding.WEAK && s.binding() == Symbol.Binding.GLOBAL) {
                    globals.put(s.name(), new Definition(i, s));
                } else if (s.binding() == Symbol.Binding.GLOBAL && previous.symbol().binding() == Symbol.Binding.GLOBAL) {
                    diagnostics.error(LinkCode.DUPLICATE_SYMBOL, null,
                            "duplicate symbol '" + s.name() + "' defined in " + objects.get(previous.object()).name()
                                    + " and " + objects.get(i).name());
                }
            }
        }
    }

    /** Whether a defined symbol lies in a loaded section (or is absolute). */
    private boolean isPlaced(int object, Symbol s) {
        return switch (s.definition()) {
            case SymbolDefinition.InSection(String section) -> layout.slots.get(object).containsKey(section);
            case SymbolDefinition.Absolute a -> true;
            case SymbolDefinition.Undefined u -> false;
        };
    }

    private long addressOf(int object, Symbol s) {
        return switch (s.definition()) {
            case SymbolDefinition.InSection(String section) -> layout.slots.get(object).get(section).address() + s.value();
            case SymbolDefinition.Absolute a -> s.value();
            case SymbolDefinition.Undefined u -> throw new IllegalStateException("undefined " + s.name());
        };
    }

    private Optional<Long> lookupGlobal(String name) {
        Definition d = globals.get(name);
        if (d != null) return Optional.of(addressOf(d.object(), d.symbol()));
        return Optional.ofNullable(linkerSymbols.get(name));
    }

    private void relocateAll() {
        for (int i = 0; i < objects.size(); i++) {
            ObjectFile o = objects.get(i);
            Map<String, Symbol> byName = new HashMap<>();
            for (Symbol s : o.symbols()) byName.putIfAbsent(s.name(), s); // names used by relocations are unique
            for (Relocation r : o.relocations()) {
                SectionLayout.Slot slot = layout.slots.get(i).get(r.section());
                if (slot == null) continue; // a section that is not loaded
                String where = o.name() + ":(" + r.section() + "+0x" + Long.toHexString(r.offset()) + ")";
                long p = slot.address() + r.offset();
                Symbol symbol = byName.get(r.symbol());
                Optional<Long> target = isUndefinedWeak(symbol) ? Optional.of(undefinedWeakTarget(r.kind(), p))
                        : symbolAddress(i, symbol, where);
                if (target.isEmpty()) continue;
                int at = Math.toIntExact(slot.offset() + r.offset());
                byte[] buf = slot.output().bytes;
                Optional<RelocProblem> problem = switch (r.kind()) {
                    case A64Reloc k -> A64Relocator.apply(k, buf, at, target.get(), r.addend(), p);
                    case X64Reloc k -> X64Relocator.apply(k, buf, at, target.get(), r.addend(), p);
                };
                problem.ifPresent(pr -> diagnostics.error(pr.code(), null, where + ": " + r.kind().name()
                        + " relocation against '" + r.symbol() + "' "
                        + (pr.code() == LinkCode.RELOCATION_OVERFLOW ? "out of range: " : "misaligned: ") + pr.detail()));
            }
        }
    }

    private boolean isUndefinedWeak(Symbol s) {
        return s.binding() == Symbol.Binding.WEAK && s.isUndefined() && lookupGlobal(s.name()).isEmpty();
    }

    /**
     * S for an undefined weak symbol: 0, except that AArch64 PC-relative references resolve near the place
     * so that they cannot overflow: a branch becomes a branch to the next instruction, as the AArch64 ELF ABI
     * prescribes for references to undefined weak symbols, ADRP gets the place's own page, other PC-relative
     * values become A (the same values as ld.lld, checked by {@code LldDifferentialTest}).
     */
    private static long undefinedWeakTarget(RelocKind kind, long p) {
        return switch (kind) {
            case A64Reloc k -> switch (k) {
                case CALL26, JUMP26, CONDBR19, TSTBR14 -> p + 4;
                case ADR_PREL_PG_HI21 -> A64Relocator.page(p);
                case LD_PREL_LO19, ADR_PREL_LO21, PREL32, PREL64 -> p;
                case ADD_ABS_LO12_NC, LDST8_ABS_LO12_NC, LDST16_ABS_LO12_NC, LDST32_ABS_LO12_NC, LDST64_ABS_LO12_NC,
                     LDST128_ABS_LO12_NC, ABS64, ABS32 -> 0;
            };
            case X64Reloc k -> 0;
        };
    }

    /** S for a relocation: the object's own local or section symbol, else the global definition. */
    private Optional<Long> symbolAddress(int object, Symbol s, String where) {
        if (s.isLocal()) {
            if (isPlaced(object, s)) return Optional.of(addressOf(object, s));
            diagnostics.error(LinkCode.IMAGE_LAYOUT, null, where + ": relocation against '" + s.name()
                    + "' which lies in a section that is not loaded");
            return Optional.empty();
        }
        Optional<Long> global = lookupGlobal(s.name());
        if (global.isPresent()) return global;
        if (s.binding() == Symbol.Binding.WEAK) return Optional.of(0L);
        undefinedReferences.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(where);
        return Optional.empty();
    }

    private void reportUndefined() {
        for (Map.Entry<String, List<String>> e : undefinedReferences.entrySet()) {
            List<String> notes = new ArrayList<>();
            List<String> refs = e.getValue();
            for (int i = 0; i < Math.min(3, refs.size()); i++) notes.add("referenced by " + refs.get(i));
            if (refs.size() > 3) notes.add("and " + (refs.size() - 3) + " more references");
            diagnostics.error(LinkCode.UNDEFINED_SYMBOL, null, "undefined symbol '" + e.getKey() + "'",
                    notes.toArray(String[]::new));
        }
    }

    private List<LinkedImage.LinkedSymbol> symbolTable() {
        List<LinkedImage.LinkedSymbol> out = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            ObjectFile o = objects.get(i);
            for (Symbol s : o.symbols()) {
                if (s.type() == Symbol.Type.SECTION || s.isUndefined() || !isPlaced(i, s)) continue;
                if (!s.isLocal() && globals.get(s.name()).object() != i) continue; // a weak definition that lost
                String input = s.definition() instanceof SymbolDefinition.InSection(String sec) ? sec : "";
                String section = input.isEmpty() ? "" : layout.slots.get(i).get(input).output().name;
                out.add(new LinkedImage.LinkedSymbol(s.name(), addressOf(i, s), s.size(), s.type(), s.binding(), o.name(),
                        section, input));
            }
        }
        for (Map.Entry<String, Long> e : linkerSymbols.entrySet()) {
            out.add(new LinkedImage.LinkedSymbol(e.getKey(), e.getValue(), 0, Symbol.Type.NOTYPE, Symbol.Binding.GLOBAL,
                    LinkedImage.LINKER, "", ""));
        }
        return out;
    }
}
