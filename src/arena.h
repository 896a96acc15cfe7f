/*
 * arena: a bump allocator that libxml2 can be pointed at in commands that
 * parse one document and exit (--dump).
 *
 * Parsing a page with libxml2 makes tens of thousands of small
 * allocations; through malloc() they cost about a third of the CPU time
 * of "byline --dump".  From an arena each is a pointer bump, free() is
 * nearly nothing and the document need not be freed at all: the process
 * ends.  Memory comes in chunks of ARENA_CHUNK_BYTES (backed by huge
 * pages where the kernel offers them, so a page costs one fault, not
 * 512); a block that would not fit gets a mapping of its own that free()
 * and realloc() give back.  The total is capped by ARENA_MAX_BYTES.
 *
 * arena_xml_install() must run before any other libxml2 call.  It does
 * nothing in sanitizer builds, so that AddressSanitizer keeps checking
 * every libxml2 block, and arena_xml_active() then says 0.
 */
#ifndef BYLINE_ARENA_H
#define BYLINE_ARENA_H

#include <stddef.h>

struct arena;

struct arena	*arena_new(size_t max);
void		*arena_alloc(struct arena *, size_t);
void		*arena_realloc(struct arena *, void *, size_t);
void		 arena_free(struct arena *, void *);
size_t		 arena_used(const struct arena *);
void		 arena_destroy(struct arena *);

int		 arena_xml_install(void);
int		 arena_xml_active(void);

#endif
