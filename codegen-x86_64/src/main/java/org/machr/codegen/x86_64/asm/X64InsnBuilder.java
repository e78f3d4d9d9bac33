package org.machr.codegen.x86_64.asm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.machr.codegen.x86_64.*;
import org.machr.codegen.x86_64.X64Insn.*;
import org.machr.diag.Span;

/**
 * The mnemonic table: turns a parsed instruction into an {@link X64Insn}. Mnemonics take an optional
 * AT&amp;T size suffix ({@code b w l q}); without one the size comes from a register operand. Aliases
 * accepted: {@code sal}=shl, {@code cqo}=cqto, {@code cdq}=cltd, {@code cdqe}=cltq, {@code cwde}=cwtl,
 * {@code cwd}=cwtd, {@code jz}/{@code jnae}/… (see {@link Cond#byName}), {@code movsxd}=movslq.
 */
final class X64InsnBuilder {

    /** An evaluated expression: {@code value}, plus the address of {@code symbol} when it is not null. */
    record Value(long value, String symbol) {}

    private static final Map<String, AluOp> ALU = Map.of("add", AluOp.ADD, "or", AluOp.OR, "adc", AluOp.ADC, "sbb", AluOp.SBB,
            "and", AluOp.AND, "sub", AluOp.SUB, "xor", AluOp.XOR, "cmp", AluOp.CMP);
    private static final Map<String, UnaryOp> UNARY = Map.of("inc", UnaryOp.INC, "dec", UnaryOp.DEC, "not", UnaryOp.NOT,
            "neg", UnaryOp.NEG, "mul", UnaryOp.MUL, "imul", UnaryOp.IMUL, "div", UnaryOp.DIV, "idiv", UnaryOp.IDIV);
    private static final Map<String, ShiftOp> SHIFT = Map.of("rol", ShiftOp.ROL, "ror", ShiftOp.ROR, "rcl", ShiftOp.RCL,
            "rcr", ShiftOp.RCR, "shl", ShiftOp.SHL, "sal", ShiftOp.SHL, "shr", ShiftOp.SHR, "sar", ShiftOp.SAR);
    private static final Map<String, BitOp> BIT = Map.of("bt", BitOp.BT, "bts", BitOp.BTS, "btr", BitOp.BTR, "btc", BitOp.BTC);
    private static final Map<String, SysTableOp> SYS = Map.of("lgdt", SysTableOp.LGDT, "lidt", SysTableOp.LIDT,
            "sgdt", SysTableOp.SGDT, "sidt", SysTableOp.SIDT, "invlpg", SysTableOp.INVLPG);
    private static final List<String> SIZED = List.of("test", "mov", "lea", "push", "pop", "xchg", "cmpxchg", "xadd",
            "bsf", "bsr", "in", "out", "ltr", "movabs");
    private static final Map<String, NullaryOp> NULLARY = Map.ofEntries(
            Map.entry("nop", NullaryOp.NOP), Map.entry("int3", NullaryOp.INT3), Map.entry("ud2", NullaryOp.UD2),
            Map.entry("pause", NullaryOp.PAUSE), Map.entry("hlt", NullaryOp.HLT), Map.entry("cli", NullaryOp.CLI),
            Map.entry("sti", NullaryOp.STI), Map.entry("cld", NullaryOp.CLD), Map.entry("std", NullaryOp.STD),
            Map.entry("rdmsr", NullaryOp.RDMSR), Map.entry("wrmsr", NullaryOp.WRMSR), Map.entry("rdtsc", NullaryOp.RDTSC),
            Map.entry("cpuid", NullaryOp.CPUID), Map.entry("wbinvd", NullaryOp.WBINVD), Map.entry("clts", NullaryOp.CLTS),
            Map.entry("mfence", NullaryOp.MFENCE), Map.entry("lfence", NullaryOp.LFENCE), Map.entry("sfence", NullaryOp.SFENCE),
            Map.entry("swapgs", NullaryOp.SWAPGS), Map.entry("syscall", NullaryOp.SYSCALL), Map.entry("sysretq", NullaryOp.SYSRETQ),
            Map.entry("sysretl", NullaryOp.SYSRETL), Map.entry("sysret", NullaryOp.SYSRETL), Map.entry("iretq", NullaryOp.IRETQ),
            Map.entry("iretl", NullaryOp.IRETL), Map.entry("iret", NullaryOp.IRETL), Map.entry("iretd", NullaryOp.IRETL),
            Map.entry("lretq", NullaryOp.LRETQ), Map.entry("lretl", NullaryOp.LRETL), Map.entry("lret", NullaryOp.LRETL),
            Map.entry("leave", NullaryOp.LEAVE), Map.entry("cwtl", NullaryOp.CWTL), Map.entry("cwde", NullaryOp.CWTL),
            Map.entry("cltq", NullaryOp.CLTQ), Map.entry("cdqe", NullaryOp.CLTQ), Map.entry("cwtd", NullaryOp.CWTD),
            Map.entry("cwd", NullaryOp.CWTD), Map.entry("cltd", NullaryOp.CLTD), Map.entry("cdq", NullaryOp.CLTD),
            Map.entry("cqto", NullaryOp.CQTO), Map.entry("cqo", NullaryOp.CQTO));
    private static final Pattern EXTEND = Pattern.compile("mov([zs])([bwl])([wlq]?)");

