package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the invariants every pass must keep: blocks terminated, branch targets present, operand
 * types matching each instruction's rule, registers defined and of one type, stack slots and symbols
 * existing, a location on every instruction that can panic. Tests run it after every pass.
 */
public final class IrVerifier {
    private final IrProgram program;
    private final List<String> errors = new ArrayList<>();
    private IrFunction function;
    private String where;
    private IrType[] regTypes;
    private boolean[] defined;

    private IrVerifier(IrProgram program) {
        this.program = program;
    }

    /** All problems found, empty when the program is well-formed. */
    public static List<String> verify(IrProgram program) {
        IrVerifier v = new IrVerifier(program);
        for (IrFunction f : program.functions()) v.function(f);
        for (IrGlobal g : program.globals())
            for (IrGlobal.Reloc r : g.relocs())
                if (!v.symbolExists(r.symbol())) v.errors.add("global @" + g.name() + ": relocation to unknown @" + r.symbol());
        v.errors.addAll(IrSections.problems(program));
        return v.errors;
    }

    /** Throws {@link IllegalStateException} listing the problems, if any ({@code after} names the pass). */
    public static void check(IrProgram program, String after) {
        List<String> errors = verify(program);
        if (!errors.isEmpty())
            throw new IllegalStateException("invalid IR after " + after + ":\n  " + String.join("\n  ", errors));
    }

    /** Like {@link #check(IrProgram, String)} for one function of {@code program} (after a function-local pass). */
    public static void check(IrProgram program, IrFunction f, String after) {
        IrVerifier v = new IrVerifier(program);
        v.function(f);
        if (!v.errors.isEmpty())
            throw new IllegalStateException("invalid IR after " + after + ":\n  " + String.join("\n  ", v.errors));
    }

    private boolean symbolExists(String s) {
        return program.function(s) != null || program.global(s) != null || program.extern(s) != null;
    }

    private void error(String message) {
        errors.add("fn @" + function.name() + " " + where + ": " + message);
    }

    private void function(IrFunction f) {
        function = f;
        where = "";
        regTypes = new IrType[f.regCount()];
        defined = new boolean[f.regCount()];
        for (Reg p : f.params()) define(p);
        if (f.blocks().isEmpty()) {
            error("has no blocks");
            return;
        }
        for (Block b : f.blocks()) for (Insn i : b.insns()) for (Reg d : i.defs()) define(d);
        for (Block b : f.blocks()) {
            if (f.block(b.id()) != b) {
                where = b.label();
                error("block id does not map back to the block");
            }
            for (Insn i : b.insns()) {
                where = b.label() + " '" + IrPrinter.insn(i) + "'";
                for (Operand o : i.uses()) operand(o);
                insn(i);
            }
            where = b.label();
            Terminator t = b.terminator();
            if (t == null) {
                error("is not terminated");
                continue;
            }
            where = b.label() + " '" + IrPrinter.terminator(t) + "'";
            for (Operand o : t.uses()) operand(o);
            for (int s : t.successors()) if (f.block(s) == null) error("branches to missing block b" + s);
            terminator(t);
        }
    }

    private void define(Reg r) {
        if (r.id() >= regTypes.length) {
            error("register " + r + " not allocated by the function");
            return;
        }
        if (regTypes[r.id()] != null && regTypes[r.id()] != r.type())
            error("register " + r + " used as " + r.type().text() + " and " + regTypes[r.id()].text());
        regTypes[r.id()] = r.type();
        defined[r.id()] = true;
    }

    private void operand(Operand o) {
        switch (o) {
            case Reg r -> {
                if (r.id() >= defined.length || !defined[r.id()]) error("register " + r + " is never defined");
                else if (regTypes[r.id()] != r.type()) error("register " + r + " read as " + r.type().text());
            }
            case SlotAddr s -> {
                if (s.slot() >= function.slots().size()) error("unknown stack slot $" + s.slot());
            }
            case SymbolAddr s -> {
                if (!symbolExists(s.symbol())) error("unknown symbol @" + s.symbol());
            }
            case Imm unused -> { }
        }
    }

    private void same(IrType a, IrType b, String what) {
        if (a != b) error(what + ": " + a.text() + " vs " + b.text());
    }

    private void ptr(Operand o) {
        if (o.type() != IrType.PTR) error("address must be " + IrType.PTR.text() + ", is " + o.type().text());
    }

    private void loc(Loc loc) {
        if (loc == null) error("instruction that can panic has no location");
    }

