package org.machr.link;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The symbols the linker defines when no input does (like a linker script's {@code PROVIDE}):
 * <ul>
 *   <li>{@code __image_start}: the first byte of the image (the base address);</li>
 *   <li>{@code __text_start}/{@code __text_end}, {@code __rodata_start}/{@code __rodata_end},
 *       {@code __data_start}/{@code __data_end}, {@code __bss_start}/{@code __bss_end}: the bounds of each
 *       output section (the code that zeroes {@code .bss} uses the last pair);</li>
 *   <li>{@code __load_end}: the end of the bytes loaded from the file (multiboot {@code load_end_addr});</li>
 *   <li>{@code __stack_bottom}/{@code __stack_top}: the boot stack, 16-byte aligned, after {@code .bss};</li>
 *   <li>{@code __image_end}: the end of everything, stack included (multiboot {@code bss_end_addr}).</li>
 * </ul>
 */
final class LinkerSymbols {

    private LinkerSymbols() {}

    static Map<String, Long> define(SectionLayout layout, LinkOptions options, Predicate<String> definedByInput) {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("__image_start", options.baseAddress());
        long loadEnd = options.baseAddress();
        for (SectionLayout.Output o : layout.outputs) {
            String base = o.name.substring(1);
            all.put("__" + base + "_start", o.address);
            all.put("__" + base + "_end", o.address + o.size);
            if (o.kind != SectionKind.BSS && o.size > 0) loadEnd = o.address + o.size;
        }
        all.put("__load_end", loadEnd);
        SectionLayout.Output bss = layout.output(SectionKind.BSS);
        long end = bss.address + bss.size;
        if (layout.stack != null) {
            all.put("__stack_bottom", layout.stack.address);
            all.put("__stack_top", layout.stack.address + layout.stack.size);
            end = layout.stack.address + layout.stack.size;
        }
        all.put("__image_end", end);
        all.keySet().removeIf(definedByInput);
        return all;
    }
}
