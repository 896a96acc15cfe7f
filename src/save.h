/*
 * save: an article written to a file, as text or markdown (the reader's
 * save command).  The format follows the name: ".md" or ".markdown" is
 * markdown (render.h's, with title and metadata), anything else text: a
 * header of title, byline, site and address, a blank line, then the
 * story's paragraphs.
 *
 * save_default_path() makes the name the prompt offers: the title made
 * safe for a file name (letters and digits kept, ASCII ones lower
 * case, the rest one "-", at most SAVE_NAME_MAX_BYTES) in the save
 * folder ("~/" expanded; NULL: the home directory).  Caller frees.
 *
 * Errors: 0, or -1 with eb set to "PATH: why"; an existing file is
 * replaced only when overwrite is set (EEXIST otherwise, so the caller
 * can ask).  Nothing is printed; no curses.
 */
#ifndef BYLINE_SAVE_H
#define BYLINE_SAVE_H

#include "article.h"
#include "util.h"

char	*save_default_path(const char *folder, const char *title,
	    int markdown);
/* Expands a leading "~/" with $HOME.  Caller frees; NULL on no
 * memory. */
char	*save_expand(const char *path);
int	 save_article(const struct article *, const char *path, int overwrite,
	    struct errbuf *eb) WARN_UNUSED;

#endif
