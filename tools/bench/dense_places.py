#!/usr/bin/env python3
"""Write a text dense with place names, to measure the memory one document takes (issue 18).

The names are Ukrainian populated places of the embedded gazetteer (data/gazetteer/default.tsv.gz, the
most populous first), written in sentences of shelling and fighting that list four to eight of them
("Shelling hit Kupiansk, Izium, Balakliia, Bakhmut and Avdiivka.") and in plain lists of a dozen or
more ("Kharkiv, Odesa, Lviv, ..."), paragraphs of a few sentences, until the text has the size asked.
The output is the same for the same arguments (a fixed seed).

    python3 tools/bench/dense_places.py --mb 4 --out target/bench/dense-4mb.txt

tools/bench/memory.sh builds on it and prints the peak RSS of `sitrep extract` on the text.
"""

import argparse
import gzip
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GAZETTEER = os.path.join(ROOT, "data", "gazetteer", "default.tsv.gz")

# How many of the most populous Ukrainian places the names are drawn from.
NAMES = 2000

# The share of plain lists among the sentences.
LISTS = 0.4

SENTENCES = [
    "Shelling hit {l}.",
    "Russian forces shelled {l} overnight, the regional governor said.",
    "Fighting was reported near {l}.",
    "Ukrainian troops repelled attacks on {l}, the General Staff said on Monday.",
    "Air raid alerts sounded in {l}.",
    "Drones struck {l} and killed two civilians, officials said.",
    "Power was cut in {l} after missile strikes.",
]


def places(limit):
    rows = []
    with gzip.open(GAZETTEER, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            c = line.rstrip("\n").split("\t")
            if len(c) != 10 or c[4] != "UA" or c[6] != "P" or not c[1].isascii():
                continue
            rows.append((-int(c[8] or 0), c[1]))
    rows.sort()
    seen, names = set(), []
    for _, n in rows:
        if n not in seen:
            seen.add(n)
            names.append(n)
    return names[:limit]


def listing(names):
    return ", ".join(names[:-1]) + " and " + names[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0, help="size of the text in MB (10^6 bytes)")
    ap.add_argument("--out", required=True, help="file to write")
    ap.add_argument("--seed", type=int, default=18)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    names = places(NAMES)
    want = int(a.mb * 1_000_000)
    out, size = ["DENSE PLACES TEST\n\n2024-03-05\n\n"], 0
    while size < want:
        para = []
        for _ in range(rnd.randint(2, 5)):
            if rnd.random() < LISTS:
                para.append(", ".join(rnd.sample(names, rnd.randint(12, 20))) + ".")
            else:
                t = rnd.choice(SENTENCES)
                para.append(t.format(l=listing(rnd.sample(names, rnd.randint(4, 8)))))
        p = " ".join(para) + "\n\n"
        out.append(p)
        size += len(p.encode())
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(out))


if __name__ == "__main__":
    main()
