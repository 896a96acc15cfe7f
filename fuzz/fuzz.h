/*
 * fuzz: the libFuzzer entry point every fuzz/fuzz_*.c target defines,
 * and the helpers they share.  A target calls the real module API on
 * one input and checks the module's promises (NUL-terminated results,
 * no control character in sanitised text); it must not leak, and it
 * aborts only on a broken promise, which libFuzzer reports as a crash.
 *
 * The same target code is linked with fuzz/driver.c (a plain main() that
 * runs files through it) for tests/fuzz-regress.sh in make check, so the
 * kept crash inputs are replayed by every build, with or without clang.
 */
#ifndef BYLINE_FUZZ_H
#define BYLINE_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Takes the first byte of *data (0 when there is none) and moves past
 * it: targets read their parameters (chunk sizes, width, format) from
 * the head of the input so that libFuzzer can mutate them too.
 */
static inline unsigned
fuzz_take_byte(const uint8_t **data, size_t *size)
{
	unsigned v;

	if (*size == 0)
		return 0;
	v = **data;
	(*data)++;
	(*size)--;
	return v;
}

#endif
