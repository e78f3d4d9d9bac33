package org.machr.codegen.aarch64;

/** An extended-register operand's extension and left shift 0..4 (Arm ARM C6.2.4, "imm3"). */
public record Extend(ExtendType type, int amount) {
    public Extend {
        InvalidOperandException.check(amount >= 0 && amount <= 4, "extend shift " + amount + " is not in 0..4");
    }
}
