package org.machr.codegen.aarch64.isel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.io.PrintStream;
import org.machr.codegen.aarch64.A64Insn;
import org.machr.codegen.aarch64.A64Objects;
import org.machr.codegen.aarch64.Address;
import org.machr.codegen.aarch64.Ops;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.FrameLayout;
import org.machr.codegen.common.Label;
import org.machr.codegen.common.regalloc.AllocChecker;
import org.machr.codegen.common.regalloc.Allocation;
import org.machr.codegen.common.regalloc.LinearScan;
import org.machr.codegen.common.regalloc.Location;
import org.machr.codegen.common.regalloc.Move;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocFunction;
import org.machr.codegen.common.regalloc.SpillSlot;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.link.A64Reloc;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;

/**
 * The AArch64 backend pipeline, one line per pass: per function {@link A64Lowering} (instruction
 * selection) → {@link LinearScan} (register allocation) → {@link AllocChecker} (the allocation is
 * proved correct before any byte is emitted) → {@link FrameLayout} → emission into a {@link CodeBuffer}
 * with prologue and epilogue; globals go to .data/.rodata/.bss. The result is one {@link ObjectFile}.
 */
public final class A64CodeGen {

    private A64CodeGen() {}

    /** What {@link #compile(IrProgram, String, Diagnostics, Set, PrintStream)} can print per function. */
    public enum Dump { REGALLOC, ASM }

    public static Optional<ObjectFile> compile(IrProgram program, String objectName, Diagnostics diags) {
        return compile(program, objectName, diags, Set.of(), null);
    }

