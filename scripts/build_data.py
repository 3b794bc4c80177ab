"""Derive the data `owes` ships from the reference material.

    python scripts/build_data.py [--reference ../shared/reference] [--check]

It writes:
- `data/teryt.json`: the national TERYT TERC register, compacted to what the
  tool needs to name any voivodeship and county of Poland;
- `data/county_index.json`: the register's county names folded and stemmed
  as `owes_cli.domain.names` matches them (stem -> county codes, and the
  adjective bases of the cities), so a lookup scores only the counties that
  can match instead of stemming all 380 names on every run;
- the generated `[[counties]]` block at the end of `data/centres.toml`:
  the counties of the dataset's region, with code, official name and kind;
- `data/places.json`: the gazetteer, from the same register: every gmina of
  Poland (code and name) and the towns of the region;
- `data/localities.json`: every entry of the region in the TERYT SIMC
  register of localities (villages, colonies, hamlets, settlements, towns and
  the named parts of towns and villages), by SIMC id;
- `data/localities.tsv`: every other locality of Poland, one a line, sorted
  by folded name, so that a lookup bisects it instead of parsing it;
- `data/place_index.tsv`: the places of the two JSON files as the gazetteer
  builds them (`owes_cli.domain.places.tables`), one a line, sorted by the
  folded name it is matched by, and once more by its code: a lookup of a
  name written out in full, or of a code, bisects it instead of parsing
  the JSON files and building 4,000 places;
- `data/gminy.json`, `data/powiaty.json`, `data/wojewodztwa.json`: the
  boundaries of the region's gminas and counties and of every voivodeship,
  from the national register of boundaries (PRG), with coordinates rounded
  to 0.0001° and a point well inside each area for labels.
- `data/boxes.json`: the bounding box of every area of those layers, so
  that locating a point decodes and parses only the areas that may hold it.

`--check` writes nothing and exits 1 when the shipped files differ from what
the reference material gives (the tests run the same comparison).
"""

from __future__ import annotations

import argparse
import csv
import heapq
import io
import json
import math
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from owes_cli.domain.geo import Point, Polygon, box, encode_ring, polygon_contains  # noqa: E402
from owes_cli.domain.names import city_adjective_bases, fold, stems, words  # noqa: E402
from owes_cli.domain.places import index_line, tables, universe, universe_order  # noqa: E402

DEFAULT_REFERENCE = PROJECT.parent / "shared" / "reference"
TERC_FILE = Path("teryt") / "TERC_Urzedowy_2020-01-01.csv"
SIMC_FILE = Path("teryt") / "SIMC_Urzedowy_2020-01-01.csv"
REGISTER_SOURCE_ID = "teryt-terc-2020"
REGION = "08"  # lubuskie

BLOCK_BEGIN = "# BEGIN generated counties: scripts/build_data.py from the TERYT TERC register"
BLOCK_END = "# END generated counties"


def read_terc(reference: Path) -> list[dict[str, str]]:
    text = (reference / TERC_FILE).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def county_kind(description: str) -> str:
    return "city" if "na prawach powiatu" in description else "land"


