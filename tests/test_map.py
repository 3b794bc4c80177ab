"""`owes map`: a picture of who serves where, written safely."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import BUNDLED, Owes

from owes_cli.domain import dataset, load_register, places
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
    assert (root.get("width"), root.get("height")) == ("743", "1013")
    paths = root.findall(f"{SVG}path")
    assert len(paths) == 14
    fills = {p.get("fill") for p in paths}
    assert len(fills) == 2  # the two centres of 2013–2015, one colour each
    # Two seats, and each centre's legend box holding its seat: a marker and its dark edge each.
    assert len(root.findall(f"{SVG}circle")) == 8
    texts = [t.text for t in root.iter(f"{SVG}text")]
    running = " ".join(text or "" for text in texts)  # the legend's lines, wrapped, read as one
    for label in (
        "żarski",
        "strzelecko-drezdenecki",
        "Gorzów Wielkopolski",
        "Zielona Góra",
        "subregionu gorzowskiego",
    ):
        assert label in running, label
    assert not any("not in our sources" in (text or "") for text in texts)
    assert not any("seat of a centre" in (text or "") for text in texts)  # the boxes show the seats
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
    assert "subregionu gorzowskiego — seat of a centre" in texts


def test_png_map(owes: Owes, tmp_path: Path) -> None:
    from PIL import Image

    target = tmp_path / "map.png"
    run = owes("map", "-o", str(target), "--on", "2014-06-01", "--lang", "pl")
    assert run.exit_code == ExitCode.OK
    assert run.stderr == f"Zapisano mapę: {target}\n"
    with Image.open(io.BytesIO(target.read_bytes())) as image:
        assert image.format == "PNG"
        assert image.size == (1486, 2025)
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
    loaded_register = load_register()
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
    assert "gorzowski: powiat, o który pytano" in " ".join(t.text or "" for t in root.iter(f"{SVG}text"))

    plain = _drawing("2014-06-01", "pl")
    assert not any(shape.emphasised for shape in plain.shapes)
    assert not any(entry.emphasised for entry in plain.legend)


def test_png_bytes_depend_only_on_the_map() -> None:
    drawing = _drawing("2017-05-01", "en")
    first = map_render.to_png(drawing, scale=1)
    assert first == map_render.to_png(drawing, scale=1)
    assert first.startswith(b"\x89PNG") and b"tIME" not in first and b"tEXt" not in first


def _seat_colours(drawing: coverage_map.CoverageMap) -> dict[str, str]:
    return {seat.name: seat.style.fill for seat in drawing.seats}


def test_each_centre_keeps_its_colour_in_every_period() -> None:
    then, middle, now = (_drawing(day, "en") for day in ("2014-06-01", "2017-05-01", "2026-11-26"))
    assert _seat_colours(then) == _seat_colours(middle) == _seat_colours(now)
    colours = _seat_colours(now)
    assert colours.keys() == {"Gorzów Wielkopolski", "Zielona Góra"}
    assert len(set(colours.values())) == 2
    # 2014's confirmed counties wear their centre's colour: Zielona Góra's county, Zielona Góra's seat.
    fill = {shape.name: shape.style.fill for shape in then.shapes}
    assert fill["Zielona Góra"] == fill["żarski"] == colours["Zielona Góra"]
    assert fill["Gorzów Wielkopolski"] == fill["słubicki"] == colours["Gorzów Wielkopolski"]


def test_colours_follow_the_seat_not_the_order_of_the_dataset() -> None:
    loaded = dataset.load(BUNDLED, load_register())
    reordered = loaded._replace(centres=dict(reversed(list(loaded.centres.items()))))
    assert coverage_map.centre_styles(reordered) == coverage_map.centre_styles(loaded)
    styles = coverage_map.centre_styles(loaded)
    assert styles["zielona-gora-2013"] == styles["zielona-gora-2016"] == styles["zielona-gora-2024"]
    assert styles["gorzow-2013"] == styles["lowes-2016"] == styles["gorzow-2024"]


@pytest.mark.parametrize(
    ("day", "emphasise"), [("2014-06-01", None), ("2017-05-01", None), ("2026-11-26", None), ("2014-06-01", "0811")]
)
def test_every_legend_entry_shows_something_on_the_map(day: str, emphasise: str | None) -> None:
    drawing = _drawing(day, "en", **({"emphasise": emphasise} if emphasise else {}))
    seat_styles = {seat.style for seat in drawing.seats}
    area_styles = {shape.style for shape in drawing.shapes}
    for entry in drawing.legend:
        if entry.marker or entry.seat:
            assert entry.style in seat_styles, entry.text
        if not entry.marker:
            assert entry.style in area_styles, entry.text
        if entry.emphasised:
            assert any(shape.emphasised for shape in drawing.shapes)
    # Every seat and every kind of area is explained once.
    explained = {(entry.style, entry.marker or entry.seat) for entry in drawing.legend}
    assert all((style, True) in explained for style in seat_styles)
    assert len(drawing.legend) == len({(entry.style, entry.marker, entry.emphasised) for entry in drawing.legend})


def test_seat_markers_have_a_white_ring() -> None:
    root = ET.fromstring(map_render.to_svg(_drawing("2014-06-01", "en")))
    markers = [c for c in root.findall(f"{SVG}circle") if c.get("fill") != "none"]
    assert markers and all(c.get("stroke") == "#FFFFFF" for c in markers)


@pytest.mark.parametrize("day", ["2014-06-01", "2026-11-26"])
def test_png_map_fills_its_canvas(day: str) -> None:
    """The legend sits in the region's empty corner, not in a column of its own: little of the picture is blank."""
    from PIL import Image

    with Image.open(io.BytesIO(map_render.to_png(_drawing(day, "en"), scale=0.5))) as image:
        grey = image.convert("L")
    n = 12
    blank = sum(
        _darkest(
            grey.crop(
                (i * grey.width // n, j * grey.height // n, (i + 1) * grey.width // n, (j + 1) * grey.height // n)
            )
        )
        > 250
        for i in range(n)
        for j in range(n)
    )
    assert blank / n**2 < 0.33  # the region's own empty corners; it was 0.39–0.42 with the legend beside the map


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize(("day", "emphasise"), [("2014-06-01", None), ("2026-11-26", None), ("2026-11-26", "0811")])
def test_word_picture_prints_names_at_7_pt_or_more(lang: str, day: str, emphasise: str | None) -> None:
    """The Word picture spans the text width: the names' size in print follows from the map's width."""
    from owes_cli.render import word

    drawing = _drawing(day, lang, **({"emphasise": emphasise} if emphasise else {}))
    mm_per_unit = word.MAP_WIDTH_MM / drawing.width
    assert coverage_map.LABEL_SIZE * mm_per_unit / (25.4 / 72) >= 7


def _darkest(grey: Any) -> float:
    """The darkest value of a greyscale ("L") picture."""
    low = grey.getextrema()[0]
    assert isinstance(low, int | float)
    return low
