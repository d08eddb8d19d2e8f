#!/usr/bin/env bash
# Scale benchmark on Reuters-21578 (19,043 articles): kept for its old name;
# the full comparison with Hugo lives in bench/compare.py (see bench/README.md).
# Usage: bash bench/reuters.sh [extra compare.py options]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
exec python3 "$here/bench/compare.py" --sizes 19043 "$@"
