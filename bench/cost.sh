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
# binary). Prints seconds, seconds per MB and peak RSS (from /usr/bin/time -v),
# and "net s/MB": seconds less those of a site with one two-line article
# (start-up, templates, static files), per MB.
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

run_build() { # site -> sets rc, secs, rss
  local t0 t1
  set +e
  t0=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time" timeout 600 "$bin" build --root "$1" -q >"$work/out" 2>"$work/err"
  rc=$?
  t1=$(date +%s.%N)
  set -e
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.0f", $2/1024}' "$work/time")
}
mkdir -p "$work/base/content"
printf -- '---\ntitle: Base\ndate: 2025-01-01\n---\nOne short line.\n' > "$work/base/content/article.md"
run_build "$work/base"; run_build "$work/base"; rm -rf "$work/base/public" "$work/base/.briefing"
run_build "$work/base"; base=$secs
echo "baseline (one two-line article): ${base}s, ${rss} MB"
printf "%-10s %10s %9s %9s %9s %9s  %s\n" shape bytes seconds s/MB net_s/MB maxRSS_MB status
for shape in $SHAPES; do
  for size in $SIZES; do
    site="$work/site-$shape-$size"
    mkdir -p "$site/content"
    make_article "$shape" "$size" "$site/content/article.md"
    bytes=$(stat -c %s "$site/content/article.md")
    run_build "$site"
    permb=$(awk -v s="$secs" -v b="$bytes" 'BEGIN{printf "%.3f", s/(b/1e6)}')
    net=$(awk -v s="$secs" -v z="$base" -v b="$bytes" 'BEGIN{d=s-z; if (d<0) d=0; printf "%.3f", d/(b/1e6)}')
    status=$([ $rc -eq 0 ] && echo ok || echo "exit $rc")
    printf "%-10s %10s %9s %9s %9s %9s  %s\n" "$shape" "$bytes" "$secs" "$permb" "$net" "$rss" "$status"
    grep -h "^warning" "$work/err" | grep -v "base_url" | head -2 | sed 's/^/    /' || true
    rm -rf "$site"
  done
done
