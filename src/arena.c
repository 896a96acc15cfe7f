/*
 * arena: a bump allocator for libxml2 in one-shot commands.  See
 * arena.h for why.
 *
 * Every block is 16-byte aligned and preceded by two words: its size and,
 * for a block with a mapping of its own, the length of that mapping (0
 * for a block in a chunk).  Own mappings also carry list links in front
 * of those, so that arena_destroy() finds them.  In a chunk only the
 * newest block can grow, shrink or be given back; the others stay until
 * the arena goes, which for a process that parses one page is the end.
 */
#include "config.h"

#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlmemory.h>

#include "arena.h"
#include "bounds.h"

#define ALIGN		16
#define HUGE_PAGE	(2UL * 1024 * 1024)
/* Blocks larger than this get a mapping of their own. */
#define BIG		(ARENA_CHUNK_BYTES / 4)

struct chunk_hdr {
	struct chunk_hdr *prev;
	size_t	 len;		/* of the mapping */
};

/* In front of a block in a chunk. */
struct blk {
	size_t	 size;
	size_t	 own;		/* always 0 here */
};

/* In front of a block with its own mapping. */
struct big {
	struct big *prev, *next;
	size_t	 size;
	size_t	 own;		/* length of the mapping */
};

struct arena {
	struct chunk_hdr *chunks;
	struct big *bigs;
	char	*cur, *end;	/* free space of the newest chunk */
	char	*last;		/* newest block in it, or NULL */
	size_t	 used, max;
};

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#define ARENA_SANITIZED 1
#endif
#endif

static struct arena *xml_arena;

static size_t
round_up(size_t n, size_t to)
{
	return (n + to - 1) / to * to;
}

static void *
map(size_t len)
{
	void	*p;

	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	return p == MAP_FAILED ? NULL : p;
}

/* A chunk aligned to a huge page, so that the kernel can back it with
 * huge pages: map a huge page more and cut off both ends. */
static struct chunk_hdr *
chunk_new(struct arena *ar)
{
	size_t	 len = ARENA_CHUNK_BYTES, head;
	char	*p, *q;

	if (ar->used > ar->max || ar->max - ar->used < len)
		return NULL;
	if ((p = map(len + HUGE_PAGE)) == NULL)
		return NULL;
	q = (char *)round_up((uintptr_t)p, HUGE_PAGE);
	head = (size_t)(q - p);
	if (head > 0)
		munmap(p, head);
	if (HUGE_PAGE - head > 0)
		munmap(q + len, HUGE_PAGE - head);
#ifdef MADV_HUGEPAGE
	(void)madvise(q, len, MADV_HUGEPAGE);
#endif
	ar->used += len;
	return (struct chunk_hdr *)(void *)q;
}

struct arena *
arena_new(size_t max)
{
	struct arena *ar;

	if ((ar = calloc(1, sizeof *ar)) == NULL)
		return NULL;
	ar->max = max;
	return ar;
}

static void *
big_alloc(struct arena *ar, size_t n)
{
	struct big *b;
	size_t	 len;

	if (n > SIZE_MAX - sizeof *b - HUGE_PAGE)
		return NULL;
	len = round_up(sizeof *b + n, (size_t)sysconf(_SC_PAGESIZE));
	if (ar->used > ar->max || ar->max - ar->used < len)
		return NULL;
	if ((b = map(len)) == NULL)
		return NULL;
	b->size = n;
	b->own = len;
	b->prev = NULL;
	b->next = ar->bigs;
	if (ar->bigs != NULL)
		ar->bigs->prev = b;
	ar->bigs = b;
	ar->used += len;
	return b + 1;
}

static void
big_free(struct arena *ar, struct big *b)
{
	if (b->prev != NULL)
		b->prev->next = b->next;
	else
		ar->bigs = b->next;
	if (b->next != NULL)
		b->next->prev = b->prev;
	ar->used -= b->own;
	munmap(b, b->own);
}

