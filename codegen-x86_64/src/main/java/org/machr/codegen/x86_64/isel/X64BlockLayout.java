package org.machr.codegen.x86_64.isel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.kd.ir.Block;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.Terminator;

/**
 * The order {@link X64Lowering} selects and emits blocks in. Chains start at the entry (then at each
 * unplaced block in IR order) and continue into a successor not yet placed (a branch's true side first),
 * so a block is usually followed by the one it jumps to and that jump disappears. A loop header ending
 * in a branch, entered by a jump, and with a latch that jumps back to it is placed after the loop's
 * latch instead (rotation): the latch falls into the header, whose branch jumps back into the body, so
 * each iteration runs one jump less (the entry runs one more). A loop the IR already rotated (its latch
 * ends in the loop test, a branch) keeps its header first: moving that header, a block of the body
 * ending in some other branch, after the latch would only add a jump to every iteration. Cold blocks (those that can only end in {@code unreachable}, i.e. panic paths)
 * come last: live ranges are hulls over this order, so a panic call left inside a loop would force every
 * value live in the loop into a callee-saved register or a spill slot.
 */
final class X64BlockLayout {

    private final IrFunction fn;
    private final Map<Integer, Block> byId = new HashMap<>();
    private final Set<Integer> cold = new HashSet<>();
    /** Each loop header (target of a back edge) with the blocks of its natural loop. */
    private final Map<Integer, Set<Integer>> loops = new HashMap<>();
    /** Headers with a latch that ends in a jump to them: loops not rotated yet (the IR rotates most). */
    private final Set<Integer> jumpLatched = new HashSet<>();
    private final Set<Integer> placed = new HashSet<>();
    /** Headers whose placement waits for a latch. */
    private final Set<Integer> pending = new HashSet<>();
    private final List<Block> order = new ArrayList<>();

    static List<Block> of(IrFunction fn) {
        return new X64BlockLayout(fn).order;
    }

    private X64BlockLayout(IrFunction fn) {
        this.fn = fn;
        for (Block b : fn.blocks()) byId.put(b.id(), b);
        findCold();
        findLoops();
        placed.addAll(cold);
        for (Block start : fn.blocks()) chain(start);
        for (Block b : fn.blocks()) if (cold.contains(b.id())) order.add(b);
    }

    private void chain(Block b) {
        while (b != null && !placed.contains(b.id())) {
            placed.add(b.id());
            order.add(b);
            Terminator t = b.terminator();
            if (t instanceof Terminator.Jump j && pending.remove(j.target())) {   // a latch: its header follows
                b = byId.get(j.target());
                continue;
            }
            Block next = unplacedSuccessor(b, null);
            if (next != null && t instanceof Terminator.Jump && next.terminator() instanceof Terminator.Branch
                    && jumpLatched.contains(next.id())) {
                Block body = unplacedSuccessor(next, loops.get(next.id()));
                if (body != null) {
                    pending.add(next.id());
                    next = body;
                }
            }
            b = next;
        }
    }

    /** The first successor of {@code b} other than itself not placed yet (and in {@code within} when given), or null. */
    private Block unplacedSuccessor(Block b, Set<Integer> within) {
        if (b.terminator() instanceof Terminator.Switch) return null;
        for (int id : b.terminator().successors()) {
            if (id != b.id() && !placed.contains(id) && !pending.contains(id) && (within == null || within.contains(id))) return byId.get(id);
        }
        return null;
    }

    private void findCold() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : fn.blocks()) {
                if (b == fn.entry() || cold.contains(b.id())) continue;
                List<Integer> next = b.terminator().successors();
                boolean isCold = b.terminator() instanceof Terminator.Unreachable
                        || !next.isEmpty() && next.stream().allMatch(cold::contains);
                if (isCold && cold.add(b.id())) changed = true;
            }
        }
    }

    /** Back edges by depth-first search from the entry; each header's loop is what reaches a latch without it. */
    private void findLoops() {
        Map<Integer, List<Integer>> preds = new HashMap<>();
        for (Block b : fn.blocks()) {
            for (int s : b.terminator().successors()) preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b.id());
        }
        Set<Integer> visited = new HashSet<>();
        Set<Integer> onStack = new HashSet<>();
        Deque<int[]> stack = new ArrayDeque<>();           // {block, index of the next successor to visit}
        stack.push(new int[] {fn.entry().id(), 0});
        visited.add(fn.entry().id());
        onStack.add(fn.entry().id());
        while (!stack.isEmpty()) {
            int[] top = stack.peek();
            List<Integer> succs = byId.get(top[0]).terminator().successors();
            if (top[1] == succs.size()) {
                onStack.remove(top[0]);
                stack.pop();
                continue;
            }
            int s = succs.get(top[1]++);
            if (onStack.contains(s)) {
                addLoop(s, top[0], preds);
            } else if (visited.add(s)) {
                onStack.add(s);
                stack.push(new int[] {s, 0});
            }
        }
    }

    private void addLoop(int header, int latch, Map<Integer, List<Integer>> preds) {
        if (byId.get(latch).terminator() instanceof Terminator.Jump) jumpLatched.add(header);
        Set<Integer> body = loops.computeIfAbsent(header, k -> new HashSet<>(Set.of(header)));
        Deque<Integer> work = new ArrayDeque<>(List.of(latch));
        while (!work.isEmpty()) {
            int b = work.pop();
            if (body.add(b)) work.addAll(preds.getOrDefault(b, List.of()));
        }
    }
}
