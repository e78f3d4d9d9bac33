package org.machr.codegen.x86_64;

import java.util.Locale;

/** The control registers the kernel uses (Intel SDM Vol. 3A §2.5 "Control Registers"). */
public enum ControlReg implements Reg {
    CR0(0), CR2(2), CR3(3), CR4(4), CR8(8);

    private final int number;

    ControlReg(int number) {
        this.number = number;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String asmName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
