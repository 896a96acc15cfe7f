/*
 * test_extract_html: the HTML extractor on small pages written here:
 * content scoring, metadata sources in order of preference, URL
 * resolution, teasers, charsets, and hostile input.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "extract.h"
#include "extract_html_int.h"

#define PROSE \
	"The council met on Tuesday to discuss the new budget, which " \
	"includes money for roads, schools, and the library. "
#define PROSE2 \
	"Residents spoke for hours, and many of them asked for more " \
	"parks, more buses, and fewer parking lots downtown. " \
	"The mayor said the plan would be revised before the next " \
	"meeting, in March, after a second round of hearings, and " \
	"that every ward would get a say in how the money is spent. " \
	"Several members, however, warned that the numbers did not " \
	"add up, and asked the finance office for a new estimate. "

/*
 * The fixture of the tests on a page: extracts html (with --base-url
 * base and the HTTP charset, both may be NULL), which must succeed, and
 * keeps the article in *state, where the next call or the teardown
 * frees it.
 */
static struct article *
run(void **state, const char *html, const char *base, const char *charset)
{
	struct extract_opts o;
	struct errbuf eb;
	struct article *a = NULL;

	article_free(*state);
	*state = NULL;
	memset(&o, 0, sizeof o);
	o.where = "test.html";
	o.base_url = base;
	o.charset = charset;
	assert_int_equal(extract_html(html, strlen(html), &o, &a, &eb), 0);
	assert_non_null(a);
	*state = a;
	return a;
}

static int
free_article(void **state)
{
	article_free(*state);
	*state = NULL;
	return 0;
}

/* A test that extracts pages with run(). */
#define PAGE_TEST(f)	cmocka_unit_test_teardown(f, free_article)

static int
body_has(const struct article *a, const char *s)
{
	char	*t = article_text(a);
	int	 r;

	assert_non_null(t);
	r = strstr(t, s) != NULL;
	free(t);
	return r;
}

static void
test_extract_html_story_found_among_chrome(void **state)
{
	static const char page[] =
	    "<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a>"
	    "</nav><div class='sidebar'><p>Subscribe to our newsletter, "
	    "today, for free, now.</p></div>"
	    "<div class='article-body'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE PROSE2 "</p></div>"
	    "<div class='comments'><p>First comment, great, thanks, "
	    "wow.</p></div><footer>Copyright, all rights reserved</footer>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The council met"));
	assert_true(body_has(a, "fewer parking lots"));
	assert_false(body_has(a, "newsletter"));
	assert_false(body_has(a, "First comment"));
	assert_false(body_has(a, "Copyright"));
	assert_false(body_has(a, "World"));
}

/* A forum thread: the posts are sibling boxes of one class, and a short
 * first post joins the long one that scores best. */
static void
test_extract_html_twin_posts_join_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='thread'>"
	    "<div class='message'><div class='who'>anna</div>"
	    "<p>Hello all my cat brings in black crumbs "
	    "of earth every night and I wonder where they come from</p></div>"
	    "<div class='message'><div class='who'>ben</div>"
	    "<p>" PROSE2 "</p></div>"
	    "<div class='teaser'><a href='/t'>Other thread about dogs and "
	    "their food bowls here</a></div>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "black crumbs"));
	assert_false(body_has(a, "Other thread"));
}

/* A modal dialog (a sign-up or login box the page opens by script) is
 * chrome however much prose it holds. */
#define DIALOG_P \
	"<p>Sign in, or create an account, to save articles, follow " \
	"topics, get alerts, comment, vote, and share, on any device, " \
	"anywhere, at any time, for free, forever.</p>"
static void
test_extract_html_modal_dialog_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='modal-dialog'>" DIALOG_P DIALOG_P
	    DIALOG_P DIALOG_P DIALOG_P "</div>"
	    "<div><p>" PROSE2 "</p><p>" PROSE2 "</p></div>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Sign in"));
}

/* A link's hover card (portrait, links to the person's stories) sits
 * right after the link inside the sentence: it goes, the name stays. */
static void
test_extract_html_hover_card_dropped(void **state)
{
	static const char page[] =
	    "<html><body><div><p>" PROSE2 "</p><p>The mayor, "
	    "<span><a href='/p/ann'>Ann Lee</a><span><span>"
	    "<img src='/ann.jpg' alt=''><a href='/p/ann'>Ann Lee</a>"
	    "<a href='/s/1'>Council backs the bridge plan</a> "
	    "<a href='/s/2'>Budget vote put off again</a> "
	    "<a href='/p/ann'>MORE</a></span></span></span>"
	    ", said the works would start soon.</p>"
	    "<p>" PROSE2 "</p></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The mayor, Ann Lee, said"));
	assert_false(body_has(a, "bridge plan"));
}

/* A box that opens with a close control is an overlay shown on demand
 * (shipping terms): longer than a short story of bare lines, it still
 * loses to it. */
#define TERMS_P \
	"<p>Orders ship by parcel service, free of charge from a value of " \
	"sixty euros; below that we charge eight euros for shipping.</p>"
static void
test_extract_html_closable_box_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='text'>" PROSE2 "<br><br>" PROSE2
	    "<br><br>" PROSE2 "</div>"
	    "<div id='info'><div class='close'>Close [X]</div><h3>Terms</h3>"
	    TERMS_P TERMS_P TERMS_P TERMS_P TERMS_P TERMS_P "</div>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Orders ship"));
}

/* A cookie consent box explains itself in prose: it is never the
 * story. */
#define CONSENT_P \
	"<p>We use cookies, and similar tools, to measure traffic, show " \
	"ads, remember settings, and improve the site, with partners, " \
	"who may combine it, with other data, as described, below.</p>"
static void
test_extract_html_cookie_box_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='cookies-settings-text'>" CONSENT_P
	    CONSENT_P CONSENT_P CONSENT_P CONSENT_P "</div>"
	    "<div><p>" PROSE2 "</p><p>" PROSE2 "</p></div>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "We use cookies"));
}

/* A disclaimer, an advertising disclosure or an affiliate notice
 * inside the story's box is the site's notice, not the story. */
static void
test_extract_html_disclaimer_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<div class='editorial-disclaimer'><p>We may receive "
	    "compensation when you click on links to products, from "
	    "partners, as explained here.</p></div>"
	    "<p>" PROSE2 "</p>"
	    "<p class='ad-disclosure'>Advertising disclosure: the views "
	    "above are the author's, not the site's, and not ours.</p>"
	    "<div class='affiliate-text'><p>We earn money, when you buy, "
	    "through the links on this page.</p></div>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "compensation"));
	assert_false(body_has(a, "Advertising disclosure"));
	assert_false(body_has(a, "We earn money"));
}

/* Comments are named in the page's language too: "kommentare"
 * (German, Scandinavian), "comentarios" (Spanish, Portuguese). */
static void
test_extract_html_comments_other_languages(void **state)
{
	static const char page[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p>"
	    "<section class='kommentare'><p>Keine Kommentare, bisher, "
	    "leider, noch nicht.</p></section>"
	    "<div id='comentarios'><p>Sin comentarios, por ahora, "
	    "todavía, no.</p></div>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Keine Kommentare"));
	assert_false(body_has(a, "Sin comentarios"));
}

/* A rating widget ("Was this article useful?", its stars and votes)
 * is the site's, even inside the story's paragraph. */
static void
test_extract_html_rating_box_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='entry-content'><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p>"
	    "<p><span class='post-ratings'><strong>Was this article "
	    "useful?</strong> (95 votes, 4.7 of 5)</span></p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "useful"));
}

/* A short post (a podcast's notes) and a longer author's bio beside
 * it: the lenient attempts, which keep what the first stripped, find
 * the bio, but it is not the post and not twice as long. */
static void
test_extract_html_short_post_not_replaced(void **state)
{
	static const char page[] =
	    "<html><body><article class='post'><div class='entry-content'>"
	    "<p>At the <a href='/camp'>camp in Berlin</a>, which took "
	    "place in May, we recorded a live show. Our guests were "
	    "<a href='/p'>Peter Heath</a> and <a href='/m'>Mary Born</a>, "
	    "who talk about what they saw there.</p>"
	    "<p><a href='/a.mp3'>/a.mp3</a><br>Download: "
	    "<a href='/a.mp3'>mp3</a></p></div>"
	    "<footer class='entry-meta'>Posted in <a href='/c'>Podcast</a>."
	    "<div id='author-info'><div id='author-description'>"
	    "<h2>About Ann</h2>Ann is a reporter, a cook, a runner, and a "
	    "mother, who lives by the sea, with cats, a dog, and books. "
	    "She wrote for papers, magazines, radio, and television, in "
	    "three countries, on politics, food, and sport."
	    "<div><a href='/ann' rel='author'>All posts by Ann</a></div>"
	    "</div></div></footer></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "we recorded a live show"));
	assert_false(body_has(a, "About Ann"));
}

/* The story's own teaser inside its container ("article-teaser"):
 * a teaser's class, but a standfirst's too, and kept. */
static void
test_extract_html_teaser_standfirst_kept(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><div class='article-intro'>"
	    "<p class='article-teaser'>The seven ministers agreed on a "
	    "plan for cleaner ports by the end of the decade.</p></div>"
	    "<p>" PROSE2 "</p><p>" PROSE2 "</p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "seven ministers agreed"));
}

/* A box with a teaser's name that holds text and no links is the
 * story's standfirst, not a teaser of other stories: kept. */
static void
test_extract_html_teaser_box_without_links_kept(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><div class='teaser'>"
	    "The harbour board voted to close the old ferry pier for good "
	    "this winter.</div>"
	    "<p>" PROSE2 "</p><p>" PROSE2 "</p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "old ferry pier"));
}

/* A standfirst box some wrappers above the story's container (a page
 * layout's nesting) is still found and kept first. */
static void
test_extract_html_intro_above_deep_container(void **state)
{
	static const char page[] =
	    "<html><body><div class='page'><div class='page-intro'>"
	    "The harbour board voted to close the old ferry pier for good "
	    "this winter.</div><div class='w1'><div class='w2'>"
	    "<div class='w3'><div class='w4'><div class='w5'>"
	    "<div class='article'>"
	    "<p>" PROSE2 "</p><p>" PROSE2 "</p><p>" PROSE "</p>"
	    "</div><p class='x'>Share</p></div><p class='x'>Share</p></div>"
	    "<p class='x'>Share</p></div><p class='x'>Share</p></div>"
	    "<p class='x'>Share</p></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "old ferry pier"));
}

/* The same seven wrappers down (a portal's layout, the description
 * of the item deep in its column): found too. */
static void
test_extract_html_intro_seven_levels_up(void **state)
{
	static const char page[] =
	    "<html><body><div class='page'><div itemprop='description'>"
	    "The harbour board voted to close the old ferry pier for good "
	    "this winter.</div><div class='w0'><div class='w1'>"
	    "<div class='w2'><div class='w3'><div class='w4'>"
	    "<div class='w5'><div class='article'>"
	    "<p>" PROSE2 "</p><p>" PROSE2 "</p><p>" PROSE "</p>"
	    "</div><p class='x'>Share</p></div><p class='x'>Share</p></div>"
	    "<p class='x'>Share</p></div><p class='x'>Share</p></div>"
	    "<p class='x'>Share</p></div><p class='x'>Share</p></div>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "old ferry pier"));
}

/* A recipe's ingredients, marked itemprop="recipeIngredient", in a
 * column beside the one of its steps, are the story's, before them. */
static void
test_extract_html_recipe_ingredients_kept(void **state)
{
	static const char page[] =
	    "<html><body><div class='recipe'><div class='col-a'>"
	    "<div class='box'><h3>Dough</h3><ul>"
	    "<li itemprop='recipeIngredient'>500 g of flour</li>"
	    "<li itemprop='recipeIngredient'>2 eggs</li></ul>"
	    "<h3>Topping</h3><ul>"
	    "<li itemprop='recipeIngredient'>100 g of almonds</li></ul>"
	    "</div></div><div class='col-b'><div class='steps'>"
	    "<p>" PROSE2 "</p><p>" PROSE2 "</p></div>"
	    "<p class='x'>Share</p></div></div>"
	    "<div class='footer-links'><ul><li>About us</li></ul></div>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "500 g of flour"));
	assert_true(body_has(a, "100 g of almonds"));
	assert_true(body_has(a, "Topping"));
	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "About us"));
	assert_int_equal(strncmp(a->blocks[0].text, "Dough", 5), 0);
}

