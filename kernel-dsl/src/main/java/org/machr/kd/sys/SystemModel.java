package org.machr.kd.sys;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.machr.kd.check.Type;

/**
 * The checked description part of a program (docs/language.md §12): what the toolchain generates trap
 * tables, server wiring and boot images from.
 */
public record SystemModel(List<Trap> traps, List<Interface> interfaces, List<SystemDesc> systems) {

    public record Param(String name, Type type) {}

    /** @param handlerSymbol the linker symbol of the handler function */
    public record Trap(long number, String name, List<Param> params, Type result, String handlerSymbol) {}

    /** @param server {@code kernel} or a task name */
    public record Interface(String name, Path defs, String server) {}

    public record SystemDesc(String name, List<Board> boards, Optional<Path> kernel, List<Task> tasks) {
        public Optional<Board> board(String arch) {
            return boards.stream().filter(b -> b.arch().equals(arch)).findFirst();
        }
    }

    /** A memory range of a board: RAM, a named region, or a device's MMIO window. */
    public record MemoryRange(String name, long base, long size) {
        public long end() { return base + size; }
    }

    /**
     * A device of a board.
     *
     * @param role {@code uart}, {@code irq} or {@code timer}
     * @param mmio its register window, if memory-mapped
     * @param port its I/O port, if port-mapped (x86)
     */
    public record Device(String role, String kind, Optional<MemoryRange> mmio, Optional<Integer> port) {}

    public record Board(String name, String arch, List<MemoryRange> ram, List<MemoryRange> regions, List<Device> devices) {}

    /** @param program the {@code .kd} file of the task's main module */
    public record Task(String name, Path program, int priority, List<Right> rights) {}

    /** @param right {@code send}, {@code send_once} or {@code receive}; @param target a task name or {@code kernel} */
    public record Right(String slot, String right, String target) {}
}
