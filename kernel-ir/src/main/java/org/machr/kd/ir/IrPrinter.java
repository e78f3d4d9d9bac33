package org.machr.kd.ir;

import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text form of the IR ({@code --dump=ir}): one line per instruction, result type after the
 * register, {@code @file:line} after instructions that can panic. Deterministic, so it is used for
 * golden files.
 */
public final class IrPrinter {
    private IrPrinter() {}

    public static String print(IrProgram program) {
        return print(program, symbol -> true);
    }

    /** Prints only the globals, externs and functions whose symbol {@code include} accepts. */
    public static String print(IrProgram program, java.util.function.Predicate<String> include) {
        StringBuilder out = new StringBuilder();
        for (IrGlobal g : program.globals()) if (include.test(g.name())) printGlobal(g, out);
        for (ExternDecl e : program.externs())
            if (include.test(e.symbol())) out.append("extern @").append(e.symbol()).append(e.signature()).append('\n');
        for (IrFunction f : program.functions()) {
            if (!include.test(f.name())) continue;
            out.append('\n');
            out.append(print(f));
        }
        return out.toString();
    }

    private static void printGlobal(IrGlobal g, StringBuilder out) {
        out.append("global @").append(g.name()).append(": ").append(g.section().name().toLowerCase(java.util.Locale.ROOT))
                .append(" size ").append(g.size()).append(" align ").append(g.align());
        if (g.exported()) out.append(" export");
        if (g.sectionName() != null) out.append(" section \"").append(g.sectionName()).append('"');
        out.append('\n');
        byte[] init = g.init();
        for (int i = 0; i < init.length; i += 16) {
            out.append("  bytes ").append(HexFormat.ofDelimiter(" ").formatHex(init, i, Math.min(init.length, i + 16)));
            out.append('\n');
        }
        for (IrGlobal.Reloc r : g.relocs())
            out.append("  reloc ").append(r.offset()).append(" = ").append(new SymbolAddr(r.symbol(), r.addend())).append('\n');
    }

    public static String print(IrFunction f) {
        StringBuilder out = new StringBuilder();
        out.append("fn @").append(f.name()).append('(')
                .append(f.params().stream().map(p -> p + ": " + p.type().text()).collect(Collectors.joining(", ")))
                .append(')');
        if (f.results().size() == 1) out.append(" -> ").append(f.result().text());
        else if (f.results().size() > 1)
            out.append(" -> (").append(f.results().stream().map(IrType::text).collect(Collectors.joining(", "))).append(')');
        if (f.exported()) out.append(" export");
        if (f.section() != null) out.append(" section \"").append(f.section()).append('"');
        out.append(" {\n");
        for (StackSlot s : f.slots()) {
            out.append("  slot $").append(s.id()).append(" size ").append(s.size()).append(" align ").append(s.align());
            if (s.hint() != null) out.append("  ; ").append(s.hint());
            out.append('\n');
        }
        for (Block b : f.blocks()) {
            out.append(b.label()).append(':');
            if (b.hint() != null) out.append("  ; ").append(b.hint());
            out.append('\n');
            for (Insn i : b.insns()) out.append("  ").append(insn(i)).append('\n');
            out.append("  ").append(b.terminator() == null ? "<unterminated>" : terminator(b.terminator())).append('\n');
        }
        out.append("}\n");
        return out.toString();
    }

    private static String def(Reg r) {
        return r + ": " + r.type().text() + " = ";
    }

    private static String ops(List<Operand> ops) {
        return ops.stream().map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String at(Loc loc) {
        return loc == null ? "" : "  @" + loc;
    }

    public static String insn(Insn insn) {
        return switch (insn) {
            case Insn.Copy(Reg d, Operand s) -> def(d) + "copy " + s;
            case Insn.Binary(Reg d, BinOp op, Operand a, Operand b, Loc loc) -> def(d) + op.text() + " " + a + ", " + b + at(loc);
            case Insn.Unary(Reg d, UnOp op, Operand a) -> def(d) + op.text() + " " + a;
            case Insn.Convert(Reg d, ConvOp op, Operand a) -> def(d) + op.text() + "." + a.type().text() + " " + a;
            case Insn.Compare(Reg d, Cond c, Operand a, Operand b) -> def(d) + "cmp " + c.text() + " " + a + ", " + b;
            case Insn.Select(Reg d, Operand c, Operand t, Operand f) -> def(d) + "select " + c + ", " + t + ", " + f;
            case Insn.Load(Reg d, IrType mt, Ext ext, Operand a, boolean vol, Loc loc) ->
                    def(d) + "load." + mt.text() + (mt.bits() < d.type().bits() ? (ext == Ext.SIGN ? ".s" : ".z") : "")
                            + (vol ? ".volatile" : "") + " [" + a + "]" + at(loc);
            case Insn.Store(IrType mt, Operand a, Operand v, boolean vol, Loc loc) ->
                    "store." + mt.text() + (vol ? ".volatile" : "") + " [" + a + "], " + v + at(loc);
            case Insn.AtomicLoad(Reg d, Operand a, MemOrder o, Loc loc) -> def(d) + "atomic.load." + o.text() + " [" + a + "]" + at(loc);
            case Insn.AtomicStore(Operand a, Operand v, MemOrder o, Loc loc) ->
                    "atomic.store." + v.type().text() + "." + o.text() + " [" + a + "], " + v + at(loc);
            case Insn.AtomicRmw(Reg d, RmwOp op, Operand a, Operand v, MemOrder o, Loc loc) ->
                    def(d) + "atomic." + op.text() + "." + o.text() + " [" + a + "], " + v + at(loc);
            case Insn.AtomicCas(Reg d, Operand a, Operand e, Operand r, MemOrder o, Loc loc) ->
                    def(d) + "atomic.cas." + o.text() + " [" + a + "], " + e + ", " + r + at(loc);
            case Insn.Fence(MemOrder o) -> "fence." + o.text();
            case Insn.Call(List<Reg> rs, Callee c, List<Operand> args, Loc loc) ->
                    (rs.isEmpty() ? "" : rs.size() == 1 ? def(rs.get(0))
                            : rs.stream().map(r -> r + ": " + r.type().text()).collect(Collectors.joining(", ")) + " = ")
                            + callee(c) + "(" + ops(args) + ")" + at(loc);
            case Insn.IntrinsicCall(Reg d, Intrinsic in, List<Operand> args, String sysReg, Loc loc) ->
                    (d == null ? "" : def(d)) + "intrinsic @" + in.text() + "("
                            + (sysReg == null ? "" : sysReg + (args.isEmpty() ? "" : ", ")) + ops(args) + ")" + at(loc);
        };
    }

    private static String callee(Callee c) {
        return switch (c) {
            case Callee.Direct(String f) -> "call @" + f;
            case Callee.Extern(String s) -> "call.extern @" + s;
            case Callee.Indirect(Operand t, Signature sig) -> "call.indirect " + t + " " + sig + " ";
        };
    }

    public static String terminator(Terminator t) {
        return switch (t) {
            case Terminator.Jump(int target) -> "jmp b" + target;
            case Terminator.Branch(Operand c, int a, int b) -> "br " + c + ", b" + a + ", b" + b;
            case Terminator.Switch(Operand v, List<Terminator.Case> cases, int otherwise) ->
                    "switch " + v + " [" + cases.stream().map(c -> c.value() + ": b" + c.target())
                            .collect(Collectors.joining(", ")) + "] else b" + otherwise;
            case Terminator.Return(List<Operand> vs) -> vs.isEmpty() ? "ret" : "ret " + ops(vs);
            case Terminator.Unreachable() -> "unreachable";
        };
    }
}
