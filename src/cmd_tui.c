/*
 * cmd_tui: the interactive reader; see ui.h.
 */
#include "cmd.h"
#include "ui.h"

int
cmd_tui(const struct options *o, const char *target, int demo, FILE *err)
{
	return ui_start(o, target, demo, err);
}
