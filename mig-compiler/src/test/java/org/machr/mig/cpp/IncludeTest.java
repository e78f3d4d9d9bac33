package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {

    @TempDir
    Path dir;

    @Test
    void quotedIncludeLooksNextToTheIncluderFirst() {
        CppTesting cpp = new CppTesting(dir)
                .file("main.defs", "#include \"sub/a.defs\"\n")
                .file("sub/a.defs", "#include \"b.defs\"\n")
                .file("sub/b.defs", "from_sub\n")
                .file("inc/b.defs", "from_include_path\n")
                .include("inc");
        assertThat(cpp.tokens("main.defs")).isEqualTo("from_sub\n");
    }

    @Test
    void angledIncludeSearchesOnlyTheIncludePathInOrder() {
        CppTesting cpp = new CppTesting(dir)
                .file("main.defs", "#include <b.defs>\n")
                .file("b.defs", "next_to_main\n")
                .file("one/b.defs", "first\n")
                .file("two/b.defs", "second\n")
                .include("one").include("two");
        assertThat(cpp.tokens("main.defs")).isEqualTo("first\n");
    }

    @Test
    void markersNameFilesAsGnuCppDoesAndFilesAreReturned() {
        CppTesting cpp = new CppTesting(dir)
                .file("main.defs", "a\n#include <x.defs>\nb\n")
                .file("inc/x.defs", "x\n")
                .include("inc");
        PreprocessedSource out = cpp.run("main.defs").orElseThrow();
        String main = dir.resolve("main.defs").toString();
        String inc = dir.resolve("inc") + "/x.defs";
        assertThat(out.text()).isEqualTo("# 1 \"" + main + "\"\na\n# 1 \"" + inc + "\" 1\nx\n# 3 \"" + main + "\" 2\nb\n");
        assertThat(out.files()).containsOnlyKeys(main, inc);
        assertThat(out.files().get(inc).text()).isEqualTo("x\n");
    }

    @Test
    void computedIncludeIsMacroExpanded() {
        CppTesting cpp = new CppTesting(dir)
                .file("main.defs", "#define H <x.defs>\n#include H\n#define Q \"inc/x.defs\"\n#include Q\n")
                .file("inc/x.defs", "x\n")
                .include("inc");
        assertThat(cpp.tokens("main.defs")).isEqualTo("x\nx\n");
    }

    @Test
    void eightOrMoreBlankLinesBecomeAMarkerAsInGnuCpp() {
        CppTesting cpp = new CppTesting(dir).file("main.defs", "a\n" + "\n".repeat(8) + "b\n" + "\n".repeat(7) + "c\n");
        String main = dir.resolve("main.defs").toString();
        assertThat(cpp.run("main.defs").orElseThrow().text())
                .isEqualTo("# 1 \"" + main + "\"\na\n# 10 \"" + main + "\"\nb\n" + "\n".repeat(7) + "c\n");
    }

    @Test
    void lineDirectiveRenumbersAndRenames() {
        CppTesting cpp = new CppTesting(dir).file("main.defs", "#line 40 \"other.defs\"\nx __LINE__\n#line 7\ny __FILE__\n");
        assertThat(cpp.run("main.defs").orElseThrow().text())
                .endsWith("# 40 \"other.defs\"\nx 40\n# 7 \"other.defs\"\ny \"other.defs\"\n");
    }
}
