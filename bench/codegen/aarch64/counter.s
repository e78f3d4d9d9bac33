// Instruction counter for bench/codegen on aarch64 (design/boot.md): PMU event counter 0 counts
// event 0x08 (INST_RETIRED) at EL1; exact under QEMU's -icount shift=0.
	.text
	.globl	bench_counter_start
bench_counter_start:
	mov	x0, #0x08
	msr	PMEVTYPER0_EL0, x0
	mov	x0, #1
	msr	PMCNTENSET_EL0, x0
	mrs	x0, PMCR_EL0
	orr	x0, x0, #3
	msr	PMCR_EL0, x0
	isb
	ret

	.globl	bench_counter_read
bench_counter_read:
	isb
	mrs	x0, PMEVCNTR0_EL0
	ret
