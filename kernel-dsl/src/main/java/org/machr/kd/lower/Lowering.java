package org.machr.kd.lower;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.check.Entity;
import org.machr.kd.check.FnInfo;
import org.machr.kd.check.GlobalInfo;
import org.machr.kd.check.ModuleInfo;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.Type;
import org.machr.kd.ir.ExternDecl;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrSections;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Signature;
import org.machr.kd.ir.SymbolAddr;

/**
 * Lowers a checked program to IR (docs/language.md, docs/ir.md): every function, every global as
 * data/rodata/bss with the documented layout, string literals as rodata, and the entry function
 * {@code _kd_start} that calls {@code main} and hands its result to {@code rt.exit}.
 */
public final class Lowering {

    public static final String ENTRY = "_kd_start";

    final Semantics sem;
    final Diagnostics diagnostics;
    final IrProgram program = new IrProgram();
    private final Map<String, String> strings = new HashMap<>();
    private int stringCount;
    private boolean reportedMissingPanic;
    private final Map<org.machr.diag.SourceFile, LineIndex> lineIndexes = new java.util.IdentityHashMap<>();

    private Lowering(Semantics sem, Diagnostics diagnostics) {
        this.sem = sem;
        this.diagnostics = diagnostics;
    }

    /** The IR of a checked program; empty when something could not be lowered (reported). */
    public static Optional<IrProgram> lower(Semantics sem, Diagnostics diagnostics) {
        int before = diagnostics.errorCount();
        Lowering l = new Lowering(sem, diagnostics);
        l.run();
        return diagnostics.errorCount() > before ? Optional.empty() : Optional.of(l.program);
    }

    private void run() {
        SectionUse sections = new SectionUse();
        for (GlobalInfo g : sem.globals()) {
            IrGlobal global = new StaticData(this).global(g);
            program.add(global);
            sections.use(IrSections.of(global), IrSections.kind(global), g.decl().nameSpan());
        }
        for (FnInfo f : sem.functions()) {
            if (f.decl().extern()) {
                program.add(new ExternDecl(f.symbol(), signature(f.type())));
            } else {
                new FnLowering(this, f).lower();
                sections.use(IrSections.of(program.function(f.symbol())), IrSections.Kind.CODE, f.decl().nameSpan());
            }
        }
        entry();
    }

    /** Reports a declaration whose section already holds another kind of contents (KD0451). */
    private final class SectionUse {
        private final Map<String, IrSections.Kind> kinds = new HashMap<>(Map.of(".text", IrSections.Kind.CODE,
                ".rodata", IrSections.Kind.RODATA, ".data", IrSections.Kind.DATA, ".bss", IrSections.Kind.BSS));

        void use(String section, IrSections.Kind kind, Span at) {
            IrSections.Kind before = kinds.putIfAbsent(section, kind);
            if (before != null && before != kind) {
                diagnostics.error(KdCode.KD0451, at, "section " + section + " already holds " + describe(before)
                        + "; it cannot also hold " + describe(kind));
            }
        }

        private static String describe(IrSections.Kind k) {
            return switch (k) {
                case CODE -> "functions";
                case RODATA -> "'let' globals";
                case DATA -> "initialised 'var' globals";
                case BSS -> "zero-filled 'var' globals";
            };
        }
    }

    private void entry() {
        Entity main = sem.program().main().members().get("main");
        if (!(main instanceof FnInfo f)) return;
        FunctionBuilder b = FunctionBuilder.begin(program, ENTRY, List.of(), IrType.I32, null, true);
        Loc loc = new Loc(sem.program().main().relativePath(), f.decl().nameSpan().line());
        Reg status = b.call(f.symbol(), IrType.I32, List.of(), loc);
        runtime("exit").ifPresent(exit -> b.call(exit.symbol(), null, List.of(status), loc));
        b.ret(status);
        program.setEntry(ENTRY);
    }

    LineIndex lines(org.machr.diag.SourceFile file) {
        return lineIndexes.computeIfAbsent(file, LineIndex::new);
    }

    /** A function of the runtime module {@code rt}, if the program has it. */
    Optional<FnInfo> runtime(String name) {
        ModuleInfo rt = sem.program().modules().get("rt");
        if (rt == null) return Optional.empty();
        return rt.members().get(name) instanceof FnInfo f ? Optional.of(f) : Optional.empty();
    }

    /** {@code rt.panic_at}'s symbol, reporting KD0600 once when the runtime lacks it. */
    Optional<String> panicFunction(Span at) {
        Optional<FnInfo> f = runtime("panic_at");
        if (f.isEmpty() && !reportedMissingPanic) {
            reportedMissingPanic = true;
            diagnostics.error(KdCode.KD0600, at, "the runtime has no 'rt.panic_at'; add runtime/ to the source roots");
        }
        return f.map(FnInfo::symbol);
    }

    /** A read-only, NUL-terminated copy of {@code bytes}; returns its symbol (shared between equal literals). */
    String string(byte[] bytes) {
        String key = new String(bytes, StandardCharsets.ISO_8859_1);
        return strings.computeIfAbsent(key, k -> {
            String name = ".str." + stringCount++;
            byte[] data = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            program.add(new IrGlobal(name, IrGlobal.Section.RODATA, data.length, 1, data, List.of(), false));
            return name;
        });
    }

    Value.SliceValue stringValue(byte[] bytes) {
        return new Value.SliceValue(new SymbolAddr(string(bytes)), Imm.i64(bytes.length));
    }

    /**
     * IR parameter types of a KD function type: a slice is two, a struct its address (the caller's
     * copy); a struct result adds its address as a hidden first parameter (docs/language.md §10).
     */
    static List<IrType> paramTypes(Type.Fn f) {
        List<IrType> out = new ArrayList<>();
        if (returnsInMemory(f)) out.add(IrType.I64);
        for (Type t : f.params()) out.addAll(flatType(t));
        return out;
    }

    /** IR result types of a KD function type: none for a struct, which goes through the hidden pointer. */
    static List<IrType> resultTypes(Type.Fn f) {
        return returnsInMemory(f) ? List.of() : flatType(f.result());
    }

    static boolean returnsInMemory(Type.Fn f) {
        return Layout.isAggregate(f.result());
    }

    private static List<IrType> flatType(Type t) {
        if (t instanceof Type.Void) return List.of();
        if (t instanceof Type.Slice) return List.of(IrType.I64, IrType.I64);
        if (Layout.isAggregate(t)) return List.of(IrType.I64);
        return List.of(Layout.ir(t));
    }

    static Signature signature(Type.Fn f) {
        return new Signature(paramTypes(f), resultTypes(f));
    }
}