/* The part after the story, opened by a heading such as "Related" or
 * "Weitere Informationen:", goes to the end; the same heading over a
 * box inside the story, with prose after it, stays. */
static void
test_extract_html_more_part_after_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<h3>Read more</h3><p>Council to vote on the budget</p>"
	    "<p>" PROSE2 "</p>"
	    "<p><strong>Weitere Informationen:</strong></p>"
	    "<p>Stadtverwaltung, Rathausplatz 1</p>"
	    "<p>Telefon 0123 456789</p>"
	    "</div></body></html>";
	static const char page2[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p><h2>You may also like</h2>"
	    "<p>Parks to close for the winter</p>"
	    "<p>New buses arrive in March</p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Council to vote"));
	assert_false(body_has(a, "Weitere Informationen"));
	assert_false(body_has(a, "Rathausplatz"));
	a = run(state, page2, NULL, NULL);
	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "You may also like"));
	assert_false(body_has(a, "New buses"));
}

/* "Weitere ..." and "Redaktionstipp" open the page's next part too;
 * a section so named with prose after it stays. */
static void
test_extract_html_more_part_other_heads(void **state)
{
	static const char page[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<h3>Weitere Schritte</h3><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p><h4>Weitere Tourentipps in Schweden</h4>"
	    "<p>Die besten Wanderwege im Norden</p>"
	    "</div></body></html>";
	static const char page2[] =
	    "<html><body><div class='post'><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p><h2>Redaktionstipp</h2>"
	    "<p>Lesen Sie hier einen weiteren Beitrag</p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Weitere Schritte"));
	assert_false(body_has(a, "Tourentipps"));
	assert_false(body_has(a, "Wanderwege"));
	a = run(state, page2, NULL, NULL);
	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Redaktionstipp"));
	assert_false(body_has(a, "weiteren Beitrag"));
}

/* A headline shouted in capitals as one link between the story's
 * paragraphs is a promotion; capitals that are not a link stay. */
static void
test_extract_html_caps_link_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p>"
	    "<p><a href='/s/2'>MAYOR OPENS THE NEW BRIDGE OVER THE "
	    "RIVER</a></p><p>" PROSE2 "</p>"
	    "<p>THE MEETING IS OPEN TO ALL RESIDENTS</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/1",
	    NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "MAYOR OPENS"));
	assert_true(body_has(a, "OPEN TO ALL RESIDENTS"));
	assert_true(a->nrelated >= 1);
}

/* The author's note after the story ("Ann Writer covers the city
 * hall.") goes; the same name opening a paragraph mid-story stays. */
static void
test_extract_html_author_note_dropped(void **state)
{
	static const char page[] =
	    "<html><head><meta name='author' content='Ann Writer'></head>"
	    "<body><article><p>" PROSE2 "</p>"
	    "<p>Ann Writer asked the mayor about the parks.</p>"
	    "<p>" PROSE2 "</p>"
	    "<p>Ann Writer covers the city hall. She joined the paper in "
	    "2017.</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_string_equal(a->byline, "Ann Writer");
	assert_true(body_has(a, "asked the mayor"));
	assert_false(body_has(a, "covers the city hall"));
}

/* A "Related" tail before the author's note goes too: the note's
 * long bio was the prose that seemed to follow it. */
static void
test_extract_html_more_part_before_author_note(void **state)
{
	static const char page[] =
	    "<html><head><meta name='author' content='Ann Writer'></head>"
	    "<body><article><p>" PROSE2 "</p><p>" PROSE2 "</p>"
	    "<p><strong>Related:</strong></p>"
	    "<p><a href='/a'>Council backs the bridge plan</a></p>"
	    "<p>Ann Writer covers the city hall. " PROSE2 "</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "covers the city hall"));
	assert_false(body_has(a, "bridge plan"));
}

/* A figure's caption describes its picture: the picture stays, the
 * caption is not the story's text. */
static void
test_extract_html_figcaption_not_text(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p>"
	    "<figure><img src='/p.jpg' alt='The hall'><figcaption>The "
	    "council's hall, on Tuesday. Photo: A. Lens</figcaption>"
	    "</figure><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "council's hall, on Tuesday"));
}

/* An emphasised line set under a picture by a line break is its
 * caption; emphasis in the story's text stays. */
static void
test_extract_html_caption_line_under_picture(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p>"
	    "<p><img src='/chart.png' alt=''><br><em>(Credit: A. Lens / "
	    "Agency)</em></p><p>" PROSE2 " <em>Quite so.</em></p><p>"
	    "<img src='/p.jpg' alt=''> <em>A picture, then words.</em></p>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Credit: A. Lens"));
	assert_true(body_has(a, "Quite so."));
	assert_true(body_has(a, "A picture, then words."));
}

/* A paragraph or a centred line that is all one emphasis, under a
 * picture standing on its own (past empty paragraphs), is its caption;
 * under a figure, which has its own, it stays. */
static void
test_extract_html_emphasis_block_under_picture(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p>"
	    "<p><a href='/big.jpg'><img src='/p.jpg' alt=''></a></p>"
	    "<p>\xc2\xa0</p><p><em>The old hall, installation view, "
	    "photo A. Lens</em></p><div>" PROSE2 "<br><img src='/k.jpg' "
	    "alt=''><center><em>The new keys via <a href='/x'>Lens Labs</a>"
	    "</em></center><br>" PROSE "</div><figure><img src='/f.jpg' "
	    "alt=''></figure>"
	    "<p><em>Top photo by the council's office</em></p>"
	    "<p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "installation view"));
	assert_false(body_has(a, "The new keys"));
	assert_true(body_has(a, "Top photo by"));
}

/* A box named for a picture's caption holds it even when the caption
 * runs to a few sentences (over 300 characters). */
static void
test_extract_html_long_caption_box_not_text(void **state)
{
	static const char page[] =
	    "<html><body><article><div class='body'><p>" PROSE2 "</p>"
	    "<div class='inline-image'><img src='/p.jpg' alt=''>"
	    "<div class='imageEmbedCaption'>The mayor, centre, and members "
	    "of the council walk past the old hall on Main Street, which "
	    "the budget would repair, during a tour of the ward on Monday, "
	    "Nov. 13, 2017, before the first of the hearings on the plan, "
	    "in the city's oldest district, where the roads, the schools "
	    "and the library are in the worst state.</div></div>"
	    "<p>" PROSE2 "</p></div></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "walk past the old hall"));
}

/* A caption box beside the picture, with the caption and the credit as
 * two paragraphs, is the picture's; a box so named around a picture
 * and its paragraphs is left to the other rules. */
static void
test_extract_html_caption_paragraphs_not_text(void **state)
{
	static const char page[] =
	    "<html><body><article><div class='body'><p>" PROSE2 "</p>"
	    "<div class='featured-image'><img src='/p.jpg' alt=''></div>"
	    "<div class='featured-image-caption'><p>The old hall on Main "
	    "Street, which the budget would repair, in March.</p>"
	    "<p><i>Image: A. Lens</i></p></div>"
	    "<p>" PROSE2 "</p></div></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "The old hall on Main"));
	assert_false(body_has(a, "A. Lens"));
}

/* A picture and one short paragraph in a box of their own (or a layout
 * table's cell) are a figure without the tag: the paragraph is the
 * caption.  A column of blocks beside a picture stays. */
static void
test_extract_html_picture_box_caption_not_text(void **state)
{
	static const char page[] =
	    "<html><body><article><div class='body'>"
	    "<div class='image top'><img src='/p.jpg' alt=''><p>In this "
	    "2016 file photo, the old hall on Main Street. (AP Photo)</p>"
	    "</div><p>" PROSE2 "</p>"
	    "<div class='row'><img src='/q.jpg' alt=''><div><div>"
	    "<p>The second tier of the budget pays for the buses.</p>"
	    "</div></div></div><p>" PROSE2 "</p><table><tr><td><img "
	    "src='/r.jpg' alt=''><div class='info2'>The ward's library, "
	    "after the flood. (credit: City of Example)</div></td></tr>"
	    "</table><p>" PROSE2 "</p></div></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "2016 file photo"));
	assert_true(body_has(a, "second tier of the budget"));
	assert_false(body_has(a, "after the flood"));
}

/* A list of headlines linking to the site's other pages at the story's
 * end, before a short sign-off, is a list of related stories; one that
 * links to other sites (the story's sources) stays. */
static void
test_extract_html_tail_site_links_related(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p><p>" PROSE2 "</p>"
	    "<ul><li><a href='https://gov.example.org/budget.pdf'>The city's "
	    "budget for next year</a></li><li><a href='https://stats.example"
	    ".net/roads'>Roads in the ward, in numbers</a></li></ul>"
	    "<p>" PROSE2 "</p>"
	    "<ul><li><a href='/2019/bus-lanes.html'>Bus lanes split the "
	    "council again</a></li><li><a href='https://www.example.com/"
	    "library-hours.html'>Library hours cut on Sundays</a></li></ul>"
	    "<p>Originally published on The Example.</p>"
	    "</article></body></html>";
	struct article *a = run(state, page,
	    "https://example.com/2019/budget.html", NULL);
	size_t	 i;
	int	 related = 0;

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "Roads in the ward"));
	assert_false(body_has(a, "Bus lanes split"));
	assert_false(body_has(a, "Library hours"));
	for (i = 0; i < a->nrelated; i++)
		if (strstr(a->related[i].title, "Bus lanes") != NULL)
			related = 1;
	assert_true(related);
}

/* Headings over the story that are the parts of the page's title (the
 * story's and the site's name) or a link to the home page (the logo)
 * go; the same words in a heading after the first paragraph stay. */
static void
test_extract_html_title_part_headings_dropped(void **state)
{
	static const char page[] =
	    "<html><head><meta property='og:title' content='Bridge plan "
	    "passes the council - The Daily Example'></head><body><main>"
	    "<h1>The Daily Example</h1><article><h2><a href='https://"
	    "example.com/'>Home of the Example papers</a></h2>"
	    "<h1>Bridge plan passes the "
	    "council</h1><p>" PROSE2 "</p><p>" PROSE2 "</p><h2>The Daily "
	    "Example</h2><p>" PROSE2 "</p></article></main></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	char	*t = article_text(a);

	assert_non_null(t);
	assert_ptr_equal(strstr(t, "Bridge plan passes"), NULL);
	assert_ptr_equal(strstr(t, "Home of the Example"), NULL);
	assert_non_null(strstr(t, "The Daily Example"));
	assert_true(strstr(t, "The Daily Example") > strstr(t, "Residents"));
	free(t);
}

/* A heading that opens with the page's title cut short is the title,
 * and the kicker over it goes with it. */
static void
test_extract_html_cut_title_heading_and_kicker(void **state)
{
	static const char page[] =
	    "<html><head><meta property='og:title' content='Bridge plan "
	    "passes the council after a long night of'></head><body>"
	    "<article><p>COUNCIL VOTE</p><h2>Bridge plan passes the council "
	    "after a long night of hearings</h2><p>" PROSE2 "</p><p>" PROSE2
	    "</p><p>" PROSE "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "night of hearings"));
	assert_false(body_has(a, "COUNCIL VOTE"));
}

/* A class naming a paragraph is the story's word: the lede in a box
 * whose class also says media stays. */
static void
test_extract_html_paragraph_class_positive(void **state)
{
	static const char page[] =
	    "<html><body><article><div class='body-text'>"
	    "<div class='el__leafmedia el__leafmedia--sourced-paragraph'>"
	    "<p class='body__paragraph'>(AP) The mayor opened the hearing "
	    "on the plan with a warning about its cost.</p></div>"
	    "<div class='body__paragraph'>" PROSE2 "</div>"
	    "<div class='body__paragraph'>" PROSE2 "</div>"
	    "</div></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "opened the hearing"));
}

/* A navigation label standing alone ("zurück zur Listenansicht",
 * "Back to the newsroom") is the page's, not the story's; a sentence
 * opening with the same word stays. */
