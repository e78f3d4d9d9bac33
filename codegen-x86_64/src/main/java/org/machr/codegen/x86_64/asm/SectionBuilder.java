package org.machr.codegen.x86_64.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.machr.codegen.x86_64.X64AsmCode;
import org.machr.codegen.x86_64.X64Mode;
import org.machr.diag.Diagnostics;
import org.machr.diag.SourceFile;
import org.machr.diag.Span;
import org.machr.link.Section;
import org.machr.link.SectionFlag;
import org.machr.link.SectionKind;
import org.machr.link.Symbol;

/**
 * First pass: walks the statements, keeps track of the current section and mode, records labels and
 * symbol attributes, and turns directives and instructions into {@link Item}s (GNU as directive
 * semantics for x86 ELF: {@code .align} counts bytes, {@code .word} is 2 bytes).
 */
final class SectionBuilder {

    /** Largest {@code .skip/.fill/.zero} accepted, so a typo cannot exhaust memory. */
    static final long MAX_FILL = 256L << 20;
    /** Largest alignment accepted (1 GiB). */
    static final long MAX_ALIGNMENT = 1L << 30;

    final Map<String, AsmSection> sections = new LinkedHashMap<>();
    final Symbols symbols = new Symbols();
    private final SourceFile file;
    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private AsmSection current;
    private X64Mode mode = X64Mode.BITS64;

    SectionBuilder(SourceFile file, Diagnostics diagnostics) {
        this.file = file;
        this.diagnostics = diagnostics;
        this.evaluator = new Evaluator(symbols);
        current = section(".text", SectionKind.TEXT, Section.defaultFlags(SectionKind.TEXT));
        current.alignment = 4;                              // as llvm-mc gives .text
    }

    void build(List<Statement> statements) {
        for (Statement st : statements) {
            try {
                switch (st) {
                    case Statement.LabelDef l -> label(l.name(), l.span());
                    case Statement.Instruction i -> {
                        noBits(i.span());
                        current.items.add(new Item.Insn(i, mode));
                    }
                    case Statement.Directive d -> directive(d);
                }
            } catch (AsmError e) {
                diagnostics.error(e.code, e.span, e.getMessage());
            }
        }
    }

    private void label(String name, Span span) {
        Symbols.Info info = symbols.get(name);
        if (info.isLabel() || info.equ != null) {
            throw new AsmError(X64AsmCode.DUPLICATE_SYMBOL, span, "symbol '" + name + "' is already defined");
        }
        info.section = current;
        info.itemIndex = current.items.size();
        info.span = span;
        current.items.add(new Item.Label(name, span));
    }