    private final X64Mode mode;
    private final Function<Expr, Value> eval;
    private final boolean shortBranches;

    /**
     * @param eval          evaluates an expression (throws {@link AsmError} when it cannot)
     * @param shortBranches whether direct jumps take the rel8 form
     */
    X64InsnBuilder(X64Mode mode, Function<Expr, Value> eval, boolean shortBranches) {
        this.mode = mode;
        this.eval = eval;
        this.shortBranches = shortBranches;
    }

    X64Insn build(Statement.Instruction st) {
        X64Insn string = stringOp(st.mnemonic(), st.operands(), st.rep(), st.span());
        if (string != null) return string;
        if (st.rep()) throw bad(st.span(), "rep only applies to the string instructions movs and stos");
        X64Insn insn = buildUnlocked(st.mnemonic(), st.operands(), st.span());
        return st.lock() ? new Lock(insn) : insn;
    }

    /** movs[bwlq]/stos[bwlq], without operands or with the implicit ones written out as llvm-mc prints them. */
    private X64Insn stringOp(String m, List<AsmOperand> ops, boolean rep, Span span) {
        if (!(m.length() == 5 && (m.startsWith("movs") || m.startsWith("stos")) && OpSize.ofSuffix(m.charAt(4)) != null)) return null;
        if (ops.size() == 2 && ops.get(1) instanceof AsmOperand.Register) return null;      // movsb %al, %ax: a sign extension
        StringOp insn = new StringOp(m.startsWith("stos"), OpSize.ofSuffix(m.charAt(4)), rep);
        if (!ops.isEmpty()) {
            arity(ops, 2, span);
            Operand[] implicit = new X64Printer(mode).stringOperands(insn.store(), insn.size());
            for (int i = 0; i < 2; i++) {
                if (!X64Printer.operand(operand(ops.get(i))).equals(X64Printer.operand(implicit[i]))) {
                    throw bad(ops.get(i).span(), "this operand of " + m + " must be " + X64Printer.operand(implicit[i]));
                }
            }
        }
        return insn;
    }

    private X64Insn buildUnlocked(String m, List<AsmOperand> ops, Span span) {
        NullaryOp nullary = nullary(m);
        if (nullary != null) {
            arity(ops, 0, span);
            return new Nullary(nullary);
        }
        Matcher ext = EXTEND.matcher(m);
        if (ext.matches() && ops.size() == 2) return extend(ext.group(1).equals("s"), ext.group(2).charAt(0), ext.group(3), ops, span);
        if (m.equals("movslq") || m.equals("movsxd")) return extend(true, 'l', "q", ops, span);
        if (m.startsWith("set") && Cond.byName(m.substring(3)) != null) {
            arity(ops, 1, span);
            return new Setcc(Cond.byName(m.substring(3)), rm(ops.get(0)));
        }
        if (m.startsWith("j") && Cond.byName(m.substring(1)) != null) {
            arity(ops, 1, span);
            return new Jcc(Cond.byName(m.substring(1)), direct(ops.get(0)), reach());
        }
        if (m.startsWith("cmov")) return cmov(m.substring(4), ops, span);
        if (m.equals("bswap") || m.equals("bswapl") || m.equals("bswapq")) {
            arity(ops, 1, span);
            Gpr reg = gpr(ops.get(0));
            if (m.length() == 6 && reg.size() != OpSize.ofSuffix(m.charAt(5))) throw bad(ops.get(0).span(), "%" + reg.asmName() + " does not match the size suffix");
            return new Bswap(reg);
        }
        switch (m) {
            case "jmp", "jmpq", "jmpl", "call", "callq", "calll" -> {
                arity(ops, 1, span);
                boolean call = m.startsWith("call");
                if (ops.get(0) instanceof AsmOperand.Indirect ind) {
                    Operand t = rm(ind.target());
                    return call ? new CallIndirect(t) : new JmpIndirect(t);
                }
                Target t = direct(ops.get(0));
                return call ? new Call(t) : new Jmp(t, reach());
            }
            case "ljmp", "ljmpl", "ljmpq", "lcall", "lcalll", "lcallq" -> {
                return far(m, ops, span);
            }
            case "int" -> {
                arity(ops, 1, span);
                return new Int(imm(ops.get(0)));
            }
            default -> { }
        }
        String base = m;
        OpSize suffix = null;
        if (!isSizedBase(m) && m.length() > 1 && OpSize.ofSuffix(m.charAt(m.length() - 1)) != null
                && isSizedBase(m.substring(0, m.length() - 1))) {
            base = m.substring(0, m.length() - 1);
            suffix = OpSize.ofSuffix(m.charAt(m.length() - 1));
        }
        if (SYS.containsKey(base)) {
            arity(ops, 1, span);
            return new SysTable(SYS.get(base), mem(ops.get(0)));
        }
        if (!isSizedBase(base)) throw new AsmError(X64AsmCode.UNKNOWN_MNEMONIC, span, "unknown instruction '" + m + "'");
        return sized(base, suffix, ops, span);
    }

