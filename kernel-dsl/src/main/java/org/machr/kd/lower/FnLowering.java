package org.machr.kd.lower;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.machr.diag.Span;
import org.machr.kd.ast.Decl;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;
import org.machr.kd.check.Attributes;
import org.machr.kd.check.FnInfo;
import org.machr.kd.check.LocalVar;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.Type;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.Terminator;

/**
 * Lowers one function's statements (docs/language.md §7): locals in registers or stack slots,
 * structured control flow to blocks, {@code defer} replayed on every exit of its block, and
 * {@code match} to a switch.
 */
final class FnLowering {

    final Lowering lowering;
    final Semantics sem;
    final FnInfo fn;
    final FunctionBuilder b;
    final MemOps mem;
    final ExprLowering exprs;
    final String file;
    final Map<LocalVar, Place> locals = new IdentityHashMap<>();

    private record Loop(Block breakTo, Block continueTo, int depth) {}

    private final Deque<List<Stmt>> defers = new ArrayDeque<>();
    private final Deque<Loop> loops = new ArrayDeque<>();

    FnLowering(Lowering lowering, FnInfo fn) {
        this.lowering = lowering;
        this.sem = lowering.sem;
        this.fn = fn;
        this.file = fn.module().relativePath();
        this.lines = lowering.lines(fn.module().file().source());
        Type.Fn type = fn.type();
        this.b = FunctionBuilder.beginWithResults(lowering.program, fn.symbol(), Lowering.paramTypes(type),
                Lowering.resultTypes(type), loc(fn.decl().nameSpan()), fn.decl().pub() || fn.name().equals("main"));
        Attributes.section(fn.decl().attributes()).ifPresent(b.function()::setSection);
        this.mem = new MemOps(b);
        this.exprs = new ExprLowering(this);
    }

    private final LineIndex lines;
    /** Where a struct result goes (the hidden first parameter), or {@code null}. */
    private Reg resultAddress;

    Loc loc(Span span) {
        if (!lines.covers(span)) return new Loc(file, span.line(), span.column());
        return new Loc(file, lines.line(span), lines.column(span));
    }

    void lower() {
        int reg = 0;
        if (Lowering.returnsInMemory(fn.type())) resultAddress = b.param(reg++);
        for (Decl.Param p : fn.decl().params()) {
            LocalVar v = sem.param(p);
            Type t = v.type();
            if (Layout.isAggregate(t)) {
                locals.put(v, new Place.InMemory(b.param(reg++), t)); // the caller's copy, ours to modify
                continue;
            }
            Value incoming = t instanceof Type.Slice
                    ? new Value.SliceValue(b.param(reg++), b.param(reg++)) : new Value.Scalar(b.param(reg++));
            if (v.addressTaken()) {
                Place slot = slot(v);
                storeTo(slot, incoming, p.span());
            } else {
                locals.put(v, incoming instanceof Value.SliceValue s
                        ? new Place.SliceInRegisters((Reg) s.ptr(), (Reg) s.len(), t)
                        : new Place.InRegister((Reg) incoming.scalar(), t));
            }
        }
        block(fn.decl().body());
        if (!b.isTerminated()) {
            if (fn.type().result() instanceof Type.Void) b.ret();
            else b.unreachable();
        }
    }

    /** Storage for a local: registers unless its address is taken or it is an aggregate. */
    Place declare(LocalVar v) {
        Type t = v.type();
        Place p;
        if (v.addressTaken() || Layout.isAggregate(t)) {
            p = slot(v);
        } else if (t instanceof Type.Slice) {
            p = new Place.SliceInRegisters(b.newReg(IrType.I64), b.newReg(IrType.I64), t);
        } else {
            p = new Place.InRegister(b.newReg(Layout.ir(t)), t);
        }
        locals.put(v, p);
        return p;
    }

    private Place slot(LocalVar v) {
        Place p = new Place.InMemory(b.slot(Math.max(1, Layout.size(v.type())), Layout.align(v.type()), v.name()), v.type());
        locals.put(v, p);
        return p;
    }

    void storeTo(Place p, Value v, Span at) {
        switch (p) {
            case Place.InRegister r -> b.assign(r.reg(), v.scalar());
            case Place.SliceInRegisters s -> {
                Value.SliceValue sv = (Value.SliceValue) v;
                // Read both before writing either: the value may be computed from this very slice.
                Reg ptr = b.copy(sv.ptr());
                Reg len = b.copy(sv.len());
                b.assign(s.ptr(), ptr);
                b.assign(s.len(), len);
            }
            case Place.InMemory m -> mem.store(m.address(), m.type(), v, loc(at));
        }
    }

