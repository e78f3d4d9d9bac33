package org.machr.codegen.x86_64.isel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.io.PrintStream;
import org.machr.codegen.common.CodeBuffer;
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
import org.machr.codegen.x86_64.Gpr64;
import org.machr.codegen.x86_64.Imm;
import org.machr.codegen.x86_64.Mem;
import org.machr.codegen.x86_64.OpSize;
import org.machr.codegen.x86_64.X64Insn;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrSections;
import org.machr.kd.ir.IrProgram;
import org.machr.link.Arch;
import org.machr.link.ObjectFile;
import org.machr.link.Relocation;
import org.machr.link.Section;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;
import org.machr.link.SymbolDefinition;
import org.machr.link.X64Reloc;

/**
 * The x86_64 backend pipeline, one line per pass (the same shape as the AArch64 one): per function
 * {@link X64Lowering} (instruction selection) → {@link LinearScan} → {@link AllocChecker} (the
 * allocation is proved before any byte is emitted) → {@link FrameLayout} → emission into a
 * {@link CodeBuffer} through the x86_64 encoder, with prologue ({@code push %rbp; mov %rsp, %rbp; sub})
 * and epilogue ({@code leave; ret}); globals go to .data/.rodata/.bss. The result is one
 * {@link ObjectFile} plus an llvm-mc listing of the code.
 */
public final class X64CodeGen {

    private X64CodeGen() {}

    /** The object and its assembly listing (llvm-mc syntax, one function after the other). */
    public record Output(ObjectFile object, List<String> listing) {}

    /** The name the front end gives the runtime's panic function (docs/language.md §11). */
    static final String PANIC_AT = "rt.panic_at";

    /** What {@link #compile(IrProgram, String, Diagnostics, Set, PrintStream)} can print per function. */
    public enum Dump { ISEL, REGALLOC }

    public static Optional<Output> compile(IrProgram program, String objectName, Diagnostics diags) {
        return compile(program, objectName, diags, Set.of(), null);
    }

    /**
     * Compiles every function; {@code dumps} selects what is printed to {@code dumpOut}: the selected
     * instructions with their virtual registers ({@code ISEL}) and the register assignment ({@code REGALLOC}).
     */
    public static Optional<Output> compile(IrProgram program, String objectName, Diagnostics diags, Set<Dump> dumps,
                                           PrintStream dumpOut) {
        // One code buffer per object section: .text first, then the #[section] ones in order of use.
        java.util.Map<String, CodeBuffer> texts = new java.util.LinkedHashMap<>();
        texts.put(".text", new CodeBuffer(diags));
        List<Symbol> symbols = new ArrayList<>();
        List<String> listing = new ArrayList<>();
        listing.add("\t.text");
        int before = diags.errorCount();
        String panic = program.function(PANIC_AT) != null ? PANIC_AT : null;
        String current = ".text";
        for (IrFunction fn : program.functions()) {
            String section = IrSections.of(fn);
            CodeBuffer text = texts.computeIfAbsent(section, k -> new CodeBuffer(diags));
            if (!section.equals(current)) listing.add(section.equals(".text") ? "\t.text" : "\t.section\t" + section + ",\"ax\",@progbits");
            current = section;
            text.align(16, new byte[] {(byte) 0xcc});
            int start = text.size();
            List<String> fnListing = new ArrayList<>();
            try {
                function(fn, text, fnListing, panic, dumps, dumpOut);
            } catch (UnsupportedIrException e) {
                diags.error(X64CodegenCode.UNSUPPORTED, null, "function " + fn.name() + ": " + e.getMessage() + " is not supported by the x86_64 backend");
                continue;
            }
            boolean global = fn.exported() || fn.name().equals(program.entry());
            listing.add("\t.p2align\t4, 0xcc");
            if (global) listing.add("\t.globl\t" + quote(fn.name()));
            listing.add(quote(fn.name()) + ":");
            listing.addAll(fnListing);
            symbols.add(new Symbol(fn.name(), SymbolDefinition.in(section), start, text.size() - start,
                    global ? Symbol.Binding.GLOBAL : Symbol.Binding.LOCAL, Symbol.Type.FUNC));
        }
        List<Section> sections = new ArrayList<>();
        List<Relocation> relocs = new ArrayList<>();
        texts.forEach((name, text) -> {
            text.finish();
            sections.add(new Section(name, SectionKind.TEXT, Section.defaultFlags(SectionKind.TEXT), 16, 0, text.bytes(), text.size()));
            relocs.addAll(X64Globals.textRelocations(text, name));
        });
        X64Globals.globals(program, sections, symbols, relocs, listing);
        if (diags.errorCount() > before) return Optional.empty();
        return Optional.of(new Output(new ObjectFile(objectName, Arch.X86_64, sections, symbols, relocs), listing));
    }

    /** A symbol as llvm-mc accepts it (names with dots are fine; anything else is quoted). */
    static String quote(String name) {
        return name.matches("[A-Za-z_.$][A-Za-z0-9_.$]*") ? name : "\"" + name + "\"";
    }

