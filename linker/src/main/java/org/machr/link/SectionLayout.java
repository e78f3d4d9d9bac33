package org.machr.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges input sections into output sections and gives every byte its address.
 *
 * <p>Output sections, in address order: {@code .text} (kind TEXT), {@code .rodata} (RODATA), {@code .data}
 * (DATA), {@code .bss} (BSS), then the boot stack {@code .stack}. Within one output section the inputs go
 * in command-line order, except that {@code .text.multiboot} comes first and {@code .text.boot*} next, so
 * that headers and entry code sit at the start of the image. Each input is aligned to its own alignment;
 * an output section is aligned to the largest alignment of its inputs and
 * {@link LinkOptions#sectionAlignment()}. Sections of kind OTHER are not
 * loaded. Empty output sections are left out of the image; their start/end symbols still get the address
 * where they would have been. Gaps between code inputs are filled with a trapping instruction: {@code int3}
 * (0xcc) on x86_64, and zeros on AArch64, which decode as {@code UDF #0} (Arm ARM C6.2.335).
 */
final class SectionLayout {

    /** One output section as it is being built. */
    static final class Output {
        final String name;
        final SectionKind kind;
        long address;
        long size;
        long alignment = 1;
        byte[] bytes;
        final List<LinkedImage.Placement> inputs = new ArrayList<>();

        Output(String name, SectionKind kind) {
            this.name = name;
            this.kind = kind;
        }

        LinkedImage.OutputSection freeze() {
            return new LinkedImage.OutputSection(name, kind, Section.defaultFlags(kind), address, alignment,
                    bytes, size, inputs);
        }
    }

    /** Where an input section went: its output section and its offset there. */
    record Slot(Output output, long offset) {
        long address() {
            return output.address + offset;
        }
    }

    private static final List<SectionKind> ORDER = List.of(SectionKind.TEXT, SectionKind.RODATA, SectionKind.DATA, SectionKind.BSS);

    final List<Output> outputs = new ArrayList<>();
    /** Key: object index, then section name. */
    final List<Map<String, Slot>> slots = new ArrayList<>();
    Output stack;

    static String outputName(SectionKind kind) {
        return switch (kind) {
            case TEXT -> ".text";
            case RODATA -> ".rodata";
            case DATA -> ".data";
            case BSS -> ".bss";
            case OTHER -> throw new IllegalArgumentException("OTHER sections are not loaded");
        };
    }

    static int priority(String inputName) {
        if (inputName.equals(".text.multiboot")) return 0;
        if (inputName.equals(".text.boot") || inputName.startsWith(".text.boot.")) return 1;
        return 2;
    }

    SectionLayout(List<ObjectFile> objects, LinkOptions options) {
        record Input(int object, int index, Section section) {}
        for (int i = 0; i < objects.size(); i++) slots.add(new HashMap<>());
        long cursor = options.baseAddress();
        for (SectionKind kind : ORDER) {
            List<Input> inputs = new ArrayList<>();
            for (int o = 0; o < objects.size(); o++) {
                List<Section> sections = objects.get(o).sections();
                for (int s = 0; s < sections.size(); s++) {
                    if (sections.get(s).kind() == kind) inputs.add(new Input(o, s, sections.get(s)));
                }
            }
            inputs.sort(Comparator.comparingInt((Input in) -> priority(in.section().name()))
                    .thenComparingInt(Input::object).thenComparingInt(Input::index));
            Output out = new Output(outputName(kind), kind);
            out.alignment = options.sectionAlignment();
            for (Input in : inputs) out.alignment = Math.max(out.alignment, in.section().alignment());
            out.address = alignUp(cursor, out.alignment);
            long offset = 0;
            for (Input in : inputs) {
                offset = alignUp(out.address + offset, in.section().alignment()) - out.address;
                slots.get(in.object()).put(in.section().name(), new Slot(out, offset));
                out.inputs.add(new LinkedImage.Placement(objects.get(in.object()).name(), in.section().name(),
                        out.address + offset, in.section().size()));
                offset += in.section().size();
            }
            out.size = offset;
            if (kind != SectionKind.BSS) {
                out.bytes = new byte[Math.toIntExact(out.size)];
                if (kind == SectionKind.TEXT) java.util.Arrays.fill(out.bytes, codePadding(options.arch()));
                for (Input in : inputs) {
                    Slot slot = slots.get(in.object()).get(in.section().name());
                    byte[] b = in.section().bytes();
                    System.arraycopy(b, 0, out.bytes, (int) slot.offset(), b.length);
                }
            }
            outputs.add(out);
            cursor = out.address + out.size;
        }
        if (options.stackSize() > 0) {
            stack = new Output(".stack", SectionKind.BSS);
            stack.alignment = Math.max(16, options.sectionAlignment());
            stack.address = alignUp(cursor, stack.alignment);
            stack.size = options.stackSize();
        }
    }

    Output output(SectionKind kind) {
        return outputs.get(ORDER.indexOf(kind));
    }

    /** The output sections that hold something, in address order. */
    List<LinkedImage.OutputSection> frozen() {
        List<LinkedImage.OutputSection> all = new ArrayList<>();
        for (Output o : outputs) if (o.size > 0) all.add(o.freeze());
        if (stack != null) all.add(stack.freeze());
        return all;
    }

    static byte codePadding(Arch arch) {
        return switch (arch) {
            case X86_64 -> (byte) 0xcc;
            case AARCH64 -> 0;
        };
    }

    static long alignUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }

    static Set<String> outputNames() {
        return Set.of(".text", ".rodata", ".data", ".bss", ".stack");
    }
}
