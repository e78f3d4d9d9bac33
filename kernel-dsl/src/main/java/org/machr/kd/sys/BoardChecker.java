package org.machr.kd.sys;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.machr.diag.Diagnostics;
import org.machr.diag.Span;
import org.machr.kd.KdCode;
import org.machr.kd.ast.SystemItem;

/**
 * One board of a system (docs/language.md §12.3): its entries, device kinds, and memory ranges that
 * must not overlap (KD0505).
 */
final class BoardChecker {

    private record Located(SystemModel.MemoryRange range, Span span) {}

    private final Diagnostics diagnostics;
    private final List<Located> ranges = new ArrayList<>();

    BoardChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    SystemModel.Board board(SystemItem.Board b) {
        List<SystemModel.MemoryRange> ram = new ArrayList<>();
        List<SystemModel.MemoryRange> regions = new ArrayList<>();
        List<SystemModel.Device> devices = new ArrayList<>();
        for (SystemItem.BoardEntry e : b.entries()) {
            List<SystemItem.Arg> a = e.args();
            switch (e.keyword()) {
                case "ram" -> {
                    if (shape(e, "ram BASE size SIZE", a.size() == 3 && num(a, 0) && word(a, 1, "size") && num(a, 2))) {
                        SystemModel.MemoryRange r = new SystemModel.MemoryRange("ram", l(a, 0), l(a, 2));
                        add(r, e.span());
                        ram.add(r);
                    }
                }
                case "region" -> {
                    if (shape(e, "region NAME at BASE size SIZE", a.size() == 5 && a.get(0).word() != null
                            && word(a, 1, "at") && num(a, 2) && word(a, 3, "size") && num(a, 4))) {
                        SystemModel.MemoryRange r = new SystemModel.MemoryRange(a.get(0).word(), l(a, 2), l(a, 4));
                        add(r, e.span());
                        regions.add(r);
                    }
                }
                case "uart", "irq", "timer" -> device(e, devices);
                default -> diagnostics.error(KdCode.KD0510, e.span(), "unknown board entry '" + e.keyword()
                        + "'; expected ram, region, uart, irq or timer");
            }
        }
        return new SystemModel.Board(b.name(), b.arch(), ram, regions, devices);
    }

    private void device(SystemItem.BoardEntry e, List<SystemModel.Device> devices) {
        List<SystemItem.Arg> a = e.args();
        if (!shape(e, e.keyword() + " KIND [at BASE [size SIZE] | port N]", !a.isEmpty() && a.get(0).word() != null)) return;
        String kind = a.get(0).word();
        if (!SystemChecker.DEVICE_KINDS.get(e.keyword()).contains(kind)) {
            diagnostics.error(KdCode.KD0510, a.get(0).span(), "unknown " + e.keyword() + " '" + kind + "'");
        }
        Optional<SystemModel.MemoryRange> mmio = Optional.empty();
        Optional<Integer> port = Optional.empty();
        if (a.size() == 3 && word(a, 1, "at") && num(a, 2)) {
            mmio = Optional.of(new SystemModel.MemoryRange(e.keyword(), l(a, 2), SystemChecker.DEFAULT_DEVICE_SIZE));
        } else if (a.size() == 5 && word(a, 1, "at") && num(a, 2) && word(a, 3, "size") && num(a, 4)) {
            mmio = Optional.of(new SystemModel.MemoryRange(e.keyword(), l(a, 2), l(a, 4)));
        } else if (a.size() == 3 && word(a, 1, "port") && num(a, 2)) {
            port = Optional.of((int) l(a, 2));
        } else if (a.size() != 1) {
            shape(e, e.keyword() + " KIND [at BASE [size SIZE] | port N]", false);
            return;
        }
        mmio.ifPresent(r -> add(r, e.span()));
        devices.add(new SystemModel.Device(e.keyword(), kind, mmio, port));
    }

    private void add(SystemModel.MemoryRange r, Span span) {
        for (Located other : ranges) {
            if (r.base() < other.range().end() && other.range().base() < r.end()) {
                diagnostics.error(KdCode.KD0505, span, "'" + r.name() + "' " + show(r) + " overlaps '" + other.range().name()
                        + "' " + show(other.range()));
            }
        }
        ranges.add(new Located(r, span));
    }

    private static String show(SystemModel.MemoryRange r) {
        return "[0x" + Long.toHexString(r.base()) + ", 0x" + Long.toHexString(r.end()) + ")";
    }

    private boolean shape(SystemItem.BoardEntry e, String form, boolean ok) {
        if (!ok) diagnostics.error(KdCode.KD0010, e.span(), "expected '" + form + "'");
        return ok;
    }

    private static boolean num(List<SystemItem.Arg> a, int i) {
        return a.get(i).number() != null && a.get(i).number().signum() >= 0;
    }

    private static boolean word(List<SystemItem.Arg> a, int i, String w) {
        return w.equals(a.get(i).word());
    }

    private static long l(List<SystemItem.Arg> a, int i) {
        BigInteger v = a.get(i).number();
        return SystemChecker.toLong(v);
    }
}
