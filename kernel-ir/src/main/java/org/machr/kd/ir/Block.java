package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A basic block: straight-line instructions ended by one terminator. Mutable (passes edit the
 * instruction list in place); identified by an id unique within its function.
 */
public final class Block {
    private final int id;
    private final String hint;
    final List<Insn> insns = new ArrayList<>();
    private Terminator terminator;

    Block(int id, String hint) {
        this.id = id;
        this.hint = hint;
    }

    public int id() {
        return id;
    }

    /** A name for humans (e.g. {@code "while.body"}), or {@code null}. */
    public String hint() {
        return hint;
    }

    /** The instructions, mutable. */
    public List<Insn> insns() {
        return insns;
    }

    /** The terminator, or {@code null} while the block is being built. */
    public Terminator terminator() {
        return terminator;
    }

    public void setTerminator(Terminator terminator) {
        this.terminator = terminator;
    }

    public boolean isTerminated() {
        return terminator != null;
    }

    public String label() {
        return "b" + id;
    }

    @Override
    public String toString() {
        return label();
    }
}
