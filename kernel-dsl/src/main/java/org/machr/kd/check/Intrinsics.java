package org.machr.kd.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.KdCode;
import org.machr.kd.Target;
import org.machr.kd.ast.Expr;

/** The intrinsics of docs/language.md §9: their signatures, architectures and safety. */
public final class Intrinsics {

    /** A fixed-signature intrinsic; {@code arch} null for every target. */
    record Spec(Target arch, List<Type> params, Type result, boolean unsafe) {}

    /** The memory orderings of atomics, by name. */
    public static final List<String> ORDERINGS = List.of("relaxed", "acquire", "release", "acq_rel", "seq_cst");

    /** System registers {@code @aarch64.msr}/{@code mrs} accept. */
    public static final Set<String> SYSTEM_REGISTERS = Set.of("VBAR_EL1", "SCTLR_EL1", "TTBR0_EL1", "TTBR1_EL1",
            "TCR_EL1", "MAIR_EL1", "ESR_EL1", "ELR_EL1", "FAR_EL1", "SPSR_EL1", "SP_EL0", "TPIDR_EL1", "DAIF",
            "CurrentEL", "MPIDR_EL1", "CNTFRQ_EL0", "CNTVCT_EL0", "CNTV_CTL_EL0", "CNTV_TVAL_EL0");

    /** The system registers {@code @aarch64.msr} cannot write. */
    public static final Set<String> READ_ONLY_SYSTEM_REGISTERS = Set.of("CurrentEL", "MPIDR_EL1", "CNTVCT_EL0");

    static final Map<String, Spec> FIXED = new HashMap<>();

    static {
        Type[] widths = {Type.U8, Type.U16, Type.U32, Type.U64};
        int[] bits = {8, 16, 32, 64};
        for (int i = 0; i < 4; i++) {
            FIXED.put("volatile_load" + bits[i], new Spec(null, List.of(Type.USIZE), widths[i], true));
            FIXED.put("volatile_store" + bits[i], new Spec(null, List.of(Type.USIZE, widths[i]), Type.VOID, true));
        }
        FIXED.put("barrier", new Spec(null, List.of(), Type.VOID, false));
        FIXED.put("panic", new Spec(null, List.of(new Type.Slice(Type.U8)), Type.VOID, false));
        FIXED.put("aarch64.wfi", new Spec(Target.AARCH64, List.of(), Type.VOID, true));
        FIXED.put("aarch64.isb", new Spec(Target.AARCH64, List.of(), Type.VOID, true));
        FIXED.put("aarch64.dsb_sy", new Spec(Target.AARCH64, List.of(), Type.VOID, true));
        FIXED.put("aarch64.eret", new Spec(Target.AARCH64, List.of(), Type.VOID, true));
        FIXED.put("x86_64.wrmsr", new Spec(Target.X86_64, List.of(Type.U32, Type.U64), Type.VOID, true));
        FIXED.put("x86_64.rdmsr", new Spec(Target.X86_64, List.of(Type.U32), Type.U64, true));
        FIXED.put("x86_64.outb", new Spec(Target.X86_64, List.of(Type.U16, Type.U8), Type.VOID, true));
        FIXED.put("x86_64.inb", new Spec(Target.X86_64, List.of(Type.U16), Type.U8, true));
        FIXED.put("x86_64.outw", new Spec(Target.X86_64, List.of(Type.U16, Type.U16), Type.VOID, true));
        FIXED.put("x86_64.inw", new Spec(Target.X86_64, List.of(Type.U16), Type.U16, true));
        FIXED.put("x86_64.outl", new Spec(Target.X86_64, List.of(Type.U16, Type.U32), Type.VOID, true));
        FIXED.put("x86_64.inl", new Spec(Target.X86_64, List.of(Type.U16), Type.U32, true));
        FIXED.put("x86_64.hlt", new Spec(Target.X86_64, List.of(), Type.VOID, true));
        FIXED.put("x86_64.cli", new Spec(Target.X86_64, List.of(), Type.VOID, true));
        FIXED.put("x86_64.sti", new Spec(Target.X86_64, List.of(), Type.VOID, true));
        FIXED.put("jvm.putc", new Spec(Target.JVM, List.of(Type.U8), Type.VOID, false));
        FIXED.put("jvm.halt", new Spec(Target.JVM, List.of(Type.I32), Type.VOID, false));
    }

    private final Checker checker;

    Intrinsics(Checker checker) {
        this.checker = checker;
    }

    Type check(Expr.Intrinsic call, Ctx c) {
        String name = call.name();
        String display = "'@" + name + "'";
        Target arch = archOf(name);
        if (arch == null && name.contains(".")) {
            checker.diagnostics.error(KdCode.KD0400, call.nameSpan(), "unknown intrinsic '@" + name + "'");
            checker.exprs.values(call.args(), c);
            return Type.ERROR;
        }
        if (arch != null && arch != checker.target()) {
            checker.diagnostics.error(KdCode.KD0401, call.nameSpan(),
                    display + " is only available when compiling for " + arch.folder());
            checker.exprs.values(call.args(), c);
            return Type.ERROR;
        }
        return switch (name) {
            case "atomic_load" -> atomic(call, c, 1, false);
            case "atomic_store" -> atomic(call, c, 2, false);
            case "atomic_cas" -> atomic(call, c, 3, true);
            case "atomic_fetch_add" -> atomic(call, c, 2, true);
            case "slice" -> slice(call, c);
            case "aarch64.msr", "aarch64.mrs" -> systemRegister(call, c, name.endsWith("msr"));
            default -> fixed(call, c);
        };
    }

