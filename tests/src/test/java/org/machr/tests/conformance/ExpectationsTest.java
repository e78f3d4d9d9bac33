package org.machr.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExpectationsTest {

    @Test
    void collectsLinesPanicAndStatus() {
        Expectations e = Expectations.parse("p.kd", """
                fn main() -> i32 {
                    f(); // expect: one
                    // expect: two  spaces
                    g(); // expect panic: boom
                }
                """);
        assertThat(e.console()).isEqualTo("one\ntwo  spaces\npanic: boom at p.kd:4\n");
        assertThat(e.status()).isEqualTo(101);
    }

    @Test
    void exitStatusDefaultsToZero() {
        assertThat(Expectations.parse("q.kd", "// expect: x\n").status()).isZero();
        assertThat(Expectations.parse("q.kd", "// expect exit: 3\n")).isEqualTo(new Expectations("", 3));
    }
}
