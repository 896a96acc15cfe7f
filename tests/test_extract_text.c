/*
 * test_extract_text: the text-copy extractor on small pages written
 * here, one behaviour each, plus the project's sample page.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"
#include "util.h"

#define P1 "The committee met on Tuesday to review the plan for the new " \
	"library, which has been delayed twice since the spring.\n\n"
#define P2 "Members agreed that the building work would start in June, " \
	"and that the reading rooms would stay open while it goes on.\n\n"
#define P3 "The final cost, they said, will be published with the annual " \
	"accounts once the contractors have signed their agreements.\n\n"

static const char nav[] =
	"Home\nNews\nSport\nWeather\nCulture\nSign in\n";

static struct article *
extract(const char *text)
{
	struct extract_opts o;
	struct article *a = NULL;
	struct errbuf eb;

	memset(&o, 0, sizeof o);
	o.where = "test";
	o.input = EXTRACT_TEXT;
	if (extract_text(text, strlen(text), &o, &a, &eb) != 0)
		fail_msg("extract failed: %s", eb.msg);
	return a;
}

static int
has_text(const struct article *a, const char *needle)
{
	size_t	 i;

	for (i = 0; i < a->nblocks; i++)
		if (strstr(a->blocks[i].text, needle) != NULL)
			return 1;
	return 0;
}

static void
test_extract_text_drops_menu_keeps_story(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n%s%s%s%s",
	    nav, P1, P2, P3, nav);
	a = extract(page);
	assert_int_equal(a->nblocks, 3);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "Weather"));
	article_free(a);
}

/* A short call to the reader after the story's last paragraph goes
 * (the rule both extractors share: article_drop_calls()). */
static void
test_extract_text_call_at_end_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	/* Prose: a paragraph of 200 bytes or more before the call. */
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n%s%s"
	    "The board added that the cost of the work, the time it takes and "
	    "the rooms it closes will be set out at a public meeting in the "
	    "town hall, where readers may ask questions of the architects and "
	    "of the builders.\n\n"
	    "%sDid you like it? Share this article with a friend.\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "Share this"));
	article_free(a);
}

/* The author's box at the story's end goes ("Jo Marsh is a reporter
 * ..."); a last sentence about a thing ("The Courier is a ...") stays. */
static void
test_extract_text_author_box_at_end_dropped(void **state)
{
	static const char *const ends[] = {
		"Jo Marsh is a reporter for the Courier.",
		"The Courier is a weekly paper.",
	};
	struct article *a;
	char	 page[4096];
	size_t	 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
		    "%s%sThe board added that the cost of the work, the time "
		    "it takes and the rooms it closes will be set out at a "
		    "public meeting in the town hall, where readers may ask "
		    "questions of the architects and of the builders.\n\n%s\n",
		    nav, P1, P2, ends[i]);
		a = extract(page);
		assert_true(has_text(a, "public meeting"));
		assert_int_equal(has_text(a, " is a "), i == 1);
		article_free(a);
	}
}

/* A longer box (up to 450 bytes) and one that tells what its writer
 * studied go too. */
static void
test_extract_text_long_author_box_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
	    "%s%sThe board added that the cost of the work, the time "
	    "it takes and the rooms it closes will be set out at a "
	    "public meeting in the town hall, where readers may ask "
	    "questions of the architects and of the builders.\n\n"
	    "Jo Marsh studied history and law before she joined the Courier "
	    "as a trainee, and she has since covered the council, the courts "
	    "and the schools of the town.  In her spare time she swims, runs "
	    "and cycles along the river, and now and then she writes a book "
	    "about the places she walks through on the weekends.\n",
	    nav, P1, P2);
	a = extract(page);
	assert_true(has_text(a, "public meeting"));
	assert_false(has_text(a, "studied history"));
	article_free(a);
}

/* "Teile diesen Beitrag ..." and "Filed under ..." at the end go. */
static void
test_extract_text_share_and_filed_under_dropped(void **state)
{
	static const char *const ends[] = {
		"Teile diesen Beitrag auf Social Media.",
		"Filed under libraries, council.",
	};
	struct article *a;
	char	 page[4096];
	size_t	 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
		    "%s%sThe board added that the cost of the work, the time "
		    "it takes and the rooms it closes will be set out at a "
		    "public meeting in the town hall, where readers may ask "
		    "questions of the architects and of the builders.\n\n%s\n",
		    nav, P1, P2, ends[i]);
		a = extract(page);
		assert_true(has_text(a, "public meeting"));
		assert_false(has_text(a, ends[i]));
		article_free(a);
	}
}

/* The author's box under "About Jo" (or "Über Jo") goes, though it
 * is prose and names no bio verb; "About 200 people" stays. */
static void
test_extract_text_about_box_dropped(void **state)
{
	static const char *const labels[] = {
		"About Jo", "\xc3\x9c" "ber Jo", "About 200 people",
	};
	struct article *a;
	char	 page[4096];
	size_t	 i;

	(void)state;
	for (i = 0; i < 3; i++) {
		snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
		    "%s%sThe board added that the cost of the work, the time "
		    "it takes and the rooms it closes will be set out at a "
		    "public meeting in the town hall, where readers may ask "
		    "questions of the architects and of the builders.\n\n"
		    "%s\n\nHello, I write here about books, gardens and the "
		    "river, and about the town I grew up in, where I still live "
		    "with two cats, a dog and far too many plants.\n",
		    nav, P1, P2, labels[i]);
		a = extract(page);
		assert_true(has_text(a, "public meeting"));
		assert_int_equal(has_text(a, "two cats"), i == 2);
		article_free(a);
	}
}

/* The note on the site's earnings from its links goes, even as the
 * page's first block. */
static void
test_extract_text_affiliate_note_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "We may earn a commission from links on "
	    "this page.\n\n%s%s%s", P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "commission"));
	article_free(a);
}

/* The comment form's heading and the notes under it go at the end. */
static void
test_extract_text_reply_form_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
	    "%s%sThe board added that the cost of the work, the time "
	    "it takes and the rooms it closes will be set out at a "
	    "public meeting in the town hall, where readers may ask "
	    "questions of the architects and of the builders.\n\n"
	    "HINTERLASSEN SIE EINE ANTWORT\n\nPlease enter your words!\n\n"
	    "Please enter your name here\n\nThe Courier is your paper for "
	    "the town and the valley, with news, sport and culture from the "
	    "places around you, every day.\n",
	    nav, P1, P2);
	a = extract(page);
	assert_true(has_text(a, "public meeting"));
	assert_false(has_text(a, "ANTWORT"));
	assert_false(has_text(a, "Please enter"));
	article_free(a);
}

/* "Join the readers who get ... in their inbox" is a promotion. */
static void
test_extract_text_inbox_promotion_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n%s%s"
	    "Join the readers who get our stories in their inbox each week."
	    "\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "inbox"));
	article_free(a);
}

static void
test_extract_text_title_byline_date(void **state)
{
	struct article *a;
	char	 page[4096];
	char	 day[11];

	(void)state;
	snprintf(page, sizeof page, "%s\nLibrary plan delayed again, committee "
	    "says\n\nBy Jo Marsh | Staff writer 17 Feb 2025 10:02\n\n%s%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_string_equal(a->title, "Library plan delayed again, committee says");
	assert_string_equal(a->byline, "Jo Marsh");
	assert_int_equal(a->date_prec, DATE_MINUTE);
	date_format_day(&(struct date){ a->date, a->date_off, a->date_prec },
	    day);
	assert_string_equal(day, "2025-02-17");
	article_free(a);
}

/* A byline's name ends at a handle, an address, a dot separator or a
 * date without a year; a mark may come before "By". */
static void
test_extract_text_byline_name_cut(void **state)
{
	static const char *const lines[] = {
		"// By Jo Marsh \xe2\x80\xa2 Nov 11, 2020",
		"By Jo Marsh@jomarsh Updated Jul 24, 2018, 2:15pm EDT",
		"By Jo Marsh March 18 at 3:57 PM Follow @jomarsh",
		"By Jo Marsh jmarsh@example.com",
	};
	struct article *a;
	char	 page[4096];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		snprintf(page, sizeof page, "%s\nLibrary plan delayed again, "
		    "committee says\n\n%s\n\n%s%s%s", nav, lines[i], P1, P2,
		    P3);
		a = extract(page);
		assert_non_null(a->byline);
		assert_string_equal(a->byline, "Jo Marsh");
		article_free(a);
	}
}

