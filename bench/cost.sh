#!/usr/bin/env bash
# Issue 12, bounded cost: CPU time per MB of article text of `briefing build`
# from 10 KB to 10 MB articles, and the wall time and peak memory of the
# biggest (the first build pays all).
#
#   cargo build --release && bash bench/cost.sh            # all cases
#   SIZES="10000 100000" SHAPES="prose" bash bench/cost.sh  # a subset
#
# Each size point is a site of COUNT DISTINCT articles of that size, COUNT =
# TOTAL / size (TOTAL=1000000: 100 x 10 KB, 10 x 100 KB, 1 x 1 MB; a size
# over TOTAL is one article), so every point but the largest holds the same
# 1 MB of text and a small size is not a few milliseconds of difference
# between two 50 ms builds. The articles are consecutive pieces of one
# corpus, so no two are the same text, and every 1 MB point reads the same
# 1 MB, only cut into more or fewer articles. The corpus is the BBC articles
# (../shared/data/bbc_news, 5 MB) in a fixed shuffled order, so that any
# stretch mixes its five sections alike, then the Reuters-21578 bodies
# (../shared/data/reuters21578/articles.tar.gz, extracted at run time into
# the temporary directory, front matter dropped, exact duplicate bodies
# dropped, in a fixed shuffled order): 5.0 MB of BBC, then 15.2 MB. So the
# 10 MB point is the BBC and about 5 MB of Reuters (more for capitals),
# never the BBC twice: repeated text repeats its names and makes fewer pages
# per MB, which flatters the largest point. Without the Reuters tarball the
# script says so and wraps round the BBC.
# The base of a point is a site of the same COUNT one-line articles: it pays
# the start-up, the NER model load and every per-article cost that does not
# depend on the text (its page, its entries in the index pages and feeds),
# so per MB = (CPU of the point - CPU of its base) / MB of article text.
#
# Shapes: prose (the corpus, paragraphs kept), oneline (the same prose on
# one line), deeplist and deepquote (nesting 16,000 / 50,000 levels),
# saidquote (`He said "` over and over; the fills vary the pronoun and verb
# and the cut), capitals (the corpus's alphabetic words, capitalised),
# random (random bytes, skipped as binary). Prints wall and CPU seconds
# (user+sys from wait4, so the other processes of a shared machine do not
# count; median of REPEAT=5 cold builds for sites under 10 MB, one build of a
# 10 MB site, SMALL_REPEAT=11 for the bases, whose CPU is subtracted from
# every point of their COUNT), the base's CPU, CPU s/MB net of the base, and
# peak RSS. The last line of each shape gives max/min of its s/MB over the
# sizes. Reuters-21578, Distribution 1.0: research and benchmarking use only.
# Targets: s/MB flat within 2x from 10 KB to 10 MB; nothing under 10 MB over
# 10 s or 1 GB.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BRIEFING:-$here/target/release/briefing}"
bbc="$here/../shared/data/bbc_news"
reuters="$here/../shared/data/reuters21578/articles.tar.gz"
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 1; }
[ -d "$bbc" ] || { echo "skipping: $bbc not found"; exit 0; }
SIZES="${SIZES:-10000 100000 1000000 10000000}"
SHAPES="${SHAPES:-prose oneline capitals saidquote deeplist deepquote random}"
TOTAL="${TOTAL:-1000000}"
REPEAT="${REPEAT:-5}"
SMALL_REPEAT="${SMALL_REPEAT:-11}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The corpus: the BBC articles in a fixed shuffled order, so that any
# stretch mixes its five sections (business, entertainment, ...) alike, then
# the Reuters bodies (distinct, shuffled) so that 10 MB is distinct text.
if [ -f "$reuters" ]; then
  mkdir -p "$work/reuters"
  tar xzf "$reuters" -C "$work/reuters"
else
  echo "note: $reuters not found; past the 5 MB of BBC the corpus wraps round"
fi
python3 - "$bbc" "$work/reuters" "$work/corpus.txt" <<'PY'
import glob, random, sys
def body(path):
    """The text after the front matter (a leading `---` ... `---` block)."""
    text = open(path, encoding="utf-8", errors="replace").read()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    return text.strip()
