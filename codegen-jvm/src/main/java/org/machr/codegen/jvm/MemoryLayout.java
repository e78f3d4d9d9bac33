package org.machr.codegen.jvm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.machr.kd.ir.IrFunction;
import org.machr.kd.ir.IrGlobal;
import org.machr.kd.ir.IrProgram;

/**
 * Where everything of a program lives in the hosted machine's address space: functions in the code
 * region, then RAM holding rodata, data and bss (in that order, each global at its alignment), a heap
 * and the stack at the top. Relocations are applied here, so the initial RAM image is final.
 */
final class MemoryLayout {
    private final Map<String, Long> addresses = new HashMap<>();
    private final Map<String, Integer> functionIndex = new HashMap<>();
    private final byte[] image;
    private final long readOnlyBytes;
    private final long heapStart;

    MemoryLayout(IrProgram program) {
        List<IrFunction> functions = program.functions();
        for (int i = 0; i < functions.size(); i++) {
            functionIndex.put(functions.get(i).name(), i);
            addresses.put(functions.get(i).name(), HostedMachine.CODE_BASE + (long) HostedMachine.CODE_ALIGN * i);
        }
        long offset = 0;
        long readOnlyEnd = 0;
        for (IrGlobal.Section section : List.of(IrGlobal.Section.RODATA, IrGlobal.Section.DATA, IrGlobal.Section.BSS)) {
            if (section == IrGlobal.Section.DATA) {
                offset = align(offset, 4096);          // a page boundary between read-only and writable memory
                readOnlyEnd = offset;
            }
            for (IrGlobal g : program.globals()) {
                if (g.section() != section) continue;
                offset = align(offset, g.align());
                addresses.put(g.name(), HostedMachine.RAM_BASE + offset);
                offset += g.size();
            }
        }
        readOnlyBytes = readOnlyEnd;
        heapStart = HostedMachine.RAM_BASE + align(offset, 4096);
        if (offset > Integer.MAX_VALUE - 16) throw new JvmCodegenException("globals too large: " + offset + " bytes");
        image = new byte[(int) offset];
        for (IrGlobal g : program.globals()) {
            if (g.section() == IrGlobal.Section.BSS) continue;
            int at = (int) (addresses.get(g.name()) - HostedMachine.RAM_BASE);
            System.arraycopy(g.init(), 0, image, at, (int) g.size());
            for (IrGlobal.Reloc r : g.relocs()) {
                Long target = addresses.get(r.symbol());
                if (target == null) throw new JvmCodegenException("global @" + g.name() + " refers to unknown @" + r.symbol());
                long value = target + r.addend();
                for (int b = 0; b < 8; b++) image[at + (int) r.offset() + b] = (byte) (value >>> (8 * b));
            }
        }
    }

    static long align(long v, long a) {
        return (v + a - 1) & -a;
    }

    /** The address of a function or global. */
    long address(String symbol) {
        Long a = addresses.get(symbol);
        if (a == null) throw new JvmCodegenException("unknown symbol @" + symbol);
        return a;
    }

    boolean has(String symbol) {
        return addresses.containsKey(symbol);
    }

    int functionIndex(String name) {
        return functionIndex.get(name);
    }

    /** The initial contents of RAM from {@link HostedMachine#RAM_BASE}: rodata, data and bss. */
    byte[] image() {
        return image;
    }

    long readOnlyBytes() {
        return readOnlyBytes;
    }

    /** The first address after the globals (page-aligned): where a heap may start. */
    long heapStart() {
        return heapStart;
    }
}
