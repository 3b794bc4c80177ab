"""A `Report` drawn as a PDF with fpdf2: A4, embedded DejaVu Sans, bookmarks, links.

fpdf2 is imported inside `render`, so no other command pays for it. The
bytes depend only on the report: the creation date is the report's
`generated` time (SOURCE_DATE_EPOCH when set), and fpdf2 derives the file
/ID from the content and that date.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from owes_cli import version
from owes_cli.layout import coverage_map
from owes_cli.layout.blocks import Bullets, Fields, Heading, Inline, Map, PageBreak, Paragraph, Table, plain_text
from owes_cli.layout.report import Report
from owes_cli.messages import t
from owes_cli.render import map_image as map_render
from owes_cli.safe_text import printable

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.drawing import DrawingContext

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
PDF_LANG = {"pl": "pl-PL", "en": "en"}

# A restrained palette: dark blue for structure, grey for what is secondary.
INK = (33, 37, 41)
ACCENT = (31, 78, 121)
MUTED = (95, 99, 104)
RULE = (191, 201, 214)
HEAD_FILL = (222, 231, 242)
ROW_FILL = (246, 248, 251)
NOTICE_FILL = (253, 242, 222)
NOTICE_INK = (122, 67, 0)

MARGIN = 20.0  # mm on every side
BODY_PT = 9.5
TABLE_PT = 9
LINE = 5.0  # mm per line of body text

MAP_COLUMN = (78.0, 104.0)  # mm the counties take across, at least and at most; the legend has the rest
MAP_EXTRA = 34.0  # mm of heading, subtitle and credits that go with the map
LEGEND_GAP = 6.0
SWATCH = 4.0  # mm, a legend box
PT = 25.4 / 72  # mm per typographic point
LABEL_PT = 5.5  # the least size of a name on the map


def render(report: Report) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import PageMode

    class Document(FPDF):
        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font(FAMILY, "", 7.5)
            self.set_text_color(*MUTED)
            self.set_xy(MARGIN, 10)
            self.cell(self.epw, 4, _fit(self, _safe(self, report.running_head), self.epw))
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(MARGIN, 15, self.w - MARGIN, 15)
            self.set_y(MARGIN)

        def footer(self) -> None:
            self.set_y(-13)
            self.set_font(FAMILY, "", 7.5)
            self.set_text_color(*MUTED)
            generated = f"{t(report.lang, 'doc_generated')} {report.generated.date().isoformat()}"
            self.cell(self.epw / 2, 4, generated)
            # "{nb}" is fpdf2's placeholder for the page count, filled in at the end.
            page = t(report.lang, "doc_page_of", page=self.page_no(), pages="{nb}")
            self.cell(self.epw / 2, 4, page, align="R")

        def multi_cell(self, w: float, h: float | None = None, text: str = "", *args: Any, **kwargs: Any) -> Any:
            # pdf.table() lays out each cell's text twice with multi_cell(): the quick way when it can.
            drawn = None if args else _table_cell_text(self, w, h, text, kwargs)
            return super().multi_cell(w, h, text, *args, **kwargs) if drawn is None else drawn

    pdf = Document(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=MARGIN)
    pdf.set_lang(PDF_LANG[report.lang])
    pdf.set_title(f"{report.subtitle} — {report.title}")
    pdf.set_subject(report.subject)
    pdf.set_author("owes")
    pdf.set_keywords(report.keywords)
    pdf.set_creator(f"owes {version()}")
    pdf.set_creation_date(report.generated)
    pdf.page_mode = PageMode.USE_OUTLINES
    pdf.set_display_mode("fullwidth")

    pdf.add_page()
    _title_block(pdf, report)
    for block in report.blocks:
        DRAW[type(block)](pdf, block)
    return bytes(pdf.output())


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------


def _title_block(pdf: FPDF, report: Report) -> None:
    pdf.start_section(_safe(pdf, report.subtitle), level=0)
    _lines(pdf, report.title, 19, 8.5, ACCENT, bold=True)
    pdf.ln(1.5)
    _lines(pdf, report.subtitle, 13, 6.5, MUTED)
    pdf.ln(2.5)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.7)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(4)


def _heading(pdf: FPDF, block: Heading) -> None:
    # Keep a heading with what follows it: start a page rather than strand it.
    room = 45 if block.level == 1 else 25
    if pdf.get_y() > pdf.page_break_trigger - room:
        pdf.add_page()
    title = _safe(pdf, block.text)
    if block.level == 1:
        pdf.ln(3)
        pdf.start_section(title, level=1)
        pdf.set_font(FAMILY, "B", 13.5)
        pdf.set_text_color(*ACCENT)
        _multi_cell(pdf, 0, 6.5, title)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.3)
        pdf.line(MARGIN, pdf.get_y() + 1, pdf.w - MARGIN, pdf.get_y() + 1)
        pdf.ln(3.5)
    else:
        pdf.ln(2.5)
        pdf.set_font(FAMILY, "B", 10.5)
        pdf.set_text_color(*ACCENT)
        _multi_cell(pdf, 0, 5.5, title)
        pdf.ln(1)


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    if block.tone == "notice":
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.set_text_color(*NOTICE_INK)
        pdf.set_fill_color(*NOTICE_FILL)
        pdf.multi_cell(
            0,
            LINE,
            _safe(pdf, plain_text(block.runs)),
            fill=True,
            padding=(2, 3),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_fill_color(255)
        pdf.ln(2)
        return
    size, colour = (7.5, MUTED) if block.tone == "small" else (BODY_PT, INK)
    if block.tone == "small":
        pdf.ln(4)
    _write_runs(pdf, block.runs, size, colour, LINE if block.tone == "body" else 3.8)
    pdf.ln(2)


def _fields(pdf: FPDF, block: Fields) -> None:
    # Drawn by hand rather than with pdf.table(): a table lays out every
    # cell twice, and these rows need neither borders nor repeated headers.
    label_width = pdf.epw * 0.28
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    for label, value in block.rows:
        lines = 1 + plain_text(value).count("\n")
        if pdf.get_y() + lines * LINE + 3 > pdf.page_break_trigger:
            pdf.add_page()
        top = pdf.get_y() + 1.3
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.set_text_color(*MUTED)
        pdf.set_xy(MARGIN, top)
        _multi_cell(pdf, label_width - 3, LINE, _safe(pdf, label))
        label_bottom = pdf.get_y()
        pdf.set_left_margin(MARGIN + label_width)
        pdf.set_xy(MARGIN + label_width, top)
        _write_runs(pdf, value, BODY_PT, INK, LINE)
        pdf.set_left_margin(MARGIN)
        bottom = max(label_bottom, pdf.get_y()) + 1.3
        pdf.line(MARGIN, bottom, pdf.w - MARGIN, bottom)
        pdf.set_y(bottom)
    pdf.ln(3)


def _table(pdf: FPDF, block: Table) -> None:
    from fpdf.fonts import FontFace

    pdf.set_font(FAMILY, "", BODY_PT)
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.set_font(FAMILY, "", TABLE_PT)
    heading = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEAD_FILL)
    with pdf.table(
        col_widths=block.widths,
        width=pdf.epw,
        headings_style=heading,
        text_align="LEFT",
        borders_layout="HORIZONTAL_LINES",
        line_height=LINE,
        padding=(1.2, 2),
        cell_fill_color=ROW_FILL,
        cell_fill_mode="EVEN_ROWS",
        v_align="TOP",
        repeat_headings=1,
    ) as table:
        header = table.row()
        for label in block.header:
            header.cell(_safe(pdf, label))
        for cells in block.rows:
            row = table.row()
            for cell in cells:
                _inline_cell(pdf, row, cell)
    pdf.ln(3)


def _bullets(pdf: FPDF, block: Bullets) -> None:
    for depth, runs in block.items:
        indent = MARGIN + 5 + depth * 6
        pdf.set_font(FAMILY, "", BODY_PT)
        pdf.set_text_color(*ACCENT)
        pdf.set_x(indent - 4)
        pdf.cell(4, LINE, "•" if depth == 0 else "–")
        pdf.set_left_margin(indent)
        pdf.set_x(indent)
        _write_runs(pdf, runs, BODY_PT, INK, LINE)
        pdf.set_left_margin(MARGIN)
        pdf.ln(0.8)
    pdf.ln(1.5)


def _page_break(pdf: FPDF, block: PageBreak) -> None:
    pdf.add_page()


def _map(pdf: FPDF, block: Map) -> None:
    """The coverage map as vector shapes and real text, the legend beside it, on one page with its heading.

    The map shrinks (down to MAP_COLUMN's least width) to fit the rest of a
    page, else starts the next one at full size. Sizes follow the SVG's
    proportions (`map_render`): a label is as large against the counties
    here as there.
    """
    m = block.drawing
    xs = [x for shape in m.shapes for ring in shape.rings for x, _ in ring]
    ys = [y for shape in m.shapes for ring in shape.rings for _, y in ring]
    west, north = min(xs), min(ys)
    aspect = (max(ys) - north) / (max(xs) - west)
    column = min(MAP_COLUMN[1], (pdf.page_break_trigger - pdf.get_y() - MAP_EXTRA) / aspect)
    if column < MAP_COLUMN[0]:
        pdf.add_page()
        column = MAP_COLUMN[1]
    mm = column / (max(xs) - west)  # millimetres per map unit
    height = column * aspect
    _heading(pdf, Heading(block.title, 1))
    _lines(pdf, m.subtitle, 8, 4, MUTED)
    top = pdf.get_y() + 3 + map_render.SEAT_RADIUS * mm

    def at(point: tuple[float, float]) -> tuple[float, float]:
        # A hundredth of a millimetre is finer than any printer: more digits would only fill the file.
        return round(MARGIN + (point[0] - west) * mm, 2), round(top + (point[1] - north) * mm, 2)

    edge = (coverage_map.OUTLINE, coverage_map.OUTLINE_WIDTH * mm)
    with pdf.drawing_context() as canvas:
        # Each county's edge is stroked with it; a later neighbour's fill covers half of a shared
        # edge, and its own stroke draws that edge again in full.
        for shape in m.shapes:
            _area(canvas, [[at(p) for p in ring] for ring in shape.rings], shape.style, mm, edge)
        for shape in m.shapes:
            if shape.emphasised:  # over the neighbours, so the whole outline shows
                rings = [[at(p) for p in ring] for ring in shape.rings]
                canvas.add_item(_edge(rings, coverage_map.INK, coverage_map.EMPHASIS_WIDTH * mm), clone=False)
    label_pt = max(LABEL_PT, map_render.LABEL_SIZE * mm / PT)  # a smaller map keeps readable names
    for shape in m.shapes:
        if shape.labelled:
            _map_label(pdf, at(shape.label), shape.name, label_pt)
    for seat in m.seats:
        x, y = at(seat.at)
        with pdf.drawing_context() as canvas:
            _seat(canvas, x, y, map_render.SEAT_RADIUS * mm, seat.style.fill)
        _map_label(pdf, (x, y - (map_render.SEAT_RADIUS + 9) * mm), seat.name, label_pt, bold=True)
    _map_legend(pdf, m.legend, MARGIN + column + LEGEND_GAP, top)
    pdf.set_y(top + height + 4)
    _lines(pdf, m.credits, 7, 3.4, MUTED)
    pdf.ln(3)


def _area(
    canvas: DrawingContext,
    rings: list[list[tuple[float, float]]],
    style: coverage_map.Style,
    mm: float,
    edge: tuple[str, float],
) -> None:
    """A filled area with its holes left open (even-odd) and its edge stroked.

    A hatched area is its own clipping path: the grey and the lines are
    drawn over its bounding box and show only inside it.
    """
    from fpdf.drawing import ClippingPath, GraphicsContext, PaintedPath
    from fpdf.enums import IntersectionRule, PathPaintRule

    if not style.hatched:
        area = _edge(rings, *edge)
        area.style.fill_color = style.fill
        area.style.paint_rule = PathPaintRule.STROKE_FILL_EVENODD
        canvas.add_item(area, clone=False)
        return
    left, right = min(x for ring in rings for x, _ in ring), max(x for ring in rings for x, _ in ring)
    upper, lower = min(y for ring in rings for _, y in ring), max(y for ring in rings for _, y in ring)
    clipped = GraphicsContext()
    clipped.clipping_path = _rings(ClippingPath(), rings)
    clipped.clipping_path.style.intersection_rule = IntersectionRule.EVENODD
    ground = PaintedPath().rectangle(left, upper, right - left, lower - upper)
    ground.style.fill_color = style.fill
    ground.style.paint_rule = PathPaintRule.FILL_NONZERO
    lines = PaintedPath()
    step = map_render.HATCH_STEP * mm * math.sqrt(2)  # across the lines, as in the SVG's pattern
    offset = left
    while offset < right + (lower - upper):
        lines.move_to(round(offset, 2), upper).line_to(round(offset - (lower - upper), 2), lower)
        offset += step
    lines.style.stroke_color = coverage_map.HATCH
    lines.style.stroke_width = map_render.HATCH_WIDTH * mm
    lines.style.paint_rule = PathPaintRule.STROKE
    clipped.add_item(ground, clone=False)
    clipped.add_item(lines, clone=False)
    canvas.add_item(clipped, clone=False)
    canvas.add_item(_edge(rings, *edge), clone=False)


def _edge(rings: list[list[tuple[float, float]]], colour: str, width: float) -> Any:
    """The rings as a path that strokes its edges (round joins) and fills nothing."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule, StrokeJoinStyle

    path = _rings(PaintedPath(), rings)
    path.style.stroke_color = colour
    path.style.stroke_width = width
    path.style.stroke_join_style = StrokeJoinStyle.ROUND
    path.style.paint_rule = PathPaintRule.STROKE
    return path


def _rings(path: Any, rings: list[list[tuple[float, float]]]) -> Any:
    for ring in rings:
        path.move_to(*ring[0])
        for point in ring[1:]:
            path.line_to(*point)
        path.close()
    return path


def _seat(canvas: DrawingContext, x: float, y: float, radius: float, fill: str) -> None:
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    marker = PaintedPath().circle(x, y, radius)
    marker.style.fill_color = fill
    marker.style.stroke_color = coverage_map.INK
    marker.style.stroke_width = radius / 3.5  # 2 units of 7, as in the SVG
    marker.style.paint_rule = PathPaintRule.STROKE_FILL_NONZERO
    canvas.add_item(marker, clone=False)


def _map_label(pdf: FPDF, centre: tuple[float, float], name: str, size: float, *, bold: bool = False) -> None:
    """A county's or town's name on a pale backing, so it reads on any fill and on hatching."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    value = _safe(pdf, name)
    pdf.set_font(FAMILY, "B" if bold else "", size)
    width, height = pdf.get_string_width(value), size * PT
    x, y = centre
    backing = PaintedPath().rectangle(
        x - width / 2 - 0.6, y - height * 0.62, width + 1.2, height * 1.24, rx=height * 0.3, ry=height * 0.3
    )
    backing.style.fill_color = "#FFFFFF"
    backing.style.fill_opacity = 0.75
    backing.style.paint_rule = PathPaintRule.FILL_NONZERO
    with pdf.drawing_context() as canvas:
        canvas.add_item(backing, clone=False)
    pdf.set_text_color(*_hex(coverage_map.INK))
    pdf.text(x - width / 2, y + height * 0.36, value)


def _map_legend(pdf: FPDF, legend: list[coverage_map.LegendEntry], left: float, top: float) -> None:
    width = pdf.w - MARGIN - left - SWATCH - 2.5
    y = top
    for entry in legend:
        with pdf.drawing_context() as canvas:
            if entry.marker:
                _seat(canvas, left + SWATCH / 2, y + SWATCH / 2, SWATCH * 0.4, entry.style.fill)
            else:
                box = [[(left, y), (left + SWATCH, y), (left + SWATCH, y + SWATCH), (left, y + SWATCH)]]
                mm = SWATCH / map_render.SWATCH
                border = coverage_map.EMPHASIS_WIDTH if entry.emphasised else 1.0
                _area(canvas, box, entry.style, mm, (coverage_map.INK, border * mm))
        pdf.set_xy(left + SWATCH + 2.5, y + 0.2)
        _lines(pdf, entry.text, 8, 3.6, INK, width=width)
        y = max(pdf.get_y(), y + SWATCH) + 2.5


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


DRAW: dict[type, Callable[[Any, Any], None]] = {
    Heading: _heading,
    Paragraph: _paragraph,
    Fields: _fields,
    Table: _table,
    Bullets: _bullets,
    Map: _map,
    PageBreak: _page_break,
}


# --------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------


def _lines(
    pdf: FPDF,
    value: str,
    size: float,
    height: float,
    colour: tuple[int, int, int],
    *,
    bold: bool = False,
    width: float = 0,
) -> None:
    """Text of one style, wrapped from the current position (to the right margin when width is 0)."""
    pdf.set_font(FAMILY, "B" if bold else "", size)
    pdf.set_text_color(*colour)
    _multi_cell(pdf, width, height, _safe(pdf, value))


def _write_runs(pdf: FPDF, runs: Inline, size: float, colour: tuple[int, int, int], height: float) -> None:
    """Flowing text whose pieces may be bold or links; wraps at the current left margin."""
    for run in runs:
        if run.url:
            pdf.set_font(FAMILY, "U", size)
            pdf.set_text_color(*ACCENT)
        else:
            pdf.set_font(FAMILY, "B" if run.bold else "", size)
            pdf.set_text_color(*colour)
        _write(pdf, height, _safe(pdf, run.text), run.url or "")
    pdf.ln(height)


# fpdf2 breaks lines one character at a time and measures the whole line again
# for each one, which made laying out text most of the time a document took.
# `_wrap` makes the same lines from one measurement per character, and each
# line is drawn with `cell()`: the same operators, positions and links as
# `multi_cell()` and `write()` give, so the file is byte for byte the same.
# Text that fpdf2 treats specially is still left to it.

_SPECIAL = re.compile("[\t\r\x0c\u00a0\u00ad\u200b\u2000-\u200a\u205f\u3000]")


def _wrap(
    pdf: FPDF, text: str, first: float, rest: float, margin: float | None = None
) -> list[tuple[str, bool]] | None:
    """The lines fpdf2's MultiLineBreak makes of text in the current font, left-aligned and wrapped by word.

    `first` and `rest` are the widths of the first line and of the others,
    as fpdf2 is given them; fpdf2 keeps `margin` (its cell margin unless
    given) clear on either side. Each line comes with whether a newline ended it.
    None when fpdf2 must do it: characters its line breaker treats apart
    (tabs, no-break and soft hyphens, the page-count alias), a line it would
    leave empty, a font with spacing or stretching.
    """
    from fpdf.fonts import TTFFont

    font = pdf.current_font
    if (
        not text
        or _SPECIAL.search(text)
        or (pdf.str_alias_nb_pages and pdf.str_alias_nb_pages in text)
        or not isinstance(font, TTFFont)
        or pdf.char_spacing
        or pdf.font_stretching != 100
    ):
        return None
    cw, size, k = font.cw, pdf.font_size_pt, pdf.k
    margin = float(pdf.c_margin if margin is None else margin)
    lines: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        room = (first if not lines else rest) - margin - margin
        start, units, space = i, 0.0, -1
        while True:
            if i == n:
                if not units:  # fpdf2 drops a last line of no width
                    return None
                lines.append((text[start:], False))
                break
            char = text[i]
            if char == "\n":
                lines.append((text[start:i], True))
                i += 1
                break
            glyph = cw[ord(char)]
            # fpdf2's test, with its arithmetic: line width plus character width against the room.
            if units * size * 0.001 / k + glyph * size * 0.001 / k - room > 1e-9:
                if char == " ":  # a space that does not fit ends the line and is dropped
                    lines.append((text[start:i], False))
                    i += 1
                elif space >= 0:  # back to the last space
                    lines.append((text[start:space], False))
                    i = space + 1
                else:  # a word longer than the line is cut
                    lines.append((text[start:i], False))
                break
            units += glyph
            if char == " ":
                space = i
            i += 1
    if not lines or any(not line for line, _ in lines):
        return None
    return lines


def _multi_cell(pdf: FPDF, width: float, height: float, text: str) -> None:
    """`pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")`, laid out quicker."""
    room = width or pdf.w - pdf.r_margin - pdf.x
    lines = _wrap(pdf, text, room, room)
    if lines is None or lines[-1][1]:
        pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")
        return
    for number, (line, _) in enumerate(lines, start=1):
        pdf.cell(room, height, line, new_x="LMARGIN" if number == len(lines) else "LEFT", new_y="NEXT")


def _write(pdf: FPDF, height: float, text: str, link: str) -> None:
    """`pdf.write(height, text, link=link)`, laid out quicker."""
    first, rest = pdf.w - pdf.x - pdf.r_margin, pdf.w - pdf.l_margin - pdf.r_margin
    lines = _wrap(pdf, text, first, rest)
    if lines is None:
        pdf.write(height, text, link=link)
        return
    for number, (line, _) in enumerate(lines):
        if number:
            pdf.ln()
        pdf.cell(first if number == 0 else rest, height, line, link=link, new_x="WCONT", new_y="TOP")
    if lines[-1][1]:
        pdf.ln()


def _inline_cell(pdf: FPDF, row: Any, value: Inline) -> None:
    from fpdf.fonts import FontFace

    links = [run.url for run in value if run.url]
    if links:
        link_style = FontFace(color=ACCENT, emphasis="UNDERLINE")
        row.cell(_safe(pdf, plain_text(value)), link=links[0], style=link_style)
    elif any(run.bold for run in value):
        row.cell(_safe(pdf, plain_text(value)), style=FontFace(emphasis="BOLD"))
    else:
        row.cell(_safe(pdf, plain_text(value)))


def _safe(pdf: FPDF, value: str) -> str:
    """Text the embedded font can draw: controls replaced, other scripts folded.

    The font is cut to Latin; a dataset may still hold a letter outside it
    (a Czech "ř" is in, a Cyrillic "ж" is not). Such a letter is written
    without its accent where that helps, else as "?", never dropped silently.
    """
    from fpdf.fonts import TTFFont

    font = pdf.fonts[FAMILY.lower()]
    assert isinstance(font, TTFFont)
    cmap = font.cmap
    out = []
    for ch in printable(value):
        if ch == "\n" or ord(ch) in cmap:
            out.append(ch)
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in cmap and c.isascii())
        out.append(folded or "?")
    return "".join(out)


def _fit(pdf: FPDF, value: str, width: float) -> str:
    """Shorten a one-line text to a width, ending it with an ellipsis."""
    if pdf.get_string_width(value) <= width:
        return value
    while value and pdf.get_string_width(value + "…") > width:
        value = value[:-1]
    return value.rstrip() + "…"


_TABLE_CELL_ARGS = {
    "max_line_height",
    "border",
    "align",
    "new_x",
    "new_y",
    "fill",
    "markdown",
    "output",
    "wrapmode",
    "padding",
    "link",
}


def _table_cell_text(pdf: FPDF, width: float, height: float | None, text: str, options: dict[str, Any]) -> Any:
    """What fpdf2's `multi_cell()` does with a table cell's text (left-aligned, padded, no border or fill).

    Called with the arguments `pdf.table()` passes; None for any other
    call, or text `_wrap` leaves to fpdf2.
    """
    from fpdf.enums import Align, MethodReturnValue, WrapMode
    from fpdf.util import Padding

    padding = options.get("padding")
    if (
        set(options) != _TABLE_CELL_ARGS
        or height is None
        or not isinstance(padding, Padding)
        or not padding.left
        or not padding.right
        or options["border"]
        or options["fill"]
        or options["markdown"]
        or options["new_x"] != "RIGHT"
        or options["new_y"] != "TOP"
        or Align.coerce(options["align"]) != Align.L
        or WrapMode.coerce(options["wrapmode"]) != WrapMode.WORD
        or MethodReturnValue.coerce(options["output"]) != MethodReturnValue.PAGE_BREAK | MethodReturnValue.HEIGHT
    ):
        return None
    room = width - padding.right - padding.left
    lines = _wrap(pdf, text, room, room, margin=0.0)
    if lines is None or lines[-1][1]:
        return None
    limit = options["max_line_height"]
    line_height = height if limit is None or len(lines) == 1 else min(height, limit)
    top = pdf.y
    pdf.x += padding.left
    pdf.y += padding.top
    broke = False
    total = 0.0
    margin, pdf.c_margin = pdf.c_margin, 0  # the padding stands in for the cell margin, as in multi_cell()
    try:
        for number, (line, _) in enumerate(lines, start=1):
            if pdf._perform_page_break_if_need_be(height + padding.bottom):
                broke = True
                pdf.y += padding.top
            last = number == len(lines)
            pdf.cell(
                room,
                line_height,
                line,
                link=options["link"],
                new_x="RIGHT" if last else "LEFT",
                new_y="TOP" if last else "NEXT",
            )
            total += line_height
    finally:
        pdf.c_margin = margin
    total = max(total, height)
    pdf.y = pdf.y if broke else top
    pdf.x += padding.right
    return broke, total + padding.top + padding.bottom
