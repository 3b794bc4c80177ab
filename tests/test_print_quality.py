"""Documents a regional office can hand out: what their pages, pictures and files hold, read back.

Fast checks over the renderers' own output; the slow sweep over every county,
day and language is in test_document_sweep.py.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import big_datasets
import pypdf
import pytest
from conftest import BUNDLED

from owes_cli.domain import dataset, load_register, places
from owes_cli.errors import CannotWriteError, ExitCode
from owes_cli.layout import PageBreak, Paragraph, Run, Table, coverage_map, spreadsheet
from owes_cli.layout.report import Report
from owes_cli.render import map_image as map_render
from owes_cli.render import pdf, xlsx


def test_a_pdf_of_a_thousand_pages_counts_them_without_a_warning() -> None:
    blocks = tuple(block for _ in range(1000) for block in (Paragraph((Run("Strona."),)), PageBreak()))
    report = Report("pl", "Tytuł", "Podtytuł", "", "", "Nagłówek", datetime(2026, 1, 1, tzinfo=UTC), blocks[:-1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fpdf2's "wider than the reserved alias" would fail here
        data = pdf.render(report)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1000
    assert "Strona 1000 z 1000" in reader.pages[-1].extract_text()
    assert "Strona 7 z 1000" in reader.pages[6].extract_text()


# --------------------------------------------------------------------------
# The map: names apart and inside the picture, titles whole, a scale and a north
# --------------------------------------------------------------------------

DAYS = ("2026-11-26", "2014-06-01", "2017-01-01")


@functools.cache
def _sources() -> tuple[Any, Any, Any]:
    reg = load_register()
    return dataset.load(BUNDLED, reg), reg, places.load_gazetteer()


def _map(day: str, lang: str, emphasise: str | None = None) -> coverage_map.CoverageMap:
    data, reg, gazetteer = _sources()
    return coverage_map.coverage_map(data, reg, gazetteer, date.fromisoformat(day), lang, emphasise=emphasise)


def _assert_apart_and_inside(labels: list[coverage_map.Label], bounds: coverage_map.Box) -> None:
    boxes = [label.box for label in labels]
    for i, box in enumerate(boxes):
        assert coverage_map.inside(box, bounds), (labels[i].text, box, bounds)
        for j in range(i):
            assert not coverage_map.overlap(box, boxes[j]), (labels[i].text, labels[j].text)


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_picture_names_never_collide_nor_leave_it(day: str, lang: str) -> None:
    m = _map(day, lang)
    for titled in (True, False):
        bounds = map_render.picture_bounds(m, titled=titled)
        labels = coverage_map.place_labels(m, 1.0, bounds)
        _assert_apart_and_inside(labels, bounds)
        assert all(not coverage_map.overlap(label.box, m.legend_box()) for label in labels)
        assert {label.text.replace("-\n", "-") for label in labels} >= {s.name for s in m.shapes if s.labelled}


@pytest.mark.parametrize("day", DAYS)
def test_fact_sheet_maps_keep_every_county_name_apart_and_the_asked_one_in_its_county(day: str) -> None:
    """The small map beside a fact sheet, for each of the 14 counties: names at least 6 pt, none over another."""
    data = _sources()[0]
    for code in sorted(data.counties):
        m = coverage_map.region_only(_map(day, "pl", emphasise=code))
        points = [p for shape in m.shapes for ring in shape.rings for p in ring]
        bounds = (min(x for x, _ in points), m.body[0], max(x for x, _ in points), max(y for _, y in points) + 7)
        mm = 56 / (bounds[2] - bounds[0])  # the sheet's map column
        grow = 7 * pdf.PT / (coverage_map.LABEL_SIZE * mm)
        labels = coverage_map.place_labels(m, grow, bounds, legend=False, shrink=6 / 7)
        _assert_apart_and_inside(labels, bounds)
        asked = next(shape for shape in m.shapes if shape.emphasised)
        mine = [label for label in labels if not label.bold and label.text.replace("-\n", "-") == asked.name]
        if mine:  # a city county holding a seat is named by the seat's label, and ringed
            middle = mine[0].at if mine[0].leader is None else mine[0].leader
            assert coverage_map._rings_contain(asked.rings, middle), asked.name
        else:  # a city county holding a seat is named by the seat's label; ringed when too small to see
            assert any(label.bold and label.text == asked.name for label in labels), asked.name
            xs, ys = [x for ring in asked.rings for x, _ in ring], [y for ring in asked.rings for _, y in ring]
            across = max(max(xs) - min(xs), max(ys) - min(ys))
            assert m.spotlight is not None or across >= coverage_map.SPOTLIGHT_BELOW, asked.name


@pytest.mark.parametrize("day", DAYS)
@pytest.mark.parametrize("lang", ["pl", "en"])
def test_png_title_and_subtitle_fit_the_canvas_as_drawn(day: str, lang: str) -> None:
    """Measured with the font the PNG is drawn in: "…województwo lubuskie" is never cut."""
    m = _map(day, lang)
    for narrow in (m, m._replace(width=2 * coverage_map.MARGIN + coverage_map.MAP_WIDTH)):
        for text, size, bold in (
            (narrow.title, map_render._title_size(narrow), True),
            (narrow.subtitle, map_render._subtitle_size(narrow), False),
        ):
            left, _, right, _ = map_render._font(round(size * 2), bold).getbbox(text)
            assert 30 * 2 + right - left <= narrow.width * 2, text


def test_png_has_dpi_a_scale_bar_and_a_north_arrow() -> None:
    from PIL import Image

    m = _map("2014-06-01", "en")
    with Image.open(io.BytesIO(map_render.to_png(m))) as image:
        assert round(image.info["dpi"][0]) == 192
    svg = map_render.to_svg(m).decode()
    length, kilometres = coverage_map.scale_bar(m.km)
    assert f">{kilometres} km<" in svg and ">N<" in svg
    # 20 km is about 86 units at Lubuskie's scale: the bar says what it measures.
    assert abs(length / kilometres - m.km) < 1e-9 and 3 < m.km < 6


def test_a_map_where_every_county_is_unknown_says_so_in_words() -> None:
    m = _map("2026-11-26", "en")
    assert m.message == "For this day our sources do not say which centre serves which county."
    root = ET.fromstring(map_render.to_svg(m))
    words = " ".join(text.text or "" for text in root.iter("{http://www.w3.org/2000/svg}text"))
    assert m.message in words
    assert _map("2014-06-01", "en").message == ""


def test_a_city_county_asked_about_is_ringed() -> None:
    data = _sources()[0]
    city = next(code for code, county in data.counties.items() if county.name == "Gorzów Wielkopolski")
    m = _map("2026-11-26", "pl", emphasise=city)
    assert m.spotlight is not None
    (x, y), radius = m.spotlight
    asked = next(shape for shape in m.shapes if shape.emphasised)
    assert all((px - x) ** 2 + (py - y) ** 2 <= radius**2 for ring in asked.rings for px, py in ring)
    assert _map("2026-11-26", "pl", emphasise="0811").spotlight is None  # żarski is large enough to see


# --------------------------------------------------------------------------
# The spreadsheet: nothing cut, Excel's limits, print settings
# --------------------------------------------------------------------------


def _xlsx(book: spreadsheet.Workbook) -> Any:
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(xlsx.render(book, datetime(2026, 1, 1, tzinfo=UTC))))


def test_a_cell_longer_than_excel_holds_continues_below_it_whole() -> None:
    """Issue 20, item 8: openpyxl cut a 55,019-character cell at 32,767 without a word."""
    names = "\n".join(f"Ośrodek Wsparcia Ekonomii Społecznej numer {i}" for i in range(1500))
    assert len(names) > 2 * xlsx.MAX_CELL
    sheet = spreadsheet.Sheet("Usługi", ["Usługa", "Ośrodki"], [["Doradztwo", names], ["Szkolenia", "jeden"]])
    ws = _xlsx(spreadsheet.Workbook("Zbiór", "pl", [sheet]))["Usługi"]
    column = [ws.cell(row=r, column=2).value for r in range(2, ws.max_row + 1)]
    assert all(len(value or "") <= xlsx.MAX_CELL for value in column)
    assert "\n".join(column[:-1]) == names  # split after whole lines, nothing lost
    assert [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)] == ["Doradztwo", None, None, "Szkolenia"]


def test_a_sheet_past_excels_row_limit_is_refused_before_writing() -> None:
    rows: list[list[spreadsheet.Cell]] = [["x"]] * xlsx.MAX_ROWS  # with the header, one row too many
    book = spreadsheet.Workbook("Zbiór", "en", [spreadsheet.Sheet("Periods", ["Period"], rows)])
    with pytest.raises(CannotWriteError) as raised:
        xlsx.render(book, datetime(2026, 1, 1, tzinfo=UTC))
    assert raised.value.exit_code == ExitCode.CANNOT_WRITE
    assert "1,048,577 rows" in raised.value.message("en") and "Excel" in raised.value.message("en")
    assert "1\u00a0048\u00a0577 wierszy" in raised.value.message("pl")  # grouped as Polish groups


def test_a_counties_sheet_past_the_row_limit_is_refused_before_it_is_built(tmp_path: Path) -> None:
    """Issue 20, item 7: 4,675 periods over 380 counties make 1,776,501 rows; counting them is
    enough to refuse, where building them first took longer than writing any valid sheet."""
    path = tmp_path / "periods.toml"
    path.write_text(big_datasets.open_periods(10), encoding="utf-8")
    loaded = dataset.load(path, cache=False)
    with pytest.raises(CannotWriteError) as raised:
        spreadsheet.workbook(loaded, "en", max_rows=140)  # 14 counties × 10 periods, and the header
    assert raised.value.exit_code == ExitCode.CANNOT_WRITE
    assert '"Counties by period" would have 141 rows' in raised.value.message("en")
    assert "141" in raised.value.message("pl")
    assert len(spreadsheet.workbook(loaded, "en", max_rows=141).sheets[1].rows) == 140


def test_every_text_reads_back_as_written_in_its_own_column() -> None:
    """The rows are written as XML by hand (issue 20, item 7): markup characters, spaces at
    the ends, line breaks and empty texts read back exactly, and an empty cell moves nothing."""
    texts = ["a & b < c > d", "  spaced  ", "one\ntwo", "", "\"quoted\" 'text'", "zażółć gęślą jaźń"]
    link = spreadsheet.Link("https://example.org/?a=1&b=2", "https://example.org/?a=1&b=2")
    rows: list[list[spreadsheet.Cell]] = [[text, None, link, text] for text in texts]
    sheet = spreadsheet.Sheet("Texts", ["Text", "Empty", "Link", "Again"], rows, wide=frozenset({0}))
    ws = _xlsx(spreadsheet.Workbook("Zbiór", "pl", [sheet]))["Texts"]
    read = [[cell.value for cell in row] for row in ws.iter_rows(min_row=2, max_col=4)]
    assert read == [[text or None, None, link.text, text or None] for text in texts]
    assert all(ws.cell(row=r, column=3).hyperlink.target == link.url for r in range(2, len(texts) + 2))
    assert ws.row_dimensions[4].height == 2 * xlsx.LINE_HEIGHT  # "one\ntwo": two lines
    assert ws.auto_filter.ref == f"A1:D{len(texts) + 1}"


def test_sheets_print_legibly_with_named_fonts_and_capped_rows() -> None:
    narrow = spreadsheet.Sheet("Short", ["Name", "Seat"], [["Ośrodek", "Zielona Góra"]])
    wide = spreadsheet.Sheet(
        "Wide",
        [f"Column {i}" for i in range(17)],
        [[spreadsheet.Link("https://example.org/", "https://example.org/")] + ["tekst " * 400] * 16],
        wide=frozenset(range(17)),
    )
    book = _xlsx(spreadsheet.Workbook("Title", "en", [narrow, wide]))
    short, broad = book["Short"], book["Wide"]
    assert short.sheet_properties.pageSetUpPr.fitToPage and short.page_setup.fitToWidth == 1
    assert not broad.sheet_properties.pageSetUpPr.fitToPage  # fitted, 17 wide columns would print at 2.5 pt
    for ws in (short, broad):
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows == "$1:$1" and ws.freeze_panes == "B2"
        header = ws.cell(row=1, column=1).font
        assert (header.name, header.sz, header.b) == ("Calibri", 11, True)
    assert broad.row_dimensions[2].height <= 409
    link = broad.cell(row=2, column=1)
    assert link.hyperlink.target == "https://example.org/" and (link.font.name, link.font.sz) == ("Calibri", 11)


# --------------------------------------------------------------------------
# The fact sheet: one grid, one page, for every county, day and language
# --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_every_fact_sheet_is_one_page_in_the_one_grid(lang: str) -> None:
    """14 counties x 3 days: one arrangement (the map column from the answer down), one page each,
    no line ending in a one-letter word or inside an ISO date, and the heading names the county."""
    from owes_cli.directory import Directory

    assert len(pdf.SHEET_COLUMNS) == 1  # no second arrangement to fall back on
    directory = Directory.load(lang=lang)
    made = datetime(2026, 1, 1, tzinfo=UTC)
    for code, county in sorted(directory.dataset.counties.items()):
        for day in DAYS:
            report = directory.document(on=date.fromisoformat(day), county=county.name, generated=made)
            reader = pypdf.PdfReader(io.BytesIO(pdf.render(report)))
            assert len(reader.pages) == 1, (code, day)
            lines = reader.pages[0].extract_text().splitlines()
            assert county.name.split()[0] in lines[0] or county.name in " ".join(lines[:2]), (code, lines[:2])
            for line in lines:
                assert not re.search(r"(?:^|\s)[aiouwzAIOUWZ]$", line.rstrip()) or lang == "en", line
                assert not re.search(r"\d{4}-(?:\d{2}-)?$", line.rstrip()), line  # "2024-01-" | "01"


def _fpdf_page() -> Any:
    from fpdf import FPDF

    page = FPDF(unit="mm", format="A4")
    page.add_font(pdf.FAMILY, "", str(pdf.FONTS / "DejaVuSans.ttf"))
    page.add_font(pdf.FAMILY, "B", str(pdf.FONTS / "DejaVuSans-Bold.ttf"))
    page.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))
    page.set_margins(pdf.MARGIN, pdf.MARGIN, pdf.MARGIN)
    page.add_page()
    return page


# (style, text, link, laid out by `_write_lines`): the last two are left to fpdf2's own `write`
WRITTEN = [
    ("", "Ośrodek Wsparcia Ekonomii Społecznej w Żarach", "", True),
    ("B", "ul.\u00a0Długa\u00a012, 68-200\u00a0Żary", "", True),
    ("U", "https://owes.example.pl/", "https://owes.example.pl/", True),
    ("", "Zielona Góra " * 20, "", True),
    ("B", "Stowarzyszenie  Pracowników Służb Społecznych „Krąg”, " * 6 + " ", "", True),
    ("", "w\u00a0Zielonej\u00a0Górze i\u00a01\u00a0partner, " * 9, "https://owes.example.pl/", True),
    ("", "pierwsza linia\ndruga", "", True),
    ("", "\nProwadzi: Wojewódzki\u00a0Urząd Pracy w\u00a0Zielonej\u00a0Górze; " * 3, "", True),
    ("B", "\n\n– \nźródło\n", "", True),
    ("", "Zielona Góra\n" * 3 + "Gorzów " * 30 + "\n", "", True),
    ("", "Konstantynopolitańczykówna" * 8, "", False),
    ("", "miękki\u00adłącznik " * 10, "", False),
]


def test_text_is_drawn_as_fpdf2s_write_draws_it_byte_for_byte() -> None:
    import fpdf

    # `_write_lines` repeats fpdf2 2.8.9's `write` (its line breaker and its drawing of each
    # line): another version must be compared again (this test, then the documents) before
    # the pin moves; until then it is left to `write`.
    assert fpdf.__version__ == pdf.WRITE_FPDF, "fpdf2 changed: check _write_lines against its write()"
    ours, theirs = _fpdf_page(), _fpdf_page()
    drawn = []
    # From the margin, the middle of a line and near its end; at two sizes; into columns of many
    # widths, so that some line ends within a hair of its room.
    columns = [(0, pdf.BODY_PT, pdf.MARGIN), (30, pdf.BODY_PT, pdf.MARGIN), (150, 12, 70)]
    columns += [(start % 40, pdf.BODY_PT, pdf.MARGIN + start * 1.37) for start in range(1, 90, 4)]
    for start, size, right in columns:
        for style, text, link, _ in WRITTEN:
            for page in (ours, theirs):
                page.set_right_margin(right)
                page.set_font(pdf.FAMILY, style, size)
                page.set_x(pdf.MARGIN + start)
            drawn.append(pdf._write_lines(ours, pdf.LINE, text, link))
            if not drawn[-1]:
                ours.write(pdf.LINE, text, link=link)
            theirs.write(pdf.LINE, text, link=link)
            for page in (ours, theirs):
                page.ln(pdf.LINE)
    assert drawn[: len(WRITTEN)] == [laid_out for *_, laid_out in WRITTEN]
    assert ours.page > 1  # the comparison covers a page break in the middle of a text
    assert bytes(ours.output()) == bytes(theirs.output())


def test_a_block_of_text_is_drawn_as_fpdf2s_multi_cell_draws_it_byte_for_byte() -> None:
    import fpdf

    # `_multi_cell_lines` repeats fpdf2 2.8.9's `multi_cell(w, h, text, align="L",
    # new_x="LMARGIN", new_y="NEXT")`; with another fpdf2 it is left to `multi_cell`.
    assert fpdf.__version__ == pdf.WRITE_FPDF, "fpdf2 changed: check _multi_cell_lines against its multi_cell()"
    ours, theirs = _fpdf_page(), _fpdf_page()
    drawn = []
    # A column from the current x (width 0) and labels' and legends' widths, some within a hair of a word.
    for start, size, width in [(0, 9.5, 0.0), (90, 7.5, 0.0), (0, 13.5, 120.0)] + [
        (n % 50, 8.0, 20 + n * 1.73) for n in range(0, 60, 3)
    ]:
        for style, text, *_ in WRITTEN:
            for page in (ours, theirs):
                page.set_font(pdf.FAMILY, style, size)
                page.set_x(pdf.MARGIN + start)
            drawn.append(pdf._multi_cell_lines(ours, width, pdf.LINE, text))
            if not drawn[-1]:
                ours.multi_cell(width, pdf.LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
            theirs.multi_cell(width, pdf.LINE, text, align="L", new_x="LMARGIN", new_y="NEXT")
            assert (ours.page, round(ours.x, 6), round(ours.y, 6)) == (
                theirs.page,
                round(theirs.x, 6),
                round(theirs.y, 6),
            )
    assert drawn[: len(WRITTEN)] == [laid_out for *_, laid_out in WRITTEN]
    assert ours.page > 1  # the comparison covers a page break in the middle of a block
    assert bytes(ours.output()) == bytes(theirs.output())


def _fpdf2_lines(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Have `_draw_line` hand every line to fpdf2's own `_render_styled_text_line`; the lines drawn so."""
    drawn: list[int] = []

    def by_fpdf2(page: Any, pen: Any, line: Any, height: float, new_x: Any, new_y: Any, **rest: Any) -> None:
        drawn.append(1)
        pdf._draw_line_fpdf(
            page, pen, line, height, new_x, new_y, rest.get("link"), rest.get("padding"), rest.get("right", False)
        )

    monkeypatch.setattr(pdf, "_draw_line", by_fpdf2)
    return drawn


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_each_line_is_drawn_as_fpdf2_draws_it_byte_for_byte(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`_draw_line` writes a line's operators itself (BT, Td, its colour, Tj with the font subset's
    codes, ET, its underline) and its link, as fpdf2 2.8.9's `_render_styled_text_line` does:
    whole documents come out the same either way. They hold text in every style and colour owes
    draws (headings, labels, bold, underlined links, fine print, lists with bullets and numbers,
    table cells, the fact sheet's answer box, measured on a stand-in first), page breaks in the
    middle of texts and of tables, and letters first used after a page's footer."""
    import fpdf

    from owes_cli.directory import Directory

    assert fpdf.__version__ == pdf.WRITE_FPDF, "fpdf2 changed: check _draw_line against _render_styled_text_line"
    made = datetime(2026, 1, 1, tzinfo=UTC)
    bundled = Directory.load(lang=lang, today=date(2026, 1, 1))
    reports = [
        bundled.document(generated=made),
        bundled.document(generated=made, county="żarski"),
        bundled.document(generated=made, county="Zielona Góra", on="2014-06-01"),
        bundled.document(generated=made, centre=sorted(bundled.dataset.centres)[0]),
    ]
    for name, text in (
        ("services", big_datasets.services_everywhere(6)),
        ("centres", big_datasets.one_period_many_centres(12)),
        ("national", big_datasets.national_open_periods(1)),
        ("hostile", (Path(__file__).parent / "datasets" / "hostile-names.toml").read_text(encoding="utf-8")),
    ):
        path = tmp_path / f"{name}.toml"
        path.write_text(text, encoding="utf-8")
        reports.append(Directory.load(path, lang=lang, today=date(2026, 1, 1)).document(generated=made))
    ours = [pdf.render(report) for report in reports]
    drawn = _fpdf2_lines(monkeypatch)
    assert [pdf.render(report) for report in reports] == ours
    assert len(drawn) > 2000  # the lines went through `_draw_line`, now fpdf2's


def test_with_another_fpdf2_its_own_methods_draw_the_same_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another fpdf2 than the one the fast paths repeat gets its public methods (`write`,
    `multi_cell`, `cell`, `set_font`, `table`) for every text: the documents are the same."""
    from owes_cli.directory import Directory

    made = datetime(2026, 1, 1, tzinfo=UTC)
    bundled = Directory.load(lang="pl", today=date(2026, 1, 1))
    reports = [bundled.document(generated=made), bundled.document(generated=made, county="żarski")]
    ours = [pdf.render(report) for report in reports]
    drawn = _fpdf2_lines(monkeypatch)
    monkeypatch.setattr(pdf, "WRITE_FPDF", "0.0")
    assert [pdf.render(report) for report in reports] == ours
    assert drawn == []  # not one line went through `_draw_line`


def test_a_one_line_cell_is_drawn_as_fpdf2s_cell_draws_it_byte_for_byte() -> None:
    import fpdf

    # `_cell` repeats fpdf2 2.8.9's `cell(width, height, text, align=...)`: a list item's mark, a running head.
    assert fpdf.__version__ == pdf.WRITE_FPDF, "fpdf2 changed: check _cell against its cell()"
    ours, theirs = _fpdf_page(), _fpdf_page()
    head = "Ośrodki Wsparcia Ekonomii Społecznej\u00a0— województwo lubuskie (stan na 1\u00a0czerwca 2014)"
    cells = [("", "•", False), ("", "–", False), ("B", "12.", True), ("", "1.", True), ("U", "ß", False)]
    cells += [("", head, False), ("B", head[:40], True)]
    for number, (style, text, right) in enumerate(cells * 20):
        width = 4 + number % 2 if len(text) < 4 else ours.epw - number % 9
        for page in (ours, theirs):
            page.set_font(pdf.FAMILY, style, 7.5 + number % 5)
            page.set_text_color(*(pdf.ACCENT if number % 3 else pdf.INK))
            page.set_fill_color(*(pdf.ROW_FILL if number % 4 else pdf.ACCENT))
            page.set_x(pdf.MARGIN + number % 7)
        pdf._cell(ours, width, pdf.LINE, text, right=right)
        theirs.cell(width, pdf.LINE, text, align="R" if right else "L")
        assert (round(ours.x, 9), ours.y) == (round(theirs.x, 9), theirs.y)
        for page in (ours, theirs):
            page.ln(pdf.LINE * 2)
    assert ours.page > 1
    assert bytes(ours.output()) == bytes(theirs.output())


def _table_page() -> Any:
    from fpdf import FPDF

    class Page(FPDF):
        block, one_page, forced = 0, False, frozenset[tuple[int, int]]()  # what `_start` reads
        starts: dict[tuple[int, int], tuple[int, float]]

        def footer(self) -> None:  # text drawn between a table's measuring and its rows, as a document's
            self.set_y(-13)
            self.set_font(pdf.FAMILY, "", 7.5)
            self.cell(self.epw, 4, f"Strona {self.page_no()} z {{nb}} · Jäger Ærø", align="R")

    page = Page(unit="mm", format="A4")
    page.add_font(pdf.FAMILY, "", str(pdf.FONTS / "DejaVuSans.ttf"))
    page.add_font(pdf.FAMILY, "B", str(pdf.FONTS / "DejaVuSans-Bold.ttf"))
    page.set_creation_date(datetime(2026, 1, 1, tzinfo=UTC))
    page.set_margins(pdf.MARGIN, pdf.MARGIN, pdf.MARGIN)
    page.set_auto_page_break(True, margin=pdf.MARGIN)
    page.add_page()
    page.starts = {}
    return page


def _tables() -> list[Table]:
    """Tables as a directory holds them, in Polish and English: short and wrapping cells, bold and
    linked ones, empty ones, rows enough to break pages (the header repeated), and a cell cut short."""
    names = ["Ośrodek Wsparcia Ekonomii Społecznej w\u00a0Żarach", "Social Economy Support Centre", "OWES"]
    counties = ["żarski", "strzelecko-drezdenecki", "Gorzów\u00a0Wielkopolski", "zielonogórski, nowosolski, wschowski"]
    rows = []
    for n in range(70):
        name = names[n % 3] + (" i\u00a01\u00a0partner, " * (n % 5))
        if n == 66:  # letters first used on a later page, after a page's footer
            name = "Œuvre: Straße Ÿ, QXZ"
        cells: tuple[tuple[Run, ...], ...] = (
            (Run(name, bold=n % 4 == 0),),
            (Run(", ".join(counties[: 1 + n % 4] * (1 + n % 3))),),
            (Run("https://owes.pl/", url="https://owes.pl/"),) if n % 3 else (),
            (Run(f"2014-{1 + n % 12:02d}-01 – 2023-12-31" + "\nnot in our sources" * (n % 2)),),
        )
        rows.append(cells)
    pl = Table(("Ośrodek", "Powiaty", "Strona", "Okres"), tuple(rows), (5, 5, 4, 3))
    en = Table(("Centre", "Counties served", "Website", "Period"), tuple(rows[:9]), (4, 5, 4, 3))
    long = Table(("Usługa", "Ośrodki"), ((((Run("Doradztwo"),), (Run("Zielona Góra, " * 400),)),) * 2), (1, 3))
    return [pl, en, long]


def _measured(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """What each table's measuring gave: the rows, or None when it left the table to fpdf2."""
    measured: list[Any] = []
    table_rows = pdf._table_rows

    def spy(*args: Any) -> Any:
        measured.append(table_rows(*args))
        return measured[-1]

    monkeypatch.setattr(pdf, "_table_rows", spy)
    return measured


def test_a_table_is_drawn_as_fpdf2s_table_draws_it_byte_for_byte(monkeypatch: pytest.MonkeyPatch) -> None:
    import fpdf

    # `_one_pass` has fpdf2 2.8.9's `table.render()` lay each cell out once instead of twice
    # (measured, then drawn): the same page breaks, repeated headers, borders, fills and text.
    assert fpdf.__version__ == pdf.WRITE_FPDF, "fpdf2 changed: check _one_pass against its table()"
    measured = _measured(monkeypatch)
    ours = _table_page()
    for block in _tables():
        pdf._table(ours, block)
    assert [rows is not None for rows in measured] == [True, True, True]
    assert ours.page > 3  # page breaks in the middle of a table, its header repeated on each page
    monkeypatch.setattr(pdf, "_one_pass", lambda *args: None)
    theirs = _table_page()
    for block in _tables():
        pdf._table(theirs, block)
    assert (ours.page, ours.y) == (theirs.page, theirs.y)
    assert bytes(ours.output()) == bytes(theirs.output())


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_a_directorys_tables_are_drawn_in_one_pass_with_the_same_bytes(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole document, its running heads and footers between the rows: the national table of
    380 counties over pages (its header repeated), and the bundled directory's."""
    from owes_cli.directory import Directory

    national = tmp_path / "national.toml"
    national.write_text(big_datasets.national_open_periods(3), encoding="utf-8")
    made = datetime(2026, 1, 1, tzinfo=UTC)
    reports = [
        Directory.load(path, lang=lang, today=date(2026, 1, 1)).document(generated=made) for path in (national, None)
    ]
    measured = _measured(monkeypatch)
    ours = [pdf.render(report) for report in reports]
    assert measured and all(rows is not None for rows in measured)  # every table in one pass
    assert max(len(rows) for rows in measured) > 380  # the counties, the header
    monkeypatch.setattr(pdf, "_one_pass", lambda *args: None)
    assert [pdf.render(report) for report in reports] == ours


def test_a_table_it_cannot_lay_out_is_left_to_fpdf2(monkeypatch: pytest.MonkeyPatch) -> None:
    # A word wider than its column, which fpdf2 cuts letter by letter: its whole table goes to fpdf2.
    word = Table(("Ośrodek", "Powiaty"), (((Run("OWES"),), (Run("Konstantynopolitańczykówna" * 3),)),), (3, 1))
    measured = _measured(monkeypatch)
    ours = _table_page()
    pdf._table(ours, word)
    assert measured == [None]
    monkeypatch.setattr(pdf, "_one_pass", lambda *args: None)
    theirs = _table_page()
    pdf._table(theirs, word)
    assert bytes(ours.output()) == bytes(theirs.output())


def test_a_map_path_writes_each_number_as_one_number_is_written() -> None:
    from owes_cli.render import pdf_map

    # `_path` formats a whole path at once; each number must read as `_n` writes it alone.
    numbers = [0.0, -0.0, -0.004, 0.004, 0.005, -0.005, 0.1, 0.05, 10.0, 100.0, 12.3, -12.3, 99.995, 250.005, 1e-9]
    numbers += [round(x * 0.37 - 3, places) for x in range(800) for places in (1, 2, 3)]
    rings = [
        [(x, y) for x, y in zip(numbers[n : n + 9], numbers[n + 5 : n + 14], strict=True)] for n in range(0, 2380, 9)
    ]
    for closed in (True, False):
        expected = " ".join(
            f"{pdf_map._n(x)} {pdf_map._n(y)} m "
            + " ".join(f"{pdf_map._n(px)} {pdf_map._n(py)} l" for px, py in ring[1:])
            + (" h" if closed else "")
            for (x, y), ring in ((ring[0], ring) for ring in rings)
        )
        assert pdf_map._path(rings, closed=closed) == expected
