package org.machr.kd.lower;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.machr.diag.Span;
import org.machr.kd.ast.Expr;
import org.machr.kd.ast.Stmt;
import org.machr.kd.check.FnInfo;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.StructInfo;
import org.machr.kd.check.Type;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.Callee;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Operand;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.SymbolAddr;
import org.machr.kd.ir.UnOp;

/**
 * Lowers expressions (docs/language.md §5, §6, §8.2): places, operators with the documented integer
 * semantics, calls, casts, literals, and bounds checks as an explicit compare and branch to
 * {@code rt.panic_at(msg, file, line)}.
 */
final class ExprLowering {

    private final FnLowering f;
    private final FunctionBuilder b;
    private final Semantics sem;
    private final IntrinsicLowering intrinsics;

    ExprLowering(FnLowering f) {
        this.f = f;
        this.b = f.b;
        this.sem = f.sem;
        this.intrinsics = new IntrinsicLowering(f, this);
    }

    private Type type(Expr e) {
        return sem.typeOf(e);
    }

    Value value(Expr e) {
        BigInteger k = sem.constantOf(e);
        if (k != null) {
            Type t = type(e);
            if (t instanceof Type.Int || t instanceof Type.Enum || t instanceof Type.Bool) {
                return new Value.Scalar(new Imm(Layout.ir(t), k.longValue()));
            }
        }
        return switch (e) {
            case Expr.IntLit i -> new Value.Scalar(new Imm(Layout.ir(type(i)), i.value().longValue()));
            case Expr.BoolLit bl -> new Value.Scalar(Imm.bool(bl.value()));
            case Expr.NullLit n -> new Value.Scalar(Imm.i64(0));
            case Expr.StrLit s -> f.lowering.stringValue(s.bytes());
            case Expr.Name n -> named(n);
            case Expr.Member m -> member(m);
            case Expr.Call c -> call(c);
            case Expr.Index i -> f.loadFrom(place(i), i.span());
            case Expr.SliceOf s -> sliceOf(s);
            case Expr.Unary u -> unary(u);
            case Expr.Binary bin -> binary(bin);
            case Expr.Cast c -> cast(c);
            case Expr.ArrayLit a -> arrayLit(a);
            case Expr.ArrayRepeat r -> arrayRepeat(r);
            case Expr.StructLit s -> structLit(s);
            case Expr.Intrinsic i -> intrinsics.lower(i);
            case Expr.TypeQuery q -> throw new IllegalStateException("sizeof was not folded");
            case Expr.OffsetOf o -> throw new IllegalStateException("offsetof was not folded");
        };
    }

    private Value named(Expr e) {
        return switch (sem.refOf(e)) {
            case Semantics.LocalRef l -> f.loadFrom(f.locals.get(l.var()), e.span());
            case Semantics.GlobalRef g -> f.mem.load(new SymbolAddr(g.global().symbol()), g.global().type(), f.loc(e.span()));
            case Semantics.FnRef fn -> new Value.Scalar(new SymbolAddr(fn.fn().symbol()));
            case null, default -> throw new IllegalStateException("unresolved name at " + e.span().location());
        };
    }

    private Value member(Expr.Member m) {
        Semantics.Ref ref = sem.refOf(m);
        return switch (ref) {
            case Semantics.LenRef l -> {
                Value v = value(m.target());
                yield v instanceof Value.SliceValue s ? new Value.Scalar(s.len()) : new Value.Scalar(Imm.i64(arrayLength(type(m.target()))));
            }
            case Semantics.PtrRef p -> new Value.Scalar(((Value.SliceValue) value(m.target())).ptr());
            case Semantics.FieldRef fr -> f.loadFrom(place(m), m.span());
            default -> named(m);
        };
    }

    private static long arrayLength(Type t) {
        if (t instanceof Type.Pointer p) t = p.pointee();
        return ((Type.Array) t).length();
    }

    /** The place an lvalue denotes; aggregates that are not places are materialised in a temporary. */
    Place place(Expr e) {
        Type t = type(e);
        return switch (e) {
            case Expr.Name n -> switch (sem.refOf(n)) {
                case Semantics.LocalRef l -> f.locals.get(l.var());
                case Semantics.GlobalRef g -> new Place.InMemory(new SymbolAddr(g.global().symbol()), t);
                default -> temporary(e);
            };
            case Expr.Member m when sem.refOf(m) instanceof Semantics.GlobalRef g ->
                    new Place.InMemory(new SymbolAddr(g.global().symbol()), t);
            case Expr.Member m when sem.refOf(m) instanceof Semantics.FieldRef fr -> {
                Operand base = fr.throughPointer() ? value(m.target()).scalar() : address(m.target());
                yield new Place.InMemory(f.mem.offset(base, fr.field().offset()), t);
            }
            case Expr.Index i -> index(i, t);
            case Expr.Unary u when u.op() == Expr.UnaryOp.DEREF -> new Place.InMemory(value(u.operand()).scalar(), t);
            default -> temporary(e);
        };
    }

