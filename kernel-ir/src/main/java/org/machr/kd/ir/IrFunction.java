package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A function: parameters (registers defined on entry), an optional result type, stack slots and
 * basic blocks. The first block of {@link #blocks()} is the entry. Block and register ids are dense
 * ints allocated here.
 */
public final class IrFunction {
    private final String name;
    private final List<Reg> params;
    private final List<IrType> results;
    private final Loc loc;
    private final boolean exported;
    private String section;
    private final List<Block> blocks = new ArrayList<>();
    private final List<StackSlot> slots = new ArrayList<>();
    private final List<Block> byId = new ArrayList<>();
    private int nextReg;

    public IrFunction(String name, List<IrType> paramTypes, IrType result, Loc loc, boolean exported) {
        this(name, paramTypes, result == null ? List.of() : List.of(result), loc, exported);
    }

    public IrFunction(String name, List<IrType> paramTypes, List<IrType> results, Loc loc, boolean exported) {
        this.name = name;
        this.results = List.copyOf(results);
        this.loc = loc;
        this.exported = exported;
        List<Reg> ps = new ArrayList<>();
        for (IrType t : paramTypes) ps.add(newReg(t));
        this.params = Collections.unmodifiableList(ps);
    }

    public String name() {
        return name;
    }

    public List<Reg> params() {
        return params;
    }

    /** The first (usually only) result type, or {@code null} for none. */
    public IrType result() {
        return results.isEmpty() ? null : results.get(0);
    }

    /** All result types (two for a slice: pointer, length). */
    public List<IrType> results() {
        return results;
    }

    public Signature signature() {
        return new Signature(params.stream().map(Reg::type).toList(), results);
    }

    /** Where the function is declared (stack overflows are reported here); may be {@code null}. */
    public Loc loc() {
        return loc;
    }

    /** Whether the symbol is visible outside the program (e.g. called from assembly). */
    public boolean exported() {
        return exported;
    }

    /** The object section of its code ({@code #[section]}), or {@code null} for {@code .text}. */
    public String section() {
        return section;
    }

    public void setSection(String section) {
        this.section = section;
    }

    /** The blocks in layout order, entry first; mutable for reordering (remove with {@link #removeBlocks}). */
    public List<Block> blocks() {
        return blocks;
    }

    public Block entry() {
        return blocks.get(0);
    }

    public List<StackSlot> slots() {
        return Collections.unmodifiableList(slots);
    }

    public Reg newReg(IrType type) {
        return new Reg(nextReg++, type);
    }

    /** One more than the largest register id in use. */
    public int regCount() {
        return nextReg;
    }

    public Block newBlock(String hint) {
        Block b = new Block(byId.size(), hint);
        byId.add(b);
        blocks.add(b);
        return b;
    }

    /** The block with this id, or {@code null} when it was removed. */
    public Block block(int id) {
        if (id < 0 || id >= byId.size()) return null;
        return byId.get(id);
    }

    /** Removes the blocks for which {@code dead} holds; their ids are not reused. */
    public void removeBlocks(java.util.function.Predicate<Block> dead) {
        blocks.removeIf(b -> {
            if (!dead.test(b)) return false;
            byId.set(b.id(), null);
            return true;
        });
    }

    /** One more than the largest block id ever allocated. */
    public int blockIdLimit() {
        return byId.size();
    }

    public StackSlot newSlot(long size, int align, String hint) {
        StackSlot s = new StackSlot(slots.size(), size, align, hint);
        slots.add(s);
        return s;
    }
}