def build_register(rows: list[dict[str, str]]) -> str:
    as_of = {row["STAN_NA"] for row in rows}
    if len(as_of) != 1:
        raise SystemExit(f"register rows carry several dates: {sorted(as_of)}")
    voivodeships = {}
    counties = {}
    for row in rows:
        if not row["POW"]:
            voivodeships[row["WOJ"]] = row["NAZWA"].lower()
        elif not row["GMI"]:
            counties[row["WOJ"] + row["POW"]] = [row["NAZWA"], county_kind(row["NAZWA_DOD"])]
    register = {
        "register": "TERYT TERC (wykaz urzędowy)",
        "publisher": "Główny Urząd Statystyczny",
        "as_of": as_of.pop(),
        "voivodeships": dict(sorted(voivodeships.items())),
        "counties": dict(sorted(counties.items())),
    }
    return json.dumps(register, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def build_county_index(rows: list[dict[str, str]]) -> str:
    """Which counties each stem and each city adjective base can name (see owes_cli.domain.lookup)."""
    by_stem: dict[str, set[str]] = {}
    by_city_base: dict[str, set[str]] = {}
    for row in rows:
        if not row["POW"] or row["GMI"]:
            continue
        code, name = row["WOJ"] + row["POW"], row["NAZWA"]
        for word in words(name):
            for stem in stems(word):
                by_stem.setdefault(stem, set()).add(code)
        if county_kind(row["NAZWA_DOD"]) == "city":
            for base in city_adjective_bases(name):
                by_city_base.setdefault(base, set()).add(code)
    index = {
        "note": "Derived by scripts/build_data.py from the TERYT TERC register and owes_cli.domain.names.",
        "stems": {stem: sorted(codes) for stem, codes in sorted(by_stem.items())},
        "city_bases": {base: sorted(codes) for base, codes in sorted(by_city_base.items())},
    }
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"


def build_counties_block(rows: list[dict[str, str]]) -> str:
    as_of = rows[0]["STAN_NA"]
    lines = [BLOCK_BEGIN + f" of {as_of}; do not edit by hand."]
    for row in rows:
        if row["WOJ"] == REGION and row["POW"] and not row["GMI"]:
            lines += [
                "",
                "[[counties]]",
                f'teryt = "{row["WOJ"]}{row["POW"]}"',
                f'name = "{row["NAZWA"]}"',
                f'kind = "{county_kind(row["NAZWA_DOD"])}"',
                f'sources = ["{REGISTER_SOURCE_ID}"]',
            ]
    lines += ["", BLOCK_END]
    return "\n".join(lines) + "\n"


def with_counties_block(centres_toml: str, block: str) -> str:
    """Replace (or append) the generated block, keeping the curated part as is."""
    start = centres_toml.find(BLOCK_BEGIN)
    if start == -1:
        return centres_toml.rstrip("\n") + "\n\n" + block
    end = centres_toml.index(BLOCK_END, start) + len(BLOCK_END)
    return centres_toml[:start] + block.rstrip("\n") + centres_toml[end:]


# --------------------------------------------------------------------------
# The gazetteer
# --------------------------------------------------------------------------

GMINA_KINDS = {"1", "2", "3"}  # urban, rural, urban-rural; 8 and 9 are city districts
TOWN_KIND = "4"  # the town of an urban-rural gmina (RODZ 5, its rural area, is not a place)


def build_places(rows: list[dict[str, str]]) -> str:
    """Every gmina of Poland and the region's towns: {7-digit code: name}.

    The last digit of a code is its kind (RODZ); a code's first four digits
    are its county, whose name and kind are in teryt.json.
    """
    places = {}
    for row in rows:
        kind = row["RODZ"]
        if kind in GMINA_KINDS or (kind == TOWN_KIND and row["WOJ"] == REGION):
            places[row["WOJ"] + row["POW"] + row["GMI"] + kind] = row["NAZWA"]
    gazetteer = {
        "register": "TERYT TERC (wykaz urzędowy)",
        "publisher": "Główny Urząd Statystyczny",
        "as_of": rows[0]["STAN_NA"],
        "region": REGION,
        "places": dict(sorted(places.items())),
    }
    return _json_one_entry_a_line(gazetteer, "places")


def _json_one_entry_a_line(document: dict[str, Any], big_key: str) -> str:
    """Small keys first, then the big mapping one entry a line: compact, and diffs stay readable."""
    head = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in document.items() if k != big_key]
    entries = [
        f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
        for k, v in document[big_key].items()
    ]
    return "{\n" + ",\n".join(head) + f",\n{json.dumps(big_key)}: {{\n" + ",\n".join(entries) + "\n}}\n"


# --------------------------------------------------------------------------
# Localities
# --------------------------------------------------------------------------

SIMC_TITLE = "TERYT SIMC (wykaz urzędowy)"
TOWN_LOCALITY = "96"  # RM of a town


def read_simc(reference: Path) -> list[dict[str, str]]:
    text = (reference / SIMC_FILE).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def _unit(row: dict[str, str]) -> str:
    """The 7-digit TERC code of the unit a locality lies in (RODZ_GMI 4: a town, 5: its rural area)."""
    return row["WOJ"] + row["POW"] + row["GMI"] + row["RODZ_GMI"]


def build_localities(rows: list[dict[str, str]]) -> str:
    """Every entry of the region: {SIMC id: [name, RM, unit code, id of the locality it is part of or ""]}."""
    as_of = {row["STAN_NA"] for row in rows}
    if len(as_of) != 1:
        raise SystemExit(f"register rows carry several dates: {sorted(as_of)}")
    localities = {
        row["SYM"]: [row["NAZWA"], row["RM"], _unit(row), "" if row["SYMPOD"] == row["SYM"] else row["SYMPOD"]]
        for row in rows
        if row["WOJ"] == REGION
    }
    document = {
        "register": SIMC_TITLE,
        "publisher": "Główny Urząd Statystyczny",
        "as_of": as_of.pop(),
        "region": REGION,
        "index": "localities.tsv",
        "localities": dict(sorted(localities.items())),
    }
    return _json_one_entry_a_line(document, "localities")


