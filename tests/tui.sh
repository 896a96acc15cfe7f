#!/bin/sh
# tui: the reader driven in tmux, as tmux's own regress/ tests do it: the
# real binary on a private server (-L, -f /dev/null), a fixed size,
# LC_ALL=C.UTF-8, keys sent with send-keys, and the screen read back with
# capture-pane, polled against a deadline (never a bare sleep).
#
# Covers: a newsboat user's evening (a urls file with tags, a query feed,
# a hidden feed, a failed feed and a bad line; the error log, the tag
# view, J/K/p/n/C, a number to follow a link, save, pipe, a macro, F;
# reload-interval's clock),
# the demo (move, open a feed and an article, scroll, Tab into the
# related links, follow a teaser, a text copy's URL-less teaser and a
# store article, Backspace back to the same scroll position, search,
# resize to 60x20 and back, help, quit with the terminal restored),
# byline PATH on a text copy, control characters from a page and a feed,
# and NO_COLOR.  Skipped (77) only when tmux is missing.
set -u

: "${BYLINE:=./src/byline}"
: "${srcdir:=.}"
[ -x "$BYLINE" ] || { echo "tui: no $BYLINE" >&2; exit 99; }
case $BYLINE in /*) ;; *) BYLINE=$(pwd)/$BYLINE ;; esac
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
. "$srcdir/tests/lib.sh"
tmux_setup tui
# The loopback server of the evening's feeds, stopped at exit too.
srv=
lib_on_exit="$lib_on_exit; [ -z \"\$srv\" ] || kill \"\$srv\" 2>/dev/null"
trap 'exit 1' INT TERM HUP

mkdir -p "$tmp/home" "$tmp/xdg-config" "$tmp/data" "$tmp/cache" "$tmp/asan" \
    "$tmp/t"
# A sanitizer report goes to a file: the screen belongs to the test.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$tmp/asan/asan"
UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$tmp/asan/ubsan:print_stacktrace=1"

# start NAME [ENV=VALUE...] -- ARGS...: runs byline in a new detached
# session NAME of 100x30 with a private HOME and XDG directories; when it
# exits, the pane prints "EXIT=status" and stays.
start() {
	name=$1
	shift
	envs=
	while [ "$1" != "--" ]; do
		envs="$envs '$1'"
		shift
	done
	shift
	{
		echo "#!/bin/sh"
		echo "cd '$tmp'"
		echo "exec env HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/xdg-config' \\"
		echo "    XDG_DATA_HOME='$tmp/data' XDG_CACHE_HOME='$tmp/cache' \\"
		echo "    TMPDIR='$tmp/t' LC_ALL=C.UTF-8 BROWSER=true \\"
		echo "    ASAN_OPTIONS='$ASAN_OPTIONS' \\"
		echo "    UBSAN_OPTIONS='$UBSAN_OPTIONS' \\"
		echo "    LSAN_OPTIONS='${LSAN_OPTIONS:-}' $envs \\"
		echo "    sh -c '\"\$0\" \"\$@\"; echo EXIT=\$?; exec sleep 600' \\"
		printf "    '%s'" "$BYLINE"
		for a in "$@"; do
			printf " '%s'" "$a"
		done
		echo
	} >"$tmp/run-$name.sh"
	chmod +x "$tmp/run-$name.sh"
	T new-session -d -s "$name" -x 100 -y 30 "$tmp/run-$name.sh"
}

# status_line SESSION: the article view's "Line N/" (the top line; M may
# grow when the "more on this" list arrives).
status_line() {
	screen "$1" | grep -o 'Line [0-9]*/' | tail -n 1
}