    private void directive(Statement.Directive d) {
        List<List<Token>> args = d.args();
        switch (d.name()) {
            case ".text" -> switchTo(".text", SectionKind.TEXT, Section.defaultFlags(SectionKind.TEXT));
            case ".data" -> switchTo(".data", SectionKind.DATA, Section.defaultFlags(SectionKind.DATA));
            case ".bss" -> switchTo(".bss", SectionKind.BSS, Section.defaultFlags(SectionKind.BSS));
            case ".rodata" -> switchTo(".rodata", SectionKind.RODATA, Section.defaultFlags(SectionKind.RODATA));
            case ".section" -> sectionDirective(d);
            case ".code32" -> mode = X64Mode.BITS32;
            case ".code64" -> mode = X64Mode.BITS64;
            case ".globl", ".global", ".local", ".weak" -> {
                for (List<Token> a : args) {
                    Symbols.Info info = symbols.get(name(a, d));
                    info.global = d.name().startsWith(".gl");
                    info.weak = d.name().equals(".weak");
                }
            }
            case ".type" -> {
                count(d, 2);
                Symbols.Info info = symbols.get(name(args.get(0), d));
                String t = args.get(1).stream().map(Token::text).reduce("", String::concat).replace("@", "").replace("%", "");
                info.type = switch (t) {
                    case "function", "STT_FUNC" -> Symbol.Type.FUNC;
                    case "object", "STT_OBJECT" -> Symbol.Type.OBJECT;
                    case "notype", "STT_NOTYPE" -> Symbol.Type.NOTYPE;
                    default -> throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), "unknown symbol type '" + t + "'");
                };
            }
            case ".size" -> {
                count(d, 2);
                Symbols.Info info = symbols.get(name(args.get(0), d));
                info.size = expr(args.get(1), d);
                info.sizeSection = current;
                info.sizeIndex = current.items.size();
            }
            case ".equ", ".set" -> {
                count(d, 2);
                String name = name(args.get(0), d);
                Symbols.Info info = symbols.get(name);
                if (info.isLabel()) throw new AsmError(X64AsmCode.DUPLICATE_SYMBOL, d.span(), "symbol '" + name + "' is already defined");
                info.equ = expr(args.get(1), d);
                info.equSection = current;
                info.equIndex = current.items.size();
                info.span = d.span();
            }
            case ".align", ".balign", ".p2align" -> align(d);
            case ".byte" -> data(d, 1);
            case ".short", ".word", ".value", ".2byte" -> data(d, 2);
            case ".long", ".int", ".4byte" -> data(d, 4);
            case ".quad", ".8byte" -> data(d, 8);
            case ".ascii", ".asciz", ".string" -> strings(d, !d.name().equals(".ascii"));
            case ".skip", ".space" -> {
                long n = constant(args, 0, d);
                long fill = args.size() > 1 ? constant(args, 1, d) : 0;
                fill(d, n, 1, fill);
            }
            case ".zero" -> fill(d, constant(args, 0, d), 1, 0);
            case ".fill" -> {
                long n = constant(args, 0, d);
                long size = args.size() > 1 ? constant(args, 1, d) : 1;
                long value = args.size() > 2 ? constant(args, 2, d) : 0;
                if (size < 1 || size > 8) throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), ".fill size must be 1..8, not " + size);
                fill(d, n, (int) size, value);
            }
            default -> throw new AsmError(X64AsmCode.UNKNOWN_DIRECTIVE, d.span(), "unknown directive '" + d.name() + "'");
        }
    }

    private void sectionDirective(Statement.Directive d) {
        if (d.args().isEmpty()) throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), ".section needs a name");
        String name = d.args().get(0).stream().map(Token::text).reduce("", String::concat);
        String flags = null;
        String type = null;
        if (d.args().size() > 1) {
            List<Token> f = d.args().get(1);
            if (f.size() != 1 || f.get(0).kind() != Token.Kind.STRING) {
                throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), "section flags must be a string such as \"ax\"");
            }
            flags = f.get(0).text();
        }
        if (d.args().size() > 2) type = d.args().get(2).stream().map(Token::text).reduce("", String::concat).replace("@", "").replace("%", "");
        SectionKind kind;
        if (flags == null) {
            kind = name.startsWith(".text") ? SectionKind.TEXT : name.startsWith(".data") ? SectionKind.DATA
                    : name.startsWith(".bss") ? SectionKind.BSS : name.startsWith(".rodata") ? SectionKind.RODATA : SectionKind.OTHER;
        } else if ("nobits".equals(type)) {
            kind = SectionKind.BSS;
        } else if (flags.contains("x")) {
            kind = SectionKind.TEXT;
        } else if (flags.contains("w")) {
            kind = SectionKind.DATA;
        } else if (flags.contains("a")) {
            kind = SectionKind.RODATA;
        } else {
            kind = SectionKind.OTHER;
        }
        if (flags == null && kind == SectionKind.BSS && name.startsWith(".bss")) type = "nobits";
        Set<SectionFlag> set = flags == null ? Section.defaultFlags(kind) : flagSet(flags, d);
        switchTo(name, kind, set);
    }

    private static Set<SectionFlag> flagSet(String flags, Statement.Directive d) {
        Set<SectionFlag> set = new java.util.HashSet<>();
        for (char c : flags.toCharArray()) {
            switch (c) {
                case 'a' -> set.add(SectionFlag.ALLOC);
                case 'w' -> set.add(SectionFlag.WRITE);
                case 'x' -> set.add(SectionFlag.EXECUTE);
                case 'M' -> set.add(SectionFlag.MERGE);
                case 'S' -> set.add(SectionFlag.STRINGS);
                default -> throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), "unknown section flag '" + c + "'");
            }
        }
        return set;
    }

    private void switchTo(String name, SectionKind kind, Set<SectionFlag> flags) {
        current = section(name, kind, flags);
    }

    private AsmSection section(String name, SectionKind kind, Set<SectionFlag> flags) {
        return sections.computeIfAbsent(name, n -> new AsmSection(n, kind, flags, 1));
    }

    private void align(Statement.Directive d) {
        long n = constant(d.args(), 0, d);
        long alignment = d.name().equals(".p2align") ? (n >= 0 && n < 32 ? 1L << n : -1) : n;
        if (alignment <= 0 || Long.bitCount(alignment) != 1 || alignment > MAX_ALIGNMENT) {
            throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(),
                    "alignment must be a power of two up to " + MAX_ALIGNMENT + ", not " + (d.name().equals(".p2align") ? "2^" + n : alignment));
        }
        Long fill = d.args().size() > 1 && !d.args().get(1).isEmpty() ? constant(d.args(), 1, d) : null;
        long max = d.args().size() > 2 ? constant(d.args(), 2, d) : Long.MAX_VALUE;
        current.alignment = Math.max(current.alignment, alignment);
        current.items.add(new Item.Align(alignment, current.isCode() || fill != null ? fill : Long.valueOf(0), max, mode));
    }

    private void data(Statement.Directive d, int width) {
        noBits(d.span());
        List<Expr> values = new ArrayList<>();
        for (List<Token> a : d.args()) values.add(expr(a, d));
        current.items.add(new Item.Data(values, width, d.span()));
    }

    private void strings(Statement.Directive d, boolean zero) {
        noBits(d.span());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (List<Token> a : d.args()) {
            if (a.size() != 1 || a.get(0).kind() != Token.Kind.STRING) {
                throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), d.name() + " takes quoted strings");
            }
            for (char c : a.get(0).text().toCharArray()) out.write(c);
            if (zero) out.write(0);
        }
        current.items.add(new Item.Bytes(out.toByteArray()));
    }

    private void fill(Statement.Directive d, long count, int width, long value) {
        if (count < 0) throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), "negative size " + count);
        if (count > MAX_FILL / width) {
            throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), "size " + count * width + " exceeds the limit of " + MAX_FILL + " bytes");
        }
        if (current.kind == SectionKind.BSS && value != 0) noBits(d.span());
        current.items.add(new Item.Fill(count, width, value));
    }

    private void noBits(Span span) {
        if (current.kind == SectionKind.BSS) {
            throw new AsmError(X64AsmCode.NOBITS_CONTENT, span, "section " + current.name + " holds no data; only .skip/.zero/.align are allowed");
        }
    }

    private static void count(Statement.Directive d, int n) {
        if (d.args().size() != n) {
            throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), d.name() + " expects " + n + " arguments, found " + d.args().size());
        }
    }

    private String name(List<Token> arg, Statement.Directive d) {
        if (arg.size() != 1 || arg.get(0).kind() != Token.Kind.IDENT) {
            throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), d.name() + " expects a symbol name");
        }
        return arg.get(0).text();
    }

    private Expr expr(List<Token> arg, Statement.Directive d) {
        if (arg.isEmpty()) throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), d.name() + ": missing argument");
        List<Token> tokens = new ArrayList<>(arg);
        Token last = arg.get(arg.size() - 1);
        tokens.add(new Token(Token.Kind.EOL, "", 0, last.end(), last.end()));
        TokenCursor c = new TokenCursor(file, tokens);
        Expr e = c.expression();
        if (!c.atEnd()) throw c.error(c.peek(), "unexpected " + c.peek().describe() + " in expression");
        return e;
    }

    private long constant(List<List<Token>> args, int i, Statement.Directive d) {
        if (args.size() <= i) throw new AsmError(X64AsmCode.BAD_DIRECTIVE_ARGUMENT, d.span(), d.name() + ": missing argument");
        Expr e = expr(args.get(i), d);
        try {
            return evaluator.constant(e, null, 0);
        } catch (AsmError err) {
            throw new AsmError(X64AsmCode.NOT_CONSTANT, e.span(), "expected a constant (numbers and symbols set before this line)");
        }
    }
}
