package org.machr.link.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.LinkCode;
import org.machr.link.LinkedImage;
import org.machr.link.elf.ElfExecutableWriter;

/**
 * The x86_64 boot image: an ELF64 executable whose file layout matches memory and which carries a multiboot
 * v1 header with the address fields (link {@link MultibootHeader#object} first). {@code qemu-system-x86_64
 * -kernel} ignores the ELF headers of such a file and copies the raw bytes as the header's fields say
 * (boot.md); the entry runs in 32-bit protected mode. This writer checks what QEMU relies on: the header
 * starts before file offset 8144 on a 4-byte boundary, its checksum is right, flag 16 is set, and every
 * address field agrees with the layout.
 */
public final class MultibootImageWriter implements ImageWriter {

    /** QEMU looks for the header in the first 8192 bytes, and needs the 48 bytes of a full header there. */
    public static final int HEADER_LIMIT = 8144;

    @Override
    public Optional<byte[]> write(LinkedImage image, Diagnostics diagnostics) {
        if (image.arch() != Arch.X86_64) {
            diagnostics.error(LinkCode.IMAGE_LAYOUT, null, "a multiboot image needs an x86_64 link, not " + image.arch().cliName());
            return Optional.empty();
        }
        if (image.physicalDelta() != 0) {
            diagnostics.error(LinkCode.IMAGE_LAYOUT, null, "multiboot image: the link must be identity-mapped (physical base "
                    + "= base address): the header's address fields and the 32-bit entry use physical addresses");
            return Optional.empty();
        }
        byte[] file = ElfExecutableWriter.write(image);
        List<String> problems = check(file, image);
        for (String p : problems) diagnostics.error(LinkCode.IMAGE_LAYOUT, null, "multiboot image: " + p);
        return problems.isEmpty() ? Optional.of(file) : Optional.empty();
    }

    /** What is wrong with the multiboot header of {@code file}, linked as {@code image}. */
    static List<String> check(byte[] file, LinkedImage image) {
        List<String> problems = new ArrayList<>();
        int at = -1;
        for (int i = 0; i + 32 <= Math.min(file.length, HEADER_LIMIT + 32) && i < HEADER_LIMIT; i += 4) {
            if (MultibootHeader.getInt(file, i) == (MultibootHeader.MAGIC & 0xffffffffL)) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            problems.add("no header (magic 0x1badb002) in the first " + HEADER_LIMIT
                    + " bytes; link MultibootHeader.object(entry) as the first input");
            return problems;
        }
        long flags = MultibootHeader.getInt(file, at + 4);
        long sum = (MultibootHeader.getInt(file, at) + flags + MultibootHeader.getInt(file, at + 8)) & 0xffffffffL;
        if (sum != 0) problems.add("checksum does not make magic + flags + checksum zero");
        if ((flags & (1 << 16)) == 0) problems.add("flag 16 (address fields) is not set; QEMU refuses ELF64 without it");
        long headerAddress = image.start() + (at - ElfExecutableWriter.IMAGE_OFFSET);
        expect(problems, "header_addr", MultibootHeader.getInt(file, at + 12), headerAddress + image.physicalDelta());
        expect(problems, "load_addr", MultibootHeader.getInt(file, at + 16), image.start() + image.physicalDelta());
        expect(problems, "load_end_addr", MultibootHeader.getInt(file, at + 20), image.loadEnd() + image.physicalDelta());
        expect(problems, "bss_end_addr", MultibootHeader.getInt(file, at + 24), image.end() + image.physicalDelta());
        expect(problems, "entry_addr", MultibootHeader.getInt(file, at + 28), image.entry() + image.physicalDelta());
        return problems;
    }

    private static void expect(List<String> problems, String field, long actual, long expected) {
        if (actual != expected) {
            problems.add(String.format("%s is 0x%x but the layout needs 0x%x", field, actual, expected));
        }
    }
}
