/* Sieve of Eratosthenes: primes below 8192, counted 4 times over a global byte array. */
#include <stdint.h>
#define N 8192
static uint8_t composite[N];

uint64_t bench_work(void) {
    uint64_t total = 0;
    for (int round = 0; round < 4; round++) {
        for (uint64_t i = 0; i < N; i++) composite[i] = 0;
        uint64_t count = 0;
        for (uint64_t i = 2; i < N; i++) {
            if (composite[i] == 0) {
                count += 1;
                for (uint64_t j = i * i; j < N; j += i) composite[j] = 1;
            }
        }
        total += count;
    }
    return total;
}
