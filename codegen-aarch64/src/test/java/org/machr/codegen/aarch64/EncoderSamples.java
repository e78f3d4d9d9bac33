package org.machr.codegen.aarch64;

import java.util.List;

/** Public access to the generated instruction samples for tests in sub-packages. */
public final class EncoderSamples {

    private EncoderSamples() {}

    public static List<A64Insn> sample(int n) {
        return EncoderDifferentialTest.sample(n);
    }
}
