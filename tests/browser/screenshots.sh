#!/usr/bin/env bash
# Regenerates the README screenshots (docs/screenshots/*.png) from the sample
# site: builds it under /repo/, serves it with a plain file server, and has
# headless Chromium (playwright-core) photograph the event and person pages at
# desktop and phone width. Needs `npm install --prefix tests/browser`.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d tests/browser/node_modules/playwright-core ] || npm install --prefix tests/browser --no-audit --no-fund
www=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cargo run --quiet -- build --output "$www/repo" --base-url "http://127.0.0.1:$port/repo/" --quiet
python3 -m http.server "$port" --bind 127.0.0.1 -d "$www" >/dev/null 2>&1 &
server=$!
trap 'kill $server; rm -rf "$www"' EXIT
for _ in $(seq 50); do curl -s "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
mkdir -p docs/screenshots
node tests/browser/screenshots.js "http://127.0.0.1:$port/repo/" \
  events/riyadh-talks-2025/ people/sergei-lavrov/ docs/screenshots
