#!/bin/bash
# Importing a large WordPress export: writes a WXR file of POSTS posts with COMMENTS comments over
# them (80 % approved, 15 % pending, 3 % spam, 2 % trash; a fifth are replies; texts of 150-400
# characters, some in Sorani and Arabic), imports it into a fresh SQLite data directory with
# `java -jar diwan.jar import wordpress`, then imports it again (everything skipped).
#
#   bash bench/import.sh        # from the repository root
#
# Settings (environment): COMMENTS=100000  POSTS=100  BUILD=1|0  JAR=target/diwan.jar
# Prints the import's own time (file read, articles and comments stored, committed: what the
# command reports) and the whole command's wall and CPU time (with the application's start and
# stop), and the load average before each run: on a shared machine wall times stretch with it.
set -euo pipefail
cd "$(dirname "$0")/.."
COMMENTS=${COMMENTS:-100000}
POSTS=${POSTS:-100}
JAR=${JAR:-target/diwan.jar}
if [ "${BUILD:-1}" = 1 ]; then ./mvnw -B -q -DskipTests package; fi
WORK=$(mktemp -d /tmp/diwan-import-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
FILE=$WORK/export.xml

python3 - "$FILE" "$COMMENTS" "$POSTS" <<'PY'
import random, sys
path, comments, posts = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(2026)
words = ("council bridge water prices market school road budget minister residents night buses"
         " library hours district plan vote report consultation").split()
kurdish = "نرخی ئاو زۆر بەرزە و کەس ڕوونی نەکردەوە".split()
states = ["1"] * 80 + ["0"] * 15 + ["spam"] * 3 + ["trash"] * 2
with open(path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"'
            ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"'
            ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            '<title>Bench</title><language>en-US</language><wp:wxr_version>1.2</wp:wxr_version>\n'
            '<wp:base_blog_url>http://bench.example</wp:base_blog_url>\n')
    cid = 0
    for p in range(1, posts + 1):
        f.write(f'<item><title><![CDATA[Story {p}: the council &amp; the budget]]></title>'
                f'<dc:creator><![CDATA[admin]]></dc:creator>'
                f'<content:encoded><![CDATA[<p>Paragraph one of story {p}.</p>\n<p>Two.</p>]]>'
                f'</content:encoded><wp:post_id>{p}</wp:post_id>'
                f'<wp:post_date_gmt><![CDATA[2026-10-01 09:00:00]]></wp:post_date_gmt>'
                f'<wp:comment_status><![CDATA[open]]></wp:comment_status>'
                f'<wp:post_name><![CDATA[bench-story-{p}]]></wp:post_name>'
                f'<wp:status><![CDATA[publish]]></wp:status>'
                f'<wp:post_type><![CDATA[post]]></wp:post_type>\n')
        n = comments // posts + (1 if p <= comments % posts else 0)
        first = cid + 1
        for _ in range(n):
            cid += 1
            pool = kurdish if cid % 10 == 0 else words
            text = " ".join(rnd.choice(pool) for _ in range(rnd.randint(25, 60)))
            parent = rnd.randint(first, cid - 1) if cid > first and rnd.random() < 0.2 else 0
            sec = cid % 86400
            f.write(f'<wp:comment><wp:comment_id>{cid}</wp:comment_id>'
                    f'<wp:comment_author><![CDATA[Reader {cid % 5000}]]></wp:comment_author>'
                    f'<wp:comment_author_email><![CDATA[reader{cid % 5000}@example.org]]>'
                    f'</wp:comment_author_email>'
                    f'<wp:comment_date_gmt><![CDATA[2026-10-02 {sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}]]>'
                    f'</wp:comment_date_gmt>'
                    f'<wp:comment_content><![CDATA[{text}]]></wp:comment_content>'
                    f'<wp:comment_approved><![CDATA[{rnd.choice(states)}]]></wp:comment_approved>'
                    f'<wp:comment_type><![CDATA[comment]]></wp:comment_type>'
                    f'<wp:comment_parent>{parent}</wp:comment_parent></wp:comment>\n')
        f.write('</item>\n')
    f.write('</channel>\n</rss>\n')
PY
echo "export: $COMMENTS comments over $POSTS posts, $(du -h "$FILE" | cut -f1)"

run() {
  local TIMEFORMAT="%R %U %S"
  local t
  t=$( { time DIWAN_DATA_DIR=$WORK/data DIWAN_DEMO=false java -jar "$JAR" import wordpress "$FILE" \
    > "$WORK/out.txt" 2> "$WORK/err.txt"; } 2>&1 )
  read -r real user sys <<< "$t"
  echo "== $1: whole command ${real} s wall, $(echo "$user + $sys" | bc) s CPU" \
    "(load average before: $LOAD)"
  grep -A3 '^Imported ' "$WORK/out.txt"
}
LOAD=$(cut -d' ' -f1 /proc/loadavg)
run "first import"
LOAD=$(cut -d' ' -f1 /proc/loadavg)
run "the same file again"
