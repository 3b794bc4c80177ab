"""`owes map`: a picture of who serves where, written safely."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from conftest import BUNDLED, Owes

from owes_cli.domain import dataset, places, register
from owes_cli.errors import ExitCode
from owes_cli.layout import coverage_map
from owes_cli.render import map_image as map_render

SVG = "{http://www.w3.org/2000/svg}"


def _title(path: ET.Element) -> str:
    """The <title> of an SVG element: the county it draws."""
    title = path.find(f"{SVG}title")
    assert title is not None and title.text is not None
    return title.text


def _svg(path: Path) -> ET.Element:
    return ET.fromstring(path.read_bytes())


def test_svg_map_of_2014(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    run = owes("map", "-o", str(target), "--on", "2014-06-01")
    assert run.exit_code == ExitCode.OK
    assert (run.stdout, run.stderr) == ("", f"Map written: {target}\n")
    root = _svg(target)
    assert (root.get("width"), root.get("height")) == ("1010", "1026")
    paths = root.findall(f"{SVG}path")
    assert len(paths) == 14
    fills = {p.get("fill") for p in paths}
    assert len(fills) == 2  # the two centres of 2013–2015, one colour each
    assert len(root.findall(f"{SVG}circle")) == 3  # two seats and the legend's marker
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for label in (
        "żarski",
        "strzelecko-drezdenecki",
        "Gorzów Wielkopolski",
        "Zielona Góra",
        "subregionu gorzowskiego",
        "seat of a centre",
    ):
        assert any(label in (text or "") for text in texts), label
    assert not any("not in our sources" in (text or "") for text in texts)
    # Powiat gorzowski keeps its hole: two rings, filled even-odd.
    gorzowski = next(p for p in paths if _title(p) == "gorzowski (0801)")
    assert gorzowski.get("d", "").count("M") == 2 and gorzowski.get("fill-rule") == "evenodd"


def test_unknown_coverage_is_drawn_as_not_in_our_sources(owes: Owes, tmp_path: Path) -> None:
    text = BUNDLED.read_text(encoding="utf-8")
    without = re.sub(r'(id = "gorzow-2013".*?)\ncoverage = \{[^\n]*\}', r"\1", text, count=1, flags=re.S)
    assert without != text
    dataset = tmp_path / "centres.toml"
    dataset.write_text(without, encoding="utf-8")
    target = tmp_path / "map.svg"
    run = owes("map", "-o", str(target), "--on", "2014-06-01", "--data", str(dataset))
    assert run.exit_code == ExitCode.OK, run.stderr
    root = _svg(target)
    hatched = [_title(p) for p in root.findall(f"{SVG}path") if p.get("fill") == "url(#unknown)"]
    assert sorted(hatched) == sorted(
        [
            "gorzowski (0801)",
            "Gorzów Wielkopolski (0861)",
            "międzyrzecki (0803)",
            "słubicki (0805)",
            "strzelecko-drezdenecki (0806)",
            "sulęciński (0807)",
        ]
    )
    texts = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert "which centre: not in our sources" in texts
    # The centre whose counties are unknown still has its seat on the map.
    assert "subregionu gorzowskiego — seat of a" in texts


def test_png_map(owes: Owes, tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "map.png"
    run = owes("map", "-o", str(target), "--on", "2014-06-01", "--lang", "pl")
    assert run.exit_code == ExitCode.OK
    assert run.stderr == f"Zapisano mapę: {target}\n"
    with Image.open(io.BytesIO(target.read_bytes())) as image:
        assert image.format == "PNG"
        assert image.size == (2020, 2051)
        counted = image.getcolors(maxcolors=1 << 20)
        assert counted is not None
        colours = {colour for _, colour in counted}
    assert (0xE6, 0x9F, 0x00) in colours and (0x00, 0x72, 0xB2) in colours


def test_existing_file_needs_force_and_stays_untouched(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "map.svg"
    target.write_text("keep me", encoding="utf-8")
    run = owes("map", "-o", str(target))
    assert run.exit_code == ExitCode.CANNOT_WRITE
    assert run.stderr == f"{target} already exists; add --force to replace it.\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    assert owes("map", "-o", str(target), "--force").exit_code == ExitCode.OK
    assert target.read_bytes().startswith(b"<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["map.svg"]  # no temporary file left behind


def test_svg_to_stdout(owes: Owes) -> None:
    run = owes("map", "-o", "-", "--format", "svg", "--on", "2014-06-01")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')


@pytest.mark.parametrize("name", ["map.gif", "map"])
def test_unknown_image_format(owes: Owes, tmp_path: Path, name: str) -> None:
    run = owes("map", "-o", str(tmp_path / name))
    assert run.exit_code == ExitCode.USAGE
    assert "end it with .svg/.png, or give --format svg|png." in run.stderr
    assert list(tmp_path.iterdir()) == []


def _drawing(day: str, lang: str, **options: str) -> coverage_map.CoverageMap:
    loaded_register = register.load_register()
    loaded = dataset.load(BUNDLED, loaded_register)
    return coverage_map.coverage_map(
        loaded, loaded_register, places.load_gazetteer(), date.fromisoformat(day), lang, **options
    )


def test_an_emphasised_county_is_outlined_and_named_in_the_legend() -> None:
    drawing = _drawing("2014-06-01", "pl", emphasise="0801")
    assert [shape.name for shape in drawing.shapes if shape.emphasised] == ["gorzowski"]
    last = drawing.legend[-1]
    assert (last.text, last.emphasised) == ("gorzowski: powiat, o który pytano", True)
    assert last.style == next(shape.style for shape in drawing.shapes if shape.emphasised)  # its own colour

    root = ET.fromstring(map_render.to_svg(drawing))
    outlined = [p for p in root.findall(f"{SVG}path") if p.get("fill") == "none"]
    assert len(outlined) == 1 and outlined[0].get("stroke-width") == str(coverage_map.EMPHASIS_WIDTH)
    assert outlined[0].get("d", "").count("M") == 2  # its border with the city of Gorzów too
    assert "gorzowski: powiat, o który pytano" in [t.text for t in root.iter(f"{SVG}text")]

    plain = _drawing("2014-06-01", "pl")
    assert not any(shape.emphasised for shape in plain.shapes)
    assert not any(entry.emphasised for entry in plain.legend)


def test_png_bytes_depend_only_on_the_map() -> None:
    drawing = _drawing("2017-05-01", "en")
    first = map_render.to_png(drawing, scale=1)
    assert first == map_render.to_png(drawing, scale=1)
    assert first.startswith(b"\x89PNG") and b"tIME" not in first and b"tEXt" not in first
