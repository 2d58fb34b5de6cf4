#!/usr/bin/env python3
"""Regenerate data/gazetteer/us_counties.tsv.gz: US counties and parishes as an embedded gazetteer layer.

cities500 has no second-level regions, and local US news names its counties all the time ("Laurel County",
"Rapides Parish"). Every county of the Census Bureau's cartographic boundaries (npm `us-atlas` 3.0.1, public
domain data, ISC package) becomes an `ADM2` place named "<name> County" ("<name> Parish" in Louisiana), at
the area centroid of its polygons, in its state (the GeoNames admin-1 code of a US state is its USPS code).
Independent cities (Virginia, Baltimore, St. Louis, Carson City) are cities500 places already, and Alaska's
boroughs and census areas are left out. Ids are 2,000,000,000 + the county's FIPS code (no GeoNames id
reaches that); population 0 (unknown).

Same columns as default.tsv.gz:
geonameid, name, lat, lon, country, admin1, feature_class, feature_code, population, altnames ('|'-joined)

Usage:
  (cd /tmp && npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz)
  python3 tools/gazetteer/derive_us_counties.py [--atlas /tmp/package/counties-10m.json]
"""
import argparse
import gzip
import json

import topo as tj

# state FIPS code -> USPS code
STATES = {
    "01": "AL", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC",
    "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS",
    "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS",
    "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY",
    "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC",
    "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY",
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--atlas", default="/tmp/package/counties-10m.json")
    ap.add_argument("--out", default=tj.data_path("us_counties.tsv.gz"))
    args = ap.parse_args()
    with open(args.atlas) as f:
        topo = json.load(f)
    arcs = tj.arcs(topo)
    rows = []
    for g in topo["objects"]["counties"]["geometries"]:
        fips, name = g["id"], g["properties"]["name"]
        st = STATES.get(fips[:2])
        if not st or st == "AK" or "city" in name.lower() or fips in ("24510", "29510", "32510") \
                or (st == "VA" and int(fips[2:]) >= 500):
            continue
        polys = [g["arcs"]] if g["type"] == "Polygon" else g["arcs"]
        a_sum = cx = cy = 0.0
        for poly in polys:
            for k, r in enumerate(poly):
                pts = tj.ring(arcs, r)
                for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
                    c = x1 * y2 - x2 * y1
                    a_sum += c
                    cx += (x1 + x2) * c
                    cy += (y1 + y2) * c
        if abs(a_sum) < 1e-12:
            continue
        lon, lat = cx / (3 * a_sum), cy / (3 * a_sum)
        kind = "Parish" if st == "LA" else "County"
        full = f"{name} {kind}"
        alts = [f"{name} Co."] if kind == "County" else []
        rows.append([2_000_000_000 + int(fips), full, round(lat, 5), round(lon, 5), "US", st, "A", "ADM2", 0,
                     "|".join(alts)])
    rows.sort()
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        for r in rows:
            f.write("\t".join(str(v) for v in r) + "\n")
    print(f"{args.out}: {len(rows)} counties")


if __name__ == "__main__":
    main()