static void
test_extract_html_nav_label_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p><p>" PROSE2 "</p>"
	    "<p>Back to school: the council also voted on buses.</p>"
	    "<p><a href='/news'>zur\xc3\xbc""ck zur Listenansicht</a></p>"
	    "<ul><li><a href='/p/1'>Permalink</a></li></ul>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Listenansicht"));
	assert_false(body_has(a, "Permalink"));
}

/* A screen reader's skip link standing as a paragraph is the page's;
 * a sentence on skipping stays. */
static void
test_extract_html_skip_link_dropped(void **state)
{
	static const char page[] =
	    "<html><body><p><a class='skip-link' href='#content'>Skip to "
	    "content</a></p><article><p>" PROSE2 "</p><p>Skipping the vote, "
	    "two members left early.</p><p>" PROSE2 "</p><p>Zum Inhalt "
	    "springen</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Skip to content"));
	assert_false(body_has(a, "Zum Inhalt"));
	assert_true(body_has(a, "Skipping the vote"));
}

/* Standfirsts named "bajada" (Spanish-language news) or
 * "subheadline" open the story like the other intro boxes. */
static void
test_extract_html_bajada_opens_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='nota'><header><h1>Presupuesto</h1>"
	    "<div class='texto-bajada'><p>El consejo quiere m\xc3\xa1s parques y "
	    "m\xc3\xa1s buses en el centro</p></div></header>"
	    "<div class='cuerpo'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p></div></div></body></html>";
	static const char page2[] =
	    "<html><body><div class='article'><header><h1>Budget</h1>"
	    "<h2 class='article-subheadline'>The town wants more buses "
	    "and fewer cars</h2></header>"
	    "<div class='body'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "El consejo quiere"));
	a = run(state, page2, NULL, NULL);
	assert_true(body_has(a, "fewer cars"));
}

/* A newsletter box inside the story weighs against itself, a sign-up
 * box is stripped: the story stays. */
static void
test_extract_html_newsletter_box_cut(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p>"
	    "<div class='c-newsletterbox'><div>Never miss a story: sign up "
	    "for our daily letter, free, every morning.</div></div>"
	    "<p>" PROSE2 "</p></article></body></html>";
	static const char page2[] =
	    "<html><body><article><div class='article-body'><p>" PROSE2
	    "</p><div id='emailSignup'><div>Let our news meet your inbox, "
	    "every morning, for free.</div></div>"
	    "<p>" PROSE2 "</p></div></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Never miss"));
	a = run(state, page2, NULL, NULL);
	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Let our news"));
}

/* An author's bio below a post is prose, with commas, about someone:
 * the post is the story even when the bio scores more. */
#define BIO_P \
	"<p>I am Jane, a writer, mother, runner, and cook, living in a " \
	"small town, by the sea, with two cats, a dog, and far too many " \
	"books, plants, and records, which I love.</p>"
static void
test_extract_html_author_box_not_story(void **state)
{
	static const char page[] =
	    "<html><body><div><p>" PROSE2 "</p><p>" PROSE2 "</p></div>"
	    "<div class='about'><h3>About</h3><div><div>"
	    "<div class='author-description'>" BIO_P BIO_P BIO_P
	    "</div></div></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "I am Jane"));
}

/* A line of the post's data standing as a paragraph ("Kategorie:
 * News", "This entry was posted in ...") goes; a sentence opening with
 * the same word stays, and so does a date line. */
static void
test_extract_html_meta_line_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Kategorie: News</p><p>" PROSE "</p>"
	    "<p>Comments : 12</p><p>" PROSE2 "</p>"
	    "<p>Published on Tuesday, the plan was revised.</p>"
	    "<p>Datum: 2. Februar 2022</p>"
	    "<p>This entry was posted in Local. Bookmark the permalink.</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Kategorie"));
	assert_false(body_has(a, "Comments"));
	assert_false(body_has(a, "Bookmark the permalink"));
	assert_true(body_has(a, "Published on Tuesday"));
	assert_true(body_has(a, "Datum: 2. Februar 2022"));
}

/* A picture credit or an advertisement's label standing as a
 * paragraph goes; a source line stays (it may cite the story's data). */
static void
test_extract_html_credit_line_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p>"
	    "<p>Foto: Jane Roe / Agency</p><p>" PROSE2 "</p>"
	    "<p>Cr\xc3\xa9" "dits photos : Agency</p>"
	    "<p>Fotos: A. Name, B. Name</p>"
	    "<p>Quelle: Statistical office, 2020</p>"
	    "<p>- Anzeige -</p><p>ADVERTISEMENT</p>"
	    "<p>Advertisement revenue fell by a third this year.</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "Quelle: Statistical office"));
	assert_false(body_has(a, "Jane Roe"));
	assert_false(body_has(a, "photos : Agency"));
	assert_false(body_has(a, "A. Name"));
	assert_false(body_has(a, "Anzeige"));
	assert_false(body_has(a, "ADVERTISEMENT"));
	assert_true(body_has(a, "Advertisement revenue"));
}

/* An advertisement's label with a note after it ("Anzeige, enthält
 * Affiliate Links") goes too; a sentence on advertising stays. */
static void
test_extract_html_ad_note_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Anzeige, enth\xc3\xa4lt Affiliate "
	    "Links</p><p>" PROSE "</p><p>\xe2\x80\x93 Werbung: In "
	    "Zusammenarbeit mit A. Shop \xe2\x80\x93</p><p>" PROSE2 "</p>"
	    "<p>Sponsored content, the council said, pays for the paper.</p>"
	    "<p>Werbung ist \xc3\xbc" "berall.</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Affiliate Links"));
	assert_false(body_has(a, "Zusammenarbeit mit A. Shop"));
	assert_true(body_has(a, "Werbung ist"));
	assert_true(body_has(a, "Sponsored content, the council said"));
}

/* A post rendered by script from a template, given again in <noscript>
 * for readers without scripts: with nothing else on the page, the
 * <noscript> copy is the story. */
static void
test_extract_html_noscript_story_when_page_empty(void **state)
{
	static const char page[] =
	    "<html><body><div class='header'>A blog</div>"
	    "<div class='post-body'><script type='text/template'>"
	    "<p>hidden</p></script><noscript><p>" PROSE "</p><p>" PROSE2
	    "</p></noscript></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The council met"));
	assert_true(body_has(a, "Residents spoke"));
}

/* The standfirst in a box of its own in the header, before the body's
 * container, opens the story. */
static void
test_extract_html_intro_box_opens_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><header><h1>Budget</h1>"
	    "<div class='entry-excerpt'><p>The town wants more buses and "
	    "fewer cars in the centre</p></div></header>"
	    "<div class='entry-content'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p></div></div>"
	    "<div class='more'><div class='teaser-text'><p>Another story "
	    "about trains and their new timetable</p></div></div>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "fewer cars in the centre"));
	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Another story"));
	assert_int_equal(strncmp(a->blocks[0].text, "The town wants", 14), 0);
}

/* A box marked itemprop="description" (schema.org) before the body's
 * container is the story's standfirst, whatever its class says. */
static void
test_extract_html_description_box_opens_story(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><header><h1>Budget</h1>"
	    "<div class='box' itemprop='description'><p>The town wants "
	    "more buses and fewer cars in the centre</p></div></header>"
	    "<div class='entry-content'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "fewer cars in the centre"));
	assert_true(body_has(a, "Residents spoke"));
	assert_int_equal(strncmp(a->blocks[0].text, "The town wants", 14), 0);
}

/* The story's container is not cleaned away whole for its links: a
 * recipe's tabs of links over the ingredients and the steps, with
 * plenty of plain text, stay the story, and a comment box beside it
 * stays out. */
static void
test_extract_html_linked_root_not_cut(void **state)
{
	static const char page[] =
	    "<html><body><div class='main-content'><ul class='tabs'>"
	    "<li><a href='/r/1'>Ingredients for the roasted chicken with "
	    "rice and the sauce that goes with it</a></li>"
	    "<li><a href='/r/2'>Nutritional information for the roasted "
	    "chicken with rice and the sauce that goes with it</a></li>"
	    "<li><a href='/r/3'>How to prepare the roasted chicken with "
	    "rice and the sauce that goes with it, step by step</a></li>"
	    "<li><a href='/r/4'>Reviews of the roasted chicken with rice "
	    "and the sauce that goes with it, by our readers</a></li>"
	    "<li><a href='/r/5'>Print the roasted chicken with rice and "
	    "the sauce that goes with it on one page</a></li>"
	    "<li><a href='/r/6'>Share the roasted chicken with rice and "
	    "the sauce that goes with it with a friend</a></li>"
	    "<li><a href='/r/7'>Save the roasted chicken with rice and the "
	    "sauce that goes with it to your own cookbook</a></li>"
	    "<li><a href='/r/8'>More recipes like the roasted chicken with "
	    "rice and the sauce that goes with it</a></li>"
	    "<li><a href='/r/9'>Wines to drink with the roasted chicken "
	    "with rice and the sauce that goes with it</a></li>"
	    "<li><a href='/r/10'>Leftovers of the roasted chicken with rice "
	    "and the sauce that goes with it, and what to do</a></li>"
	    "<li><a href='/r/11'>Questions about the roasted chicken with "
	    "rice and the sauce that goes with it, answered</a></li>"
	    "</ul><ul><li>1 large whole chicken of about 1200 g</li>"
	    "<li>2 tablespoons of vegetable oil</li></ul>"
	    "<p>Roast the chicken in a hot oven for fifty minutes or until "
	    "it is cooked through and golden brown all over.</p>"
	    "<p>Meanwhile heat the oil in a large pan and cook the onions "
	    "for five minutes until they are almost golden in colour.</p>"
	    "<p>Add the minced lamb and cook until the meat is brown and "
	    "then add the spices and the stock cubes and stir well.</p>"
	    "<p>Add the rice and the water and bring it to the boil and "
	    "then cover the pan and let it simmer for twenty minutes.</p>"
	    "<p>Spoon the rice onto a serving platter and then cut the "
	    "roasted chicken and arrange the pieces over the rice.</p>"
	    "</div>"
	    "<div class='comments'><p>Reader: I made this on Sunday, and "
	    "my family, who never eats rice, loved it, truly, thanks.</p>"
	    "<p>" PROSE2 "</p></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "1 large whole chicken"));
	assert_true(body_has(a, "Spoon the rice onto"));
	assert_false(body_has(a, "I made this on Sunday"));
}

/* The standfirst inside the story's header box, with the headline,
 * is found though the box's class says chrome ("header"). */
static void
test_extract_html_intro_in_header_box(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><div class='top-header'>"
	    "<h1>Budget</h1><div class='entry-excerpt'><p>The town wants "
	    "more buses and fewer cars in the centre</p></div>"
	    "<span>Ann Writer</span></div>"
	    "<div class='entry-content'><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE2 "</p></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "fewer cars in the centre"));
	assert_true(body_has(a, "Residents spoke"));
	assert_int_equal(strncmp(a->blocks[0].text, "The town wants", 14), 0);
}

/* A standfirst beside the body ("teaser-text", a teaser's word) joins
 * it as a sibling and is not cut for its class. */
static void
test_extract_html_intro_sibling_kept(void **state)
{
	static const char page[] =
	    "<html><body><div class='article'><h3>Budget</h3>"
	    "<div class='teaser-text'><p>The town wants more buses and "
	    "fewer cars in the centre, and it says so in a long plan.</p>"
	    "</div><div class='news-text-wrap'><p>" PROSE "</p><p>" PROSE2
	    "</p><p>" PROSE2 "</p></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "fewer cars in the centre"));
	assert_true(body_has(a, "Residents spoke"));
}