    private void insn(Insn insn) {
        switch (insn) {
            case Insn.Copy(Reg d, Operand s) -> same(d.type(), s.type(), "copy types differ");
            case Insn.Binary(Reg d, BinOp op, Operand a, Operand b, Loc loc) -> {
                same(d.type(), a.type(), "binary result and left operand");
                same(a.type(), b.type(), "binary operands");
                if (op.canPanic()) loc(loc);
            }
            case Insn.Unary(Reg d, UnOp op, Operand a) -> same(d.type(), a.type(), op.text() + " types");
            case Insn.Convert(Reg d, ConvOp op, Operand a) -> {
                boolean ok = op == ConvOp.TRUNC ? a.type().bits() >= d.type().bits() : a.type().bits() <= d.type().bits();
                if (!ok) error(op.text() + " from " + a.type().text() + " to " + d.type().text());
            }
            case Insn.Compare(Reg d, Cond c, Operand a, Operand b) -> {
                same(d.type(), IrType.BOOL, "compare result");
                same(a.type(), b.type(), "compare operands");
            }
            case Insn.Select(Reg d, Operand c, Operand t, Operand f) -> {
                same(d.type(), t.type(), "select result");
                same(t.type(), f.type(), "select operands");
            }
            case Insn.Load(Reg d, IrType mt, Ext ext, Operand a, boolean vol, Loc loc) -> {
                ptr(a);
                loc(loc);
                if (mt.bits() > d.type().bits()) error("load of " + mt.text() + " into " + d.type().text());
            }
            case Insn.Store(IrType mt, Operand a, Operand v, boolean vol, Loc loc) -> {
                ptr(a);
                loc(loc);
                if (mt.bits() > v.type().bits()) error("store of " + mt.text() + " from " + v.type().text());
            }
            case Insn.AtomicLoad(Reg d, Operand a, MemOrder o, Loc loc) -> {
                ptr(a);
                loc(loc);
            }
            case Insn.AtomicStore(Operand a, Operand v, MemOrder o, Loc loc) -> {
                ptr(a);
                loc(loc);
            }
            case Insn.AtomicRmw(Reg d, RmwOp op, Operand a, Operand v, MemOrder o, Loc loc) -> {
                ptr(a);
                loc(loc);
                same(d.type(), v.type(), "atomic result and operand");
            }
            case Insn.AtomicCas(Reg d, Operand a, Operand e, Operand r, MemOrder o, Loc loc) -> {
                ptr(a);
                loc(loc);
                same(d.type(), e.type(), "cas result and expected");
                same(e.type(), r.type(), "cas expected and replacement");
            }
            case Insn.Fence(MemOrder o) -> { }
            case Insn.Call(List<Reg> rs, Callee c, List<Operand> args, Loc loc) -> {
                loc(loc);
                Signature sig = switch (c) {
                    case Callee.Direct(String name) -> {
                        IrFunction f = program.function(name);
                        if (f == null) error("call to unknown function @" + name);
                        yield f == null ? null : f.signature();
                    }
                    case Callee.Extern(String name) -> {
                        ExternDecl e = program.extern(name);
                        if (e == null) error("call to undeclared extern @" + name);
                        yield e == null ? null : e.signature();
                    }
                    case Callee.Indirect(Operand target, Signature s) -> {
                        ptr(target);
                        yield s;
                    }
                };
                if (sig != null) signature(sig, rs, args);
            }
            case Insn.IntrinsicCall(Reg d, Intrinsic in, List<Operand> args, String sysReg, Loc loc) -> {
                loc(loc);
                if (in.takesSystemRegister() && (sysReg == null || sysReg.isEmpty())) error("@" + in.text() + " without a system register");
                if (!in.takesSystemRegister() && sysReg != null) error("@" + in.text() + " takes no system register");
                signature(new Signature(in.params(), in.result()), d == null ? List.of() : List.of(d), args);
            }
        }
    }

    private void signature(Signature sig, List<Reg> rs, List<Operand> args) {
        if (args.size() != sig.params().size()) {
            error(args.size() + " arguments for " + sig.params().size() + " parameters");
            return;
        }
        for (int i = 0; i < args.size(); i++) same(args.get(i).type(), sig.params().get(i), "argument " + (i + 1));
        if (!rs.isEmpty()) {
            if (sig.results().isEmpty()) error("result taken from a call that returns nothing");
            else if (rs.size() != sig.results().size()) error(rs.size() + " result registers for " + sig.results().size() + " results");
            else for (int i = 0; i < rs.size(); i++) same(rs.get(i).type(), sig.results().get(i), "call result");
        }
    }

    private void terminator(Terminator t) {
        switch (t) {
            case Terminator.Return(List<Operand> vs) -> {
                List<IrType> want = function.results();
                if (want.isEmpty() && !vs.isEmpty()) error("returns a value from a function without result");
                else if (vs.size() != want.size()) error("returns " + vs.size() + " values from a function with " + want.size() + " results");
                else for (int i = 0; i < vs.size(); i++) same(vs.get(i).type(), want.get(i), "returned value");
            }
            case Terminator.Jump j -> { }
            case Terminator.Branch b -> { }
            case Terminator.Switch s -> {
                java.util.Set<Long> seen = new java.util.HashSet<>();
                for (Terminator.Case c : s.cases()) {
                    if (s.value().type().canonical(c.value()) != c.value()) error("case value " + c.value() + " not canonical");
                    if (!seen.add(c.value())) error("duplicate case " + c.value());
                }
            }
            case Terminator.Unreachable u -> { }
        }
    }
}