    Value loadFrom(Place p, Span at) {
        return switch (p) {
            case Place.InRegister r -> new Value.Scalar(r.reg());
            case Place.SliceInRegisters s -> new Value.SliceValue(s.ptr(), s.len());
            case Place.InMemory m -> mem.load(m.address(), m.type(), loc(at));
        };
    }

    void block(Stmt.Block block) {
        defers.push(new ArrayList<>());
        for (Stmt s : block.stmts()) stmt(s);
        List<Stmt> mine = defers.pop();
        if (!b.isTerminated()) runDefers(mine);
    }

    private void runDefers(List<Stmt> list) {
        for (int i = list.size() - 1; i >= 0; i--) {
            defers.push(new ArrayList<>());
            stmt(list.get(i));
            defers.pop();
        }
    }

    /** Runs the defers of every open block down to {@code depth} (innermost first), for a jump out of them. */
    private void unwindTo(int depth) {
        List<List<Stmt>> open = new ArrayList<>(defers);
        Deque<List<Stmt>> saved = new ArrayDeque<>(defers);
        for (int i = 0; i < open.size() - depth; i++) {
            // Defers of outer blocks must not see the inner blocks' defers while they run.
            while (defers.size() > open.size() - i) defers.pop();
            runDefers(open.get(i));
        }
        defers.clear();
        defers.addAll(saved);
    }

    void stmt(Stmt s) {
        switch (s) {
            case Stmt.Local l -> {
                LocalVar v = sem.binding(l);
                Value init = l.init() == null ? null : exprs.value(l.init());
                if (init instanceof Value.Memory fresh && isAggregateLiteral(l.init())) {
                    locals.put(v, new Place.InMemory(fresh.address(), v.type())); // adopt the literal's temporary
                    return;
                }
                Place p = declare(v);
                if (init != null) storeTo(p, init, l.span());
                else zero(p, l.span());
            }
            case Stmt.Assign a -> exprs.assign(a);
            case Stmt.ExprStmt e -> exprs.value(e.expr());
            case Stmt.If i -> {
                Block then = b.newBlock("if.then");
                Block otherwise = b.newBlock("if.else");
                Block done = b.newBlock("if.end");
                exprs.condition(i.condition(), then, otherwise);
                b.positionAt(then);
                block(i.then());
                b.jump(done);
                b.positionAt(otherwise);
                if (i.otherwise() != null) stmt(i.otherwise());
                b.jump(done);
                b.positionAt(done);
            }
            case Stmt.IfLet i -> ifLet(i);
            case Stmt.While w -> {
                Block head = b.newBlock("while.head");
                Block body = b.newBlock("while.body");
                Block done = b.newBlock("while.end");
                b.jump(head);
                b.positionAt(head);
                exprs.condition(w.condition(), body, done);
                b.positionAt(body);
                loopBody(w.body(), done, head);
                b.jump(head);
                b.positionAt(done);
            }
            case Stmt.For f -> forLoop(f);
            case Stmt.Loop l -> {
                Block body = b.newBlock("loop.body");
                Block done = b.newBlock("loop.end");
                b.jump(body);
                b.positionAt(body);
                loopBody(l.body(), done, body);
                b.jump(body);
                b.positionAt(done);
            }
            case Stmt.Break k -> {
                Loop loop = loops.peek();
                unwindTo(loop.depth());
                b.jump(loop.breakTo());
            }
            case Stmt.Continue k -> {
                Loop loop = loops.peek();
                unwindTo(loop.depth());
                b.jump(loop.continueTo());
            }
            case Stmt.Return r -> ret(r);
            case Stmt.Defer d -> defers.peek().add(d.body());
            case Stmt.Match m -> match(m);
            case Stmt.Unsafe u -> block(u.body());
            case Stmt.Block bl -> block(bl);
        }
    }

    /** Whether {@code e}'s value is a fresh temporary a local may adopt: an aggregate literal or struct result. */
    private boolean isAggregateLiteral(Expr e) {
        return e instanceof Expr.ArrayLit || e instanceof Expr.StructLit || e instanceof Expr.ArrayRepeat
                || e instanceof Expr.Call && Layout.isAggregate(sem.typeOf(e));
    }

