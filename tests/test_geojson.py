"""`owes export -o FILE.geojson`: the coverage map as data, as a GIS user opens it (QGIS, uMap)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import geojson  # type: ignore[import-untyped]
import pytest
from conftest import Owes

from owes_cli.errors import ExitCode

LUBUSKIE = {
    "0801": "gorzowski",
    "0802": "krośnieński",
    "0803": "międzyrzecki",
    "0804": "nowosolski",
    "0805": "słubicki",
    "0806": "strzelecko-drezdenecki",
    "0807": "sulęciński",
    "0808": "świebodziński",
    "0809": "zielonogórski",
    "0810": "żagański",
    "0811": "żarski",
    "0812": "wschowski",
    "0861": "Gorzów Wielkopolski",
    "0862": "Zielona Góra",
}
# A day of the first period, one between two periods, and a fixed day of the current one.
DAYS = ("2014-06-01", "2015-11-01", "2026-03-01")

Position = tuple[float, float]


def export_geojson(owes: Owes, tmp_path: Path, *args: str, lang: str = "en") -> tuple[dict[str, Any], str]:
    target = tmp_path / "coverage.geojson"
    run = owes("--lang", lang, "export", "-o", str(target), *args)
    assert (run.exit_code, run.stdout) == (0, ""), run.stderr
    return json.loads(target.read_text(encoding="utf-8")), run.stderr


def counties_json(owes: Owes, day: str, lang: str = "en", *args: str) -> list[dict[str, Any]]:
    run = owes("--lang", lang, "counties", "--on", day, "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    rows: list[dict[str, Any]] = json.loads(run.stdout)
    return rows


def features(collection: dict[str, Any], layer: str) -> list[dict[str, Any]]:
    return [f for f in collection["features"] if f["properties"]["layer"] == layer]


def polygons(geometry: dict[str, Any]) -> list[list[list[Position]]]:
    if geometry["type"] == "Polygon":
        return [[[tuple(p) for p in ring] for ring in geometry["coordinates"]]]
    assert geometry["type"] == "MultiPolygon"
    return [[[tuple(p) for p in ring] for ring in polygon] for polygon in geometry["coordinates"]]


def twice_area(ring: list[Position]) -> float:
    """The shoelace sum: positive for a counter-clockwise ring (x east, y north)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def inside(polygon: list[list[Position]], point: Position) -> bool:
    """Even-odd ray casting over every ring, so a hole (Gorzów inside gorzowski) is outside."""
    x, y = point
    crossings = 0
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


@pytest.mark.parametrize("day", DAYS)
def test_the_file_is_valid_geojson_with_every_county_once(owes: Owes, tmp_path: Path, day: str) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", day)
    parsed = geojson.loads(json.dumps(collection))
    assert parsed.is_valid, parsed.errors()
    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946 §4: WGS84 only, no crs member
    counties = features(collection, "county")
    assert sorted(f["properties"]["teryt"] for f in counties) == sorted(LUBUSKIE)
    assert {f["properties"]["teryt"]: f["properties"]["name"] for f in counties} == LUBUSKIE
    for feature in counties:
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        for polygon in polygons(feature["geometry"]):
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                for x, y in ring:
                    assert 14 < x < 17 and 51 < y < 53.5  # lon, lat: Lubuskie, not lat, lon
                    assert round(x, 4) == x and round(y, 4) == y


@pytest.mark.parametrize("day", DAYS)
def test_each_county_says_what_counties_says_for_the_day(owes: Owes, tmp_path: Path, day: str) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", day)
    shown = {f["properties"]["teryt"]: f["properties"] for f in features(collection, "county")}
    rows = counties_json(owes, day)
    assert len(rows) == len(shown)
    for row in rows:
        properties = shown[row["teryt"]]
        centre = properties["centre"]
        last = properties["last_confirmed"]
        as_row = {
            "teryt": properties["teryt"],
            "name": properties["name"],
            "kind": properties["kind"],
            "centre": centre and centre["id"],
            "centre_name": centre and centre["name"],
            "coverage": properties["coverage"],
            "period": properties["period"]["id"],
            "period_status": properties["status"],
            "last_confirmed": last and last["id"],
            "candidates": [c["name"] for c in properties["candidates"]] or None,
            "period_name": properties["period"]["name"],
            "last_confirmed_name": last and last["name"],
        }
        assert as_row == row
        assert properties["day"] == day