def build_locality_index(rows: list[dict[str, str]], terc: list[dict[str, str]]) -> str:
    """Every locality outside the region, one a line: folded name, name, SIMC id, RM, unit code.

    Sorted by the folded name (as `owes_cli.domain.names.fold` gives it), so a
    lookup finds a name by bisecting the file. A town that is an urban gmina
    of the same name is left out: places.json already names it.
    """
    urban = {r["WOJ"] + r["POW"] + r["GMI"] + r["RODZ"]: r["NAZWA"] for r in terc if r["RODZ"] == "1"}
    lines = sorted(
        f"{fold(row['NAZWA'])}\t{row['NAZWA']}\t{row['SYM']}\t{row['RM']}\t{_unit(row)}"
        for row in rows
        if row["WOJ"] != REGION and not (row["RM"] == TOWN_LOCALITY and urban.get(_unit(row)) == row["NAZWA"])
    )
    header = f"# {SIMC_TITLE}, Główny Urząd Statystyczny, {rows[0]['STAN_NA']}: localities outside {REGION}"
    return header + "\n" + "\n".join(lines) + "\n"


def build_place_index(places_json: str, localities_json: str) -> str:
    """The place index: every place of the gazetteer's universe by folded name, then every
    TERC unit by "TERC:CODE" and every SIMC entry of the region by "SIMC:ID" (in
    capitals, which no folded name has).

    The lines are sorted by key and, for one name, in the universe's order (the order
    the gazetteer lists a name's places in), so a bisection gives what a scan would.
    The header ends in the number of bytes below it, which the reader checks.
    """
    units, localities = tables(json.loads(places_json), json.loads(localities_json))
    keyed = [(fold(place.name), position, place) for position, place in enumerate(universe(units, localities))]
    for folded, _, place in keyed:
        if not folded[:1].isalnum() or folded[:1] != fold(place.name[:1])[:1]:
            raise SystemExit(f"{place.name!r}: its folded name does not start with its folded initial")
    if [place for _, _, place in keyed] != sorted((place for _, _, place in keyed), key=universe_order):
        raise SystemExit("the registers' order is not the one `universe_order` gives")
    keyed += [(f"TERC:{code}", 0, place) for code, place in units.items()]
    keyed += [(f"SIMC:{sym}", 0, place) for sym, place in localities.items()]
    keyed.sort(key=lambda entry: ((entry[0] + "\t").encode(), entry[1]))
    body = "".join(index_line(key, place) + "\n" for key, _, place in keyed)
    register = json.loads(places_json)
    header = (
        f"# {register['register']} and {SIMC_TITLE}, {register['publisher']}, {register['as_of']}:"
        f" places by folded name and by code; {len(body.encode())} bytes below"
    )
    return header + "\n" + body


# --------------------------------------------------------------------------
# Boundaries
# --------------------------------------------------------------------------

GEO_LAYERS = {
    # layer: (reference file, code property, name property, origin, as of, simplify tolerance in degrees)
    "gminy": (
        "lubuskie_gminy.geojson",
        "kod",
        "nazwa",
        "Państwowy rejestr granic (PRG), Główny Urząd Geodezji i Kartografii",
        "2020–2023",
        0.0,
    ),
    "powiaty": (
        "lubuskie_powiaty.geojson",
        "kod",
        "nazwa",
        "Państwowy rejestr granic (PRG), Główny Urząd Geodezji i Kartografii",
        "2020–2023",
        0.0,
    ),
    # Only to name the voivodeship of a point outside the region: 0.002° (about
    # 150–200 m) is far below what that needs, and halves the file.
    "wojewodztwa": (
        "wojewodztwa.geojson",
        "JPT_KOD_JE",
        "JPT_NAZWA_",
        "Państwowy rejestr granic (PRG), Główny Urząd Geodezji i Kartografii, przez Geoportal, uproszczone",
        "2025-08",
        0.002,
    ),
}
LABEL_PRECISION = 0.002  # degrees (about 200 m): plenty for placing a label


def build_layer(reference: Path, layer: str) -> str:
    file_name, code_key, name_key, origin, as_of, tolerance = GEO_LAYERS[layer]
    collection = json.loads((reference / "geo" / file_name).read_text(encoding="utf-8"))
    areas = {}
    for feature in collection["features"]:
        geometry = feature["geometry"]
        raw = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        polygons = [[simplify([(p[0], p[1]) for p in ring], tolerance) for ring in polygon] for polygon in raw]
        label = label_point(polygons)
        name = feature["properties"][name_key].removeprefix("powiat ")
        areas[feature["properties"][code_key]] = [
            name,
            [round(label[0] / 1e-4), round(label[1] / 1e-4)],
            [[encode_ring(ring) for ring in polygon] for polygon in polygons],
        ]
    document = {"origin": origin, "as_of": as_of, "areas": dict(sorted(areas.items()))}
    return _json_one_entry_a_line(document, "areas")