/* A byline under the standfirst, in the story's first lines, counts;
 * a sentence opening with "Von" or "By" and a lower-case word does
 * not. */
static void
test_extract_text_byline_in_story_head(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nLibrary plan delayed again, "
	    "committee says\n\n%sBy Jo Marsh\n\n%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_non_null(a->byline);
	assert_string_equal(a->byline, "Jo Marsh");
	article_free(a);
	snprintf(page, sizeof page, "%s\nLibrary plan delayed again, "
	    "committee says\n\n%sVon der Planung bis zum Bau\n\n%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_null(a->byline);
	article_free(a);
}

static void
test_extract_text_teaser_card_becomes_related(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Council opens a second reading room in the old post office\n"
	    "The room will hold the local history collection from next year.\n"
	    "Town GazetteAnna Berg\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_int_equal(a->nblocks, 3);
	assert_false(has_text(a, "second reading room"));
	assert_int_equal(a->nrelated, 1);
	assert_string_equal(a->related[0].title,
	    "Council opens a second reading room in the old post office");
	assert_string_equal(a->related[0].summary,
	    "The room will hold the local history collection from next year.");
	assert_string_equal(a->related[0].source, "Town Gazette");
	assert_string_equal(a->related[0].author, "Anna Berg");
	assert_null(a->related[0].url);
	article_free(a);
}

/* A subheading with its paragraph on the next line is no teaser card:
 * a teaser's summary is a sentence or two, not a long paragraph. */
static void
test_extract_text_subheading_long_paragraph_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Costs and the contractors\n"
	    "The contractors were chosen in an open tender last autumn, and "
	    "the council says that the three firms that won it have built "
	    "libraries in other towns of the region before; their prices "
	    "were lower than the architects had expected, which is why the "
	    "budget was not raised when the work was delayed for the second "
	    "time this year.\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "open tender last autumn"));
	assert_int_equal(a->nrelated, 0);
	article_free(a);
}

/* A recipe's ingredients, short lines led by a quantity, are a list:
 * they stay with the steps that follow them. */
static void
test_extract_text_quantity_lines_are_a_list(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%sLemon cake\n\n"
	    "Ingredients\n200 g sugar\n250 g flour\n3 eggs\n"
	    "1 tsp baking powder\n2 lemons\n\nMethod\n\n"
	    "Beat the eggs with the sugar until pale, then fold in the "
	    "flour, the baking powder and the grated zest of the lemons.\n\n"
	    "Pour the batter into a lined tin and bake it for forty minutes "
	    "at 180 degrees, until a skewer comes out clean.\n\n"
	    "Mix the juice of the lemons with icing sugar and pour it over "
	    "the cake while it is still warm from the oven.\n\n", nav);
	a = extract(page);
	assert_true(has_text(a, "200 g sugar"));
	assert_true(has_text(a, "2 lemons"));
	assert_true(has_text(a, "Beat the eggs"));
	article_free(a);
}

/* A quotation set line by line inside the story (a verse, a song's
 * lines) is text: its lines stay, as a subheading does. */
static void
test_extract_text_verse_lines_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "the river keeps the names of those who crossed it\n"
	    "and gives them back to nobody at all\n"
	    "we stood there on the bank until the evening\n"
	    "and heard the ferry calling from the wall\n"
	    "the lamps came on along the empty harbour\n"
	    "and no one came to take us home at all\n\n%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "the river keeps the names"));
	assert_true(has_text(a, "we stood there on the bank"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* Lines of "Label: value" one under the other are a list of a thing's
 * properties (a photo's details, a car's figures): they stay with the
 * story they close. */
static void
test_extract_text_property_lines_are_a_list(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "Camera: Canon EOS 60Da\nLens: 180 mm telephoto\n"
	    "Exposure: 60 x 3 minutes\nPlace: Kasberg hill\n\n%s",
	    nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "Lens: 180 mm telephoto"));
	assert_true(has_text(a, "Place: Kasberg hill"));
	assert_false(has_text(a, "Weather"));
	article_free(a);
}

/* A newsletter's appeal between the story's paragraphs goes; a phrase
 * inside a word ("design in" holds "sign in") is no appeal. */
