#!/usr/bin/env bash
# Scale benchmark (issue #5): full build of Reuters-21578 (19,043 articles),
# then the rebuild after adding one article, and how many files changed.
# Usage: bash bench/reuters.sh [WORKDIR]   (default /tmp/briefing-reuters)
# Data: ../shared/data/reuters21578/articles.tar.gz (research use only: never publish the site).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tarball="$here/../shared/data/reuters21578/articles.tar.gz"
work="${1:-/tmp/briefing-reuters}"
[ -f "$tarball" ] || { echo "skipping: $tarball not found"; exit 0; }
cargo build --release --quiet --manifest-path "$here/Cargo.toml"
bin="$here/target/release/briefing"
rm -rf "$work" && mkdir -p "$work/content"
tar xzf "$tarball" -C "$work/content"
cd "$work"
printf 'title: Reuters-21578 (research use only)\nbase_url: http://127.0.0.1:1111/\n' > briefing.yaml

t0=$(date +%s.%N); "$bin" build --quiet; t1=$(date +%s.%N)
echo "full build (cold cache): $(awk "BEGIN{printf \"%.2f\", $t1-$t0}") s"
t0=$(date +%s.%N); "$bin" build --quiet; t1=$(date +%s.%N)
echo "rebuild, nothing changed:  $(awk "BEGIN{printf \"%.2f\", $t1-$t0}") s"

cat > content/articles/zz-added.md <<'MD'
---
title: "BENCHMARK ADDED STORY ON COCOA"
date: 1987-10-20T12:00:00Z
source: Benchmark
---
Cocoa traders in Salvador said on Tuesday that arrivals slowed after the rains, a benchmark note added to measure incremental rebuilds.
MD
t0=$(date +%s.%N); out=$("$bin" build --verbose); t1=$(date +%s.%N)
echo "rebuild after adding one article: $(awk "BEGIN{printf \"%.2f\", $t1-$t0}") s"
printf "%s\n" "$out" | sed -n 1p
echo "files changed: $(echo "$out" | grep -c '^  changed ')"
