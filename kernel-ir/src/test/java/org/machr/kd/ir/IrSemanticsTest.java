package org.machr.kd.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IrSemanticsTest {

    @Test
    void wrapsAtEachWidth() {
        assertThat(IrSemantics.binary(BinOp.ADD, IrType.I8, 127, 1)).isEqualTo(-128);
        assertThat(IrSemantics.binary(BinOp.MUL, IrType.I16, 300, 300)).isEqualTo((short) 90000);
        assertThat(IrSemantics.binary(BinOp.SUB, IrType.I32, Integer.MIN_VALUE, 1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(IrSemantics.binary(BinOp.ADD, IrType.I64, Long.MAX_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void signedAndUnsignedDivision() {
        assertThat(IrSemantics.binary(BinOp.SDIV, IrType.I32, -7, 2)).isEqualTo(-3);
        assertThat(IrSemantics.binary(BinOp.SREM, IrType.I32, -7, 2)).isEqualTo(-1);
        assertThat(IrSemantics.binary(BinOp.SREM, IrType.I32, 7, -2)).isEqualTo(1);
        assertThat(IrSemantics.binary(BinOp.UDIV, IrType.I8, -2, 2)).isEqualTo(127);
        assertThat(IrSemantics.binary(BinOp.UREM, IrType.I32, -1, 10)).isEqualTo(5);
        assertThat(IrSemantics.binary(BinOp.SDIV, IrType.I32, Integer.MIN_VALUE, -1)).isEqualTo(Integer.MIN_VALUE);
        assertThat(IrSemantics.binary(BinOp.SREM, IrType.I64, Long.MIN_VALUE, -1)).isZero();
        assertThatThrownBy(() -> IrSemantics.binary(BinOp.UREM, IrType.I16, 1, 0)).hasMessage("division by zero");
    }

    @Test
    void shiftsTakeTheAmountModuloWidth() {
        assertThat(IrSemantics.binary(BinOp.SHL, IrType.I8, 1, 9)).isEqualTo(2);
        assertThat(IrSemantics.binary(BinOp.LSHR, IrType.I8, -128, 7)).isEqualTo(1);
        assertThat(IrSemantics.binary(BinOp.ASHR, IrType.I8, -128, 7)).isEqualTo(-1);
        assertThat(IrSemantics.binary(BinOp.SHL, IrType.I32, 1, 32)).isEqualTo(1);
        assertThat(IrSemantics.binary(BinOp.LSHR, IrType.I64, -1, 63)).isEqualTo(1);
    }

    @Test
    void conversionsAndCompares() {
        assertThat(IrSemantics.convert(ConvOp.ZEXT, IrType.I8, IrType.I32, -1)).isEqualTo(255);
        assertThat(IrSemantics.convert(ConvOp.SEXT, IrType.I8, IrType.I64, -1)).isEqualTo(-1);
        assertThat(IrSemantics.convert(ConvOp.TRUNC, IrType.I32, IrType.I8, 0x1ff)).isEqualTo(-1);
        assertThat(IrSemantics.compare(Cond.ULT, IrType.I32, 1, -1)).isTrue();
        assertThat(IrSemantics.compare(Cond.SLT, IrType.I32, 1, -1)).isFalse();
        assertThat(Cond.SLT.negate()).isEqualTo(Cond.SGE);
        assertThat(new Imm(IrType.I8, 255)).isEqualTo(Imm.i8(-1));
    }
}
