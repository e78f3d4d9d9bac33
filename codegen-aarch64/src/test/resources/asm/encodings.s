// Expected encodings, one instruction per line with its 32-bit word (as objdump prints it).
// The words come from llvm-mc; EncodingFileTest checks that our assembler produces the same, and
// that llvm-mc still agrees with the file. Rewrite the words from our output with -Dbless=true.
	.text
// Arithmetic: add/sub immediate, shifted, extended; flags and aliases
start:
	add x0, x1, #1                          // 91000420
	add w3, w4, #4095                       // 113ffc83
	add x5, sp, #1, lsl #12                 // 914007e5
	add sp, x6, #16                         // 910040df
	sub x7, x8, #0xfff000                   // d17ffd07
	subs x9, x10, #3                        // f1000d49
	adds w11, w12, #0                       // 3100018b
	add x0, x1, #-8                         // d1002020
	cmp x1, #3                              // f1000c3f
	cmn w2, #5                              // 3100145f
	mov x0, sp                              // 910003e0
	mov sp, x1                              // 9100003f
	add x0, x1, x2                          // 8b020020
	add x0, x1, x2, lsl #63                 // 8b02fc20
	sub w3, w4, w5, asr #31                 // 4b857c83
	subs x6, x7, x8, lsr #1                 // eb4804e6
	add x0, sp, x1                          // 8b2163e0
	add x0, sp, w1, uxtw #2                 // 8b214be0
	add x2, x3, w4, sxtw                    // 8b24c062
	sub sp, sp, x5, lsl #4                  // cb2573ff
	adds x6, x7, w8, uxtb #1                // ab2804e6
	cmp x1, x2                              // eb02003f
	cmp w3, w4, lsl #2                      // 6b04087f
	cmp sp, x5                              // eb2563ff
	cmn x1, w2, sxth #3                     // ab22ac3f
	neg x0, x1                              // cb0103e0
	negs w2, w3, lsl #5                     // 6b0317e2
// Logical
	and x0, x1, #0xff                       // 92401c20
	orr w2, w3, #0x80000000                 // 32010062
	eor x4, x5, #0x5555555555555555         // d200f0a4
	ands w6, w7, #0xfffffffe                // 721f78e6
	and sp, x1, #0xfffffffffffffff0         // 927cec3f
	tst x1, #0x7                            // f240083f
	tst w2, w3                              // 6a03005f
	and x0, x1, x2                          // 8a020020
	orr w3, w4, w5, ror #7                  // 2ac51c83
	eor x6, x7, x8, lsl #63                 // ca08fce6
	bic x0, x1, x2                          // 8a220020
	bics w3, w4, w5, lsr #2                 // 6a650883
	orn x6, x7, x8                          // aa2800e6
	eon w9, w10, w11, asr #3                // 4aab0d49
	mov x0, x1                              // aa0103e0
	mov w2, w3                              // 2a0303e2
	mvn x4, x5                              // aa2503e4
	mvn w6, w7, lsl #4                      // 2a2713e6
// Moves
	movz x0, #0x1234, lsl #16               // d2a24680
	movz w1, #0                             // 52800001
	movn x2, #0                             // 92800002
	movn w3, #0x1, lsl #16                  // 12a00023
	movk x4, #0xffff, lsl #48               // f2ffffe4
	mov x5, #0x10000                        // d2a00025
	mov x6, #-1                             // 92800006
	mov w7, #-2                             // 12800027
	mov x8, #0xff00ff00ff00ff00             // b2089fe8
	mov w9, #0xffff                         // 529fffe9
// Bitfield and shifts
	lsl x0, x1, #3                          // d37df020
	lsl w2, w3, #31                         // 53010062
	lsr x4, x5, #63                         // d37ffca4
	asr w6, w7, #1                          // 13017ce6
	ror x8, x9, #13                         // 93c93528
	lsl x0, x1, x2                          // 9ac22020
	lsr w3, w4, w5                          // 1ac52483
	asr x6, x7, x8                          // 9ac828e6
	ror w9, w10, w11                        // 1acb2d49
	lslv x0, x1, x2                         // 9ac22020
	ubfx x0, x1, #4, #8                     // d3442c20
	sbfx w2, w3, #0, #31                    // 13007862
	ubfiz x4, x5, #3, #7                    // d37d18a4
	sbfiz x6, x7, #60, #4                   // 93440ce6
	bfi w8, w9, #5, #10                     // 331b2528
	bfxil x10, x11, #0, #64                 // b340fd6a
	ubfm x0, x1, #2, #5                     // d3421420
	sbfm w2, w3, #31, #0                    // 131f0062
	bfm x4, x5, #63, #63                    // b37ffca4
	uxtb w0, w1                             // 53001c20
	uxth w2, w3                             // 53003c62
	sxtb x4, w5                             // 93401ca4
	sxth w6, w7                             // 13003ce6
	sxtw x8, w9                             // 93407d28
	extr x0, x1, x2, #17                    // 93c24420
