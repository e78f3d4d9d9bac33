package org.machr.codegen.aarch64.isel;

import static org.machr.codegen.aarch64.isel.A64Abi.X;
import static org.machr.codegen.aarch64.isel.A64Lowering.mov;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.Ops.BranchRegOp;
import org.machr.codegen.aarch64.Ops.LoadStoreOp;
import org.machr.codegen.aarch64.Target;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.Operand;
import org.machr.codegen.common.regalloc.VReg;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Ext;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Insn;

/**
 * Loads, stores and calls for {@link A64Lowering}: loads pick the extending form their width and
 * signedness need, storing 0 uses {@code wzr}/{@code xzr}, calls follow AAPCS64 (arguments 9.. in
 * 8-byte stack slots pushed around the call).
 */
final class A64Memory {

    private final A64Lowering l;

    A64Memory(A64Lowering l) {
        this.l = l;
    }

    void load(Insn.Load ld) {
        VReg d = l.v(ld.dst());
        int size = ld.memType().bytes();
        A64Address.Addr addr = l.address.address(ld.address(), size);
        boolean signed = ld.memType().bits() == ld.dst().type().bits() || ld.ext() == Ext.SIGN;
        LoadStoreOp op = switch (size) {
            case 1 -> signed ? LoadStoreOp.LDRSB : LoadStoreOp.LDRB;
            case 2 -> signed ? LoadStoreOp.LDRSH : LoadStoreOp.LDRH;
            case 4 -> signed ? LoadStoreOp.LDRSW : LoadStoreOp.LDR;
            default -> LoadStoreOp.LDR;
        };
        boolean wide = size == 8 || signed;
        List<Operand> ops = addr.operands();
        ops.add(Operand.def(d));
        l.add(ops, (ctx, x) -> {
            XReg rt = x.get(x.size() - 1);
            ctx.emit(new A64Insn.LoadStore(op, wide ? rt : rt.withWidth(false), addr.at(x, size)));
        });
        if (!signed && ld.memType().bits() >= ld.dst().type().bits()) l.arith.canonical(d, ld.dst().type());
    }

    void store(Insn.Store s) {
        int size = s.memType().bytes();
        A64Address.Addr addr = l.address.address(s.address(), size);
        boolean zero = s.value() instanceof Imm k && k.value() == 0;
        VReg value = zero ? null : l.reg(s.value());
        LoadStoreOp op = size == 1 ? LoadStoreOp.STRB : size == 2 ? LoadStoreOp.STRH : LoadStoreOp.STR;
        List<Operand> ops = addr.operands();
        if (!zero) ops.add(Operand.use(value));
        l.add(ops, (ctx, x) -> {
            XReg rt = zero ? XReg.XZR : x.get(x.size() - 1);
            ctx.emit(new A64Insn.LoadStore(op, size == 8 ? rt : rt.withWidth(false), addr.at(x, size)));
        });
    }

    void call(Insn.Call c) {
        if (c.results().size() > 2) throw new UnsupportedIrException("calls with more than 2 results");
        List<VReg> args = new ArrayList<>();
        for (var a : c.args()) args.add(l.reg(a));
        List<Operand> ops = new ArrayList<>();
        VReg target = null;
        if (c.callee() instanceof Callee.Indirect ind) {
            target = l.reg(ind.target());
            ops.add(Operand.use(target));
        }
        int inRegs = Math.min(args.size(), A64Abi.MAX_REG_ARGS);
        int stackArgs = args.size() - inRegs;
        for (int i = 0; i < args.size(); i++) {
            if (args.subList(0, i).contains(args.get(i))) {
                VReg copy = l.temp();
                VReg orig = args.get(i);
                l.out.add(new MInsn(List.of(Operand.use(orig), Operand.def(copy)), Set.of(), true, false, (ctx, x) -> ctx.emit(mov(x.get(1), x.get(0)))));
                args.set(i, copy);
            }
            ops.add(i < inRegs ? Operand.fixedUse(args.get(i), X[i]) : Operand.use(args.get(i)));
        }
        for (int i = 0; i < c.results().size(); i++) ops.add(Operand.fixedDef(l.v(c.results().get(i)), X[i]));
        Callee callee = c.callee();
        int firstStackOp = c.callee() instanceof Callee.Indirect ? 1 + inRegs : inRegs;
        int outgoing = (stackArgs * 8 + 15) / 16 * 16;
        l.out.add(new MInsn(ops, A64Abi.CALL_CLOBBERS, false, false, (ctx, x) -> {
            // Arguments 9.. go to 8-byte slots at the bottom of the stack, popped after the call.
            if (outgoing > 0) {
                ctx.subSp(outgoing);
                for (int k = 0; k < stackArgs; k++) {
                    ctx.emit(new A64Insn.LoadStore(LoadStoreOp.STR, x.get(firstStackOp + k), new Address.Scaled(XReg.SP, 8L * k)));
                }
            }
            switch (callee) {
                case Callee.Direct d -> ctx.emit(new A64Insn.Branch(true, new Target.ToSymbol(d.function(), 0)));
                case Callee.Extern e -> ctx.emit(new A64Insn.Branch(true, new Target.ToSymbol(e.symbol(), 0)));
                case Callee.Indirect i -> ctx.emit(new A64Insn.BranchReg(BranchRegOp.BLR, x.get(0)));
            }
            if (outgoing > 0) ctx.addSp(outgoing);
        }));
    }
}
