package org.machr.codegen.aarch64.asm;

/**
 * Evaluates expressions to {@link Linear} values. A label defined in a section becomes
 * {@code section-base term + offset} (so differences within a section cancel); with
 * {@code globalsAsSymbols}, a global label stays a term of its own name, as the relocation must name it.
 * Undefined symbols stay terms of their own name.
 */
final class Evaluator {

    /** Prefix of the term for a section's base address. */
    static final String SECTION = "\u0000section:";

    private final A64Assembler asm;
    private final boolean globalsAsSymbols;

    Evaluator(A64Assembler asm, boolean globalsAsSymbols) {
        this.asm = asm;
        this.globalsAsSymbols = globalsAsSymbols;
    }

    Linear eval(Expr e) {
        return switch (e) {
            case Expr.Num n -> Linear.of(n.value());
            case Expr.Sym s -> symbol(s);
            case Expr.Unary u -> {
                Linear v = eval(u.operand());
                yield switch (u.op()) {
                    case "-" -> v.times(-1);
                    case "+" -> v;
                    default -> Linear.of(~constantOf(v, u));
                };
            }
            case Expr.Binary b -> binary(b);
        };
    }

    private Linear binary(Expr.Binary b) {
        Linear l = eval(b.left());
        Linear r = eval(b.right());
        switch (b.op()) {
            case "+": return l.plus(r);
            case "-": return l.plus(r.times(-1));
            default: break;
        }
        long x = constantOf(l, b.left());
        long y = constantOf(r, b.right());
        return Linear.of(switch (b.op()) {
            case "*" -> x * y;
            case "/", "%" -> {
                if (y == 0) throw new AsmError(A64AsmCode.BAD_EXPRESSION, b.start(), b.end(), "division by zero");
                yield b.op().equals("/") ? x / y : x % y;
            }
            case "<<" -> x << y;
            case ">>" -> x >> y;
            case "&", "&&" -> x & y;
            case "|", "||" -> x | y;
            case "^" -> x ^ y;
            default -> throw new AsmError(A64AsmCode.BAD_EXPRESSION, b.start(), b.end(), "unknown operator " + b.op());
        });
    }

    private long constantOf(Linear v, Expr where) {
        if (!v.isConstant()) {
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, where.start(), where.end(), "operand of this operator must be a constant");
        }
        return v.constant();
    }

    private Linear symbol(Expr.Sym s) {
        A64Assembler.AsmSymbol sym = asm.symbols.get(s.name());
        if (sym == null || !sym.isDefined()) return Linear.term(s.name());
        if (sym.equ != null) {
            if (sym.evaluating) throw new AsmError(A64AsmCode.BAD_EXPRESSION, s.start(), s.end(), "symbol '" + s.name() + "' is defined in terms of itself");
            sym.evaluating = true;
            try {
                return eval(sym.equ);
            } finally {
                sym.evaluating = false;
            }
        }
        if (globalsAsSymbols && sym.isGlobal()) return Linear.term(s.name());
        return Linear.term(SECTION + sym.section.name).plus(Linear.of(sym.offset));
    }
}
