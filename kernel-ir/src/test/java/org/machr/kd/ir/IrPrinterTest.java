package org.machr.kd.ir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IrPrinterTest {

    @Test
    void printsLoopWithTypesAndLabels() {
        assertThat(IrPrinter.print(IrTestPrograms.sumLoop())).isEqualTo("""

                fn @sum(%0: i32) -> i32 {
                b0:  ; entry
                  %1: i32 = copy 0
                  %2: i32 = copy 0
                  jmp b1
                b1:  ; while.head
                  %3: i8 = cmp slt %2, %0
                  br %3, b2, b3
                b2:  ; while.body
                  %4: i32 = add %1, %2
                  %1: i32 = copy %4
                  %5: i32 = add %2, 1
                  %2: i32 = copy %5
                  jmp b1
                b3:  ; while.exit
                  ret %1
                }
                """);
    }

    @Test
    void printsGlobalsMemoryCallsAndLocations() {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("table", IrGlobal.Section.DATA, 16, 8, new byte[16],
                List.of(new IrGlobal.Reloc(8, "f", 4)), false));
        p.add(new IrGlobal("zeros", IrGlobal.Section.BSS, 64, 16, null, List.of(), true));
        p.add(new ExternDecl("outb", new Signature(List.of(IrType.I16, IrType.I8), List.of())));
        FunctionBuilder b = FunctionBuilder.begin(p, "f", List.of(IrType.I64), IrType.I64, IrTestPrograms.LOC, true);
        Loc at = new Loc("m/x.kd", 12);
        SlotAddr slot = b.slot(24, 8, "pair");
        Reg v = b.load(IrType.I8, Ext.SIGN, IrType.I32, b.param(0), true, at);
        b.store(IrType.I16, new SlotAddr(slot.slot(), 8), v, false, at);
        Reg q = b.binary(BinOp.SDIV, v, Imm.i32(-3), at);
        b.callExtern("outb", null, List.of(Imm.i16(0x3f8), Imm.i8(65)), at);
        Reg old = b.atomicRmw(RmwOp.ADD, new SymbolAddr("zeros", 8), Imm.i64(1), MemOrder.SEQ_CST, at);
        Reg r = b.callIndirect(new SymbolAddr("f"), new Signature(List.of(IrType.I64), IrType.I64), List.of(old), at);
        b.fence(MemOrder.ACQ_REL);
        b.switchOn(q, List.of(new Terminator.Case(1, b.newBlock(null).id())), b.function().blocks().get(1));
        b.positionAt(b.function().blocks().get(1));
        b.ret(r);
        assertThat(IrVerifier.verify(p)).isEmpty();
        assertThat(IrPrinter.print(p)).isEqualTo("""
                global @table: data size 16 align 8
                  bytes 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
                  reloc 8 = @f+4
                global @zeros: bss size 64 align 16 export
                extern @outb(i16, i8)

                fn @f(%0: i64) -> i64 export {
                  slot $0 size 24 align 8  ; pair
                b0:  ; entry
                  %1: i32 = load.i8.s.volatile [%0]  @m/x.kd:12
                  store.i16 [$0+8], %1  @m/x.kd:12
                  %2: i32 = sdiv %1, -3  @m/x.kd:12
                  call.extern @outb(1016, 65)  @m/x.kd:12
                  %3: i64 = atomic.add.seq_cst [@zeros+8], 1  @m/x.kd:12
                  %4: i64 = call.indirect @f (i64) -> i64 (%3)  @m/x.kd:12
                  fence.acq_rel
                  switch %2 [1: b1] else b1
                b1:
                  ret %4
                }
                """);
    }

    @Test
    void printsMachineIntrinsicsWithTheirSystemRegister() {
        IrProgram p = new IrProgram();
        FunctionBuilder b = FunctionBuilder.begin(p, "k", List.of(IrType.I64), null, IrTestPrograms.LOC, false);
        Loc at = new Loc("k.kd", 3);
        Reg freq = b.intrinsic(Intrinsic.AARCH64_MRS, List.of(), "CNTFRQ_EL0", at);
        b.intrinsic(Intrinsic.AARCH64_MSR, List.of(freq), "TPIDR_EL1", at);
        b.intrinsic(Intrinsic.AARCH64_ISB, List.of(), at);
        b.intrinsic(Intrinsic.AARCH64_ERET, List.of(), at);
        assertThat(IrVerifier.verify(p)).isEmpty();
        assertThat(IrPrinter.print(p)).isEqualTo("""

                fn @k(%0: i64) {
                b0:  ; entry
                  %1: i64 = intrinsic @aarch64.mrs(CNTFRQ_EL0)  @k.kd:3
                  intrinsic @aarch64.msr(TPIDR_EL1, %1)  @k.kd:3
                  intrinsic @aarch64.isb()  @k.kd:3
                  intrinsic @aarch64.eret()  @k.kd:3
                  unreachable
                }
                """);
    }

    @Test
    void printsNamedSections() {
        IrProgram p = new IrProgram();
        p.add(new IrGlobal("t", IrGlobal.Section.RODATA, 2, 2, new byte[] {1, 0}, List.of(), false, ".rodata.tables"));
        FunctionBuilder b = FunctionBuilder.begin(p, "boot", List.of(), null, IrTestPrograms.LOC, true);
        b.function().setSection(".text.boot");
        b.ret(List.of());
        assertThat(IrVerifier.verify(p)).isEmpty();
        assertThat(IrPrinter.print(p)).isEqualTo("""
                global @t: rodata size 2 align 2 section ".rodata.tables"
                  bytes 01 00

                fn @boot() export section ".text.boot" {
                b0:  ; entry
                  ret
                }
                """);
    }
}
