package org.machr.codegen.aarch64.asm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.machr.link.SectionFlag;
import org.machr.link.Symbol;

/**
 * The assembler directives: sections ({@code .text .data .bss .rodata .section name, "flags", @type}),
 * symbols ({@code .global .globl .local .weak .type .size .equ .set}), alignment ({@code .align .p2align
 * .balign}; {@code .align n} means 2^n bytes on AArch64), data ({@code .byte .hword .short .2byte .word
 * .long .4byte .quad .xword .8byte .ascii .asciz .string}) and space ({@code .skip .space .zero .fill}).
 * {@code .file}, {@code .ident} and {@code .note.GNU-stack}-style markers are accepted and ignored.
 */
final class Directives {

    private final A64Assembler asm;

    Directives(A64Assembler asm) {
        this.asm = asm;
    }

    void equ(Token name, Expr value) {
        A64Assembler.AsmSymbol s = asm.symbols.computeIfAbsent(name.text(), A64Assembler.AsmSymbol::new);
        if (s.section != null) throw new AsmError(A64AsmCode.SYMBOL_REDEFINED, name.start(), name.end(), "symbol '" + name.text() + "' is already a label");
        s.equ = value;
    }

    void directive(Token head, List<Token> toks, int from) {
        String d = head.text().toLowerCase(Locale.ROOT);
        List<Expr> args;
        switch (d) {
            case ".text", ".data", ".bss", ".rodata" -> {
                none(toks, from);
                asm.switchTo(d, head.start(), head.end());
            }
            case ".section" -> section(head, toks, from);
            case ".global", ".globl", ".local", ".weak" -> {
                for (Token t : names(head, toks, from)) {
                    A64Assembler.AsmSymbol s = asm.symbols.computeIfAbsent(t.text(), A64Assembler.AsmSymbol::new);
                    s.binding = d.equals(".local") ? Symbol.Binding.LOCAL : d.equals(".weak") ? Symbol.Binding.WEAK : Symbol.Binding.GLOBAL;
                }
            }
            case ".type" -> type(head, toks, from);
            case ".size" -> {
                if (from + 2 >= toks.size() || !toks.get(from).isIdent() || !toks.get(from + 1).is(",")) {
                    throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), lastEnd(toks), "expected '.size symbol, expression'");
                }
                asm.symbols.computeIfAbsent(toks.get(from).text(), A64Assembler.AsmSymbol::new).size = asm.expr(toks, from + 2, true);
            }
            case ".equ", ".set" -> {
                if (from + 2 >= toks.size() || !toks.get(from).isIdent() || !toks.get(from + 1).is(",")) {
                    throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), lastEnd(toks), "expected '" + d + " symbol, expression'");
                }
                equ(toks.get(from), asm.expr(toks, from + 2, true));
            }
            case ".align", ".p2align", ".balign" -> align(d, head, toks, from);
            case ".byte" -> data(1, head, toks, from);
            case ".hword", ".short", ".2byte" -> data(2, head, toks, from);
            case ".word", ".long", ".4byte", ".int" -> data(4, head, toks, from);
            case ".quad", ".xword", ".8byte", ".dword" -> data(8, head, toks, from);
            case ".ascii", ".asciz", ".string" -> strings(d, head, toks, from);
            case ".skip", ".space", ".zero" -> {
                args = exprs(toks, from, head);
                if (args.isEmpty() || args.size() > (d.equals(".zero") ? 1 : 2)) throw wrong(head, toks, d + " takes a size" + (d.equals(".zero") ? "" : " and an optional fill byte"));
                long n = asm.constant(args.get(0));
                if (n < 0) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, args.get(0).start(), args.get(0).end(), "negative size " + n);
                space(n, args.size() > 1 ? (int) asm.constant(args.get(1)) : 0, head);
            }
            case ".fill" -> {
                args = exprs(toks, from, head);
                if (args.isEmpty() || args.size() > 3) throw wrong(head, toks, ".fill takes repeat[, size[, value]]");
                long repeat = asm.constant(args.get(0));
                long size = args.size() > 1 ? asm.constant(args.get(1)) : 1;
                long value = args.size() > 2 ? asm.constant(args.get(2)) : 0;
                if (repeat < 0 || size < 0) throw wrong(head, toks, ".fill needs a non-negative repeat and size");
                size = Math.min(size, 8);
                if (asm.current.nobits) {
                    if (value != 0) asm.checkContent(head.start(), head.end());
                    asm.current.bssSize += repeat * size;
                } else {
                    for (long i = 0; i < repeat; i++) asm.current.code.emitLittleEndian(value, (int) size);
                }
            }
            case ".ltorg", ".pool" -> {
                none(toks, from);
                asm.flushPool(asm.current);
            }
            case ".file", ".ident", ".cfi_startproc", ".cfi_endproc", ".cfi_sections" -> { }
            default -> throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), head.end(), "unknown directive '" + head.text() + "'");
        }
    }

    private static int lastEnd(List<Token> toks) {
        return toks.get(toks.size() - 1).end();
    }

    private AsmError wrong(Token head, List<Token> toks, String message) {
        return new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), lastEnd(toks), message);
    }

    private void none(List<Token> toks, int from) {
        if (from < toks.size()) {
            Token t = toks.get(from);
            throw new AsmError(A64AsmCode.BAD_DIRECTIVE, t.start(), t.end(), "unexpected '" + t.text() + "'");
        }
    }

    private List<Token> names(Token head, List<Token> toks, int from) {
        List<Token> out = new ArrayList<>();
        for (int i = from; i < toks.size(); i += 2) {
            if (!toks.get(i).isIdent()) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, toks.get(i).start(), toks.get(i).end(), "expected a symbol name");
            out.add(toks.get(i));
            if (i + 1 < toks.size() && !toks.get(i + 1).is(",")) {
                throw new AsmError(A64AsmCode.BAD_DIRECTIVE, toks.get(i + 1).start(), toks.get(i + 1).end(), "expected ','");
            }
        }
        if (out.isEmpty()) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), head.end(), head.text() + " needs a symbol name");
        return out;
    }

    private List<Expr> exprs(List<Token> toks, int from, Token head) {
        List<Expr> out = new ArrayList<>();
        int i = from;
        while (i < toks.size()) {
            ExprParser p = new ExprParser(toks, i, asm::dot, asm::localRef);
            out.add(p.parse());
            i = p.pos();
            if (i < toks.size()) {
                if (!toks.get(i).is(",")) throw new AsmError(A64AsmCode.SYNTAX, toks.get(i).start(), toks.get(i).end(), "expected ','");
                i++;
                if (i == toks.size()) throw new AsmError(A64AsmCode.SYNTAX, toks.get(i - 1).start(), toks.get(i - 1).end(), "expected an expression after ','");
            }
        }
        return out;
    }

    private void section(Token head, List<Token> toks, int from) {
        if (from >= toks.size() || !(toks.get(from).isIdent() || toks.get(from).kind() == Token.Kind.STR)) {
            throw new AsmError(A64AsmCode.BAD_DIRECTIVE, head.start(), head.end(), ".section needs a name");
        }
        String name = toks.get(from).text();
        int i = from + 1;
        String flags = null;
        String type = null;
        if (i < toks.size() && toks.get(i).is(",")) {
            i++;
            if (i >= toks.size() || toks.get(i).kind() != Token.Kind.STR) throw wrong(head, toks, "expected a flags string such as \"ax\"");
            flags = toks.get(i++).text();
            if (i < toks.size() && toks.get(i).is(",")) {
                i++;
                if (i + 1 < toks.size() && (toks.get(i).is("@") || toks.get(i).is("%")) && toks.get(i + 1).isIdent()) {
                    type = toks.get(i + 1).text();
                    i += 2;
                } else {
                    throw wrong(head, toks, "expected @progbits or @nobits");
                }
            }
        }
        if (i < toks.size()) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, toks.get(i).start(), toks.get(i).end(), "unexpected '" + toks.get(i).text() + "'");
        if (!asm.sections.containsKey(name) && flags != null) {
            Set<SectionFlag> f = EnumSet.noneOf(SectionFlag.class);
            for (char c : flags.toCharArray()) {
                switch (c) {
                    case 'a' -> f.add(SectionFlag.ALLOC);
                    case 'w' -> f.add(SectionFlag.WRITE);
                    case 'x' -> f.add(SectionFlag.EXECUTE);
                    case 'M' -> f.add(SectionFlag.MERGE);
                    case 'S' -> f.add(SectionFlag.STRINGS);
                    default -> throw wrong(head, toks, "unknown section flag '" + c + "'");
                }
            }
            boolean nobits = "nobits".equals(type);
            if (type != null && !type.equals("nobits") && !type.equals("progbits")) throw wrong(head, toks, "unknown section type '" + type + "'");
            AsmSection standard = AsmSection.standard(name, asm.diags);
            if (type == null && standard != null) nobits = standard.nobits;
            asm.sections.put(name, new AsmSection(name, f, nobits, asm.diags));
        }
        asm.switchTo(name, head.start(), head.end());
    }

    private void type(Token head, List<Token> toks, int from) {
        if (from + 3 >= toks.size() || !toks.get(from).isIdent() || !toks.get(from + 1).is(",")
                || !(toks.get(from + 2).is("%") || toks.get(from + 2).is("@")) || !toks.get(from + 3).isIdent()) {
            throw wrong(head, toks, "expected '.type symbol, %function' or '%object'");
        }
        A64Assembler.AsmSymbol s = asm.symbols.computeIfAbsent(toks.get(from).text(), A64Assembler.AsmSymbol::new);
        s.type = switch (toks.get(from + 3).text()) {
            case "function" -> Symbol.Type.FUNC;
            case "object" -> Symbol.Type.OBJECT;
            case "notype" -> Symbol.Type.NOTYPE;
            default -> throw new AsmError(A64AsmCode.BAD_DIRECTIVE, toks.get(from + 3).start(), toks.get(from + 3).end(),
                    "unknown symbol type '" + toks.get(from + 3).text() + "'");
        };
    }

    private void align(String d, Token head, List<Token> toks, int from) {
        List<Expr> args = exprs(toks, from, head);
        if (args.isEmpty() || args.size() > 3) throw wrong(head, toks, d + " takes an alignment and an optional fill");
        long n = asm.constant(args.get(0));
        long bytes;
        if (d.equals(".balign")) {
            bytes = n;
            if (bytes < 1 || Long.bitCount(bytes) != 1) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, args.get(0).start(), args.get(0).end(), "alignment " + n + " is not a power of two");
        } else {
            if (n < 0 || n > 16) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, args.get(0).start(), args.get(0).end(), "alignment exponent " + n + " is out of range 0..16");
            bytes = 1L << n;
        }
        AsmSection s = asm.current;
        s.alignment = Math.max(s.alignment, bytes);
        if (s.nobits) {
            s.bssSize = (s.bssSize + bytes - 1) & -bytes;
        } else if (args.size() > 1) {
            int fill = (int) asm.constant(args.get(1));
            s.code.align((int) bytes, new byte[] {(byte) fill});
        } else if (s.executable()) {
            s.code.align((int) bytes, new byte[] {0x1f, 0x20, 0x03, (byte) 0xd5});
        } else {
            s.code.align((int) bytes);
        }
    }

    private void data(int width, Token head, List<Token> toks, int from) {
        asm.checkContent(head.start(), head.end());
        List<Expr> values = exprs(toks, from, head);
        if (values.isEmpty()) throw wrong(head, toks, head.text() + " needs at least one value");
        for (Expr e : values) {
            int at = asm.current.code.size();
            asm.current.code.emitLittleEndian(0, width);
            asm.pending.add(new A64Assembler.Pending(asm.current, at, null, width, e, e.start(), e.end()));
        }
    }

    private void strings(String d, Token head, List<Token> toks, int from) {
        asm.checkContent(head.start(), head.end());
        boolean any = false;
        for (int i = from; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.is(",") && any) continue;
            if (t.kind() != Token.Kind.STR) throw new AsmError(A64AsmCode.BAD_DIRECTIVE, t.start(), t.end(), "expected a string");
            byte[] bytes = t.text().getBytes(StandardCharsets.ISO_8859_1);
            asm.current.code.emitBytes(bytes);
            if (!d.equals(".ascii")) asm.current.code.emit8(0);
            any = true;
        }
        if (!any) throw wrong(head, toks, d + " needs a string");
    }

    private void space(long n, int fill, Token head) {
        if (asm.current.nobits) {
            if (fill != 0) asm.checkContent(head.start(), head.end());
            asm.current.bssSize += n;
        } else {
            asm.current.code.emitFill((int) n, fill);
        }
    }
}