static void
test_extract_text_boilerplate_in_story_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "The architects will present the new design in the town hall "
	    "next month, with a model of the reading rooms.\n\n"
	    "Sign up for our newsletter and get the news every morning.\n\n"
	    "%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "newsletter"));
	assert_true(has_text(a, "new design in the town hall"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* An appeal to readers set between a story's paragraphs goes with the
 * other notices: "Submit a letter to the editor". */
static void
test_extract_text_reader_appeal_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "We want to hear what you think about this article. Submit a "
	    "letter to the editor.\n\n%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "letter to the editor"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* A headline in sentence case right over the first paragraph is the
 * story's title, not its first line. */
static void
test_extract_text_headline_over_lead_is_title(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%sLibrary plan delayed again as the "
	    "costs rise\n\n%s%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "costs rise"));
	assert_non_null(a->title);
	assert_string_equal(a->title,
	    "Library plan delayed again as the costs rise");
	assert_true(has_text(a, "The committee met"));
	article_free(a);
}

/* A credit after a comma ("..., photo: City archive") or a Polish
 * label ("Fot. ...") makes a caption too. */
static void
test_extract_text_credit_after_comma_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "The old library on Mill Street in January, photo: City "
	    "archive\n\n%sFot. Jan Nowak / Agencja Miejska\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "City archive"));
	assert_false(has_text(a, "Jan Nowak"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* "Read more: Headline" on one line inside the story links elsewhere:
 * it goes, the story goes on after it. */
static void
test_extract_text_labelled_link_skipped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Read more: Council closes the old museum\n\n%s"
	    "Czytaj te\xc5\xbc: Rada zamyka stare muzeum\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "old museum"));
	assert_false(has_text(a, "muzeum"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* The same links labelled in Spanish and Portuguese ("Mire: ..."). */
static void
test_extract_text_labelled_link_spanish_skipped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Mire: El concejo cierra el viejo museo\n\n%s"
	    "Leia mais: Conselho fecha o museu antigo\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "viejo museo"));
	assert_false(has_text(a, "museu antigo"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A credit after the caption's sentence: "The pier. Foto: Archive." */
static void
test_extract_text_credit_after_sentence_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "The north pier at dawn. Foto: Harbour archive.\n\n%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Harbour archive"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A table of contents between the lead and the story (its entries are
 * the subheadings printed again over the sections) does not part the
 * lead from the story. */
static void
test_extract_text_contents_keep_lead(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Contents\nThe plan\nThe works\nThe cost\n\n"
	    "The plan\n\n%sThe works\n\n%sThe cost\n\n%s", nav,
	    "The town has waited six years for a new library, and the "
	    "council now says it will open in the autumn of next year.\n\n",
	    P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "waited six years"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* Items of a quantity list may share a shape ("1 tsp sugar", "2 tsp
 * sugar"): they still count as the list's, not as a template's. */
static void
test_extract_text_quantity_lines_repeating_shape(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%sLemon cake\n\n"
	    "1 tsp sugar\n200 g flour\n2 tsp sugar\n3 eggs\n"
	    "1 tsp salt\n2 tsp salt\n\n"
	    "Beat the eggs with the sugar until pale, then fold in the "
	    "flour and the salt with a large spoon.\n\n"
	    "Pour the batter into a lined tin and bake it for forty minutes "
	    "at 180 degrees, until a skewer comes out clean.\n\n", nav);
	a = extract(page);
	assert_true(has_text(a, "200 g flour"));
	assert_true(has_text(a, "Beat the eggs"));
	article_free(a);
}

/* A figure's caption opens with its label and number. */
static void
test_extract_text_figure_caption_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Figure 2: The reading rooms as the architects drew them for "
	    "the council in the spring.\n\n%s"
	    "Abbildung 3: Der Lesesaal im Januar.\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Figure 2"));
	assert_false(has_text(a, "Abbildung 3"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A comment section's policy set inside the story is a notice. */
static void
test_extract_text_comment_policy_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Please understand that comments are moderated and that not "
	    "all of them can be published.\n\n%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "moderated"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A paragraph right over a credit line ("Photo: ...") is the photo's
 * caption: both go. */
static void
test_extract_text_caption_over_credit_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "The old library on Mill Street, seen from the river in January "
	    "last year, before the works began.\nPhoto: Kim Ode, City "
	    "Agency\n\n%s%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "seen from the river"));
	assert_false(has_text(a, "Kim Ode"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A story about JavaScript is no notice; "enable JavaScript" is. */
static void
test_extract_text_javascript_story_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "The library's new catalogue is written in JavaScript and runs "
	    "in any reader's phone.\n\n"
	    "Please enable JavaScript to see the comments.\n\n%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "written in JavaScript"));
	assert_false(has_text(a, "enable JavaScript"));
	article_free(a);
}

/* JSON left in a copy ("name": "x",) is no list of properties. */
static void
test_extract_text_json_lines_not_properties(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "\"headline\": \"Library plan\",\n\"section\": \"Local\",\n"
	    "\"author\": \"Jo Marsh\",\n\"keywords\": \"library\",\n"
	    "\"publisher\": \"Gazette\"\n\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_false(has_text(a, "headline"));
	assert_false(has_text(a, "publisher"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

static void
test_extract_text_caption_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "Library plan delayed\n\n"
	    "The old library building on Mill Street, seen in January. "
	    "(Kim Ode / City Photo Agency)\n%s%s%s", P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Kim Ode"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* Photo credits in other languages: "Foto: ...", "(Foto: ...)". */
static void
test_extract_text_caption_in_german_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "Library plan delayed\n\n%s"
	    "Die alte Bibliothek in der Muehlenstrasse im Januar. (Foto: "
	    "Privat)\n\n%sFoto: Stadtarchiv\n\n%s", P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Privat"));
	assert_false(has_text(a, "Stadtarchiv"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A comment form's note after the story, in German, is not text. */
static void
test_extract_text_comment_form_note_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "Library plan delayed\n\n%s%s%s"
	    "Deine E-Mail-Adresse wird nicht ver\xc3\xb6" "ffentlicht. "
	    "Erforderliche Felder sind mit * markiert.\n\nName\n", P1, P2,
	    P3);
	a = extract(page);
	assert_false(has_text(a, "E-Mail-Adresse"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* Starts b with a page: the menu, the story and what follows it. */
static void
page_start(struct buf *b, const char *story, const char *after)
{
	buf_init(b, 1 << 20);
	assert_int_equal(buf_puts(b, nav), BUF_OK);
	assert_int_equal(buf_puts(b, story), BUF_OK);
	assert_int_equal(buf_puts(b, after), BUF_OK);
}

static void
test_extract_text_comments_after_story_cut(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, P1 P2 P3, "42 comments\n\n");
	for (i = 0; i < 12; i++)
		assert_int_equal(buf_printf(&b, "reader%d\n%d hours ago\n"
		    "I have been waiting for this library for years and I think "
		    "the committee should have started the work much earlier.\n"
		    "Rating: %d votes\n\n", i, i + 1, i), BUF_OK);
	a = extract(b.data);
	assert_int_equal(a->nblocks, 3);
	assert_false(has_text(a, "waiting for this library"));
	article_free(a);
	buf_release(&b);
}

/* Comments right after the story, however many, do not win over it:
 * the marker that closes the story closes it. */
static void
test_extract_text_long_comments_after_story_cut(void **state)
{
	static const char *const says[] = {
		"I have been waiting for this library for years, and I think "
		"that the work should have started much earlier than it did. ",
		"Our reading group meets in the old building every week, so we "
		"are glad that the rooms will stay open during the work. ",
		"Nobody asked the people who live next to the site about the "
		"noise, the lorries and the months of dust it will bring. "
	};
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, P1 P2 P3 P1 P2 P3, "posted by Jo at 12:53\n"
	    "Comments (40)\n40 Comments\n\n");
	/* Each comment its own, as readers write them. */
	for (i = 0; i < 40; i++)
		assert_int_equal(buf_printf(&b, "Comment by %c%c on 17 July\n\n"
		    "Says %c%c: %s%s%s\n\n", 'a' + i % 26, 'a' + i / 26,
		    'a' + i % 26, 'a' + i / 26, says[i % 3], says[(i + 1) % 3],
		    i % 2 ? says[(i + 2) % 3] : ""), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "waiting for this library"));
	article_free(a);
	buf_release(&b);
}

/* A longer run of prose after the story and the chrome that ends it
 * (forum replies, the site's own blurbs, with no "Comments" marker)
 * does not win over the story: it must score twice as much. */
static void
test_extract_text_story_before_longer_run_kept(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	buf_init(&b, 1 << 20);
	assert_int_equal(buf_puts(&b, nav), BUF_OK);
	assert_int_equal(buf_puts(&b, P1 P2 P3), BUF_OK);
	assert_int_equal(buf_puts(&b, "Share\nPrint\nMail\nTop\nMore\n"
	    "Archive\nContact\nJobs\n\n"), BUF_OK);
	for (i = 0; i < 4; i++)
		assert_int_equal(buf_printf(&b, "Our town's paper has been "
		    "printed on the high street since 1887, and its reporters "
		    "cover the council, the courts and the schools, part %d.\n\n",
		    i), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "annual accounts"));
	assert_false(has_text(a, "high street since 1887"));
	article_free(a);
	buf_release(&b);
}

/* A long line of words with no comma and no stop (a tag cloud, links
 * run together) is not a paragraph: it does not outweigh the story. */
static void
test_extract_text_word_cloud_not_prose(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(buf_puts(&b, "Tags\n"), BUF_OK);
	for (i = 0; i < 16; i++)
		assert_int_equal(buf_printf(&b, "Harbour Council Library "
		    "E.T.A. Hoffmann Budget%d ", i), BUF_OK);
	assert_int_equal(buf_puts(&b, "\n"), BUF_OK);
	assert_int_equal(buf_puts(&b, nav), BUF_OK);
	assert_int_equal(buf_puts(&b, "\n" P1 P2 P3), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "annual accounts"));
	assert_false(has_text(a, "Budget3"));
	article_free(a);
	buf_release(&b);
}

/* A standfirst, a sentence of a dozen words or more set off by blank
 * lines over the first paragraph, opens the story; the headline over it
 * stays the title. */
static void
test_extract_text_standfirst_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
	    "The council has set out how the library will be rebuilt, with "
	    "new reading rooms and longer opening hours\n\n%s%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "longer opening hours"));
	assert_true(has_text(a, "The committee met"));
	assert_false(has_text(a, "A plan for the library"));
	article_free(a);
}

/* A photo's credit in parentheses, "(Photo: ...)", is a caption even
 * when a second parenthesis closes it, and does not open the story. */
static void
test_extract_text_credit_in_parentheses_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n(Photo: Town Council archive, the "
	    "old library building seen from the square (edited))\n\n%s%s%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_false(has_text(a, "Town Council archive"));
	article_free(a);
}

/* The white space a copy leaves after a paragraph's stop (U+00A0 from
 * "&nbsp;") does not hide that the paragraph ends like a sentence. */
static void
test_extract_text_stop_before_nbsp_ends_sentence(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n"
	    "The committee met on Tuesday to review the plan for the new "
	    "library building.\xc2\xa0\n\n"
	    "Members agreed that the building work would start in June "
	    "next year.\xc2\xa0\n\n"
	    "The final cost will be published with the annual accounts in "
	    "the autumn.\xc2\xa0\n\n%s\n"
	    "Our paper has been printed on the high street since 1887.\n",
	    nav, nav);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "annual accounts"));
	assert_false(has_text(a, "since 1887"));
	article_free(a);
}

/* A last paragraph without its stop, set off by a blank line and read
 * like a sentence (a comma in it), closes the story; a headline-like
 * line after the story does not. */
static void
test_extract_text_last_paragraph_without_stop_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "In the end, the town will get the library it has waited for "
	    "since the old one closed its doors\n\n"
	    "Share this\nPrint\nMail\n", nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "closed its doors"));
	assert_false(has_text(a, "Print"));
	article_free(a);
}

/* Lines of a few words under a line that ends in a colon are a list
 * whose markers the copy lost: they stay with the story.  Lines that
 * all open alike ("Share via ...") are a template's links. */
static void
test_extract_text_list_under_colon_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "The council proposes:\n\n"
	    "Open the reading rooms on Sundays\n"
	    "Buy more books for the children\n"
	    "Add a small cafe by the entrance\n\n"
	    "Share:\nShare via Twitter now\nShare via Facebook now\n"
	    "Share via email now\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "reading rooms on Sundays"));
	assert_true(has_text(a, "small cafe by the entrance"));
	assert_false(has_text(a, "Share via"));
	article_free(a);
}

/* An item of two words counts when it opens in lower case, as a
 * sentence's part does; a menu's labels are capitalised. */
static void
test_extract_text_short_lower_case_item_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "In winter, in short:\n\n"
	    "no feeding\n"
	    "water it on mild days\n"
	    "keep the roots under leaves\n\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "no feeding"));
	assert_true(has_text(a, "roots under leaves"));
	article_free(a);
}

/* So does an item of two words that opens with a count or a mark
 * ("# .libraryrc"), not with a capital. */
static void
test_extract_text_short_marked_item_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "In short, the settings file:\n\n"
	    "# .libraryrc\n"
	    "set loans to weekly\n"
	    "set fines to zero\n\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "# .libraryrc"));
	assert_true(has_text(a, "set fines to zero"));
	article_free(a);
}

/* A short line among the lines of a list kept in the story, with no
 * blank line around it, is one of the list's items. */
static void
test_extract_text_short_line_in_list_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s"
	    "keep the reading rooms quiet after six\n"
	    "no loud phones\n"
	    "return the books to the front desk\n"
	    "ask the staff before you copy a map\n"
	    "bring a pencil, not a pen, to the archive\n"
	    "leave your bags in the lockers downstairs\n\n%s%s", nav, P1,
	    P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "reading rooms quiet"));
	assert_true(has_text(a, "no loud phones"));
	assert_true(has_text(a, "front desk"));
	assert_false(has_text(a, "Weather"));
	article_free(a);
}

