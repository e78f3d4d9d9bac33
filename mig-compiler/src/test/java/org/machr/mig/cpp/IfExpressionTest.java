package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IfExpressionTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "#if {0} -> {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            1 + 2 * 3 == 7 => true
            (1 + 2) * 3 == 9 => true
            10 / 3 == 3 && 10 % 3 == 1 => true
            -7 / 2 == -3 && -7 % 2 == -1 => true
            1 << 4 == 16 && 256 >> 4 == 16 => true
            -1 >> 1 == -1 => true
            (3 & 6) == 2 && (3 | 6) == 7 => true
            (3 ^ 6) == 5 && ~0 == -1 => true
            !0 && !!5 == 1 => true
            1 < 2 && 2 <= 2 && 3 > 2 && 3 >= 3 => true
            1 != 1 => false
            0 || 0 => false
            1 ? 0 : 1 => false
            0 ? 1 : 2 == 2 => true
            (1, 0) => false
            -1 < 0 => true
            -1 < 0u => false
            0u - 1 == 18446744073709551615u => true
            0xffffffffffffffff > 0 => true
            0x7fffffffffffffff > 0 => true
            1 ? -1 : 0u => true
            (1 ? -1 : 0u) > 0 => true
            010 == 8 && 0x1F == 31 && 0b101 == 5 => true
            10u == 10 && 10UL == 10 && 10llu == 10 => true
            'a' == 97 && '\\0' == 0 && '\\n' == 10 => true
            '\\377' == -1 && '\\xff' < 0 => true
            'ab' == 24930 => true
            undefined_name == 0 => true
            defined(ONE) && defined ONE => true
            defined NOPE => false
            ONE + TWO == 3 => true
            0 && 1 / 0 => false
            1 || 1 % 0 => true
            0 ? 1 / 0 : 1 => true
            """)
    void evaluates(String expression, boolean expected) {
        CppTesting cpp = new CppTesting(dir)
                .file("t.defs", "#define ONE 1\n#define TWO 2\n#if " + expression + "\nyes\n#else\nno\n#endif\n");
        assertThat(cpp.tokens("t.defs")).isEqualTo(expected ? "yes\n" : "no\n");
        assertThat(cpp.diagnostics.all()).isEmpty();
    }
}
