package org.machr.codegen.common.regalloc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.machr.codegen.common.regalloc.TestMachine.R;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class LinearScanTest {

    private static final LinearScan ALLOCATOR = new LinearScan(TestMachine.CONFIG);

    /** Random programs with loops, calls, fixed registers and register pressure: the checker accepts. */
    @Property(tries = 1500)
    void checkerAcceptsEveryAllocation(@ForAll long seed) {
        TestMachine.Function f = TestMachine.random(seed);
        Allocation a = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, a)).as("seed %d", seed).isEmpty();
        Statistics.label("spills").collect(a.spillSlots() > 0);
    }

    /** def a; def b; r = call(b); r = op(a, r, b); ret r */
    private static TestMachine.Function callFunction() {
        VReg a = new VReg(0, RegClass.INT), b = new VReg(1, RegClass.INT), r = new VReg(2, RegClass.INT);
        return new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.op(List.of(Operand.def(b))),
                TestMachine.call(List.of(b), r),
                TestMachine.op(List.of(Operand.use(a), Operand.use(r), Operand.use(b), Operand.def(r))),
                TestMachine.ret(r))), List.of(List.of()), 3);
    }

    @Test
    void valuesLiveAcrossCallTakeCalleeSavedRegistersAndArgumentsAreMoved() {
        TestMachine.Function f = callFunction();
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.usedCalleeSaved()).containsExactlyInAnyOrder(R.get(4), R.get(5));
        assertThat(alloc.vregLocations().get(1)).isIn(R.get(4), R.get(5));
        assertThat(alloc.movesBefore(2)).containsExactly(new Move(alloc.vregLocations().get(1), R.get(0)));
        // the call's result is defined in r0 and stays there until it is returned in r0: no moves
        assertThat(alloc.vregLocations().get(2)).isEqualTo(R.get(0));
        assertThat(alloc.movesAfter(2)).isEmpty();
        assertThat(alloc.movesBefore(4)).isEmpty();
        assertThat(alloc.spillSlots()).isZero();
    }

    @Test
    void pressureSpillsTheLongestIntervalAndReloadsThroughScratch() {
        List<TestMachine.Insn> insns = new ArrayList<>();
        List<Operand> uses = new ArrayList<>();
        int n = 8; // six allocatable registers
        for (int i = 0; i < n; i++) insns.add(TestMachine.op(List.of(Operand.def(new VReg(i, RegClass.INT)))));
        for (int i = n - 1; i >= 0; i--) {
            insns.add(TestMachine.op(List.of(Operand.use(new VReg(i, RegClass.INT)), Operand.def(new VReg(n + i, RegClass.INT)))));
        }
        insns.add(TestMachine.ret(new VReg(n, RegClass.INT)));
        TestMachine.Function f = new TestMachine.Function(List.of(insns), List.of(List.of()), 2 * n);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.spillSlots()).isEqualTo(2);
        assertThat(alloc.vregLocations().get(0)).isInstanceOf(SpillSlot.class);
        assertThat(alloc.vregLocations().get(1)).isInstanceOf(SpillSlot.class);
        // v0 is used by the last 'op' (index 15): reloaded into the first scratch register.
        assertThat(alloc.movesBefore(15)).containsExactly(new Move(alloc.vregLocations().get(0), R.get(6)));
        assertThat(alloc.operandLocations().get(15).get(0)).isEqualTo(R.get(6));
        assertThat(uses).isEmpty();
    }

    /** def a; op(a fixed to r2) defines b fixed to r3; c = op(b); ret c */
    @Test
    void aFreeRegisterOfAnIntervalsOwnFixedOperandIsItsHome() {
        VReg a = new VReg(0, RegClass.INT), b = new VReg(1, RegClass.INT), c = new VReg(2, RegClass.INT);
        TestMachine.Function f = new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.op(List.of(Operand.fixedUse(a, R.get(2)), Operand.fixedDef(b, R.get(3)))),
                TestMachine.op(List.of(Operand.use(b), Operand.def(c))),
                TestMachine.ret(c))), List.of(List.of()), 3);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.vregLocations()).containsExactly(R.get(2), R.get(3), R.get(0));
        assertThat(alloc.edits()).isEmpty();
    }

    /** x defined in r2 lives past a's start, so a, later used fixed to r2, cannot live there. */
    @Test
    void aFixedOperandsRegisterHeldByAnotherIntervalIsNotTaken() {
        VReg x = new VReg(0, RegClass.INT), a = new VReg(1, RegClass.INT), r = new VReg(2, RegClass.INT);
        TestMachine.Function f = new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.fixedDef(x, R.get(2)))),
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.op(List.of(Operand.use(x))),
                TestMachine.op(List.of(Operand.fixedUse(a, R.get(2)), Operand.def(r))),
                TestMachine.ret(r))), List.of(List.of()), 3);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.vregLocations().get(0)).isEqualTo(R.get(2));
        assertThat(alloc.vregLocations().get(1)).isNotEqualTo(R.get(2));
        assertThat(alloc.movesBefore(3)).containsExactly(new Move(alloc.vregLocations().get(1), R.get(2)));
    }

    @Test
    void moveHintGivesTheSameRegister() {
        VReg a = new VReg(0, RegClass.INT), b = new VReg(1, RegClass.INT), c = new VReg(2, RegClass.INT);
        TestMachine.Function f = new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.move(b, a),
                TestMachine.op(List.of(Operand.use(b), Operand.def(c))),
                TestMachine.ret(c))), List.of(List.of()), 3);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(alloc.isRedundantMove(1, f.insns(0).get(1))).isTrue();
    }

    /** def a; b = a; use(a, b); [a = def;] use(b); use(a) */
    private static TestMachine.Function copyBesideSource(boolean redefineSource) {
        VReg a = new VReg(0, RegClass.INT), b = new VReg(1, RegClass.INT), c = new VReg(2, RegClass.INT);
        List<TestMachine.Insn> insns = new ArrayList<>(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.move(b, a),
                TestMachine.op(List.of(Operand.use(a), Operand.use(b), Operand.def(c)))));
        if (redefineSource) insns.add(TestMachine.op(List.of(Operand.use(c), Operand.def(a))));
        insns.add(TestMachine.op(List.of(Operand.use(b), Operand.use(c), Operand.def(c))));
        insns.add(TestMachine.op(List.of(Operand.use(a), Operand.use(c), Operand.def(c))));
        insns.add(TestMachine.ret(c));
        return new TestMachine.Function(List.of(insns), List.of(List.of()), 3);
    }

    @Test
    void aCopyBesideItsUnchangedSourceSharesItsRegister() {
        TestMachine.Function f = copyBesideSource(false);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.vregLocations().get(1)).isEqualTo(alloc.vregLocations().get(0));
        assertThat(alloc.isRedundantMove(1, f.insns(0).get(1))).isTrue();
    }

    @Test
    void aCopyWhoseSourceIsWrittenAgainGetsItsOwnRegister() {
        TestMachine.Function f = copyBesideSource(true);
        Allocation alloc = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, alloc)).isEmpty();
        assertThat(alloc.vregLocations().get(1)).isNotEqualTo(alloc.vregLocations().get(0));
    }

    @Test
    void checkerRejectsACorruptedAllocation() {
        VReg a = new VReg(0, RegClass.INT), b = new VReg(1, RegClass.INT), c = new VReg(2, RegClass.INT);
        TestMachine.Function f = new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.op(List.of(Operand.def(b))),
                TestMachine.op(List.of(Operand.use(a), Operand.use(b), Operand.def(c))),
                TestMachine.ret(c))), List.of(List.of()), 3);
        Allocation good = ALLOCATOR.allocate(f);
        assertThat(AllocChecker.check(f, good)).isEmpty();
        List<List<PReg>> ops = new ArrayList<>(good.operandLocations());
        PReg regOfB = ops.get(2).get(1);
        ops.set(2, List.of(regOfB, regOfB, ops.get(2).get(2)));
        Allocation bad = new Allocation(good.vregLocations(), ops, good.edits(), good.spillSlots(),
                good.usedCalleeSaved(), good.blockStarts());
        assertThat(AllocChecker.check(f, bad))
                .containsExactly("insn 2 operand 0: use of v0 but " + regOfB + " holds {v1}");
        TestMachine.Function call = callFunction();
        Allocation withMoves = ALLOCATOR.allocate(call);
        Allocation noMoves = new Allocation(withMoves.vregLocations(), withMoves.operandLocations(), List.of(),
                withMoves.spillSlots(), withMoves.usedCalleeSaved(), withMoves.blockStarts());
        assertThat(AllocChecker.check(call, noMoves)).containsExactly("insn 2 operand 0: use of v1 but r0 holds nothing known");
    }

    @Test
    void checkerSeesValuesDestroyedByAClobber() {
        VReg a = new VReg(0, RegClass.INT), r = new VReg(1, RegClass.INT);
        TestMachine.Function f = new TestMachine.Function(List.of(List.of(
                TestMachine.op(List.of(Operand.def(a))),
                TestMachine.call(List.of(), r),
                TestMachine.op(List.of(Operand.use(a), Operand.use(r), Operand.def(r))),
                TestMachine.ret(r))), List.of(List.of()), 2);
        Allocation good = ALLOCATOR.allocate(f);
        List<Location> homes = new ArrayList<>(good.vregLocations());
        List<List<PReg>> ops = new ArrayList<>(good.operandLocations());
        ops.set(0, List.of(R.get(2)));
        ops.set(2, List.of(R.get(2), ops.get(2).get(1), ops.get(2).get(2)));
        Allocation bad = new Allocation(homes, ops, good.edits(), 0, Set.of(), good.blockStarts());
        assertThat(AllocChecker.check(f, bad)).containsExactly("insn 2 operand 0: use of v0 but r2 holds nothing known");
        assertThat(Map.of()).isEmpty();
    }
}
