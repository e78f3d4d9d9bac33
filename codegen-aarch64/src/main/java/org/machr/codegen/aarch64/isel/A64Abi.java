package org.machr.codegen.aarch64.isel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.codegen.aarch64.XReg;
import org.machr.codegen.common.regalloc.PReg;
import org.machr.codegen.common.regalloc.RegAllocConfig;
import org.machr.codegen.common.regalloc.RegClass;

/**
 * The AAPCS64 register conventions (Arm IHI 0055, §6.1.1) as the allocator sees them: x0–x7 arguments
 * and results, x9–x15 temporaries, x19–x28 callee-saved; x16/x17 (IP0/IP1) and x18 are the allocator's
 * scratch registers (we run bare metal, so x18 is not reserved by a platform); x29 is the frame pointer,
 * x30 the link register.
 */
final class A64Abi {

    private A64Abi() {}

    static final PReg[] X = new PReg[31];
    static {
        for (int i = 0; i < 31; i++) X[i] = new PReg(i, RegClass.INT, "x" + i);
    }

    static final int MAX_REG_ARGS = 8;

    /** Clobbered by a call: x0–x18 and x30. */
    static final Set<PReg> CALL_CLOBBERS;
    static final Set<PReg> CALLEE_SAVED;
    static final RegAllocConfig CONFIG;
    static {
        Set<PReg> clobbers = new HashSet<>();
        for (int i = 0; i <= 18; i++) clobbers.add(X[i]);
        clobbers.add(X[30]);
        CALL_CLOBBERS = Set.copyOf(clobbers);
        Set<PReg> saved = new HashSet<>();
        for (int i = 19; i <= 28; i++) saved.add(X[i]);
        CALLEE_SAVED = Set.copyOf(saved);
        List<PReg> allocatable = new ArrayList<>();
        for (int i = 0; i <= 15; i++) allocatable.add(X[i]);
        for (int i = 19; i <= 28; i++) allocatable.add(X[i]);
        CONFIG = new RegAllocConfig(Map.of(RegClass.INT, allocatable),
                Map.of(RegClass.INT, List.of(X[16], X[17], X[18])), CALLEE_SAVED, 8);
    }

    static XReg xreg(PReg p) {
        return XReg.values()[p.index()];
    }
}
