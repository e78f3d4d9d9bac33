package org.machr.codegen.x86_64;

import java.util.Locale;

/**
 * The segment registers, numbered as in ModRM.reg of MOV Sreg (Intel SDM Vol. 2B "MOV",
 * Sreg codes), with the segment-override prefix of each (Vol. 2A §2.1.1, group 2 prefixes).
 */
public enum SegReg implements Reg {
    ES(0, 0x26), CS(1, 0x2E), SS(2, 0x36), DS(3, 0x3E), FS(4, 0x64), GS(5, 0x65);

    private final int number;
    private final int overridePrefix;

    SegReg(int number, int overridePrefix) {
        this.number = number;
        this.overridePrefix = overridePrefix;
    }

    @Override
    public int number() {
        return number;
    }

    /** The segment-override prefix byte. */
    public int overridePrefix() {
        return overridePrefix;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
