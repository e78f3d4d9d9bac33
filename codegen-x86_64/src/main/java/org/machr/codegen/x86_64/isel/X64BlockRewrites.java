package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.ConvOp;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Insn;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Reg;

/** Local rewrites {@link X64Lowering} applies to a block's IR instructions before selecting them. */
final class X64BlockRewrites {

    private X64BlockRewrites() {}

    /**
     * {@code t = op ...; x = copy t} with {@code t} defined and used only there becomes {@code x = op ...}
     * (the loop-variable update {@code i = i + 1} is then one {@code add} in place).
     */
    private static List<Insn> intoCopyTargets(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        List<Insn> result = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            Insn insn = insns.get(k);
            Reg t = insn.dst();
            if (k + 1 < insns.size() && insns.get(k + 1) instanceof Insn.Copy c && t != null && c.src().equals(t)
                    && c.dst().type().equals(t.type()) && singleUseAndDef(fn, t, uses, defs)) {
                Insn redirected = switch (insn) {
                    case Insn.Binary x -> new Insn.Binary(c.dst(), x.op(), x.a(), x.b(), x.loc());
                    case Insn.Unary x -> new Insn.Unary(c.dst(), x.op(), x.a());
                    case Insn.Convert x -> new Insn.Convert(c.dst(), x.op(), x.a());
                    case Insn.Load x -> new Insn.Load(c.dst(), x.memType(), x.ext(), x.address(), x.isVolatile(), x.loc());
                    default -> null;
                };
                if (redirected != null) {
                    result.add(redirected);
                    k++;
                    continue;
                }
            }
            result.add(insn);
        }
        return result;
    }

    /** A block's instructions with the rewrites below applied (their registers' use and def counts stay true). */
    static List<Insn> rewrite(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        return intoCopyTargets(fn, extendingLoads(fn, insns, uses, defs), uses, defs);
    }

    /**
     * {@code t = load.iN [a]; d = zext/sext t} with {@code t} defined and used only there becomes one
     * extending load {@code d = load.iN zext/sext [a]} ({@code movzbl}/{@code movsbq}... from memory).
     */
    private static List<Insn> extendingLoads(IrFunction fn, List<Insn> insns, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        List<Insn> result = new ArrayList<>();
        for (int k = 0; k < insns.size(); k++) {
            if (insns.get(k) instanceof Insn.Load ld && k + 1 < insns.size() && insns.get(k + 1) instanceof Insn.Convert c
                    && c.a().equals(ld.dst()) && c.op() != ConvOp.TRUNC && ld.memType().bits() == ld.dst().type().bits()
                    && c.dst().type().bits() > ld.dst().type().bits() && singleUseAndDef(fn, ld.dst(), uses, defs)) {
                result.add(new Insn.Load(c.dst(), ld.memType(), c.op() == ConvOp.ZEXT ? Ext.ZERO : Ext.SIGN, ld.address(),
                        ld.isVolatile(), ld.loc()));
                k++;
                continue;
            }
            result.add(insns.get(k));
        }
        return result;
    }

    private static boolean singleUseAndDef(IrFunction fn, Reg r, Map<Integer, Integer> uses, Map<Integer, Integer> defs) {
        return uses.getOrDefault(r.id(), 0) == 1 && defs.getOrDefault(r.id(), 0) == 1 && !fn.params().contains(r);
    }
}
