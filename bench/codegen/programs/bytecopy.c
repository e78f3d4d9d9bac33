/* A byte-at-a-time copy loop: 16 KiB copied 8 times between two global buffers, then summed. */
#include <stdint.h>
#include <stddef.h>
#define N 16384
static uint8_t src[N];
static uint8_t dst[N];

static void copy(uint8_t *to, const uint8_t *from, size_t len) {
    for (size_t i = 0; i < len; i++) to[i] = from[i];
}

uint64_t bench_work(void) {
    for (size_t i = 0; i < N; i++) src[i] = (uint8_t)(i * 7);
    for (int round = 0; round < 8; round++) {
        src[round] = (uint8_t)round;
        copy(dst, src, N);
    }
    uint64_t sum = 0;
    for (size_t i = 0; i < N; i++) sum += (uint64_t)dst[i] * (i & 15);
    return sum;
}
