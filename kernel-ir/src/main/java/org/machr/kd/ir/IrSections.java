package org.machr.kd.ir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object section each function and global goes to in a native object: the one {@code #[section]}
 * named, else {@code .text}, {@code .data}, {@code .rodata} or {@code .bss} by its kind. A section
 * holds one kind of contents.
 */
public final class IrSections {

    private IrSections() {}

    /** What a section holds; it decides the section's flags (code, read-only, writable, zero-filled). */
    public enum Kind { CODE, DATA, RODATA, BSS }

    public static String of(IrFunction f) {
        return f.section() != null ? f.section() : ".text";
    }

    public static String of(IrGlobal g) {
        return g.sectionName() != null ? g.sectionName() : defaultName(g.section());
    }

    public static String defaultName(IrGlobal.Section kind) {
        return switch (kind) {
            case DATA -> ".data";
            case RODATA -> ".rodata";
            case BSS -> ".bss";
        };
    }

    public static Kind kind(IrGlobal g) {
        return switch (g.section()) {
            case DATA -> Kind.DATA;
            case RODATA -> Kind.RODATA;
            case BSS -> Kind.BSS;
        };
    }

    /** A name an ELF object and the assemblers' {@code .section} directive take: printable, no blank or quote. */
    public static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != ',');
    }

    /** Bad names, and sections that would hold two kinds of contents. */
    public static List<String> problems(IrProgram program) {
        List<String> out = new ArrayList<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        Map<String, String> firstUser = new LinkedHashMap<>();
        for (IrFunction f : program.functions()) use(of(f), Kind.CODE, "fn @" + f.name(), kinds, firstUser, out);
        for (IrGlobal g : program.globals()) use(of(g), kind(g), "global @" + g.name(), kinds, firstUser, out);
        return out;
    }

    private static void use(String section, Kind kind, String user, Map<String, Kind> kinds, Map<String, String> firstUser,
                            List<String> out) {
        if (!validName(section)) {
            out.add(user + ": bad section name \"" + section + "\"");
            return;
        }
        Kind before = kinds.putIfAbsent(section, kind);
        firstUser.putIfAbsent(section, user);
        if (before != null && before != kind) {
            out.add(user + ": section " + section + " holds " + name(before) + " (" + firstUser.get(section) + "), not "
                    + name(kind));
        }
    }

    static String name(Kind k) {
        return switch (k) {
            case CODE -> "code";
            case DATA -> "initialised data";
            case RODATA -> "read-only data";
            case BSS -> "zero-initialised data";
        };
    }
}
