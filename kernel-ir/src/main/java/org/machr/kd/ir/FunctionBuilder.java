package org.machr.kd.ir;

import java.util.List;

/**
 * Appends instructions to a function, one block at a time: the API the lowering uses. Emitting into
 * a block that is already terminated (code after {@code return}) opens a fresh unreachable block,
 * which CFG simplification later removes.
 */
public final class FunctionBuilder {
    private final IrFunction function;
    private Block current;

    /** Starts a function, adds it to {@code program} and positions at its new entry block. */
    public static FunctionBuilder begin(IrProgram program, String name, List<IrType> params, IrType result,
                                        Loc loc, boolean exported) {
        IrFunction f = new IrFunction(name, params, result, loc, exported);
        program.add(f);
        return new FunctionBuilder(f);
    }

    /** Like {@link #begin} for a function with several results (a slice: pointer, length). */
    public static FunctionBuilder beginWithResults(IrProgram program, String name, List<IrType> params,
                                                   List<IrType> results, Loc loc, boolean exported) {
        IrFunction f = new IrFunction(name, params, results, loc, exported);
        program.add(f);
        return new FunctionBuilder(f);
    }

    public FunctionBuilder(IrFunction function) {
        this.function = function;
        this.current = function.blocks().isEmpty() ? function.newBlock("entry") : function.blocks().get(0);
    }

    public IrFunction function() {
        return function;
    }

    public Block current() {
        return current;
    }

    public void positionAt(Block block) {
        current = block;
    }

    public Block newBlock(String hint) {
        return function.newBlock(hint);
    }

    /** Whether the current block already ends (so emitting more would be dead code). */
    public boolean isTerminated() {
        return current.isTerminated();
    }

    public Reg param(int index) {
        return function.params().get(index);
    }

    public Reg newReg(IrType type) {
        return function.newReg(type);
    }

    /** A new stack slot; returns its address operand. */
    public SlotAddr slot(long size, int align, String hint) {
        return new SlotAddr(function.newSlot(size, align, hint).id());
    }

    public void emit(Insn insn) {
        if (current.isTerminated()) current = function.newBlock("dead");
        current.insns.add(insn);
    }

    private void terminate(Terminator t) {
        if (current.isTerminated()) current = function.newBlock("dead");
        current.setTerminator(t);
    }

    // ---- data movement and arithmetic ----

    public Reg copy(Operand src) {
        Reg dst = newReg(src.type());
        emit(new Insn.Copy(dst, src));
        return dst;
    }

    /** Assigns an existing register (a {@code var} kept in a register). */
    public void assign(Reg dst, Operand src) {
        emit(new Insn.Copy(dst, src));
    }

    public Reg binary(BinOp op, Operand a, Operand b, Loc loc) {
        Reg dst = newReg(a.type());
        emit(new Insn.Binary(dst, op, a, b, loc));
        return dst;
    }

    public Reg binary(BinOp op, Operand a, Operand b) {
        return binary(op, a, b, null);
    }

    public Reg add(Operand a, Operand b) { return binary(BinOp.ADD, a, b); }
    public Reg sub(Operand a, Operand b) { return binary(BinOp.SUB, a, b); }
    public Reg mul(Operand a, Operand b) { return binary(BinOp.MUL, a, b); }

    public Reg unary(UnOp op, Operand a) {
        Reg dst = newReg(a.type());
        emit(new Insn.Unary(dst, op, a));
        return dst;
    }

    public Reg convert(ConvOp op, IrType to, Operand a) {
        Reg dst = newReg(to);
        emit(new Insn.Convert(dst, op, a));
        return dst;
    }

    /** Converts {@code a} to {@code to}: truncates, sign- or zero-extends, or copies when equal. */
    public Operand resize(Operand a, IrType to, boolean signed) {
        if (a.type() == to) return a;
        if (a instanceof Imm imm) return new Imm(to, signed ? imm.value() : imm.unsignedValue());
        if (a.type().bits() > to.bits()) return convert(ConvOp.TRUNC, to, a);
        return convert(signed ? ConvOp.SEXT : ConvOp.ZEXT, to, a);
    }

    public Reg compare(Cond cond, Operand a, Operand b) {
        Reg dst = newReg(IrType.BOOL);
        emit(new Insn.Compare(dst, cond, a, b));
        return dst;
    }

    public Reg select(Operand cond, Operand ifTrue, Operand ifFalse) {
        Reg dst = newReg(ifTrue.type());
        emit(new Insn.Select(dst, cond, ifTrue, ifFalse));
        return dst;
    }