    private X64Insn sized(String base, OpSize suffix, List<AsmOperand> ops, Span span) {
        if (ALU.containsKey(base)) {
            arity(ops, 2, span);
            return new Alu(ALU.get(base), size(suffix, ops, span), rm(ops.get(1)), operand(ops.get(0)));
        }
        if (UNARY.containsKey(base) && ops.size() == 1) {
            return new Unary(UNARY.get(base), size(suffix, ops, span), rm(ops.get(0)));
        }
        if (base.equals("imul")) {
            OpSize size = size(suffix, ops, span);
            if (ops.size() == 2 && ops.get(0) instanceof AsmOperand.Immediate) {
                Gpr dst = gpr(ops.get(1));
                return new Imul3(size, dst, dst, imm(ops.get(0)));
            }
            if (ops.size() == 2) return new Imul2(size, gpr(ops.get(1)), rm(ops.get(0)));
            arity(ops, 3, span);
            return new Imul3(size, gpr(ops.get(2)), rm(ops.get(1)), imm(ops.get(0)));
        }
        if (UNARY.containsKey(base)) arity(ops, 1, span);
        if (SHIFT.containsKey(base)) {
            if (ops.size() == 1) return new Shift(SHIFT.get(base), size(suffix, ops, span), rm(ops.get(0)), Imm.of(1));
            arity(ops, 2, span);
            return new Shift(SHIFT.get(base), size(suffix, ops.subList(1, 2), span), rm(ops.get(1)), operand(ops.get(0)));
        }
        if (BIT.containsKey(base)) {
            arity(ops, 2, span);
            return new BitTest(BIT.get(base), size(suffix, ops, span), rm(ops.get(1)), operand(ops.get(0)));
        }
        return switch (base) {
            case "test" -> {
                arity(ops, 2, span);
                yield new Test(size(suffix, ops, span), rm(ops.get(1)), operand(ops.get(0)));
            }
            case "mov" -> mov(suffix, ops, span);
            case "movabs" -> {
                arity(ops, 2, span);
                if (!(operand(ops.get(1)) instanceof Gpr64 g) || !(ops.get(0) instanceof AsmOperand.Immediate)) {
                    throw bad(span, "movabs takes an immediate and a 64-bit register");
                }
                yield new MovAbs(g, imm(ops.get(0)));
            }
            case "lea" -> {
                arity(ops, 2, span);
                yield new Lea(size(suffix, ops, span), gpr(ops.get(1)), mem(ops.get(0)));
            }
            case "push", "pop" -> {
                arity(ops, 1, span);
                OpSize size = suffix != null ? suffix : ops.get(0) instanceof AsmOperand.Register r && r.reg() instanceof Gpr g
                        ? g.size() : mode == X64Mode.BITS64 ? OpSize.QWORD : OpSize.DWORD;
                yield base.equals("push") ? new Push(size, operand(ops.get(0))) : new Pop(size, rm(ops.get(0)));
            }
            case "xchg" -> {
                arity(ops, 2, span);
                yield new Xchg(size(suffix, ops, span), rm(ops.get(0)), rm(ops.get(1)));
            }
            case "cmpxchg", "xadd" -> {
                arity(ops, 2, span);
                OpSize size = size(suffix, ops, span);
                yield base.equals("xadd") ? new Xadd(size, rm(ops.get(1)), gpr(ops.get(0))) : new Cmpxchg(size, rm(ops.get(1)), gpr(ops.get(0)));
            }
            case "bsf", "bsr" -> {
                arity(ops, 2, span);
                yield new BitScan(base.equals("bsr"), size(suffix, ops, span), gpr(ops.get(1)), rm(ops.get(0)));
            }
            case "in", "out" -> port(base.equals("in"), suffix, ops, span);
            case "ltr" -> {
                arity(ops, 1, span);
                yield new Ltr(rm(ops.get(0)));
            }
            default -> throw new AsmError(X64AsmCode.UNKNOWN_MNEMONIC, span, "unknown instruction '" + base + "'");
        };
    }

