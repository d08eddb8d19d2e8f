#!/usr/bin/env bash
# Builds the two hand-reading samples of issue 8 with the release binary and
# prints, for each, the 12 most mentioned people of the home page and a fixed
# random sample of 40 person pages (name, mentions, articles, roles, first
# article). Reading them is by hand; bench/people_eval.md has the last count.
#
#   cargo build --release && bash bench/people_samples.sh [WORKDIR] [SEED]
#
# BBC: a fixed random 300 of the 2,225 articles; Reuters: a fixed random 2,000
# of the 19,043 in the tarball (Python's random.Random(SEED) over sorted paths,
# SEED 8 unless given; the same seed draws the 40 pages). Use one seed while
# tuning and a fresh one for the figures you report.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
shared="$here/../shared/data"
work="${1:-/tmp/briefing-people-samples}"
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
for site in bbc reuters; do
  (cd "$work/$site" && "$bin" build --content content --output public)
done
python3 - "$work" "$seed" <<'PY'
import json, random, re, sys
work, seed = sys.argv[1], int(sys.argv[2])
for site in ["bbc", "reuters"]:
    people = json.load(open(f"{work}/{site}/public/data/people.json"))
    home = open(f"{work}/{site}/public/index.html").read()
    part = home[home.find("Most mentioned people"):]
    top = re.findall(r'href="[^"]*people/[^"/]+/?">([^<]+)</a>', part)[:12]
    print(f"== {site}: {len(people)} person pages")
    print("top 12 on the home page:", top)
    for p in random.Random(seed).sample(people, 40):
        print(f"- {p['name']} | mentions {p['mentions']} | articles {len(p['articles'])} "
              f"| roles {p.get('roles', [])[:2]} | {p['articles'][0]}")
PY
