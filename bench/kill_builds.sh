#!/usr/bin/env bash
# Issue 12, crash safety: N random `kill -9` of `briefing build` on the
# Reuters-21578 site (19,043 articles), then:
#   - public/ must exist after every kill and be byte-identical to the
#     output of a complete build (the content does not change, and builds
#     are deterministic), i.e. never missing, never half-written;
#   - leftovers: files/trees beside public/ or in .briefing/ that a build
#     left (temp or old output trees, temp files), counted after every kill
#     and after one last complete build (target: 0).
# Every 10th run starts with the analysis cache removed, so kills land in
# reading and analysis as well as in rendering and writing.
#
#   bash bench/kill_builds.sh [KILLS] [WORKDIR]     (defaults: 50, /tmp/briefing-kills)
#   KILL_CONTENT=content bash bench/kill_builds.sh 20   (a quick run on another content dir)
#
# Data: ../shared/data/reuters21578/articles.tar.gz (research use only).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
tarball="$here/../shared/data/reuters21578/articles.tar.gz"
kills="${1:-50}"
work="${2:-/tmp/briefing-kills}"
[ -n "${KILL_CONTENT:-}" ] || [ -f "$tarball" ] || { echo "skipping: $tarball not found"; exit 0; }
bin="${BRIEFING:-$here/target/release/briefing}"
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 1; }
rm -rf "$work" && mkdir -p "$work/content"
if [ -n "${KILL_CONTENT:-}" ]; then cp -r "$KILL_CONTENT"/. "$work/content/"; else tar xzf "$tarball" -C "$work/content"; fi
cd "$work"
printf 'title: Reuters-21578 (research use only)\n' > briefing.yaml

digest() { (cd public && find . -type f -print0 | sort -z | xargs -0 sha1sum) | sha1sum | cut -c1-40; }
# Everything at the site root and in .briefing/ that a complete build does not leave.
leftovers() {
  find . -mindepth 1 -maxdepth 1 ! -name content ! -name public ! -name briefing.yaml ! -name .briefing
  find .briefing -mindepth 1 \( -name '*.tmp*' -o -name '*.old*' -o -name '*.partial*' \) 2>/dev/null
}

t0=$(date +%s.%N); "$bin" build --quiet; t1=$(date +%s.%N)
warm0=$(date +%s.%N); "$bin" build --quiet; warm1=$(date +%s.%N)
cold=$(awk "BEGIN{print $t1-$t0}"); warm=$(awk "BEGIN{print $warm1-$warm0}")
good=$(digest)
base_left=$(leftovers | wc -l)
echo "complete build: cold ${cold}s, warm ${warm}s; $(find public -type f | wc -l) files; digest $good; leftovers $base_left"

missing=0; changed=0; max_left=0; killed=0
for i in $(seq 1 "$kills"); do
  span=$warm
  if [ $((i % 10)) -eq 0 ]; then rm -rf .briefing/cache; span=$cold; fi
  delay=$(awk -v s="$span" -v r="$RANDOM" 'BEGIN{printf "%.3f", s * r / 32768}')
  "$bin" build --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  left=$(leftovers | wc -l)
  [ "$left" -gt "$max_left" ] && max_left=$left
  if [ ! -d public ]; then
    missing=$((missing + 1)); state="MISSING"
  elif [ "$(digest)" != "$good" ]; then
    changed=$((changed + 1)); state="DIFFERENT"
  else
    state="intact"
  fi
  printf "kill %2d after %6ss: public/ %-9s leftovers %s\n" "$i" "$delay" "$state" "$left"
  [ "$left" -gt 0 ] && leftovers | head -3 | sed 's/^/    /'
done
"$bin" build --quiet
final_left=$(leftovers | wc -l)
[ "$(digest)" = "$good" ] && final="intact" || final="DIFFERENT"
echo "summary: $kills runs, $killed killed mid-build; public/ missing after $missing, different after $changed;"
echo "         most leftovers after a kill: $max_left; after one more complete build: $final_left (public/ $final)"
