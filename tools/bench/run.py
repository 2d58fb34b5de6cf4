#!/usr/bin/env python3
"""sitrep throughput benchmark. Prints articles/s and MB/s for `extract --format jsonl` on the benchmark corpus
with 1 thread and all cores, peak RSS, start-up time, the name-scan floor, linear-cost check (1 MB vs 50 MB
document), and peers (flashgeotext, dateparser) installed from PyPI into a throwaway virtualenv.

usage: python3 tools/bench/run.py [--shared ../shared] [--no-peers] [--peer-docs 300] [--big-mb 50]
                                 [--against BIN [--runs 7]]
(run from the repository root; builds the release binaries first)

--against BIN measures the whole ledger on one thread side by side with another sitrep binary (an earlier
release, say: `git worktree add /tmp/old REV && cargo build --release --manifest-path /tmp/old/Cargo.toml`):
the two run in turn, --runs times each, and the medians and their ratio are printed, so that a busy machine
slows both alike.
"""
import argparse, json, os, statistics, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default="../shared")
ap.add_argument("--no-peers", action="store_true")
ap.add_argument("--peer-docs", type=int, default=300)
ap.add_argument("--big-mb", type=int, default=50)
ap.add_argument("--against", metavar="BIN")
ap.add_argument("--runs", type=int, default=7)
a = ap.parse_args()
B = "target/bench"
os.makedirs(B, exist_ok=True)
SITREP = "target/release/sitrep"
SCAN = "target/release/name-scan"


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


sh(["cargo", "build", "--release", "-q", "--bin", "sitrep"])
sh(["cargo", "build", "--release", "-q", "-p", "sitrep-bench", "--bin", "name-scan"])
corpus = f"{B}/corpus.jsonl"
sh([sys.executable, "tools/bench/make_corpus.py", "--shared", a.shared, "--out", corpus], stdout=subprocess.DEVNULL)
docs = [json.loads(l) for l in open(corpus, encoding="utf-8")]
mb = sum(len(d["text"].encode()) for d in docs) / 1e6
cores = os.cpu_count() or 1
print(f"corpus: {len(docs)} articles, {mb:.2f} MB of text ({corpus}); {cores} cores")


def timed(cmd, stdin=None):
    """Wall seconds and peak RSS (MB) of a command, output discarded."""
    t = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       stdin=stdin, text=True)
    wall = time.perf_counter() - t
    if r.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed: {r.stderr[-500:]}")
    rss = int(r.stderr.strip().splitlines()[-1]) / 1024
    return wall, rss


rows = []
# start-up: time to the first ledger, the example report, median of 15 runs
starts = []
for _ in range(15):
    t = time.perf_counter()
    sh([SITREP, "extract", "--no-default-gazetteer", "--format", "json", "examples/kupiansk-sample.txt"], stdout=subprocess.DEVNULL)
    starts.append(time.perf_counter() - t)
startup = statistics.median(starts)
rows.append(("start-up to the first ledger (example report)", f"{startup * 1000:.0f} ms"))

res = {}
for threads in [1, cores]:
    best = None
    for _ in range(3):
        w, rss = timed([SITREP, "extract", "--no-default-gazetteer", "--threads", str(threads), "--format", "jsonl", corpus])
        best = (w, rss) if best is None or w < best[0] else best
    res[threads] = best
    w, rss = best
    rows.append((f"whole ledger, {threads} thread(s)", f"{len(docs) / w:,.0f} articles/s, {mb / w:.2f} MB/s, peak RSS {rss:.0f} MB"))
speedup = res[1][0] / res[cores][0]
rows.append((f"speed-up on {cores} cores", f"{speedup:.2f}x"))

scan = json.loads(subprocess.run([SCAN, corpus, "--threads", "1"], capture_output=True, text=True, check=True).stdout)
rows.append(("floor: bare name scan (aho-corasick, all gazetteer names), 1 thread",
             f"{scan['docs_per_s']:,.0f} articles/s, {scan['mb_per_s']:.1f} MB/s ({scan['names']:,} names, automaton built in {scan['build_s']:.1f} s)"))
whole_s = res[1][0] - startup
rows.append(("whole ledger / bare scan (cost ratio, 1 thread)", f"{whole_s / scan['scan_s']:.1f}x"))

