package org.machr.codegen.x86_64.isel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.machr.diag.Diagnostics;
import org.machr.kd.ir.BinOp;
import org.machr.kd.ir.Cond;
import org.machr.kd.ir.FunctionBuilder;
import org.machr.kd.ir.Imm;
import org.machr.kd.ir.Intrinsic;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;
import org.machr.kd.ir.IrType;
import org.machr.kd.ir.Loc;
import org.machr.kd.ir.MemOrder;
import org.machr.kd.ir.Reg;
import org.machr.kd.ir.RmwOp;
import org.machr.kd.ir.SlotAddr;
import org.machr.kd.ir.SymbolAddr;

/**
 * Instruction selection on small IR functions: the listing of each is compared with a golden file
 * ({@code src/test/resources/x64/isel/*.s}, rewritten with {@code -Dbless=true}) and the key instruction
 * choices are asserted. Every function goes through the AllocChecker (X64CodeGen fails otherwise).
 */
class X64LoweringTest {

    static final Loc LOC = new Loc("t.kd", 7);
    static final Path GOLDEN = Path.of("src/test/resources/x64/isel");

    /** The listing of one function {@code f} built by {@code body}. */
    static String listing(List<IrType> params, IrType result, Consumer<FunctionBuilder> body) {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", params, result, LOC, true);
        body.accept(b);
        FunctionBuilder panic = FunctionBuilder.begin(p, "rt.panic_at", List.of(IrType.I64, IrType.I64, IrType.I64, IrType.I64, IrType.I32), null, LOC, false);
        panic.emit(new org.machr.kd.ir.Insn.IntrinsicCall(null, Intrinsic.TRAP, List.of(), null, LOC));
        panic.ret(List.of());
        p.add(new IrGlobal("g", IrGlobal.Section.DATA, 8, 8, new byte[8], List.of(), false));
        Diagnostics d = new Diagnostics();
        var out = X64CodeGen.compile(p, "t.o", d).orElseThrow(() -> new AssertionError(d.renderAll()));
        String all = String.join("\n", out.listing()) + "\n";
        return all.substring(0, all.indexOf("\t.p2align\t4, 0xcc\nrt.panic_at:"));
    }

