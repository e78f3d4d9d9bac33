package org.machr.codegen.aarch64.asm;

import java.util.EnumSet;
import java.util.Set;
import org.machr.codegen.common.CodeBuffer;
import org.machr.diag.Diagnostics;
import org.machr.link.SectionFlag;
import org.machr.link.SectionKind;

/** A section being assembled: its bytes (or, for nobits, a size), flags and alignment. */
final class AsmSection {
    final String name;
    final Set<SectionFlag> flags;
    final boolean nobits;
    final CodeBuffer code;
    long bssSize;
    long alignment = 1;

    AsmSection(String name, Set<SectionFlag> flags, boolean nobits, Diagnostics diags) {
        this.name = name;
        this.flags = flags.isEmpty() ? EnumSet.noneOf(SectionFlag.class) : EnumSet.copyOf(flags);
        this.nobits = nobits;
        this.code = new CodeBuffer(diags);
    }

    long size() {
        return nobits ? bssSize : code.size();
    }

    boolean executable() {
        return flags.contains(SectionFlag.EXECUTE);
    }

    SectionKind kind() {
        if (nobits) return SectionKind.BSS;
        if (flags.contains(SectionFlag.EXECUTE)) return SectionKind.TEXT;
        if (flags.contains(SectionFlag.WRITE)) return SectionKind.DATA;
        if (flags.contains(SectionFlag.ALLOC)) return SectionKind.RODATA;
        return SectionKind.OTHER;
    }

    /** The default flags and type of a section known by name (.text, .data.foo, .bss, .rodata…). */
    static AsmSection standard(String name, Diagnostics diags) {
        String n = name;
        if (n.equals(".text") || n.startsWith(".text.")) return new AsmSection(name, EnumSet.of(SectionFlag.ALLOC, SectionFlag.EXECUTE), false, diags);
        if (n.equals(".bss") || n.startsWith(".bss.") || n.equals(".tbss")) return new AsmSection(name, EnumSet.of(SectionFlag.ALLOC, SectionFlag.WRITE), true, diags);
        if (n.equals(".data") || n.startsWith(".data.")) return new AsmSection(name, EnumSet.of(SectionFlag.ALLOC, SectionFlag.WRITE), false, diags);
        if (n.equals(".rodata") || n.startsWith(".rodata.")) return new AsmSection(name, EnumSet.of(SectionFlag.ALLOC), false, diags);
        return null;
    }
}