static void
test_extract_html_link_dense_box_dropped_when_in_story(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<div><a href='/x1'>One link here</a> <a href='/x2'>Two link "
	    "here</a> <a href='/x3'>Three link</a></div>"
	    "<p>" PROSE "</p></article></body></html>";
	struct article *a = run(state, page, "https://example.org/news/",
	    NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Two link here"));
}

/* Many links around the story in one wrapper: the wrapper's link
 * density must not take the story with it when the box is cleaned. */
#define SHORT_PROSE \
	"<p>The council met on Tuesday to discuss the new budget which " \
	"includes money for roads and schools, and the library.</p>"
#define SHARE_LINK(n) \
	"<li><a href='/" n "'>Share this on network " n "</a></li>"

/* Links around the story in one wrapper (share list and story in one
 * div, a third of the text in links): the story is kept although the
 * wrapper's link density would have it cleaned away. */
static void
test_extract_html_story_kept_in_link_heavy_wrapper(void **state)
{
	static const char page[] =
	    "<html><body><div class='content-primary'><div class='item'><ul>"
	    SHARE_LINK("1") SHARE_LINK("2") SHARE_LINK("3") SHARE_LINK("4")
	    SHARE_LINK("5") SHARE_LINK("6") SHARE_LINK("7") SHARE_LINK("8")
	    SHARE_LINK("9") "</ul><div class='wrap'><div class='inner'>"
	    SHORT_PROSE SHORT_PROSE SHORT_PROSE SHORT_PROSE
	    "<p>Residents spoke for hours, and asked for more parks.</p>"
	    "</div></div></div></div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The council met"));
	assert_true(body_has(a, "Residents spoke"));
}

static void
test_extract_html_blocks_typed(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><h2>The vote</h2>"
	    "<ul><li>Roads: yes</li><li>Schools: no</li></ul>"
	    "<blockquote><p>We did it, finally, together.</p></blockquote>"
	    "<pre>a  b\nc</pre>"
	    "<table><tr><th>Ward</th><th>Votes</th></tr><tr><td>Ward 1</td><td>12, 3</td></tr>"
	    "<tr><td>Ward 2</td><td>9, 4</td></tr></table>"
	    "<p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	size_t	 i;
	int	 h = 0, li = 0, q = 0, pre = 0, row = 0;

	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		if (b->type == BLOCK_HEADING && strcmp(b->text,
		    "The vote") == 0 && b->level == 2)
			h = 1;
		if (b->type == BLOCK_LIST_ITEM && strcmp(b->text,
		    "Schools: no") == 0)
			li = 1;
		if (b->type == BLOCK_QUOTE)
			q = 1;
		if (b->type == BLOCK_PRE && strcmp(b->text, "a b\nc") == 0)
			pre = 1;
		if (b->type == BLOCK_TABLE_ROW && strcmp(b->text,
		    "Ward 1 | 12, 3") == 0)
			row = 1;
	}
	assert_true(h);
	assert_true(li);
	assert_true(q);
	assert_true(pre);
	assert_true(row);
}

static size_t
count_images(const struct article *a, const char *alt)
{
	size_t	 i, c = 0;

	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].type == BLOCK_IMAGE &&
		    strcmp(a->blocks[i].text, alt) == 0)
			c++;
	return c;
}

/* Alt text describing a photo is a block; a file name, the title again
 * or a repeat of the same image is not. */
static void
test_extract_html_alt_text_kept_once_unless_file_name(void **state)
{
	static const char page[] =
	    "<html><head><title>Budget passes</title></head><body><article>"
	    "<h1>Budget passes</h1><img src='a.jpg' alt='Budget passes'>"
	    "<p>" PROSE "</p><img src='b.jpg' alt='The mayor at the vote'>"
	    "<img src='b.jpg' alt='The mayor at the vote'>"
	    "<img src='c.jpg' alt='council-budget-2018-vote-01'>"
	    "<p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_int_equal(count_images(a, "The mayor at the vote"), 1);
	assert_int_equal(count_images(a, "council-budget-2018-vote-01"), 0);
	assert_int_equal(count_images(a, "Budget passes"), 0);
}

static void
test_extract_html_links_absolute_with_ranges(void **state)
{
	static const char page[] =
	    "<html><head><link rel='canonical' href='https://example.org/"
	    "story/1'></head><body><article><p>" PROSE "Read  <a href='"
	    "../docs/budget.pdf'>the\n  full   budget</a> online.</p><p>"
	    PROSE2 "</p><p>" PROSE "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	const struct link *l;

	assert_int_equal(a->nlinks, 1);
	l = &a->links[0];
	assert_string_equal(l->url, "https://example.org/docs/budget.pdf");
	assert_string_equal(l->text, "the full budget");
	assert_memory_equal(a->blocks[l->block].text + l->start,
	    "the full budget", l->end - l->start);
	assert_string_equal(a->url, "https://example.org/story/1");
}

static void
test_extract_html_base_url_order(void **state)
{
	static const char page[] =
	    "<html><head><base href='/top/'><meta property='og:url' "
	    "content='https://og.example/a/b'></head><body><article><p>"
	    PROSE "<a href='x'>x link</a></p><p>" PROSE2 "</p><p>" PROSE
	    "</p></article></body></html>";
	struct article *a;

	/* <base> resolved against og:url. */
	a = run(state, page, NULL, NULL);
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].url, "https://og.example/top/x");
	/* --base-url first, <base> still applies under it. */
	a = run(state, page, "https://cli.example/p/q", NULL);
	assert_string_equal(a->links[0].url, "https://cli.example/top/x");
}

static void
test_extract_html_meta_preference_order(void **state)
{
	static const char page[] =
	    "<html lang='fr'><head><title>Page title here | Site</title>"
	    "<meta property='og:title' content='OG title'>"
	    "<meta name='author' content='Meta Author'>"
	    "<meta property='og:site_name' content='OG Site'>"
	    "<meta property='article:published_time' "
	    "content='2024-05-01T10:00:00Z'>"
	    "<script type='application/ld+json'>{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
	    "\"LD headline\",\"author\":[{\"name\":\"Ann\"},{\"name\":"
	    "\"Bob\"}],\"publisher\":{\"name\":\"LD Site\"},"
	    "\"datePublished\":\"2024-06-02\"}</script></head><body>"
	    "<article><p>" PROSE "</p><p>" PROSE2 "</p></article>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);
	char	 day[11];

	assert_string_equal(a->title, "LD headline");
	assert_string_equal(a->byline, "Ann, Bob");
	assert_string_equal(a->site, "LD Site");
	assert_string_equal(a->lang, "fr");
	date_format_day(&(struct date){ a->date, a->date_off, a->date_prec },
	    day);
	assert_string_equal(day, "2024-06-02");
}

static void
test_extract_html_meta_falls_back_to_title_tag(void **state)
{
	static const char page[] =
	    "<html><head><title>Council passes the new budget at last - "
	    "Town News</title><meta property='article:published_time' "
	    "content='2024-05-01T10:00:00Z'></head><body><article><p>"
	    PROSE "</p><p class='byline'>By Jane Doe</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	char	 day[11];

	assert_string_equal(a->title, "Council passes the new budget at last");
	/* The model holds the name; renderers say "By" once. */
	assert_string_equal(a->byline, "Jane Doe");
	assert_false(body_has(a, "Jane Doe"));
	date_format_day(&(struct date){ a->date, a->date_off, a->date_prec },
	    day);
	assert_string_equal(day, "2024-05-01");
}

/* Parse.ly's meta names give the title, author and date when nothing
 * before them in the order does. */
static void
test_extract_html_meta_parsely_names(void **state)
{
	static const char page[] =
	    "<html><head><title>Page title of the document</title>"
	    "<meta name='parsely-title' content='Parsely title'>"
	    "<meta name='parsely-author' content='Jane Doe'>"
	    "<meta name='parsely-pub-date' content='2024-04-20T04:20:00Z'>"
	    "</head><body><article><p>" PROSE "</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	char	 day[11];

	assert_string_equal(a->title, "Parsely title");
	assert_string_equal(a->byline, "Jane Doe");
	date_format_day(&(struct date){ a->date, a->date_off, a->date_prec },
	    day);
	assert_string_equal(day, "2024-04-20");
}

/* A byline element's date becomes the article's date and leaves the
 * name; a separator and what follows it go too. */
