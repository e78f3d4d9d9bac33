/* CRC-32 (IEEE, reflected, table-driven) of a 16 KiB pseudo-random buffer; the table is built first. */
#include <stdint.h>
#include <stddef.h>
#define N 16384
static uint32_t table[256];
static uint8_t buf[N];

uint64_t bench_work(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    uint32_t seed = 7;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1664525u + 1013904223u;
        buf[i] = (uint8_t)(seed >> 24);
    }
    uint32_t crc = 0xFFFFFFFFu;
    for (size_t i = 0; i < N; i++) crc = table[(crc ^ buf[i]) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}