bbc = sorted(glob.glob(sys.argv[1] + "/*/*.txt"))
random.Random(12).shuffle(bbc)
reuters = sorted(glob.glob(sys.argv[2] + "/articles/*/*/*.md"))
random.Random(12).shuffle(reuters)
seen, sizes = set(), [0, 0]
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for which, files, read in ((0, bbc, lambda f: open(f, encoding="utf-8", errors="replace").read()), (1, reuters, body)):
        for f in files:
            text = read(f)
            if which == 1 and (not text or text in seen):
                continue
            seen.add(text)
            out.write(text + "\n")
            sizes[which] += len(text) + 1
print("corpus: %.2f MB of BBC, then %.2f MB of Reuters-21578 bodies" % (sizes[0] / 1e6, sizes[1] / 1e6))
PY

# Writes COUNT distinct articles of SHAPE and about SIZE bytes of body into
# DIR; prints the total bytes of body text. The articles are consecutive
# pieces of the corpus (BBC then Reuters), wrapping round only past its end
# (over 10 MB, or without the Reuters tarball), so every point
# of TOTAL bytes reads the same text, cut into more or fewer articles; the
# fills of saidquote differ per article.
make_articles() { # shape size count dir
  python3 - "$1" "$2" "$3" "$4" "$work/corpus.txt" <<'PY'
import os, sys, random
shape, size, count, out, corpus = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
text = open(corpus, encoding="utf-8", errors="replace").read()
paras = [p.strip() for p in text.split("\n") if p.strip()]
flat = " ".join(text.split()) + " "
words = " ".join(w.capitalize() for w in text.split() if w.isalpha()) + " "
def cut(s, k):
    start = (size * k) % len(s)
    return ((s[start:] + s[:start]) * (size // len(s) + 2))[:size]
def fill(unit, k):
    rot = k % len(unit)
    return cut((unit * (size // len(unit) + 2))[rot:], 0)
pronouns = ["He", "She", "They", "It", "We", "I", "You"]
verbs = ["said", "told us", "added", "wrote", "asked", "replied", "insisted", "noted"]
total, i = 0, 0
for k in range(count):
    path = os.path.join(out, "article-%04d.md" % k)
    head = "---\ntitle: Cost case %d\ndate: 2025-01-01\n---\n" % k
    if shape == "prose":
        body, n = [], 0
        while n < size:
            p = paras[i % len(paras)]; i += 1
            body.append(p); n += len(p) + 2
        body = "\n\n".join(body)
    elif shape == "oneline":
        body = cut(flat, k)
    elif shape == "capitals":
        body = cut(words, k)
    elif shape == "saidquote":
        unit = '%s %s "' % (pronouns[k % len(pronouns)], verbs[(k // len(pronouns)) % len(verbs)])
        body = fill(unit, k // (len(pronouns) * len(verbs)))
    elif shape == "deeplist":
        # "- - - x" is a list inside a list item inside a list item...
        body = "- " * min(16000, size // 2) + "deep %d\n" % k
    elif shape == "deepquote":
        body = "> " * min(50000, size // 2) + "deep %d\n" % k
    elif shape == "random":
        random.seed(size * 1000 + k)
        data = bytes(random.getrandbits(8) for _ in range(size))
        open(path, "wb").write(data)
        total += len(data)
        continue
    open(path, "w", encoding="utf-8").write(head + body + "\n")
    total += len(body.encode("utf-8")) + 1
print(total)
PY
}

# Cold builds (no public/, no .briefing/) of site $1, $2 times (median):
# wall and CPU (user+sys, from wait4) seconds and peak RSS.
# The previous build's output is moved into $work/trash, not deleted, and
# so are finished sites (`retire`); the trash goes at exit. Deleting it
# right before the next build made that build's file creation pay for it:
# ext4 does not reuse an inode freed in the last seconds, and scans past
# each such inode for every new file, so 13,000 just-freed inodes (one 10
# MB site: 6,700 pages, each a directory and a file) cost the next build
# about 0.5 s of system time and 0.7 s of wall in its item pages, a cost of
# this loop, not of a first build (measured in session 8, issue 12).
run_build() { # site [repeat] -> sets rc, secs, cpu, rss
  local out
  set +e
  out=$(python3 - "$bin" "$1" "${2:-1}" "$work" <<'PY'
import os, sys, time, tempfile, subprocess, statistics
binary, site, reps, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
walls, cpus, rss, rc = [], [], 0, 0
for _ in range(reps):
    for d in ("public", ".briefing"):
        if os.path.exists(os.path.join(site, d)):
            os.makedirs(os.path.join(work, "trash"), exist_ok=True)
            os.rename(os.path.join(site, d), tempfile.mkdtemp(dir=os.path.join(work, "trash")) + "/" + d)
    with open(os.path.join(work, "out"), "w") as o, open(os.path.join(work, "err"), "w") as e:
        t0 = time.monotonic()
        p = subprocess.Popen(["timeout", "600", binary, "build", "--root", site, "-q"], stdout=o, stderr=e)
        _, status, ru = os.wait4(p.pid, 0)
        walls.append(time.monotonic() - t0)
    cpus.append(ru.ru_utime + ru.ru_stime)
    rss = max(rss, ru.ru_maxrss // 1024)
    rc = rc or os.waitstatus_to_exitcode(status)
print(rc, "%.3f" % statistics.median(walls), "%.3f" % statistics.median(cpus), rss)
PY
)
  set -e
  read -r rc secs cpu rss <<<"$out"
}
retire() { mkdir -p "$work/trash" && mv "$1" "$(mktemp -d "$work/trash/site.XXXXXX")/"; }
permb() { awk -v s="$1" -v z="$2" -v b="$3" 'BEGIN{d=s-z; if (d<0) d=0; printf "%.3f", d/(b/1e6)}'; }

# The base of COUNT one-line articles, built once per COUNT.
declare -A base_cpu
base_for() { # count -> sets base_cpu[count]
  [ -n "${base_cpu[$1]:-}" ] && return
  local site="$work/base-$1"
  mkdir -p "$site/content"
  for k in $(seq 0 $(($1 - 1))); do
    printf -- '---\ntitle: Base %d\ndate: 2025-01-01\n---\nOne short line, number %d.\n' "$k" "$k" \
      > "$site/content/article-$k.md"
  done
  run_build "$site" "$SMALL_REPEAT"
  base_cpu[$1]=$cpu
  echo "base: $1 one-line article(s): ${secs} s wall, ${cpu} s CPU, ${rss} MB"
  retire "$site"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-10s %5s %10s %7s %7s %8s %8s %7s  %s\n" shape count bytes wall_s cpu_s base_cpu cpu_s/MB RSS_MB status
for shape in $SHAPES; do
  lo=""; hi=""
  for size in $SIZES; do
    count=$((TOTAL / size)); [ "$count" -lt 1 ] && count=1
    base_for "$count"
    site="$work/site-$shape-$size"
    mkdir -p "$site/content"
    bytes=$(make_articles "$shape" "$size" "$count" "$site/content")
    reps=$REPEAT; [ "$bytes" -ge 10000000 ] && reps=1
    run_build "$site" "$reps"
    status=$([ "$rc" -eq 0 ] && echo ok || echo "exit $rc")
    pm=$(permb "$cpu" "${base_cpu[$count]}" "$bytes")
    printf "%-10s %5s %10s %7s %7s %8s %8s %7s  %s\n" "$shape" "$count" "$bytes" "$secs" "$cpu" \
      "${base_cpu[$count]}" "$pm" "$rss" "$status"
    warned=$(grep -h "^warning" "$work/err" | grep -vc "base_url" || true)
    [ "$warned" -gt 0 ] && echo "    $warned warning(s), the first: $(grep -h "^warning" "$work/err" | grep -v "base_url" | head -1)"
    lo=$(awk -v a="$lo" -v b="$pm" 'BEGIN{print (a == "" || b < a) ? b : a}')
    hi=$(awk -v a="$hi" -v b="$pm" 'BEGIN{print (a == "" || b > a) ? b : a}')
    retire "$site"
  done
  echo "$shape: s/MB max/min $(awk -v a="$hi" -v b="$lo" 'BEGIN{if (b > 0) printf "%.2f", a/b; else print "inf"}')x (max $hi, min $lo)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