# selected SESSION: the text of the first body line drawn in reverse
# video (the selected related link), without the marker.  Attributes
# carry over from line to line in capture-pane -e, so SGR state is kept.
selected() {
	T capture-pane -p -e -t "$1" | python3 -c '
import re, sys
rev = False
for n, line in enumerate(sys.stdin):
    text, start_rev, seen = "", None, False
    for part in re.split(r"(\033\[[0-9;]*m)", line.rstrip("\n")):
        m = re.fullmatch(r"\033\[([0-9;]*)m", part)
        if m:
            for p in (m.group(1) or "0").split(";"):
                if p in ("", "0", "27"):
                    rev = False
                elif p == "7":
                    rev = True
            continue
        if part and start_rev is None:
            start_rev = rev
        text += part
    if n > 0 and start_rev and "Line " not in text and text.strip():
        t = text.strip()
        print(re.sub(r"^(\u25b8|\[[0-9]+\])\s*", "", t))
        break
'
}

# has_colour SESSION: is any colour (other than the terminal's own) on
# the screen?
has_colour() {
	T capture-pane -p -e -t "$1" | python3 -c '
import re, sys
for m in re.finditer(r"\033\[([0-9;]*)m", sys.stdin.read()):
    for p in m.group(1).split(";"):
        # 39 and 49: the terminal default colours
        if p and p not in ("39", "49") and (30 <= int(p) <= 48 or
                90 <= int(p) <= 107):
            sys.exit(0)
sys.exit(1)'
}

# row_sgr SESSION ROW: the SGR parameters set on screen row ROW (0 is
# the top), one a line.
row_sgr() {
	T capture-pane -p -e -t "$1" | sed -n "$(($2 + 1))p" | python3 -c '
import re, sys
for m in re.finditer(r"\033\[([0-9;]*)m", sys.stdin.read()):
    for p in m.group(1).split(";"):
        print(p)'
}

pane() {
	T display-message -p -t "$1" "$2"
}

# ---- the demo, as a new reader uses it ----
start demo -- --demo
expect demo "Demo feeds (offline)" "demo: starts on the feed list"
expect demo "Feeds 1/5" "demo: cursor on the first feed"
[ "$(pane demo '#{alternate_on}')" = 1 ] &&
    pass "demo: alternate screen in use" ||
    flunk "demo: alternate screen not in use"

keys demo j
expect demo "Feeds 2/5" "demo: j moves down"
keys demo Enter
expect demo "Harbor Gazette (4 unread, 4 total)" "demo: Enter opens a feed"
expect demo "Council approves the tidal lagoon at Gull Point" \
    "demo: headlines listed"
keys demo Enter
expect demo "Article: Council approves the tidal lagoon" \
    "demo: Enter opens an article"
expect demo "Harbor City council voted 9 to 4" \
    "demo: the story's text is extracted from the local page"
if screen demo | grep -q "Most read\|Comments (2)\|Subscribe to"; then
	flunk "demo: page chrome reached the article view"
else
	pass "demo: no page chrome in the article view"
fi

keys demo j j j
expect demo "Line 4/" "demo: j scrolls the article"
before=$(status_line demo)

keys demo Tab
expect demo "Related 1/" "demo: Tab selects the first related link"
sel=$(selected demo)
[ "$sel" = "Old Mill Bridge closes for six weeks of repairs" ] &&
    pass "demo: the page's teaser comes first" ||
    flunk "demo: first related link is \"$sel\""
keys demo Enter
expect demo "Article: Old Mill Bridge closes" "demo: Enter follows a teaser"
expect demo "History 2" "demo: the history grows"
# The store's articles about the same thing are this page's teasers
# already: "More on this" does not list them again (G shows the end).
keys demo G
expect demo "Our science desk looked at how they work" \
    "demo: the followed page's links are at the end"
if screen demo | grep -qF "More on this in your feeds"; then
	flunk "demo: More on this repeats the page's own teasers"
else
	pass "demo: no More on this repeating the teasers above"
fi

# The last target is the last body link; it opens the store's item.
keys demo BTab
wait_gone demo "Related 0/" && pass "demo: BTab selects the last related link" ||
    flunk "demo: BTab selects nothing"
sel=$(selected demo)
if [ "$sel" = "Our science desk looked at how they work" ]; then
	keys demo Enter
	expect demo "Article: Listening to steel" \
	    "demo: Enter follows a body link to the store's article"
	expect demo "History 3" "demo: the history grows again"