    private static boolean isSizedBase(String s) {
        return ALU.containsKey(s) || UNARY.containsKey(s) || SHIFT.containsKey(s) || BIT.containsKey(s) || SYS.containsKey(s)
                || SIZED.contains(s);
    }

    private NullaryOp nullary(String m) {
        if (m.equals("ret") || m.equals("retq") || m.equals("retl")) {
            return m.equals("ret") || m.equals(mode == X64Mode.BITS64 ? "retq" : "retl") ? NullaryOp.RET : null;
        }
        if (m.equals("leaveq") && mode == X64Mode.BITS64 || m.equals("leavel") && mode == X64Mode.BITS32) return NullaryOp.LEAVE;
        return NULLARY.get(m);
    }

    private X64Insn mov(OpSize suffix, List<AsmOperand> ops, Span span) {
        arity(ops, 2, span);
        Operand src = operand(ops.get(0));
        Operand dst = operand(ops.get(1));
        if (dst instanceof ControlReg cr && src instanceof Gpr g) return new MovCr(true, cr, g);
        if (src instanceof ControlReg cr && dst instanceof Gpr g) return new MovCr(false, cr, g);
        if (dst instanceof SegReg s) return new MovSeg(true, s, src);
        if (src instanceof SegReg s) return new MovSeg(false, s, dst);
        if (dst instanceof Imm) throw bad(ops.get(1).span(), "the destination cannot be an immediate");
        return new Mov(size(suffix, ops, span), dst, src);
    }

    private X64Insn extend(boolean signed, char from, String to, List<AsmOperand> ops, Span span) {
        arity(ops, 2, span);
        Gpr dst = gpr(ops.get(1));
        OpSize toSize = to.isEmpty() ? dst.size() : OpSize.ofSuffix(to.charAt(0));
        return new MovExtend(signed, OpSize.ofSuffix(from), toSize, dst, rm(ops.get(0)));
    }

    private X64Insn cmov(String rest, List<AsmOperand> ops, Span span) {
        Cond cond = Cond.byName(rest);
        OpSize suffix = null;
        if (cond == null && !rest.isEmpty() && OpSize.ofSuffix(rest.charAt(rest.length() - 1)) != null) {
            cond = Cond.byName(rest.substring(0, rest.length() - 1));
            suffix = OpSize.ofSuffix(rest.charAt(rest.length() - 1));
        }
        if (cond == null) throw new AsmError(X64AsmCode.UNKNOWN_MNEMONIC, span, "unknown instruction 'cmov" + rest + "'");
        arity(ops, 2, span);
        return new Cmovcc(cond, size(suffix, ops, span), gpr(ops.get(1)), rm(ops.get(0)));
    }

    private X64Insn far(String m, List<AsmOperand> ops, Span span) {
        boolean call = m.startsWith("lcall");
        if (ops.size() == 2 && !call) {
            Imm selector = imm(ops.get(0));
            if (selector.isSymbolic()) throw new AsmError(X64AsmCode.NOT_CONSTANT, ops.get(0).span(), "the segment selector must be a constant");
            if (selector.value() < 0 || selector.value() > 0xFFFF) {
                throw new AsmError(X64AsmCode.IMMEDIATE_RANGE, ops.get(0).span(), "segment selector " + selector.value() + " out of range [0, 65535]");
            }
            return new FarJmp((int) selector.value(), imm(ops.get(1)));
        }
        arity(ops, 1, span);
        if (!(ops.get(0) instanceof AsmOperand.Indirect ind)) throw bad(span, "expected '*' and a memory operand (m16:32 or m16:64)");
        return new FarIndirect(call, m.endsWith("q") ? OpSize.QWORD : OpSize.DWORD, mem(ind.target()));
    }