    /**
     * Compiles every function; {@code dumps} selects listings printed to {@code out}: the register
     * assignment ({@code REGALLOC}) and the emitted instructions in llvm-mc syntax ({@code ASM}).
     */
    public static Optional<ObjectFile> compile(IrProgram program, String objectName, Diagnostics diags, Set<Dump> dumps,
                                               PrintStream out) {
        CodeBuffer text = new CodeBuffer(diags);
        List<Symbol> symbols = new ArrayList<>();
        int before = diags.errorCount();
        for (IrFunction fn : program.functions()) {
            int start = text.size();
            try {
                function(fn, text, dumps, out);
            } catch (UnsupportedIrException e) {
                diags.error(A64CodegenCode.UNSUPPORTED, null, "function " + fn.name() + ": " + e.getMessage() + " is not supported by the aarch64 backend yet");
                continue;
            }
            boolean global = fn.exported() || fn.name().equals(program.entry());
            symbols.add(new Symbol(fn.name(), SymbolDefinition.in(".text"), start, text.size() - start,
                    global ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL, Symbol.Type.FUNC));
        }
        text.finish();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(".text", org.machr.link.SectionKind.TEXT, Section.defaultFlags(org.machr.link.SectionKind.TEXT), 4, 0, text.bytes(), text.size()));
        List<Relocation> relocs = new ArrayList<>(A64Objects.relocations(text, ".text"));
        globals(program, sections, symbols, relocs);
        if (diags.errorCount() > before) return Optional.empty();
        return Optional.of(new ObjectFile(objectName, Arch.AARCH64, sections, symbols, relocs));
    }

    private static void function(IrFunction fn, CodeBuffer buf, Set<Dump> dumps, PrintStream out) {
        A64Lowering lowering = new A64Lowering(fn);
        RegAllocFunction mf = lowering.lower();
        Allocation alloc = new LinearScan(A64Abi.CONFIG).allocate(mf);
        List<String> problems = AllocChecker.check(mf, alloc);
        if (!problems.isEmpty()) throw new IllegalStateException("register allocation of " + fn.name() + " is wrong: " + problems);
        if (dumps.contains(Dump.REGALLOC)) out.println("; regalloc " + fn.name() + "\n" + LinearScan.describe(alloc));
        List<PReg> saved = alloc.usedCalleeSaved().stream().sorted(java.util.Comparator.comparingInt(PReg::index)).toList();
        FrameLayout frame = FrameLayout.compute(0, Math.toIntExact(lowering.localsBytes), lowering.localsAlign, alloc.spillSlots(), 8, saved, 8, 0, 16);
        List<Label> labels = new ArrayList<>();
        for (int b = 0; b < mf.blockCount(); b++) labels.add(buf.newLabel(fn.name() + ".b" + b));
        EmitContext ctx = new EmitContext(buf, labels, buf.newLabel(fn.name() + ".trap"));
        if (dumps.contains(Dump.ASM)) ctx.listing = new ArrayList<>();
        ctx.frameBytes = frame.frameSize();
        ctx.saved = saved;
        ctx.saveOffsets = saved.stream().map(frame::saveOffsetOf).toList();
        // Prologue: push the frame record (AAPCS64 §6.4.6), then the rest of the frame and the saves.
        ctx.emit(new A64Insn.LoadStorePair(Ops.PairOp.STP, XReg.X29, XReg.X30, XReg.SP, -16, Ops.PairMode.PRE));
        ctx.emit(new A64Insn.AddSubImm(false, false, XReg.X29, XReg.SP, new org.machr.codegen.aarch64.Imm12(0, false)));
        ctx.subSp(frame.frameSize());
        for (int i = 0; i < saved.size(); i++) {
            ctx.emit(new A64Insn.LoadStore(Ops.LoadStoreOp.STR, A64Abi.xreg(saved.get(i)), new Address.Scaled(XReg.SP, ctx.saveOffsets.get(i))));
        }
        int g = 0;
        for (int b = 0; b < mf.blockCount(); b++) {
            buf.bind(labels.get(b));
            ctx.nextBlock = b + 1 < mf.blockCount() ? b + 1 : -1;
            for (var insn : mf.insns(b)) {
                MInsn m = (MInsn) insn;
                for (Move mv : alloc.movesBefore(g)) move(ctx, mv, frame);
                if (!alloc.isRedundantMove(g, m)) {
                    m.emitter().emit(ctx, alloc.operandLocations().get(g).stream().map(A64Abi::xreg).toList());
                }
                for (Move mv : alloc.movesAfter(g)) move(ctx, mv, frame);
                g++;
            }
        }
        buf.bind(ctx.trap);
        ctx.emit(new A64Insn.ExceptionGen(Ops.ExceptionOp.BRK, 0xd1));
        if (ctx.listing != null) out.println(fn.name() + ":\n" + String.join("\n", ctx.listing));
    }

    private static void move(EmitContext ctx, Move m, FrameLayout frame) {
        Location from = m.from();
        Location to = m.to();
        if (from instanceof PReg f && to instanceof PReg t) {
            ctx.emit(A64Lowering.mov(A64Abi.xreg(t), A64Abi.xreg(f)));
        } else if (from instanceof SpillSlot s && to instanceof PReg t) {
            ctx.emit(new A64Insn.LoadStore(Ops.LoadStoreOp.LDR, A64Abi.xreg(t), new Address.Scaled(XReg.SP, frame.offsetOf(s))));
        } else if (from instanceof PReg f && to instanceof SpillSlot s) {
            ctx.emit(new A64Insn.LoadStore(Ops.LoadStoreOp.STR, A64Abi.xreg(f), new Address.Scaled(XReg.SP, frame.offsetOf(s))));
        } else {
            throw new IllegalStateException("memory-to-memory move " + m);
        }
    }

    private static void globals(IrProgram program, List<Section> sections, List<Symbol> symbols, List<Relocation> relocs) {
        for (IrGlobal.Section kind : IrGlobal.Section.values()) {
            String name = switch (kind) {
                case DATA -> ".data";
                case RODATA -> ".rodata";
                case BSS -> ".bss";
            };
            CodeBuffer buf = new CodeBuffer(new Diagnostics());
            long bss = 0;
            long align = 1;
            boolean any = false;
            for (IrGlobal g : program.globals()) {
                if (g.section() != kind) continue;
                any = true;
                align = Math.max(align, g.align());
                long at;
                if (kind == IrGlobal.Section.BSS) {
                    bss = (bss + g.align() - 1) / g.align() * g.align();
                    at = bss;
                    bss += g.size();
                } else {
                    buf.align(g.align());
                    at = buf.size();
                    buf.emitBytes(g.init());
                    for (IrGlobal.Reloc r : g.relocs()) relocs.add(new Relocation(name, at + r.offset(), A64Reloc.ABS64, r.symbol(), r.addend()));
                }
                symbols.add(new Symbol(g.name(), SymbolDefinition.in(name), at, g.size(),
                        g.exported() ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL, Symbol.Type.OBJECT));
            }
            if (!any) continue;
            org.machr.link.SectionKind sk = switch (kind) {
                case DATA -> org.machr.link.SectionKind.DATA;
                case RODATA -> org.machr.link.SectionKind.RODATA;
                case BSS -> org.machr.link.SectionKind.BSS;
            };
            sections.add(kind == IrGlobal.Section.BSS ? Section.bss(name, align, bss)
                    : new Section(name, sk, Section.defaultFlags(sk), align, 0, buf.bytes(), buf.size()));
        }
    }
}