else
	flunk "demo: the last related link is \"$sel\""
fi

keys demo BSpace
expect demo "History 2" "demo: Backspace goes back"
keys demo BSpace
expect demo "History 1" "demo: Backspace goes back to the first article"
expect demo "Article: Council approves the tidal lagoon" \
    "demo: the first article is shown again"
after=$(status_line demo)
[ -n "$before" ] && [ "$before" = "$after" ] &&
    pass "demo: same scroll position after Backspace ($after)" ||
    flunk "demo: scroll position \"$before\" became \"$after\""

# A text copy's teaser has no URL: it is looked up by its title.
keys demo q
expect demo "Articles 1/4" "demo: q goes back to the headlines"
keys demo q
expect demo "Feeds 2/5" "demo: q goes back to the feed list"
keys demo G Enter
expect demo "Weekend Review (" "demo: G and Enter open the last feed"
keys demo Enter
expect demo "Article: A rain diary" "demo: a text copy opens"
expect demo "The first of November" "demo: the text copy's story"
keys demo Tab
expect demo "Related 1/" "demo: Tab in a text copy"
sel=$(selected demo)
keys demo Enter
expect demo "Article: $(printf '%s' "$sel" | cut -c1-30)" \
    "demo: a URL-less teaser is found in the store (\"$sel\")"
keys demo BSpace
expect demo "Article: A rain diary" "demo: Backspace to the text copy"
keys demo q q

expect demo "Feeds 5/5" "demo: back on the feed list"

# The demo has no feeds.conf: its tags are the store's.
keys demo t
expect demo "demo (5 feeds)" "demo: t lists the store's tags"
keys demo Enter
expect demo 'tagged "demo"' "demo: Enter filters by the tag"
keys demo C-t
expect demo "Feeds 1/5" "demo: ^T lists every feed again"
keys demo G

# Search over every feed.
expect demo "Feeds 5/5" "demo: on the last feed"
keys demo /
expect demo "Search:" "demo: / prompts"
keys demo -l "lagoon"
keys demo Enter
expect demo 'Search results for "lagoon"' "demo: search results"
expect demo "How a tidal lagoon turns the sea" "demo: a result is listed"
keys demo Enter
expect demo "Article: " "demo: a result opens"

# Resize to 60x20 and back: everything is redrawn for the new size.
T resize-window -t demo -x 60 -y 20
wait_row demo 19 "Line 1/" &&
    pass "demo: redrawn after resizing to 60x20 (status on row 19)" ||
    flunk "demo: not redrawn at 60x20"
wait_row demo 1 "byline " && pass "demo: title bar on row 1 at 60x20" ||
    flunk "demo: no title bar at 60x20"
if screen demo | python3 -c '
import sys
sys.exit(0 if any(len(l.rstrip("\n")) > 60 for l in sys.stdin) else 1)'; then
	flunk "demo: a line is wider than 60 columns"
else
	pass "demo: lines fit 60 columns"
fi
T resize-window -t demo -x 100 -y 30
wait_row demo 29 "Line 1/" &&
    pass "demo: redrawn after resizing back to 100x30 (status on row 29)" ||
    flunk "demo: not redrawn at 100x30"

keys demo '?'
expect demo "select the next related link" "demo: ? shows the key table"
expect demo "next-link" "demo: help names the bindable actions"
keys demo q
expect demo "Article: " "demo: q leaves the help"

# Quit from any depth: q until the shell is back.
keys demo q
expect demo 'Search results for "lagoon"' "demo: q back to the results"
keys demo q
expect demo "Feeds " "demo: q back to the feeds"
keys demo q
expect demo "EXIT=0" "demo: q quits with status 0"
[ "$(pane demo '#{alternate_on}')" = 0 ] &&
    pass "demo: terminal restored (alternate screen left)" ||
    flunk "demo: still on the alternate screen after quitting"
if screen demo | grep -q "Demo feeds\|Feeds 1/5"; then
	flunk "demo: the reader's screen is left behind"