def build_boxes(layers: dict[str, str]) -> str:
    """Every area's bounding box, by layer and code, in the layers' integer units (`geo.box`)."""
    boxes = {
        layer: {code: box(encoded) for code, (_, _, encoded) in json.loads(text)["areas"].items()}
        for layer, text in layers.items()
    }
    document = {"note": "Derived by scripts/build_data.py from the boundary layers: min x, min y, max x, max y."}
    return json.dumps(document | boxes, ensure_ascii=False, separators=(",", ":")) + "\n"


def simplify(ring: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker on a closed ring; keeps at least a triangle."""
    if tolerance <= 0 or len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = -1, tolerance
        for i in range(first + 1, last):
            d = _segment_distance(ring[i], ring[first], ring[last])
            if d > distance:
                farthest, distance = i, d
        if farthest != -1:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    kept = [p for p, k in zip(ring, keep, strict=True) if k]
    return kept if len(kept) >= 4 else ring


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def label_point(polygons: list[Polygon]) -> Point:
    """The point of the largest polygon farthest from its edges (the "polylabel" search).

    A centroid can fall outside a curved area or into its hole; this point
    is always inside, so a label or a seat marker sits where it belongs.
    """
    polygon = max(polygons, key=lambda p: _ring_area(p[0]))
    # Work in a frame where a degree of longitude is as long as one of latitude.
    squeeze = math.cos(math.radians(sum(y for _, y in polygon[0]) / len(polygon[0])))
    flat = [[(x * squeeze, y) for x, y in ring] for ring in polygon]
    xs = [x for x, _ in flat[0]]
    ys = [y for _, y in flat[0]]
    cell = min(max(xs) - min(xs), max(ys) - min(ys))
    precision = LABEL_PRECISION * squeeze

    segments = [
        (ax, ay, bx - ax, by - ay, (bx - ax) ** 2 + (by - ay) ** 2 or 1e-18)
        for ring in flat
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True)
    ]

    def distance(p: Point) -> float:
        px, py = p
        nearest = math.inf
        for ax, ay, dx, dy, length in segments:
            t = ((px - ax) * dx + (py - ay) * dy) / length
            t = 0.0 if t < 0 else 1.0 if t > 1 else t
            ex, ey = px - ax - t * dx, py - ay - t * dy
            if ex * ex + ey * ey < nearest:
                nearest = ex * ex + ey * ey
        edge = math.sqrt(nearest)
        return edge if polygon_contains(flat, p) else -edge

    def entry(x: float, y: float, half: float) -> tuple[float, float, float, float, float]:
        d = distance((x, y))
        return (-(d + half * math.sqrt(2)), d, x, y, half)

    queue = []
    half = cell / 2
    x = min(xs)
    while x < max(xs):
        y = min(ys)
        while y < max(ys):
            heapq.heappush(queue, entry(x + half, y + half, half))
            y += cell
        x += cell
    best = max(queue, key=lambda e: e[1])
    while queue:
        bound, d, x, y, half = heapq.heappop(queue)
        if d > best[1]:
            best = (0.0, d, x, y, half)
        if -bound - best[1] <= precision:  # no point in this cell can do better
            continue
        half /= 2
        for sx in (-half, half):
            for sy in (-half, half):
                heapq.heappush(queue, entry(x + sx, y + sy, half))
    return (best[2] / squeeze, best[3])


def _ring_area(ring: list[Point]) -> float:
    pairs = zip(ring, ring[1:] + ring[:1], strict=True)
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairs)) / 2


def build(reference: Path, data_dir: Path) -> dict[Path, str]:
    """The content every derived file should have, by path."""
    rows = read_terc(reference)
    simc = read_simc(reference)
    centres_path = data_dir / "centres.toml"
    derived = {
        data_dir / "teryt.json": build_register(rows),
        data_dir / "county_index.json": build_county_index(rows),
        centres_path: with_counties_block(centres_path.read_text(encoding="utf-8"), build_counties_block(rows)),
        data_dir / "places.json": build_places(rows),
        data_dir / "localities.json": build_localities(simc),
        data_dir / "localities.tsv": build_locality_index(simc, rows),
    }
    derived[data_dir / "place_index.tsv"] = build_place_index(
        derived[data_dir / "places.json"], derived[data_dir / "localities.json"]
    )
    layers = {layer: build_layer(reference, layer) for layer in GEO_LAYERS}
    for layer, text in layers.items():
        derived[data_dir / f"{layer}.json"] = text
    derived[data_dir / "boxes.json"] = build_boxes(layers)
    return derived


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--data", type=Path, default=PROJECT / "data")
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    args = parser.parse_args(argv)
    stale = []
    for path, content in build(args.reference, args.data).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == content:
            continue
        stale.append(path)
        if not args.check:
            path.write_text(content, encoding="utf-8")
    for path in stale:
        print(("differs: " if args.check else "wrote: ") + str(path), file=sys.stderr)
    return 1 if (args.check and stale) else 0


if __name__ == "__main__":
    raise SystemExit(main())