    static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name + ".s");
        if (Boolean.getBoolean("bless")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual);
            return;
        }
        assertThat(file).as("golden %s missing; run with -Dbless=true", file).exists();
        assertThat(actual).as("golden %s", file).isEqualTo(Files.readString(file));
    }

    @Test
    void addImmediateIsLeaAndNarrowResultsAreReExtended() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I32), IrType.I32, b -> {
            Reg x = b.add(b.param(0), Imm.i64(100));
            Reg t = b.convert(org.machr.kd.ir.ConvOp.TRUNC, IrType.I32, x);
            b.ret(b.binary(BinOp.SUB, b.param(1), t));
        });
        golden("add_sub", s);
        assertThat(s).containsPattern("addq\t\\$100, %r|leaq\t100\\(%r").contains("movslq\t%e").containsPattern("subq\t%|negq\t%");
    }

    @Test
    void signedDivisionChecksZeroAndMinusOne() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> b.ret(b.binary(BinOp.SDIV, b.param(0), b.param(1), LOC)));
        golden("sdiv64", s);
        assertThat(s).contains("testq\t%rcx, %rcx").contains("cmpq\t$-1, %rcx").contains("negq\t%rax").contains("cqto").contains("idivq\t%rcx")
                .contains("callq\trt.panic_at").contains("movl\t$7, %r8d");
    }

    @Test
    void unsignedRemainderOfNarrowValuesZeroExtends() throws IOException {
        String s = listing(List.of(IrType.I32, IrType.I32), IrType.I32, b -> b.ret(b.binary(BinOp.UREM, b.param(0), b.param(1), LOC)));
        golden("urem32", s);
        assertThat(s).contains("divq\t%rcx").doesNotContain("cmpq\t$-1").contains("xorl\t%edx, %edx").containsPattern("movl\t%e[a-z]+, %e");
    }

    @Test
    void variableShiftMasksTheCountAndUsesCl() throws IOException {
        String s = listing(List.of(IrType.I32, IrType.I32), IrType.I32, b -> b.ret(b.binary(BinOp.LSHR, b.param(0), b.param(1))));
        golden("lshr32", s);
        assertThat(s).contains("andl\t$31, ").contains("shrq\t%cl, %rax").doesNotContain("shrq\t%cl, %rcx");
    }

    @Test
    void compareAndSelectUseSetccAndCmov() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg c = b.compare(Cond.ULT, b.param(0), b.param(1));
            b.ret(b.select(c, b.param(0), b.param(1)));
        });
        golden("select", s);
        assertThat(s).contains("cmpq\t%").contains("setb\t").contains("movzbl\t").containsPattern("cmovn?eq\t");
    }

    @Test
    void memoryOperandsForSlotsAndGlobalsAndImmediateStores() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            SlotAddr slot = b.slot(16, 8, "buf");
            b.store(IrType.I32, slot, Imm.i32(-5), false, LOC);
            b.store(IrType.I64, new SymbolAddr("g", 0), b.param(0), false, LOC);
            Reg v = b.load(IrType.I32, org.machr.kd.ir.Ext.ZERO, IrType.I64, slot, false, LOC);
            b.ret(v);
        });
        golden("memory", s);
        assertThat(s).contains("movl\t$-5, (%rsp)").contains(", g(%rip)").contains("movl\t(%rsp), %e");
    }

    @Test
    void callsPassArgumentsSevenAndUpOnTheStack() throws IOException {
        String s = listing(List.of(), IrType.I64, b -> {
            List<org.machr.kd.ir.Operand> args = new java.util.ArrayList<>();
            for (int i = 1; i <= 8; i++) args.add(Imm.i64(i));
            b.ret(b.call("f", IrType.I64, args, LOC));
        });
        golden("call8", s);
        assertThat(s).containsPattern("movq\t%r[a-z0-9]+, \\(%rsp\\)").containsPattern("movq\t%r[a-z0-9]+, 8\\(%rsp\\)")
                .contains("callq\tf").containsPattern("subq\t\\$[0-9]+, %rsp");
    }

    @Test
    void atomicsUseLockedInstructions() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            Reg old = b.atomicRmw(RmwOp.ADD, new SymbolAddr("g", 0), b.param(0), MemOrder.SEQ_CST, LOC);
            Reg prev = b.atomicCas(new SymbolAddr("g", 0), old, Imm.i64(3), MemOrder.SEQ_CST, LOC);
            b.atomicStore(new SymbolAddr("g", 0), prev, MemOrder.RELEASE, LOC);
            b.fence(MemOrder.SEQ_CST);
            b.ret(prev);
        });
        golden("atomics", s);
        assertThat(s).contains("lock\t\txaddq").contains("lock\t\tcmpxchgq").contains("xchgq").contains("mfence");
    }

    @Test
    void aCompareUsedOnlyByABranchBecomesCmpJcc() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            var yes = b.newBlock("yes");
            var no = b.newBlock("no");
            b.branch(b.compare(Cond.SLT, b.param(0), Imm.i64(10)), yes, no);
            b.positionAt(yes);
            b.ret(Imm.i64(1));
            b.positionAt(no);
            b.ret(Imm.i64(2));
        });
        golden("branch", s);
        assertThat(s).contains("cmpq\t$10, %").contains("jge\t").doesNotContain("setl").doesNotContain("testq");
    }

    @Test
    void panicPathsAreLaidOutAfterTheHotBlocks() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            var fail = b.newBlock("check.fail");
            var ok = b.newBlock("check.ok");
            b.branch(b.compare(Cond.ULT, b.param(0), Imm.i64(10)), ok, fail);
            b.positionAt(fail);
            b.call("rt.panic_at", null, List.of(Imm.i64(0), Imm.i64(0), Imm.i64(0), Imm.i64(0), Imm.i32(7)), LOC);
            b.unreachable();
            b.positionAt(ok);
            b.ret(b.add(b.param(0), Imm.i64(1)));
        });
        golden("cold_layout", s);
        assertThat(s.indexOf("retq")).isPositive().isLessThan(s.indexOf("callq\trt.panic_at"));
        assertThat(s).contains("jae\t.Lf.b2").doesNotContain("jmp\t");
    }

    /** {@code load.i64 [base + (index << shift) + disp]}, built the way the front end indexes arrays. */
    private static String indexedLoad(int shift, long disp) {
        return listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg scaled = b.binary(BinOp.SHL, b.param(1), Imm.i64(shift));
            Reg at = b.add(b.add(b.param(0), scaled), Imm.i64(disp));
            b.ret(b.load(IrType.I64, at, LOC));
        });
    }

    @Test
    void shiftedIndexAndConstantFoldIntoTheLoadForEveryScale() {
        String[] scales = {"", ",2", ",4", ",8"};
        for (int shift = 0; shift <= 3; shift++) {
            String s = indexedLoad(shift, 16);
            assertThat(s).as("shift %d", shift).containsPattern("movq\t16\\(%r[a-z0-9]+,%r[a-z0-9]+" + scales[shift] + "\\), %r")
                    .doesNotContain("shlq").doesNotContain("addq").doesNotContain("leaq");
        }
        String mul = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg at = b.add(b.param(0), b.mul(b.param(1), Imm.i64(8)));
            b.ret(b.load(IrType.I64, at, LOC));
        });
        assertThat(mul).containsPattern("movq\t\\(%r[a-z0-9]+,%r[a-z0-9]+,8\\), %r").doesNotContain("imulq");
        String four = indexedLoad(4, 0);           // scale 16 does not exist: the shift stays
        assertThat(four).contains("shlq\t$4, ").containsPattern("movq\t\\(%r[a-z0-9]+,%r[a-z0-9]+\\), %r");
    }

    @Test
    void displacementsUseDisp8UpTo127AndDisp32Beyond() throws IOException {
        String[] cases = {"127", "128", "-128", "-129"};
        for (String disp : cases) {
            String s = indexedLoad(2, Long.parseLong(disp));
            assertThat(s).containsPattern("movq\t" + disp + "\\(%r[a-z0-9]+,%r[a-z0-9]+,4\\), %r");
        }
        golden("fold_disp8", indexedLoad(2, 127));
        golden("fold_disp32", indexedLoad(2, 128));
        assertThat(Files.readString(GOLDEN.resolve("fold_disp8.s"))).contains("127(");
        String big = indexedLoad(0, 1L << 31);     // does not fit a disp32: added in a register
        assertThat(big).contains("$2147483648, ").doesNotContain("2147483648(");
    }

    @Test
    void globalsFoldAsAbsoluteDisplacementWithAnIndexAndRipRelativeWithout() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg at = b.add(new SymbolAddr("g", 0), b.binary(BinOp.SHL, b.param(0), Imm.i64(3)));
            b.store(IrType.I8, b.add(new SymbolAddr("g", 4), b.param(1)), Imm.i8((byte) 1), false, LOC);
            Reg v = b.load(IrType.I64, at, LOC);
            Reg w = b.load(IrType.I64, b.add(new SymbolAddr("g", 0), Imm.i64(8)), LOC);
            b.ret(b.add(v, w));
        });
        golden("fold_global", s);
        assertThat(s).containsPattern("movb\t\\$1, g\\+4\\(%r[a-z0-9]+\\)").containsPattern("movq\tg\\(,%r[a-z0-9]+,8\\), %r")
                .containsPattern("movq\tg\\+8\\(%rip\\), %r").doesNotContain("leaq\tg(%rip)");
    }

    @Test
    void stackSlotsFoldWithAnIndexAndAddsBecomeLea() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            SlotAddr slot = b.slot(64, 8, "buf");
            b.store(IrType.I32, b.add(slot, b.binary(BinOp.SHL, b.param(0), Imm.i64(2))), b.param(1), false, LOC);
            Reg sum = b.add(b.param(0), b.param(1));
            Reg p = b.add(b.add(b.param(1), b.mul(b.param(0), Imm.i64(4))), Imm.i64(-8));
            b.ret(b.add(b.add(sum, p), b.add(sum, p)));
        });
        golden("fold_stack_lea", s);
        assertThat(s).containsPattern("movl\t%e[a-z0-9]+, \\(%rsp,%r[a-z0-9]+,4\\)")
                .containsPattern("leaq\t-8\\(%r[a-z0-9]+,%r[a-z0-9]+,4\\), %r")
                .containsPattern("leaq\t\\(%r[a-z0-9]+,%r[a-z0-9]+\\), %r");
    }

    @Test
    void anIndexRedefinedBeforeTheLoadIsNotFolded() {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg i = b.copy(b.param(1));
            Reg at = b.add(b.param(0), b.binary(BinOp.SHL, i, Imm.i64(3)));
            b.assign(i, Imm.i64(0));
            Reg v = b.load(IrType.I64, at, LOC);
            b.ret(b.add(v, i));
        });
        // the shift reads i before its redefinition, so it stays; the add (whose inputs live on) still folds
        assertThat(s).contains("shlq\t$3, ").containsPattern("movq\t\\(%r[a-z0-9]+,%r[a-z0-9]+\\), %r").doesNotContain(",8)");
    }

    @Test
    void aBranchIsFollowedByItsTrueSideWhateverTheIrOrder() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            var later = b.newBlock("later");
            var taken = b.newBlock("taken");
            b.branch(b.compare(Cond.SLT, b.param(0), Imm.i64(10)), taken, later);
            b.positionAt(later);
            b.ret(Imm.i64(2));
            b.positionAt(taken);
            b.ret(Imm.i64(1));
        });
        golden("layout_chain", s);
        assertThat(s).containsPattern("jge\t\\.Lf\\.b2\n\\.Lf\\.b1:\n\tmovl\t\\$1, %eax").doesNotContain("jmp\t").doesNotContain("jl\t");
    }

    @Test
    void subtractImmediateIntoAnotherRegisterIsLea() {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            Reg d = b.sub(b.param(0), Imm.i64(3));
            b.ret(b.mul(d, b.param(0)));
        });
        assertThat(s).containsPattern("leaq\t-3\\(%r[a-z0-9]+\\), %r").doesNotContain("subq");
    }

    @Test
    void anUpdateThroughATemporaryIsComputedInPlace() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg i = b.copy(b.param(1));
            var loop = b.newBlock("loop");
            var done = b.newBlock("done");
            b.jump(loop);
            b.positionAt(loop);
            Reg next = b.add(i, Imm.i64(5));
            b.assign(i, next);
            b.branch(b.compare(Cond.ULT, i, b.param(0)), loop, done);
            b.positionAt(done);
            b.ret(i);
        });
        golden("update_in_place", s);
        assertThat(s).containsPattern("\\.Lf\\.b1:\n\taddq\t\\$5, %r[a-z0-9]+\n\tcmpq\t").doesNotContain("leaq");
    }

    @Test
    void aLoadFollowedByItsExtensionIsOneExtendingLoad() {
        String z = listing(List.of(IrType.I64), IrType.I64, b -> b.ret(b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, b.load(IrType.I8, b.param(0), LOC))));
        assertThat(z).containsPattern("movzbl\t\\(%r[a-z0-9]+\\), %e").doesNotContain("movsbq");
        String sx = listing(List.of(IrType.I64), IrType.I64, b -> b.ret(b.convert(org.machr.kd.ir.ConvOp.SEXT, IrType.I64, b.load(IrType.I16, b.param(0), LOC))));
        assertThat(sx).containsPattern("movswq\t\\(%r[a-z0-9]+\\), %r").doesNotContain("movzwl");
    }

    @Test
    void aConstantOnTheLeftOfACommutativeOperationBecomesTheImmediate() {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> b.ret(b.binary(BinOp.XOR, Imm.i64(0x1234), b.param(0))));
        assertThat(s).containsPattern("xorq\t\\$4660, %r").doesNotContain("movl\t$4660");
    }

    @Test
    void narrowValuesKnownNonNegativeNeedNoReExtension() {
        String shr = listing(List.of(IrType.I32), IrType.I32, b -> b.ret(b.binary(BinOp.LSHR, b.param(0), Imm.i32(8))));
        assertThat(shr).contains("shrq\t$8, ").doesNotContain("movslq");
        String zext = listing(List.of(IrType.I32), IrType.I64, b -> {
            Reg low = b.binary(BinOp.AND, b.param(0), Imm.i32(255));
            b.ret(b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, low));
        });
        assertThat(zext).contains("andq\t$255, ").doesNotContainPattern("movl\t%e[a-z0-9]+, %e");
        String negative = listing(List.of(IrType.I32), IrType.I64, b -> {   // -256 keeps the sign bit: zero-extend
            Reg low = b.binary(BinOp.AND, b.param(0), Imm.i32(-256));
            b.ret(b.convert(org.machr.kd.ir.ConvOp.ZEXT, IrType.I64, low));
        });
        assertThat(negative).containsPattern("movl\t%e[a-z0-9]+, %e");
    }

    @Test
    void aLoopHeaderEnteredByAJumpIsPlacedAfterTheLatch() throws IOException {
        String s = listing(List.of(IrType.I64), IrType.I64, b -> {
            Reg i = b.copy(Imm.i64(0));
            var head = b.newBlock("for.head");
            var body = b.newBlock("for.body");
            var end = b.newBlock("for.end");
            b.jump(head);
            b.positionAt(head);
            b.branch(b.compare(Cond.ULT, i, b.param(0)), body, end);
            b.positionAt(body);
            b.assign(i, b.add(i, Imm.i64(1)));
            b.jump(head);
            b.positionAt(end);
            b.ret(i);
        });
        golden("loop_rotation", s);
        assertThat(s).containsPattern("\\.Lf\\.b1:\n\taddq\t\\$1, %r[a-z0-9]+\n\\.Lf\\.b2:\n\tcmpq\t%r[a-z0-9]+, %r[a-z0-9]+\n\t\\{disp32\\}\tjb\t\\.Lf\\.b1\n\\.Lf\\.b3:");
        assertThat(s.split("jmp\t", -1)).hasSize(2);       // only the entry jumps to the header
    }

    /**
     * A loop as the IR's rotation leaves it: the first test known true (a dead {@code copy 1} of the
     * condition register in the preheader), the latch ending in the loop test. The header stays first
     * (no rotation, so no jump per iteration) and both compares feed their branches directly.
     */
    @Test
    void anIrRotatedLoopKeepsItsHeaderFirstAndItsTestIsFused() throws IOException {
        String s = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg i = b.copy(Imm.i64(0));
            Reg sum = b.copy(Imm.i64(0));
            Reg more = b.copy(Imm.bool(true));
            var head = b.newBlock("for.body");
            var then = b.newBlock("if.then");
            var step = b.newBlock("for.step");
            var end = b.newBlock("for.end");
            b.jump(head);
            b.positionAt(head);
            b.branch(b.compare(Cond.NE, i, b.param(1)), then, step);
            b.positionAt(then);
            b.assign(sum, b.add(sum, i));
            b.jump(step);
            b.positionAt(step);
            b.assign(i, b.add(i, Imm.i64(1)));
            b.emit(new org.machr.kd.ir.Insn.Compare(more, Cond.ULT, i, b.param(0)));
            b.branch(more, head, end);
            b.positionAt(end);
            b.ret(sum);
        });
        golden("ir_rotated_loop", s);
        assertThat(s).doesNotContain("jmp\t").doesNotContain("set").doesNotContain("testq").doesNotContain("$1, %e")
                .containsPattern("\\.Lf\\.b1:\n\tcmpq\t%r[a-z0-9]+, %r[a-z0-9]+\n\t\\{disp32\\}\tje\t\\.Lf\\.b3\n\\.Lf\\.b2:")
                .containsPattern("cmpq\t%r[a-z0-9]+, %r[a-z0-9]+\n\t\\{disp32\\}\tjb\t\\.Lf\\.b1\n\\.Lf\\.b4:");
    }

    @Test
    void withoutStackDataThereIsNoFramePointerAndSavedRegistersArePushed() throws IOException {
        String leaf = listing(List.of(IrType.I64), IrType.I64, b -> b.ret(b.add(b.param(0), Imm.i64(1))));
        assertThat(leaf).doesNotContain("%rbp").doesNotContain("leave").doesNotContain("%rsp").endsWith("\tretq\n");
        String one = listing(List.of(IrType.I64), IrType.I64, b -> {
            Reg r = b.call("f", IrType.I64, List.of(Imm.i64(3)), LOC);
            b.ret(b.add(r, b.param(0)));
        });
        golden("frameless_call", one);
        // one push leaves %rsp 16-byte aligned at the call; two need 8 bytes more
        assertThat(one).containsPattern("f:\n\tpushq\t%rbx\n\\.Lf\\.b0:").contains("\tpopq\t%rbx\n\tretq\n").doesNotContain("%rbp")
                .doesNotContain("subq");
        String two = listing(List.of(IrType.I64, IrType.I64), IrType.I64, b -> {
            Reg r = b.call("f", IrType.I64, List.of(Imm.i64(3)), LOC);
            b.ret(b.add(b.add(r, b.param(0)), b.param(1)));
        });
        assertThat(two).containsPattern("f:\n\tpushq\t%r[a-z0-9]+\n\tpushq\t%r[a-z0-9]+\n\tsubq\t\\$8, %rsp\n")
                .containsPattern("\taddq\t\\$8, %rsp\n\tpopq\t%r[a-z0-9]+\n\tpopq\t%r[a-z0-9]+\n\tretq\n");
    }

    /** {@code load.<type> [address]; cmp <cond> loaded, right; br} returning 1 or 2. */
    private static String compareLoaded(IrType type, List<IrType> params, java.util.function.Function<FunctionBuilder, org.machr.kd.ir.Operand> address,
                                        Cond cond, java.util.function.Function<FunctionBuilder, org.machr.kd.ir.Operand> right) {
        return listing(params, IrType.I64, b -> {
            var yes = b.newBlock("yes");
            var no = b.newBlock("no");
            Reg v = b.load(type, address.apply(b), LOC);
            b.branch(b.compare(cond, v, right.apply(b)), yes, no);
            b.positionAt(yes);
            b.ret(Imm.i64(1));
            b.positionAt(no);
            b.ret(Imm.i64(2));
        });
    }

    @Test
    void aLoadUsedOnlyByTheBranchCompareIsItsMemoryOperand() throws IOException {
        String s = compareLoaded(IrType.I8, List.of(IrType.I64), b -> b.add(new SymbolAddr("g", 0), b.param(0)), Cond.EQ, b -> Imm.i8(0));
        golden("compare_memory", s);
        assertThat(s).containsPattern("cmpb\t\\$0, g\\(%r[a-z0-9]+\\)\n\t\\{disp32\\}\tjne\t").doesNotContain("movsbq");
        String reg = compareLoaded(IrType.I32, List.of(IrType.I64, IrType.I32), b -> b.param(0), Cond.SLT, b -> b.param(1));
        assertThat(reg).containsPattern("cmpl\t%e[a-z0-9]+, \\(%r[a-z0-9]+\\)\n\t\\{disp32\\}\tjge\t").doesNotContain("movslq");
        String wide = compareLoaded(IrType.I16, List.of(IrType.I64), b -> b.param(0), Cond.ULT, b -> Imm.i16(0x7fff));
        assertThat(wide).contains("cmpw\t$32767, (%r");
    }

    @Test
    void hostedIntrinsicsAreADiagnosticNotACrash() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I8), null, LOC, true);
        b.intrinsic(Intrinsic.JVM_PUTC, List.of(b.param(0)), LOC);
        b.ret(List.of());
        Diagnostics d = new Diagnostics();
        assertThat(X64CodeGen.compile(p, "t.o", d)).isEmpty();
        assertThat(d.renderAll()).contains("X64C0001").contains("function f").contains("jvm.putc");
    }

    @Test
    void diagnosticCodesAreDistinct() {
        var ids = Arrays.stream(X64CodegenCode.values()).map(X64CodegenCode::id).toList();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
    }
}
