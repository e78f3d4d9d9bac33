package org.machr.codegen.x86_64;

/**
 * The opcode table: one row per encoding form, as the "Opcode" and "Op/En" columns of the Intel SDM
 * Vol. 2 instruction pages. Rows hold data only; {@link X64Encoder} has one routine that turns a row plus
 * operands into prefixes, REX, opcode, ModRM, SIB, displacement and immediate.
 *
 * <p>{@code opcode8} is used for byte operands, {@code opcode} for 16/32/64-bit ones (-1: no such form);
 * an opcode above 0xFF is emitted big-endian, so {@code 0x0FAF} is the two bytes 0F AF. Opcodes of
 * families (ALU, Jcc, SETcc, CMOVcc) are bases that the encoder adds the operation or condition to.
 */
enum X64Op {
    // Group 1 ALU (SDM Vol. 2A "ADD" et al.): base + AluOp.opcodeBase()
    ALU_MR(Form.MR, 0x00, 0x01, -1, Size.SIZED),
    ALU_RM(Form.RM, 0x02, 0x03, -1, Size.SIZED),
    ALU_ACC_I(Form.I, 0x04, 0x05, -1, Size.SIZED),
    ALU_MI(Form.MI, 0x80, 0x81, -1, Size.SIZED),
    ALU_MI8(Form.MI, -1, 0x83, -1, Size.SIZED),
    // TEST (SDM Vol. 2B "TEST")
    TEST_MR(Form.MR, 0x84, 0x85, -1, Size.SIZED),
    TEST_ACC_I(Form.I, 0xA8, 0xA9, -1, Size.SIZED),
    TEST_MI(Form.MI, 0xF6, 0xF7, 0, Size.SIZED),
    // MOV (SDM Vol. 2B "MOV")
    MOV_MR(Form.MR, 0x88, 0x89, -1, Size.SIZED),
    MOV_RM(Form.RM, 0x8A, 0x8B, -1, Size.SIZED),
    MOV_OI(Form.OI, 0xB0, 0xB8, -1, Size.SIZED),
    MOV_MI(Form.MI, 0xC6, 0xC7, 0, Size.SIZED),
    MOV_MOFFS_LOAD(Form.FD, 0xA0, 0xA1, -1, Size.SIZED),
    MOV_MOFFS_STORE(Form.FD, 0xA2, 0xA3, -1, Size.SIZED),
    MOV_TO_SEG(Form.RM, -1, 0x8E, -1, Size.FIXED),
    MOV_FROM_SEG(Form.MR, -1, 0x8C, -1, Size.SIZED),
    MOV_FROM_SEG_M(Form.MR, -1, 0x8C, -1, Size.FIXED),
    MOV_FROM_CR(Form.MR, -1, 0x0F20, -1, Size.FIXED),
    MOV_TO_CR(Form.RM, -1, 0x0F22, -1, Size.FIXED),
    // MOVZX / MOVSX / MOVSXD (SDM Vol. 2B): +1 for a 16-bit source
    MOVZX(Form.RM, -1, 0x0FB6, -1, Size.SIZED),
    MOVSX(Form.RM, -1, 0x0FBE, -1, Size.SIZED),
    MOVSXD(Form.RM, -1, 0x63, -1, Size.SIZED),
    LEA(Form.RM, -1, 0x8D, -1, Size.SIZED),
    // Groups 3-5 (SDM Vol. 2A Table A-6); 40+r/48+r are INC/DEC only outside 64-bit mode (there they are REX)
    INC_DEC_M(Form.M, 0xFE, 0xFF, -1, Size.SIZED),
    INC_O(Form.O, -1, 0x40, -1, Size.SIZED),
    DEC_O(Form.O, -1, 0x48, -1, Size.SIZED),
    GROUP3_M(Form.M, 0xF6, 0xF7, -1, Size.SIZED),
    IMUL_RM(Form.RM, -1, 0x0FAF, -1, Size.SIZED),
    IMUL_RMI8(Form.RMI, -1, 0x6B, -1, Size.SIZED),
    IMUL_RMI(Form.RMI, -1, 0x69, -1, Size.SIZED),
    // Group 2 shifts (SDM Vol. 2B "SAL/SAR/SHL/SHR")
    SHIFT_1(Form.M, 0xD0, 0xD1, -1, Size.SIZED),
    SHIFT_CL(Form.M, 0xD2, 0xD3, -1, Size.SIZED),
    SHIFT_I8(Form.MI, 0xC0, 0xC1, -1, Size.SIZED),
    // Conditions (SDM Vol. 2B "SETcc", Vol. 2A "CMOVcc", "Jcc"): base + Cond.code()
    SETCC(Form.M, 0x0F90, -1, 0, Size.FIXED),
    CMOVCC(Form.RM, -1, 0x0F40, -1, Size.SIZED),
    JCC_REL8(Form.D, -1, 0x70, -1, Size.FIXED),
    JCC_REL32(Form.D, -1, 0x0F80, -1, Size.FIXED),
    // Control transfer (SDM Vol. 2A "JMP", "CALL")
    JMP_REL8(Form.D, -1, 0xEB, -1, Size.FIXED),
    JMP_REL32(Form.D, -1, 0xE9, -1, Size.FIXED),
    CALL_REL32(Form.D, -1, 0xE8, -1, Size.FIXED),
    JMP_M(Form.M, -1, 0xFF, 4, Size.DEFAULT64),
    CALL_M(Form.M, -1, 0xFF, 2, Size.DEFAULT64),
    JMP_FAR_M(Form.M, -1, 0xFF, 5, Size.SIZED),
    CALL_FAR_M(Form.M, -1, 0xFF, 3, Size.SIZED),
    JMP_FAR_PTR(Form.FAR, -1, 0xEA, -1, Size.FIXED),
    // Stack (SDM Vol. 2B "PUSH", "POP")
    PUSH_O(Form.O, -1, 0x50, -1, Size.DEFAULT64),
    POP_O(Form.O, -1, 0x58, -1, Size.DEFAULT64),
    PUSH_M(Form.M, -1, 0xFF, 6, Size.DEFAULT64),
    POP_M(Form.M, -1, 0x8F, 0, Size.DEFAULT64),
    PUSH_I8(Form.I, -1, 0x6A, -1, Size.DEFAULT64),
    PUSH_I(Form.I, -1, 0x68, -1, Size.DEFAULT64),
    // Exchange and atomics (SDM Vol. 2B "XCHG", "XADD", Vol. 2A "CMPXCHG")
    XCHG_ACC_O(Form.O, -1, 0x90, -1, Size.SIZED),
    XCHG_MR(Form.MR, 0x86, 0x87, -1, Size.SIZED),
    CMPXCHG_MR(Form.MR, 0x0FB0, 0x0FB1, -1, Size.SIZED),
    XADD_MR(Form.MR, 0x0FC0, 0x0FC1, -1, Size.SIZED),
    // Bits (SDM Vol. 2A "BT", "BSF", "BSR")
    BT_MR(Form.MR, -1, 0x0F00, -1, Size.SIZED),
    BT_MI8(Form.MI, -1, 0x0FBA, -1, Size.SIZED),
    BSF_RM(Form.RM, -1, 0x0FBC, -1, Size.SIZED),
    BSR_RM(Form.RM, -1, 0x0FBD, -1, Size.SIZED),
    // System (SDM Vol. 2A "LGDT/LIDT", "INVLPG", Vol. 2B "LTR")
    SYS_TABLE_M(Form.M, -1, 0x0F01, -1, Size.FIXED),
    LTR_M(Form.M, -1, 0x0F00, 3, Size.FIXED),
    // Port I/O (SDM Vol. 2A "IN", Vol. 2B "OUT")
    IN_I(Form.I, 0xE4, 0xE5, -1, Size.SIZED),
    IN_DX(Form.ZO, 0xEC, 0xED, -1, Size.SIZED),
    OUT_I(Form.I, 0xE6, 0xE7, -1, Size.SIZED),
    OUT_DX(Form.ZO, 0xEE, 0xEF, -1, Size.SIZED),
    INT_I(Form.I, -1, 0xCD, -1, Size.FIXED),
    // String operations (SDM Vol. 2B "MOVS", "STOS"); BSWAP (Vol. 2A)
    MOVS(Form.ZO, 0xA4, 0xA5, -1, Size.SIZED),
    STOS(Form.ZO, 0xAA, 0xAB, -1, Size.SIZED),
    BSWAP_O(Form.O, -1, 0x0FC8, -1, Size.SIZED);

