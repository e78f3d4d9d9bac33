package org.machr.codegen.x86_64.asm;

import org.machr.codegen.x86_64.X64AsmCode;

/**
 * Evaluates {@link Expr}s to a relocatable value {@code c + plus - minus} against the current layout.
 * A difference of two locations in the same section folds to a constant (as llvm-mc does); any other
 * operator needs constant operands.
 */
final class Evaluator {

    /** A location or symbol; {@code section} null means undefined here. {@code name} null means {@code .}. */
    record Term(String name, AsmSection section, long offset, boolean preemptible) {}

    record Value(long constant, Term plus, Term minus) {
        boolean isConstant() {
            return plus == null && minus == null;
        }
    }

    private final Symbols symbols;

    Evaluator(Symbols symbols) {
        this.symbols = symbols;
    }

    Value eval(Expr e, AsmSection dotSection, long dot) {
        return switch (e) {
            case Expr.Num n -> new Value(n.value(), null, null);
            case Expr.Dot d -> {
                if (dotSection == null) throw new AsmError(X64AsmCode.NOT_CONSTANT, e.span(), "'.' is not allowed here");
                yield new Value(0, new Term(null, dotSection, dot, false), null);
            }
            case Expr.Sym s -> symbol(s, dotSection, dot);
            case Expr.Unary u -> {
                long v = constant(eval(u.operand(), dotSection, dot), u);
                yield new Value(switch (u.op()) {
                    case "-" -> -v;
                    case "~" -> ~v;
                    default -> v == 0 ? 1 : 0;
                }, null, null);
            }
            case Expr.Binary b -> binary(b, eval(b.left(), dotSection, dot), eval(b.right(), dotSection, dot));
        };
    }

    /** Evaluates {@code e} and requires a constant. */
    long constant(Expr e, AsmSection dotSection, long dot) {
        return constant(eval(e, dotSection, dot), e);
    }

    private Value symbol(Expr.Sym s, AsmSection dotSection, long dot) {
        Symbols.Info info = symbols.get(s.name());
        if (info.equ != null) {
            if (info.evaluating) throw new AsmError(X64AsmCode.NOT_CONSTANT, s.span(), "symbol " + s.name() + " is defined in terms of itself");
            info.evaluating = true;
            try {
                AsmSection at = info.equSection;
                boolean placed = at != null && at.offsets.length == at.items.size();
                long equDot = !placed ? 0 : info.equIndex < at.offsets.length ? at.offsets[info.equIndex] : at.size;
                return eval(info.equ, placed ? at : null, equDot);
            } finally {
                info.evaluating = false;
            }
        }
        if (info.isLabel() && info.itemIndex >= info.section.offsets.length) {
            throw new AsmError(X64AsmCode.NOT_CONSTANT, s.span(), "the address of " + s.name() + " is not known yet");
        }
        if (info.isLabel()) return new Value(0, new Term(s.name(), info.section, info.offset(), info.isPreemptible()), null);
        return new Value(0, new Term(s.name(), null, 0, true), null);
    }

    private static Value binary(Expr.Binary b, Value l, Value r) {
        switch (b.op()) {
            case "+" -> {
                if (l.plus != null && r.plus != null || l.minus != null && r.minus != null) throw notRelocatable(b);
                return fold(new Value(l.constant + r.constant, l.plus != null ? l.plus : r.plus, l.minus != null ? l.minus : r.minus), b);
            }
            case "-" -> {
                if (l.plus != null && r.minus != null || l.minus != null && r.plus != null) throw notRelocatable(b);
                Term plus = l.plus != null ? l.plus : r.minus;
                Term minus = l.minus != null ? l.minus : r.plus;
                return fold(new Value(l.constant - r.constant, plus, minus), b);
            }
            default -> {
                long a = constant(l, b.left());
                long c = constant(r, b.right());
                return new Value(switch (b.op()) {
                    case "*" -> a * c;
                    case "/" -> divide(a, c, b, false);
                    case "%" -> divide(a, c, b, true);
                    case "<<" -> a << c;
                    case ">>" -> a >> c;
                    case "&" -> a & c;
                    case "|" -> a | c;
                    default -> a ^ c;
                }, null, null);
            }
        }
    }

    private static long divide(long a, long c, Expr.Binary b, boolean remainder) {
        if (c == 0) throw new AsmError(X64AsmCode.NOT_CONSTANT, b.span(), "division by zero");
        return remainder ? a % c : a / c;
    }

    private static Value fold(Value v, Expr e) {
        if (v.plus != null && v.minus != null) {
            if (v.plus.section() != null && v.plus.section() == v.minus.section()) {
                return new Value(v.constant + v.plus.offset() - v.minus.offset(), null, null);
            }
            if (v.minus.section() == null) throw notRelocatable(e);
        }
        return v;
    }

    private static long constant(Value v, Expr e) {
        if (!v.isConstant()) {
            throw new AsmError(X64AsmCode.NOT_CONSTANT, e.span(), "expected a constant expression");
        }
        return v.constant;
    }

    private static AsmError notRelocatable(Expr e) {
        return new AsmError(X64AsmCode.BAD_EXPRESSION, e.span(), "expression cannot be expressed by a relocation");
    }
}
