#!/usr/bin/env bash
# Issue 12, bounded cost: time and peak memory of `briefing build` on a site
# holding ONE article of a given size and shape (the first build pays all).
#
#   cargo build --release && bash bench/cost.sh            # all cases
#   SIZES="10000 100000" SHAPES="prose" bash bench/cost.sh  # a subset
#
# Shapes: prose (real BBC prose from ../shared/data/bbc_news, read at run
# time, paragraphs kept), oneline (the same prose on one line), deeplist and
# deepquote (nesting 16,000 / 50,000 levels), saidquote (`He said "` over and
# over), capitals (capitalised words), random (random bytes, skipped as
# binary). Prints wall and CPU seconds (median of REPEAT=5 cold builds under
# 1 MB), peak RSS, and per MB of article the cost net of the fixed start-up:
# less an empty-site build (process start, templates, static files, index
# pages) and, as net1, less a build of one one-line article (which adds the
# NER model load, paid once whatever the size). marg is the slope: less a
# build of a 1 KB article of the same shape, per MB beyond it. It also
# subtracts what any real article pays once whatever its size (its own page,
# event and people pages, the first use of lazily loaded tables that a
# one-line article never touches), so it shows how the cost grows with the
# text; net1 is the stricter figure. Repeats: REPEAT (5) under 1 MB, and
# SMALL_REPEAT (11) for the 1 KB and one-line bases, whose differences are a
# few milliseconds.
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
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat "$bbc"/*/*.txt > "$work/corpus.txt"

make_article() { # shape size out
  python3 - "$1" "$2" "$3" "$work/corpus.txt" <<'PY'
import sys, random
shape, size, out, corpus = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
text = open(corpus, encoding="utf-8", errors="replace").read()
head = "---\ntitle: Cost case\ndate: 2025-01-01\n---\n"
def fill(unit):
    return (unit * (size // max(1, len(unit)) + 1))[:size]
if shape == "prose":
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    body, n = [], 0
    i = 0
    while n < size:
        p = paras[i % len(paras)]; i += 1
        body.append(p); n += len(p) + 2
    body = "\n\n".join(body)
elif shape == "oneline":
    body = fill(" ".join(text.split()) + " ")
elif shape == "capitals":
    words = [w.capitalize() for w in text.split() if w.isalpha()]
    body = fill(" ".join(words) + " ")
elif shape == "saidquote":
    body = fill('He said "')
elif shape == "deeplist":
    # "- - - x" is a list inside a list item inside a list item...
    body = "- " * min(16000, size // 2) + "deep\n"
elif shape == "deepquote":
    body = "> " * min(50000, size // 2) + "deep\n"
elif shape == "random":
    random.seed(size)
    open(out, "wb").write(bytes(random.getrandbits(8) for _ in range(size)))
    sys.exit(0)
open(out, "w", encoding="utf-8").write(head + body + "\n")
PY
}

# One cold build (no public/, no .briefing/) of site $1, REPEAT times for
# inputs under 1 MB (median): wall and CPU (user+sys, from wait4, so the
# other processes of a shared machine do not count) seconds and peak RSS.
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
REPEAT="${REPEAT:-5}"
SMALL_REPEAT="${SMALL_REPEAT:-11}"
mkdir -p "$work/empty/content" "$work/base/content"
printf -- '---\ntitle: Base\ndate: 2025-01-01\n---\nOne short line.\n' > "$work/base/content/article.md"
run_build "$work/empty" "$SMALL_REPEAT"; empty_wall=$secs; empty_cpu=$cpu
echo "fixed start-up, empty site: ${secs} s wall, ${cpu} s CPU, ${rss} MB"
run_build "$work/base" "$SMALL_REPEAT"; base_cpu=$cpu
echo "one one-line article (adds the NER model load): ${secs} s wall, ${cpu} s CPU, ${rss} MB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "net = less the empty-site build; net1 = less the one-line-article build; per MB of article"
echo "marg = less a 1 KB article of the same shape, per MB beyond it (CPU)"
printf "%-10s %10s %7s %7s %9s %9s %9s %9s %7s  %s\n" shape bytes wall_s cpu_s net_wall net_cpu net1_cpu marg_cpu RSS_MB status
for shape in $SHAPES; do
  site="$work/site-$shape-1k"
  mkdir -p "$site/content"
  make_article "$shape" 1000 "$site/content/article.md"
  kb_bytes=$(stat -c %s "$site/content/article.md")
  run_build "$site" "$SMALL_REPEAT"; kb_cpu=$cpu
  rm -rf "$site"
  for size in $SIZES; do
    site="$work/site-$shape-$size"
    mkdir -p "$site/content"
    make_article "$shape" "$size" "$site/content/article.md"
    bytes=$(stat -c %s "$site/content/article.md")
    reps=1; [ "$size" -lt 1000000 ] && reps=$REPEAT
    run_build "$site" "$reps"
    status=$([ "$rc" -eq 0 ] && echo ok || echo "exit $rc")
    printf "%-10s %10s %7s %7s %9s %9s %9s %9s %7s  %s\n" "$shape" "$bytes" "$secs" "$cpu" \
      "$(permb "$secs" "$empty_wall" "$bytes")" "$(permb "$cpu" "$empty_cpu" "$bytes")" \
      "$(permb "$cpu" "$base_cpu" "$bytes")" "$(permb "$cpu" "$kb_cpu" $((bytes - kb_bytes)))" \
      "$rss" "$status"
    grep -h "^warning" "$work/err" | grep -v "base_url" | head -2 | sed 's/^/    /' || true
    rm -rf "$site"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