/* A recipe's ingredients a few lines of chrome above its steps are
 * the story's; the chrome between is not. */
static void
test_extract_text_ingredients_before_steps_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nApple cake\n\n"
	    "For the dough:\n200 g flour\n100 g sugar\n2 eggs\n"
	    "For the top:\n3 apples\n50 g butter\n1 tsp cinnamon\n\n"
	    "Print\nSave\nRate\nNutrition\nkcal\n420\nFat\n"
	    "12 g\nPreparation\n\n"
	    "Mix the flour with the sugar and the eggs, knead it into a "
	    "smooth dough and let it rest in a cool place for an hour.\n\n"
	    "Peel the apples, cut them into thin slices and lay them on the "
	    "dough, then dot the top with the butter and bake it.\n\n%s",
	    nav, nav);
	a = extract(page);
	assert_true(has_text(a, "For the dough:"));
	assert_true(has_text(a, "100 g sugar"));
	assert_true(has_text(a, "50 g butter"));
	assert_true(has_text(a, "Peel the apples"));
	assert_false(has_text(a, "Nutrition"));
	article_free(a);
}

/* A line ending in a colon over a list's items heads the list: it is
 * kept with them. */
static void
test_extract_text_list_head_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "Summer picks:\n"
	    "- A book about the ships of the harbour\n"
	    "- A guide to the walks along the coast\n"
	    "- A map of the old town and its gates\n\n%s", nav, P1, P2, P3,
	    nav);
	a = extract(page);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "Summer picks:"));
	assert_true(has_text(a, "walks along the coast"));
	article_free(a);
}

/* Many lines of a headline's length one under the other with no blank
 * line between are a list of links, even when they read as sentences:
 * they do not outweigh the story. */
static void
test_extract_text_link_list_not_story(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(buf_puts(&b, "Hot questions\n"), BUF_OK);
	for (i = 0; i < 8; i++)
		assert_int_equal(buf_printf(&b, "How do I keep the plants on "
		    "my balcony alive through a cold winter, part %d?\n", i),
		    BUF_OK);
	assert_int_equal(buf_puts(&b, nav), BUF_OK);
	assert_int_equal(buf_puts(&b, "\n" P1 P2 P3), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "annual accounts"));
	assert_false(has_text(a, "balcony alive"));
	article_free(a);
	buf_release(&b);
}

/* A section marker in another language, its capital letter outside
 * ASCII ("Ähnliche Artikel"), ends the story like "Related articles". */
static void
test_extract_text_marker_in_german_ends_story(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, P1 P2 P3, "\xc3\x84hnliche Artikel\n\n");
	for (i = 0; i < 2; i++)
		assert_int_equal(buf_printf(&b, "Die Stadtbibliothek bleibt "
		    "w\xc3\xa4hrend der Bauarbeiten ge\xc3\xb6" "ffnet, und "
		    "die Leser k\xc3\xb6nnen weiter B\xc3\xbc" "cher "
		    "ausleihen, Teil %d der Serie \xc3\xbc" "ber die Stadt und "
		    "ihre Geb\xc3\xa4ude.\n\n", i), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "Stadtbibliothek"));
	article_free(a);
	buf_release(&b);
}

/* "Read also" and its headline inside the story: the teaser goes, the
 * story goes on after it. */
static void
test_extract_text_inline_teaser_skipped(void **state)
{
	struct article *a;

	(void)state;
	a = extract(P1 "Read also\nCouncil votes on the swimming pool\n\n"
	    P2 P3);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "swimming pool"));
	assert_false(has_text(a, "Read also"));
	article_free(a);
}

/* The headlines right under a "Related articles" marker inside the
 * story are its list of links, not subheadings. */
static void
test_extract_text_marker_list_dropped(void **state)
{
	struct article *a;

	(void)state;
	a = extract(P1 P2 P3 P1 P2 "Related articles\n"
	    "Council votes on the new swimming pool plans\n"
	    "Mill Street closed for a week of repairs\n"
	    "Town hall clock to be restored next summer\n\n" P3 P1 P2 P3);
	assert_int_equal(a->nblocks, 9);
	assert_false(has_text(a, "swimming pool"));
	assert_false(has_text(a, "clock"));
	article_free(a);
}

/* The first paragraph, kept apart from the rest by a share bar and an
 * advertisement's label, is the story's; the bar is not. */
static void
test_extract_text_lead_before_share_bar_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n"
	    "The plan for the new library in the old mill has been delayed "
	    "for a third time, the council said this week.\n"
	    "Facebook\nTweet\nEmail\nCopy link\nAdvertisement\n\n%s%s%s%s",
	    nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "delayed for a third time"));
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "Tweet"));
	assert_false(has_text(a, "Advertisement"));
	article_free(a);
}

/* A share bar's label ("Share") between the lead paragraph and the
 * story does not keep the lead out, as a section's marker would. */
static void
test_extract_text_lead_across_share_label_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n"
	    "The plan for the new library in the old mill has been delayed "
	    "for a third time, the council said this week.\n\n"
	    "Jo Marsh, 12 March 2024\n\nShare\nFacebook\nEmail\n\n"
	    "%s%s%s%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "delayed for a third time"));
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "Facebook"));
	article_free(a);
}

/* A short sentence in the first paragraph's block (no blank line
 * between them) opens the story with it. */
static void
test_extract_text_sentence_over_lead_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n"
	    "You know it too!\n"
	    "The plan for the new library in the old mill has been delayed "
	    "for a third time, the council said this week.\n\n%s%s%s",
	    nav, P1, P2, nav);
	a = extract(page);
	assert_true(has_text(a, "You know it too!"));
	assert_true(has_text(a, "delayed for a third time"));
	assert_false(has_text(a, "A plan for the library"));
	article_free(a);
}

/* A photo's credit ("© Name / Getty Images") between the lead paragraph and
 * the story does not keep the lead out, as legal text would. */
static void
test_extract_text_lead_across_credit_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n"
	    "The plan for the new library in the old mill has been delayed "
	    "for a third time, the council said this week.\n"
	    "\xc2\xa9 Anna Berg / Getty Images\nFacebook\nTweet\nEmail\n"
	    "Advertisement\n\n%s%s%s%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "delayed for a third time"));
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "Anna Berg"));
	assert_false(has_text(a, "Tweet"));
	article_free(a);
}

/* A standfirst over the byline, the date and a share bar is the
 * story's too; the lines between are not. */
static void
test_extract_text_standfirst_over_byline_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n"
	    "The plan for the new library in the old mill has been delayed "
	    "for a third time, the council said this week.\n"
	    "By Jo Marsh\n12 March 2024\nFacebook\nTweet\nEmail\n\n"
	    "%s%s%s%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "delayed for a third time"));
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "Tweet"));
	assert_false(has_text(a, "12 March 2024"));
	article_free(a);
}

/* A table inside the story (a copy gives its cells between tabs) is
 * the story's, however short its rows. */
static void
test_extract_text_table_rows_kept(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, "Standings after the last race\n\n" P1
	    "Pos.\tDriver\tPoints\n", "");
	for (i = 0; i < 12; i++)
		assert_int_equal(buf_printf(&b, "%d\tDriver %c\t%d\n", i + 1,
		    'A' + i, 500 - i * 7), BUF_OK);
	assert_int_equal(buf_puts(&b, "\n" P2 "Home\nContact\n"), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "Driver L"));
	assert_true(has_text(a, "building work"));
	article_free(a);
	buf_release(&b);
}

