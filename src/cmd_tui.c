/*
 * cmd_tui: the interactive reader; see ui.h.  The command line's options
 * become the reader's own struct ui_setup here, so that the reader does
 * not depend on cmd.h.
 */
#include <string.h>

#include "cmd.h"
#include "ui.h"

int
cmd_tui(const struct options *o, const char *target, int demo, FILE *err)
{
	struct ui_setup s;

	memset(&s, 0, sizeof s);
	s.config = o->config;
	s.db = o->db;
	s.base_url = o->base_url;
	s.color = o->color;
	s.target = target;
	s.demo = demo;
	return ui_start(&s, err);
}