void *
arena_alloc(struct arena *ar, size_t n)
{
	struct chunk_hdr *c;
	struct blk *k;
	size_t	 sz;

	if (n == 0)
		n = 1;
	if (n > BIG)
		return big_alloc(ar, n);
	sz = round_up(n, ALIGN);
	if (ar->cur == NULL || (size_t)(ar->end - ar->cur) < sizeof *k + sz) {
		if ((c = chunk_new(ar)) == NULL)
			return NULL;
		c->prev = ar->chunks;
		c->len = ARENA_CHUNK_BYTES;
		ar->chunks = c;
		ar->cur = (char *)c + round_up(sizeof *c, ALIGN);
		ar->end = (char *)c + ARENA_CHUNK_BYTES;
	}
	k = (struct blk *)(void *)ar->cur;
	k->size = n;
	k->own = 0;
	ar->cur += sizeof *k + sz;
	ar->last = (char *)(k + 1);
	return k + 1;
}

void
arena_free(struct arena *ar, void *p)
{
	size_t	*w = p;

	if (p == NULL)
		return;
	if (w[-1] != 0) {
		big_free(ar, (struct big *)p - 1);
		return;
	}
	/* The newest block of the chunk gives its space back. */
	if (p == ar->last) {
		ar->cur = (char *)p - sizeof(struct blk);
		ar->last = NULL;
	}
}

void *
arena_realloc(struct arena *ar, void *p, size_t n)
{
	struct blk *k;
	struct big *b;
	size_t	 old, sz;
	void	*q;

	if (p == NULL)
		return arena_alloc(ar, n);
	if (n == 0)
		n = 1;
	if (((size_t *)p)[-1] != 0) {
		b = (struct big *)p - 1;
		if (n <= b->own - sizeof *b) {
			b->size = n;
			return p;
		}
		old = b->size;
	} else {
		k = (struct blk *)p - 1;
		old = k->size;
		sz = round_up(n, ALIGN);
		if (n <= round_up(old, ALIGN)) {
			k->size = n;
			return p;
		}
		if (p == ar->last && n <= BIG &&
		    (size_t)(ar->end - (char *)p) >= sz) {
			k->size = n;
			ar->cur = (char *)p + sz;
			return p;
		}
	}
	if ((q = arena_alloc(ar, n)) == NULL)
		return NULL;
	memcpy(q, p, old < n ? old : n);
	arena_free(ar, p);
	return q;
}

size_t
arena_used(const struct arena *ar)
{
	return ar->used;
}

void
arena_destroy(struct arena *ar)
{
	struct chunk_hdr *c, *cp;

	if (ar == NULL)
		return;
	while (ar->bigs != NULL)
		big_free(ar, ar->bigs);
	for (c = ar->chunks; c != NULL; c = cp) {
		cp = c->prev;
		munmap(c, c->len);
	}
	free(ar);
}

#ifndef ARENA_SANITIZED
static void
xml_free(void *p)
{
	arena_free(xml_arena, p);
}

static void *
xml_malloc(size_t n)
{
	return arena_alloc(xml_arena, n);
}

static void *
xml_realloc(void *p, size_t n)
{
	return arena_realloc(xml_arena, p, n);
}

static char *
xml_strdup(const char *s)
{
	size_t	 n = strlen(s) + 1;
	char	*p;

	if ((p = arena_alloc(xml_arena, n)) != NULL)
		memcpy(p, s, n);
	return p;
}

#endif

int
arena_xml_install(void)
{
#ifdef ARENA_SANITIZED
	return 0;
#else
	if (xml_arena != NULL)
		return 0;
	if ((xml_arena = arena_new(ARENA_MAX_BYTES)) == NULL)
		return -1;
	if (xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup) != 0) {
		arena_destroy(xml_arena);
		xml_arena = NULL;
		return -1;
	}
	return 0;
#endif
}

int
arena_xml_active(void)
{
	return xml_arena != NULL;
}