    /** Operand encoding, the "Op/En" column. */
    enum Form {
        /** no ModRM */
        ZO,
        /** register in the low three opcode bits */
        O,
        /** O plus an immediate */
        OI,
        /** ModRM r/m with a /digit */
        M,
        /** ModRM r/m with a /digit, then an immediate */
        MI,
        /** ModRM r/m is the destination, ModRM.reg the source */
        MR,
        /** ModRM.reg is the destination, r/m the source */
        RM,
        /** RM plus an immediate */
        RMI,
        /** opcode and an immediate */
        I,
        /** opcode and a relative displacement */
        D,
        /** opcode, offset, selector */
        FAR,
        /** accumulator to or from an absolute address (moffs), no ModRM */
        FD
    }

    /** How the operand size is selected. */
    enum Size {
        /** 66h for 16-bit, REX.W for 64-bit, the byte opcode for 8-bit (SDM Vol. 2A §2.2.1.2). */
        SIZED,
        /** 64-bit without REX.W in 64-bit mode (near branches, push/pop; SDM Vol. 2A §2.2.1.7). */
        DEFAULT64,
        /** size is implied by the opcode; never a 66h or REX.W from the operand size */
        FIXED
    }

    final Form form;
    final int opcode8;
    final int opcode;
    final int digit;
    final Size size;

    X64Op(Form form, int opcode8, int opcode, int digit, Size size) {
        this.form = form;
        this.opcode8 = opcode8;
        this.opcode = opcode;
        this.digit = digit;
        this.size = size;
    }

    boolean hasModRm() {
        return switch (form) {
            case M, MI, MR, RM, RMI -> true;
            case ZO, O, OI, I, D, FAR, FD -> false;
        };
    }
}