    /** The address of an aggregate (or address-taken) value. */
    Operand address(Expr e) {
        Place p = place(e);
        if (p instanceof Place.InMemory m) return m.address();
        throw new IllegalStateException("value in registers has no address at " + e.span().location());
    }

    private Place temporary(Expr e) {
        Type t = type(e);
        Value v = value(e);
        if (v instanceof Value.Memory m) return new Place.InMemory(m.address(), t);
        Operand slot = b.slot(Math.max(1, Layout.size(t)), Layout.align(t), "tmp");
        f.mem.store(slot, t, v, f.loc(e.span()));
        return new Place.InMemory(slot, t);
    }

    private Place index(Expr.Index i, Type element) {
        Type target = type(i.target());
        Operand base;
        Operand length;
        if (target instanceof Type.Slice) {
            Value.SliceValue s = (Value.SliceValue) value(i.target());
            base = s.ptr();
            length = s.len();
        } else if (target instanceof Type.Pointer p) {
            base = value(i.target()).scalar();
            length = Imm.i64(((Type.Array) p.pointee()).length());
        } else {
            base = address(i.target());
            length = Imm.i64(((Type.Array) target).length());
        }
        Operand idx = widen(value(i.index()).scalar(), type(i.index()));
        check(b.compare(Cond.ULT, idx, length), "index out of bounds", i.span());
        return new Place.InMemory(elementAddress(base, idx, element), element);
    }

    private Operand elementAddress(Operand base, Operand index, Type element) {
        long size = Layout.size(element);
        Operand scaled = size == 1 ? index : b.mul(index, Imm.i64(size));
        return b.add(base, scaled);
    }

    /** An index or bound as a 64-bit unsigned quantity: signed values sign-extend, so negatives are huge. */
    private Operand widen(Operand v, Type t) {
        return b.resize(v, IrType.I64, Layout.signed(t));
    }

