package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A non-terminating instruction of a basic block. Immutable; passes replace instructions rather than
 * mutate them. Every instruction that can panic carries a {@link Loc}.
 */
public sealed interface Insn {

    /** The register written, or {@code null} (for calls with several results: the first). */
    Reg dst();

    /** Every register written. */
    default List<Reg> defs() {
        Reg d = dst();
        return d == null ? List.of() : List.of(d);
    }

    /** The operands read, in order. */
    List<Operand> uses();

    /** This instruction with every operand passed through {@code f} (used by rewriting passes). */
    Insn mapUses(UnaryOperator<Operand> f);

    /** Whether removing it (when its result is unused) changes behaviour. */
    default boolean hasSideEffects() {
        return true;
    }

    /** The location panics are reported at, or {@code null} for instructions that cannot panic. */
    default Loc loc() {
        return null;
    }

    /** {@code dst = src}. */
    record Copy(Reg dst, Operand src) implements Insn {
        public List<Operand> uses() { return List.of(src); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new Copy(dst, f.apply(src)); }
        public boolean hasSideEffects() { return false; }
    }

    /** {@code dst = a op b}; see {@link BinOp} for the exact semantics. Division needs a location. */
    record Binary(Reg dst, BinOp op, Operand a, Operand b, Loc loc) implements Insn {
        public List<Operand> uses() { return List.of(a, b); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new Binary(dst, op, f.apply(a), f.apply(b), loc); }
        public boolean hasSideEffects() { return op.canPanic(); }
    }

    /** {@code dst = op a}. */
    record Unary(Reg dst, UnOp op, Operand a) implements Insn {
        public List<Operand> uses() { return List.of(a); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new Unary(dst, op, f.apply(a)); }
        public boolean hasSideEffects() { return false; }
    }

    /** {@code dst = zext/sext/trunc a} from {@code a}'s type to {@code dst}'s. */
    record Convert(Reg dst, ConvOp op, Operand a) implements Insn {
        public List<Operand> uses() { return List.of(a); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new Convert(dst, op, f.apply(a)); }
        public boolean hasSideEffects() { return false; }
    }

    /** {@code dst:i8 = (a cond b) ? 1 : 0}. */
    record Compare(Reg dst, Cond cond, Operand a, Operand b) implements Insn {
        public List<Operand> uses() { return List.of(a, b); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new Compare(dst, cond, f.apply(a), f.apply(b)); }
        public boolean hasSideEffects() { return false; }
    }

    /** {@code dst = cond != 0 ? ifTrue : ifFalse}. */
    record Select(Reg dst, Operand cond, Operand ifTrue, Operand ifFalse) implements Insn {
        public List<Operand> uses() { return List.of(cond, ifTrue, ifFalse); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new Select(dst, f.apply(cond), f.apply(ifTrue), f.apply(ifFalse));
        }
        public boolean hasSideEffects() { return false; }
    }

    /**
     * Reads {@code memType.bytes()} bytes (little-endian) at {@code address} into {@code dst}, extending
     * by {@code ext} when {@code dst} is wider. Volatile loads are never removed, merged or reordered
     * with other volatile accesses. An access to unmapped memory panics at {@code loc}.
     */
    record Load(Reg dst, IrType memType, Ext ext, Operand address, boolean isVolatile, Loc loc) implements Insn {
        public List<Operand> uses() { return List.of(address); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new Load(dst, memType, ext, f.apply(address), isVolatile, loc);
        }
        public boolean hasSideEffects() { return true; }
    }

    /** Writes the low {@code memType.bytes()} bytes of {@code value} at {@code address}. */
    record Store(IrType memType, Operand address, Operand value, boolean isVolatile, Loc loc) implements Insn {
        public Reg dst() { return null; }
        public List<Operand> uses() { return List.of(address, value); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new Store(memType, f.apply(address), f.apply(value), isVolatile, loc);
        }
    }

    /** Atomic load of {@code dst.type()} at a naturally aligned address. */
    record AtomicLoad(Reg dst, Operand address, MemOrder order, Loc loc) implements Insn {
        public List<Operand> uses() { return List.of(address); }
        public Insn mapUses(UnaryOperator<Operand> f) { return new AtomicLoad(dst, f.apply(address), order, loc); }
    }

    /** Atomic store of {@code value.type()} at a naturally aligned address. */
    record AtomicStore(Operand address, Operand value, MemOrder order, Loc loc) implements Insn {
        public Reg dst() { return null; }
        public List<Operand> uses() { return List.of(address, value); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new AtomicStore(f.apply(address), f.apply(value), order, loc);
        }
    }

    /** {@code dst = *address; *address = dst op value}, atomically. */
    record AtomicRmw(Reg dst, RmwOp op, Operand address, Operand value, MemOrder order, Loc loc) implements Insn {
        public List<Operand> uses() { return List.of(address, value); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new AtomicRmw(dst, op, f.apply(address), f.apply(value), order, loc);
        }
    }

    /** {@code dst = *address; if (dst == expected) *address = replacement}, atomically. */
    record AtomicCas(Reg dst, Operand address, Operand expected, Operand replacement, MemOrder order, Loc loc)
            implements Insn {
        public List<Operand> uses() { return List.of(address, expected, replacement); }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new AtomicCas(dst, f.apply(address), f.apply(expected), f.apply(replacement), order, loc);
        }
    }

    /** A memory barrier. */
    record Fence(MemOrder order) implements Insn {
        public Reg dst() { return null; }
        public List<Operand> uses() { return List.of(); }
        public Insn mapUses(UnaryOperator<Operand> f) { return this; }
    }

    /**
     * A call; {@code results} receive the callee's results (empty when it has none or they are
     * ignored; otherwise one register per result). Arguments and results are scalars; aggregates are
     * passed through memory by the lowering.
     */
    record Call(List<Reg> results, Callee callee, List<Operand> args, Loc loc) implements Insn {
        public Call {
            results = List.copyOf(results);
            args = List.copyOf(args);
        }
        public Reg dst() { return results.isEmpty() ? null : results.get(0); }
        public List<Reg> defs() { return results; }
        public List<Operand> uses() {
            List<Operand> all = new ArrayList<>();
            if (callee instanceof Callee.Indirect(Operand target, Signature unused)) all.add(target);
            all.addAll(args);
            return all;
        }
        public Insn mapUses(UnaryOperator<Operand> f) {
            Callee c = callee instanceof Callee.Indirect(Operand target, Signature sig)
                    ? new Callee.Indirect(f.apply(target), sig) : callee;
            return new Call(results, c, args.stream().map(f).toList(), loc);
        }
    }

    /**
     * A machine operation; see {@link Intrinsic}. {@code systemRegister} names the register of
     * {@code aarch64.msr/mrs} as the assembler spells it ({@code CNTFRQ_EL0}) and is null otherwise.
     */
    record IntrinsicCall(Reg dst, Intrinsic intrinsic, List<Operand> args, String systemRegister, Loc loc)
            implements Insn {
        public IntrinsicCall {
            args = List.copyOf(args);
        }
        public List<Operand> uses() { return args; }
        public Insn mapUses(UnaryOperator<Operand> f) {
            return new IntrinsicCall(dst, intrinsic, args.stream().map(f).toList(), systemRegister, loc);
        }
    }
}