    private void zero(Place p, Span at) {
        switch (p) {
            case Place.InRegister r -> b.assign(r.reg(), new Imm(r.reg().type(), 0));
            case Place.SliceInRegisters s -> {
                b.assign(s.ptr(), Imm.i64(0));
                b.assign(s.len(), Imm.i64(0));
            }
            case Place.InMemory m -> mem.zero(m.address(), Layout.size(m.type()), Layout.align(m.type()), loc(at));
        }
    }

    private void loopBody(Stmt.Block body, Block breakTo, Block continueTo) {
        loops.push(new Loop(breakTo, continueTo, defers.size()));
        block(body);
        loops.pop();
    }

    private void ifLet(Stmt.IfLet i) {
        Operand p = exprs.value(i.value()).scalar();
        Block then = b.newBlock("iflet.then");
        Block otherwise = b.newBlock("iflet.else");
        Block done = b.newBlock("iflet.end");
        b.branch(b.compare(Cond.NE, p, Imm.i64(0)), then, otherwise);
        b.positionAt(then);
        storeTo(declare(sem.binding(i)), new Value.Scalar(p), i.nameSpan());
        block(i.then());
        b.jump(done);
        b.positionAt(otherwise);
        if (i.otherwise() != null) stmt(i.otherwise());
        b.jump(done);
        b.positionAt(done);
    }

    private void forLoop(Stmt.For f) {
        Type t = sem.binding(f).type();
        boolean signed = Layout.signed(t);
        Reg counter = b.copy(exprs.value(f.from()).scalar());
        Reg end = b.copy(exprs.value(f.to()).scalar());
        Block head = b.newBlock("for.head");
        Block body = b.newBlock("for.body");
        Block step = b.newBlock("for.step");
        Block done = b.newBlock("for.end");
        b.jump(head);
        b.positionAt(head);
        b.branch(b.compare(signed ? Cond.SLT : Cond.ULT, counter, end), body, done);
        b.positionAt(body);
        storeTo(declare(sem.binding(f)), new Value.Scalar(counter), f.nameSpan());
        loopBody(f.body(), done, step);
        b.jump(step);
        b.positionAt(step);
        b.assign(counter, b.add(counter, new Imm(counter.type(), 1)));
        b.jump(head);
        b.positionAt(done);
    }

    private void ret(Stmt.Return r) {
        List<Operand> values = new ArrayList<>();
        if (resultAddress != null) {
            mem.store(resultAddress, fn.type().result(), exprs.value(r.value()), loc(r.span()));
        } else if (r.value() != null) {
            for (Operand o : MemOps.flatten(exprs.value(r.value()))) values.add(o instanceof Reg ? b.copy(o) : o);
        }
        unwindTo(0);
        b.ret(values);
    }

    private void match(Stmt.Match m) {
        Operand v = exprs.value(m.value()).scalar();
        Block done = b.newBlock("match.end");
        Block otherwise = done;
        List<Terminator.Case> cases = new ArrayList<>();
        List<Block> bodies = new ArrayList<>();
        for (Stmt.Arm arm : m.arms()) {
            Block body = b.newBlock("match.arm");
            bodies.add(body);
            for (Stmt.Pattern p : arm.patterns()) {
                if (p instanceof Stmt.Wildcard) {
                    if (otherwise == done) otherwise = body;
                } else if (p instanceof Stmt.ValuePattern vp) {
                    BigInteger k = patternValue(vp.value());
                    if (cases.stream().noneMatch(c -> c.value() == k.longValue())) {
                        cases.add(new Terminator.Case(new Imm(v.type(), k.longValue()).value(), body.id()));
                    }
                }
            }
        }
        if (otherwise == done && sem.isExhaustive(m)) otherwise = unreachableBlock();
        b.switchOn(v, cases, otherwise);
        for (int i = 0; i < bodies.size(); i++) {
            b.positionAt(bodies.get(i));
            defers.push(new ArrayList<>());
            stmt(m.arms().get(i).body());
            List<Stmt> mine = defers.pop();
            if (!b.isTerminated()) runDefers(mine);
            b.jump(done);
        }
        b.positionAt(done);
    }

    private Block unreachableBlock() {
        Block saved = b.current();
        Block u = b.newBlock("match.none");
        b.positionAt(u);
        b.unreachable();
        b.positionAt(saved);
        return u;
    }

    private BigInteger patternValue(Expr e) {
        BigInteger v = sem.constantOf(e);
        if (v != null) return v;
        if (e instanceof Expr.IntLit i) return i.value();
        throw new IllegalStateException("pattern was not folded at " + e.span().location());
    }
}
