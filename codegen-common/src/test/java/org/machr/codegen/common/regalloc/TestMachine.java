package org.machr.codegen.common.regalloc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** A toy target for allocator tests, and a generator of random programs for it. */
final class TestMachine {

    record Insn(List<Operand> operands, Set<PReg> clobbers, boolean isMove, boolean isTerminator) implements RegAllocInsn {}

    record Function(List<List<Insn>> blocks, List<List<Integer>> succs, int vregCount) implements RegAllocFunction {
        @Override public int blockCount() { return blocks.size(); }
        @Override public List<Insn> insns(int b) { return blocks.get(b); }
        @Override public List<Integer> successors(int b) { return succs.get(b); }
    }

    static final List<PReg> R = new ArrayList<>();
    static final List<PReg> F = new ArrayList<>();
    static {
        for (int i = 0; i < 8; i++) R.add(new PReg(i, RegClass.INT, "r" + i));
        for (int i = 0; i < 5; i++) F.add(new PReg(i, RegClass.FLOAT, "f" + i));
    }
    /** r0-r3 caller-saved (r0-r2 arguments, r0 result), r4-r5 callee-saved, r6-r7 scratch. */
    static final Set<PReg> CALL_CLOBBERS = Set.of(R.get(0), R.get(1), R.get(2), R.get(3), R.get(6), R.get(7),
            F.get(0), F.get(1), F.get(3), F.get(4));
    static final RegAllocConfig CONFIG = new RegAllocConfig(
            Map.of(RegClass.INT, R.subList(0, 6), RegClass.FLOAT, F.subList(0, 3)),
            Map.of(RegClass.INT, R.subList(6, 8), RegClass.FLOAT, F.subList(3, 5)),
            Set.of(R.get(4), R.get(5), F.get(2)), 8);

    static Insn op(List<Operand> ops) {
        return new Insn(ops, Set.of(), false, false);
    }

    static Insn move(VReg dst, VReg src) {
        return new Insn(List.of(Operand.use(src), Operand.def(dst)), Set.of(), true, false);
    }

    static Insn call(List<VReg> args, VReg result) {
        List<Operand> ops = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) ops.add(Operand.fixedUse(args.get(i), R.get(i)));
        if (result != null) ops.add(Operand.fixedDef(result, R.get(0)));
        return new Insn(ops, CALL_CLOBBERS, false, false);
    }

    static Insn branch(List<VReg> uses) {
        return new Insn(uses.stream().map(Operand::use).toList(), Set.of(), false, true);
    }

    static Insn ret(VReg value) {
        return new Insn(List.of(Operand.fixedUse(value, R.get(0))), Set.of(), false, true);
    }

    /** A random program in which every use is reached by a def on every path. */
    static Function random(long seed) {
        Random rnd = new Random(seed);
        int[] next = {0};
        List<VReg> globals = new ArrayList<>();
        List<VReg> floats = new ArrayList<>();
        int nBlocks = 1 + rnd.nextInt(6);
        List<List<Insn>> blocks = new ArrayList<>();
        List<List<Integer>> succs = new ArrayList<>();
        List<Insn> entry = new ArrayList<>();
        int params = rnd.nextInt(4);
        List<Operand> paramDefs = new ArrayList<>();
        for (int i = 0; i < params; i++) {
            VReg v = new VReg(next[0]++, RegClass.INT);
            globals.add(v);
            paramDefs.add(Operand.fixedDef(v, R.get(i)));
        }
        if (params > 0) entry.add(op(paramDefs));
        int extra = 1 + rnd.nextInt(8);
        for (int i = 0; i < extra; i++) {
            VReg v = new VReg(next[0]++, RegClass.INT);
            globals.add(v);
            entry.add(op(List.of(Operand.def(v))));
        }
        for (int i = rnd.nextInt(3); i > 0; i--) {
            VReg v = new VReg(next[0]++, RegClass.FLOAT);
            floats.add(v);
            entry.add(op(List.of(Operand.def(v))));
        }
        for (int b = 0; b < nBlocks; b++) {
            List<Insn> insns = b == 0 ? entry : new ArrayList<>();
            List<VReg> avail = new ArrayList<>(globals);
            int count = rnd.nextInt(10);
            for (int k = 0; k < count; k++) {
                switch (rnd.nextInt(6)) {
                    case 0, 1 -> {
                        List<Operand> ops = new ArrayList<>();
                        for (int u = rnd.nextInt(3); u > 0; u--) ops.add(Operand.use(pick(rnd, avail)));
                        VReg d = rnd.nextBoolean() ? pick(rnd, globals) : new VReg(next[0]++, RegClass.INT);
                        ops.add(Operand.def(d));
                        if (!avail.contains(d)) avail.add(d);
                        insns.add(op(ops));
                    }
                    case 2 -> {
                        VReg d = rnd.nextBoolean() ? pick(rnd, globals) : new VReg(next[0]++, RegClass.INT);
                        insns.add(move(d, pick(rnd, avail)));
                        if (!avail.contains(d)) avail.add(d);
                    }
                    case 3 -> {
                        List<VReg> args = new ArrayList<>();
                        for (int a = rnd.nextInt(4); a > 0; a--) args.add(pick(rnd, avail));
                        if (new HashSet<>(args).size() != args.size()) args = List.of(args.get(0));
                        VReg d = rnd.nextBoolean() ? pick(rnd, globals) : new VReg(next[0]++, RegClass.INT);
                        insns.add(call(args, d));
                        if (!avail.contains(d)) avail.add(d);
                    }
                    case 4 -> {
                        if (!floats.isEmpty()) {
                            insns.add(op(List.of(Operand.use(pick(rnd, floats)), Operand.use(pick(rnd, floats)),
                                    Operand.use(pick(rnd, avail)), Operand.def(pick(rnd, floats)))));
                        }
                    }
                    default -> {
                        VReg d = pick(rnd, avail);
                        insns.add(op(List.of(Operand.use(d), Operand.use(pick(rnd, avail)), Operand.def(d))));
                    }
                }
            }
            if (b == nBlocks - 1) {
                insns.add(ret(pick(rnd, avail)));
                succs.add(List.of());
            } else {
                List<Integer> s = new ArrayList<>();
                s.add(b + 1);
                if (rnd.nextBoolean()) {
                    int t = rnd.nextInt(nBlocks);
                    if (!s.contains(t)) s.add(t);
                }
                insns.add(branch(rnd.nextBoolean() ? List.of(pick(rnd, avail)) : List.of()));
                succs.add(s);
            }
            blocks.add(insns);
        }
        return new Function(blocks, succs, next[0]);
    }

    private static VReg pick(Random rnd, List<VReg> from) {
        return from.get(rnd.nextInt(from.size()));
    }
}