/* A line that ends in a German closing quote (U+201C) after its stop
 * ends like a sentence: two of them are a quotation, not a teaser's
 * headline and summary. */
static void
test_extract_text_german_quotes_end_sentence(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s"
	    "Sie sagte: \xe2\x80\x9eWir \xc3\xb6" "ffnen im Juni.\xe2\x80\x9c\n"
	    "Er fragte: \xe2\x80\x9eUnd wer zahlt?\xe2\x80\x9c\n\n"
	    "%s%s%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "Wir \xc3\xb6" "ffnen im Juni."));
	assert_true(has_text(a, "Und wer zahlt?"));
	assert_int_equal(a->nrelated, 0);
	article_free(a);
}

/* A small table under its caption inside the story is not a teaser
 * card: caption and rows stay. */
static void
test_extract_text_table_caption_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s"
	    "What the library costs\n"
	    "Building work\t1.2 m\t40 %%\n"
	    "Books and shelves\t1.8 m\t60 %%\n\n%s%s", nav, P1, P2, P3,
	    nav);
	a = extract(page);
	assert_true(has_text(a, "What the library costs"));
	assert_true(has_text(a, "Books and shelves"));
	assert_true(has_text(a, "final cost"));
	assert_int_equal(a->nrelated, 0);
	article_free(a);
}

/* A table's rows that differ only in their numbers are the story's,
 * not a template's repeated lines. */
static void
test_extract_text_table_rows_same_shape_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s"
	    "Loan\tMonths\tRate\n"
	    "5000\t36\t2.0\n"
	    "10000\t36\t2.5\n"
	    "20000\t48\t3.0\n\n%s%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "10000"));
	assert_true(has_text(a, "20000"));
	assert_true(has_text(a, "final cost"));
	article_free(a);
}

/* A news ticker printed at the top and again at the foot of the page
 * is not the story, however long it is. */
static void
test_extract_text_ticker_printed_twice_skipped(void **state)
{
	static const char ticker[] = "Breaking: the river has burst its "
	    "banks in three places upstream of the town, and the council has "
	    "closed the bridges, the market square and the schools until the "
	    "water falls, the fire service said in a statement this morning, "
	    "asking people to stay at home...\n\n";
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	buf_init(&b, 1 << 20);
	assert_int_equal(buf_puts(&b, nav), BUF_OK);
	assert_int_equal(buf_puts(&b, ticker), BUF_OK);
	assert_int_equal(buf_puts(&b, "A plan for the library\n\n" P1 P2 P3),
	    BUF_OK);
	for (i = 0; i < 30; i++)
		assert_int_equal(buf_printf(&b, "Section %c\n", 'A' + i),
		    BUF_OK);
	assert_int_equal(buf_puts(&b, ticker), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "burst its banks"));
	article_free(a);
	buf_release(&b);
}

/* Comments with no "Comments" marker above them: each opens with a
 * line holding a date and a time, and together they outweigh the
 * story. */
static void
test_extract_text_dated_comment_heads_end_story(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, P1 P2 P3 P1 P2 P3, "Posted in News\n\n");
	for (i = 0; i < 8; i++)
		assert_int_equal(buf_printf(&b, "Reader %c \xc2\xb7 March %d, "
		    "2017 at 1:%02d AM\n\nI have been waiting for this library "
		    "for years, and I think that the work should have started "
		    "much earlier than it did, as the plans were ready.\n\n",
		    'A' + i, i + 1, i * 7), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "waiting for this library"));
	article_free(a);
	buf_release(&b);
}

/* A list of cards after the story (a title line, its blurb on the
 * next line, again and again with no blank line) outweighs it but is
 * not the story. */
static void
test_extract_text_card_list_skipped(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	page_start(&b, "A plan for the library\n\n" P1 P2 P3, "Forum\n");
	for (i = 0; i < 6; i++)
		assert_int_equal(buf_printf(&b, "Question %d about the town?\n"
		    "I have been waiting for an answer from the council for "
		    "weeks now, and nobody at the town hall seems to know who "
		    "is in charge of it, so I ask here.\n", i), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "committee met"));
	assert_false(has_text(a, "waiting for an answer"));
	article_free(a);
	buf_release(&b);
}

/* An HTML sample inside the story is program text, not markup left
 * over from the page: the story goes on after it. */
static void
test_extract_text_html_sample_inside_story_kept(void **state)
{
	struct article *a;

	(void)state;
	a = extract(P1 P2 "The page for the plan looks like this:\n\n"
	    "<!DOCTYPE html>\n<html>\n<head>\n<title>Plan</title>\n"
	    "</head>\n<body>\n<div id=\"plan\"></div>\n"
	    "<script src=\"plan.js\"></script>\n</body>\n</html>\n\n" P3);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "final cost"));
	article_free(a);
}

/* A recipe's steps, each number on a line of its own above the step:
 * the numbers are the list's, not a template repeated around prose. */
static void
test_extract_text_numbered_steps_kept(void **state)
{
	static const char *const steps[] = {
		"Sift the flour, the starch and the sugar into a large bowl.",
		"Mix in the egg and the soft butter quickly with a fork.",
		"Knead with your fingertips until the dough is smooth and "
		"comes away from your hands.",
		"Roll small balls of dough and set them on a greased tray, "
		"then bake for twenty minutes.",
		"Melt the chocolate once the biscuits are cold and dip each "
		"one half way into it.",
	};
	struct article *a;
	struct buf b;
	size_t	 i;

	(void)state;
	page_start(&b, "Chocolate biscuits\n\nPlease note: pictures sent "
	    "in by our readers are checked by the team and may be taken down "
	    "at any time if their owners ask us to.\n\nMethod\n", "");
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		assert_int_equal(buf_printf(&b, "%zu.\n%s\n", i + 1, steps[i]),
		    BUF_OK);
	assert_int_equal(buf_puts(&b, "\nYou may also like\n"), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "Sift the flour"));
	assert_true(has_text(a, "Melt the chocolate"));
	article_free(a);
	buf_release(&b);
}

/* The same with bare numbers ("1", then the step): counting up with a
 * sentence between each, they are the steps' numbers, not a template's
 * lines repeated around prose. */
static void
test_extract_text_bare_step_numbers_kept(void **state)
{
	static const char *const steps[] = {
		"Warm the milk and melt the butter in it.",
		"Mix the flour with the yeast in a large bowl, add the rest "
		"and knead until smooth.",
		"Boil the sugar, the honey and the cream for two minutes, then "
		"set aside.",
		"Fill the tins half way with the dough and spread the topping "
		"over it with a spoon.",
		"Bake in the lower third of the oven for about fifteen "
		"minutes until golden.",
	};
	struct article *a;
	struct buf b;
	size_t	 i;

	(void)state;
	page_start(&b, "Honey muffins\n\nPlease note: pictures sent "
	    "in by our readers are checked by the team and may be taken down "
	    "at any time if their owners ask us to.\n\nMethod\n", "");
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++)
		assert_int_equal(buf_printf(&b, "%zu\n%s\n", i + 1, steps[i]),
		    BUF_OK);
	assert_int_equal(buf_puts(&b, "\nYou may also like\n"), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "Mix the flour"));
	assert_true(has_text(a, "Bake in the lower third"));
	article_free(a);
	buf_release(&b);
}

/* A long paragraph of the story that names copyright once is the
 * story's; legal text is shorter or names more of it. */
static void
test_extract_text_long_paragraph_naming_copyright_kept(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\nA plan for the library\n\n%s%s%s"
	    "The library will also lend out the old town maps, which are no "
	    "longer under copyright, so that anyone can scan them at home, "
	    "print them for a school project or use them in a book about the "
	    "history of the mill and of the streets around it, the members "
	    "said after the meeting.\n\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "old town maps"));
	article_free(a);
}

/* A block of program text inside the story (indented, its lines of
 * the same shape) does not cut the story in two. */
