package org.machr.kd.ir;

import java.util.List;

/** Hand-built IR programs shared by the tests. */
final class IrTestPrograms {
    private IrTestPrograms() {}

    static final Loc LOC = new Loc("t.kd", 3);

    /** {@code fn sum(n: i32) -> i32 { var s = 0; var i = 0; while i < n { s += i; i += 1 } return s }}. */
    static IrProgram sumLoop() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "sum", List.of(IrType.I32), IrType.I32, LOC, false);
        Reg s = b.newReg(IrType.I32);
        Reg i = b.newReg(IrType.I32);
        b.assign(s, Imm.i32(0));
        b.assign(i, Imm.i32(0));
        Block head = b.newBlock("while.head");
        Block body = b.newBlock("while.body");
        Block exit = b.newBlock("while.exit");
        b.jump(head);
        b.positionAt(head);
        b.branch(b.compare(Cond.SLT, i, b.param(0)), body, exit);
        b.positionAt(body);
        b.assign(s, b.add(s, i));
        b.assign(i, b.add(i, Imm.i32(1)));
        b.jump(head);
        b.positionAt(exit);
        b.ret(s);
        return p;
    }
}
