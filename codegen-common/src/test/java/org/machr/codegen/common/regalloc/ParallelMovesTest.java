package org.machr.codegen.common.regalloc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ParallelMovesTest {

    private static final PReg S0 = new PReg(30, RegClass.INT, "s0");
    private static final PReg S1 = new PReg(31, RegClass.INT, "s1");

    private static Location loc(int i) {
        return i < 6 ? new PReg(i, RegClass.INT, "r" + i) : new SpillSlot(i - 6, RegClass.INT);
    }

    /** Random parallel moves (permutations with fan-out, registers and slots): sequential run = parallel. */
    @Property(tries = 1000)
    void sequentialMovesHaveTheParallelEffect(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<Integer> dsts = new ArrayList<>();
        for (int i = 0; i < 10; i++) dsts.add(i);
        Collections.shuffle(dsts, rnd);
        List<Move> moves = new ArrayList<>();
        for (int i = 0, n = rnd.nextInt(10); i < n; i++) moves.add(new Move(loc(rnd.nextInt(10)), loc(dsts.get(i))));
        Map<Location, Integer> before = new HashMap<>();
        for (int i = 0; i < 10; i++) before.put(loc(i), 100 + i);
        Map<Location, Integer> expected = new HashMap<>(before);
        for (Move m : moves) expected.put(m.to(), before.get(m.from()));
        Map<Location, Integer> state = new HashMap<>(before);
        for (Move m : ParallelMoves.sequentialize(moves, S0, S1)) {
            assertThat(m.from() instanceof SpillSlot && m.to() instanceof SpillSlot).isFalse();
            state.put(m.to(), state.get(m.from()));
        }
        state.remove(S0);
        state.remove(S1);
        assertThat(state).isEqualTo(expected);
    }

    @Test
    void swapUsesTheScratchRegister() {
        assertThat(ParallelMoves.sequentialize(List.of(new Move(loc(0), loc(1)), new Move(loc(1), loc(0))), S0, S1))
                .containsExactly(new Move(loc(0), S0), new Move(loc(1), loc(0)), new Move(S0, loc(1)));
    }
}
