package org.machr.kd.ir;

/**
 * Width conversions between integer types. {@code ZEXT}/{@code SEXT} go from a narrower to a wider
 * (or equal) type; {@code TRUNC} from a wider (or equal) to a narrower type keeping the low bits.
 */
public enum ConvOp {
    ZEXT, SEXT, TRUNC;

    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
