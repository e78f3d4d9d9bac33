package org.machr.link.image;

import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.link.Arch;
import org.machr.link.LinkedImage;

/** Turns a linked image into the file a target boots, checking the target's loader constraints. */
public sealed interface ImageWriter permits A64KernelImageWriter, MultibootImageWriter {

    /** The file bytes, or empty when a constraint is violated (reported as LNK0016). */
    Optional<byte[]> write(LinkedImage image, Diagnostics diagnostics);

    /** The boot image writer of {@code arch}. */
    static ImageWriter forArch(Arch arch) {
        return switch (arch) {
            case AARCH64 -> new A64KernelImageWriter();
            case X86_64 -> new MultibootImageWriter();
        };
    }
}
