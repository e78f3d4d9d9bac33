package org.machr.kd.ir;

import java.util.List;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/** The last instruction of a basic block: where control goes next. Blocks are named by id. */
public sealed interface Terminator {

    /** Successor block ids, in order (may repeat). */
    List<Integer> successors();

    /** The operands read. */
    List<Operand> uses();

    Terminator mapUses(UnaryOperator<Operand> f);

    Terminator mapTargets(IntUnaryOperator f);

    record Jump(int target) implements Terminator {
        public List<Integer> successors() { return List.of(target); }
        public List<Operand> uses() { return List.of(); }
        public Terminator mapUses(UnaryOperator<Operand> f) { return this; }
        public Terminator mapTargets(IntUnaryOperator f) { return new Jump(f.applyAsInt(target)); }
    }

    /** Goes to {@code ifTrue} when {@code cond} (an i8) is non-zero. */
    record Branch(Operand cond, int ifTrue, int ifFalse) implements Terminator {
        public List<Integer> successors() { return List.of(ifTrue, ifFalse); }
        public List<Operand> uses() { return List.of(cond); }
        public Terminator mapUses(UnaryOperator<Operand> f) { return new Branch(f.apply(cond), ifTrue, ifFalse); }
        public Terminator mapTargets(IntUnaryOperator f) {
            return new Branch(cond, f.applyAsInt(ifTrue), f.applyAsInt(ifFalse));
        }
    }

    /** Goes to the block of the case equal to {@code value}, else to {@code otherwise}. */
    record Switch(Operand value, List<Case> cases, int otherwise) implements Terminator {
        public Switch {
            cases = List.copyOf(cases);
        }
        public List<Integer> successors() {
            var all = new java.util.ArrayList<Integer>();
            for (Case c : cases) all.add(c.target());
            all.add(otherwise);
            return all;
        }
        public List<Operand> uses() { return List.of(value); }
        public Terminator mapUses(UnaryOperator<Operand> f) { return new Switch(f.apply(value), cases, otherwise); }
        public Terminator mapTargets(IntUnaryOperator f) {
            return new Switch(value, cases.stream().map(c -> new Case(c.value(), f.applyAsInt(c.target()))).toList(),
                    f.applyAsInt(otherwise));
        }
    }

    /** One arm of a {@link Switch}; {@code value} is in the canonical form of the switched type. */
    record Case(long value, int target) {}

    /** Returns {@code values}: one per result of the function (none, one, or two for a slice). */
    record Return(List<Operand> values) implements Terminator {
        public Return {
            values = List.copyOf(values);
        }
        public List<Integer> successors() { return List.of(); }
        public List<Operand> uses() { return values; }
        public Terminator mapUses(UnaryOperator<Operand> f) { return new Return(values.stream().map(f).toList()); }
        public Terminator mapTargets(IntUnaryOperator f) { return this; }
    }

    /** Control never reaches here (after a call that does not return, e.g. a panic). */
    record Unreachable() implements Terminator {
        public List<Integer> successors() { return List.of(); }
        public List<Operand> uses() { return List.of(); }
        public Terminator mapUses(UnaryOperator<Operand> f) { return this; }
        public Terminator mapTargets(IntUnaryOperator f) { return this; }
    }
}
