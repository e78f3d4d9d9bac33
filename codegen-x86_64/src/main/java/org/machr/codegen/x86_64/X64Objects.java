package org.machr.codegen.x86_64;

import java.util.ArrayList;
import java.util.List;
import org.machr.codegen.common.CodeBuffer;
import org.machr.codegen.common.ExternalReloc;
import org.machr.link.Relocation;
import org.machr.link.X64Reloc;

/** Converts what a {@link CodeBuffer} recorded through {@link X64Emitter} into the linker's object model. */
public final class X64Objects {

    private X64Objects() {}

    /** The buffer's external relocations as {@link Relocation}s of {@code section}; kinds must be {@link X64Reloc}s. */
    public static List<Relocation> relocations(CodeBuffer buf, String section) {
        List<Relocation> out = new ArrayList<>();
        for (ExternalReloc r : buf.relocations()) {
            if (!(r.kind() instanceof X64Reloc kind)) {
                throw new IllegalArgumentException("not an x86_64 relocation kind: " + r.kind());
            }
            out.add(new Relocation(section, r.offset(), kind, r.symbol(), r.addend()));
        }
        return out;
    }
}
