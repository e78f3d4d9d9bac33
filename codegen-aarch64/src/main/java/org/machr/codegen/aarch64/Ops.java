package org.machr.codegen.aarch64;

/** The small opcode enums of the instruction records, each with the encoding bits it selects. */
public final class Ops {
    private Ops() {}

    /** Logical (immediate) opc (Arm ARM C4.1.92.5). */
    public enum LogicalImmOp { AND, ORR, EOR, ANDS }

    /** Logical (shifted register) opc:N (Arm ARM C4.1.94.3). */
    public enum LogicalRegOp {
        AND(0, 0), BIC(0, 1), ORR(1, 0), ORN(1, 1), EOR(2, 0), EON(2, 1), ANDS(3, 0), BICS(3, 1);
        public final int opc;
        public final int n;
        LogicalRegOp(int opc, int n) { this.opc = opc; this.n = n; }
    }

    /** Move wide (immediate) opc (Arm ARM C4.1.92.6): MOVN 00, MOVZ 10, MOVK 11. */
    public enum MoveWideOp {
        MOVN(0), MOVZ(2), MOVK(3);
        public final int opc;
        MoveWideOp(int opc) { this.opc = opc; }
    }

    /** Bitfield opc (Arm ARM C4.1.92.7). */
    public enum BitfieldOp { SBFM, BFM, UBFM }

    /** Data-processing (1 source) opcode (Arm ARM C4.1.94.2); REV's opcode depends on the width. */
    public enum DataProc1Op { RBIT, REV16, REV32, REV, CLZ, CLS }

    /** Data-processing (2 source) opcode (Arm ARM C4.1.94.1). */
    public enum DataProc2Op {
        UDIV(2), SDIV(3), LSLV(8), LSRV(9), ASRV(10), RORV(11);
        public final int opcode;
        DataProc2Op(int opcode) { this.opcode = opcode; }
    }

    /** Data-processing (3 source) op31:o0 (Arm ARM C4.1.94.12); the long forms take W sources. */
    public enum DataProc3Op {
        MADD(0, 0, false), MSUB(0, 1, false), SMADDL(1, 0, true), SMSUBL(1, 1, true),
        UMADDL(5, 0, true), UMSUBL(5, 1, true), SMULH(2, 0, false), UMULH(6, 0, false);
        public final int op31;
        public final int o0;
        public final boolean isLong;
        DataProc3Op(int op31, int o0, boolean isLong) { this.op31 = op31; this.o0 = o0; this.isLong = isLong; }
        public boolean isHigh() { return this == SMULH || this == UMULH; }
    }

    /** Conditional select op:op2 (Arm ARM C4.1.94.10). */
    public enum CondSelectOp {
        CSEL(0, 0), CSINC(0, 1), CSINV(1, 0), CSNEG(1, 1);
        public final int op;
        public final int op2;
        CondSelectOp(int op, int op2) { this.op = op; this.op2 = op2; }
    }

    /** Unconditional branch (register) opc (Arm ARM C4.1.93.13). */
    public enum BranchRegOp {
        BR(0), BLR(1), RET(2);
        public final int opc;
        BranchRegOp(int opc) { this.opc = opc; }
    }

    /** Exception generation (Arm ARM C4.1.93.5): opc and LL. */
    public enum ExceptionOp {
        SVC(0, 1), HVC(0, 2), SMC(0, 3), BRK(1, 0), HLT(2, 0);
        public final int opc;
        public final int ll;
        ExceptionOp(int opc, int ll) { this.opc = opc; this.ll = ll; }
    }

    /** Hints CRm:op2 (Arm ARM C4.1.93.7). */
    public enum HintOp {
        NOP(0), YIELD(1), WFE(2), WFI(3), SEV(4), SEVL(5);
        public final int imm;
        HintOp(int imm) { this.imm = imm; }
    }

    /** Barriers op2 (Arm ARM C4.1.93.8). */
    public enum BarrierKind {
        DSB(4), DMB(5), ISB(6);
        public final int op2;
        BarrierKind(int op2) { this.op2 = op2; }
    }

    /** PSTATE fields of MSR (immediate): op1, op2 (Arm ARM C6.2.230). */
    public enum PStateField {
        SPSel(0, 5), DAIFSet(3, 6), DAIFClr(3, 7);
        public final int op1;
        public final int op2;
        PStateField(int op1, int op2) { this.op1 = op1; this.op2 = op2; }
    }

    /** Single-register loads and stores; STR/LDR take their size from the register. */
    public enum LoadStoreOp {
        STRB, LDRB, LDRSB, STRH, LDRH, LDRSH, STR, LDR, LDRSW;

        /** log2 of the access size for a register of the given width. */
        public int sizeLog2(boolean rt64) {
            return switch (this) {
                case STRB, LDRB, LDRSB -> 0;
                case STRH, LDRH, LDRSH -> 1;
                case STR, LDR -> rt64 ? 3 : 2;
                case LDRSW -> 2;
            };
        }

        /** The opc field (Arm ARM C4.1.95.x load/store register): 0 store, 1 load, 2 signed to X, 3 signed to W. */
        public int opc(boolean rt64) {
            return switch (this) {
                case STRB, STRH, STR -> 0;
                case LDRB, LDRH, LDR -> 1;
                case LDRSB, LDRSH -> rt64 ? 2 : 3;
                case LDRSW -> 2;
            };
        }

        public boolean isLoad() {
            return this != STRB && this != STRH && this != STR;
        }
    }

    /** Load/store pair (Arm ARM C4.1.95.15). */
    public enum PairOp { STP, LDP, LDPSW }

    /** Indexing mode of load/store pair: the encoding's bits 24..23. */
    public enum PairMode {
        POST(1), OFFSET(2), PRE(3);
        public final int bits;
        PairMode(int bits) { this.bits = bits; }
    }

    /** Load/store exclusive and ordered (Arm ARM C4.1.95.3): o2, L, o0. */
    public enum ExclusiveOp {
        STXR(0, 0, 0, true), STLXR(0, 0, 1, true), LDXR(0, 1, 0, false), LDAXR(0, 1, 1, false),
        STLR(1, 0, 1, false), LDAR(1, 1, 1, false);
        public final int o2;
        public final int l;
        public final int o0;
        public final boolean hasStatus;
        ExclusiveOp(int o2, int l, int o0, boolean hasStatus) { this.o2 = o2; this.l = l; this.o0 = o0; this.hasStatus = hasStatus; }
    }
}
