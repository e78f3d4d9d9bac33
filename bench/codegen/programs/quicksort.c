/* Quicksort (Lomuto partition, recursive) of 4096 pseudo-random u32s; returns a position-weighted sum. */
#include <stdint.h>
#include <stddef.h>
#define N 4096
static uint32_t data[N];

static void sort(uint32_t *a, size_t lo, size_t hi) {
    if (hi <= lo + 1) return;
    uint32_t pivot = a[hi - 1];
    size_t store = lo;
    for (size_t i = lo; i < hi - 1; i++) {
        if (a[i] < pivot) {
            uint32_t t = a[i];
            a[i] = a[store];
            a[store] = t;
            store++;
        }
    }
    uint32_t t = a[hi - 1];
    a[hi - 1] = a[store];
    a[store] = t;
    sort(a, lo, store);
    sort(a, store + 1, hi);
}

uint64_t bench_work(void) {
    uint32_t seed = 12345;
    for (size_t i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        data[i] = seed >> 8;
    }
    sort(data, 0, N);
    uint64_t sum = 0;
    for (size_t i = 0; i < N; i++) sum += (uint64_t)data[i] * (i + 1);
    return sum;
}