static void
test_extract_text_code_block_inside_story_kept(void **state)
{
	struct article *a;
	struct buf b;
	int	 i;

	(void)state;
	buf_init(&b, 1 << 20);
	assert_int_equal(buf_puts(&b, nav), BUF_OK);
	assert_int_equal(buf_puts(&b, P1 "This is what it looks like.\n\n"
	    "rekt: {\n"), BUF_OK);
	for (i = 0; i < 12; i++)
		assert_int_equal(buf_puts(&b, "    list: [\n"), BUF_OK);
	for (i = 0; i < 12; i++)
		assert_int_equal(buf_puts(&b, "    ]\n"), BUF_OK);
	assert_int_equal(buf_puts(&b, "}\n\n" P2 P3 "Home\nNews\nSport\n"
	    "Weather\nCulture\n"), BUF_OK);
	a = extract(b.data);
	assert_true(has_text(a, "The committee met"));
	assert_true(has_text(a, "annual accounts"));
	article_free(a);
	buf_release(&b);
}

/* The label of the page's next part ("Choose how to read on:") does
 * not end the story. */
static void
test_extract_text_trailing_label_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%sChoose how you want to read "
	    "on below:\n\nFacebook\nTwitter\n", nav, P1, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "annual accounts"));
	assert_false(has_text(a, "Choose how"));
	article_free(a);
}

/* An author's note after the story: a line with the name, then a
 * paragraph opening with it. */
static void
test_extract_text_author_note_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "Ada Brook\n\n"
	    "Ada Brook writes about local politics and the city's budget for "
	    "the paper, and before that she covered the courts for ten years "
	    "in two other towns.\n\n%s", nav, P1, P2, P3, nav);
	a = extract(page);
	assert_true(has_text(a, "committee met"));
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "writes about local politics"));
	article_free(a);
	/* "About" and the name over the note, in the first person. */
	snprintf(page, sizeof page, "%s\n%s%s%s"
	    "About Ada 120 posts\n\n"
	    "She has covered local politics and the city's budget for many "
	    "years, first at the weekly paper and then here, and she likes "
	    "long walks by the river on the weekend.\n\n%s", nav, P1, P2,
	    P3, nav);
	a = extract(page);
	assert_true(has_text(a, "final cost"));
	assert_false(has_text(a, "long walks"));
	article_free(a);
}

static void
test_extract_text_wrapped_lines_joined(void **state)
{
	struct article *a;

	(void)state;
	a = extract("Abstract\n\n"
	    "This document describes a protocol by which client programs\n"
	    "running inside a web browser can talk to a storage server that\n"
	    "is hosted on a different domain name, so that the provider of\n"
	    "an application need not also store its users' data.\n\n");
	assert_int_equal(a->nblocks, 1);
	assert_non_null(strstr(a->blocks[0].text,
	    "client programs running inside"));
	article_free(a);
}

static void
test_extract_text_controls_stripped(void **state)
{
	struct article *a;
	size_t	 i;

	(void)state;
	a = extract("The committee met on \x1b[31mTuesday\x1b[0m to review the "
	    "plan for the \x1b]0;owned\x07new library, which was delayed.\n\n"
	    P2 P3);
	for (i = 0; i < a->nblocks; i++)
		assert_null(strchr(a->blocks[i].text, 0x1b));
	assert_true(has_text(a, "met on Tuesday to review"));
	article_free(a);
}

/* Soft hyphens (U+00AD) in a copied page leave the text. */
static void
test_extract_text_soft_hyphens_dropped(void **state)
{
	struct article *a;

	(void)state;
	a = extract("Schon im Mit\xc2\xadtel\xc2\xad" "al\xc2\xadter met the "
	    "committee on Tuesday to review the plan for the new library.\n\n"
	    P2 P3);
	assert_true(has_text(a, "Schon im Mittelalter met the committee"));
	assert_false(has_text(a, "\xc2\xad"));
	article_free(a);
}

static void
test_extract_text_tiny_page_kept_whole(void **state)
{
	struct article *a;

	(void)state;
	a = extract("Test\n");
	assert_int_equal(a->nblocks, 1);
	assert_string_equal(a->blocks[0].text, "Test");
	article_free(a);
}

