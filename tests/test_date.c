/*
 * test_date: the date parser on a table of good and bad inputs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"

struct good {
	const char	*in;
	const char	*day;		/* as written */
	long long	 utc;		/* expected instant */
	enum date_precision prec;
};

/* 2025-02-17T00:00:00Z = 1739750400 */
#define D0217	1739750400LL

static const struct good goods[] = {
	{ "Mon, 17 Feb 2025 17:11:00 GMT", "2025-02-17", D0217 + 61860, DATE_SECOND },
	{ "Mon, 17 Feb 2025 17:11:00 +0200", "2025-02-17", D0217 + 54660, DATE_SECOND },
	{ "17 Feb 2025 17:11 EST", "2025-02-17", D0217 + 61860 + 5 * 3600, DATE_MINUTE },
	{ "Mon, 17 Feb 25 17:11:00 PDT", "2025-02-17", D0217 + 61860 + 7 * 3600, DATE_SECOND },
	{ "Thu, 01 Jan 99 00:00:00 GMT", "1999-01-01", 915148800LL, DATE_SECOND },
	{ "2025-02-17", "2025-02-17", D0217, DATE_DAY },
	{ "2025-02-17T17:11:00Z", "2025-02-17", D0217 + 61860, DATE_SECOND },
	{ "2025-02-17T17:11:00.123+02:00", "2025-02-17", D0217 + 54660, DATE_SECOND },
	{ "2025-02-17T23:30:00-05:00", "2025-02-17", D0217 + 84600 + 18000, DATE_SECOND },
	{ "2025-02-17 17:11:00 +0000", "2025-02-17", D0217 + 61860, DATE_SECOND },
	{ "2025-02-17T17:11Z", "2025-02-17", D0217 + 61860, DATE_MINUTE },
	{ "February 17, 2025 5:11 PM", "2025-02-17", D0217 + 61860, DATE_MINUTE },
	{ "February 17, 2025 12:05 AM", "2025-02-17", D0217 + 300, DATE_MINUTE },
	{ "17 Feb 2025", "2025-02-17", D0217, DATE_DAY },
	{ "Feb. 17, 2025", "2025-02-17", D0217, DATE_DAY },
	{ "Sept 17, 2025", "2025-09-17", 1758067200LL, DATE_DAY },
	{ "17.02.2025", "2025-02-17", D0217, DATE_DAY },
	{ "2025/02/17", "2025-02-17", D0217, DATE_DAY },
	{ "17/02/2025", "2025-02-17", D0217, DATE_DAY },
	{ "02/17/2025", "2025-02-17", D0217, DATE_DAY },
	{ "Monday, 17 February 2025", "2025-02-17", D0217, DATE_DAY },
	{ "Monday, February 17th, 2025", "2025-02-17", D0217, DATE_DAY },
	{ "  17 February 2025\t", "2025-02-17", D0217, DATE_DAY },
	{ "29 Feb 2024", "2024-02-29", 1709164800LL, DATE_DAY },
};

static const char *const bads[] = {
	"", "   ", "yesterday", "2025-02-30", "2025-13-01", "30 Feb 2025",
	"29 Feb 2025", "03/04/2025", "February 2025", "17 Feb", "Feb 17",
	"2025-02-17T25:00:00Z", "2025-02-17 junk", "17 Febtober 2025",
	"0000-01-01", "99999-01-01", "12:30", "2025", "13:00 PM",
	"February 17, 2025 13:11 PM", "\x1b[31m2025-02-17",
	"17 Feb 2025 17:11:00 +9999",
};

static void
test_date_parse_good(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		struct date d;
		char	 day[11];

		memset(&d, 0, sizeof d);
		if (date_parse(goods[i].in, strlen(goods[i].in), &d) != 0)
			fail_msg("rejected: \"%s\"", goods[i].in);
		date_format_day(&d, day);
		if (strcmp(day, goods[i].day) != 0)
			fail_msg("\"%s\": day %s, want %s", goods[i].in, day,
			    goods[i].day);
		if ((long long)d.utc != goods[i].utc)
			fail_msg("\"%s\": utc %lld, want %lld", goods[i].in,
			    (long long)d.utc, goods[i].utc);
		if (d.prec != goods[i].prec)
			fail_msg("\"%s\": precision %d, want %d", goods[i].in,
			    d.prec, goods[i].prec);
	}
}

static void
test_date_parse_bad_rejected(void **state)
{
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		struct date d = { 42, 7, DATE_NONE };

		if (date_parse(bads[i], strlen(bads[i]), &d) == 0)
			fail_msg("accepted: \"%s\"", bads[i]);
		/* A failed parse leaves the output alone. */
		assert_int_equal(d.utc, 42);
		assert_int_equal(d.offset, 7);
	}
}

static void
test_date_find_in_byline(void **state)
{
	const char *s = "by Tim Zadorozhnyy February 17, 2025 5:11 PM 2 min read";
	struct date d;
	size_t	 a, b;
	char	 day[11];

	(void)state;
	assert_int_equal(date_find(s, strlen(s), &d, &a, &b), 0);
	date_format_day(&d, day);
	assert_string_equal(day, "2025-02-17");
	assert_int_equal(d.prec, DATE_MINUTE);
	assert_int_equal(a, strlen("by Tim Zadorozhnyy "));
	assert_int_equal(b, strlen("by Tim Zadorozhnyy February 17, 2025 5:11 PM"));
}

static void
test_date_find_none_in_prose(void **state)
{
	const char *s = "He read it in 5 min and left at 10:30 on the 3rd.";
	struct date d;
	size_t	 a, b;

	(void)state;
	assert_int_equal(date_find(s, strlen(s), &d, &a, &b), -1);
}

static void
test_date_find_iso_inside_text(void **state)
{
	const char *s = "Published: 2024-11-05T08:00:00Z | Updated";
	struct date d;
	size_t	 a, b;

	(void)state;
	assert_int_equal(date_find(s, strlen(s), &d, &a, &b), 0);
	assert_int_equal(a, 11);
	assert_int_equal(b, 31);
}

static void
test_date_parse_long_input_rejected(void **state)
{
	char	 big[4096];
	struct date d;

	(void)state;
	memset(big, '1', sizeof big);
	assert_int_equal(date_parse(big, sizeof big, &d), -1);
	assert_int_equal(date_find(big, sizeof big, &d, &(size_t){ 0 },
	    &(size_t){ 0 }), -1);
}

/* What a word is to a date, for the extractor's dateline test. */
static void
test_date_word_kinds(void **state)
{
	(void)state;
	assert_int_equal(date_word("nov"), DATE_WORD_MONTH);
	assert_int_equal(date_word("sept"), DATE_WORD_MONTH);
	assert_int_equal(date_word("thursday"), DATE_WORD_WEEKDAY);
	assert_int_equal(date_word("aedt"), DATE_WORD_ZONE);
	assert_int_equal(date_word("at"), DATE_WORD_FILLER);
	assert_int_equal(date_word("council"), DATE_WORD_NONE);
	assert_int_equal(date_word("Nov"), DATE_WORD_NONE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_good),
		cmocka_unit_test(test_date_parse_bad_rejected),
		cmocka_unit_test(test_date_find_in_byline),
		cmocka_unit_test(test_date_find_none_in_prose),
		cmocka_unit_test(test_date_find_iso_inside_text),
		cmocka_unit_test(test_date_parse_long_input_rejected),
		cmocka_unit_test(test_date_word_kinds),
	};

	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