static void
test_extract_html_byline_date_split_when_no_meta(void **state)
{
	static const char page1[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='byline'>Jane Doe - Apr 16, 2015 8:02 pm"
	    "</div><p>" PROSE2 "</p></article></body></html>";
	static const char page2[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><span class='author'>Jane Doe \xe2\x80\xa2 8h</span>"
	    "<p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page1, NULL, NULL);
	char	 day[11];

	assert_string_equal(a->byline, "Jane Doe");
	date_format_day(&(struct date){ a->date, a->date_off, a->date_prec },
	    day);
	assert_string_equal(day, "2015-04-16");
	a = run(state, page2, NULL, NULL);
	assert_string_equal(a->byline, "Jane Doe");
}

/* A byline in another language loses its "by" and a date in words
 * date_find() does not read: a name has no digits. */
static void
test_extract_html_byline_by_word_and_date_in_words_cut(void **state)
{
	static const char page[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='byline'>por C\xc3\xa9sar Salza 1 de "
	    "diciembre de 2017 3:00 AM PST</div><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_string_equal(a->byline, "C\xc3\xa9sar Salza");
}

/* A line break inside an element's text parts its words. */
static void
test_extract_html_node_text_br_parts_words(void **state)
{
	static const char page[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='byline'>Ann Writer<br>City Desk</div><p>"
	    PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_string_equal(a->byline, "Ann Writer City Desk");
}

/* A byline box with one author link leaves out the boxes beside the
 * name (a job title, a follow button); text in the name's own box
 * stays. */
static void
test_extract_html_byline_author_link_boxes_left_out(void **state)
{
	static const char page1[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='author'><a class='author-link' "
	    "href='/ann'>Ann Writer</a><div class='job'>Games Editor</div>"
	    "<div class='social'>Follow Ann Writer</div></div><p>" PROSE2
	    "</p></article></body></html>";
	static const char page2[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='author'>By <a rel='author' href='/ann'>"
	    "Ann Writer</a><br>City Desk</div><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page1, NULL, NULL);

	assert_string_equal(a->byline, "Ann Writer");
	assert_false(body_has(a, "Games Editor"));
	a = run(state, page2, NULL, NULL);
	assert_string_equal(a->byline, "Ann Writer City Desk");
}

/* An "Author:" label goes like a "By": the model holds the name. */
static void
test_extract_html_byline_label_stripped(void **state)
{
	static const char page1[] =
	    "<html><head><title>Budget</title></head><body><article><p>"
	    PROSE "</p><div class='byline'>Autor: Petra Writer</div><p>"
	    PROSE2 "</p></article></body></html>";
	static const char page2[] =
	    "<html><head><title>Budget</title><meta name='author' "
	    "content='Author Names'></head><body><article><p>" PROSE
	    "</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page1, NULL, NULL);

	assert_string_equal(a->byline, "Petra Writer");
	/* Without a colon, a word is a name. */
	a = run(state, page2, NULL, NULL);
	assert_string_equal(a->byline, "Author Names");
}

/* A meta property may list several keys (RDFa): each counts, and one
 * too short to be a summary does not replace the story. */
static void
test_extract_html_meta_property_lists_keys(void **state)
{
	static const char page[] =
	    "<html><head><meta property='x:title dc:title' content='My "
	    "title'><meta property='dc:creator twitter:site_name' "
	    "content='Creator Name'><meta name='author' content='Other'>"
	    "<meta property='dc:description og:description' content="
	    "'&amp;#xg; &amp;#x0;'></head><body>Test</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_string_equal(a->title, "My title");
	assert_string_equal(a->byline, "Creator Name");
	assert_true(body_has(a, "Test"));
	assert_false(body_has(a, "#xg"));
}

static void
test_extract_html_teasers_become_related(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p>"
	    "<div class='related-stories'><a href='/n/1'>Mayor opens the "
	    "new bridge over the river</a><a href='/n/2'>School board "
	    "elects a new chair for the year</a></div><p>" PROSE2 "</p>"
	    "<p>" PROSE "</p></article>"
	    "<aside class='most-popular'><a href='/n/3'>Storm closes roads "
	    "across the county tonight</a></aside></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);
	size_t	 i;
	int	 bridge = 0, storm = 0;

	assert_false(body_has(a, "bridge"));
	for (i = 0; i < a->nrelated; i++) {
		if (strcmp(a->related[i].url, "https://news.example/n/1") == 0)
			bridge = 1;
		if (strcmp(a->related[i].url, "https://news.example/n/3") == 0)
			storm = 1;
	}
	assert_true(bridge);
	assert_true(storm);
}

/* A teaser's card gives its summary and source: the prose beside the
 * headline, a source label, or else the host of another site. */
static void
test_extract_html_teaser_summary_and_source(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<p>" PROSE "</p></article><aside class='related-stories'>"
	    "<div class='card'><a href='/n/1'><img src='b.jpg' alt=''></a>"
	    "<h3><a href='/n/1'>Mayor opens the new bridge over the river"
	    "</a></h3><p>The bridge, ten years in the making, links the two "
	    "halves of the town.</p><span class='card__source'>City Desk"
	    "</span></div><div class='card'><h3><a href='https://www.other."
	    "example/x'>School board elects a new chair for the year</a>"
	    "</h3><time>May 2</time></div></aside></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);
	size_t	 i;
	int	 seen = 0;

	for (i = 0; i < a->nrelated; i++) {
		const struct related *r = &a->related[i];

		if (strcmp(r->url, "https://news.example/n/1") == 0) {
			assert_non_null(r->summary);
			assert_string_equal(r->summary, "The bridge, ten years "
			    "in the making, links the two halves of the town.");
			assert_non_null(r->source);
			assert_string_equal(r->source, "City Desk");
			seen++;
		}
		if (strcmp(r->url, "https://www.other.example/x") == 0) {
			assert_null(r->summary);
			assert_non_null(r->source);
			assert_string_equal(r->source, "other.example");
			seen++;
		}
	}
	assert_int_equal(seen, 2);
}

/* A line of rel="tag" links goes; a tag link inside prose stays. */
static void
test_extract_html_tag_list_cut(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 " The plan "
	    "is on the <a href='/tag/budget' rel='tag'>budget</a> page.</p>"
	    "<p>" PROSE "</p><strong>Tags<br><a href='/tag/a' rel='tag'>city "
	    "council budget</a>, <a href='/tag/b' rel='tag'>roads and "
	    "schools</a>, <a href='/tag/c' rel='tag'>mayor</a></strong>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "The plan is on the budget page."));
	assert_false(body_has(a, "roads and schools"));
	assert_false(body_has(a, "Tags"));
}

/* An embedded post in a box named for social media stays, as a quote;
 * the box's name still strips a box of other things. */
static void
test_extract_html_embedded_quote_kept(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<div class='social-media-embed'><blockquote class='post'><p>"
	    "The bridge is open at last, and it is <a href='https://t.co/x'>"
	    "https://t.co/x</a></p>&mdash; A Resident (@resident) <a href="
	    "'https://example.social/1'>May 2, 2024</a></blockquote>"
	    "<script src='embed.js'></script></div><p>" PROSE "</p>"
	    "<div class='social-links'><a href='/f'>Follow us</a> on the "
	    "networks</div></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "The bridge is open at last"));
	assert_false(body_has(a, "Follow us"));
}

/* A "Comments" heading after the story goes with what follows it; a
 * sentence on comments stays. */
static void
test_extract_html_comments_head_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p><p>Comments from "
	    "residents were mixed.</p><p>" PROSE2 "</p><h4>Comments</h4>"
	    "<p>Be the first to comment</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "Comments from residents"));
	assert_false(body_has(a, "first to comment"));
}

/* The site's note on moderating comments at the story's end goes; a
 * story's sentence on moderation mid-story stays. */
static void
test_extract_html_comment_note_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p><p>The moderator of the "
	    "hearing cut the comments short.</p><p>" PROSE2 "</p><p>" PROSE
	    "</p><p>Note: we are moderating all comments submitted to deal "
	    "with spam.</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "cut the comments short"));
	assert_false(body_has(a, "moderating all comments"));
}

/* A rule drawn in text near the story's end takes the wire's short
 * tail after it; one before more of the story takes nothing. */
static void
test_extract_html_text_rule_tail_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE2 "</p><p>___</p><p>" PROSE2
	    "</p><p>" PROSE "</p><p>___</p><p>Associated Press writers Ann "
	    "Writer and Ben Other contributed to this report.</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "The council met"));
	assert_false(body_has(a, "contributed to this report"));
}

/* A wire story's credits at its end go; the same words opening a
 * paragraph mid-story stay. */
static void
test_extract_html_wire_credits_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Reporting by the "
	    "council's own staff, the mayor said, was late.</p><p>" PROSE2
	    "</p><p>(Reporting by Ann Writer; Editing by Ben Editor)</p>"
	    "<p>Additional reporting by Cy Other</p></article></body>"
	    "</html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_true(body_has(a, "council's own staff"));
	assert_false(body_has(a, "Ben Editor"));
	assert_false(body_has(a, "Cy Other"));
}

/* A dateline paragraph goes; prose with a date or a count in it
 * stays. */
static void
test_extract_html_dateline_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Published Monday, November 18, 2019 "
	    "8:22AM EST</p><p>Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 "
	    "AM</p><p>" PROSE "</p><p>The plan was updated on March 3, 2020, "
	    "after the hearings.</p><p>Seven of 9 wards voted for it.</p><p>By HNN Staff | November 18, "
	    "2019 at 2:26 PM HST - Updated November 18 at 4:46 PM</p><p>By "
	    "March 2020, the city had updated the plan twice.</p><p>Nov. 19, "
	    "2019, 8:41 AM UTC</p><p>By Justine Coleman - 11/18/19 11:04 PM "
	    "EST</p><p>Updated at 1:23 p.m.</p><p>02-751-1500</p><p>29 "
	    "November 2018 | 20 January 2019</p><p>" PROSE2 "</p></article>"
	    "</body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "8:22AM"));
	assert_false(body_has(a, "Posted Nov 19"));
	assert_true(body_has(a, "The plan was updated on March 3, 2020, "
	    "after the hearings."));
	assert_true(body_has(a, "Seven of 9 wards voted for it."));
	assert_false(body_has(a, "HNN Staff"));
	assert_true(body_has(a, "By March 2020, the city had updated the "
	    "plan twice."));
	assert_false(body_has(a, "8:41 AM"));
	assert_false(body_has(a, "Justine"));
	assert_false(body_has(a, "1:23 p.m."));
	/* A telephone number, a range of dates: not datelines. */
	assert_true(body_has(a, "02-751-1500"));
	assert_true(body_has(a, "29 November 2018 | 20 January 2019"));
}

/* A dateline with "at" and "on" goes, and so does a byline that names
 * its authors before "on" and the date; prose stays. */
static void
test_extract_html_dateline_at_on_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>By Ann Writer, Ben "
	    "Other on Monday, November 18th, 2019 at 11:08 a.m.</p><p>"
	    "Published Nov 18, 2019 at 4:07 PM</p><p>On Monday, at noon."
	    "</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "Ben Other"));
	assert_false(body_has(a, "4:07 PM"));
	assert_true(body_has(a, "On Monday, at noon."));
}

/* A byline box in the story goes even when the metadata names the
 * author already; a dateline's place opening a paragraph stays. */
static void
test_extract_html_byline_box_cut_with_meta_author(void **state)
{
	static const char page[] =
	    "<html><head><meta name='author' content='Ann Writer'></head>"
	    "<body><article><div class='story'><h3 class='byline'>By Ann "
	    "Writer, City Desk</h3><p><span class='dateline'>SPRINGFIELD - "
	    "</span>" PROSE "</p><p>" PROSE2 "</p><p>" PROSE2 "</p></div>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_string_equal(a->byline, "Ann Writer");
	assert_false(body_has(a, "City Desk"));
	assert_true(body_has(a, "SPRINGFIELD - The council met"));
}

/* Datelines of other languages go like English ones: dotted numeric
 * dates, their words for "updated", their month names and Portuguese
 * weekdays; prose with a dotted number or a month stays. */
static void
test_extract_html_dateline_other_languages(void **state)
{
	static const char page[] =
	    "<html><body><article><p>Aktualisiert: 11.04.2020, 10:27 Uhr"
	    "</p><p>23.10.2018</p><p>" PROSE "</p><p>Stand: 05. Februar "
	    "2020</p><p>Publicado el 5 de febrero de 2020</p><p>The fee "
	    "rose to 2.000 euros on 1.5 million tickets.</p><p>sexta-feira, "
	    "22 de outubro de 2010 \xc3\xa0s 20:13</p><p>Em outubro de 2010, "
	    "a corrida mudou de data.</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "10:27"));
	assert_false(body_has(a, "23.10.2018"));
	assert_false(body_has(a, "Februar"));
	assert_false(body_has(a, "febrero"));
	assert_true(body_has(a, "rose to 2.000 euros on 1.5 million"));
	assert_false(body_has(a, "20:13"));
	assert_true(body_has(a, "a corrida mudou de data."));
}

/* A short call to the reader at the story's end goes; one in the
 * middle of the story, or before more prose, stays. */
static void
test_extract_html_call_at_end(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Readers who subscribe "
	    "early paid less, the council said.</p><p>" PROSE2 "</p><p>"
	    "We want to hear what you think about this article.</p>"
	    "</article></body></html>";
	static const char mid[] =
	    "<html><body><article><p>" PROSE "</p><p>Share this article "
	    "with a friend.</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "what you think"));
	assert_true(body_has(a, "Readers who subscribe early"));
	a = run(state, mid, "https://news.example/s/9", NULL);
	assert_true(body_has(a, "Share this article with a friend."));
}

/* A call to comment or to pass the story on at its end goes like the
 * other calls. */
static void
test_extract_html_comment_call_at_end(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p><p>"
	    "Verraten Sie gerne in den Kommentaren: Was meinen Sie?</p>"
	    "</article></body></html>";
	static const char share[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p><p>"
	    "Den Artikel mit anderen teilen:</p><ul><li>Mail</li></ul>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "in den Kommentaren"));
	a = run(state, share, "https://news.example/s/9", NULL);
	assert_false(body_has(a, "mit anderen teilen"));
}

/* The author's box at the story's end, set as a quote, goes like one
 * set as a paragraph. */
static void
test_extract_html_author_box_quote_at_end(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<blockquote>Jo Marsh ist Redakteurin beim Courier und schreibt "
	    "\xc3\xbc" "ber Stadtpolitik.</blockquote></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Jo Marsh"));
}

/* The site's promotion of its channels (a call and a channel) goes
 * wherever it stands in the story; a call alone, or a channel alone,
 * stays. */
static void
test_extract_html_promo_anywhere(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Never miss the latest "
	    "news by signing up to our newsletter today!</p><p>" PROSE2
	    "</p><p>Thousands of families sign up for the program each "
	    "year, the mayor said.</p><p>The council's newsletter went out "
	    "on Friday.</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "Never miss the latest news"));
	assert_true(body_has(a, "Thousands of families sign up"));
	assert_true(body_has(a, "newsletter went out"));
}

/* Calls to join the site's forums or to subscribe to its newsletter
 * are promotions too; a forum or a subscription in the story stays. */
static void
test_extract_html_promo_forum_subscribe(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Residents who subscribe "
	    "to the city's alerts heard first, the mayor said.</p><p>"
	    PROSE2 "</p><p>The council held a public forum on the plan.</p>"
	    "<p>Join our City Forums to keep talking about the plan!</p>"
	    "<p>Subscribe to The Daily Example newsletter.</p></article>"
	    "</body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "Join our City Forums"));
	assert_false(body_has(a, "Daily Example newsletter"));
	assert_true(body_has(a, "subscribe to the city's alerts"));
	assert_true(body_has(a, "public forum on the plan"));
}

/* A call-to-action box ("cta" in its class) is the site's pitch. */
static void
test_extract_html_cta_box_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<div class='plus-cta'><h4>Something to Consider</h4><div "
	    "class='plus-cta--content'><p>If you enjoyed this story, we have "
	    "a proposition for you: become a member, and read all of it, "
	    "with no limits, for a small price each month.</p></div></div>"
	    "<p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "Something to Consider"));
	assert_false(body_has(a, "proposition"));
}

/* Calls to take the site's feed or a PDF of the page are promotions
 * too; a story naming a PDF stays. */
