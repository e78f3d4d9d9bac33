package org.machr.kd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.machr.diag.Diagnostics;
import org.machr.kd.check.Semantics;
import org.machr.kd.check.Type;
import org.machr.kd.sys.SystemModel;

/** The description part becomes the records of {@link SystemModel} (docs/language.md §12). */
class SystemModelTest {

    @Test
    void trapsInterfacesAndSystemsAreModelled() {
        Path root = Path.of("src/test/resources/check/src");
        Diagnostics d = new Diagnostics();
        Semantics sem = KdFrontEnd.check(List.of(root), root.resolve("system.kd"), Target.AARCH64, d).orElseThrow(
                () -> new AssertionError(d.renderAll()));
        SystemModel model = sem.systemModel();

        assertThat(model.traps()).containsExactly(
                new SystemModel.Trap(-26, "mach_reply_port", List.of(), Type.U32, "ipc.traps.mach_reply_port"),
                new SystemModel.Trap(-25, "mach_msg_trap", List.of(new SystemModel.Param("msg", Type.USIZE),
                        new SystemModel.Param("option", Type.U32)), Type.U32, "ipc.traps.mach_msg_trap"));
        assertThat(model.interfaces()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("mach_port");
            assertThat(i.server()).isEqualTo("kernel");
            assertThat(i.defs().toString()).endsWith("servers/mach_port.defs");
        });

        SystemModel.SystemDesc s = model.systems().get(0);
        assertThat(s.name()).isEqualTo("default");
        SystemModel.Board virt = s.board("aarch64").orElseThrow();
        assertThat(virt.ram()).containsExactly(new SystemModel.MemoryRange("ram", 0x4000_0000L, 256L << 20));
        assertThat(virt.devices()).extracting(SystemModel.Device::role, SystemModel.Device::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("uart", "pl011"),
                        org.assertj.core.groups.Tuple.tuple("irq", "gicv2"),
                        org.assertj.core.groups.Tuple.tuple("timer", "generic"));
        assertThat(virt.devices().get(1).mmio()).contains(new SystemModel.MemoryRange("irq", 0x0800_0000L, 0x2_0000L));
        SystemModel.Board pc = s.board("x86_64").orElseThrow();
        assertThat(pc.devices().get(0).port()).contains(0x3f8);
        assertThat(s.kernel().orElseThrow().toString()).endsWith("servers/kernel.kd");
        assertThat(s.tasks()).extracting(SystemModel.Task::name, SystemModel.Task::priority)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("init", 20), org.assertj.core.groups.Tuple.tuple("names", 18));
        assertThat(s.tasks().get(0).rights()).containsExactly(new SystemModel.Right("bootstrap", "send", "names"),
                new SystemModel.Right("host", "send", "kernel"));
        assertThat(s.tasks().get(0).program().toString()).endsWith("servers/init.kd");
    }
}
