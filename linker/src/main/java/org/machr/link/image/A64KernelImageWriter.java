package org.machr.link.image;

import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.LinkCode;
import org.machr.link.LinkedImage;
import org.machr.link.elf.ElfExecutableWriter;

/**
 * The AArch64 boot image: an ELF64 executable for {@code qemu-system-aarch64 -M virt -kernel} (boot.md).
 * QEMU loads each PT_LOAD at its physical address and starts at {@code e_entry} at EL1. The image must lie
 * in RAM (from 0x4000_0000) and start at or above 0x4010_0000, so that QEMU places the device tree at
 * 0x4000_0000; a segment outside RAM would silently not be loaded.
 */
public final class A64KernelImageWriter implements ImageWriter {

    public static final long RAM_START = 0x4000_0000L;
    public static final long LOWEST_LOAD = 0x4010_0000L;

    @Override
    public Optional<byte[]> write(LinkedImage image, Diagnostics diagnostics) {
        if (image.arch() != Arch.AARCH64) {
            diagnostics.error(LinkCode.IMAGE_LAYOUT, null, "the AArch64 kernel image needs an aarch64 link, not " + image.arch().cliName());
            return Optional.empty();
        }
        long physicalStart = image.start() + image.physicalDelta();
        if (physicalStart < LOWEST_LOAD) {
            diagnostics.error(LinkCode.IMAGE_LAYOUT, null, String.format(
                    "image loads at physical 0x%x, below 0x%x: QEMU virt would not place its device tree at 0x%x"
                            + " (RAM starts at 0x%x)", physicalStart, LOWEST_LOAD, RAM_START, RAM_START));
            return Optional.empty();
        }
        return Optional.of(ElfExecutableWriter.write(image));
    }
}
