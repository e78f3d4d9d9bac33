package org.machr.link;

/** Little-endian access to byte arrays. */
public final class Bytes {

    private Bytes() {}

    public static void putLe(byte[] buf, int at, int width, long value) {
        for (int i = 0; i < width; i++) buf[at + i] = (byte) (value >>> (8 * i));
    }

    public static long getLe(byte[] buf, int at, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) v = (v << 8) | (buf[at + i] & 0xffL);
        return v;
    }
}
