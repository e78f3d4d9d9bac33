package org.machr.link;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random multi-object assembly programs full of cross-object relocations, with random padding
 * so that some branches and address computations go out of range. Used to compare our linker with ld.lld.
 */
final class RandomLinkGenerator {

    private final Random random;
    private final Arch arch;
    private final int objects;
    private final List<String> functions = new ArrayList<>();
    private final List<String> data = new ArrayList<>();
    private final List<String> absolutes = new ArrayList<>();
    private final List<String> absoluteDefinitions = new ArrayList<>();
    /** Local labels of the object being generated (in .rodata): llvm-mc refers to them via the section symbol. */
    private final List<String> locals = new ArrayList<>();

    /** Tame programs (even seeds) stay in range and link; the others mostly provoke range errors. */
    private final boolean tame;

    RandomLinkGenerator(long seed, Arch arch) {
        this.random = new Random(seed);
        this.arch = arch;
        this.tame = seed % 2 == 0;
        this.objects = 2 + random.nextInt(2);
        for (int o = 0; o < objects; o++) {
            for (int j = 0; j < 3; j++) functions.add("f" + o + "_" + j);
            for (int j = 0; j < 2; j++) data.add("d" + o + "_" + j);
        }
        for (int j = 0; j < 3; j++) {
            String name = "abs" + j;
            long value = tame ? base() + 16L * random.nextInt(0x300) : switch (random.nextInt(3)) {
                case 0 -> base() + ((long) random.nextInt(1 << 24) << 4);         // near the image
                case 1 -> ((long) random.nextInt(1 << 30) << 4);                  // anywhere below 16 GiB
                default -> (random.nextLong() & 0x0000_7fff_ffff_fff0L);          // far away
            };
            absolutes.add(name);
            absoluteDefinitions.add(".globl " + name + "\n.set " + name + ", 0x" + Long.toHexString(value) + "\n");
        }
    }

    private long baseChoice = -1;

    /** The link base: usually the target default, sometimes just below a 2 or 4 GiB boundary. */
    long base() {
        if (baseChoice < 0 && tame) baseChoice = arch == Arch.AARCH64 ? LinkOptions.AARCH64_BASE : LinkOptions.X86_64_BASE;
        if (baseChoice < 0) {
            long[] choices = arch == Arch.AARCH64
                    ? new long[] {LinkOptions.AARCH64_BASE, LinkOptions.AARCH64_BASE, 0xffff_0000L}
                    : new long[] {LinkOptions.X86_64_BASE, 0x7fff_0000L, 0xffff_0000L};
            baseChoice = choices[random.nextInt(choices.length)];
        }
        return baseChoice;
    }

    List<String> sources() {
        base();
        List<String> out = new ArrayList<>();
        for (int o = 0; o < objects; o++) {
            StringBuilder s = new StringBuilder();
            locals.clear();
            locals.add("r" + o + "_0");
            locals.add("r" + o + "_1");
            if (o == 0) {
                s.append(".section .text.boot,\"ax\"\n.globl _start\n_start:\n");
                s.append(arch == Arch.AARCH64 ? "  b f0_0\n" : "  jmp f0_0\n");
            }
            s.append(".text\n");
            for (int j = 0; j < 3; j++) {
                String f = "f" + o + "_" + j;
                s.append(".globl ").append(f).append('\n').append(f).append(":\n");
                for (int k = 0; k < 6; k++) s.append("  ").append(arch == Arch.AARCH64 ? a64Instruction() : x64Instruction()).append('\n');
                s.append(arch == Arch.AARCH64 ? "  ret\n" : "  ret\n");
                int pad = !tame && random.nextInt(4) == 0 ? random.nextInt(0x10000) * 4 : random.nextInt(64) * 4;
                if (pad > 0) s.append("  .space ").append(pad).append('\n');
            }
            s.append(".data\n");
            for (int j = 0; j < 2; j++) {
                String d = "d" + o + "_" + j;
                s.append(".balign 16\n.globl ").append(d).append('\n').append(d).append(":\n");
                for (int k = 0; k < 4; k++) s.append("  ").append(datum()).append('\n');
            }
            s.append(".section .rodata\n");
            for (String l : locals) s.append(".balign 16\n").append(l).append(":\n  .quad 0x").append(Long.toHexString(random.nextLong())).append("\n  ").append(datum()).append('\n');
            // "shared" is weak in every object but the last, where it is strong: the strong one must win.
            s.append(".data\n.balign 16\n").append(o == objects - 1 ? ".globl" : ".weak").append(" shared\nshared:\n  .quad ").append(o).append('\n');
            s.append(".bss\n.balign 16\n.space ").append(16 * (1 + random.nextInt(64))).append('\n');
            out.add(s.toString());
        }
        // Absolute symbols live in an object of their own, so that the others reference them as undefined.
        out.add(String.join("", absoluteDefinitions));
        return out;
    }

    private String pick(List<String> pool) {
        return pool.get(random.nextInt(pool.size()));
    }

    private String codeTarget() {
        return random.nextInt(5) == 0 ? pick(absolutes) : pick(functions);
    }

    private String dataTarget() {
        int r = random.nextInt(6);
        String t = r == 0 ? pick(absolutes) : r == 1 && !tame ? pick(functions) : r == 2 && !locals.isEmpty() ? pick(locals)
                : r == 3 ? "shared" : pick(data);
        int addend = random.nextInt(3) == 0 ? 16 * random.nextInt(8) : 0;
        return addend == 0 ? t : t + "+" + addend;
    }

    private String a64Instruction() {
        return switch (random.nextInt(13)) {
            // B and BL only reach functions: ld.lld bridges out-of-range B/BL with thunks, which we do not.
            case 0 -> "bl " + pick(functions);
            case 1 -> "b " + pick(functions);
            case 2 -> "b.ne " + codeTarget();
            case 3 -> "cbz x1, " + codeTarget();
            case 4 -> "tbnz w2, #3, " + codeTarget();
            case 5 -> "ldr x3, " + dataTarget();
            case 6 -> "adr x4, " + dataTarget();
            case 7 -> "adrp x5, " + dataTarget();
            case 8 -> "add x5, x5, :lo12:" + dataTarget();
            case 9 -> "ldrb w6, [x5, :lo12:" + dataTarget() + "]";
            case 10 -> "ldrh w6, [x5, :lo12:" + dataTarget() + "]";
            case 11 -> "ldr x6, [x5, :lo12:" + dataTarget() + "]";
            default -> random.nextBoolean() ? "ldr q6, [x5, :lo12:" + dataTarget() + "]" : "ldr w6, [x5, :lo12:" + dataTarget() + "]";
        };
    }

    private String x64Instruction() {
        return switch (random.nextInt(6)) {
            case 0 -> "call " + codeTarget();
            case 1 -> "jmp " + codeTarget();
            case 2 -> "leaq " + dataTarget() + "(%rip), %rax";
            case 3 -> "movl $" + dataTarget() + ", %eax";
            case 4 -> "movq $" + dataTarget() + ", %rax";
            default -> "movabsq $" + dataTarget() + ", %rax";
        };
    }

    private String datum() {
        String t = dataTarget();
        return switch (random.nextInt(4)) {
            case 0 -> ".quad " + t;
            case 1 -> ".quad " + t + " - .";
            case 2 -> (arch == Arch.AARCH64 ? ".word " : ".long ") + t + " - .\n  .balign 8";
            default -> (arch == Arch.AARCH64 ? ".word " : ".long ") + t + "\n  .balign 8";
        };
    }
}