fi
if ls "$tmp/t" | grep -q "byline-demo"; then
	flunk "demo: its temporary store was not removed"
fi

# ---- byline PATH: a text copy, offline ----
start path -- "$srcdir/tests/data/sample.txt"
expect path "New ferry timetable cuts crossing waits" \
    "path: a text copy opens in the article view"
expect path "Line 1/" "path: with the article's status bar"
keys path q
expect path "EXIT=0" "path: q quits"

# ---- control characters from a page never reach the terminal ----
start esc NO_COLOR=1 -- "$srcdir/tests/tui/esc-page.html"
expect esc "SAFE-END" "esc: the page is shown"
expect esc "byline " "esc: the title bar survives a clear-screen sequence"
keys esc G Tab
expect esc "Related 1/" "esc: the link is listed"
title=$(pane esc '#{pane_title}')
case $title in
*PWNED*) flunk "esc: a title sequence reached the terminal" ;;
*) pass "esc: no title change" ;;
esac
if has_colour esc || T capture-pane -p -e -t esc |
    grep -q "$(printf '\033')\\[[0-9;]*5m\\|$(printf '\033')(0"; then
	flunk "esc: an attribute from the page reached the terminal"
else
	pass "esc: no colour, blink or line drawing from the page"
fi
keys esc q
expect esc "EXIT=0" "esc: q quits"

# ---- ... nor from a feed ----
printf 'file://%s/tests/tui/esc-feed.xml\n' "$srcdir" \
    >"$tmp/esc-feeds.conf"
env HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" "$BYLINE" \
    -c "$tmp/esc-feeds.conf" --db "$tmp/esc.db" --reload \
    >"$tmp/esc-reload.out" 2>&1 ||
    flunk "esc: --reload of the feed: $(cat "$tmp/esc-reload.out")"
start escfeed -- -c "$tmp/esc-feeds.conf" --db "$tmp/esc.db"
expect escfeed "31;44m feed" "escfeed: the feed is listed, ESC dropped"
keys escfeed Enter
expect escfeed "[H clears nothing" \
    "escfeed: headlines shown, ESC dropped"
keys escfeed Enter
expect escfeed "SAFE-BODY" "escfeed: the feed's content is the fallback"
title=$(pane escfeed '#{pane_title}')
case $title in
*PWNED*) flunk "escfeed: a title sequence reached the terminal" ;;
*) pass "escfeed: no title change" ;;
esac
keys escfeed q q q
expect escfeed "EXIT=0" "escfeed: q quits"

# ---- NO_COLOR: attributes only, no colour ----
start colour -- --demo
expect colour "Feeds 1/5" "colour: started"
has_colour colour && pass "colour: colours by default" ||
    flunk "colour: no colour without NO_COLOR"
keys colour q
expect colour "EXIT=0" "colour: quits"
start nocolour NO_COLOR=1 -- --demo
expect nocolour "Feeds 1/5" "nocolour: started"
has_colour nocolour && flunk "nocolour: colour despite NO_COLOR" ||
    pass "nocolour: no colour with NO_COLOR"
keys nocolour q
expect nocolour "EXIT=0" "nocolour: quits"

# ---- a hangup ends the demo with its temporary store removed ----
start hup -- --demo
expect hup "Feeds 1/5" "hup: started"
ndemo() {
	ls -d "$tmp"/t/byline-demo-* 2>/dev/null | wc -l
}
before=$(ndemo)
shpid=$(T list-panes -t hup -F '#{pane_pid}')
bpid=$(pgrep -P "$shpid" | head -n 1)
if [ -n "$bpid" ]; then
	kill -HUP "$bpid"
	expect hup "EXIT=129" "hup: dies of SIGHUP"
	[ "$(ndemo)" -eq $((before - 1)) ] && pass "hup: demo store removed" ||
	    flunk "hup: demo store left in $tmp/t"
else
	flunk "hup: byline process not found"
fi

