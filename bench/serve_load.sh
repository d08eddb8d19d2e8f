#!/usr/bin/env bash
# Issue 12, a sturdy preview server: wrk on loopback with 1,000 connections
# against `briefing serve` on the sample site, while 200 slow-header
# ("slowloris") connections each send one header line every 5 s (and
# reconnect when the server drops them for taking too long).
# Targets: no errors (no socket errors, no non-2xx/3xx), p99 latency < 50 ms.
#
#   cargo build --release && bash bench/serve_load.sh [SECONDS]   (default 20)
#   WRK_NICE=10 bash bench/serve_load.sh 15   (wrk at lower priority than the
#   server, as a client on another machine would be)
# Prints, per URL, the load average before and after, and the server's own
# CPU per request (from /proc: independent of the machine's other work).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BRIEFING:-$here/target/release/briefing}"
secs="${1:-20}"
command -v wrk >/dev/null || { echo "skipping: wrk not installed"; exit 0; }
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 1; }
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
cp -r "$here/content" "$work/content"
[ -f "$here/briefing.yaml" ] && cp "$here/briefing.yaml" "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$bin" serve --root "$work" --port "$port" --quiet >"$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
page=$(cd "$work/public" && find . -path './articles/*' -name index.html | sort | head -1 | sed 's|^\.||; s|index.html$||')

python3 - "$port" "$((secs + 10))" <<'PY' &
import socket, sys, time
port, until = int(sys.argv[1]), time.time() + int(sys.argv[2])
def dial():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
    return s
conns = [dial() for _ in range(200)]
reconnects = 0
while time.time() < until:
    time.sleep(5)
    for i, s in enumerate(conns):
        try:
            s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            conns[i] = dial(); reconnects += 1
print(f"slowloris: 200 connections held, {reconnects} reconnects after the server dropped them", flush=True)
PY
pids+=($!)
sleep 1
echo "sample site on port $port; page $page; 200 slow-header connections open"
server=${pids[0]}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; } # utime + stime
hz=$(getconf CLK_TCK)
for path in / "$page" /style.css; do
  [ -n "$path" ] || continue
  echo "== ${WRK_NICE:+nice -n $WRK_NICE }wrk -t2 -c1000 -d${secs}s --latency http://127.0.0.1:$port$path"
  echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  c0=$(cpu_ticks); t0=$(date +%s.%N)
  nice -n "${WRK_NICE:-0}" wrk -t2 -c1000 -d"${secs}s" --timeout 5s --latency \
    "http://127.0.0.1:$port$path" >"$work/wrk.out"
  c1=$(cpu_ticks); t1=$(date +%s.%N)
  grep -E "Latency|50%|90%|99%|requests in|Socket errors|Non-2xx|Requests/sec" "$work/wrk.out"
  reqs=$(awk '/requests in/{print $1}' "$work/wrk.out")
  # CPU the server used per request (independent of what else the machine
  # runs), and the share of a core it got.
  awk -v a="$c0" -v b="$c1" -v hz="$hz" -v n="$reqs" -v t0="$t0" -v t1="$t1" 'BEGIN{
    cpu=(b-a)/hz; printf "   server CPU: %.1f us/request, %.2f cores over the run\n", 1e6*cpu/n, cpu/(t1-t0)}'
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
wait "${pids[1]}" 2>/dev/null || true
