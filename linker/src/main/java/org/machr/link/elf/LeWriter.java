package org.machr.link.elf;

import java.util.Arrays;

/** A growable little-endian byte buffer for building ELF files. */
final class LeWriter {

    private byte[] buf = new byte[256];
    private int size;

    int position() {
        return size;
    }

    LeWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    LeWriter u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    LeWriter u32(long v) {
        return u16((int) v).u16((int) (v >>> 16));
    }

    LeWriter u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    LeWriter bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** Pads with zeros up to a multiple of {@code alignment}. */
    LeWriter align(long alignment) {
        while (size % alignment != 0) u8(0);
        return this;
    }

    /** Pads with zeros up to {@code offset}. */
    LeWriter padTo(long offset) {
        if (offset < size) throw new IllegalStateException("cannot pad backwards to " + offset + " from " + size);
        while (size < offset) u8(0);
        return this;
    }

    /** Overwrites 8 bytes at {@code at}. */
    void putU64(int at, long v) {
        for (int i = 0; i < 8; i++) buf[at + i] = (byte) (v >>> (8 * i));
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
}