    private static Target archOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? null : Target.byName(name.substring(0, dot)).orElse(null);
    }

    private Type fixed(Expr.Intrinsic call, Ctx c) {
        Spec spec = FIXED.get(call.name());
        if (spec == null) {
            checker.diagnostics.error(KdCode.KD0400, call.nameSpan(), "unknown intrinsic '@" + call.name() + "'");
            checker.exprs.values(call.args(), c);
            return Type.ERROR;
        }
        if (!arity(call, spec.params().size(), c)) return spec.result();
        for (int i = 0; i < spec.params().size(); i++) checker.exprs.coerce(call.args().get(i), spec.params().get(i), c);
        if (spec.unsafe()) checker.exprs.unsafeOperation(call.span(), "intrinsic @" + call.name(), c);
        return spec.result();
    }

    private boolean arity(Expr.Intrinsic call, int expected, Ctx c) {
        if (call.args().size() == expected) return true;
        checker.diagnostics.error(KdCode.KD0402, call.span(), "'@" + call.name() + "' takes " + expected
                + (expected == 1 ? " argument" : " arguments") + ", found " + call.args().size());
        checker.exprs.values(call.args(), c);
        return false;
    }

    /** Atomics: {@code (p: *T, values..., [ordering])} with T a 4- or 8-byte integer. */
    private Type atomic(Expr.Intrinsic call, Ctx c, int operands, boolean returnsValue) {
        List<Expr> args = call.args();
        if (args.size() != operands && args.size() != operands + 1) {
            checker.diagnostics.error(KdCode.KD0402, call.span(), "'@" + call.name() + "' takes " + operands
                    + " arguments and an optional ordering, found " + args.size());
            checker.exprs.values(args, c);
            return Type.ERROR;
        }
        if (args.size() == operands + 1) ordering(args.get(operands));
        Type p = checker.exprs.value(args.get(0), null, c);
        Type element = Type.ERROR;
        if (p instanceof Type.Pointer ptr && !ptr.nullable() && ptr.pointee() instanceof Type.Int i && i.kind().bits >= 32) {
            element = i;
        } else if (!(p instanceof Type.Error)) {
            checker.diagnostics.error(KdCode.KD0402, args.get(0).span(),
                    "'@" + call.name() + "' needs a pointer to a 32- or 64-bit integer, found '" + p.display() + "'");
        }
        for (int i = 1; i < operands; i++) checker.exprs.coerce(args.get(i), element, c);
        return returnsValue || call.name().equals("atomic_load") ? element : Type.VOID;
    }

    private void ordering(Expr e) {
        if (e instanceof Expr.Name n && ORDERINGS.contains(n.name())) {
            checker.sem.types.put(e, Type.VOID);
            return;
        }
        String text = e instanceof Expr.Name n ? n.name() : "expression";
        checker.diagnostics.error(KdCode.KD0403, e.span(), "unknown memory ordering '" + text + "'");
    }

    private Type slice(Expr.Intrinsic call, Ctx c) {
        if (!arity(call, 2, c)) return Type.ERROR;
        Type p = checker.exprs.value(call.args().get(0), null, c);
        checker.exprs.coerce(call.args().get(1), Type.USIZE, c);
        checker.exprs.unsafeOperation(call.span(), "intrinsic @slice", c);
        if (p instanceof Type.Pointer ptr && !ptr.nullable()) return new Type.Slice(ptr.pointee());
        if (!(p instanceof Type.Error)) {
            checker.diagnostics.error(KdCode.KD0402, call.args().get(0).span(), "'@slice' needs a '*T', found '" + p.display() + "'");
        }
        return Type.ERROR;
    }

    private Type systemRegister(Expr.Intrinsic call, Ctx c, boolean write) {
        if (!arity(call, write ? 2 : 1, c)) return write ? Type.VOID : Type.U64;
        Expr reg = call.args().get(0);
        if (reg instanceof Expr.Name n && SYSTEM_REGISTERS.contains(n.name())) {
            checker.sem.types.put(reg, Type.VOID);
            if (write && READ_ONLY_SYSTEM_REGISTERS.contains(n.name())) {
                checker.diagnostics.error(KdCode.KD0404, reg.span(), "system register '" + n.name() + "' is read-only");
            }
        } else {
            checker.diagnostics.error(KdCode.KD0404, reg.span(), "unknown system register '"
                    + (reg instanceof Expr.Name n ? n.name() : "expression") + "'");
        }
        if (write) checker.exprs.coerce(call.args().get(1), Type.U64, c);
        checker.exprs.unsafeOperation(call.span(), "intrinsic @" + call.name(), c);
        return write ? Type.VOID : Type.U64;
    }
}
