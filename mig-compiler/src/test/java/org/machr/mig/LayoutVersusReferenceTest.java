package org.machr.mig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.machr.diag.Diagnostics;
import org.machr.mig.layout.Abi;
import org.machr.mig.layout.Item;
import org.machr.mig.layout.MessageLayout;
import org.machr.mig.layout.Side;
import org.machr.mig.layout.TypeDescriptor;
import org.machr.mig.model.Interface;
import org.machr.mig.model.Routine;

/**
 * The layout engine against the facts in GNU MIG's output: every type descriptor constant it writes
 * (sent descriptors {@code xType}, checked ones {@code xCheck}, on both sides) and the size of every
 * fixed-size request, for every routine of the corpus in every variant.
 */
@Execution(ExecutionMode.CONCURRENT)
class LayoutVersusReferenceTest {

    private static final String FIELD = "\\s*/\\* %s = \\*/\\s*(?:\\(unsigned (?:char|short)\\) )?([\\w-]+),";
    private static final Pattern SHORT = Pattern.compile("const mach_msg_type_t (\\w+) = \\{"
            + FIELD.formatted("msgt_name") + FIELD.formatted("msgt_size") + FIELD.formatted("msgt_number")
            + FIELD.formatted("msgt_inline") + FIELD.formatted("msgt_longform") + FIELD.formatted("msgt_deallocate"));
    private static final Pattern LONG = Pattern.compile("const mach_msg_type_long_t (\\w+) = \\{\\s*\\{"
            + FIELD.formatted("msgt_name") + FIELD.formatted("msgt_size") + FIELD.formatted("msgt_number")
            + FIELD.formatted("msgt_inline") + FIELD.formatted("msgt_longform") + FIELD.formatted("msgt_deallocate")
            + "[^}]*\\}," + FIELD.formatted("msgtl_name") + FIELD.formatted("msgtl_size")
            + FIELD.formatted("msgtl_number"));
    private static final Pattern ROUTINE = Pattern.compile("^/\\* (?:Simple)?Routine (\\w+) \\*/$", Pattern.MULTILINE);
    private static final Pattern REQUEST_SIZE = Pattern.compile("sizeof\\(Request\\) == (\\d+)");

    /**
     * Routines whose reference descriptors carry GNU MIG's {@code struct {…}} size bug (members summed
     * without C alignment: time_value_t counted as 12 bytes instead of 16); see docs/mig.md.
     */
    private static final java.util.Set<String> REFERENCE_STRUCT_BUG = java.util.Set.of("host_set_time",
            "host_adjust_time", "host_get_time", "mach_vm_region_info", "mach_vm_object_info",
            "mach_vm_object_pages", "host_slab_info");

    static Stream<Reference.Case> cases() {
        return CBackendCorpusTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void descriptorsAndSizesEqualReference(Reference.Case c) {
        List<String> flags = List.of("-user", "user.c", "-server", "server.c", "-header", "user.h", "-sheader", "server.h");
        Reference.Result ref = Reference.migcom(c, "c", flags);
        assumeTrue(ref.exitCode() == 0, "reference rejects " + c);
        Diagnostics diagnostics = new Diagnostics();
        Interface iface = MigFrontEnd.analyse(Reference.preprocess(c), c.file().toString(), Map.of(), diagnostics)
                .orElseThrow();
        Map<String, String> userBlocks = blocks(ref.file("user.c")), serverBlocks = blocks(ref.file("server.c"));
        int compared = 0;
        for (Routine r : iface.routines()) {
            MessageLayout userRequest = MessageLayout.request(r, iface.subsystem(), Side.USER, Abi.GNU_MACH_X86_64);
            MessageLayout serverRequest = MessageLayout.request(r, iface.subsystem(), Side.SERVER, Abi.GNU_MACH_X86_64);
            Map<String, TypeDescriptor> user = new HashMap<>(), server = new HashMap<>();
            for (Item i : userRequest.items()) user.put(i.field() + "Type", i.descriptor());
            for (Item i : serverRequest.items()) server.put(i.field() + "Check", i.check());
            if (!r.simple()) {
                for (Item i : MessageLayout.reply(r, iface.subsystem(), Side.USER, Abi.GNU_MACH_X86_64).items()) {
                    user.put(i.field() + "Check", i.check());
                }
                for (Item i : MessageLayout.reply(r, iface.subsystem(), Side.SERVER, Abi.GNU_MACH_X86_64).items()) {
                    server.put(i.field() + "Type", i.descriptor());
                }
            }
            if (REFERENCE_STRUCT_BUG.contains(r.name())) continue;
            compared += compare(c, r, userBlocks.get(r.name()), user);
            compared += compare(c, r, serverBlocks.get(r.name()), server);
            Matcher size = REQUEST_SIZE.matcher(userBlocks.get(r.name()));
            if (size.find() && !userRequest.isVariable()) {
                assertThat(userRequest.fixedBytes()).as("%s %s request size", c, r.name())
                        .isEqualTo(Integer.parseInt(size.group(1)));
            }
        }
        assertThat(compared).as("descriptors compared").isPositive();
    }

    private static int compare(Reference.Case c, Routine r, String block, Map<String, TypeDescriptor> ours) {
        assertThat(block).as("%s: reference has routine %s", c, r.name()).isNotNull();
        int n = 0;
        for (Pattern p : List.of(SHORT, LONG)) {
            Matcher m = p.matcher(block);
            while (m.find()) {
                String name = m.group(1);
                if (name.equals("RetCodeType")) continue;
                TypeDescriptor d = ours.get(name);
                assertThat(d).as("%s %s: our layout has %s", c, r.name(), name).isNotNull();
                boolean isLong = p == LONG;
                String expected = (isLong ? m.group(8) : m.group(2)) + " size=" + (isLong ? m.group(9) : m.group(3))
                        + " number=" + (isLong ? m.group(10) : m.group(4)) + " inline=" + m.group(5) + " long="
                        + m.group(6) + " dealloc=" + m.group(7);
                assertThat(describe(d)).as("%s %s %s", c, r.name(), name).isEqualTo(expected);
                n++;
            }
        }
        return n;
    }

    private static String describe(TypeDescriptor d) {
        return d.name().spelling() + " size=" + d.bits() + " number=" + d.number() + " inline="
                + (d.inLine() ? "TRUE" : "FALSE") + " long=" + (d.longForm() ? "TRUE" : "FALSE") + " dealloc="
                + (d.deallocate() ? "TRUE" : "FALSE");
    }

    /** Each routine's text in a generated file, by routine name. */
    static Map<String, String> blocks(String file) {
        Map<String, String> out = new HashMap<>();
        if (file == null) return out;
        Matcher m = ROUTINE.matcher(file);
        int start = -1;
        String name = null;
        while (m.find()) {
            if (name != null) out.put(name, file.substring(start, m.start()));
            name = m.group(1);
            start = m.start();
        }
        if (name != null) out.put(name, file.substring(start));
        return out;
    }
}
