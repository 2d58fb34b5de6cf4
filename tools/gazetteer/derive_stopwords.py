#!/usr/bin/env python3
"""Regenerate data/gazetteer/common_words.txt: gazetteer names that are common English words.

cities500 and its alternate names hold many English words ("Police", "University", "Hospital", "More").
A capitalised word of this list is taken for a place only with a cue ("the town of More"), as part of a
longer name, or when its best reading is a country, a region or a large city.

A single-word gazetteer name is listed when its lowercase form is an English word and either
  * the dictionary does not also list it capitalised (as a proper noun: "Paris", "Reading"), or
  * it is a very frequent word (Zipf frequency >= 5: "more", "many", "most", "over").

Inputs (public):
  * Debian `wamerican` (/usr/share/dict/american-english): case tells common words from proper nouns
  * wordfreq 3.1.1 wheel (PyPI, MIT / CC BY-SA 4.0 data): `small_en.msgpack.gz` word frequencies
  * data/gazetteer/default.tsv.gz: the names

Usage:
  apt-get install wamerican; pip download wordfreq==3.1.1 --no-deps -d /tmp/wf; pip install msgpack
  (cd /tmp/wf && unzip -q -o wordfreq-3.1.1-py3-none-any.whl -d wfx)
  python3 tools/gazetteer/derive_stopwords.py [--wordfreq /tmp/wf/wfx/wordfreq/data/small_en.msgpack.gz]

It also writes data/gazetteer/person_names.txt: the 1,500 most frequent US given names and 3,000 most
frequent US surnames (1990 US Census name lists, public domain, as shipped in the PyPI package `names`
0.3.0: `pip download names==0.3.0 --no-deps -d /tmp/wf && tar xzf /tmp/wf/names-0.3.0.tar.gz -C /tmp/wf`).
A run "Given Surname" is a person, not a place; a lone surname needs a cue to be a small place.
"""
import argparse
import gzip
import os

import msgpack

import topo as tj


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--wordfreq", default="/tmp/wf/wfx/wordfreq/data/small_en.msgpack.gz")
    ap.add_argument("--gazetteer", default=tj.data_path("default.tsv.gz"))
    ap.add_argument("--names", default="/tmp/wf/names-0.3.0/names")
    ap.add_argument("--out", default=tj.data_path("common_words.txt"))
    args = ap.parse_args()

    words = set()
    with open(args.dict, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w and "'" not in w:
                words.add(w)
    lower = {w for w in words if w.islower()}
    capital = {w for w in words if w[:1].isupper()}

    buckets = msgpack.unpackb(gzip.open(args.wordfreq).read(), raw=False)[1:]
    frequent = set()
    for i, b in enumerate(buckets):
        if i > 400:  # Zipf 5 = 10^-4 = 400 centibels
            break
        frequent.update(b)

    names = set()
    with gzip.open(args.gazetteer, "rt", encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            for n in [p[1]] + (p[9].split("|") if len(p) > 9 and p[9] else []):
                if n.isascii() and n.isalpha() and n[:1].isupper():
                    names.add(n.lower())

    out = sorted(w for w in names & lower if len(w) >= 3 and (w.capitalize() not in capital or w in frequent))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Gazetteer names that are common English words; made by tools/gazetteer/derive_stopwords.py\n")
        for w in out:
            f.write(w + "\n")
    print(f"{args.out}: {len(out)} words")

    def census(path, n):
        with open(path) as f:
            return [line.split()[0].capitalize() for line in f if line.strip()][:n]

    nd = args.names
    given = sorted(set(census(os.path.join(nd, "dist.male.first"), 750) + census(os.path.join(nd, "dist.female.first"), 750)))
    surnames = sorted(set(census(os.path.join(nd, "dist.all.last"), 3000)))
    out2 = os.path.join(os.path.dirname(args.out), "person_names.txt")
    with open(out2, "w", encoding="utf-8") as f:
        f.write("# Frequent US given names (g) and surnames (s), 1990 US Census; made by tools/gazetteer/derive_stopwords.py\n")
        for w in given:
            f.write(f"g\t{w}\n")
        for w in surnames:
            f.write(f"s\t{w}\n")
    print(f"{out2}: {len(given)} given names, {len(surnames)} surnames")


if __name__ == "__main__":
    main()
