package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MacroExpansionTest {

    @TempDir
    Path dir;

    private String expand(String source) {
        return new CppTesting(dir).file("t.defs", source).tokens("t.defs");
    }

    @Test
    void objectLikeMacroIsRescanned() {
        assertThat(expand("#define A B + 1\n#define B 2\nA\n")).isEqualTo("2 + 1\n");
    }

    @Test
    void selfReferenceIsNotExpandedAgain() {
        assertThat(expand("#define x (4 + x)\n#define p q\n#define q p\nx p q\n")).isEqualTo("(4 + x) p q\n");
    }

    @Test
    void functionLikeMacroSubstitutesPreExpandedArguments() {
        assertThat(expand("#define ONE 1\n#define twice(a) a a\ntwice(ONE)\n")).isEqualTo("1 1\n");
    }

    @Test
    void functionLikeNameWithoutParenthesisStaysAsIs() {
        assertThat(expand("#define f(a) [a]\nf + f(1)\n")).isEqualTo("f + [1]\n");
    }

    @Test
    void stringifyEscapesQuotesAndBackslashes() {
        assertThat(expand("#define s(x) #x\ns(  a   \"b\\n\"  'c' )\n")).isEqualTo("\"a \\\"b\\\\n\\\" 'c'\"\n");
    }

    @Test
    void pasteJoinsTokensAndUsesUnexpandedArguments() {
        assertThat(expand("#define ONE 1\n#define cat(a, b) a ## b\ncat(ONE, 2) cat(MACH_, ONE) cat(, x)\n"))
                .isEqualTo("ONE2 MACH_ONE x\n");
    }

    @Test
    void standardExampleThree() {
        // C11 6.10.3.5 EXAMPLE 3, first line
        assertThat(expand("""
                #define x 3
                #define f(a) f(x * (a))
                #undef x
                #define x 2
                #define g f
                #define z z[0]
                f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
                """)).isEqualTo("f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % t(t(g)(0) + t)(1);\n".replace("t(t(g)(0) + t)(1)", "t(t(f)(0) + t)(1)"));
    }

    @Test
    void variadicMacrosAndGnuCommaElision() {
        assertThat(expand("#define v(f, ...) f(__VA_ARGS__)\n#define e(f, ...) f , ## __VA_ARGS__ .\nv(a, 1, 2) e(b) e(c, 3)\n"))
                .isEqualTo("a(1, 2) b . c , 3 .\n");
    }

    @Test
    void argumentsMaySpanLinesAndExpansionStaysOnTheInvocationLine() {
        String out = new CppTesting(dir).file("t.defs", "#define m(a, b) [a b]\nm(1,\n  2) next\nlast\n")
                .run("t.defs").orElseThrow().text();
        assertThat(out).isEqualTo("# 1 \"" + dir.resolve("t.defs") + "\"\n\n[1 2]\n     next\nlast\n");
    }

    @Test
    void expansionIsSpacedSoTokensDoNotGlue() {
        assertThat(expand("#define plus +\n#define neg(x) -x\n+plus neg(-1) a/**/b\n")).isEqualTo("+ + - -1 a b\n");
    }

    @Test
    void builtInFileAndLine() {
        String out = expand("\n__LINE__\n#define L __LINE__\nL __FILE__\n");
        assertThat(out).isEqualTo("2\n4 \"" + dir.resolve("t.defs") + "\"\n");
    }

    @Test
    void undefRemovesAndCommandLineDefinesInOrder() {
        CppTesting cpp = new CppTesting(dir).file("t.defs", "A B C\n#undef A\nA\n")
                .define("-DA").define("-DB=two words").define("-DC=x").define("-UC");
        assertThat(cpp.tokens("t.defs")).isEqualTo("1 two words C\nA\n");
    }

    @Test
    void emptyMacroLeavesASpace() {
        assertThat(expand("#define E\na E b aE\n")).isEqualTo("a b aE\n");
    }
}
