// Literal pools (ldr rt, =expr): constants a MOV can build become that MOV; others go to the pool at
// the end of the section or at .ltorg. Compared with llvm-mc by ObjectFileTest.
	.text
	.global entry
entry:
	ldr	x0, =0x1234
	ldr	x1, =0xffffffffffff1234
	ldr	x2, =0x123456789abcdef0
	ldr	w3, =0x12345678
	ldr	x4, =external_symbol
	ldr	x5, =entry + 8
	b	after
	.ltorg
after:
	ldr	x6, =0xdeadbeefcafef00d
	ret