// Multiply, divide, misc
	madd x0, x1, x2, x3                     // 9b020c20
	msub w4, w5, w6, w7                     // 1b069ca4
	mul x8, x9, x10                         // 9b0a7d28
	mneg w11, w12, w13                      // 1b0dfd8b
	smaddl x0, w1, w2, x3                   // 9b220c20
	umaddl x4, w5, w6, x7                   // 9ba61ca4
	smull x8, w9, w10                       // 9b2a7d28
	umull x11, w12, w13                     // 9bad7d8b
	smulh x14, x15, x16                     // 9b507dee
	umulh x17, x18, x19                     // 9bd37e51
	udiv x0, x1, x2                         // 9ac20820
	sdiv w3, w4, w5                         // 1ac50c83
	rbit x0, x1                             // dac00020
	rev w2, w3                              // 5ac00862
	rev x4, x5                              // dac00ca4
	rev16 x6, x7                            // dac004e6
	rev32 x8, x9                            // dac00928
	clz w10, w11                            // 5ac0116a
	cls x12, x13                            // dac015ac
// Conditional select
	csel x0, x1, x2, eq                     // 9a820020
	csinc w3, w4, w5, ne                    // 1a851483
	csinv x6, x7, x8, hs                    // da8820e6
	csneg w9, w10, w11, lo                  // 5a8b3549
	cset x0, ge                             // 9a9fb7e0
	csetm w1, lt                            // 5a9fa3e1
	cinc x2, x3, gt                         // 9a83d462
	cinv w4, w5, le                         // 5a85c0a4
	cneg x6, x7, mi                         // da8754e6
	csel x0, x1, x2, cs                     // 9a822020
	csel x0, x1, x2, cc                     // 9a823020
// Branches to labels and offsets
1:
	b 1b                                    // 14000000
	b 1f                                    // 1400000a
	bl start                                // 97ffff90
	b.eq 1b                                 // 54ffffa0
	b.ne end                                // 54001121
	bne 1b                                  // 54ffff61
	b.al 1f                                 // 540000ae
	cbz x0, 1b                              // b4ffff20
	cbnz w1, end                            // 350010a1
	tbz x2, #63, 1b                         // b6fffee2
	tbnz w3, #0, end                        // 37001063
1:
	adr x0, start                           // 10fff0e0
	adr x1, end                             // 10001021
	adr x2, #-4                             // 10ffffe2
	b #8                                    // 14000002
	bl #-0x8000000                          // 96000000
	b.gt #4                                 // 5400002c
	cbz x3, #1048572                        // b47fffe3
	tbz w4, #31, #-32768                    // 36fc0004
	ldr x5, #8                              // 58000045
	br x0                                   // d61f0000
	blr x1                                  // d63f0020
	ret                                     // d65f03c0
	ret x2                                  // d65f0040
