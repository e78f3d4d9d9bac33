package org.machr.codegen.aarch64.isel;

import java.util.List;
import org.machr.codegen.aarch64.A64Encoder;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.Imm12;
import org.machr.codegen.aarch64.Ops;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.Label;
import org.machr.codegen.common.regalloc.PReg;

/** What emitters need: the buffer, block labels, the frame, and the block that follows in layout. */
final class EmitContext {
    final CodeBuffer buf;
    final List<Label> blockLabels;
    final Label trap;
    int nextBlock = -1;
    long frameBytes;
    List<PReg> saved = List.of();
    List<Integer> saveOffsets = List.of();

    EmitContext(CodeBuffer buf, List<Label> blockLabels, Label trap) {
        this.buf = buf;
        this.blockLabels = blockLabels;
        this.trap = trap;
    }

    /** When listing, every emitted instruction with its offset (for {@code --dump=asm}). */
    java.util.List<String> listing;

    void emit(A64Insn insn) {
        if (listing != null) listing.add(String.format("%6x:  %s", buf.size(), org.machr.codegen.aarch64.A64Printer.print(insn)));
        A64Encoder.emit(buf, insn, null);
    }

    /** {@code rd = base + imm} for 0 <= imm < 2^24 (one or two ADDs). */
    void addImm(XReg rd, XReg base, long imm) {
        if (imm < 0 || imm >= (1L << 24)) throw new UnsupportedIrException("stack offset " + imm + " too large");
        long hi = imm >> 12;
        long lo = imm & 0xfff;
        if (hi != 0) {
            emit(new A64Insn.AddSubImm(false, false, rd, base, new Imm12((int) hi, true)));
            if (lo != 0) emit(new A64Insn.AddSubImm(false, false, rd, rd, new Imm12((int) lo, false)));
        } else {
            emit(new A64Insn.AddSubImm(false, false, rd, base, new Imm12((int) lo, false)));
        }
    }

    void subSp(long imm) {
        adjustSp(imm, true);
    }

    void addSp(long imm) {
        adjustSp(imm, false);
    }

    private void adjustSp(long imm, boolean sub) {
        long hi = imm >> 12;
        long lo = imm & 0xfff;
        if (hi != 0) emit(new A64Insn.AddSubImm(sub, false, XReg.SP, XReg.SP, new Imm12((int) hi, true)));
        if (lo != 0) emit(new A64Insn.AddSubImm(sub, false, XReg.SP, XReg.SP, new Imm12((int) lo, false)));
    }

    /** Restores callee-saved registers, pops the frame and the frame record, returns. */
    void epilogue() {
        for (int i = 0; i < saved.size(); i++) {
            emit(new A64Insn.LoadStore(Ops.LoadStoreOp.LDR, A64Abi.xreg(saved.get(i)),
                    new org.machr.codegen.aarch64.Address.Scaled(XReg.SP, saveOffsets.get(i))));
        }
        addSp(frameBytes);
        emit(new A64Insn.LoadStorePair(Ops.PairOp.LDP, XReg.X29, XReg.X30, XReg.SP, 16, Ops.PairMode.POST));
        emit(new A64Insn.BranchReg(Ops.BranchRegOp.RET, XReg.X30));
    }
}
