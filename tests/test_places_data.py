"""The gazetteer and boundaries shipped are what scripts/build_data.py derives from ../shared/reference."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT

DERIVED = [
    "places.json",
    "localities.json",
    "localities.tsv",
    "place_index.tsv",
    "gminy.json",
    "powiaty.json",
    "wojewodztwa.json",
    "boxes.json",
]


def test_gazetteer_and_boundaries_match_a_rebuild(reference: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_data", PROJECT / "scripts" / "build_data.py")
    assert spec and spec.loader
    build_data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_data)
    built = build_data.build(reference, PROJECT / "data")
    for name in DERIVED:
        path = PROJECT / "data" / name
        assert path.read_text(encoding="utf-8") == built[path], f"{path} is stale: run scripts/build_data.py"


def test_the_shipped_boxes_are_those_of_the_shipped_layers() -> None:
    # A point is looked for only in the areas whose box holds it: a box too small would lose it.
    from owes_cli.domain import geo

    boxes = json.loads((PROJECT / "data" / "boxes.json").read_text(encoding="utf-8"))
    for layer in geo.LAYERS:
        areas = geo.raw_layer(layer)["areas"]
        assert boxes[layer] == {code: geo.box(encoded) for code, (_, _, encoded) in areas.items()}
        for code, (x0, y0, x1, y1) in boxes[layer].items():
            outline = [point for polygon in geo.load_layer(layer).areas[code].polygons for point in polygon[0]]
            xs, ys = [x for x, _ in outline], [y for _, y in outline]
            assert (min(xs), min(ys), max(xs), max(ys)) == (x0 * geo.UNIT, y0 * geo.UNIT, x1 * geo.UNIT, y1 * geo.UNIT)


@pytest.mark.parametrize(
    ("args", "heavy"),
    [
        (
            ["which-centre", "--county", "żarski"],
            ["owes_cli.domain.geo", "owes_cli.domain.places", "PIL", "fpdf", "docx"],
        ),
        (["which-centre", "--place", "Żary"], ["PIL", "fpdf", "docx", "owes_cli.layout.coverage_map"]),
        (["which-centre", "--place", "Olbrachtów"], ["PIL", "fpdf", "docx", "owes_cli.layout.coverage_map", "sqlite3"]),
        (["which-centre", "--at", "51.6417,15.1381"], ["PIL", "fpdf", "docx", "owes_cli.layout.coverage_map"]),
    ],
)
def test_lookups_load_only_what_they_need(args: list[str], heavy: list[str]) -> None:
    code = (
        "import sys\nfrom owes_cli.cli import app\n"
        "try:\n    app(" + repr(args) + ")\nexcept SystemExit:\n    pass\n"
        "print(' '.join(m for m in " + repr(heavy) + " if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT,
        env={"OWES_LANG": "en", "PATH": ""},
    )
    assert done.stdout.splitlines()[-1] == ""
