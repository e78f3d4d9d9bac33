package org.machr.mig.cpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorBasicsTest {

    @TempDir
    Path dir;

    @Test
    void objectMacrosConditionalsAndIncludes() {
        CppTesting cpp = new CppTesting(dir)
                .file("inc/types.defs", "type int32 = MACH_MSG_TYPE_INTEGER_32;\n")
                .file("main.defs", """
                        #define BASE 3200
                        subsystem demo BASE;
                        #include <types.defs>
                        #ifdef KERNEL_SERVER
                        serverprefix S_;
                        #else
                        userprefix U_;
                        #endif
                        """)
                .include("inc");
        assertThat(cpp.tokens("main.defs")).isEqualTo("""
                subsystem demo 3200;
                type int32 = MACH_MSG_TYPE_INTEGER_32;
                userprefix U_;
                """);
    }

    @Test
    void commandLineMacroSelectsGroup() {
        CppTesting cpp = new CppTesting(dir)
                .file("main.defs", "#ifdef KERNEL_SERVER\nserverprefix S_;\n#else\nuserprefix U_;\n#endif\n")
                .define("-DKERNEL_SERVER");
        assertThat(cpp.tokens("main.defs")).isEqualTo("serverprefix S_;\n");
    }
}
