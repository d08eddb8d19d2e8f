#!/usr/bin/env python3
"""Hugo vs briefing on Reuters-21578 subsets (issue 9), in one go.

For each size (default 1000, 5000, 19043 articles): cold full build, no-op
rebuild, add one article, edit one article, delete one article; median of
--runs runs (default 3); peak RSS (/usr/bin/time -v), files written, output
size; briefing's ratio to Hugo. Then briefing's save-to-reload time inside
`briefing serve` (file saved -> `reload` event on /__briefing/events), and,
with --scale, synthetic 100k/200k corpora (Reuters with perturbed names,
places and dates) built cold: time, memory and output per article.

Usage:  python3 bench/compare.py [--sizes 1000,5000,19043] [--runs 3]
                                 [--scale 100000,200000] [--work /tmp/briefing-bench]
Needs ../shared/data/reuters21578/articles.tar.gz (research use only: never
publish a site built from it) and `hugo` on PATH. Prints a Markdown table.
"""

import argparse
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import time

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARBALL = os.path.join(HERE, "..", "shared", "data", "reuters21578", "articles.tar.gz")

ADDED = """---
title: "BENCHMARK ADDED STORY ON COCOA"
date: 1987-10-20T12:00:00Z
source: Benchmark
---
Cocoa traders in Salvador said on Tuesday that arrivals slowed after the rains, a benchmark note added to measure incremental rebuilds.
"""

HUGO_LAYOUT = {
    "layouts/_default/baseof.html": "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>\n",
    "layouts/_default/single.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><time>{{ .Date.Format \"2006-01-02\" }}</time>{{ .Content }}{{ end }}\n",
    "layouts/_default/list.html": "{{ define \"main\" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
    "layouts/index.html": "{{ define \"main\" }}<ul>{{ range first 20 .Site.RegularPages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n",
}


