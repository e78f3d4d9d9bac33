package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CppDiagnosticsTest {

    @TempDir
    Path dir;

    @Test
    void codesAreDistinctAndNumberedInOrder() {
        Set<String> ids = Arrays.stream(CppCode.values()).map(CppCode::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(CppCode.values().length);
        for (CppCode c : CppCode.values()) assertThat(c.id()).isEqualTo(String.format("CPP%03d", c.ordinal() + 1));
    }

    @Test
    void errorIsRenderedWithFileLineColumnAndCaret() {
        CppTesting cpp = new CppTesting(dir).file("t.defs", "ok;\n#include <missing.defs>\n");
        assertThat(cpp.run("t.defs")).isEmpty();
        String rendered = cpp.diagnostics.renderAll().replace(dir + "/", "");
        assertThat(rendered).isEqualTo("""
                t.defs:2:10: error[CPP001]: missing.defs: No such file or directory
                 2 | #include <missing.defs>
                   |          ^~~~~~~~~~~~~~
                   = note: searched: no folders (give -I)
                1 error
                """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            "#include %nope.defs%" => "t.defs:1:10: error[CPP001]: nope.defs: No such file or directory"
            "#include nope" => "t.defs:1:10: error[CPP002]: #include expects %FILENAME% or <FILENAME>"
            "#define 3 x" => "t.defs:1:9: error[CPP005]: macro names must be identifiers"
            "#define f(a, a) a" => "t.defs:1:14: error[CPP005]: duplicate macro parameter %a%"
            "#define f(a) x|f(1, 2)" => "t.defs:2:1: error[CPP007]: macro %f% requires 1 argument, but 2 given"
            "#define f(a) x|f(1" => "t.defs:2:1: error[CPP008]: unterminated argument list invoking macro %f%"
            "#define s(a) #b" => "t.defs:1:14: error[CPP009]: '#' is not followed by a macro parameter"
            "#define p(a) ## a" => "t.defs:1:14: error[CPP010]: '##' cannot appear at either end of a macro expansion"
            "#define p(a, b) a ## b|p(+, -)" => "t.defs:2:6: error[CPP010]: pasting %+% and %-% does not give a valid preprocessing token"
            "#endif" => "t.defs:1:2: error[CPP011]: #endif without #if"
            "#if 1|#else|#else|#endif" => "t.defs:3:2: error[CPP011]: #else after #else"
            "#ifdef X|x" => "t.defs:1:2: error[CPP012]: unterminated #ifdef"
            "#if 1 +" => "t.defs:1:7: error[CPP013]: #if expression ends too early"
            "#if (1" => "t.defs:1:6: error[CPP013]: expected ')' in #if at end of line"
            "#if 1 2" => "t.defs:1:7: error[CPP013]: missing binary operator before token %2%"
            "#if 1.5" => "t.defs:1:5: error[CPP013]: floating constant in preprocessor expression"
            "#if 1 / 0" => "t.defs:1:7: error[CPP014]: division by zero in #if"
            "#error stop here now" => "t.defs:1:2: error[CPP015]: #error stop here now"
            "#warning careful" => "t.defs:1:2: warning[CPP016]: #warning careful"
            "#frobnicate" => "t.defs:1:2: error[CPP017]: invalid preprocessing directive #frobnicate"
            "#line x" => "t.defs:1:7: error[CPP018]: #line expects a positive decimal line number"
            "a /* never closed" => "t.defs:1:3: error[CPP019]: unterminated comment"
            "it's" => "t.defs:1:3: warning[CPP020]: missing terminating ' character"
            "#define A|#undef A B" => "t.defs:2:10: warning[CPP021]: extra tokens at end of #undef directive"
            "#pragma once" => "t.defs:1:2: warning[CPP023]: #pragma ignored"
            "#if 99999999999999999999" => "t.defs:1:5: warning[CPP024]: integer constant is too large for its type"
            "#define A 1|#define A 2" => "t.defs:2:9: warning[CPP006]: %A% redefined"
            """)
    void reportsAtTheFaultyToken(String source, String expected) {
        // in the table, | stands for a line break and % for a double quote
        CppTesting cpp = new CppTesting(dir).file("t.defs", source.replace('|', '\n').replace('%', '"') + "\n");
        cpp.run("t.defs");
        assertThat(cpp.headlines()).startsWith(expected.replace('%', '"') + "\n");
    }

    @Test
    void includeCycleStopsAtTheDepthLimit() {
        CppTesting cpp = new CppTesting(dir).file("t.defs", "#include \"t.defs\"\n");
        assertThat(cpp.run("t.defs")).isEmpty();
        assertThat(cpp.headlines()).contains("error[CPP003]: #include nested depth 200 exceeds maximum of 200");
    }

    @Test
    void badCommandLineOptionIsReported() {
        CppTesting cpp = new CppTesting(dir).file("t.defs", "x\n").define("-Xfoo").define("-D3=4");
        assertThat(cpp.run("t.defs")).isEmpty();
        assertThat(cpp.headlines()).isEqualTo("""
                error[CPP022]: bad macro option "-Xfoo": expected -DNAME, -DNAME=VALUE or -UNAME
                <command-line>:1:9: error[CPP005]: macro names must be identifiers
                """);
    }

    @Test
    void missingMainFileIsReported() {
        CppTesting cpp = new CppTesting(dir);
        assertThat(cpp.run("absent.defs")).isEmpty();
        assertThat(cpp.headlines()).startsWith("error[CPP004]: ").contains("absent.defs: cannot read");
    }

    @Test
    void warningsDoNotStopTheOutput() {
        CppTesting cpp = new CppTesting(dir).file("t.defs", "#warning w\nx\n");
        assertThat(cpp.run("t.defs")).isPresent();
        assertThat(cpp.diagnostics.hasErrors()).isFalse();
    }
}