static void
test_extract_html_promo_feed_pdf(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Alle Meldungen der "
	    "Stadt | RSS-Feed abonnieren</p><p>" PROSE2 "</p><p>Dieses "
	    "Skript als PDF herunterladen</p><p>The council put the plan "
	    "online as a PDF.</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "RSS-Feed abonnieren"));
	assert_false(body_has(a, "als PDF herunterladen"));
	assert_true(body_has(a, "online as a PDF"));
}

/* The site's note on its cookies goes wherever it stands; a story on
 * cookies stays. */
static void
test_extract_html_cookie_note_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>We use cookies to give "
	    "you the best experience on our site.</p><p>" PROSE2 "</p><p>"
	    "The bakery sold its cookies at the fair.</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "We use cookies"));
	assert_true(body_has(a, "The bakery sold its cookies"));
}

/* The paywall's offer (a subscription and what it opens) goes; a
 * story on subscriptions stays. */
static void
test_extract_html_paywall_offer_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>To view the full story, "
	    "please subscribe to The Daily.</p><p>" PROSE2 "</p><p>The "
	    "library's subscription to the paper ends in May.</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_false(body_has(a, "To view the full story"));
	assert_true(body_has(a, "subscription to the paper ends"));
}

/* "Related: <a>Headline</a>" in the story is a teaser: a related entry,
 * not body text.  A sentence with a link after a colon stays. */
static void
test_extract_html_labelled_teaser(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Related: <a href='/n/7'>"
	    "Mayor opens the new bridge over the river</a></p><p>" PROSE2
	    "</p><p>The council said this, in short: <a href='/r'>read the "
	    "full report</a></p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);
	size_t	 i;
	int	 seen = 0;

	assert_false(body_has(a, "Mayor opens"));
	assert_true(body_has(a, "in short: read the full report"));
	for (i = 0; i < a->nrelated; i++)
		if (strcmp(a->related[i].url, "https://news.example/n/7") == 0)
			seen = 1;
	assert_true(seen);
}

/* A labelled teaser set as a heading ("Mire: <a>Headline</a>") is one
 * too; a heading with a label and no link stays. */
static void
test_extract_html_labelled_teaser_heading(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><h6>Mire: <a href='/n/7'>"
	    "Mayor opens the new bridge over the river</a></h6><p>" PROSE2
	    "</p><h3>Part two: the new budget</h3><p>" PROSE2
	    "</p><h6>Photo: <a href='/people/ann'>Ann Writer Smith</a></h6>"
	    "<p>" PROSE "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);
	size_t	 i;

	assert_false(body_has(a, "Mayor opens"));
	assert_true(body_has(a, "Part two: the new budget"));
	/* A picture's credit goes too, but its link is no story. */
	assert_false(body_has(a, "Ann Writer"));
	for (i = 0; i < a->nrelated; i++)
		assert_null(strstr(a->related[i].url, "/people/ann"));
}

/* A page that shows only a teaser of a story its JSON-LD holds whole:
 * the articleBody's paragraphs (tags and references read) replace the
 * teaser, after the description, which the body does not repeat. */
static void
test_extract_html_jsonld_body_replaces_teaser(void **state)
{
	static const char page[] =
	    "<html><head><meta name='description' content='The standfirst "
	    "of the story.'><script type='application/ld+json'>"
	    "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\"H\","
	    "\"articleBody\":\"" PROSE "\\n" PROSE2 "<p>Last &amp; "
	    "<b>final</b> paragraph of the story, with words.</p>\"}"
	    "</script></head><body><div><p>Subscribe to read on, now.</p>"
	    "</div></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(a->nblocks >= 4);
	assert_string_equal(a->blocks[0].text, "The standfirst of the story.");
	assert_true(body_has(a, "The council met"));
	assert_true(body_has(a, "fewer parking lots"));
	assert_true(body_has(a, "Last & final paragraph"));
	assert_false(body_has(a, "Subscribe"));
	assert_false(body_has(a, "<b>"));
}

/* A page whose body has no story (a player, a script) gives its
 * description rather than nothing or a credit line. */
static void
test_extract_html_description_when_no_story(void **state)
{
	static const char page[] =
	    "<html><head><meta name='description' content='Dubious sellers "
	    "promise help with sleep, with pain, with cholesterol and "
	    "worse.'></head><body>"
	    "<div id='player'></div><p>Photo: SWR</p></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Dubious sellers promise help"));
	assert_false(body_has(a, "Photo: SWR"));
}

/* A story's first chunk outside its container (a lede in the
 * article's header, before the body's box) is the story's; a caption
 * and a promotion there are not. */
static void
test_extract_html_lede_before_container_kept(void **state)
{
	static const char page[] =
	    "<html><body><nav><a href='/'>Home</a></nav><article><header>"
	    "<h1>Budget passes</h1><p>The standfirst says, in one long "
	    "sentence, what the council decided on Tuesday night.</p>"
	    "<figure><p>A photo caption that is long enough to count, of "
	    "the council chamber, on Tuesday night.</p></figure></header>"
	    "<div class='body'><div class='text'><p>" PROSE "</p><p>" PROSE2
	    "</p><p>" PROSE "</p></div></div></article><footer><p>A footer "
	    "paragraph that is long enough to count as prose, with words."
	    "</p></footer></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The standfirst says"));
	assert_true(body_has(a, "The council met"));
	assert_false(body_has(a, "photo caption"));
	assert_false(body_has(a, "footer paragraph"));
	assert_true(strstr(a->blocks[0].text, "The standfirst") != NULL);
}

/* The story does not end on the label of the page's next part (a
 * heading, "Related posts:"); a page of headings alone keeps them. */
static void
test_extract_html_trailing_labels_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p><p>"
	    "We asked:</p><p>" PROSE "</p><h3>More articles</h3>"
	    "<p>Related posts:</p></article></body></html>";
	static const char heads[] =
	    "<html><body><h2>Test Case 1</h2><h2>Test Case 2</h2>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "We asked:"));
	assert_false(body_has(a, "More articles"));
	assert_false(body_has(a, "Related posts"));
	a = run(state, heads, NULL, NULL);
	assert_true(body_has(a, "Test Case 2"));
}

/* Soft hyphens (U+00AD, "&shy;"), hints for breaking long words, leave
 * the text, and a link after them keeps its range. */
static void
test_extract_html_soft_hyphens_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "Schon im Mit&shy;tel\xc2\xad"
	    "al&#173;ter war der <a href='https://example.org/w'>Wein&shy;berg"
	    "</a> bekannt.</p><p>" PROSE2 "</p><p>" PROSE "</p></article>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);
	const struct link *l;

	assert_true(body_has(a, "Schon im Mittelalter war der Weinberg "
	    "bekannt."));
	assert_int_equal(a->nlinks, 1);
	l = &a->links[0];
	assert_memory_equal(a->blocks[l->block].text + l->start, "Weinberg",
	    l->end - l->start);
	assert_int_equal(l->end - l->start, 8);
}

/* "Follow him on Twitter" at the end of the story goes; in the story's
 * body, the same words stay. */
static void
test_extract_html_follow_line_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>Supporters were told to "
	    "follow him on Twitter for updates, the campaign said.</p><p>"
	    PROSE2 "</p><p>" PROSE "</p><p>" PROSE2 "</p><p>Follow him on "
	    "Twitter @awriter.</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_false(body_has(a, "@awriter"));
	assert_true(body_has(a, "Supporters were told to follow him"));
}

/* A label over paragraphs that are each one headline link is a teaser
 * list: related entries, not text.  A list of links stays. */
static void
test_extract_html_teaser_list_in_story(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p><p>Read "
	    "more:</p><p><a href='/n/1'>Mayor opens the new bridge over the "
	    "river</a></p><p><a href='/n/2'>School board elects a new chair "
	    "for the year</a></p><p>" PROSE "</p><p>Apps we used:</p><ul>"
	    "<li><a href='/a/1'>Harbor Tides for phones</a></li><li><a "
	    "href='/a/2'>Ferry Times for the desktop</a></li></ul>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);
	size_t	 i;
	int	 seen = 0;

	assert_false(body_has(a, "Read more:"));
	assert_false(body_has(a, "School board elects"));
	assert_true(body_has(a, "Harbor Tides for phones"));
	for (i = 0; i < a->nrelated; i++)
		if (strcmp(a->related[i].url, "https://news.example/n/2") == 0)
			seen = 1;
	assert_true(seen);
}

/* The headlines of a teaser list may carry a kicker's tag after the
 * link ("[VIDEO]"): still one link each, still a teaser list. */
static void
test_extract_html_teaser_list_tagged(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p><p>DON'T "
	    "MISS</p><p><a href='/n/1'>Mayor opens the new bridge over the "
	    "river</a> [VIDEO]</p><p><a href='/n/2'>School board elects a "
	    "new chair for the year</a> [INSIGHT]</p><p>" PROSE2 "</p>"
	    "</article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "Residents spoke"));
	assert_false(body_has(a, "DON'T MISS"));
	assert_false(body_has(a, "School board elects"));
}

/* A "trending" rail inside the story, headlines outside its links so
 * that link density does not give it away: cut by its class. */
static void
test_extract_html_teaser_rail_in_story_cut(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p><p>" PROSE2 "</p>"
	    "<div class='rail rail--trending'><h3>Most read in news</h3>"
	    "<div class='item'><a href='/n/4'><img src='x.jpg' alt=''></a>"
	    "<h3>LUCKY ESCAPE</h3><span>Man walks away from a crash on "
	    "the ring road</span></div></div>"
	    "<p>" PROSE "</p></article></body></html>";
	struct article *a = run(state, page, "https://news.example/s/9", NULL);

	assert_true(body_has(a, "fewer parking lots"));
	assert_false(body_has(a, "Most read"));
	assert_false(body_has(a, "LUCKY ESCAPE"));
	assert_false(body_has(a, "ring road"));
}

static void
test_extract_html_hidden_content_dropped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "</p>"
	    "<p style='display: none'>Hidden words here, secret, sneaky.</p>"
	    "<div aria-hidden='true'>Invisible words, too, yes.</div>"
	    "<p hidden>More hidden stuff, hidden, yes.</p><p>" PROSE2
	    "</p><script>var x = 'script words';</script>"
	    "</article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_false(body_has(a, "Hidden words"));
	assert_false(body_has(a, "Invisible"));
	assert_false(body_has(a, "More hidden"));
	assert_false(body_has(a, "script words"));
}

/* A box whose role or class says chrome but which holds the page's
 * <main> (an HTML5 element left open, a page-wide menu container) is
 * not stripped: the story inside it stays. */
static void
test_extract_html_main_inside_chrome_box_kept(void **state)
{
	static const char page[] =
	    "<html><body><div class='menucontainer'><section "
	    "role='complementary'><a href='/live'>Live radio</a>"
	    "<main><div><p>" PROSE "</p><p>" PROSE2 "</p></div></main>"
	    "</section></div><aside role='complementary'><p>Sidebar words, "
	    "more, and more, and more.</p></aside></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "The council met"));
	assert_true(body_has(a, "fewer parking lots"));
	assert_false(body_has(a, "Sidebar words"));
}

static void
test_extract_html_wrong_declared_charset_is_utf8(void **state)
{
	static const char page[] =
	    "<html><head><meta http-equiv='Content-Type' content='text/html;"
	    " charset=gb2312'></head><body><article><p>" PROSE
	    "Caf\xc3\xa9 na\xc3\xafve \xe6\x96\xb0\xe9\x97\xbb.</p><p>"
	    PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Caf\xc3\xa9 na\xc3\xafve "
	    "\xe6\x96\xb0\xe9\x97\xbb."));
}

/* UTF-8 with one bad byte (0x81, which windows-1252 lacks) is read as
 * UTF-8, the bad byte as U+FFFD: not as a legacy charset, which turned
 * every letter into two and made libxml2 stop at the bad byte. */
static void
test_extract_html_utf8_with_bad_byte_repaired(void **state)
{
	static const char page[] =
	    "<html><head><meta charset='utf-8'></head><body><article><p>"
	    PROSE "Z\xc3\xbcrich, K\xc3\xb6ln, M\xc3\xbcnchen, "
	    "Gr\xc3\xbc\xc3\x9f Gott, \xc3\xa9t\xc3\xa9.</p><p>" PROSE2
	    " Bad \x81 byte.</p><p>" PROSE " After the bad byte, "
	    "\xc5\x82\xc3\xb3" "d\xc5\xba.</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Z\xc3\xbcrich, K\xc3\xb6ln"));
	assert_true(body_has(a, "Bad \xef\xbf\xbd byte."));
	assert_true(body_has(a, "After the bad byte, \xc5\x82\xc3\xb3"));
}

