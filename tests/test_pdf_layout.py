"""The PDF's own quick text layout draws exactly what fpdf2's `multi_cell()` and `write()` draw."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st

from owes_cli.layout.blocks import Run, Table
from owes_cli.render import pdf as export_pdf

# Short words and long ones, Polish letters, dashes, newlines and spaces in runs:
# everything the line breaker decides on, plus a few characters it leaves to fpdf2.
TEXT = st.text(alphabet="aąwWiIl mMżŻ.,—-\n  ", max_size=160) | st.text(alphabet="ab cd\u00a0\u00ad\t", max_size=40)


def _document() -> FPDF:
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(export_pdf.FAMILY, "", str(export_pdf.FONTS / "DejaVuSans.ttf"))
    pdf.set_margins(export_pdf.MARGIN, export_pdf.MARGIN, export_pdf.MARGIN)
    pdf.set_auto_page_break(True, margin=export_pdf.MARGIN)
    pdf.add_page()
    return pdf


def _drawn(pdf: FPDF) -> list[Any]:
    pages = []
    for page in pdf.pages.values():
        assert isinstance(page.contents, bytearray)  # fpdf2 keeps a page's operators in a bytearray
        pages.append((bytes(page.contents), [a.serialize() for a in page.annots or []]))
    return [pages, round(pdf.x, 9), round(pdf.y, 9)]


@settings(max_examples=150, deadline=None)
@given(
    text=TEXT,
    size=st.sampled_from([7.5, 9, 9.5, 13.5]),
    width=st.sampled_from([0, 12.0, 35.5, 48.16]),
    y=st.sampled_from([30.0, 265.0]),
)
def test_multi_cell_is_fpdf2s(text: str, size: float, width: float, y: float) -> None:
    ours, theirs = _document(), _document()
    for pdf in (ours, theirs):
        pdf.set_font(export_pdf.FAMILY, "", size)
        pdf.set_xy(export_pdf.MARGIN + 10, y)
    export_pdf._multi_cell(ours, width, 5, text)
    theirs.multi_cell(width, 5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    assert _drawn(ours) == _drawn(theirs)


@settings(max_examples=150, deadline=None)
@given(
    runs=st.lists(st.tuples(TEXT, st.booleans()), min_size=1, max_size=4),
    x=st.sampled_from([20.0, 100.0, 185.0]),
    y=st.sampled_from([30.0, 268.0]),
)
def test_write_is_fpdf2s(runs: list[tuple[str, bool]], x: float, y: float) -> None:
    ours, theirs = _document(), _document()
    for pdf in (ours, theirs):
        pdf.set_font(export_pdf.FAMILY, "", 9.5)
        pdf.set_xy(x, y)
    for text, linked in runs:
        link = "https://example.org/" if linked else ""
        export_pdf._write(ours, 5, text, link)
        theirs.write(5, text, link=link)
    assert _drawn(ours) == _drawn(theirs)


class _QuickTables(FPDF):
    """As the document class in export_pdf.render: table cells' text goes the quick way."""

    def multi_cell(self, w: float, h: float | None = None, text: str = "", *args: Any, **kwargs: Any) -> Any:
        drawn = None if args else export_pdf._table_cell_text(self, w, h, text, kwargs)
        return super().multi_cell(w, h, text, *args, **kwargs) if drawn is None else drawn


CELL = st.tuples(TEXT, st.sampled_from([None, "https://example.org/"]), st.booleans())


@settings(max_examples=40, deadline=None)
@given(rows=st.lists(st.tuples(CELL, CELL, CELL), min_size=1, max_size=12), y=st.sampled_from([30.0, 200.0]))
def test_table_is_fpdf2s(rows: list[tuple[tuple[str, str | None, bool], ...]], y: float) -> None:
    table = Table(
        header=("Powiat", "TERYT", "Ośrodek"),
        rows=tuple(tuple((Run(text, url, bold),) for text, url, bold in row) for row in rows),
        widths=(3, 1, 5),
    )
    ours, theirs = _QuickTables(unit="mm", format="A4"), FPDF(unit="mm", format="A4")
    for pdf in (ours, theirs):
        pdf.add_font(export_pdf.FAMILY, "", str(export_pdf.FONTS / "DejaVuSans.ttf"))
        pdf.add_font(export_pdf.FAMILY, "B", str(export_pdf.FONTS / "DejaVuSans-Bold.ttf"))
        pdf.set_margins(export_pdf.MARGIN, export_pdf.MARGIN, export_pdf.MARGIN)
        pdf.set_auto_page_break(True, margin=export_pdf.MARGIN)
        pdf.add_page()
        pdf.set_y(y)
        export_pdf._table(pdf, table)
    assert _drawn(ours) == _drawn(theirs)
