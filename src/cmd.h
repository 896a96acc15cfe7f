/*
 * cmd: the command line's modes.  main.c parses options into struct
 * options and calls one cmd_* function, which returns the exit status
 * (0 done, 1 input could not be read or understood, 2 bad usage) and
 * prints its own output and one-line error messages to the given streams.
 */
#ifndef BYLINE_CMD_H
#define BYLINE_CMD_H

#include <stdio.h>

#include "extract.h"
#include "render.h"

struct options {
	const char	*config;	/* -c: feeds.conf, or NULL (XDG) */
	const char	*db;		/* --db, or NULL (XDG) */
	enum render_format format;
	enum extract_input input;
	const char	*base_url;
	int		 color;		/* 0 when NO_COLOR is set */
};

int	 cmd_dump(const struct options *, const char *target, FILE *out,
	    FILE *err);

#endif