static void
test_extract_text_empty_and_binary_refused(void **state)
{
	struct extract_opts o;
	struct article *a = NULL;
	struct errbuf eb;
	static const char bin[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00";

	(void)state;
	memset(&o, 0, sizeof o);
	o.where = "page.txt";
	assert_int_equal(extract_article(" \n\n\t", 4, &o, &a, &eb), -1);
	assert_string_equal(eb.msg, "page.txt: empty input");
	assert_int_equal(extract_article(bin, sizeof bin, &o, &a, &eb), -1);
	assert_string_equal(eb.msg, "page.txt: binary data, not a page or text");
	assert_null(a);
}

static void
test_extract_text_long_line_bounded(void **state)
{
	struct article *a;
	char	*big;
	size_t	 n = 10 * 1024 * 1024, i;

	(void)state;
	big = malloc(n + 1);
	assert_non_null(big);
	for (i = 0; i < n; i++)
		big[i] = i % 7 == 6 ? ' ' : 'x';
	big[n] = '\0';
	a = extract(big);
	assert_int_equal(a->nblocks, 1);
	assert_true(a->blocks[0].len <= TEXT_LINE_MAX_BYTES);
	article_free(a);
	free(big);
}

static void
test_extract_text_sample_page(void **state)
{
	struct buf in, want;
	struct errbuf eb;
	struct article *a;
	char	*text;

	(void)state;
	buf_init(&in, INPUT_MAX_BYTES);
	buf_init(&want, INPUT_MAX_BYTES);
	assert_int_equal(file_read(TEST_DATA_DIR "/sample.txt", &in, &eb), 0);
	assert_int_equal(file_read(TEST_DATA_DIR "/sample.expected.txt", &want,
	    &eb), 0);
	a = extract(in.data);
	text = article_text(a);
	/* expected.txt ends with a newline. */
	assert_int_equal(strlen(text) + 1, want.len);
	assert_memory_equal(text, want.data, strlen(text));
	assert_string_equal(a->byline, "Maren Aldous");
	assert_int_equal(a->nrelated, 2);
	free(text);
	article_free(a);
	buf_release(&in);
	buf_release(&want);
}

/* A button's label ("Rezept drucken") or a prompt to rate the story
 * ("War der Artikel nützlich?") between paragraphs is not a
 * subheading: it goes, the story stays whole. */
static void
test_extract_text_button_lines_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%sRezept drucken\n\n%s"
	    "War der Artikel n\xc3\xbctzlich?\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "drucken"));
	assert_false(has_text(a, "Artikel"));
	assert_true(has_text(a, "building work"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* A caption known by its marks: an image's enlarge button, a stand-in
 * photo's note, a licence, a copyright sign glued to the text. */
static void
test_extract_text_caption_marks_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Vergr\xc3\xb6\xc3\x9f" "ern The reading room as the "
	    "architects drew it for the council.\n\n%s"
	    "Readers in the old hall during the winter opening hours "
	    "(Symbolbild).\n\n"
	    "The council at its meeting on the new library\xc2\xa9 Jane "
	    "Roe/City\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "architects drew"));
	assert_false(has_text(a, "winter opening"));
	assert_false(has_text(a, "Jane Roe"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A comments marker glued to its count ("KomentarzeLiczba komentarzy:
 * 2") still ends the story; so does a link to the next story under its
 * pager's label ("Next post Headline"). */
static void
test_extract_text_glued_marker_and_pager_end_story(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "KomentarzeLiczba komentarzy: 2\n\n"
	    "I have waited for this library for years and I still do not "
	    "believe the council will open it on time, given how the last "
	    "project went.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Komentarze"));
	assert_false(has_text(a, "waited for this library"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
	snprintf(page, sizeof page, "%s%s%s%s"
	    "Next post The council votes on the budget\n\n"
	    "The mayor said the vote on the budget for the coming year "
	    "would wait until the spring.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Next post"));
	assert_false(has_text(a, "The mayor said"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* An appeal for the site's upkeep between a story's paragraphs goes
 * ("Support us ...", "Cancel anytime"); a story on "support usage"
 * keeps its line. */
static void
test_extract_text_upkeep_appeal_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s"
	    "Independent reporting costs money. Support us with a monthly "
	    "gift, cancel anytime.\n\n%s"
	    "The council will also track the reading rooms' support usage "
	    "through the year.\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Independent reporting"));
	assert_true(has_text(a, "support usage"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* The label over a story's sources goes; the sources stay. */
static void
test_extract_text_source_label_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%sFurther information\n\n"
	    "The council's report on the library, published in March, sets "
	    "out the plan and its costs in full.\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Further information"));
	assert_true(has_text(a, "published in March"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* A blurb that ends in a link to the rest ("... mehr", "[czytaj
 * więcej]") is a teaser's; a list's item ending so is the story's. */
static void
test_extract_text_blurb_with_more_link_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "The mayor opened the new swimming pool in the north of the city "
	    "on Saturday. mehr\n\n"
	    "- Why the plan is promising. (More)\n"
	    "- What the plan will cost. (More)\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "swimming pool"));
	assert_true(has_text(a, "Why the plan is promising"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* A teaser's label on its own line ("Lesen Sie auch:"), a blank line,
 * then its headline: both go, the story goes on. */
static void
test_extract_text_headline_under_teaser_label_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%sLesen Sie auch:\n\n"
	    "The mayor opens the new swimming pool in the north\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "swimming pool"));
	assert_false(has_text(a, "Lesen Sie"));
	assert_true(has_text(a, "The final cost"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A theme's label for screen readers ("Primary Sidebar") ends the
 * story: the blog's greeting under it is not the story's. */
static void
test_extract_text_sidebar_label_ends_story(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sPrimary Sidebar\n\nHello!\n\n"
	    "Welcome to my blog, where I write about the books I read and "
	    "the libraries I visit.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Sidebar"));
	assert_false(has_text(a, "Welcome to my blog"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A call to send the site questions ("Submit your question below")
 * or to read more of it ("Sie wollen mehr von uns?") ends no story:
 * it goes with the other calls at the end. */
static void
test_extract_text_question_call_at_end_dropped(void **state)
{
	struct article *a;
	char	 page[4096];
	const char *const calls[] = {
		"Submit your questions below and our team will answer them.",
		"Sie wollen mehr von uns?",
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof calls / sizeof calls[0]; i++) {
		snprintf(page, sizeof page, "%s%s%s"
		    "The board added that the cost of the work, the time it "
		    "takes and the rooms it closes will be set out at a public "
		    "meeting in the town hall, where readers may ask questions "
		    "of the architects and of the builders.\n\n%s%s\n",
		    nav, P1, P2, P3, calls[i]);
		a = extract(page);
		assert_true(has_text(a, "final cost"));
		assert_false(has_text(a, i == 0 ? "Submit" : "mehr von uns"));
		article_free(a);
	}
}

/* A short pointer to more information elsewhere ("Weitere Infos unter
 * www.example.org.") is a link's label, not the story's sentence. */
static void
test_extract_text_info_pointer_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Weitere Infos unter www.example.org.\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Weitere Infos"));
	assert_true(has_text(a, "The final cost"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* An advertising disclaimer and a privacy notice's address to the
 * reader ("... ohne Ihre Einwilligung ...") are legal text. */
static void
test_extract_text_disclaimer_and_privacy_note_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "NOTE: The advertising disclaimer below does not apply to this "
	    "article, which carries no paid links.\n\n"
	    "Wenn Sie uns schreiben, speichern wir Ihre Angaben und geben "
	    "diese Daten nicht ohne Ihre Einwilligung weiter.\n\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "disclaimer"));
	assert_false(has_text(a, "Einwilligung"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
}

/* A download's link, known by its file size ("Topics: ... (123 KB)"),
 * goes like a button. */
static void
test_extract_text_download_link_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Topics: the library, the pool, the budget for the year "
	    "(123 KB)\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "123 KB"));
	assert_true(has_text(a, "The final cost"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* The credit of a post's lead picture ("Beitragsbild: ...",
 * "Featured image: ...") is a caption. */
static void
test_extract_text_lead_picture_credit_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "Beitragsbild: Titelseite der Zeitung vom 2.4.2019, Ausriss."
	    "\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Beitragsbild"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A label opening a list of more of the site ("Discover more homes",
 * "Popular searches") ends the story like a marker. */
static void
test_extract_text_discover_label_ends_story(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sDiscover more homes\n\n"
	    "How does our community live? Click through the homes of our "
	    "members and find ideas for your own.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Discover"));
	assert_false(has_text(a, "our community live"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
	snprintf(page, sizeof page, "%s%s%s%sPopular searches:\n\n"
	    "Comments, solar power, subscription, ethics, energy, archive, "
	    "mobility, politics, law and business.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Popular searches"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* "Relacionados:" over headlines is a marker of related stories, not a
 * list's head. */
static void
test_extract_text_spanish_related_marker(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sRELACIONADOS:\n"
	    "El alcalde abre la nueva piscina del norte de la ciudad\n"
	    "La biblioteca cierra sus salas durante las obras del verano\n"
	    "El consejo aprueba el presupuesto para el año que viene\n\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "piscina"));
	assert_false(has_text(a, "RELACIONADOS"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* An editor's tip ("Redaktionstipp") and a box to report an error
 * ("Reporte un error") end the story like the other markers. */
static void
test_extract_text_tip_and_error_box_markers(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sRedaktionstipp\n\n"
	    "Lesen Sie hier einen weiteren spannenden Beitrag aus unserer "
	    "Redaktion \xe2\x80\xa6\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "spannenden Beitrag"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
	snprintf(page, sizeof page, "%s%s%s%sREPORTE UN ERROR\n\n"
	    "Los invitamos a reportar errores de contenido, ortograf\xc3\xad"
	    "a y puntuaci\xc3\xb3n que consideren pertinentes.\n\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "invitamos"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A line that says where the people in a photo stand ("Jane Roe (l.)
 * and John Doe") is its caption. */
static void
test_extract_text_caption_with_positions_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Jane Roe (l.) und John Doe haben einen guten Draht.\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Jane Roe"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A credit glued to its caption's last sentence ("... the pool.City
 * Archive / Jane Roe") makes the line a caption. */
static void
test_extract_text_glued_credit_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "The mayor and the architect at the opening of the new pool in "
	    "the north.City Archive / Jane Roe\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Jane Roe"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A photographer's name in brackets after a caption's sentence ("...
 * pool. (Jane Mary Roe)") makes a caption; a quotation's author after
 * its closing quote stays. */
static void
test_extract_text_bracketed_name_caption_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "The mayor will open the new pool in the north. (Jane Mary Roe)"
	    "\n\n%s\"A library is a hospital for the mind, and the reading "
	    "rooms are its wards.\" (John Doe)\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Jane Mary Roe"));
	assert_true(has_text(a, "hospital for the mind"));
	article_free(a);
}

/* "热门推荐" (popular picks) opens the related stories like
 * "Related". */
static void
test_extract_text_chinese_marker_ends_story(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "\xe7\x83\xad\xe9\x97\xa8\xe6\x8e\xa8\xe8\x8d\x90\n\n"
	    "The mayor explains why the city needs a new swimming pool in "
	    "the north, and what it will cost the taxpayers.\n\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "swimming pool"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* "Weitere Themen" (more topics) opens the site's other stories. */
static void
test_extract_text_more_topics_marker(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sWeitere Themen\n\n"
	    "Umweltpr\xc3\xa4mie\n\n"
	    "Fragen und Antworten zur Umweltpr\xc3\xa4mie und zu den "
	    "Rabatten, die wir bei f\xc3\xbcnfzehn Marken verglichen "
	    "haben.\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Umweltpr"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A blog's "Trackback URL" opens its comments and their form. */
static void
test_extract_text_trackback_marker(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%sTrackback URL\n\n"
	    "Name (wird ben\xc3\xb6tigt)\n\n"
	    "E-Mail (wird ben\xc3\xb6tigt und nicht angezeigt)\n\n"
	    "Spam: Es kann sein, dass Ihr Kommentar wegen eines Verdachts "
	    "nicht sofort erscheint und erst gepr\xc3\xbc" "ft wird.\n\n",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Trackback"));
	assert_false(has_text(a, "E-Mail"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A button's label between two kept short lines of its block is not
 * kept with them as a list's item. */
static void
test_extract_text_button_between_kept_lines_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s%s"
	    "- The reading rooms stay open\n"
	    "Hier k\xc3\xb6nnen Sie den Artikel bewerten\n"
	    "- The stacks move to the annex\n\n", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "bewerten"));
	assert_true(has_text(a, "The stacks move"));
	article_free(a);
}

/* The site's call to visit its shop is a promotion of its own. */
static void
test_extract_text_shop_promotion_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "Jetzt neu! Besuchen Sie unseren Fan-Shop!\n\n%s",
	    nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "Fan-Shop"));
	assert_int_equal(a->nblocks, 3);
	article_free(a);
}

/* A headline over a summary cut short in a word ("... Die neuen…") is
 * a teaser's card inside the story: both go.  A lead cut so under the
 * story's title stays. */
static void
test_extract_text_card_with_cut_summary_dropped(void **state)
{
	struct article *a;
	char	 page[4096];

	(void)state;
	snprintf(page, sizeof page, "%s%s%s"
	    "The mayor opens the new swimming pool\n\n"
	    "After two years of work the pool in the north of the city "
	    "opens its doors, and the first swimmers are already queu"
	    "\xe2\x80\xa6\n\n%s", nav, P1, P2, P3);
	a = extract(page);
	assert_false(has_text(a, "swimming pool"));
	assert_false(has_text(a, "first swimmers"));
	assert_true(has_text(a, "The final cost"));
	article_free(a);
	snprintf(page, sizeof page, "%sCutting boards on the table saw\n\n"
	    "Many try it with lots of careful cuts, one after the other. "
	    "But there is a simpler way...\n\n%s%s", nav, P2, P3);
	a = extract(page);
	assert_true(has_text(a, "simpler way"));
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_extract_text_drops_menu_keeps_story),
		cmocka_unit_test(test_extract_text_call_at_end_dropped),
		cmocka_unit_test(test_extract_text_author_box_at_end_dropped),
		cmocka_unit_test(test_extract_text_long_author_box_dropped),
		cmocka_unit_test(test_extract_text_share_and_filed_under_dropped),
		cmocka_unit_test(test_extract_text_about_box_dropped),
		cmocka_unit_test(test_extract_text_affiliate_note_dropped),
		cmocka_unit_test(test_extract_text_reply_form_dropped),
		cmocka_unit_test(test_extract_text_inbox_promotion_dropped),
		cmocka_unit_test(test_extract_text_title_byline_date),
		cmocka_unit_test(test_extract_text_byline_name_cut),
		cmocka_unit_test(test_extract_text_byline_in_story_head),
		cmocka_unit_test(test_extract_text_teaser_card_becomes_related),
		cmocka_unit_test(test_extract_text_subheading_long_paragraph_kept),
		cmocka_unit_test(test_extract_text_quantity_lines_are_a_list),
		cmocka_unit_test(test_extract_text_quantity_lines_repeating_shape),
		cmocka_unit_test(test_extract_text_verse_lines_kept),
		cmocka_unit_test(test_extract_text_property_lines_are_a_list),
		cmocka_unit_test(test_extract_text_json_lines_not_properties),
		cmocka_unit_test(test_extract_text_boilerplate_in_story_dropped),
		cmocka_unit_test(test_extract_text_reader_appeal_dropped),
		cmocka_unit_test(test_extract_text_comment_policy_dropped),
		cmocka_unit_test(test_extract_text_javascript_story_kept),
		cmocka_unit_test(test_extract_text_headline_over_lead_is_title),
		cmocka_unit_test(test_extract_text_credit_after_comma_dropped),
		cmocka_unit_test(test_extract_text_credit_after_sentence_dropped),
		cmocka_unit_test(test_extract_text_figure_caption_dropped),
		cmocka_unit_test(test_extract_text_caption_over_credit_dropped),
		cmocka_unit_test(test_extract_text_contents_keep_lead),
		cmocka_unit_test(test_extract_text_labelled_link_skipped),
		cmocka_unit_test(test_extract_text_labelled_link_spanish_skipped),
		cmocka_unit_test(test_extract_text_caption_dropped),
		cmocka_unit_test(test_extract_text_caption_in_german_dropped),
		cmocka_unit_test(test_extract_text_comment_form_note_dropped),
		cmocka_unit_test(test_extract_text_comments_after_story_cut),
		cmocka_unit_test(test_extract_text_long_comments_after_story_cut),
		cmocka_unit_test(test_extract_text_story_before_longer_run_kept),
		cmocka_unit_test(test_extract_text_marker_in_german_ends_story),
		cmocka_unit_test(test_extract_text_word_cloud_not_prose),
		cmocka_unit_test(test_extract_text_standfirst_kept),
		cmocka_unit_test(test_extract_text_credit_in_parentheses_dropped),
		cmocka_unit_test(test_extract_text_stop_before_nbsp_ends_sentence),
		cmocka_unit_test(test_extract_text_last_paragraph_without_stop_kept),
		cmocka_unit_test(test_extract_text_list_under_colon_kept),
		cmocka_unit_test(test_extract_text_short_lower_case_item_kept),
		cmocka_unit_test(test_extract_text_short_marked_item_kept),
		cmocka_unit_test(test_extract_text_short_line_in_list_kept),
		cmocka_unit_test(test_extract_text_ingredients_before_steps_kept),
		cmocka_unit_test(test_extract_text_list_head_kept),
		cmocka_unit_test(test_extract_text_link_list_not_story),
		cmocka_unit_test(test_extract_text_inline_teaser_skipped),
		cmocka_unit_test(test_extract_text_marker_list_dropped),
		cmocka_unit_test(test_extract_text_lead_before_share_bar_kept),
		cmocka_unit_test(test_extract_text_standfirst_over_byline_kept),
		cmocka_unit_test(test_extract_text_lead_across_credit_kept),
		cmocka_unit_test(test_extract_text_sentence_over_lead_kept),
		cmocka_unit_test(test_extract_text_lead_across_share_label_kept),
		cmocka_unit_test(test_extract_text_table_rows_kept),
		cmocka_unit_test(test_extract_text_table_caption_kept),
		cmocka_unit_test(test_extract_text_german_quotes_end_sentence),
		cmocka_unit_test(test_extract_text_table_rows_same_shape_kept),
		cmocka_unit_test(test_extract_text_ticker_printed_twice_skipped),
		cmocka_unit_test(test_extract_text_dated_comment_heads_end_story),
		cmocka_unit_test(test_extract_text_card_list_skipped),
		cmocka_unit_test(test_extract_text_html_sample_inside_story_kept),
		cmocka_unit_test(test_extract_text_numbered_steps_kept),
		cmocka_unit_test(test_extract_text_bare_step_numbers_kept),
		cmocka_unit_test(test_extract_text_long_paragraph_naming_copyright_kept),
		cmocka_unit_test(test_extract_text_code_block_inside_story_kept),
		cmocka_unit_test(test_extract_text_trailing_label_dropped),
		cmocka_unit_test(test_extract_text_author_note_dropped),
		cmocka_unit_test(test_extract_text_wrapped_lines_joined),
		cmocka_unit_test(test_extract_text_controls_stripped),
		cmocka_unit_test(test_extract_text_tiny_page_kept_whole),
		cmocka_unit_test(test_extract_text_empty_and_binary_refused),
		cmocka_unit_test(test_extract_text_long_line_bounded),
		cmocka_unit_test(test_extract_text_soft_hyphens_dropped),
		cmocka_unit_test(test_extract_text_button_lines_dropped),
		cmocka_unit_test(test_extract_text_caption_marks_dropped),
		cmocka_unit_test(test_extract_text_glued_marker_and_pager_end_story),
		cmocka_unit_test(test_extract_text_upkeep_appeal_dropped),
		cmocka_unit_test(test_extract_text_source_label_dropped),
		cmocka_unit_test(test_extract_text_blurb_with_more_link_dropped),
		cmocka_unit_test(test_extract_text_headline_under_teaser_label_dropped),
		cmocka_unit_test(test_extract_text_sidebar_label_ends_story),
		cmocka_unit_test(test_extract_text_question_call_at_end_dropped),
		cmocka_unit_test(test_extract_text_info_pointer_dropped),
		cmocka_unit_test(test_extract_text_disclaimer_and_privacy_note_dropped),
		cmocka_unit_test(test_extract_text_download_link_dropped),
		cmocka_unit_test(test_extract_text_lead_picture_credit_dropped),
		cmocka_unit_test(test_extract_text_discover_label_ends_story),
		cmocka_unit_test(test_extract_text_spanish_related_marker),
		cmocka_unit_test(test_extract_text_tip_and_error_box_markers),
		cmocka_unit_test(test_extract_text_caption_with_positions_dropped),
		cmocka_unit_test(test_extract_text_glued_credit_dropped),
		cmocka_unit_test(test_extract_text_bracketed_name_caption_dropped),
		cmocka_unit_test(test_extract_text_chinese_marker_ends_story),
		cmocka_unit_test(test_extract_text_more_topics_marker),
		cmocka_unit_test(test_extract_text_trackback_marker),
		cmocka_unit_test(test_extract_text_button_between_kept_lines_dropped),
		cmocka_unit_test(test_extract_text_shop_promotion_dropped),
		cmocka_unit_test(test_extract_text_card_with_cut_summary_dropped),
		cmocka_unit_test(test_extract_text_sample_page),
	};

	return cmocka_run_group_tests_name("extract_text", tests, NULL, NULL);
}
