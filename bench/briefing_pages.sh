#!/usr/bin/env bash
# Builds the BBC-300 and Reuters-2000 samples (the same draw as
# bench/people_samples.sh) with the release binary and prints 10 random
# multi-article event pages of each as the event page tells them: lede,
# facts (with how many sources report each), key quotes (speaker, text) and
# what's next. Reading them is by hand (issue 11).
#
#   cargo build --release && bash bench/briefing_pages.sh [WORKDIR] [SEED]
#
# WORKDIR is deleted and rebuilt (two sites, a few hundred MB): remove it
# after reading.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$here/../shared/data"
work="${1:-/tmp/briefing-pages}"
seed="${2:-8}"
bin="$here/target/release/briefing"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work/reuters-all" "$work/bbc/content" "$work/reuters/content"
tar xzf "$shared/reuters21578/articles.tar.gz" -C "$work/reuters-all"
python3 - "$shared" "$work" "$seed" <<'PY'
import glob, os, random, shutil, sys
shared, work, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
bbc = sorted(glob.glob(f"{shared}/bbc_news/*/*.txt"))
for f in random.Random(seed).sample(bbc, 300):
    shutil.copy(f, f"{work}/bbc/content/{f.split('/')[-2]}-{os.path.basename(f)}")
reu = sorted(glob.glob(f"{work}/reuters-all/articles/*/*/*.md"))
for f in random.Random(seed).sample(reu, 2000):
    shutil.copy(f, f"{work}/reuters/content/{os.path.basename(f)}")
PY
rm -rf "$work/reuters-all"
for site in bbc reuters; do
  (cd "$work/$site" && "$bin" build --quiet --content content --output public)
done
python3 - "$work" "$seed" <<'PY'
import json, random, sys
work, seed = sys.argv[1], int(sys.argv[2])
for site in ["bbc", "reuters"]:
    events = [e for e in json.load(open(f"{work}/{site}/public/data/events.json"))
              if len(e["articles"]) >= 2]
    print(f"== {site}: {len(events)} multi-article events; 10 drawn with seed {seed}")
    for e in random.Random(seed).sample(events, min(10, len(events))):
        print(f"\n## {e['title']} ({len(e['articles'])} articles)")
        print(f"LEDE: {e['lede']}")
        for s in e["summary"]:
            print(f"- [{len(s['sources'])}] {s['text']}")
        for q in e["quotes"]:
            print(f"  Q {q['speaker']}: {q['text'][:160]}")
        for n in e["next"]:
            print(f"  NEXT {n['date']}: {n['text'][:160]}")
PY
