#!/usr/bin/env python3
"""Gathers the real news texts under ../shared/eval into one JSONL benchmark corpus (not committed).

usage: make_corpus.py [--shared ../shared] [--out target/bench/corpus.jsonl] [--repeat-mb N]

Sources: LGL, GeoWebNews, GeoVirus (geo), PolNeAR dev (quotes), TimeBank + AQUAINT (time). Each line:
{"id", "text", "published", "source"}. With --repeat-mb N, also writes corpus-big.jsonl: the corpus
repeated (ids suffixed) until it holds N MB, for long runs.
"""
import argparse, glob, html, json, os, re

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default="../shared")
ap.add_argument("--out", default="target/bench/corpus.jsonl")
ap.add_argument("--repeat-mb", type=int, default=0)
a = ap.parse_args()
ev = os.path.join(a.shared, "eval")
docs = []


def unxml(s):
    return html.unescape(re.sub(r"<[^>]+>", "", s))


def add(id_, text, published, source):
    text = re.sub(r"<!\[CDATA\[(.*?)\]\]>", r"\1", text, flags=re.S).strip()
    if text:
        docs.append({"id": id_, "text": text, "published": published, "source": source})


lgl = os.path.join(ev, "geo/lgl/lgl.xml")
if os.path.exists(lgl):
    for m in re.finditer(r"<article docid=\"([^\"]+)\">(.*?)</article>", open(lgl, encoding="utf-8").read(), re.S):
        body = m.group(2)
        t = re.search(r"<text>(.*?)</text>", body, re.S)
        d = re.search(r"<dltime>(\d{4}-\d{2}-\d{2})", body)
        add("lgl-" + m.group(1), html.unescape(t.group(1)) if t else "", d.group(1) if d else None, "lgl")
gwn = os.path.join(ev, "geo/geowebnews/GWN.xml")
if os.path.exists(gwn):
    for i, t in enumerate(re.findall(r"<text>(.*?)</text>", open(gwn, encoding="utf-8").read(), re.S)):
        add(f"gwn-{i}", html.unescape(t), None, "geowebnews")
gv = os.path.join(ev, "geo/geovirus/GeoVirus.xml")
if os.path.exists(gv):
    raw = re.sub(r"<!--.*?-->", "", open(gv, encoding="utf-8").read(), flags=re.S)
    for i, t in enumerate(re.findall(r"<text>(.*?)</text>", raw, re.S)):
        add(f"geovirus-{i}", html.unescape(t), None, "geovirus")
meta = {}
mp = os.path.join(ev, "quotes/polnear/data/metadata.tsv")
if os.path.exists(mp):
    for line in open(mp, encoding="utf-8").read().splitlines()[1:]:
        f = line.split("\t")
        if len(f) > 5:
            meta[f[1]] = f[5]
for p in sorted(glob.glob(os.path.join(ev, "quotes/polnear/data/*/text/*.txt"))):
    name = os.path.basename(p)[:-4]
    add("polnear-" + name, open(p, encoding="utf-8").read(), meta.get(name), "polnear")
for p in sorted(glob.glob(os.path.join(ev, "time/TBAQ-cleaned/*/*.tml"))):
    raw = open(p, encoding="utf-8").read()
    t = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    d = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw) or re.search(
        r'value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"', raw)
    add("tbaq-" + os.path.basename(p)[:-4], unxml(t.group(1)) if t else "", d.group(1) if d else None, "tbaq")

os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
with open(a.out, "w", encoding="utf-8") as f:
    for d in docs:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
size = os.path.getsize(a.out)
print(f"{a.out}: {len(docs)} documents, {size / 1e6:.1f} MB")
if a.repeat_mb:
    big = os.path.join(os.path.dirname(a.out), "corpus-big.jsonl")
    n, r = 0, 0
    with open(big, "w", encoding="utf-8") as f:
        while n < a.repeat_mb * 1e6:
            for d in docs:
                line = json.dumps(dict(d, id=f"{d['id']}~{r}"), ensure_ascii=False) + "\n"
                f.write(line)
                n += len(line.encode())
            r += 1
    print(f"{big}: {r} repetitions, {n / 1e6:.0f} MB")