def test_sources_are_numbered_once_for_the_file(owes: Owes, tmp_path: Path) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", "2026-03-01")
    listed = {source["number"]: source["id"] for source in collection["sources"]}
    cited = [s for f in features(collection, "county") for s in f["properties"]["sources"]]
    assert cited, "an answer without sources"
    assert {s["number"]: s["id"] for s in cited}.items() <= listed.items()
    assert set(listed.values()) == {s["id"] for s in cited}  # every listed source is cited
    assert all(source["title"] for source in collection["sources"])


@pytest.mark.parametrize("day", DAYS)
def test_exterior_rings_run_counter_clockwise_and_holes_clockwise(owes: Owes, tmp_path: Path, day: str) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", day)
    holes = 0
    for feature in features(collection, "county"):
        for polygon in polygons(feature["geometry"]):
            assert twice_area(polygon[0]) > 0, feature["properties"]["name"]
            for hole in polygon[1:]:
                holes += 1
                assert twice_area(hole) < 0, feature["properties"]["name"]
    assert holes >= 1  # the city of Gorzów Wielkopolski is a hole in the gorzowski county


@pytest.mark.parametrize("day", ["2014-06-01", "2026-03-01"])
def test_every_seat_lies_inside_its_county(owes: Owes, tmp_path: Path, day: str) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", day)
    outline = {f["properties"]["teryt"]: polygons(f["geometry"]) for f in features(collection, "county")}
    seats = features(collection, "seat")
    assert seats, "the map draws seats on this day"
    named = {f["properties"]["centre"]["id"] for f in features(collection, "county") if f["properties"]["centre"]}
    candidates = {c["id"] for f in features(collection, "county") for c in f["properties"]["candidates"]}
    for seat in seats:
        assert seat["geometry"]["type"] == "Point"
        point: Position = tuple(seat["geometry"]["coordinates"])
        county = seat["properties"]["teryt"]
        assert any(inside(polygon, point) for polygon in outline[county]), seat["properties"]
        others = [code for code, shapes in outline.items() if any(inside(p, point) for p in shapes)]
        assert others == [county]
        assert seat["properties"]["centre"]["id"] in named | candidates
        assert seat["properties"]["centre"]["name"]


def test_the_same_day_gives_the_same_bytes_features_sorted(owes: Owes, tmp_path: Path) -> None:
    first = tmp_path / "a.geojson"
    second = tmp_path / "b.geojson"
    for target in (first, second):
        assert owes("export", "-o", str(target), "--on", "2014-06-01", "--quiet").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    ids = [json.loads(line.rstrip(","))["id"] for line in lines[1:-1]]  # one feature a line, for diffs
    assert ids == sorted(LUBUSKIE) + sorted(i for i in ids if i.startswith("seat:"))


