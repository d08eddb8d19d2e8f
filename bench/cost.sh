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
# between two 50 ms builds. The articles are consecutive pieces of the
# corpus (the BBC articles in a fixed shuffled order) or different fills, so
# no two are the same text, and every 1 MB point reads the same 1 MB, only
# cut into more or fewer articles. The base of a point is a site of the same COUNT one-line articles: it pays
# the start-up, the NER model load and every per-article cost that does not
# depend on the text (its page, its entries in the index pages and feeds),
# so per MB = (CPU of the point - CPU of its base) / MB of article text.
#
# Shapes: prose (real BBC prose from ../shared/data/bbc_news, read at run
# time, paragraphs kept), oneline (the same prose on one line), deeplist and
# deepquote (nesting 16,000 / 50,000 levels), saidquote (`He said "` over and
# over; the fills vary the pronoun and verb and the cut), capitals
# (capitalised words), random (random bytes, skipped as binary). Prints wall
# and CPU seconds (user+sys from wait4, so the other processes of a shared
# machine do not count; median of REPEAT=5 cold builds for sites under
# 10 MB), the base's CPU, CPU s/MB net of the base, and peak RSS. The last
# line of each shape gives max/min of its s/MB over the sizes.
# Targets: s/MB flat within 2x from 10 KB to 10 MB; nothing under 10 MB over
# 10 s or 1 GB.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BRIEFING:-$here/target/release/briefing}"
bbc="$here/../shared/data/bbc_news"
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 1; }
[ -d "$bbc" ] || { echo "skipping: $bbc not found"; exit 0; }
SIZES="${SIZES:-10000 100000 1000000 10000000}"
SHAPES="${SHAPES:-prose oneline capitals saidquote deeplist deepquote random}"
TOTAL="${TOTAL:-1000000}"
REPEAT="${REPEAT:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The BBC articles in a fixed shuffled order, so that any stretch of the
# corpus mixes its five sections (business, entertainment, ...) alike.
python3 - "$bbc" "$work/corpus.txt" <<'PY'
import glob, random, sys
files = sorted(glob.glob(sys.argv[1] + "/*/*.txt"))
random.Random(12).shuffle(files)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for f in files:
        out.write(open(f, encoding="utf-8", errors="replace").read() + "\n")
PY

# Writes COUNT distinct articles of SHAPE and about SIZE bytes of body into
# DIR; prints the total bytes of body text. The articles are consecutive
# pieces of the (shuffled) corpus, wrapping round at its end, so every point
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
run_build() { # site [repeat] -> sets rc, secs, cpu, rss
  local out
  set +e
  out=$(python3 - "$bin" "$1" "${2:-1}" "$work" <<'PY'
import os, sys, time, shutil, subprocess, statistics
binary, site, reps, work = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
walls, cpus, rss, rc = [], [], 0, 0
for _ in range(reps):
    for d in ("public", ".briefing"):
        shutil.rmtree(os.path.join(site, d), ignore_errors=True)
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
  run_build "$site" "$REPEAT"
  base_cpu[$1]=$cpu
  echo "base: $1 one-line article(s): ${secs} s wall, ${cpu} s CPU, ${rss} MB"
  rm -rf "$site"
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
    rm -rf "$site"
  done
  echo "$shape: s/MB max/min $(awk -v a="$hi" -v b="$lo" 'BEGIN{if (b > 0) printf "%.2f", a/b; else print "inf"}')x (max $hi, min $lo)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
