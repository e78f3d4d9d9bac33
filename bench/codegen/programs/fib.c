/* Naive doubly recursive Fibonacci: fib(24). */
#include <stdint.h>

static uint64_t fib(uint64_t n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

uint64_t bench_work(void) {
    return fib(24);
}
