package org.machr.codegen.aarch64;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.ExternalReloc;
import org.machr.link.A64Reloc;
import org.machr.link.Relocation;

/** Converts what a {@link CodeBuffer} recorded into the linker's object model. */
public final class A64Objects {

    private A64Objects() {}

    /** The buffer's external relocations as {@link Relocation}s of {@code section}; kinds must be {@link A64Reloc}s. */
    public static List<Relocation> relocations(CodeBuffer buf, String section) {
        List<Relocation> out = new ArrayList<>();
        for (ExternalReloc r : buf.relocations()) {
            if (!(r.kind() instanceof A64Reloc kind)) {
                throw new IllegalArgumentException("not an AArch64 relocation kind: " + r.kind());
            }
            out.add(new Relocation(section, r.offset(), kind, r.symbol(), r.addend()));
        }
        return out;
    }
}
