/* A linked list of 2048 nodes threaded through a global array in a scrambled order, walked 16 times. */
#include <stdint.h>
#include <stddef.h>
#define N 2048
struct node { uint64_t value; struct node *next; };
static struct node nodes[N];

uint64_t bench_work(void) {
    /* 1021 is odd, so i * 1021 mod 2048 visits every slot once. */
    for (size_t i = 0; i < N; i++) {
        size_t here = (i * 1021) % N;
        size_t there = ((i + 1) * 1021) % N;
        nodes[here].value = i;
        nodes[here].next = i + 1 < N ? &nodes[there] : NULL;
    }
    uint64_t sum = 0;
    for (uint64_t round = 0; round < 16; round++) {
        for (struct node *cur = &nodes[0]; cur != NULL; cur = cur->next) sum += cur->value ^ round;
    }
    return sum;
}