# linear cost: one document of 1 MB against one of N MB
text = "\n\n".join(d["text"] for d in docs)
def make(n_mb):
    p = f"{B}/single-{n_mb}mb.txt"
    if not os.path.exists(p):
        with open(p, "w", encoding="utf-8") as f:
            n = 0
            while n < n_mb * 1e6:
                f.write(text + "\n\n")
                n += len(text.encode()) + 2
            f.truncate(int(n_mb * 1e6))
    return p
small, big = make(1), make(a.big_mb)
# truncation may cut a UTF-8 character: cut back to a line end instead
for p in (small, big):
    raw = open(p, "rb").read()
    open(p, "wb").write(raw[: raw.rfind(b"\n") + 1])
w1, r1 = timed([SITREP, "extract", "--no-default-gazetteer", "--format", "json", small])
wn, rn = timed([SITREP, "extract", "--no-default-gazetteer", "--format", "json", big])
rows.append((f"one 1 MB document / one {a.big_mb} MB document", f"{w1:.2f} s ({r1:.0f} MB) / {wn:.1f} s ({rn:.0f} MB): {wn / w1:.0f}x the time for {a.big_mb}x the text"))

if not a.no_peers:
    venv = f"{B}/venv"
    if not os.path.exists(f"{venv}/bin/python"):
        sh([sys.executable, "-m", "venv", venv])
        sh([f"{venv}/bin/pip", "install", "-q", "flashgeotext", "dateparser"])
    sample = docs[: a.peer_docs]
    json.dump([d["text"] for d in sample], open(f"{B}/peer_texts.json", "w"))
    n_mb = sum(len(d["text"].encode()) for d in sample) / 1e6
    peer = r'''
import json, sys, time
texts = json.load(open(sys.argv[1]))
from flashgeotext.geotext import GeoText
t = time.perf_counter(); g = GeoText(); load = time.perf_counter() - t
t = time.perf_counter()
for x in texts: g.extract(input_text=x)
fg = time.perf_counter() - t
from dateparser.search import search_dates
t = time.perf_counter()
for x in texts: search_dates(x, languages=["en"])
dp = time.perf_counter() - t
print(json.dumps({"flashgeotext_s": fg, "flashgeotext_load_s": load, "dateparser_s": dp}))
'''
    out = json.loads(subprocess.run([f"{venv}/bin/python", "-c", peer, f"{B}/peer_texts.json"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1])
    with open(f"{B}/peer.jsonl", "w", encoding="utf-8") as f:
        for d in sample:
            f.write(json.dumps(d) + "\n")
    ws, _ = timed([SITREP, "extract", "--no-default-gazetteer", "--threads", "1", "--format", "jsonl", f"{B}/peer.jsonl"])
    n = len(sample)
    rows.append((f"peers on the first {n} articles ({n_mb:.2f} MB), 1 thread", ""))
    rows.append(("  sitrep whole ledger (places, actors, quotes, times, events)", f"{n / ws:,.0f} articles/s"))
    rows.append(("  flashgeotext (place names only)", f"{n / out['flashgeotext_s']:,.0f} articles/s (+{out['flashgeotext_load_s']:.1f} s load); sitrep is {out['flashgeotext_s'] / ws:.1f}x its speed"))
    rows.append(("  dateparser search_dates (dates only)", f"{n / out['dateparser_s']:,.1f} articles/s; sitrep is {out['dateparser_s'] / ws:.0f}x its speed"))

if a.against:
    walls = {SITREP: [], a.against: []}
    for _ in range(a.runs):
        for b in walls:
            w, _ = timed([b, "extract", "--no-default-gazetteer", "--threads", "1", "--format", "jsonl", corpus])
            walls[b].append(w)
    now, then = statistics.median(walls[SITREP]), statistics.median(walls[a.against])
    rows.append((f"side by side, 1 thread, medians of {a.runs} alternating runs",
                 f"{SITREP} {now:.2f} s, {a.against} {then:.2f} s: {then / now:.2f}x"))

print()
print("| what | figure |")
print("|---|---|")
for k, v in rows:
    print(f"| {k} | {v} |")
