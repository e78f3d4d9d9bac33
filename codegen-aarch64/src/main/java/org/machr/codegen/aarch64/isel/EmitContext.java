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

    /** Out-of-line calls of {@code rt.panic_at} for this function's panicking instructions. */
    record PanicStub(Label label, String message, org.machr.kd.ir.Loc loc) {}
    final List<PanicStub> panicStubs = new java.util.ArrayList<>();
    /** Whether the program defines {@code rt.panic_at}; without it panics are {@code brk #0xd1}. */
    boolean hasPanicAt;

    /** The label of a stub that reports {@code panic: message at loc} (or the trap without a runtime). */
    Label panic(String message, org.machr.kd.ir.Loc loc) {
        if (!hasPanicAt || loc == null) return trap;
        Label l = buf.newLabel(prefix + ".panic" + panicStubs.size());
        panicStubs.add(new PanicStub(l, message, loc));
        return l;
    }

    /** The function's name: the prefix of its local labels, unique in the object. */
    String prefix = "";
    private int localLabels;

    /** A fresh local label, named {@code <function>.<kind><n>} so that the listing re-assembles. */
    Label newLabel(String kind) {
        return buf.newLabel(prefix + "." + kind + localLabels++);
    }

    /** Binds {@code l} here (and lists it as {@code name:}). */
    void bind(Label l) {
        buf.bind(l);
        if (listing != null) listing.add(l.name() + ":");
    }

    /**
     * When listing, every emitted instruction in llvm-mc syntax with its offset as a comment
     * ({@code --dump=asm}, {@code --emit-asm}): the listing re-assembles to the same code.
     */
    java.util.List<String> listing;

    void emit(A64Insn insn) {
        if (listing != null) listing.add(String.format("\t%s\t// %x", org.machr.codegen.aarch64.A64Printer.print(insn), buf.size()));
        A64Encoder.emit(buf, insn, null);
    }

    /** {@code add rd, rn, :lo12:symbol+addend} (ADD_ABS_LO12_NC), the second half of an ADRP pair. */
    void addLo12(XReg rd, XReg rn, String symbol, long addend) {
        int at = buf.size();
        A64Encoder.emit(buf, new A64Insn.AddSubImm(false, false, rd, rn, new Imm12(0, false)), null);
        buf.addRelocation(at, org.machr.link.A64Reloc.ADD_ABS_LO12_NC, symbol, addend, null);
        if (listing != null) {
            String target = symbol + (addend == 0 ? "" : addend > 0 ? "+" + addend : String.valueOf(addend));
            listing.add(String.format("\tadd %s, %s, :lo12:%s\t// %x", rd.name().toLowerCase(), rn.name().toLowerCase(), target, at));
        }
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

    /** Whether the function pushes a frame record (x29, x30); leaves that read no stack parameters do not. */
    boolean frameRecord = true;

    /** Pushes the frame record (AAPCS64 §6.4.6) and sets x29, allocates the frame, saves callee-saved registers. */
    void prologue() {
        if (frameRecord) {
            emit(new A64Insn.LoadStorePair(Ops.PairOp.STP, XReg.X29, XReg.X30, XReg.SP, -16, Ops.PairMode.PRE));
            emit(new A64Insn.AddSubImm(false, false, XReg.X29, XReg.SP, new Imm12(0, false)));
        }
        subSp(frameBytes);
        saves(Ops.PairOp.STP, Ops.LoadStoreOp.STR);
    }

    /** Restores callee-saved registers, pops the frame and the frame record, returns. */
    void epilogue() {
        saves(Ops.PairOp.LDP, Ops.LoadStoreOp.LDR);
        addSp(frameBytes);
        if (frameRecord) emit(new A64Insn.LoadStorePair(Ops.PairOp.LDP, XReg.X29, XReg.X30, XReg.SP, 16, Ops.PairMode.POST));
        emit(new A64Insn.BranchReg(Ops.BranchRegOp.RET, XReg.X30));
    }

    /** Stores or loads the callee-saved registers, two adjacent slots per STP/LDP where the offset allows. */
    private void saves(Ops.PairOp pair, Ops.LoadStoreOp single) {
        int i = 0;
        while (i < saved.size()) {
            int offset = saveOffsets.get(i);
            if (i + 1 < saved.size() && saveOffsets.get(i + 1) == offset + 8 && offset <= 504) {
                emit(new A64Insn.LoadStorePair(pair, A64Abi.xreg(saved.get(i)), A64Abi.xreg(saved.get(i + 1)), XReg.SP, offset,
                        Ops.PairMode.OFFSET));
                i += 2;
            } else {
                emit(new A64Insn.LoadStore(single, A64Abi.xreg(saved.get(i)), new org.machr.codegen.aarch64.Address.Scaled(XReg.SP, offset)));
                i++;
            }
        }
    }
}