    private X64Insn port(boolean in, OpSize suffix, List<AsmOperand> ops, Span span) {
        arity(ops, 2, span);
        AsmOperand portOp = in ? ops.get(0) : ops.get(1);
        AsmOperand accOp = in ? ops.get(1) : ops.get(0);
        if (!(operand(accOp) instanceof Gpr acc) || acc.number() != 0 || acc instanceof Gpr64 || acc == Gpr8.AH) {
            throw bad(accOp.span(), "the data operand of " + (in ? "in" : "out") + " is %al, %ax or %eax");
        }
        OpSize size = suffix != null ? suffix : acc.size();
        if (size != acc.size()) throw bad(accOp.span(), "%" + acc.asmName() + " does not match the size suffix");
        Imm port = null;
        if (portOp instanceof AsmOperand.Register r) {
            if (r.reg() != Gpr16.DX) throw bad(portOp.span(), "the port is an immediate or %dx");
        } else {
            port = imm(portOp);
        }
        return in ? new In(size, port) : new Out(size, port);
    }

    private Reach reach() {
        return shortBranches ? Reach.SHORT : Reach.NEAR;
    }

    // ---- operands ------------------------------------------------------------------------------------

    private OpSize size(OpSize suffix, List<AsmOperand> ops, Span span) {
        if (suffix != null) return suffix;
        for (AsmOperand o : ops) {
            if (o instanceof AsmOperand.Register r && r.reg() instanceof Gpr g) return g.size();
        }
        throw new AsmError(X64AsmCode.AMBIGUOUS_SIZE, span, "cannot tell the operand size: add a suffix (b, w, l, q)");
    }

    private static void arity(List<AsmOperand> ops, int n, Span span) {
        if (ops.size() != n) throw bad(span, "expected " + n + " operand" + (n == 1 ? "" : "s") + ", found " + ops.size());
    }

    private Target direct(AsmOperand o) {
        if (o instanceof AsmOperand.Memory m && m.isBareExpression()) {
            Value v = eval.apply(m.disp());
            if (v.symbol() == null) {
                throw new AsmError(X64AsmCode.BAD_OPERANDS, o.span(), "a branch target must be a symbol or label, not an absolute address");
            }
            if (v.value() != 0) throw new AsmError(X64AsmCode.BAD_OPERANDS, o.span(), "a branch target cannot have an offset");
            return Target.symbol(v.symbol());
        }
        throw bad(o.span(), "expected a label, or '*' for an indirect branch");
    }

    private Operand operand(AsmOperand o) {
        return switch (o) {
            case AsmOperand.Register r -> r.reg();
            case AsmOperand.Immediate i -> imm(i);
            case AsmOperand.Memory m -> mem(m);
            case AsmOperand.Indirect i -> throw bad(o.span(), "'*' is only allowed on jmp and call");
        };
    }

    private Operand rm(AsmOperand o) {
        Operand op = operand(o);
        if (op instanceof Gpr || op instanceof Mem) return op;
        throw bad(o.span(), "expected a general-purpose register or memory operand");
    }

    private Gpr gpr(AsmOperand o) {
        if (o instanceof AsmOperand.Register r && r.reg() instanceof Gpr g) return g;
        throw bad(o.span(), "expected a general-purpose register");
    }

    private Imm imm(AsmOperand o) {
        if (!(o instanceof AsmOperand.Immediate i)) throw bad(o.span(), "expected an immediate ($value)");
        Value v = eval.apply(i.value());
        return new Imm(v.value(), v.symbol() == null ? null : Target.symbol(v.symbol()));
    }

    private Mem mem(AsmOperand o) {
        if (!(o instanceof AsmOperand.Memory m)) throw bad(o.span(), "expected a memory operand");
        Value v = m.disp() == null ? new Value(0, null) : eval.apply(m.disp());
        try {
            return new Mem(m.segment(), m.base(), m.index(), m.scale(), v.value(),
                    v.symbol() == null ? null : Target.symbol(v.symbol()), m.rip());
        } catch (IllegalArgumentException e) {
            throw new AsmError(X64AsmCode.BAD_ADDRESS, o.span(), e.getMessage());
        }
    }

    private static AsmError bad(Span span, String message) {
        return new AsmError(X64AsmCode.BAD_OPERANDS, span, message);
    }
}
