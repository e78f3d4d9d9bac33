package org.machr.codegen.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegClass;
import org.machr.codegen.common.regalloc.SpillSlot;
import org.junit.jupiter.api.Test;

class FrameLayoutTest {

    private static final PReg X19 = new PReg(19, RegClass.INT, "x19");
    private static final PReg X20 = new PReg(20, RegClass.INT, "x20");
    private static final PReg X21 = new PReg(21, RegClass.INT, "x21");

    @Test
    void areasAreAlignedAndTheFrameRecordIsOnTop() {
        // 8 bytes of outgoing args, 12 bytes of locals aligned to 8, 3 spill slots, 3 saved registers, FP/LR.
        FrameLayout f = FrameLayout.compute(8, 12, 8, 3, 8, List.of(X19, X20, X21), 8, 16, 16);
        assertThat(f.localsOffset()).isEqualTo(8);
        assertThat(f.spillOffset()).isEqualTo(24);
        assertThat(f.offsetOf(new SpillSlot(2, RegClass.INT))).isEqualTo(40);
        // saves start at 48 (+ padding shift) and the record sits at the very top of the 16-aligned frame
        assertThat(f.frameSize()).isEqualTo(96);
        assertThat(f.frameRecordOffset()).isEqualTo(80);
        assertThat(f.saveOffsetOf(X21)).isEqualTo(f.calleeSavedOffset() + 16);
        assertThat(f.calleeSavedOffset() + 24).isLessThanOrEqualTo(f.frameRecordOffset());
        assertThat(f.calleeSavedOffset()).isGreaterThanOrEqualTo(48);
    }

    @Test
    void emptyFrameIsEmpty() {
        FrameLayout f = FrameLayout.compute(0, 0, 1, 0, 8, List.of(), 8, 0, 16);
        assertThat(f.frameSize()).isZero();
    }
}