static void
test_extract_html_legacy_charset_converted(void **state)
{
	static const char page[] =
	    "<html><head><meta charset='iso-8859-1'></head><body><article>"
	    "<p>" PROSE "Caf\xe9 cr\xe8me.</p><p>" PROSE2 "</p></article>"
	    "</body></html>";
	struct article *a;

	a = run(state, page, NULL, NULL);
	assert_true(body_has(a, "Caf\xc3\xa9 cr\xc3\xa8me."));
	/* The HTTP header's charset wins over none. */
	a = run(state, page + strlen("<html><head><meta charset='iso-8859-1'>"
	    "</head>"), NULL, "windows-1252");
	assert_true(body_has(a, "Caf\xc3\xa9 cr\xc3\xa8me."));
}

/* A script's charset="utf-8" before the page's <meta> names the
 * script's encoding: the <meta> says the page's (iso-8859-2, where
 * 0xb1 is "\xc4\x85", not windows-1252's plus-minus sign). */
static void
test_extract_html_meta_charset_over_script_charset(void **state)
{
	static const char page[] =
	    "<html><head><script src='/a.js' charset='utf-8'></script>"
	    "<meta http-equiv='Content-Type' content='text/html; "
	    "charset=iso-8859-2'></head><body><article>"
	    "<p>" PROSE "Pi\xb1tek.</p><p>" PROSE2 "</p></article>"
	    "</body></html>";
	struct article *a = run(state, page, NULL, NULL);

	assert_true(body_has(a, "Pi\xc4\x85tek."));
}

/*
 * A charset only ICU knows by this name (glibc's iconv does not): with a
 * static libxml2, src/icu_lazy.c loads ICU for it on the spot.  The name
 * is ICU's for windows-1251.
 */
static void
test_extract_html_icu_only_charset_converted(void **state)
{
	static const char page[] =
	    "<html><head><meta charset='ibm-5347_P100-1998'></head><body>"
	    "<article><p>" PROSE "\xcf\xf0\xe8\xe2\xe5\xf2.</p><p>" PROSE2
	    "</p></article></body></html>";
	struct article *a;

	a = run(state, page, NULL, NULL);
	/* windows-1251: without ICU it would be read as windows-1252. */
	assert_true(body_has(a, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2"
	    "\xd0\xb5\xd1\x82."));
}

static void
test_extract_html_controls_stripped(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "Red \x1b[31mtext\x1b[0m "
	    "here.</p><p>" PROSE2 "</p></article></body></html>";
	struct article *a = run(state, page, NULL, NULL);
	char	*t = article_text(a);

	assert_null(strchr(t, '\x1b'));
	assert_non_null(strstr(t, "Red text here."));
	free(t);
}

static struct article *
run_n(const char *data, size_t n, int *rc, struct errbuf *eb)
{
	struct extract_opts o;
	struct article *a = NULL;

	memset(&o, 0, sizeof o);
	o.where = "hostile.html";
	*rc = extract_html(data, n, &o, &a, eb);
	return a;
}

static void
test_extract_html_deep_nesting_bounded(void **state)
{
	const size_t depth = 100000;
	size_t	 i, n = 0;
	char	*p = malloc(depth * 11 + 64);
	struct article *a;
	struct errbuf eb;
	int	 rc;

	(void)state;
	assert_non_null(p);
	memcpy(p, "<html><body>", 12);
	n = 12;
	for (i = 0; i < depth; i++, n += 5)
		memcpy(p + n, "<div>", 5);
	memcpy(p + n, "deep", 4);
	n += 4;
	for (i = 0; i < depth; i++, n += 6)
		memcpy(p + n, "</div>", 6);
	a = run_n(p, n, &rc, &eb);
	if (rc == 0)
		article_free(a);
	else
		assert_non_null(strstr(eb.msg, "hostile.html: "));
	free(p);
}

static void
test_extract_html_huge_text_node_bounded(void **state)
{
	const size_t sz = 20UL * 1024 * 1024;
	char	*p = malloc(sz + 64);
	struct article *a;
	struct errbuf eb;
	int	 rc;

	(void)state;
	assert_non_null(p);
	memcpy(p, "<html><body><p>", 15);
	memset(p + 15, 'a', sz);
	memcpy(p + 15 + sz, "</p></body></html>", 18);
	a = run_n(p, sz + 33, &rc, &eb);
	if (rc == 0) {
		size_t i;

		for (i = 0; i < a->nblocks; i++)
			assert_true(a->blocks[i].len <= ARTICLE_FIELD_MAX_BYTES);
		article_free(a);
	} else
		assert_non_null(strstr(eb.msg, "hostile.html: "));
	free(p);
}

static void
test_extract_html_entity_bomb_not_expanded(void **state)
{
	static const char page[] =
	    "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
	    "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;"
	    "&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]><html><body><p>"
	    "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</p></body></html>";
	struct article *a;
	struct errbuf eb;
	int	 rc;

	(void)state;
	a = run_n(page, sizeof page - 1, &rc, &eb);
	if (rc == 0) {
		char *t = article_text(a);

		assert_non_null(t);
		assert_true(strlen(t) < 10000);
		free(t);
		article_free(a);
	}
}

static void
test_extract_html_nul_and_invalid_utf8(void **state)
{
	static const char page[] =
	    "<html><body><article><p>" PROSE "bad \xff\xfe bytes \xc3</p>"
	    "<p>" PROSE2 "\0 after nul</p></article></body></html>";
	struct article *a;
	struct errbuf eb;
	int	 rc;

	(void)state;
	a = run_n(page, sizeof page - 1, &rc, &eb);
	if (rc == 0) {
		char *t = article_text(a);
		size_t l = strlen(t), i;
		uint32_t cp;

		for (i = 0; i < l;) {
			size_t k = utf8_decode(t + i, l - i, &cp);

			assert_false(cp == 0xfffd && k == 1);
			i += k;
		}
		free(t);
		article_free(a);
	} else
		assert_non_null(strstr(eb.msg, "hostile.html: "));
}

static void
test_extract_html_not_html_fails_with_message(void **state)
{
	struct article *a;
	struct errbuf eb;
	int	 rc;

	(void)state;
	a = run_n("", 0, &rc, &eb);
	assert_int_equal(rc, -1);
	assert_null(a);
	assert_string_equal(eb.msg, "hostile.html: not an HTML page");
}

static void
prune_is(const char *in, const char *want)
{
	size_t	 n = strlen(in);
	char	*out;

	assert_non_null(out = extract_html_prune(in, &n, NULL));
	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
	xmlFree(out);
}

/* Script and style bodies go before parsing; JSON-LD, comments and
 * quoted attribute values stay as they are. */
static void
test_extract_html_prune_raw_bodies(void **state)
{
	(void)state;
	prune_is("<p>a</p><script>var x = '<p>no</p>';</script><p>b</p>",
	    "<p>a</p><script></script><p>b</p>");
	prune_is("<STYLE type=text/css>p { color: red }</STYLE ><p>c",
	    "<STYLE type=text/css></STYLE ><p>c");
	prune_is("<script type=\"application/ld+json\">{\"a\":1}</script>",
	    "<script type=\"application/ld+json\">{\"a\":1}</script>");
	prune_is("<!-- <script> --><p>kept</p><script>x</script>",
	    "<!-- <script> --><p>kept</p><script></script>");
	prune_is("<a title=\"<script>\">t</a><p>kept</p>",
	    "<a>t</a><p>kept</p>");
	prune_is("<a title=\"x\" href='<script>'>t</a><p>kept</p>",
	    "<a href='<script>'>t</a><p>kept</p>");
	prune_is("<script src=a.js/><p>after</p>",
	    "<script src=a.js/><p>after</p>");
	prune_is("<scripts>x</scripts>", "<scripts>x</scripts>");
	prune_is("<script>if (a < b) document.write('</scr' + 'ipt>')"
	    "</script><p>d</p>", "<script></script><p>d</p>");
	prune_is("<p>open <script>never closed", "<p>open <script>");
	prune_is("<p>a < b</p><", "<p>a < b</p><");
	prune_is("", "");
	prune_is("<svg viewBox=\"0 0 1 1\"><title>Share</title><path d=x/>"
	    "</svg><p>e", "<svg></svg><p>e");
	prune_is("<script src=\"a.js\" async type=module></script><p>f",
	    "<script type=module></script><p>f");
	/* Attributes nothing reads are left out, the rest kept as they
	 * are written; a tag libxml2 would read otherwise is copied. */
	prune_is("<div data-x=\"1\" CLASS=\"a b\" onclick='f()'>t</div>",
	    "<div CLASS=\"a b\">t</div>");
	prune_is("<a href=/x/ data-y=z target=_blank>t</a>",
	    "<a href=/x/>t</a>");
	prune_is("<div data-x=\"1\"id=\"b\"class=\"c\">",
	    "<div id=\"b\"class=\"c\">");
	prune_is("<img src=\"a.png\" alt=\"A\"/><br/>"
	    "<input disabled hidden>", "<img alt=\"A\"/><br/><input hidden>");
	prune_is("<p\tclass = \"x\"\n>t", "<p class = \"x\">t");
	prune_is("<div \"bogus\" data-x=1>t", "<div \"bogus\" data-x=1>t");
	prune_is("<p class=\"open>t</p><p>u</p>",
	    "<p class=\"open>t</p><p>u</p>");
	prune_is("<p class=>t", "<p class=>t");
	/* An unquoted value ends at a blank: "/>" keeps the blank before
	 * it; JSON-LD is copied as it is, tags in its strings too. */
	prune_is("<link href=/c data-x=1 /><br class=z/>",
	    "<link href=/c /><br class=z/>");
	prune_is("<script type=\"application/ld+json\">{\"b\":\"<a href=x "
	    "title=y>\"}</script>", "<script type=\"application/ld+json\">"
	    "{\"b\":\"<a href=x title=y>\"}</script>");
	/* Runs of blanks become one, a newline when they hold one; not in
	 * <pre> and its kin. */
	prune_is("<div>\n    <p>a  \t b</p>\n\n  </div>",
	    "<div>\n<p>a b</p>\n</div>");
	prune_is("<pre class=c>  x\n\n  y</pre>  z  <TEXTAREA>1  2</TEXTAREA>",
	    "<pre class=c>  x\n\n  y</pre> z <TEXTAREA>1  2</TEXTAREA>");
	assert_true(extract_html_prune_ok("UTF-8"));
	assert_true(extract_html_prune_ok("windows-1252"));
	assert_false(extract_html_prune_ok("UTF-16LE"));
	assert_false(extract_html_prune_ok("ISO-2022-JP"));
	assert_false(extract_html_prune_ok("HZ-GB-2312"));
}

/* The trees with and without the side table must be the same; the
 * number of tags that went through it. */
static size_t
prune_table_same(const char *page, size_t n, const char *where)
{
	size_t	 nt = 0;

	if (extract_html_prune_same(page, n, &nt) != 1)
		fail_msg("%s: the trees differ", where);
	return nt;
}

/* The attributes of simple start tags go to a side table and come back
 * after parsing: the tree is the one libxml2 makes of them in the tags. */