def timed(cmd, cwd):
    """Runs cmd under /usr/bin/time -v: (wall s, peak RSS MB, stdout, CPU s)."""
    t0 = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - t0
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed in {cwd}:\n{p.stdout}\n{p.stderr[-3000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", p.stderr).group(1)) for k in ["User", "System"])
    return wall, rss / 1024, p.stdout, cpu


def output_stats(public):
    files, size = 0, 0
    for d, _, fs in os.walk(public):
        for f in fs:
            files += 1
            size += os.path.getsize(os.path.join(d, f))
    return files, size


def written_since(public, since):
    n = 0
    for d, _, fs in os.walk(public):
        for f in fs:
            if os.stat(os.path.join(d, f)).st_mtime_ns >= since:
                n += 1
    return n


class Tool:
    """One generator on one content folder."""

    def __init__(self, name, root, cmd):
        self.name, self.root, self.cmd = name, root, cmd
        self.public = os.path.join(root, "public")

    def clean(self):
        for d in ["public", ".briefing", "resources"]:
            shutil.rmtree(os.path.join(self.root, d), ignore_errors=True)

    def build(self):
        since = time.time_ns()
        time.sleep(0.01)
        wall, rss, _, cpu = timed(self.cmd, self.root)
        return wall, rss, written_since(self.public, since), cpu


def articles_dir(root):
    return os.path.join(root, "content", "articles")


def first_article(root):
    for d, _, fs in sorted(os.walk(articles_dir(root))):
        for f in sorted(fs):
            if f.endswith(".md"):
                return os.path.join(d, f)


def scenario(tool, runs):
    """Median wall, peak RSS and files written for each scenario."""
    rows = {k: [] for k in ["cold", "no-op", "add", "edit", "delete"]}
    added = os.path.join(articles_dir(tool.root), "zz-bench-added.md")
    victim = first_article(tool.root)
    with open(victim, encoding="utf-8") as f:
        original = f.read()
    for _ in range(runs):
        tool.clean()
        rows["cold"].append(tool.build())
    for _ in range(runs):
        rows["no-op"].append(tool.build())
        with open(added, "w", encoding="utf-8") as f:
            f.write(ADDED)
        rows["add"].append(tool.build())
        with open(victim, "w", encoding="utf-8") as f:
            f.write(original.rstrip("\n") + "\n\nTraders added that the figures were provisional.\n")
        rows["edit"].append(tool.build())
        os.remove(added)
        with open(victim, "w", encoding="utf-8") as f:
            f.write(original)
        rows["delete"].append(tool.build())
    files, size = output_stats(tool.public)
    med = {k: (statistics.median(x[0] for x in v), max(x[1] for x in v), statistics.median(x[2] for x in v), statistics.median(x[3] for x in v)) for k, v in rows.items()}
    return med, files, size


def subset(src, dest, n, tool):
    """The first n articles (sorted by path) under dest/content."""
    os.makedirs(dest, exist_ok=True)
    content = os.path.join(dest, "content")
    if os.path.isdir(content):
        return
    paths = sorted(p for p in src if p.endswith(".md"))[:n]
    for p in paths:
        out = os.path.join(content, p)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        shutil.copyfile(os.path.join(EXTRACTED, p), out)
    if tool == "hugo":
        with open(os.path.join(dest, "hugo.toml"), "w") as f:
            f.write('baseURL = "http://127.0.0.1:1111/"\ntitle = "bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n')
        for rel, text in HUGO_LAYOUT.items():
            path = os.path.join(dest, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(text)
    else:
        with open(os.path.join(dest, "briefing.yaml"), "w") as f:
            f.write("title: Reuters-21578 (research use only)\nbase_url: http://127.0.0.1:1111/\n")


def serve_reload(binary, root, runs):
    """Median seconds from saving an article to the `reload` event."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    p = subprocess.Popen([binary, "serve", "--quiet", "--port", str(port)], cwd=root,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        conn = None
        for _ in range(600):
            try:
                conn = socket.create_connection(("127.0.0.1", port), timeout=120)
                break
            except OSError:
                time.sleep(0.2)
        conn.sendall(b"GET /__briefing/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n")
        buf = b""
        while b"event: hello" not in buf:
            buf += conn.recv(4096)
        time.sleep(1.5)
        added = os.path.join(articles_dir(root), "zz-serve-added.md")
        for i in range(runs * 2):
            buf = b""
            t0 = time.monotonic()
            if i % 2 == 0:
                with open(added, "w", encoding="utf-8") as f:
                    f.write(ADDED.replace("COCOA", f"COCOA {i}"))
            else:
                os.remove(added)
            while b"event: reload" not in buf and b"event: error" not in buf:
                chunk = conn.recv(4096)
                if not chunk:
                    raise RuntimeError("event stream closed")
                buf += chunk
            times.append(time.monotonic() - t0)
            time.sleep(1.0)
        conn.close()
    finally:
        p.terminate()
        p.wait()
    return statistics.median(times)


def perturb(text, rng, k):
    """A Reuters article with shifted dates and perturbed names and places."""
    def shift(m):
        y = int(m.group(1)) + 1 + k % 30
        return f"{y}-{m.group(2)}"
    text = re.sub(r"\b(19\d\d)-(\d\d-\d\dT)", shift, text, count=1)
    def name(m):
        w = m.group(0)
        return w[:-1] + rng.choice("aeiouy") + w[-1] if len(w) > 3 and rng.random() < 0.5 else w
    head, _, body = text.partition("\n---\n")
    return head + "\n---\n" + re.sub(r"\b[A-Z][a-z]{3,}\b", name, body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,5000,19043")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--scale", default="")
    ap.add_argument("--work", default="/tmp/briefing-bench")
    ap.add_argument("--no-serve", action="store_true")
    ap.add_argument("--tools", default="hugo,briefing")
    args = ap.parse_args()
    if not os.path.isfile(TARBALL):
        print(f"skipping: {TARBALL} not found")
        return
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(HERE, "Cargo.toml")], check=True)
    binary = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(HERE, "target")), "release", "briefing")
    global EXTRACTED
    EXTRACTED = os.path.join(args.work, "reuters")
    if not os.path.isdir(EXTRACTED):
        with tarfile.open(TARBALL) as t:
            t.extractall(EXTRACTED)
    src = [os.path.relpath(os.path.join(d, f), EXTRACTED) for d, _, fs in os.walk(EXTRACTED) for f in fs]
    print("Wall seconds, median; CPU seconds (user+sys) in brackets.")
    print("| articles | tool | cold s | no-op s | add s | edit s | delete s | peak RSS MB | files written (add/edit/delete) | files | output MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    results = {}
    for n in [int(x) for x in args.sizes.split(",") if x]:
        for name in args.tools.split(","):
            root = os.path.join(args.work, f"{name}-{n}")
            subset(src, root, n, name)
            cmd = ["hugo", "--quiet"] if name == "hugo" else [binary, "build", "--quiet"]
            med, files, size = scenario(Tool(name, root, cmd), args.runs)
            results[(n, name)] = med
            rss = max(v[1] for v in med.values())
            w = "/".join(str(int(med[k][2])) for k in ["add", "edit", "delete"])
            cell = lambda k: f"{med[k][0]:.2f} ({med[k][3]:.2f})"
            print(f"| {n} | {name} | {cell('cold')} | {cell('no-op')} | {cell('add')} | {cell('edit')} | {cell('delete')} | {rss:.0f} | {w} | {files} | {size / 1e6:.1f} |", flush=True)
        if (n, "hugo") in results and (n, "briefing") in results:
            b, h = results[(n, "briefing")], results[(n, "hugo")]
            print(f"| {n} | ratio briefing/hugo (wall) | {b['cold'][0] / h['cold'][0]:.2f} | {b['no-op'][0] / h['no-op'][0]:.2f} | {b['add'][0] / h['add'][0]:.2f} | {b['edit'][0] / h['edit'][0]:.2f} | {b['delete'][0] / h['delete'][0]:.2f} | | | | |", flush=True)
        if not args.no_serve and "briefing" in args.tools:
            t = serve_reload(binary, os.path.join(args.work, f"briefing-{n}"), args.runs)
            print(f"| {n} | briefing serve: save to reload | {t:.2f} s (median of {args.runs * 2}: adds and deletes) | | | | | | | | |", flush=True)
    for n in [int(x) for x in args.scale.split(",") if x]:
        root = os.path.join(args.work, f"scale-{n}")
        if not os.path.isdir(os.path.join(root, "content")):
            rng = random.Random(n)
            md = sorted(p for p in src if p.endswith(".md"))
            for k in range(n):
                p = md[k % len(md)]
                with open(os.path.join(EXTRACTED, p), encoding="utf-8", errors="replace") as f:
                    text = f.read()
                out = os.path.join(root, "content", f"copy{k // len(md)}", p)
                os.makedirs(os.path.dirname(out), exist_ok=True)
                with open(out, "w", encoding="utf-8") as f:
                    f.write(perturb(text, rng, k // len(md)) if k >= len(md) else text)
            with open(os.path.join(root, "briefing.yaml"), "w") as f:
                f.write("title: synthetic scale corpus\nbase_url: http://127.0.0.1:1111/\n")
        tool = Tool("briefing", root, [binary, "build", "--quiet"])
        tool.clean()
        wall, rss, _, cpu = tool.build()
        files, size = output_stats(tool.public)
        print(f"| {n} (synthetic) | briefing cold | {wall:.1f} s wall = {wall / n * 1000:.2f} ms/article; {cpu:.1f} s CPU = {cpu / n * 1000:.2f} ms/article | peak {rss:.0f} MB | {files} files, {size / 1e6:.0f} MB = {size / n / 1024:.1f} KB/article |", flush=True)


if __name__ == "__main__":
    main()
