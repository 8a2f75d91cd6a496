/* Counts heap allocations of a process, for Benchmarks/run.py: LD_PRELOAD this library and set
 * SLANT_MALLOC_COUNT=FILE; at exit it writes "allocations N bytes B" to FILE. It forwards to glibc's own
 * entry points (__libc_malloc and friends), so no dlsym is needed before the first allocation. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);

static atomic_ullong allocations;
static atomic_ullong allocated_bytes;

static void count(size_t size) {
    atomic_fetch_add_explicit(&allocations, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&allocated_bytes, size, memory_order_relaxed);
}

void *malloc(size_t size) { count(size); return __libc_malloc(size); }
void *calloc(size_t n, size_t size) { count(n * size); return __libc_calloc(n, size); }
void *realloc(void *pointer, size_t size) { count(size); return __libc_realloc(pointer, size); }
void *memalign(size_t alignment, size_t size) { count(size); return __libc_memalign(alignment, size); }
void *aligned_alloc(size_t alignment, size_t size) { count(size); return __libc_memalign(alignment, size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
    count(size);
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *out = pointer;
    return 0;
}

__attribute__((destructor)) static void report(void) {
    const char *path = getenv("SLANT_MALLOC_COUNT");
    if (path == NULL) return;
    FILE *file = fopen(path, "w");
    if (file == NULL) return;
    fprintf(file, "allocations %llu bytes %llu\n", (unsigned long long)atomic_load(&allocations),
            (unsigned long long)atomic_load(&allocated_bytes));
    fclose(file);
}
