package org.machr.kd.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.Target;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.ModuleFile;
import org.machr.kd.resolve.Program;

/**
 * Checks a whole program: declares every module's names, binds imports, resolves types, layouts and
 * constants, checks every function body, then the description part. All errors are reported; the
 * result is empty when there was any.
 */
public final class Checker {

    final Program program;
    final Diagnostics diagnostics;
    final Semantics sem;
    final TypeResolver types;
    final ConstEval consts;
    final ExprChecker exprs;
    final StmtChecker stmts;
    final Intrinsics intrinsics;

    private boolean requireMain = true;

    /** Whether the main module must define {@code fn main() -> i32} (false for checking a library). */
    public Checker requireMain(boolean required) {
        this.requireMain = required;
        return this;
    }

    public Checker(Program program, Diagnostics diagnostics) {
        this.program = program;
        this.diagnostics = diagnostics;
        this.sem = new Semantics(program);
        this.types = new TypeResolver(this);
        this.consts = new ConstEval(this);
        this.exprs = new ExprChecker(this);
        this.stmts = new StmtChecker(this);
        this.intrinsics = new Intrinsics(this);
    }

    /** Runs every check; the semantics are returned even with errors (for reports), see {@link #check()}. */
    public Semantics analyse() {
        for (ModuleInfo m : program.modules().values()) declare(m);
        for (ModuleInfo m : program.modules().values()) bindImports(m);
        for (ModuleInfo m : program.modules().values()) resolveDeclarations(m);
        for (FnInfo f : sem.functions) if (f.decl().body() != null) stmts.checkFunction(f);
        if (requireMain) checkMain();
        sem.systemModel = new org.machr.kd.sys.SystemChecker(this).check();
        return sem;
    }

