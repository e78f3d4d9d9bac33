package org.machr.kd;

import org.machr.diag.DiagnosticCode;
import org.machr.diag.Severity;

/** Every diagnostic code of the .kd language; each is documented in docs/language.md §13. */
public enum KdCode implements DiagnosticCode {
    KD0001, KD0002, KD0003, KD0004, KD0005, KD0006, KD0007, KD0010,
    KD0100, KD0101, KD0102, KD0103, KD0104, KD0105, KD0106, KD0107, KD0108, KD0109, KD0110, KD0111,
    KD0200, KD0201, KD0202, KD0203, KD0204, KD0205, KD0206, KD0207, KD0208, KD0209,
    KD0210, KD0211, KD0212, KD0213, KD0214, KD0215, KD0216, KD0217, KD0218, KD0219,
    KD0220, KD0221, KD0222, KD0223, KD0224, KD0225, KD0226, KD0227, KD0228, KD0229, KD0230, KD0231,
    KD0300, KD0301(Severity.WARNING),
    KD0400, KD0401, KD0402, KD0403, KD0404,
    KD0450, KD0451,
    KD0500, KD0502, KD0503, KD0504, KD0505, KD0506, KD0507, KD0508, KD0509, KD0510, KD0511, KD0512, KD0513,
    KD0600;

    private final Severity severity;

    KdCode() {
        this(Severity.ERROR);
    }

    KdCode(Severity severity) {
        this.severity = severity;
    }

    @Override
    public String id() {
        return name();
    }

    @Override
    public Severity severity() {
        return severity;
    }
}
