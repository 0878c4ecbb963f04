#ifndef FOLIO_PARSE_ARENA_H
#define FOLIO_PARSE_ARENA_H

#include <stddef.h>

/// A bump allocator for one cmark-gfm parse on the calling thread, with the shape of cmark_mem's
/// three functions. cmark_mem carries no context pointer, so the arena is per thread: begin, parse
/// and read the tree, then end, all on one thread. Nothing is freed one by one; end releases it all.
void folio_arena_begin(void);
void folio_arena_end(void);

void *folio_arena_calloc(size_t count, size_t size);
void *folio_arena_realloc(void *pointer, size_t size);
void folio_arena_free(void *pointer);

/// Bytes handed out since begin (for tests).
size_t folio_arena_used(void);

/// The C heap's bytes in use and free but still held (glibc's mallinfo2), for FOLIO_TIMINGS.
void folio_heap_stats(size_t *in_use, size_t *free_held);

#endif