    public Semantics semantics() {
        return sem;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Resolves a written type in module {@code m} (used by the description checker). */
    public Type resolveType(org.machr.kd.ast.TypeExpr t, ModuleInfo m) {
        return types.resolve(t, m);
    }

    /** The checked program, or empty when an error was reported. */
    public Optional<Semantics> check() {
        int before = diagnostics.errorCount();
        Semantics s = analyse();
        return diagnostics.errorCount() > before ? Optional.empty() : Optional.of(s);
    }

    Target target() {
        return program.target();
    }

    private void declare(ModuleInfo m) {
        ModuleFile file = m.file();
        if (file.declaredName() != null && !file.declaredName().equals(m.name())) {
            diagnostics.error(KdCode.KD0104, file.declaredSpan(),
                    "module '" + file.declaredName() + "' declared in file of module '" + m.name() + "'");
        }
        for (Decl d : file.decls()) {
            Entity e = switch (d) {
                case Decl.Fn f -> new FnInfo(m, f);
                case Decl.Struct s -> new StructInfo(m, s);
                case Decl.Enum en -> new EnumInfo(m, en);
                case Decl.Const c -> new ConstInfo(m, c);
                case Decl.Global g -> new GlobalInfo(m, g);
                case Decl.Trap t -> new DescriptionInfo(m, t);
                case Decl.Interface i -> new DescriptionInfo(m, i);
                case Decl.System s -> new DescriptionInfo(m, s);
            };
            if (m.members().containsKey(d.name()) || Type.IntKind.byName(d.name()) != null || d.name().equals("bool")) {
                Entity first = m.members().get(d.name());
                String where = first == null ? "'" + d.name() + "' is a built-in type"
                        : "first defined at " + firstSpan(first).location();
                diagnostics.error(KdCode.KD0102, d.nameSpan(), "'" + d.name() + "' is already defined in this scope", where);
                continue;
            }
            m.members().put(d.name(), e);
            switch (e) {
                case FnInfo f -> sem.functions.add(f);
                case GlobalInfo g -> sem.globals.add(g);
                case StructInfo s -> sem.structs.add(s);
                default -> { }
            }
        }
    }

    private static Span firstSpan(Entity e) {
        return switch (e) {
            case FnInfo f -> f.decl().nameSpan();
            case GlobalInfo g -> g.decl().nameSpan();
            case ConstInfo c -> c.decl().nameSpan();
            case StructInfo s -> s.decl().nameSpan();
            case EnumInfo en -> en.decl().nameSpan();
            case DescriptionInfo d -> d.decl().nameSpan();
            case ModuleInfo mi -> new Span(mi.file().source(), 0, 0);
        };
    }

    private void bindImports(ModuleInfo m) {
        for (ModuleFile.Use use : m.file().uses()) {
            String full = String.join(".", use.path());
            String local = use.alias() != null ? use.alias() : use.path().get(use.path().size() - 1);
            Entity imported = program.modules().get(full);
            if (imported == null && use.path().size() > 1) {
                ModuleInfo parent = program.modules().get(String.join(".", use.path().subList(0, use.path().size() - 1)));
                if (parent != null) {
                    imported = member(m, parent, use.path().get(use.path().size() - 1), use.span());
                    if (imported == null) continue;
                }
            }
            if (imported == null) {
                diagnostics.error(KdCode.KD0100, use.span(), "no module named '" + full + "'");
                continue;
            }
            if (m.members().containsKey(local) || m.imports().containsKey(local)) {
                diagnostics.error(KdCode.KD0105, use.span(), "import '" + local + "' clashes with another declaration");
                continue;
            }
            m.imports().put(local, imported);
        }
    }

    /** A member of another module as seen from {@code from}; reports KD0101/KD0103 and returns null on failure. */
    Entity member(ModuleInfo from, ModuleInfo target, String name, Span span) {
        Entity e = target.members().get(name);
        if (e == null) {
            String hint = Suggestions.didYouMean(name, target.members().keySet());
            if (hint == null) diagnostics.error(KdCode.KD0101, span, "module '" + target.name() + "' has no '" + name + "'");
            else diagnostics.error(KdCode.KD0101, span, "module '" + target.name() + "' has no '" + name + "'", hint);
            return null;
        }
        if (target != from && !isPublic(e)) {
            diagnostics.error(KdCode.KD0103, span, "'" + name + "' is private to module '" + target.name() + "'");
            return null;
        }
        return e;
    }

    static boolean isPublic(Entity e) {
        return switch (e) {
            case FnInfo f -> f.decl().pub();
            case GlobalInfo g -> g.decl().pub();
            case ConstInfo c -> c.decl().pub();
            case StructInfo s -> s.decl().pub();
            case EnumInfo en -> en.decl().pub();
            case ModuleInfo mi -> true;
            case DescriptionInfo d -> true;
        };
    }

    /** A name at module level: the module's own declarations, then its imports. */
    Entity lookup(ModuleInfo m, String name) {
        Entity e = m.members().get(name);
        return e != null ? e : m.imports().get(name);
    }

    private void resolveDeclarations(ModuleInfo m) {
        for (Entity e : new ArrayList<>(m.members().values())) {
            switch (e) {
                case StructInfo s -> types.layout(s);
                case EnumInfo en -> types.resolveEnum(en);
                case ConstInfo c -> consts.resolve(c);
                case FnInfo f -> types.signature(f);
                case GlobalInfo g -> exprs.checkGlobal(g);
                default -> { }
            }
        }
        AttributeChecker.check(this, m);
    }

    private void checkMain() {
        ModuleInfo main = program.main();
        Entity e = main.members().get("main");
        if (!(e instanceof FnInfo f)) {
            if (hasDescriptionOnly(main)) return;
            diagnostics.error(KdCode.KD0106, new Span(main.file().source(), 0, 0), "program has no 'fn main() -> i32'");
            return;
        }
        Type.Fn t = f.type();
        if (t != null && (!t.params().isEmpty() || !t.result().equals(Type.I32) || f.decl().extern())) {
            diagnostics.error(KdCode.KD0106, f.decl().nameSpan(), "'main' must be 'fn main() -> i32'");
        }
    }

    /** A file that only describes a system (no functions) is checked without needing a main. */
    private static boolean hasDescriptionOnly(ModuleInfo m) {
        List<Decl> decls = m.file().decls();
        return !decls.isEmpty() && decls.stream().allMatch(d -> d instanceof Decl.System || d instanceof Decl.Trap
                || d instanceof Decl.Interface);
    }
}