    /** Lowers, allocates, checks and emits one function; also used by the unit tests. */
    static void function(IrFunction fn, CodeBuffer buf, List<String> listing, String panicSymbol) {
        function(fn, buf, listing, panicSymbol, Set.of(), null);
    }

    private static void function(IrFunction fn, CodeBuffer buf, List<String> listing, String panicSymbol, Set<Dump> dumps,
                                 PrintStream dumpOut) {
        X64Lowering lowering = new X64Lowering(fn);
        RegAllocFunction mf = lowering.lower();
        Allocation alloc = Emission.allocate(mf, X64Abi.CONFIG, fn.name(), dumps.contains(Dump.REGALLOC) ? dumpOut : null);
        IselDump isel = dumps.contains(Dump.ISEL) ? new IselDump(fn.name()) : null;
        List<PReg> saved = alloc.usedCalleeSaved().stream().sorted(Comparator.comparingInt(PReg::index)).toList();
        // After push %rbp the stack is 16-byte aligned; a frame of a multiple of 16 keeps it so at calls.
        FrameLayout frame = FrameLayout.compute(lowering.outgoingBytes, Math.toIntExact(lowering.locals.bytes()), lowering.locals.align(),
                alloc.spillSlots(), 8, saved, 8, 0, 16);
        List<Label> labels = new ArrayList<>();
        String local = fn.name().replaceAll("[^A-Za-z0-9_.$]", "_");
        for (int b = 0; b < mf.blockCount(); b++) labels.add(buf.newLabel(".L" + local + ".b" + b));
        EmitContext ctx = new EmitContext(buf, labels, listing, panicSymbol, local);
        ctx.saved = saved;
        ctx.saveOffsets = saved.stream().map(frame::saveOffsetOf).toList();
        // Nothing addressed through the stack but the saved registers: no frame pointer, push/pop them.
        ctx.frameless = alloc.spillSlots() == 0 && lowering.locals.bytes() == 0 && lowering.outgoingBytes == 0
                && fn.params().size() <= X64Abi.ARGS.size();
        if (ctx.frameless) {
            // At entry %rsp is 8 mod 16; calls need it 0 mod 16.
            ctx.pad = lowering.makesCalls() && saved.size() % 2 == 0 ? 8 : 0;
            for (PReg r : saved) ctx.emit(new X64Insn.Push(OpSize.QWORD, X64Abi.gpr(r)));
            if (ctx.pad != 0) ctx.emit(new X64Insn.Alu(org.machr.codegen.x86_64.AluOp.SUB, OpSize.QWORD, Gpr64.RSP, Imm.of(ctx.pad)));
        } else {
            ctx.emit(new X64Insn.Push(OpSize.QWORD, Gpr64.RBP));
            ctx.emit(new X64Insn.Mov(OpSize.QWORD, Gpr64.RBP, Gpr64.RSP));
            if (frame.frameSize() != 0) ctx.emit(new X64Insn.Alu(org.machr.codegen.x86_64.AluOp.SUB, OpSize.QWORD, Gpr64.RSP, Imm.of(frame.frameSize())));
            for (int i = 0; i < saved.size(); i++) {
                ctx.emit(new X64Insn.Mov(OpSize.QWORD, Mem.base(Gpr64.RSP, ctx.saveOffsets.get(i)), X64Abi.gpr(saved.get(i))));
            }
        }
        Emission.emit(mf, alloc, new Emission.Emitter<MInsn>() {
            @Override public void startBlock(int block, int next) {
                ctx.bind(labels.get(block));
                ctx.nextBlock = next;
            }
            @Override public void move(Move m) { X64CodeGen.move(ctx, m, frame); }
            @Override public void insn(MInsn m, List<PReg> regs) { m.emitter().emit(ctx, regs.stream().map(X64Abi::gpr).toList()); }
        }, listing, isel);
        if (isel != null) dumpOut.print(isel);
        ctx.nextBlock = -1;
        for (int i = 0; i < ctx.slowPaths.size(); i++) ctx.slowPaths.get(i).run();
    }

    private static void move(EmitContext ctx, Move m, FrameLayout frame) {
        Location from = m.from();
        Location to = m.to();
        if (from instanceof PReg f && to instanceof PReg t) {
            ctx.emit(X64Lowering.mov(X64Abi.gpr(t), X64Abi.gpr(f)));
        } else if (from instanceof SpillSlot s && to instanceof PReg t) {
            ctx.emit(new X64Insn.Mov(OpSize.QWORD, X64Abi.gpr(t), Mem.base(Gpr64.RSP, frame.offsetOf(s))));
        } else if (from instanceof PReg f && to instanceof SpillSlot s) {
            ctx.emit(new X64Insn.Mov(OpSize.QWORD, Mem.base(Gpr64.RSP, frame.offsetOf(s)), X64Abi.gpr(f)));
        } else {
            throw new IllegalStateException("memory-to-memory move " + m);
        }
    }
}