// Loads and stores
	ldr x0, [x1]                            // f9400020
	ldr x0, [x1, #8]                        // f9400420
	ldr w2, [sp, #16380]                    // b97fffe2
	ldr x3, [x4, #32760]                    // f97ffc83
	ldr x5, [x6, #-8]                       // f85f80c5
	ldr x7, [x8, #1]                        // f8401107
	ldr x9, [x10, #16]!                     // f8410d49
	ldr x11, [x12], #-256                   // f850058b
	str x13, [x14, #255]!                   // f80ffdcd
	strb w15, [x16, #4095]                  // 393ffe0f
	ldrb w17, [x18], #1                     // 38401651
	ldrh w19, [x20, #8190]                  // 797ffe93
	strh w21, [x22, #-1]                    // 781ff2d5
	ldrsb x23, [x24]                        // 39800317
	ldrsb w25, [x26, #1]                    // 39c00759
	ldrsh x27, [x28, #2]                    // 7980079b
	ldrsh w29, [x30, #-2]!                  // 78dfefdd
	ldrsw x0, [x1, #16380]                  // b9bffc20
	ldr x2, [x3, x4]                        // f8646862
	ldr x5, [x6, x7, lsl #3]                // f86778c5
	ldr w8, [x9, w10, uxtw]                 // b86a4928
	ldr w11, [x12, w13, sxtw #2]            // b86dd98b
	ldrb w14, [x15, x16, lsl #0]            // 387079ee
	ldrh w17, [x18, x19, sxtx #1]           // 7873fa51
	str x20, [sp, x21, sxtx]                // f835ebf4
	ldur x0, [x1, #-1]                      // f85ff020
	stur w2, [x3, #255]                     // b80ff062
	ldurb w4, [x5]                          // 384000a4
	ldursw x6, [x7, #-256]                  // b89000e6
	ldr x8, start                           // 58ffeba8
	ldr w9, 1b                              // 18fffaa9
	ldrsw x10, end                          // 98000aca
	ldp x0, x1, [sp]                        // a94007e0
	ldp x2, x3, [sp, #-512]                 // a9600fe2
	stp x29, x30, [sp, #-16]!               // a9bf7bfd
	ldp x29, x30, [sp], #16                 // a8c17bfd
	stp w4, w5, [x6, #252]                  // 291f94c4
	ldpsw x7, x8, [x9, #-256]               // 69602127
	ldp w10, w11, [x12], #4                 // 28c0ad8a
// Exclusives and ordered
	ldxr x0, [x1]                           // c85f7c20
	ldxr w2, [x3, #0]                       // 885f7c62
	ldaxr x4, [sp]                          // c85fffe4
	stxr w5, x6, [x7]                       // c8057ce6
	stlxr w8, w9, [x10]                     // 8808fd49
	ldxrb w11, [x12]                        // 085f7d8b
	ldaxrh w13, [x14]                       // 485ffdcd
	stxrb w15, w16, [x17]                   // 080f7e30
	stlxrh w18, w19, [x20]                  // 4812fe93
	ldar x21, [x22]                         // c8dffed5
	stlr w23, [x24]                         // 889fff17
	ldarb w25, [x26]                        // 08dfff59
	stlrh w27, [x28]                        // 489fff9b
// System
	svc #0                                  // d4000001
	hvc #0                                  // d4000002
	smc #1                                  // d4000023
	brk #0xffff                             // d43fffe0
	hlt #0xf000                             // d45e0000
	eret                                    // d69f03e0
	nop                                     // d503201f
	yield                                   // d503203f
	wfe                                     // d503205f
	wfi                                     // d503207f
	sev                                     // d503209f
	sevl                                    // d50320bf
	dsb sy                                  // d5033f9f
	dsb ish                                 // d5033b9f
	dmb ishld                               // d50339bf
	dmb oshst                               // d50332bf
	dsb #12                                 // d5033c9f
	isb                                     // d5033fdf
	isb #5                                  // d50335df
	msr daifset, #2                         // d50342df
	msr DAIFClr, #0xf                       // d5034fff
	msr spsel, #1                           // d50041bf
	mrs x0, CurrentEL                       // d5384240
	mrs x1, mpidr_el1                       // d53800a1
	msr SCTLR_EL1, x2                       // d5181002
	msr vbar_el1, x3                        // d518c003
	mrs x4, ESR_EL1                         // d5385204
	mrs x5, ELR_EL1                         // d5384025
	mrs x6, FAR_EL1                         // d5386006
	msr SPSR_EL1, x7                        // d5184007
	msr TTBR0_EL1, x8                       // d5182008
	msr ttbr1_el1, x9                       // d5182029
	msr TCR_EL1, x10                        // d518204a
	msr MAIR_EL1, x11                       // d518a20b
	msr CPACR_EL1, x12                      // d518104c
	msr CNTV_CTL_EL0, x13                   // d51be32d
	msr CNTV_TVAL_EL0, x14                  // d51be30e
	mrs x15, CNTFRQ_EL0                     // d53be00f
	mrs x16, CNTVCT_EL0                     // d53be050
	msr SP_EL0, x17                         // d5184111
	msr TPIDR_EL1, x18                      // d518d092
	mrs x19, DAIF                           // d53b4233
	msr DAIF, x20                           // d51b4234
	mrs x21, PMCCNTR_EL0                    // d53b9d15
	msr PMCR_EL0, x22                       // d51b9c16
	msr PMCNTENSET_EL0, x23                 // d51b9c37
	msr PMUSERENR_EL0, x24                  // d51b9e18
	msr PMEVTYPER0_EL0, x25                 // d51bec19
	mrs x26, PMEVCNTR30_EL0                 // d53bebda
	msr PMCCFILTR_EL0, x27                  // d51beffb
	mrs x28, S3_0_C15_C2_0                  // d538f21c
	tlbi vmalle1is                          // d508831f
	tlbi vmalle1                            // d508871f
	tlbi vae1, x0                           // d5088720
	tlbi aside1is, x1                       // d5088341
	tlbi vaale1, x2                         // d50887e2
	at s1e1r, x3                            // d5087803
	at s1e0w, x4                            // d5087864
	dc civac, x5                            // d50b7e25
	dc zva, x6                              // d50b7426
	dc cvau, x7                             // d50b7b27
	dc isw, x8                              // d5087648
	ic iallu                                // d508751f
	ic ialluis                              // d508711f
	ic ivau, x9                             // d50b7529
end:
	nop                                     // d503201f
