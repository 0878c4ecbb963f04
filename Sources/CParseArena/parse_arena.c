// A per-thread bump arena for cmark-gfm (see parse_arena.h). Each allocation is preceded by a
// 16-byte header holding its size, so realloc can copy; the newest allocation grows in place.
// cmark-gfm aborts when its default allocator fails, and so does this one.
#include "parse_arena.h"

#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HEADER = 16, CHUNK = 512 * 1024 };

typedef struct chunk {
    struct chunk *previous;
    size_t capacity;
    size_t used;
    size_t pad;                 // keeps the data 16-byte aligned after a 32-byte header
} chunk;

// No chunk is kept between parses: a kept chunk stayed resident in every thread that parsed, for
// the rest of the build (1.5-2 MB of a 1x build's peak); a freed one is malloc's to reuse or return.
typedef struct arena {
    chunk *current;             // the chunk allocations come from; older ones hang off it
    char *last;                 // the newest allocation, which realloc may grow in place
    size_t handed;              // bytes handed out since begin
} arena;

static __thread arena local;

static void out_of_memory(void) {
    fputs("folio: out of memory while parsing Markdown\n", stderr);
    abort();
}

static chunk *new_chunk(size_t need) {
    size_t capacity = need > CHUNK ? need : CHUNK;
    if (capacity > SIZE_MAX - sizeof(chunk)) out_of_memory();
    chunk *c = malloc(sizeof(chunk) + capacity);
    if (!c) out_of_memory();
    c->capacity = capacity;
    c->used = 0;
    return c;
}

static char *data(chunk *c) { return (char *)(c + 1); }

static void *allocate(size_t size) {
    if (size > SIZE_MAX - HEADER - 15) out_of_memory();
    size_t total = (size + HEADER + 15) & ~(size_t)15;
    chunk *c = local.current;
    if (!c || c->capacity - c->used < total) {
        chunk *fresh = new_chunk(total);
        fresh->previous = c;
        local.current = c = fresh;
    }
    char *block = data(c) + c->used;
    c->used += total;
    *(size_t *)block = size;
    local.last = block + HEADER;
    local.handed += size;
    return block + HEADER;
}

void folio_arena_begin(void) {
    folio_arena_end();
    local.handed = 0;
}

void folio_arena_end(void) {
    chunk *c = local.current;
    while (c) {
        chunk *previous = c->previous;
        free(c);
        c = previous;
    }
    local.current = NULL;
    local.last = NULL;
}

void *folio_arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    void *p = allocate(count * size);
    memset(p, 0, count * size);
    return p;
}

void *folio_arena_realloc(void *pointer, size_t size) {
    if (!pointer) return allocate(size);
    char *p = pointer;
    size_t old = *(size_t *)(p - HEADER);
    if (size <= old) return pointer;
    chunk *c = local.current;
    if (p == local.last && c) {
        // The newest allocation: grow it where it stands when the chunk has room.
        size_t start = (size_t)(p - HEADER - data(c));
        if (size <= SIZE_MAX - HEADER - 15) {
            size_t total = (size + HEADER + 15) & ~(size_t)15;
            if (total <= c->capacity - start) {
                c->used = start + total;
                *(size_t *)(p - HEADER) = size;
                local.handed += size - old;
                return pointer;
            }
        }
    }
    void *fresh = allocate(size);
    memcpy(fresh, pointer, old);
    return fresh;
}

void folio_arena_free(void *pointer) { (void)pointer; }

size_t folio_arena_used(void) { return local.handed; }

void folio_heap_stats(size_t *in_use, size_t *free_held) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    struct mallinfo2 m = mallinfo2();
    *in_use = m.uordblks + m.hblkhd;
    *free_held = m.fordblks;
#else
    *in_use = 0;   // mallinfo2 is glibc 2.33 and later
    *free_held = 0;
#endif
}