# ---- a newsboat user's evening (issue 15) ----
# Their urls file as it is: tags, a query feed, a hidden feed, a feed
# that is gone (404) and a bad line; a settings file with a bad line, a
# macro and a save folder; feeds and pages served on loopback.
mkdir -p "$tmp/eve/www" "$tmp/eve/saved"
python3 "$srcdir/tests/httpd.py" --root "$tmp/eve/www" --addrs 1 \
    --delay 0 >"$tmp/eve/port" 2>"$tmp/eve/httpd.err" &
srv=$!
i=0
while [ ! -s "$tmp/eve/port" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
base="http://127.0.0.1:$(head -n 1 "$tmp/eve/port")"
# eve_page NAME TITLE BODY: an article page.
eve_page() {
	printf '<html><head><title>%s</title></head><body><article><h1>%s</h1><p>%s</p><p>The council will decide the matter at its next meeting in the spring, after the public has had its say on the plans.</p></article></body></html>\n' \
	    "$2" "$2" "$3" >"$tmp/eve/www/$1.html"
}
eve_page kernel1 "Kernel 7.0 is out" \
    "The notes are in <a href=\"$base/kernel2.html\">the second part</a> of this story, EVE-PAGE-ONE."
eve_page kernel2 "Kernel 7.0, part two" "EVE-PAGE-TWO: the drivers."
eve_page ferry "Ferry timetables change" "EVE-FERRY: boats every hour."
# eve_feed NAME TITLE PAGE:TITLE...: an RSS feed of those pages.
eve_feed() {
	name=$1
	title=$2
	shift 2
	n=0
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>%s</title><link>%s/</link>\n' "$title" "$base"
		for it in "$@"; do
			n=$((n + 1))
			printf '<item><title>%s</title><link>%s/%s.html</link>' \
			    "${it#*:}" "$base" "${it%%:*}"
			printf '<guid>%s-%d</guid><pubDate>Mon, 0%d Nov 2026 ' \
			    "$name" "$n" "$n"
			printf '10:00:00 GMT</pubDate><description>Feed text of '
			printf '%s.</description></item>\n' "${it#*:}"
		done
		printf '</channel></rss>\n'
	} >"$tmp/eve/www/$name.xml"
}
eve_feed tech "Tech Weekly" "kernel1:Kernel 7.0 is out" \
    "kernel2:Kernel 7.0, part two" "kernel3:Sponsored: a kernel deal"
eve_feed news "City News" "ferry:Ferry timetables change" \
    "nosuchpage:A page that is gone"
eve_feed hidden "Hidden Feed" "ferry:Ferry timetables change"
{
	echo "# my newsboat urls"
	echo "$base/tech.xml \"tech\" \"linux\""
	echo "$base/news.xml news \"~The City\""
	echo "$base/hidden.xml \"!\" \"archive\""
	echo "$base/gone.xml \"news\""
	echo '"query:Kernel news:title =~ \"kernel\" and unread = \"yes\"" "tech"'
	echo "gopher://old.example/feed"
} >"$tmp/eve/urls"
{
	echo "reload-on-start yes"
	echo "save-path \"$tmp/eve/saved\""
	echo "timeout abc"
	echo 'ignore-article "*" "title =~ \"^Sponsored\""'
	echo "macro x set browser \"echo %u >$tmp/eve/macro-opened\" ; open-in-browser"
	echo "color listfocus_unread yellow red bold"
	echo "color info black green"
	echo "color hint-key red default"
} >"$tmp/eve/config"
# The editor of E: adds a bad line.
printf '#!/bin/sh\necho ftp://x.example/more >>"$1"\n' >"$tmp/eve/editor"
chmod +x "$tmp/eve/editor"
# ---- a bad feeds.conf line is on the message line at start ----
mkdir -p "$tmp/warn"
printf '%s\n' "file://$tmp/warn/none.xml" "gopher://old.example/feed" \
    >"$tmp/warn/urls"
start warn -- -c "$tmp/warn/urls" --db "$tmp/warn/cache.db"
expect warn "urls:2: not a http, https or file URL" \
    "warn: the bad urls line is on the message line at start"
