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
# So that every build has something to write (a build whose output is
# unchanged writes nothing, and a kill could never land in the commit),
# runs alternate between two versions of one extra article
# (`content/zz-kill-probe.md`, written here; an edit, not an add and a
# delete, because a deleted event's address stays reserved and a re-added
# one gets a new address, so add/delete cycles never repeat an output).
# Each state's complete output is known (digests A and B); after a kill
# public/ must exist and is counted as A, B, or MIXED (a kill between the
# renames of the commit: old and new pages side by side, made whole by the
# next build).
#
#   bash bench/kill_builds.sh [KILLS] [WORKDIR]     (defaults: 50, /tmp/briefing-kills)
#   KILL_CONTENT=content bash bench/kill_builds.sh 20   (a quick run on another content dir)
#   KILL_UNTIL=$(date -d 20:05 +%s) bash bench/kill_builds.sh 50   (stop early at a time)
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

probe=content/zz-kill-probe.md
version=a
probe_as() { # a | b
  version=$1
  printf -- '---\ntitle: Harbour ferry timetable changes\ndate: 1987-12-31\n---\nThe harbour ferry will run every %s minutes from Monday, the port office said. Evening sailings end an hour earlier.\n' \
    "$([ "$1" = a ] && echo twenty || echo thirty)" > "$probe"
}
probe_as a
t0=$(date +%s.%N); "$bin" build --quiet; t1=$(date +%s.%N)
cold=$(awk "BEGIN{print $t1-$t0}")
good_a=$(digest)
probe_as b
warm0=$(date +%s.%N); "$bin" build --quiet; warm1=$(date +%s.%N)
warm=$(awk "BEGIN{print $warm1-$warm0}")
good_b=$(digest)
probe_as a; "$bin" build --quiet
[ "$(digest)" = "$good_a" ] || echo "warning: the edit back to version A did not give output A (incremental != clean)"
base_left=$(leftovers | wc -l)
echo "complete build: cold ${cold}s, with one article edited ${warm}s; $(find public -type f | wc -l) files; digests A $good_a B $good_b; leftovers $base_left"

missing=0; mixed=0; max_left=0; killed=0
runs=0
for i in $(seq 1 "$kills"); do
  # KILL_UNTIL=<epoch seconds>: stop early (the summary still runs).
  if [ -n "${KILL_UNTIL:-}" ] && [ "$(date +%s)" -ge "$KILL_UNTIL" ]; then break; fi
  runs=$i
  span=$warm
  # Build the version public/ does not show, so that a build that gets
  # through has a commit to make (and a kill can land in it).
  if [ "$(digest)" = "$good_a" ]; then probe_as b; else probe_as a; fi
  if [ $((i % 10)) -eq 0 ]; then rm -rf .briefing/cache; span=$cold; fi
  # Uniform over 1.2 spans: a loaded machine builds slower than the
  # measured build, and the commit is at the very end.
  delay=$(awk -v s="$span" -v r="$RANDOM" 'BEGIN{printf "%.3f", 1.2 * s * r / 32768}')
  "$bin" build --quiet >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); outcome=killed; else outcome=finished; fi
  wait "$pid" 2>/dev/null || true
  left=$(leftovers | wc -l)
  [ "$left" -gt "$max_left" ] && max_left=$left
  if [ ! -d public ]; then
    missing=$((missing + 1)); state="MISSING"
  else
    d=$(digest)
    if [ "$d" = "$good_a" ]; then state="A"
    elif [ "$d" = "$good_b" ]; then state="B"
    else mixed=$((mixed + 1)); state="MIXED"; fi
  fi
  printf "run %2d (%s) after %6ss: public/ %-9s leftovers %s\n" "$i" "$outcome" "$delay" "$state" "$left"
  [ "$left" -gt 0 ] && leftovers | head -3 | sed 's/^/    /'
done
"$bin" build --quiet
final_left=$(leftovers | wc -l)
if [ "$version" = b ]; then good=$good_b; else good=$good_a; fi
[ "$(digest)" = "$good" ] && final="intact" || final="DIFFERENT"
echo "summary: $runs runs, $killed killed mid-build; public/ missing after $missing, mixed old/new after $mixed;"
echo "         most leftovers after a kill: $max_left; after one more complete build: $final_left (public/ $final)"
