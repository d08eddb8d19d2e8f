#!/usr/bin/env bash
# Fixed random samples for hand-checking quotes and dates (issue 11) on the
# held-out parts of ECB+ dev (topics 18-35) and BBC politics (201-417).
# Usage: bash bench/briefing_sample.sh [quotes|recall|dates|all]
# SPLIT=dev reads the development parts (ECB+ topics 1-17, BBC politics
# 1-200) instead, to study misses without looking at the held-out files.
# SEED=N draws another sample (default 11); a fresh seed gives a held-out
# figure nobody has tuned on.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${TMPDIR:-/tmp}/briefing-sample"
rm -rf "$OUT"
python3 bench/briefing_sample.py prepare "$OUT"
cargo build --quiet --release
(cd "$OUT" && "$OLDPWD/target/release/briefing" extract --quiet ./*.txt > extract.json)
what="${1:-all}"
for k in quotes recall dates; do
  if [ "$what" = all ] || [ "$what" = "$k" ]; then
    python3 bench/briefing_sample.py "$k" "$OUT"
  fi
done
