package org.machr.codegen.aarch64.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.machr.codegen.aarch64.GpReg;
import org.machr.codegen.aarch64.WReg;
import org.machr.codegen.aarch64.XReg;

/** Splits a statement's operand tokens at top-level commas and parses each operand. */
final class OperandParser {

    static final Set<String> SHIFTS = Set.of("lsl", "lsr", "asr", "ror", "uxtb", "uxth", "uxtw", "uxtx", "sxtb",
            "sxth", "sxtw", "sxtx");

    private final ExprFactory exprs;

    interface ExprFactory {
        ExprParser at(List<Token> toks, int pos);
    }

    OperandParser(ExprFactory exprs) {
        this.exprs = exprs;
    }

    /** Register names: x0–x30, w0–w30, sp, wsp, xzr, wzr, fp (x29), lr (x30). */
    static Optional<GpReg> register(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        switch (n) {
            case "sp": return Optional.of(XReg.SP);
            case "wsp": return Optional.of(WReg.WSP);
            case "xzr": return Optional.of(XReg.XZR);
            case "wzr": return Optional.of(WReg.WZR);
            case "fp": return Optional.of(XReg.X29);
            case "lr": return Optional.of(XReg.X30);
            default: break;
        }
        if (n.length() >= 2 && (n.charAt(0) == 'x' || n.charAt(0) == 'w') && n.substring(1).matches("\\d{1,2}")) {
            int num = Integer.parseInt(n.substring(1));
            if (num <= 30 && !(n.length() == 3 && n.charAt(1) == '0')) return Optional.of(GpReg.of(num, n.charAt(0) == 'x'));
        }
        return Optional.empty();
    }

    List<Operand> parseAll(List<Token> toks, int from) {
        List<Operand> out = new ArrayList<>();
        int i = from;
        while (i < toks.size()) {
            int end = i;
            int depth = 0;
            while (end < toks.size()) {
                Token t = toks.get(end);
                if (t.is("[") || t.is("(")) depth++;
                if (t.is("]") || t.is(")")) depth--;
                if (t.is(",") && depth == 0) break;
                end++;
            }
            if (end == i) {
                Token t = toks.get(i);
                throw new AsmError(A64AsmCode.BAD_OPERAND, t.start(), t.end(), "expected an operand");
            }
            out.add(parseOne(toks.subList(i, end)));
            i = end + 1;
            if (end < toks.size() && i == toks.size()) {
                Token comma = toks.get(end);
                throw new AsmError(A64AsmCode.BAD_OPERAND, comma.start(), comma.end(), "expected an operand after ','");
            }
        }
        return out;
    }

    private Operand parseOne(List<Token> toks) {
        Token first = toks.get(0);
        int start = first.start();
        int end = toks.get(toks.size() - 1).end();
        if (first.is("[")) return memory(toks);
        if (first.is("=")) return new Operand.Imm(wholeExpr(toks, 1), "=", false, start, end);
        if (first.isIdent() && toks.size() == 1) {
            Optional<GpReg> r = register(first.text());
            if (r.isPresent()) return new Operand.Reg(r.get(), start, end);
        }
        if (first.isIdent() && SHIFTS.contains(first.text().toLowerCase(Locale.ROOT))
                && (toks.size() == 1 || toks.get(1).is("#"))) {
            Expr amount = null;
            if (toks.size() > 1) {
                amount = wholeExpr(toks, 2);
            }
            return new Operand.ShiftOp(first.text().toLowerCase(Locale.ROOT), amount, start, end);
        }
        int i = 0;
        boolean hash = false;
        if (first.is("#")) {
            hash = true;
            i = 1;
        }
        String modifier = null;
        if (i < toks.size() && toks.get(i).is(":")) {
            if (i + 2 >= toks.size() || !toks.get(i + 1).isIdent() || !toks.get(i + 2).is(":")) {
                throw new AsmError(A64AsmCode.BAD_OPERAND, toks.get(i).start(), end, "malformed relocation operator");
            }
            modifier = toks.get(i + 1).text().toLowerCase(Locale.ROOT);
            if (!modifier.equals("lo12")) {
                throw new AsmError(A64AsmCode.BAD_OPERAND, toks.get(i).start(), toks.get(i + 2).end(),
                        "unsupported relocation operator ':" + modifier + ":'");
            }
            i += 3;
        }
        if (i >= toks.size()) throw new AsmError(A64AsmCode.BAD_OPERAND, start, end, "expected an expression");
        return new Operand.Imm(wholeExpr(toks, i), modifier, hash, start, end);
    }

    private Expr wholeExpr(List<Token> toks, int from) {
        if (from >= toks.size()) {
            Token last = toks.get(toks.size() - 1);
            throw new AsmError(A64AsmCode.BAD_EXPRESSION, last.end(), last.end(), "expected an expression");
        }
        ExprParser p = exprs.at(toks, from);
        Expr e = p.parse();
        if (p.pos() != toks.size()) {
            Token t = toks.get(p.pos());
            throw new AsmError(A64AsmCode.BAD_OPERAND, t.start(), t.end(), "unexpected '" + t.text() + "' in operand");
        }
        return e;
    }

    private Operand memory(List<Token> toks) {
        int start = toks.get(0).start();
        int close = -1;
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).is("]")) close = i;
        if (close < 0) {
            Token last = toks.get(toks.size() - 1);
            throw new AsmError(A64AsmCode.BAD_OPERAND, start, last.end(), "expected ']'");
        }
        boolean writeback = false;
        if (close + 1 < toks.size()) {
            Token after = toks.get(close + 1);
            if (!after.is("!") || close + 2 < toks.size()) {
                throw new AsmError(A64AsmCode.BAD_OPERAND, after.start(), after.end(), "unexpected '" + after.text() + "' after ']'");
            }
            writeback = true;
        }
        List<Operand> inner = close > 1 ? parseAll(toks.subList(1, close), 0) : List.of();
        if (inner.isEmpty() || !(inner.get(0) instanceof Operand.Reg base)) {
            throw new AsmError(A64AsmCode.BAD_OPERAND, start, toks.get(close).end(), "expected a base register after '['");
        }
        return new Operand.Mem(base, inner.subList(1, inner.size()), writeback, start, toks.get(toks.size() - 1).end());
    }
}