static void
test_extract_html_prune_table_same_tree(void **state)
{
	static const char *const pages[] = {
		"<div class=a id='b' hidden><p CLASS=\"c d\" style=\"x\">t"
		    "</p></div>",
		"<a href=\"/x?a=1&amp;b=2\" class=k>entity stays</a>"
		    "<a href=/y class=\"\">empty</a>",
		"<a href=\"q&quot;&lt;&gt;&amp;\">refs copied</a>"
		    "<a href='a&AMP;b&amp c&#38;d&ampx;e'>refs parsed</a>",
		"<p class=first class=second Class=third>dup</p>",
		"<link rel=canonical href=/c /><link rel=x href=y/>"
		    "<img alt=\"A b\"/><br class=z/>",
		"<html lang=en><body class=b><html lang=fr data-x=1 dir=rtl>"
		    "<body class=c><p>twice</p>",
		"<meta charset=utf-8><meta name=author content=\"A B\">"
		    "<title>T</title><p>after head</p>",
		"<g:plusone href=/p></g:plusone><a0:ul class=l><li>x</ul>",
		"<p title=\"a>b\" class=\"tab\tnew\nline\">q</p>",
		"<p class=\"caf\xc3\xa9 \xe2\x80\x94\">utf-8</p>"
		    "<p class=\"\xef\xbf\xbe\">nonchar</p>",
		"<div class=x/><span class=y>s</span>",
		"<style=\"a\"><meta name=author></style><p class=k>raw text "
		    "of a style whose name ends at '='</p>",
		"<?php echo \"<div class=x>\"; ?><!DOCTYPE x [<p class=y>]>"
		    "<![CDATA[<b class=z>]]><p class=w>after</p>",
		"<p class=a>before</p><ang=\"en<img alt=\">\n<meta charset="
		    "\"alt=\"><p class=b>after a tag libxml2 ends elsewhere</p>",
		"<p class=a>x</p><!--><p class=b>y</p>--><p class=c>z</p>",
		"<td class=orphan>cell</td><tr class=r><td>c</td></tr>",
		"<p bl=5 class=forged>page-written mark</p>"
		    "<span bl=0 x=>copied as it is</span>",
		"<script type=\"application/ld+json\">{\"b\":\"<a href=x "
		    "class=y>in json</a>\"}</script><p class=after>p</p>",
		"<a href=a>1</a><a href=b>2</a><a href=c>3</a><a href=d>4</a>"
		    "<a href=e>5</a><a href=f>6</a><a href=g>7</a><a href=h>8"
		    "</a><a href=i>9</a><a href=j>10</a><a href=k>11</a>",
	};
	char	 path[4096];
	size_t	 i, tabled = 0, npages = 0;
	DIR	*d;
	struct dirent *e;
	struct buf b;
	struct errbuf eb;

	(void)state;
	for (i = 0; i < sizeof pages / sizeof pages[0]; i++)
		tabled += prune_table_same(pages[i], strlen(pages[i]),
		    pages[i]);
	assert_true(tabled > 20);
	/* Every valid UTF-8 page of the corpus, when it is there. */
	if ((d = opendir(SHARED_DIR "/corpus/pages")) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/corpus/pages/%s/source.html",
		    SHARED_DIR, e->d_name);
		buf_init(&b, 1UL << 26);
		if (file_read(path, &b, &eb) == 0 && utf8_valid(b.data, b.len)) {
			prune_table_same(b.data, b.len, path);
			npages++;
		}
		buf_release(&b);
	}
	closedir(d);
	assert_true(npages > 100);
}

/* A page whose story follows large scripts and styles comes out whole,
 * with the JSON-LD metadata still read. */
static void
test_extract_html_scripts_pruned_story_kept(void **state)
{
	struct extract_opts o;
	struct article *a = NULL;
	struct errbuf eb;
	struct buf page;
	size_t	 i;

	(void)state;
	buf_init(&page, 1UL << 24);
	assert_int_equal(buf_puts(&page, "<html><head><title>T</title>"
	    "<script type=\"application/ld+json\">{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"NewsArticle\","
	    "\"headline\":\"Pruned headline\","
	    "\"author\":{\"name\":\"Ann Writer\"}}</script>"), BUF_OK);
	for (i = 0; i < 2000; i++)
		assert_int_equal(buf_puts(&page, "<script>var s = \"<p>not "
		    "the story, never</p>\";</script><style>.a{}</style>"),
		    BUF_OK);
	assert_int_equal(buf_puts(&page, "</head><body><article>"), BUF_OK);
	for (i = 0; i < 6; i++)
		assert_int_equal(buf_puts(&page, "<p>The story goes on, with "
		    "commas, clauses, and enough words to be a paragraph of "
		    "a real article.</p>"), BUF_OK);
	assert_int_equal(buf_puts(&page, "</article></body></html>"), BUF_OK);
	memset(&o, 0, sizeof o);
	o.where = "t.html";
	assert_int_equal(extract_html(page.data, page.len, &o, &a, &eb), 0);
	assert_string_equal(a->title, "Pruned headline");
	assert_string_equal(a->byline, "Ann Writer");
	assert_int_equal(a->nblocks, 6);
	for (i = 0; i < a->nblocks; i++)
		assert_null(strstr(a->blocks[i].text, "not the story"));
	article_free(a);
	buf_release(&page);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		PAGE_TEST(test_extract_html_story_found_among_chrome),
		PAGE_TEST(test_extract_html_twin_posts_join_story),
		PAGE_TEST(test_extract_html_modal_dialog_not_story),
		PAGE_TEST(test_extract_html_hover_card_dropped),
		PAGE_TEST(test_extract_html_closable_box_not_story),
		PAGE_TEST(test_extract_html_cookie_box_not_story),
		PAGE_TEST(test_extract_html_author_box_not_story),
		PAGE_TEST(test_extract_html_disclaimer_not_story),
		PAGE_TEST(test_extract_html_comments_other_languages),
		PAGE_TEST(test_extract_html_rating_box_not_story),
		PAGE_TEST(test_extract_html_short_post_not_replaced),
		PAGE_TEST(test_extract_html_teaser_standfirst_kept),
		PAGE_TEST(test_extract_html_teaser_box_without_links_kept),
		PAGE_TEST(test_extract_html_intro_above_deep_container),
		PAGE_TEST(test_extract_html_more_part_after_story),
		PAGE_TEST(test_extract_html_more_part_other_heads),
		PAGE_TEST(test_extract_html_caps_link_dropped),
		PAGE_TEST(test_extract_html_author_note_dropped),
		PAGE_TEST(test_extract_html_more_part_before_author_note),
		PAGE_TEST(test_extract_html_figcaption_not_text),
		PAGE_TEST(test_extract_html_caption_line_under_picture),
		PAGE_TEST(test_extract_html_emphasis_block_under_picture),
		PAGE_TEST(test_extract_html_long_caption_box_not_text),
		PAGE_TEST(test_extract_html_caption_paragraphs_not_text),
		PAGE_TEST(test_extract_html_picture_box_caption_not_text),
		PAGE_TEST(test_extract_html_tail_site_links_related),
		PAGE_TEST(test_extract_html_title_part_headings_dropped),
		PAGE_TEST(test_extract_html_cut_title_heading_and_kicker),
		PAGE_TEST(test_extract_html_paragraph_class_positive),
		PAGE_TEST(test_extract_html_nav_label_dropped),
		PAGE_TEST(test_extract_html_skip_link_dropped),
		PAGE_TEST(test_extract_html_bajada_opens_story),
		PAGE_TEST(test_extract_html_newsletter_box_cut),
		PAGE_TEST(test_extract_html_credit_line_dropped),
		PAGE_TEST(test_extract_html_ad_note_dropped),
		PAGE_TEST(test_extract_html_meta_line_dropped),
		PAGE_TEST(test_extract_html_noscript_story_when_page_empty),
		PAGE_TEST(test_extract_html_intro_box_opens_story),
		PAGE_TEST(test_extract_html_intro_sibling_kept),
		PAGE_TEST(
		    test_extract_html_link_dense_box_dropped_when_in_story),
		PAGE_TEST(test_extract_html_story_kept_in_link_heavy_wrapper),
		PAGE_TEST(test_extract_html_blocks_typed),
		PAGE_TEST(
		    test_extract_html_alt_text_kept_once_unless_file_name),
		PAGE_TEST(test_extract_html_links_absolute_with_ranges),
		PAGE_TEST(test_extract_html_base_url_order),
		PAGE_TEST(test_extract_html_meta_preference_order),
		PAGE_TEST(test_extract_html_meta_falls_back_to_title_tag),
		PAGE_TEST(test_extract_html_meta_parsely_names),
		PAGE_TEST(test_extract_html_byline_date_split_when_no_meta),
		PAGE_TEST(
		    test_extract_html_byline_by_word_and_date_in_words_cut),
		PAGE_TEST(test_extract_html_meta_property_lists_keys),
		PAGE_TEST(test_extract_html_node_text_br_parts_words),
		PAGE_TEST(test_extract_html_byline_label_stripped),
		PAGE_TEST(
		    test_extract_html_byline_author_link_boxes_left_out),
		PAGE_TEST(test_extract_html_teasers_become_related),
		PAGE_TEST(test_extract_html_teaser_rail_in_story_cut),
		PAGE_TEST(test_extract_html_tag_list_cut),
		PAGE_TEST(test_extract_html_comments_head_dropped),
		PAGE_TEST(test_extract_html_comment_note_dropped),
		PAGE_TEST(test_extract_html_text_rule_tail_dropped),
		PAGE_TEST(test_extract_html_wire_credits_dropped),
		PAGE_TEST(test_extract_html_dateline_dropped),
		PAGE_TEST(test_extract_html_dateline_at_on_dropped),
		PAGE_TEST(test_extract_html_byline_box_cut_with_meta_author),
		PAGE_TEST(test_extract_html_dateline_other_languages),
		PAGE_TEST(test_extract_html_call_at_end),
		PAGE_TEST(test_extract_html_comment_call_at_end),
		PAGE_TEST(test_extract_html_author_box_quote_at_end),
		PAGE_TEST(test_extract_html_promo_anywhere),
		PAGE_TEST(test_extract_html_promo_forum_subscribe),
		PAGE_TEST(test_extract_html_cta_box_dropped),
		PAGE_TEST(test_extract_html_promo_feed_pdf),
		PAGE_TEST(test_extract_html_cookie_note_dropped),
		PAGE_TEST(test_extract_html_paywall_offer_dropped),
		PAGE_TEST(test_extract_html_labelled_teaser),
		PAGE_TEST(test_extract_html_labelled_teaser_heading),
		PAGE_TEST(test_extract_html_follow_line_dropped),
		PAGE_TEST(test_extract_html_soft_hyphens_dropped),
		PAGE_TEST(test_extract_html_trailing_labels_dropped),
		PAGE_TEST(test_extract_html_lede_before_container_kept),
		PAGE_TEST(test_extract_html_description_box_opens_story),
		PAGE_TEST(test_extract_html_linked_root_not_cut),
		PAGE_TEST(test_extract_html_intro_in_header_box),
		PAGE_TEST(test_extract_html_intro_seven_levels_up),
		PAGE_TEST(test_extract_html_recipe_ingredients_kept),
		PAGE_TEST(test_extract_html_jsonld_body_replaces_teaser),
		PAGE_TEST(test_extract_html_description_when_no_story),
		PAGE_TEST(test_extract_html_teaser_list_in_story),
		PAGE_TEST(test_extract_html_teaser_list_tagged),
		PAGE_TEST(test_extract_html_embedded_quote_kept),
		PAGE_TEST(test_extract_html_teaser_summary_and_source),
		PAGE_TEST(test_extract_html_hidden_content_dropped),
		PAGE_TEST(test_extract_html_main_inside_chrome_box_kept),
		PAGE_TEST(test_extract_html_wrong_declared_charset_is_utf8),
		PAGE_TEST(test_extract_html_legacy_charset_converted),
		PAGE_TEST(test_extract_html_meta_charset_over_script_charset),
		PAGE_TEST(test_extract_html_utf8_with_bad_byte_repaired),
		PAGE_TEST(test_extract_html_icu_only_charset_converted),
		PAGE_TEST(test_extract_html_controls_stripped),
		cmocka_unit_test(test_extract_html_deep_nesting_bounded),
		cmocka_unit_test(test_extract_html_huge_text_node_bounded),
		cmocka_unit_test(test_extract_html_entity_bomb_not_expanded),
		cmocka_unit_test(test_extract_html_nul_and_invalid_utf8),
		cmocka_unit_test(test_extract_html_not_html_fails_with_message),
		cmocka_unit_test(test_extract_html_prune_raw_bodies),
		cmocka_unit_test(test_extract_html_scripts_pruned_story_kept),
		cmocka_unit_test(test_extract_html_prune_table_same_tree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