keys warn q
expect warn "EXIT=0" "warn: quits"

start eve VISUAL="$tmp/eve/editor" -- -c "$tmp/eve/urls" \
    --db "$tmp/eve/cache.db"
# (The start message is not asserted here: reload-on-start replaces it
# with the reload's summary as soon as the feeds answer; session warn
# checks it, and the error log below keeps it.)
expect eve "reloaded 4 feeds, 1 failed (marked !; ^E: why)" \
    "eve: reload on start, the failed feed counted"
expect eve "Kernel news" "eve: the query feed is listed"
# The settings' color lines: the focused unread line, the bars.
row=$(screen eve | grep -n "Tech Weekly" | head -n 1 | cut -d: -f1)
sgr=$(row_sgr eve $((row - 1)) | sort -u | tr '\n' ' ')
case "$sgr" in
*"33 "*) case "$sgr" in *"41 "*) ok=1 ;; *) ok= ;; esac ;;
*) ok= ;;
esac
[ -n "$ok" ] && pass "eve: color listfocus_unread applied" ||
    flunk "eve: focused unread line's SGR: $sgr"
sgr=$(row_sgr eve 0 | sort -u | tr '\n' ' ')
case "$sgr" in
*"30 "*) case "$sgr" in *"42 "*) ok=1 ;; *) ok= ;; esac ;;
*) ok= ;;
esac
[ -n "$ok" ] && pass "eve: color info applied to the title bar" ||
    flunk "eve: title bar's SGR: $sgr"
screen eve | grep -q '^ *4 .*(2/2)  Kernel news  \[tech\]' &&
    pass "eve: the query feed is where its line is, with its counts and tag" ||
    flunk "eve: query feed line: $(screen eve | sed -n 5p)"
screen eve | grep -q '^ *1 .*(2/2)  Tech Weekly' &&
    pass "eve: feed counts leave out the ignore-article item" ||
    flunk "eve: tech feed line: $(screen eve | sed -n 2p)"
screen eve | grep -q '!.*gone.xml' && pass "eve: the failed feed is marked !" ||
    flunk "eve: no ! on the failed feed"
screen eve | grep -q 'Hidden Feed' && flunk "eve: the hidden feed is listed" ||
    pass "eve: the hidden feed stays out of the list"
keys eve 3 Enter
expect eve "Feeds 3/4" "eve: a number, then Enter, goes to that feed"
keys eve g

# The error log: both files' bad lines, the failed feed's URL and why.
keys eve C-e
expect eve "Error log" "eve: ^E opens the error log"
expect eve "config:3: timeout: \"abc\" is not a number" \
    "eve: the settings file's bad line is in the log"
expect eve "urls:7: not a http, https or file URL" \
    "eve: feeds.conf's bad line is in the log"
expect eve "$base/gone.xml" "eve: the failed feed's URL is in the log"
screen eve | grep -q "gone.xml.*404" && pass "eve: with the reason (404)" ||
    flunk "eve: no reason for the failed feed"
keys eve q

# The tag view and the tag filter.
keys eve t
expect eve "Tags" "eve: t opens the tag view"
expect eve "linux (1 feeds)" "eve: tags are listed with their feeds"
screen eve | grep -q "archive" &&
    flunk "eve: the hidden feed's tag is listed" ||
    pass "eve: no tag of a hidden feed"
expect eve "news (2 feeds)" "eve: the failed feed counts under its tag"
keys eve Down Enter
expect eve 'tagged "news"' "eve: Enter on a tag filters the feed list"
screen eve | grep -q "Tech Weekly" && flunk "eve: tech feed under news" ||
    pass "eve: only the tag's feeds"
keys eve C-t
expect eve "Tech Weekly" "eve: ^T lists every feed again"

# The query feed's contents.
keys eve G Enter
expect eve "Kernel news (2 unread, 2 total)" "eve: the query feed opens"
expect eve "Kernel 7.0, part two" "eve: its items are the matching ones"
screen eve | grep -q "Ferry" && flunk "eve: a non-matching item" ||
    pass "eve: nothing else in the query feed"
