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
import org.machr.codegen.common.GlobalSections;
import org.machr.codegen.common.FrameLayout;
import org.machr.codegen.common.Label;
import org.machr.codegen.common.regalloc.AllocChecker;
import org.machr.codegen.common.regalloc.Allocation;
import org.machr.codegen.common.regalloc.Emission;
import org.machr.codegen.common.regalloc.IselDump;
import org.machr.codegen.common.regalloc.LinearScan;
import org.machr.codegen.common.regalloc.Location;
import org.machr.codegen.common.regalloc.Move;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocFunction;
import org.machr.codegen.common.regalloc.SpillSlot;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrSections;
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
    public enum Dump { ISEL, REGALLOC, ASM }

    public static Optional<ObjectFile> compile(IrProgram program, String objectName, Diagnostics diags) {
        return compile(program, objectName, diags, Set.of(), null);
    }

    /**
     * Compiles every function; {@code dumps} selects listings printed to {@code out}: the selected
     * instructions with their virtual registers ({@code ISEL}), the register assignment ({@code REGALLOC}) and the emitted instructions in llvm-mc syntax ({@code ASM}).
     */
    public static Optional<ObjectFile> compile(IrProgram program, String objectName, Diagnostics diags, Set<Dump> dumps,
                                               PrintStream out) {
        return compile(program, objectName, diags, dumps, out, out);
    }

    /** As above, with the {@code ASM} listing printed to {@code asmOut} and the other dumps to {@code dumpOut}. */
    public static Optional<ObjectFile> compile(IrProgram program, String objectName, Diagnostics diags, Set<Dump> dumps,
                                               PrintStream dumpOut, PrintStream asmOut) {
        PrintStream out = asmOut;
        // One code buffer per object section: .text first, then the #[section] ones in order of use.
        java.util.Map<String, CodeBuffer> texts = new java.util.LinkedHashMap<>();
        texts.put(".text", new CodeBuffer(diags));
        List<Symbol> symbols = new ArrayList<>();
        int before = diags.errorCount();
        boolean hasPanicAt = program.functions().stream().anyMatch(f -> f.name().equals(PANIC_AT));
        java.util.Map<String, String> strings = new java.util.LinkedHashMap<>();
        if (dumps.contains(Dump.ASM)) out.println("\t.text");
        String current = ".text";
        for (IrFunction fn : program.functions()) {
            String section = IrSections.of(fn);
            CodeBuffer text = texts.computeIfAbsent(section, k -> new CodeBuffer(diags));
            if (dumps.contains(Dump.ASM) && !section.equals(current)) out.println("\t.section " + section + ",\"ax\",@progbits\n\t.p2align 2");
            current = section;
            int start = text.size();
            try {
                function(fn, text, dumps, dumpOut, out, hasPanicAt, strings, fn.exported() || fn.name().equals(program.entry()));
            } catch (UnsupportedIrException e) {
                diags.error(A64CodegenCode.UNSUPPORTED, null, "function " + fn.name() + ": " + e.getMessage() + " is not supported by the aarch64 backend yet");
                continue;
            }
            boolean global = fn.exported() || fn.name().equals(program.entry());
            symbols.add(new Symbol(fn.name(), SymbolDefinition.in(section), start, text.size() - start,
                    global ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL, Symbol.Type.FUNC));
        }
        List<Section> sections = new ArrayList<>();
        List<Relocation> relocs = new ArrayList<>();
        texts.forEach((name, text) -> {
            text.finish();
            sections.add(new Section(name, org.machr.link.SectionKind.TEXT, Section.defaultFlags(org.machr.link.SectionKind.TEXT), 4, 0,
                    text.bytes(), text.size()));
            relocs.addAll(A64Objects.relocations(text, name));
        });
        List<IrGlobal> all = new ArrayList<>(program.globals());
        strings.forEach((content, symbol) -> all.add(new IrGlobal(symbol, IrGlobal.Section.RODATA,
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, 1,
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(), false)));
        globals(all, sections, symbols, relocs);
        if (dumps.contains(Dump.ASM)) DataListing.print(out, sections, symbols, relocs);
        if (diags.errorCount() > before) return Optional.empty();
        return Optional.of(new ObjectFile(objectName, Arch.AARCH64, sections, symbols, relocs));
    }

    /** The runtime's panic reporter (docs/language.md §11), called for division by zero. */
    static final String PANIC_AT = "rt.panic_at";

    private static void function(IrFunction fn, CodeBuffer buf, Set<Dump> dumps, PrintStream dumpOut, PrintStream out, boolean hasPanicAt,
                                 java.util.Map<String, String> strings, boolean global) {
        A64Lowering lowering = new A64Lowering(fn);
        RegAllocFunction mf = lowering.lower();
        Allocation alloc = Emission.allocate(mf, A64Abi.CONFIG, fn.name(), dumps.contains(Dump.REGALLOC) ? dumpOut : null);
        List<PReg> saved = alloc.usedCalleeSaved().stream().sorted(java.util.Comparator.comparingInt(PReg::index)).toList();
        // A leaf reading no stack parameters needs no frame record: x30 survives and nothing reads x29.
        boolean leaf = fn.params().size() <= A64Abi.MAX_REG_ARGS;
        for (int b = 0; b < mf.blockCount(); b++) for (var i : mf.insns(b)) leaf &= i.clobbers().isEmpty();
        // The frame record is pushed apart from the frame (EmitContext.prologue).
        FrameLayout frame = FrameLayout.compute(0, Math.toIntExact(lowering.locals.bytes()), lowering.locals.align(), alloc.spillSlots(), 8, saved, 8, 0, 16);
        List<Label> labels = new ArrayList<>();
        for (int b = 0; b < mf.blockCount(); b++) labels.add(buf.newLabel(fn.name() + ".b" + b));
        EmitContext ctx = new EmitContext(buf, labels, buf.newLabel(fn.name() + ".trap"));
        ctx.hasPanicAt = hasPanicAt;
        ctx.prefix = fn.name();
        if (dumps.contains(Dump.ASM) || dumps.contains(Dump.ISEL)) ctx.listing = new ArrayList<>();
        IselDump isel = dumps.contains(Dump.ISEL) ? new IselDump(fn.name()) : null;
        ctx.frameBytes = frame.frameSize();
        ctx.frameRecord = !leaf;
        ctx.saved = saved;
        ctx.saveOffsets = saved.stream().map(frame::saveOffsetOf).toList();
        ctx.prologue();
        Emission.emit(mf, alloc, new Emission.Emitter<MInsn>() {
            @Override public void startBlock(int block, int next) {
                ctx.bind(labels.get(block));
                ctx.nextBlock = next;
            }
            @Override public void move(Move m) { A64CodeGen.move(ctx, m, frame); }
            @Override public void insn(MInsn m, List<PReg> regs) { m.emitter().emit(ctx, regs.stream().map(A64Abi::xreg).toList()); }
        }, ctx.listing, isel);
        if (isel != null) dumpOut.print(isel);
        ctx.bind(ctx.trap);
        ctx.emit(new A64Insn.ExceptionGen(Ops.ExceptionOp.BRK, 0xd1));
        for (EmitContext.PanicStub stub : ctx.panicStubs) {
            ctx.bind(stub.label());
            // rt.panic_at(msg: []u8, file: []u8, line: u32): x0:x1, x2:x3, w4 (AAPCS64); it does not return.
            stringArg(ctx, XReg.X0, XReg.X1, stub.message(), strings);
            stringArg(ctx, XReg.X2, XReg.X3, stub.loc().file(), strings);
            org.machr.codegen.aarch64.MoveWideSearch.sequence(XReg.X4, stub.loc().line()).forEach(ctx::emit);
            ctx.emit(new A64Insn.Branch(true, new org.machr.codegen.aarch64.Target.ToSymbol(PANIC_AT, 0)));
            ctx.emit(new A64Insn.ExceptionGen(Ops.ExceptionOp.BRK, 0xd1));
        }
        if (dumps.contains(Dump.ASM)) out.println((global ? "\t.globl " + fn.name() + "\n" : "") + fn.name() + ":\n" + String.join("\n", ctx.listing));
    }

    /** {@code ptr, len} of a string constant pooled in .rodata. */
    private static void stringArg(EmitContext ctx, XReg ptr, XReg len, String content, java.util.Map<String, String> strings) {
        String symbol = strings.computeIfAbsent(content, c -> ".Lmachr.str." + strings.size());
        ctx.emit(new A64Insn.PcRelAddr(true, ptr, new org.machr.codegen.aarch64.Target.ToSymbol(symbol, 0)));
        ctx.addLo12(ptr, ptr, symbol, 0);
        org.machr.codegen.aarch64.MoveWideSearch.sequence(len, content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .forEach(ctx::emit);
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

    private static void globals(List<IrGlobal> globals, List<Section> sections, List<Symbol> symbols, List<Relocation> relocs) {
        GlobalSections.append(globals, A64Reloc.ABS64, sections, symbols, relocs);
    }
}