    /** Panics with {@code message} at {@code at} unless {@code ok} is true. */
    void check(Operand ok, String message, Span at) {
        Block pass = b.newBlock("check.ok");
        Block fail = b.newBlock("check.fail");
        b.branch(ok, pass, fail);
        b.positionAt(fail);
        panic(f.lowering.stringValue(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)), at);
        b.positionAt(pass);
    }

    /** {@code rt.panic_at(msg, file, line)}, which does not return. */
    void panic(Value.SliceValue message, Span at) {
        var symbol = f.lowering.panicFunction(at);
        if (symbol.isPresent()) {
            Value.SliceValue file = f.lowering.stringValue(f.file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            b.call(symbol.get(), null, List.of(message.ptr(), message.len(), file.ptr(), file.len(),
                    Imm.i32(f.loc(at).line())), f.loc(at));
        }
        b.unreachable();
    }

    private Value sliceOf(Expr.SliceOf s) {
        Type target = type(s.target());
        Type element = ((Type.Slice) type(s)).element();
        Operand base;
        Operand length;
        if (target instanceof Type.Slice) {
            Value.SliceValue v = (Value.SliceValue) value(s.target());
            base = v.ptr();
            length = v.len();
        } else if (target instanceof Type.Pointer p) {
            base = value(s.target()).scalar();
            length = Imm.i64(((Type.Array) p.pointee()).length());
        } else {
            base = address(s.target());
            length = Imm.i64(((Type.Array) target).length());
        }
        Operand lo = widen(value(s.low()).scalar(), type(s.low()));
        Operand hi = widen(value(s.high()).scalar(), type(s.high()));
        Reg ordered = b.compare(Cond.ULE, lo, hi);
        Reg inside = b.compare(Cond.ULE, hi, length);
        check(b.binary(BinOp.AND, ordered, inside), "slice out of bounds", s.span());
        return new Value.SliceValue(elementAddress(base, lo, element), b.sub(hi, lo));
    }

    private Value unary(Expr.Unary u) {
        Type t = type(u);
        return switch (u.op()) {
            case NEG -> new Value.Scalar(b.unary(UnOp.NEG, value(u.operand()).scalar()));
            case COMPLEMENT -> new Value.Scalar(b.unary(UnOp.NOT, value(u.operand()).scalar()));
            case NOT -> new Value.Scalar(b.binary(BinOp.XOR, value(u.operand()).scalar(), Imm.bool(true)));
            case DEREF -> f.loadFrom(place(u), u.span());
            case ADDRESS_OF -> new Value.Scalar(address(u.operand()));
        };
    }

    private Value binary(Expr.Binary e) {
        Expr.BinaryOp op = e.op();
        if (op.isLogical()) return logical(e);
        Type lt = type(e.left());
        Operand l = value(e.left()).scalar();
        Operand r = value(e.right()).scalar();
        if (op.isComparison()) return new Value.Scalar(b.compare(cond(op, lt), l, r.type() == l.type() ? r : b.resize(r, l.type(), false)));
        if (op.isShift()) r = b.resize(r, l.type(), false);
        return new Value.Scalar(arithmetic(op, lt, l, r, e.span()));
    }

    Operand arithmetic(Expr.BinaryOp op, Type t, Operand l, Operand r, Span at) {
        boolean signed = Layout.signed(t);
        BinOp ir = switch (op) {
            case ADD -> BinOp.ADD;
            case SUB -> BinOp.SUB;
            case MUL -> BinOp.MUL;
            case DIV -> signed ? BinOp.SDIV : BinOp.UDIV;
            case REM -> signed ? BinOp.SREM : BinOp.UREM;
            case AND -> BinOp.AND;
            case OR -> BinOp.OR;
            case XOR -> BinOp.XOR;
            case SHL -> BinOp.SHL;
            case SHR -> signed ? BinOp.ASHR : BinOp.LSHR;
            default -> throw new IllegalStateException("not arithmetic: " + op);
        };
        return b.binary(ir, l, r, ir.canPanic() ? f.loc(at) : null);
    }

    private static Cond cond(Expr.BinaryOp op, Type t) {
        boolean signed = Layout.signed(t);
        return switch (op) {
            case EQ -> Cond.EQ;
            case NE -> Cond.NE;
            case LT -> signed ? Cond.SLT : Cond.ULT;
            case LE -> signed ? Cond.SLE : Cond.ULE;
            case GT -> signed ? Cond.SGT : Cond.UGT;
            case GE -> signed ? Cond.SGE : Cond.UGE;
            default -> throw new IllegalStateException("not a comparison: " + op);
        };
    }

    private Value logical(Expr.Binary e) {
        Reg result = b.newReg(IrType.BOOL);
        Block yes = b.newBlock("logic.true");
        Block no = b.newBlock("logic.false");
        Block done = b.newBlock("logic.end");
        condition(e, yes, no);
        b.positionAt(yes);
        b.assign(result, Imm.bool(true));
        b.jump(done);
        b.positionAt(no);
        b.assign(result, Imm.bool(false));
        b.jump(done);
        b.positionAt(done);
        return new Value.Scalar(result);
    }

    /** Branches on a boolean expression, short-circuiting {@code &&}, {@code ||} and {@code !}. */
    void condition(Expr e, Block ifTrue, Block ifFalse) {
        if (e instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.ANDAND) {
            Block right = b.newBlock("and.rhs");
            condition(bin.left(), right, ifFalse);
            b.positionAt(right);
            condition(bin.right(), ifTrue, ifFalse);
        } else if (e instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.OROR) {
            Block right = b.newBlock("or.rhs");
            condition(bin.left(), ifTrue, right);
            b.positionAt(right);
            condition(bin.right(), ifTrue, ifFalse);
        } else if (e instanceof Expr.Unary u && u.op() == Expr.UnaryOp.NOT) {
            condition(u.operand(), ifFalse, ifTrue);
        } else {
            b.branch(value(e).scalar(), ifTrue, ifFalse);
        }
    }

    private Value cast(Expr.Cast c) {
        Type from = type(c.value());
        Type to = type(c);
        Value v = value(c.value());
        if (!(Layout.isScalar(to))) return v;
        return new Value.Scalar(b.resize(v.scalar(), Layout.ir(to), Layout.signed(from)));
    }

    private Value call(Expr.Call c) {
        Semantics.MethodCall method = sem.method(c);
        List<Operand> args = new ArrayList<>();
        if (method != null) {
            Expr receiver = ((Expr.Member) c.callee()).target();
            args.add(method.byAddress() ? address(receiver) : value(receiver).scalar());
        }
        for (Expr a : c.args()) {
            Value v = value(a);
            Type t = type(a);
            if (Layout.isAggregate(t) && !isFresh(a)) v = new Value.Memory(copyToTemporary(v, t, a.span()));
            args.addAll(MemOps.flatten(v));
        }
        Type.Fn type;
        Callee callee;
        if (method != null) {
            type = method.fn().type();
            callee = method.fn().decl().extern() ? new Callee.Extern(method.fn().symbol())
                    : new Callee.Direct(method.fn().symbol());
        } else if (sem.refOf(c.callee()) instanceof Semantics.FnRef fr && !(c.callee() instanceof Expr.Name n
                && sem.refOf(n) instanceof Semantics.LocalRef)) {
            FnInfo fn = fr.fn();
            type = fn.type();
            callee = fn.decl().extern() ? new Callee.Extern(fn.symbol()) : new Callee.Direct(fn.symbol());
        } else {
            type = (Type.Fn) type(c.callee());
            callee = new Callee.Indirect(value(c.callee()).scalar(), Lowering.signature(type));
        }
        Operand resultSlot = null;
        if (Lowering.returnsInMemory(type)) {
            resultSlot = b.slot(Math.max(1, Layout.size(type.result())), Layout.align(type.result()), "result");
            args.add(0, resultSlot);
        }
        List<Reg> results = b.callResults(callee, Lowering.resultTypes(type), args, f.loc(c.span()));
        if (resultSlot != null) return new Value.Memory(resultSlot);
        if (type.result() instanceof Type.Void) return Value.NONE;
        if (type.result() instanceof Type.Slice) return new Value.SliceValue(results.get(0), results.get(1));
        return new Value.Scalar(results.get(0));
    }

    /** A struct argument the callee may modify: a copy, unless the value is already a temporary of its own. */
    private Operand copyToTemporary(Value v, Type t, Span at) {
        Operand slot = b.slot(Math.max(1, Layout.size(t)), Layout.align(t), "arg");
        f.mem.store(slot, t, v, f.loc(at));
        return slot;
    }

    private boolean isFresh(Expr e) {
        return e instanceof Expr.StructLit || e instanceof Expr.Call;
    }

    private Value arrayLit(Expr.ArrayLit a) {
        Type.Array t = (Type.Array) type(a);
        Operand slot = b.slot(Layout.size(t), Layout.align(t), "array");
        long size = Layout.size(t.element());
        for (int i = 0; i < a.elements().size(); i++) {
            Expr e = a.elements().get(i);
            f.mem.store(f.mem.offset(slot, i * size), t.element(), value(e), f.loc(e.span()));
        }
        return new Value.Memory(slot);
    }

    private Value arrayRepeat(Expr.ArrayRepeat r) {
        Type.Array t = (Type.Array) type(r);
        Operand slot = b.slot(Layout.size(t), Layout.align(t), "array");
        Value v = value(r.value());
        long size = Layout.size(t.element());
        if (v instanceof Value.Scalar s && s.op() instanceof Imm imm && imm.value() == 0) {
            f.mem.zero(slot, Layout.size(t), Layout.align(t), f.loc(r.span()));
            return new Value.Memory(slot);
        }
        Reg i = b.newReg(IrType.I64);
        b.assign(i, Imm.i64(0));
        Block head = b.newBlock("repeat.head");
        Block body = b.newBlock("repeat.body");
        Block done = b.newBlock("repeat.end");
        b.jump(head);
        b.positionAt(head);
        b.branch(b.compare(Cond.ULT, i, Imm.i64(t.length())), body, done);
        b.positionAt(body);
        f.mem.store(elementAddress(slot, i, t.element()), t.element(), v, f.loc(r.span()));
        b.assign(i, b.add(i, Imm.i64(1)));
        b.jump(head);
        b.positionAt(done);
        return new Value.Memory(slot);
    }

    private Value structLit(Expr.StructLit s) {
        Type.Struct t = (Type.Struct) type(s);
        StructInfo info = t.info();
        Operand slot = b.slot(Math.max(1, info.size()), (int) info.align(), info.name());
        f.mem.zero(slot, info.size(), (int) info.align(), f.loc(s.span()));
        for (Expr.FieldInit init : s.fields()) {
            StructInfo.Field field = info.field(init.name());
            f.mem.store(f.mem.offset(slot, field.offset()), field.type(), value(init.value()), f.loc(init.span()));
        }
        return new Value.Memory(slot);
    }

    /** {@code target = value} and {@code target op= value} (docs/language.md §7). */
    void assign(Stmt.Assign a) {
        Type t = type(a.target());
        if (a.op() == null) {
            Value v = value(a.value());
            f.storeTo(place(a.target()), v, a.span());
            return;
        }
        Place p = place(a.target());
        Operand old = f.loadFrom(p, a.span()).scalar();
        Operand r = value(a.value()).scalar();
        if (a.op().isShift() || r.type() != old.type()) r = b.resize(r, old.type(), false);
        Operand result = arithmetic(a.op(), t, old, r, a.span());
        f.storeTo(p, new Value.Scalar(result), a.span());
    }
}
