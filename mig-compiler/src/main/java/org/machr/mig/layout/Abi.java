package org.machr.mig.layout;

/**
 * Every parameter of the wire format in one place (mig.md, "The wire format we adopt"), so that a
 * second ABI can be added as a second constant.
 *
 * @param headerBytes      {@code sizeof(mach_msg_header_t)}
 * @param typeBytes        short type descriptor ({@code mach_msg_type_t})
 * @param longTypeBytes    long type descriptor ({@code mach_msg_type_long_t})
 * @param userPortBytes    a port in a user-space message (a name)
 * @param kernelPortBytes  a port in a kernel-side message (a pointer)
 * @param pointerBytes     an out-of-line address
 * @param itemAlign        every item and every data part is padded to this ({@code pack(4)})
 * @param maxShortName     largest {@code msgt_name} of the short form
 * @param maxShortSize     largest {@code msgt_size} of the short form (bits)
 * @param maxShortNumber   largest {@code msgt_number} of the short form
 * @param retCodeBytes     {@code kern_return_t}
 * @param inlineLimitBytes largest in-line part of an {@code array[*]} before it goes out-of-line
 */
public record Abi(String name, int headerBytes, int typeBytes, int longTypeBytes, int userPortBytes,
                  int kernelPortBytes, int pointerBytes, int itemAlign, int maxShortName, int maxShortSize,
                  int maxShortNumber, int retCodeBytes, int inlineLimitBytes) {

    /** GNU Mach on x86_64, as produced by the installed GNU MIG; Mach_R uses it on every target. */
    public static final Abi GNU_MACH_X86_64 =
            new Abi("gnu-mach-x86_64", 32, 4, 12, 4, 8, 8, 4, 255, 255, 4095, 4, 2048);

    public int pad(int bytes) {
        return (bytes + itemAlign - 1) / itemAlign * itemAlign;
    }

    /** {@code mig_reply_header_t}: header, RetCode descriptor, RetCode. */
    public int replyHeaderBytes() {
        return headerBytes + typeBytes + retCodeBytes;
    }
}
