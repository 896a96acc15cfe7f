/*
 * driver: runs files through a fuzz target without libFuzzer, for
 * make check (tests/fuzz-regress.sh) and for replaying a crash under a
 * debugger: "fuzz-regress-feed FILE...".  Each file is read whole and
 * passed once to LLVMFuzzerTestOneInput().  Exit 0 when all ran, 1 when
 * a file cannot be read; a bug in the code under test shows as a signal
 * or a sanitizer report.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "util.h"

/* The largest kept input: kept crash inputs are small (libFuzzer's
 * default -max_len is 4 KB; our runs use at most 1 MB). */
#define DRIVER_MAX_BYTES	(4UL * 1024 * 1024)

int
main(int argc, char **argv)
{
	struct buf	 b;
	struct errbuf	 eb;
	int		 i, status = 0;

	for (i = 1; i < argc; i++) {
		buf_init(&b, DRIVER_MAX_BYTES);
		if (file_read(argv[i], &b, &eb) == -1) {
			fprintf(stderr, "%s\n", eb.msg);
			status = 1;
		} else
			(void)LLVMFuzzerTestOneInput((const uint8_t *)b.data,
			    b.len);
		buf_release(&b);
	}
	return status;
}