keys eve q

# J and K move between feeds' lists; p goes to the previous unread.
keys eve g Enter
expect eve "Tech Weekly (2 unread" "eve: the first feed's headlines"
keys eve J
expect eve "The City (2 unread" "eve: J opens the next feed"
keys eve K
expect eve "Tech Weekly (2 unread" "eve: K back to the previous one"
# Newest first: the cursor is on part two; p goes back, round to the
# last unread, and opens it.
keys eve p
expect eve "Article: Kernel 7.0 is out" "eve: p opens the previous unread"

# Its page is fetched; u lists its links; a number follows link [1].
expect eve "EVE-PAGE-ONE" "eve: the article's page arrives"
expect eve "[1] the second part" "eve: its links are numbered"
keys eve u
expect eve "[1] the second part  $base/kernel2.html" \
    "eve: u lists the article's links"
keys eve q
expect eve "Article: Kernel 7.0 is out" "eve: q back to the article"
keys eve 1 Enter
expect eve "EVE-PAGE-TWO" "eve: 1 then Enter follows link [1]"
keys eve BSpace
expect eve "EVE-PAGE-ONE" "eve: Backspace back"

# Save, with the default name in the save folder; pipe to a command.
keys eve S
expect eve "$tmp/eve/saved/kernel-7-0-is-out.txt" \
    "eve: S offers a name in save-path"
keys eve Enter
expect eve "saved to $tmp/eve/saved/kernel-7-0-is-out.txt" "eve: saved"
grep -q "EVE-PAGE-ONE" "$tmp/eve/saved/kernel-7-0-is-out.txt" &&
    pass "eve: the saved file holds the story" ||
    flunk "eve: the saved file lacks the story"
keys eve '|'
expect eve "Pipe to command:" "eve: | asks for a command"
keys eve -l "cat >$tmp/eve/piped"
keys eve Enter
expect eve "piped to cat" "eve: piped"
grep -q "EVE-PAGE-ONE" "$tmp/eve/piped" && pass "eve: the command got it" ||
    flunk "eve: the command got nothing"