    // ---- memory ----

    public Reg load(IrType memType, Ext ext, IrType dstType, Operand address, boolean isVolatile, Loc loc) {
        Reg dst = newReg(dstType);
        emit(new Insn.Load(dst, memType, ext, address, isVolatile, loc));
        return dst;
    }

    public Reg load(IrType type, Operand address, Loc loc) {
        return load(type, Ext.ZERO, type, address, false, loc);
    }

    public void store(IrType memType, Operand address, Operand value, boolean isVolatile, Loc loc) {
        emit(new Insn.Store(memType, address, value, isVolatile, loc));
    }

    public void store(Operand address, Operand value, Loc loc) {
        store(value.type(), address, value, false, loc);
    }

    public Reg atomicLoad(IrType type, Operand address, MemOrder order, Loc loc) {
        Reg dst = newReg(type);
        emit(new Insn.AtomicLoad(dst, address, order, loc));
        return dst;
    }

    public void atomicStore(Operand address, Operand value, MemOrder order, Loc loc) {
        emit(new Insn.AtomicStore(address, value, order, loc));
    }

    public Reg atomicRmw(RmwOp op, Operand address, Operand value, MemOrder order, Loc loc) {
        Reg dst = newReg(value.type());
        emit(new Insn.AtomicRmw(dst, op, address, value, order, loc));
        return dst;
    }

    public Reg atomicCas(Operand address, Operand expected, Operand replacement, MemOrder order, Loc loc) {
        Reg dst = newReg(expected.type());
        emit(new Insn.AtomicCas(dst, address, expected, replacement, order, loc));
        return dst;
    }

    public void fence(MemOrder order) {
        emit(new Insn.Fence(order));
    }

    // ---- calls ----

    /** Calls a function of the program; returns the result register or {@code null} if {@code result} is. */
    public Reg call(String function, IrType result, List<Operand> args, Loc loc) {
        return call(new Callee.Direct(function), result, args, loc);
    }

    public Reg callExtern(String symbol, IrType result, List<Operand> args, Loc loc) {
        return call(new Callee.Extern(symbol), result, args, loc);
    }

    /** Calls through a function pointer; returns the first result register (or {@code null}). */
    public Reg callIndirect(Operand target, Signature signature, List<Operand> args, Loc loc) {
        List<Reg> rs = callResults(new Callee.Indirect(target, signature), signature.results(), args, loc);
        return rs.isEmpty() ? null : rs.get(0);
    }

    private Reg call(Callee callee, IrType result, List<Operand> args, Loc loc) {
        List<Reg> rs = callResults(callee, result == null ? List.of() : List.of(result), args, loc);
        return rs.isEmpty() ? null : rs.get(0);
    }

    /** A call of any kind with any number of results; returns one fresh register per result. */
    public List<Reg> callResults(Callee callee, List<IrType> results, List<Operand> args, Loc loc) {
        List<Reg> rs = results.stream().map(this::newReg).toList();
        emit(new Insn.Call(rs, callee, args, loc));
        return rs;
    }

    public Reg intrinsic(Intrinsic intrinsic, List<Operand> args, Loc loc) {
        return intrinsic(intrinsic, args, null, loc);
    }

    /** An intrinsic naming a system register ({@code aarch64.msr/mrs}); {@code systemRegister} is null for others. */
    public Reg intrinsic(Intrinsic intrinsic, List<Operand> args, String systemRegister, Loc loc) {
        Reg dst = intrinsic.result() == null ? null : newReg(intrinsic.result());
        emit(new Insn.IntrinsicCall(dst, intrinsic, args, systemRegister, loc));
        if (intrinsic.noReturn()) unreachable();
        return dst;
    }

    // ---- control flow ----

    public void jump(Block target) {
        terminate(new Terminator.Jump(target.id()));
    }

    public void branch(Operand cond, Block ifTrue, Block ifFalse) {
        terminate(new Terminator.Branch(cond, ifTrue.id(), ifFalse.id()));
    }

    public void switchOn(Operand value, List<Terminator.Case> cases, Block otherwise) {
        terminate(new Terminator.Switch(value, cases, otherwise.id()));
    }

    public void ret(Operand value) {
        terminate(new Terminator.Return(List.of(value)));
    }

    /** Returns several values (a slice: pointer, length). */
    public void ret(List<Operand> values) {
        terminate(new Terminator.Return(values));
    }

    public void ret() {
        terminate(new Terminator.Return(List.of()));
    }

    public void unreachable() {
        terminate(new Terminator.Unreachable());
    }
}