def test_an_existing_file_is_replaced_only_with_force(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "coverage.geojson"
    target.write_text("old", encoding="utf-8")
    run = owes("export", "-o", str(target))
    assert (run.exit_code, run.stdout) == (ExitCode.CANNOT_WRITE, "")
    assert run.stderr == f"{target} already exists; add --force to replace it.\n"
    assert target.read_text(encoding="utf-8") == "old"
    run = owes("--lang", "pl", "export", "-o", str(target))
    assert run.exit_code == ExitCode.CANNOT_WRITE and "--force" in run.stderr and "already" not in run.stderr
    assert owes("export", "-o", str(target), "--force", "--quiet").exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


def test_format_option_and_stdout(owes: Owes, tmp_path: Path) -> None:
    run = owes("export", "-o", "-", "--format", "geojson", "--on", "2014-06-01")
    assert (run.exit_code, run.stderr) == (0, "")
    assert geojson.loads(run.stdout).is_valid
    mismatch = owes("export", "-o", str(tmp_path / "x.json"), "--format", "geojson")
    assert mismatch.exit_code == ExitCode.USAGE and not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    ("lang", "said", "refused"),
    [
        ("en", "GeoJSON written: ", "A GeoJSON file holds every county of the region"),
        ("pl", "Zapisano plik GeoJSON: ", "Plik GeoJSON obejmuje wszystkie powiaty regionu"),
    ],
)
def test_messages_in_both_languages(owes: Owes, tmp_path: Path, lang: str, said: str, refused: str) -> None:
    collection, stderr = export_geojson(owes, tmp_path, "--on", "2014-06-01", lang=lang)
    assert stderr == f"{said}{tmp_path / 'coverage.geojson'}\n"
    run = owes("--lang", lang, "export", "-o", str(tmp_path / "one.geojson"), "--county", "żarski")
    assert (run.exit_code, run.stdout) == (ExitCode.USAGE, "")
    assert run.stderr.startswith(refused) and not (tmp_path / "one.geojson").exists()
    # The period's name follows the language, as in `owes counties`.
    names = {f["properties"]["period"]["name"] for f in features(collection, "county")}
    assert names == {row["period_name"] for row in counties_json(owes, "2014-06-01", lang)}


def test_quiet_says_nothing(owes: Owes, tmp_path: Path) -> None:
    run = owes("export", "-o", str(tmp_path / "c.geojson"), "--quiet")
    assert (run.exit_code, run.stdout, run.stderr) == (0, "", "")
    # Without --on the file answers for today, as `owes counties` does.
    collection = json.loads((tmp_path / "c.geojson").read_text(encoding="utf-8"))
    today = counties_json(owes, collection["day"])
    assert [f["properties"]["status"] for f in features(collection, "county")] == [r["period_status"] for r in today]


@pytest.mark.parametrize("day", DAYS)
def test_each_county_cites_the_sources_which_centre_cites(owes: Owes, tmp_path: Path, day: str) -> None:
    collection, _ = export_geojson(owes, tmp_path, "--on", day)
    for feature in features(collection, "county"):
        properties = feature["properties"]
        run = owes("which-centre", "--county", properties["teryt"], "--on", day, "--format", "json")
        answer = json.loads(run.stdout)
        assert [s["id"] for s in properties["sources"]] == [s["id"] for s in answer["sources"]]
        assert [c["id"] for c in properties["candidates"]] == [c["id"] for c in answer["centres"]]


def test_a_county_without_shipped_boundaries_is_listed_without_geometry(owes: Owes, tmp_path: Path) -> None:
    from test_regions import two_regions

    data = tmp_path / "two.toml"
    data.write_text(two_regions(), encoding="utf-8")
    target = tmp_path / "two.geojson"
    run = owes("export", "-o", str(target), "--on", "2014-06-01", "--data", str(data))
    assert run.exit_code == 0, run.stderr
    collection = json.loads(target.read_text(encoding="utf-8"))
    assert geojson.loads(json.dumps(collection)).is_valid
    counties = {f["properties"]["teryt"]: f for f in features(collection, "county")}
    rows = counties_json(owes, "2014-06-01", "en", "--data", str(data))
    assert sorted(counties) == [row["teryt"] for row in rows] == ["0811", "3021"]
    assert counties["3021"]["geometry"] is None  # RFC 7946 §3.2: an unlocated feature, its answer kept
    assert counties["0811"]["geometry"]["type"] == "Polygon"
    voivodeships = {t: f["properties"].get("voivodeship") for t, f in counties.items()}
    assert voivodeships == {r["teryt"]: r["voivodeship"] for r in rows} == {"0811": "lubuskie", "3021": "wielkopolskie"}
