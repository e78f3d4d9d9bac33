package org.machr.codegen.common.regalloc;

/** A virtual register of instruction selection; may be defined more than once (not SSA). */
public record VReg(int id, RegClass regClass) {
    @Override
    public String toString() {
        return "v" + id;
    }
}
