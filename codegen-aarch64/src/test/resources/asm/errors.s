// Inputs the assembler must reject, each with its exact diagnostic (column: error[code]: message).
// Rewrite the expectations from our output with -Dbless=true after checking them.
add x0, x1, #4097                       // 13: error[A64A0004]: immediate 4097 is not a 12-bit value optionally shifted by 12
add x0, x1, #0x1001000                  // 13: error[A64A0004]: immediate 16781312 is not a 12-bit value optionally shifted by 12
add x0, w1, #1                          // 5: error[A64A0004]: registers must all be X registers, not w1
add x0, x1, x2, ror #3                  // 17: error[A64A0003]: ror is not allowed here
add x0                                  // 5: error[A64A0003]: 'add' takes 3 or 4 operands, found 1
and x0, x1, #0x1234                     // 13: error[A64A0004]: immediate 0x1234 is not a valid logical (bitmask) immediate
and w0, w1, #0                          // 13: error[A64A0004]: immediate 0x0 is not a valid logical (bitmask) immediate
orr x0, x1, #-1                         // 13: error[A64A0004]: immediate 0xffffffffffffffff is not a valid logical (bitmask) immediate
movz x0, #0x10000                       // 10: error[A64A0004]: immediate 65536 is out of range 0..65535
movz w0, #1, lsl #32                    // 14: error[A64A0004]: shift amount 32 is out of range 0..16
movk x0, #1, lsl #8                     // 14: error[A64A0004]: shift must be a multiple of 16
mov x0, #0x12345678                     // 9: error[A64A0004]: immediate 0x12345678 cannot be loaded by one instruction (use movz/movk)
mov w0, #0x100000000                    // 9: error[A64A0004]: immediate 4294967296 does not fit 32 bits
lsl x0, x1, #64                         // 13: error[A64A0004]: immediate 64 is out of range 0..63
ubfx w0, w1, #20, #13                   // 19: error[A64A0004]: immediate 13 is out of range 1..12
b.eq                                    // 1: error[A64A0003]: 'b.eq' takes 1 operand, found 0
ldr x0, [x1, #32768]                    // 14: error[A64A0004]: offset 32768 is neither a multiple of 8 in 0..32760 nor in -256..255
ldr x0, [x1, #-257]                     // 14: error[A64A0004]: offset -257 is neither a multiple of 8 in 0..32760 nor in -256..255
ldr x0, [x1, #8]!!                      // 17: error[A64A0003]: unexpected '!' after ']'
ldr x0, [x1, w2]                        // 14: error[A64A0003]: a W index register needs uxtw or sxtw
ldr x0, [x1, x2, lsl #2]                // 18: error[A64A0004]: index shift must be #0 or #3
ldr x0, [xzr]                           // 10: error[A64A0003]: base register must be an X register or sp
ldrb x0, [x1]                           // 6: error[A64A0004]: ldrb takes a W register
ldp x0, x1, [sp, #4]                    // 13: error[A64A0004]: offset 4 must be a multiple of 8 in -512..504
ldp x0, x1, [sp, #512]                  // 13: error[A64A0004]: offset 512 must be a multiple of 8 in -512..504
stxr w0, x0, [x1]                       // 6: error[A64A0004]: status register must differ from the data and base registers
svc #0x10000                            // 5: error[A64A0004]: immediate 65536 is out of range 0..65535
tbz w0, #32, start                      // 9: error[A64A0004]: immediate 32 is out of range 0..31
cbz sp, start                           // 5: error[A64A0004]: sp is not allowed here
mrs x0, no_such_reg                     // 9: error[A64A0003]: unknown system register 'no_such_reg'
msr CurrentEL, x0                       // 5: error[A64A0003]: system register CurrentEL is read-only
msr daifset, #16                        // 14: error[A64A0004]: immediate 16 is out of range 0..15
dsb foo                                 // 5: error[A64A0003]: unknown barrier option 'foo'
tlbi vae1                               // 6: error[A64A0003]: tlbi vae1 needs a register operand
tlbi vmalle1, x0                        // 6: error[A64A0003]: 'tlbi' takes 1 operand, found 2
csel x0, x1, x2, xx                     // 18: error[A64A0003]: expected a condition code (eq, ne, hs, lo, …)
cset x0, al                             // 10: error[A64A0003]: condition al cannot be inverted here
ldrsw x0, =1                            // 11: error[A64A0003]: only ldr takes a literal-pool operand
frobnicate x0                           // 1: error[A64A0002]: unknown instruction 'frobnicate'
mov x0, @                               // 9: error[A64A0008]: expected an expression, found '@'
b 7f                                    // 3: error[A64A0007]: local label '7f' is never defined
tbz x0, #1, far                         // 13: error[A64A0010]: target is out of range: displacement 40016, allowed ±32 KiB, multiple of 4
.byte 256                               // 7: error[A64A0004]: value 256 does not fit in 1 byte
.quad undefined_thing * 2               // 7: error[A64A0008]: operand of this operator must be a constant
.align 17                               // 8: error[A64A0005]: alignment exponent 17 is out of range 0..16
.section .foo, "q"                      // 1: error[A64A0005]: unknown section flag 'q'
.bogus 1                                // 1: error[A64A0005]: unknown directive '.bogus'
.endr                                   // 1: error[A64A0005]: .endr without .rept
.rept -1                                // 1: error[A64A0005]: .rept count -1 is out of range 0..1000000
.endr
.ascii 5                                // 8: error[A64A0005]: expected a string
start:
start:                                  // 1: error[A64A0006]: symbol 'start' is already defined
.skip 40000
.balign 4
far:
nop