# A macro: set the browser, then open the page in it.
keys eve , x
i=0
while [ ! -s "$tmp/eve/macro-opened" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(cat "$tmp/eve/macro-opened" 2>/dev/null)" = "$base/kernel1.html" ] &&
    pass "eve: ,x ran the macro (set browser; open-in-browser)" ||
    flunk "eve: the macro opened \"$(cat "$tmp/eve/macro-opened" 2>/dev/null)\""

# n in the article view: the next unread; C marks everything read.
keys eve n
expect eve "EVE-PAGE-TWO" "eve: n opens the next unread (part two)"
expect eve "History 1" "eve: as a new article view"
keys eve q C
expect eve "every feed marked read" "eve: C marks every feed read"
keys eve q
expect eve "(0/2)  Tech Weekly" "eve: no unread left in the feed list"
# F narrows a list with an expression.
keys eve Enter F
expect eve "Filter:" "eve: F asks for an expression"
keys eve -l 'title =~ "part"'
keys eve Enter
expect eve "1 articles match" "eve: F filters the list"
keys eve q

# u lists the article's links; : runs a command; a failed page leaves
# its item unread; E edits feeds.conf and reads it again.
keys eve j Enter
expect eve "A page that is gone" "eve: the news feed's list"
keys eve Enter
expect eve "(left unread)" "eve: a page that fails to come says so"
keys eve q
expect eve "Articles " "eve: back on the list"
screen eve | grep -q "N .*A page that is gone" &&
    pass "eve: its item is still unread" || flunk "eve: marked read"
keys eve q K Enter g Enter
expect eve "EVE-PAGE-TWO" "eve: part two again"
keys eve q j Enter
expect eve "EVE-PAGE-ONE" "eve: part one again"
keys eve :
expect eve ":" "eve: : opens the command line"
keys eve -l "set browser \"echo %u >$tmp/eve/cmd-opened\""
keys eve Enter o
i=0
while [ ! -s "$tmp/eve/cmd-opened" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
[ "$(cat "$tmp/eve/cmd-opened" 2>/dev/null)" = "$base/kernel1.html" ] &&
    pass "eve: :set browser, then o uses it" ||
    flunk "eve: :set browser: \"$(cat "$tmp/eve/cmd-opened" 2>/dev/null)\""
keys eve q q
keys eve :
keys eve -l "set browser true"
keys eve Enter
keys eve E
expect eve "urls read again: 4 feeds, 1 query feeds, 3 bad lines" \
    "eve: E edits feeds.conf, reads it again"
keys eve C-e
expect eve "urls:8: not a http" "eve: the new bad line is in the log"
keys eve q :
keys eve -l "quit"
keys eve Enter
expect eve "EXIT=0" "eve: :quit quits"

# ---- reload-interval: the reader reloads on its clock, no key pressed ----
mkdir -p "$tmp/tick"
eve_feed tick "Tick Feed" "ferry:Ferry timetables change"
echo "$base/tick.xml" >"$tmp/tick/urls"
echo "reload-interval 1s" >"$tmp/tick/config"
start tick -- -c "$tmp/tick/urls" --db "$tmp/tick/cache.db"
expect tick "Feeds 1/1" "tick: the reader starts"
screen tick | grep -q '(0/0)  http://127\.0\.0\.1' &&
    pass "tick: nothing fetched at start (no reload-on-start)" ||
    flunk "tick: fetched at start: $(screen tick | sed -n 2p)"
expect tick "(1/1)  Tick Feed" "tick: reloaded on the clock"
eve_feed tick "Tick Feed" "ferry:Ferry timetables change" \
    "kernel1:Kernel 7.0 is out"
expect tick "(2/2)  Tick Feed" "tick: and again, the new item counted"
keys tick q
expect tick "EXIT=0" "tick: quits"
kill "$srv" 2>/dev/null
srv=

# ---- the reader needs a terminal: no drawing into a pipe, no hang ----
out=$(env HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/xdg-config" \
    XDG_DATA_HOME="$tmp/data" timeout 20 "$BYLINE" --demo </dev/null \
    2>"$tmp/notty.err")
st=$?
if [ "$st" -eq 1 ] && [ -z "$out" ] &&
    grep -qF "byline: the reader needs a terminal (standard input is not" \
    "$tmp/notty.err"; then
	pass "notty: </dev/null gives one line and status 1"
else
	flunk "notty: status $st, stdout \"$out\", $(cat "$tmp/notty.err")"
fi

# ---- no feeds.conf: the path is named and the example offered ----
rm -rf "$tmp/xdg-config/byline"
start nofeeds --
expect nofeeds "no feeds.conf at $tmp/xdg-config/byline/feeds.conf" \
    "nofeeds: the path is named"
expect nofeeds "Create it from the example" "nofeeds: the example offered"
keys nofeeds n Enter
expect nofeeds "Feeds 0/0" "nofeeds: n opens the reader without it"
keys nofeeds q
expect nofeeds "EXIT=0" "nofeeds: quits"
[ -e "$tmp/xdg-config/byline/feeds.conf" ] &&
    flunk "nofeeds: created on n" || pass "nofeeds: nothing created on n"
start mkfeeds --
expect mkfeeds "Create it from the example" "mkfeeds: offered"
keys mkfeeds y Enter
expect mkfeeds "Feeds " "mkfeeds: y opens the reader"
keys mkfeeds q
expect mkfeeds "EXIT=0" "mkfeeds: quits"
cmp -s "$srcdir/feeds.conf.example" "$tmp/xdg-config/byline/feeds.conf" &&
    pass "mkfeeds: feeds.conf is the example" ||
    flunk "mkfeeds: feeds.conf not created from the example"

# ---- sanitizer reports ----
if ls "$tmp/asan" | grep -q .; then
	flunk "sanitizer report:"
	cat "$tmp"/asan/*
fi

finish
