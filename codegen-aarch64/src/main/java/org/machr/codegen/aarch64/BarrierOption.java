package org.machr.codegen.aarch64;

import java.util.Locale;
import java.util.Optional;

/** The CRm option of DMB and DSB (Arm ARM C6.2 "DMB", table of <option> values). */
public enum BarrierOption {
    OSHLD(1), OSHST(2), OSH(3), NSHLD(5), NSHST(6), NSH(7), ISHLD(9), ISHST(10), ISH(11), LD(13), ST(14), SY(15);

    public final int crm;

    BarrierOption(int crm) {
        this.crm = crm;
    }

    public static Optional<BarrierOption> byName(String name) {
        for (BarrierOption b : values()) if (b.name().equalsIgnoreCase(name)) return Optional.of(b);
        return Optional.empty();
    }

    public static Optional<BarrierOption> byCrm(int crm) {
        for (BarrierOption b : values()) if (b.crm == crm) return Optional.of(b);
        return Optional.empty();
    }

    public String asmName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
