package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.Label;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Mem;
import org.machr.codegen.x86_64.NullaryOp;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.X64Emitter;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.codegen.x86_64.X64Mode;
import org.machr.codegen.x86_64.X64Printer;

/**
 * What emitters need: the buffer, block labels, the frame, the block that follows in layout, and the
 * out-of-line panic paths. Every instruction is also printed into the listing ({@code --emit-asm}).
 */
final class EmitContext {
    final CodeBuffer buf;
    final List<Label> blockLabels;
    final X64Emitter emitter;
    final List<String> listing;
    private final X64Printer printer = new X64Printer();
    int nextBlock = -1;
    List<PReg> saved = List.of();
    List<Integer> saveOffsets = List.of();
    /** No frame pointer: the saved registers are pushed (then {@code pad} bytes reserved) and popped. */
    boolean frameless;
    int pad;
    /** Out-of-line code emitted after the function body (division-by-zero panics). */
    final List<Runnable> slowPaths = new ArrayList<>();
    final String panicSymbol;
    private int localCounter;
    private final String fnName;

    EmitContext(CodeBuffer buf, List<Label> blockLabels, List<String> listing, String panicSymbol, String fnName) {
        this.buf = buf;
        this.blockLabels = blockLabels;
        this.emitter = new X64Emitter(buf, X64Mode.BITS64);
        this.listing = listing;
        this.panicSymbol = panicSymbol;
        this.fnName = fnName;
    }

    void emit(X64Insn insn) {
        emitter.emit(insn);
        // llvm-mc would relax a jump to a local label to rel8; {disp32} keeps our rel32 form.
        boolean near = insn instanceof X64Insn.Jmp j && j.reach() == X64Insn.Reach.NEAR
                || insn instanceof X64Insn.Jcc c && c.reach() == X64Insn.Reach.NEAR;
        listing.add("\t" + (near ? "{disp32}\t" : "") + printer.print(insn));
    }

    Label newLabel() {
        return buf.newLabel(".L" + fnName + ".l" + localCounter++);
    }

    void bind(Label label) {
        buf.bind(label);
        listing.add(label.name() + ":");
    }

    /** Raw bytes in the code (the strings of a panic path). */
    void data(byte[] bytes) {
        buf.emitBytes(bytes);
        StringBuilder sb = new StringBuilder("\t.byte\t");
        for (int i = 0; i < bytes.length; i++) sb.append(i == 0 ? "" : ", ").append(bytes[i] & 0xff);
        if (bytes.length > 0) listing.add(sb.toString());
    }

    /** Restores callee-saved registers, pops the frame ({@code leave}), returns. */
    void epilogue() {
        if (frameless) {
            if (pad != 0) emit(new X64Insn.Alu(org.machr.codegen.x86_64.AluOp.ADD, OpSize.QWORD, Gpr64.RSP, org.machr.codegen.x86_64.Imm.of(pad)));
            for (int i = saved.size() - 1; i >= 0; i--) emit(new X64Insn.Pop(OpSize.QWORD, X64Abi.gpr(saved.get(i))));
            emit(new X64Insn.Nullary(NullaryOp.RET));
            return;
        }
        for (int i = 0; i < saved.size(); i++) {
            emit(new X64Insn.Mov(OpSize.QWORD, X64Abi.gpr(saved.get(i)), Mem.base(Gpr64.RSP, saveOffsets.get(i))));
        }
        emit(new X64Insn.Nullary(NullaryOp.LEAVE));
        emit(new X64Insn.Nullary(NullaryOp.RET));
    }
}
