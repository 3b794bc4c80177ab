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
import weakref
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Any

from owes_cli import version
from owes_cli.layout import (
    Bullets,
    Fields,
    Heading,
    Inline,
    Map,
    PageBreak,
    Paragraph,
    Run,
    Table,
    coverage_map,
    plain_text,
    typography,
)
from owes_cli.layout.report import Report
from owes_cli.messages import t
from owes_cli.record import Record
from owes_cli.render import palette
from owes_cli.render.fpdf_import import FOLLOWED_FPDF
from owes_cli.render.palette import rgb

if TYPE_CHECKING:
    from fpdf import FPDF

FONTS = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
FAMILY_KEY = FAMILY.lower()  # as fpdf2 keys it
PDF_LANG = {"pl": "pl-PL", "en": "en"}

INK, ACCENT, MUTED, RULE = (rgb(c) for c in (palette.INK, palette.ACCENT, palette.MUTED, palette.RULE))
HEAD_FILL, ROW_FILL = rgb(palette.HEAD_FILL), rgb(palette.ROW_FILL)
NOTICE_FILL, NOTICE_INK = rgb(palette.NOTICE_FILL), rgb(palette.NOTICE_INK)

MARGIN = 20.0  # mm on every side
SHEET_TOP = 12.0  # mm above a one-page fact sheet's title
SHEET_BOTTOM = 15.0  # mm under a one-page fact sheet's text: its footer line stands 13 mm from the foot
BODY_PT = 9.5
TABLE_PT = 9
LINE = 5.0  # mm per line of body text
SHEET_LINE = 4.6  # on a one-page fact sheet: 13 pt leading, which leaves the page room to spare
SMALL_RUN_PT, SMALL_RUN_LINE = 8.0, 4.0  # fine print within a paragraph (the answer box's past)

MAP_EXTRA = 34.0  # mm of heading, subtitle and credits that go with the map
# mm a page-high map leaves free below it, so that a document's closing lines
# (the note on sources) share its page instead of standing alone on the next.
MAP_ROOM_AFTER = 22.0
SHEET_MAP_EXTRA = 14.0  # mm of the fact sheet's smaller map heading (its date and credits are in the colophon)
MAP_LEAST = 0.45  # of its full size: a map that would be smaller starts the next page instead
PT = 25.4 / 72  # mm per typographic point


FILL = 0.2  # the least share of a page that a section's last page holds


class Layout(Record):
    """Where a drawing put things: each block's (and list item's) start, and each section's end.

    A key is (block index, item index); item 0 is the block itself.
    """

    starts: dict[tuple[int, int], tuple[int, float]]  # key: (page, y)
    sections: list[tuple[int, int, int, float]]  # first block, end block, last page, lowest y on it


def render(report: Report) -> bytes:
    """The report as PDF bytes.

    Drawn once; when a section would end on a page less than a fifth full,
    drawn again with that section's page break moved earlier, so that its
    last page holds enough (see `_earlier_breaks`).
    """
    from owes_cli.render.fpdf_import import import_fpdf

    import_fpdf()  # first, without what owes never uses of it
    from owes_cli.render import pdf_fonts

    with pdf_fonts.names_read_lightly():
        return _render(report)


def _render(report: Report) -> bytes:
    from fpdf.prefs import ViewerPreferences

    typeset = typography.typeset(report)
    breaks: frozenset[tuple[int, int]] = frozenset()
    drafts: list[Any] = []  # each drawing: all but the last are left unwritten
    if report.one_page:  # the fact sheet: a narrower map column, then one beside the answer too, until it fits
        for column, beside_answer in SHEET_COLUMNS:
            pdf, layout = _draw(typeset, breaks, column, beside_answer)
            drafts.append(pdf)
            if pdf.page == 1:
                break
    for _ in range(0 if report.one_page else 3):
        pdf, layout = _draw(typeset, breaks)
        drafts.append(pdf)
        more = _earlier_breaks(typeset, layout, pdf.page_break_trigger)
        if not more - breaks:
            break
        # A break moved earlier in a section replaces the ones after it there: they
        # were chosen for a last page that the earlier break has refilled.
        superseded = {
            old
            for old in breaks
            for new in more
            if new < old and any(first <= new[0] and old[0] < end for first, end, _, _ in layout.sections)
        }
        breaks = (breaks - superseded) | more
    digits = len(str(pdf.page))
    if digits > 3:  # drawn again with room for the count: fpdf2 would warn, and print it over its page
        pdf, layout = _draw(typeset, breaks, page_count="{" + "n" * (digits - 2) + "}")
        drafts.append(pdf)
    _close(drafts, pdf)
    # Metadata from the report as written: no-break and zero-width spaces are for the page only.
    pdf.set_title(report.document_title())
    # owes wrote it, from the dataset: the dataset's title as the author would credit the centres.
    pdf.set_author("owes")
    pdf.set_subject(report.author or report.subject)
    pdf.set_keywords(report.keywords)
    pdf.set_creator(f"owes {version()}")
    pdf.set_producer(f"owes {version()} (fpdf2 {_fpdf_version()})")
    pdf.set_creation_date(report.generated)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    return bytes(pdf.output())


def _close(drafts: list[Any], final: Any) -> None:
    """Close the font files of the drafts drawn before `final` (fpdf2 closes a document's own as it
    writes it): else each stays open until the collector frees its draft, with a ResourceWarning."""
    from fpdf.fonts import TTFFont

    for draft in drafts:
        if draft is not final:
            for font in draft.fonts.values():
                if isinstance(font, TTFFont):
                    font.close()


def _fpdf_version() -> str:
    import fpdf

    return str(fpdf.__version__)


class _Fpdf:
    """The names of fpdf2 that the code run for each line uses, imported once: fpdf2 is imported by
    `render` (lean, see fpdf_import), not with this module, and an import in a function costs a
    microsecond a name, as much as drawing a word."""

    def __init__(self) -> None:
        import fpdf
        from fpdf.enums import CharVPos, TextMode, XPos, YPos
        from fpdf.fonts import TTFFont
        from fpdf.line_break import BREAKING_SPACE_SYMBOLS_STR, NBSP, NEWLINE, SPACE
        from fpdf.recorder import FPDFRecorder
        from fpdf.util import FloatTolerance

        self.version = str(fpdf.__version__)
        self.line, self.fill = CharVPos.LINE, TextMode.FILL
        self.XPos, self.YPos = XPos, YPos
        self.TTFFont, self.FPDFRecorder = TTFFont, FPDFRecorder
        self.equal = FloatTolerance.equal
        self.breaking, self.nbsp, self.newline, self.space = BREAKING_SPACE_SYMBOLS_STR, NBSP, NEWLINE, SPACE
        # fpdf2 counts a line's breaking spaces and no-break spaces (for justified text)
        self.spaces = re.compile("[" + re.escape(BREAKING_SPACE_SYMBOLS_STR + NBSP) + "]")


_NAMES: list[_Fpdf] = []


def _fpdf() -> _Fpdf:
    if not _NAMES:
        _NAMES.append(_Fpdf())
    return _NAMES[0]


def _font(pdf: Any, style: str, size: float, colour: tuple[int, int, int] | None = None) -> None:
    """`set_font(FAMILY, style, size)` ("", "B" or "U"), then `set_text_color(*colour)` when one is
    given: what fpdf2's do, without checking and converting their arguments each time (a big
    directory sets a font and colour for every piece of text)."""
    names = _fpdf()
    plain = style.replace("U", "")
    key = FAMILY_KEY + plain
    if key not in pdf.fonts or names.version != WRITE_FPDF:
        pdf.set_font(FAMILY, style, size)
    else:  # as fpdf2 2.8.9's `set_font` selects an added font (the check in its order)
        pdf.underline = "U" in style
        pdf.strikethrough = False
        current = pdf.current_font
        if not (
            pdf.font_family == FAMILY_KEY
            and pdf.font_style == plain
            and names.equal(pdf.font_size_pt, size)
            and (current is None or current.fontkey == key)
        ):
            pdf.font_family = FAMILY_KEY
            pdf.font_style = plain
            pdf.font_size_pt = size
            pdf.current_font = pdf.fonts[key]
            pdf.current_font_is_set_on_page = False
    if colour is not None:
        device = _DEVICE_COLOURS.get(colour)
        if device is None:
            from fpdf.drawing_primitives import convert_to_device_color

            device = _DEVICE_COLOURS[colour] = convert_to_device_color(*colour)
        pdf.text_color = device  # all `set_text_color` does


_DEVICE_COLOURS: dict[tuple[int, int, int], Any] = {}


# fpdf2's placeholder for the page count, filled in at the end; "{nb}" keeps room for 3 digits,
# another alias for as many digits as it has characters.
PAGE_COUNT = "{nb}"


def _draw(
    report: Report,
    breaks: frozenset[tuple[int, int]],
    column: float = 0.0,
    beside_answer: bool = False,
    page_count: str = PAGE_COUNT,
) -> tuple[Any, Layout]:
    from fpdf import FPDF
    from fpdf.enums import PageMode

    class Page(FPDF):
        block = 0  # the block being drawn
        one_page = False
        column = 0.0  # mm: the width of the fact sheet's map column
        column_foot: float | None = None  # mm: where that column ends; a list item below it goes full width
        after = 0.0
        forced: frozenset[tuple[int, int]] = frozenset()  # keys that start a page
        heading: Heading | None = None  # the latest heading drawn: a list it introduces repeats it on a new page
        words = report.lang  # the language of the words it draws itself (fpdf2 keeps its own `lang`)
        running_head: str | None = None  # as printed atop each page after the first
        starts: dict[tuple[int, int], tuple[int, float]]

        def header(self) -> None:
            if self.page_no() == 1:
                return
            self.set_font(FAMILY, "", 7.5)
            self.set_text_color(*MUTED)
            self.set_xy(MARGIN, 10)
            if self.running_head is None:  # the same on every page: fitted once
                self.running_head = _fit(self, _safe(self, report.running_head), self.epw)
            _cell(self, self.epw, 4, self.running_head)
            self.set_draw_color(*RULE)
            self.set_line_width(0.2)
            self.line(MARGIN, 15, self.w - MARGIN, 15)
            self.set_y(MARGIN)

        def footer(self) -> None:
            self.set_y(-13)
            self.set_font(FAMILY, "", 7.5)
            self.set_text_color(*MUTED)
            # The day the document was made is said once, on its first page, not in every footer.
            page = t(report.lang, "doc_page_of", page=self.page_no(), pages=page_count)
            self.cell(self.epw, 4, page, align="R")

    pdf = Page(orientation="portrait", unit="mm", format="A4")
    pdf.forced, pdf.starts = breaks, {}
    pdf.alias_nb_pages(page_count)
    pdf.one_page, pdf.column = report.one_page, column
    pdf.after = 0.0  # on a one-page report, the height of what follows the block being drawn
    pdf.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    # A one-page sheet may run nearer its footer (drawn 13 mm from the page's foot) than a long document.
    pdf.set_auto_page_break(True, margin=SHEET_BOTTOM if report.one_page else MARGIN)
    pdf.set_lang(PDF_LANG[report.lang])
    pdf.page_mode = PageMode.USE_OUTLINES
    pdf.set_display_mode("fullwidth")

    if report.one_page:  # its one page has no running head to keep clear of: its text starts higher
        pdf.set_top_margin(SHEET_TOP)
    pdf.add_page()
    _title_block(pdf, report)
    sections = []
    first = 0
    column_foot: float | None = None  # where the fact sheet's map column ends
    column_from = _column_start(report, beside_answer) if report.one_page else None
    for index, block in enumerate(report.blocks):
        if isinstance(block, PageBreak) and index > first:
            sections.append((first, index, pdf.page, pdf.get_y()))
            first = index + 1
        pdf.block = index
        if (index, 0) in breaks:
            pdf.add_page()
        pdf.starts[(index, 0)] = (pdf.page, pdf.get_y())
        if report.one_page and isinstance(block, Map):
            if column_foot is not None:  # drawn beside the text before it: the text below both goes on
                pdf.set_right_margin(MARGIN)
                pdf.set_y(max(pdf.get_y(), column_foot) + 2)
                continue
        if isinstance(block, Map):  # closing lines after the map share its page: it leaves room for them
            later = report.blocks[index + 1 :]
            pdf.after = sum(_measure(pdf, b) for b in later) if all(isinstance(b, Paragraph) for b in later) else 0.0
        if column_from is not None and index == column_from[0]:  # the text from here has the map beside it
            y = pdf.get_y()
            column_foot = pdf.column_foot = _column_map(pdf, column_from[1])
            pdf.set_right_margin(MARGIN + pdf.column + SHEET_GAP)
            pdf.set_xy(MARGIN, y)
        DRAW[type(block)](pdf, block)
        if isinstance(block, Heading):
            pdf.heading = block
        elif not isinstance(block, Bullets):
            pdf.heading = None  # a list after a paragraph or a table is not what the heading named alone
    sections.append((first, len(report.blocks), pdf.page, pdf.get_y()))
    return pdf, Layout(pdf.starts, sections)


def _column_start(report: Report, beside_answer: bool) -> tuple[int, Map] | None:
    """Where the fact sheet's map column begins (at how to reach the centres, or at the answer), and its map."""
    maps = [(index, block) for index, block in enumerate(report.blocks) if isinstance(block, Map)]
    if not maps or not maps[0][1].drawing.shapes:
        return None
    at, drawing = maps[0]
    boxes = [
        index for index, block in enumerate(report.blocks) if isinstance(block, Paragraph) and block.tone == "answer"
    ]
    if beside_answer and boxes:
        return boxes[0], drawing
    if at >= 2 and isinstance(report.blocks[at - 2], Heading):
        return at - 2, drawing
    return None


def _earlier_breaks(report: Report, layout: Layout, bottom: float) -> frozenset[tuple[int, int]]:
    """Page breaks that give each section's last page at least FILL of a page, and no heading a page of its own.

    A section whose last page holds less takes the latest block or list item
    on the page before whose move leaves both pages at least FILL full; a
    heading moves with what it introduces. A heading left at a page's foot
    while what it introduces went to the next page (a table whose first row
    is tall) goes there too.
    """
    breaks = set(_stranded_headings(report, layout))
    for section in layout.sections:
        moved = _refill_last_page(report, layout, section, bottom)
        if moved is not None:
            breaks.add(moved)
    return frozenset(breaks)


def _stranded_headings(report: Report, layout: Layout) -> list[tuple[int, int]]:
    """Headings drawn at a page's foot (not its top) whose next block went to a later page."""
    stranded = []
    for index, drawn in enumerate(report.blocks[:-1]):
        heading, following = layout.starts.get((index, 0)), layout.starts.get((index + 1, 0))
        if isinstance(drawn, Heading) and heading and following and heading[0] < following[0]:
            if heading[1] > MARGIN + 1:
                stranded.append((index, 0))
    return stranded


def _refill_last_page(
    report: Report, layout: Layout, section: tuple[int, int, int, float], bottom: float
) -> tuple[int, int] | None:
    """The start to move to the section's last page when that page holds less than FILL; None if none can."""
    first, end, last_page, lowest = section
    room = bottom - MARGIN
    held = lowest - MARGIN
    if held >= FILL * room:
        return None
    candidates = []
    for (block, item), (page, _) in layout.starts.items():
        own = first <= block < end and page == last_page - 1
        key = _with_heading(report, (block, item), first) if own else None
        start = layout.starts.get(key) if key is not None and key != (first, 0) else None
        if start is None or start[0] != last_page - 1:
            continue
        moved = bottom - start[1] + held
        if moved >= FILL * room and start[1] - MARGIN >= FILL * room:
            candidates.append((start[1], key))
    return max(candidates)[1] if candidates else None


def _with_heading(report: Report, key: tuple[int, int], first: int) -> tuple[int, int]:
    """Where a block starts once the headings just before it go with it (an item of a list starts alone)."""
    while key[1] == 0 and key[0] > first and isinstance(report.blocks[key[0] - 1], Heading):
        key = (key[0] - 1, 0)
    return key


def _start(pdf: Any, item: int, height: float) -> None:
    """Begin an item of the current block: on a new page when it is to start one or would not fit.

    `height` is what must stay together (a list item, a heading with the
    first lines after it); the start is recorded for `_earlier_breaks`.
    """
    key = (pdf.block, item)
    if pdf.one_page:
        pass  # a fact sheet is laid out to fit: nothing moves to a next page
    elif item and key in pdf.forced or pdf.will_page_break(height) and pdf.get_y() > MARGIN + LINE:
        pdf.add_page()
    pdf.starts[key] = (pdf.page, pdf.get_y())


def _line(pdf: FPDF) -> float:
    """mm per line of body text: a one-page fact sheet's is a little tighter."""
    return SHEET_LINE if getattr(pdf, "one_page", False) else LINE


def _height(pdf: FPDF, width: float, height: float, value: str, *, bold: bool = False, size: float = BODY_PT) -> float:
    """About how tall `value` is when wrapped to `width` (from the current x when 0), in the font given.

    Measured rather than laid out: one string width per line of the text,
    plus what wrapping by word loses at each line's end (a tenth, rounded
    up). Used only to decide what to keep on one page; fpdf2 lays it out.
    """
    _font(pdf, "B" if bold else "", size)
    room = (width or pdf.w - pdf.r_margin - pdf.x) - 2 * pdf.c_margin
    # The font's own width table, summed: fpdf2's get_string_width runs the bidirectional
    # algorithm and copies the graphics state each time (28,000 list items at the size limit).
    font = pdf.current_font
    assert isinstance(font, _fpdf().TTFFont)
    widths, units, scale = font.cw, _known(font).units, pdf.font_size_pt * 0.001 / pdf.k
    lines = 0
    for part in value.split("\n"):
        summed = units.get(part)
        if summed is None:
            summed = units[part] = sum(map(widths.__getitem__, map(ord, part)))
        lines += max(1, math.ceil(summed * scale * 1.1 / room))
    return lines * height


# --------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------


def _title_block(pdf: FPDF, report: Report) -> None:
    pdf.start_section(_safe(pdf, typography.plain(report.subtitle)), level=0)
    _lines(pdf, report.title, 17 if report.one_page else 19, 7.5 if report.one_page else 8.5, ACCENT, bold=True)
    pdf.ln(1.5)
    _lines(pdf, report.subtitle, 13, 6.5, MUTED)
    pdf.ln(2.5)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.7)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.ln(4)


def _heading(pdf: FPDF, block: Heading) -> None:
    # A heading stays with its first three lines: start a page rather than strand it.
    size, height, before = (13.5, 6.5, 3.0) if block.level == 1 else (10.5, 5.5, 2.5)
    title = _safe(pdf, block.text)
    _start(pdf, 0, before + _height(pdf, 0, height, title, bold=True, size=size) + 4 + 3 * LINE)
    if block.level == 1:
        pdf.ln(before)
        pdf.start_section(typography.plain(title), level=1)
        _font(pdf, "B", size, ACCENT)
        _multi_cell(pdf, 0, height, title)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.3)
        pdf.line(MARGIN, pdf.get_y() + 1, pdf.w - MARGIN, pdf.get_y() + 1)
        pdf.ln(3.5)
    else:
        pdf.ln(before)
        _font(pdf, "B", size, ACCENT)
        _multi_cell(pdf, 0, height, title)
        pdf.ln(1)


def _paragraph(pdf: FPDF, block: Paragraph) -> None:
    value = plain_text(block.runs)
    if block.tone == "notice":
        _start(pdf, 0, _height(pdf, pdf.epw - 6, LINE, value, bold=True) + 4)
        pdf.set_font(FAMILY, "B", BODY_PT)
        pdf.set_text_color(*NOTICE_INK)
        pdf.set_fill_color(*NOTICE_FILL)
        pdf.multi_cell(
            0,
            LINE,
            _safe(pdf, value),
            fill=True,
            padding=(2, 3),
            align="L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_fill_color(255)
        pdf.ln(2)
        return
    if block.tone == "answer":
        _answer_box(pdf, block)
        return
    size, colour, height = (7.0, MUTED, 3.5) if block.tone == "small" else (BODY_PT, INK, _line(pdf))
    if block.tone == "small":
        pdf.ln(4)
    # A short paragraph stays whole; a long one keeps at least its first two lines together.
    _start(pdf, 0, min(_height(pdf, 0, height, value, bold=True, size=size), 2 * height))
    _write_runs(pdf, block.runs, size, colour, height)
    pdf.ln(2)


ANSWER_PT = 12.0
ANSWER_LINE = 5.9


def _answer_box(pdf: FPDF, block: Paragraph) -> None:
    """The fact sheet's answer: large text in a tinted box with a bar in the accent colour at its left."""
    inset, pad = 7.0, 3.5
    top = pdf.get_y() + 1
    right = pdf.r_margin  # narrower beside the fact sheet's map column

    def draw(target: Any) -> None:
        target.set_left_margin(MARGIN + inset)
        target.set_right_margin(right + 4)
        target.set_xy(MARGIN + inset, top + pad)
        # The answer itself in large type; what follows its first line (the period, the last
        # confirmed centre) a size smaller.
        cut = next((n for n, run in enumerate(block.runs) if run.text.startswith("\n")), len(block.runs))
        for runs, size, line in (
            (block.runs[:cut], ANSWER_PT, ANSWER_LINE),
            (block.runs[cut:], BODY_PT, _line(pdf)),
        ):
            if runs:
                _write_runs(target, (runs[0]._replace(text=runs[0].text.lstrip("\n")), *runs[1:]), size, INK, line)
        target.set_left_margin(MARGIN)
        target.set_right_margin(right)

    with pdf.offset_rendering() as dummy:  # measured first: the box is drawn under the text
        draw(dummy)
        height = dummy.get_y() - top + pad
    pdf.set_fill_color(*HEAD_FILL)
    pdf.rect(MARGIN, top, pdf.epw, height, style="F")
    pdf.set_fill_color(*ACCENT)
    pdf.rect(MARGIN, top, 1.8, height, style="F")
    pdf.set_fill_color(255)
    draw(pdf)
    pdf.set_y(top + height + 3)


def _measure(pdf: FPDF, block: Any) -> float:
    """About how tall a paragraph will be (the fact sheet's colophon under its map)."""
    if not isinstance(block, Paragraph):
        return 0.0
    small = block.tone == "small"
    size, height = (7.0, 3.5) if small else (BODY_PT, LINE)
    return _height(pdf, pdf.epw, height, plain_text(block.runs), size=size) + (6 if small else 2)


def _fields(pdf: FPDF, block: Fields) -> None:
    # Drawn by hand rather than with pdf.table(): these rows need neither
    # borders nor repeated headers, and a row must not split over two pages.
    label_width = pdf.epw * 0.28
    for number, (label, value) in enumerate(block.rows):
        label_height = _height(pdf, label_width - 3, LINE, label, bold=True)
        value_height = _height(pdf, pdf.epw - label_width, LINE, plain_text(value), bold=True)
        _start(pdf, number, max(label_height, value_height) + 2.6)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.2)
        if number == 0 or pdf.get_y() <= MARGIN:
            pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
        top = pdf.get_y() + 1.3
        _font(pdf, "B", BODY_PT, MUTED)
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

    pdf.set_text_color(*INK)
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    total = sum(block.widths)
    widths = [pdf.epw * width / total for width in block.widths]
    rows = [tuple(_fit_cell(pdf, cell, width) for cell, width in zip(row, widths, strict=True)) for row in block.rows]
    # The header and the first row stay together.
    first_row = rows[0] if rows else ()
    first = max((_cell_height(pdf, cell, width) for cell, width in zip(first_row, widths, strict=False)), default=0)
    _start(pdf, 0, 2 * (LINE + 2.4) + first)
    pdf.set_font(FAMILY, "", TABLE_PT)
    heading = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEAD_FILL)
    from fpdf.table import Table as FpdfTable

    table = FpdfTable(
        pdf,
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
    )
    header = table.row()
    for label in block.header:
        header.cell(_safe(pdf, label))
    for cells in rows:
        row = table.row()
        for cell in cells:
            _inline_cell(pdf, row, cell)
    _one_pass(pdf, table)
    table.render()
    pdf.ln(3)


def _one_pass(pdf: Any, table: Any) -> None:
    """Have fpdf2's `table.render()` lay each cell out once, as it would draw it.

    fpdf2 lays every cell out twice, with `multi_cell`: once, unwritten, to
    measure the rows, and once to draw them (most of a national directory's
    time). On the fpdf2 `_write_lines` repeats, and for the tables `_table`
    builds, the rows are measured here with `_break` (the same lines), and
    each cell's lines drawn by the calls `multi_cell` makes. fpdf2's own
    `render` still decides the page breaks and repeats the header, and draws
    each border with its own code, so the bytes are the same. When the
    measuring finds a cell it cannot lay out, fpdf2 does it all.
    """
    fpdf_rows, fpdf_cell = table._compute_rows_info, table._render_table_cell
    planned: dict[tuple[int, int], Any] = {}

    def rows_info() -> Any:  # called by `render` once it has counted the columns
        with pdf._disable_writing():  # as fpdf2 measures: the font and colour changes unwritten
            measured = _table_rows(pdf, table, planned)
        if measured is None:
            planned.clear()
            return fpdf_rows()
        return iter(measured)

    def render_cell(i: int, j: int, cell: Any, row_height: float, cell_height_info: Any = None, **rest: Any) -> Any:
        lines = planned.get((i, j))
        if cell_height_info is None or lines is None or set(rest) != {"cell_x_positions"}:
            return fpdf_cell(i, j, cell, row_height=row_height, cell_height_info=cell_height_info, **rest)
        _table_cell(pdf, table, i, j, cell, row_height, cell_height_info.height, rest["cell_x_positions"], lines)
        return False, 0, cell_height_info.height

    table._compute_rows_info = rows_info
    table._render_table_cell = render_cell


def _table_style(table: Any, i: int, j: int, cell: Any) -> Any:
    """The style fpdf2's `Table._render_table_cell` draws a cell in."""
    from fpdf.fonts import FontFace

    style = table._initial_style
    if table._cell_fill_mode.should_fill_cell(i, j) and table._cell_fill_color:
        style = style.replace(fill_color=table._cell_fill_color)
    if i < table._num_heading_rows:
        style = FontFace.combine(style, table._headings_style)
    style = FontFace.combine(style, table.rows[i].style)
    return FontFace.combine(style, cell.style)


def _table_rows(pdf: Any, table: Any, planned: dict[tuple[int, int], Any]) -> list[Any] | None:
    """The `RowLayoutInfo` of each row that fpdf2's `Table._compute_rows_info` would compute, or None;
    each cell's lines put in `planned`.

    Its heights come from laying out every cell with `multi_cell` (at a
    cost); here from `_break`, which finds the same lines. Only what
    `_table` builds is measured here: one line height, no spans, no
    images, text `_break` can lay out, top-aligned at the left. Anything
    else is left to fpdf2.
    """
    from fpdf.enums import Align, VAlign, WrapMode

    if _fpdf_version() != WRITE_FPDF or table._markdown or table._wrapmode is not WrapMode.WORD:
        return None
    padding = table._padding
    if not padding.left or not padding.right or table._gutter_width or table._gutter_height:
        return None  # no clearance margins, no gutters: as measured below
    if table._min_row_height or table._outer_border_margin != (0, 0) or table._v_align is not VAlign.T:
        return None
    if not isinstance(table._text_align, (str, Align)) or Align.coerce(table._text_align) is not Align.L:
        return None
    with ExitStack() as fonts:
        return _measure_rows(pdf, table, planned, fonts)


def _measure_rows(pdf: Any, table: Any, planned: dict[tuple[int, int], Any], fonts: ExitStack) -> list[Any] | None:
    """`_table_rows` row by row, each run of cells in one style measured in it (set in `fonts`)."""
    from fpdf.enums import CellBordersLayout
    from fpdf.table import Cell, RowLayoutInfo

    padding, line = table._padding, table._line_height
    in_use = None
    infos = []
    for i, row in enumerate(table.rows):
        if row.style is not None or row.min_height or row.v_align:
            return None
        heights: dict[int, float] = {}
        for j, cell in enumerate(row.cells):
            if not isinstance(cell, Cell) or cell.img or cell.colspan != 1 or cell.rowspan != 1 or cell.padding:
                return None
            if cell.align or cell.v_align or cell.border is not CellBordersLayout.INHERIT:
                return None
            if not cell.text:
                heights[j] = 0
                continue
            style = _table_style(table, i, j, cell)
            if style != in_use:  # a style stays set while the cells in it follow (unwritten, as measuring is)
                fonts.close()
                fonts.enter_context(pdf.use_font_face(style))
                in_use = style
            pen = _pen(pdf, cell.text)
            room = table._get_col_width(i, j) - padding.right - padding.left
            lines = _break(pen, cell.text, room, room, 0.0) if pen is not None else None
            if pen is None or not lines:
                return None
            # fpdf2's measuring draws the cell, unwritten: the font subset takes its letters then, in
            # this order, and numbers them by it. Taken alike, so that the font's bytes are the same.
            for drawn, *_ in lines:
                if drawn:
                    _encode(pen, drawn)
            total = 0.0
            for _ in lines:  # summed line by line, as `multi_cell` sums them
                total += line
            heights[j] = total + padding.top + padding.bottom
            planned[(i, j)] = lines
        height = float(max(heights.values(), default=0) or line)
        infos.append(RowLayoutInfo(height, height, heights, [0, height]))
    return infos


def _table_cell(
    pdf: Any,
    table: Any,
    i: int,
    j: int,
    cell: Any,
    line: float,
    height: float,
    columns: Any,
    lines: list[Line],
) -> None:
    """Draw a cell as fpdf2's `Table._render_table_cell` does (its border and fill, then its text
    through `multi_cell`), with the lines `_table_rows` found."""
    from fpdf.enums import Align, XPos, YPos
    from fpdf.util import Padding

    row, padding = table.rows[i], table._padding
    style = _table_style(table, i, j, cell)
    width = table._get_col_width(i, j)
    pdf.set_x(columns[j])
    x, y = pdf.x, pdf.y
    table._borders_layout.cell_style_getter(
        row_idx=i,
        col_idx=j,
        col_pos=j,
        num_heading_rows=table._num_heading_rows,
        num_rows=len(table.rows),
        num_col_idx=len(row.cells),
        num_col_pos=row.cols_count,
    ).override_cell_border(cell.border).draw_cell_border(
        pdf, x, y, x + width, y + height, fill_color=style.fill_color if style else None
    )
    with pdf.use_font_face(style):
        pen = _pen(pdf, cell.text)
        if pen is None:  # cannot be, as it was measured: fpdf2's own call then
            pdf.multi_cell(
                w=width,
                h=line,
                text=cell.text,
                max_line_height=line,
                border=0,
                align=Align.L,
                new_x="RIGHT",
                new_y="TOP",
                fill=False,
                padding=padding,
                link=cell.link,
            )
            return
        # `multi_cell(w=width, h=line, text, max_line_height=line, align="L", new_x="RIGHT",
        # new_y="TOP", padding=padding, link=cell.link)`, step by step:
        pdf.x += padding.left
        pdf.y += padding.top
        broke = False
        inner = Padding(0, padding.right, 0, padding.left)
        for number, drawn in enumerate(lines):
            if pdf._perform_page_break_if_need_be(line + padding.bottom):
                broke = True
                pdf.y += padding.top
            last = number == len(lines) - 1
            new_x, new_y = (XPos.RIGHT, YPos.TOP) if last else (XPos.LEFT, YPos.NEXT)
            _draw_line(pdf, pen, drawn, line, new_x, new_y, link=cell.link, padding=inner)
        pdf.y = pdf.y if broke else y  # as `multi_cell` returns to the top (of a new page: its top)
        pdf.x += padding.right


# A table cell taller than this share of a page is cut short (its full text is
# in the section it names): fpdf2 keeps a table row on one page, and cannot draw one taller than a page.
CELL_SHARE = 0.6
LONG_CELL = 200  # characters: shorter cells always fit, and are not measured


def _cell_height(pdf: FPDF, cell: Inline, width: float) -> float:
    return _height(pdf, width - 4, LINE, plain_text(cell), bold=True, size=TABLE_PT) + 2.4


def _fit_cell(pdf: FPDF, cell: Inline, width: float) -> Inline:
    """The cell, or its text cut to CELL_SHARE of a page with an ellipsis when it is longer."""
    value = plain_text(cell)
    if len(value) < LONG_CELL:
        return cell
    limit = CELL_SHARE * (pdf.page_break_trigger - MARGIN)
    if _cell_height(pdf, cell, width) <= limit:
        return cell
    low, high = 0, len(value)
    while low < high:  # the longest start of the text that fits
        middle = (low + high + 1) // 2
        if _cell_height(pdf, (Run(value[:middle] + "…"),), width) <= limit:
            low = middle
        else:
            high = middle - 1
    run = cell[0]
    return (Run(value[:low].rstrip() + "…", run.url, run.bold),)


def _bullets(pdf: FPDF, block: Bullets) -> None:
    line = _line(pdf)
    for number, (depth, runs) in enumerate(block.items):
        indent = MARGIN + 5 + depth * 6  # a number hangs where a bullet would: the text as wide either way
        foot = getattr(pdf, "column_foot", None)  # the Page's: set where the fact sheet's map column ends
        if foot is not None and pdf.get_y() > foot:
            pdf.set_right_margin(MARGIN)  # past the map column, an item has the page's width
        pdf.set_left_margin(indent)
        pdf.set_x(indent)
        # An item (a source with its address, say) stays on one page.
        page = pdf.page
        _start(pdf, number, _height(pdf, 0, line, plain_text(runs), bold=True) + 0.8)
        heading = getattr(pdf, "heading", None)  # the Page's: set as its blocks are drawn
        if number and pdf.page != page and heading is not None:
            _continued(pdf, heading)  # a list going on on the next page says what it is
            pdf.set_left_margin(indent)
            pdf.set_x(indent)
        _font(pdf, "", BODY_PT, ACCENT)
        if block.numbered and runs:  # its number is its mark, hanging in the margin as a bullet would
            mark, _, rest = runs[0].text.partition(" ")
            runs = (runs[0]._replace(text=rest), *runs[1:]) if rest else runs[1:]
            pdf.set_x(indent - 5.6)
            _cell(pdf, 5, line, mark, right=True)
        else:
            pdf.set_x(indent - 4)
            _cell(pdf, 4, line, "•" if depth == 0 else "–")
        pdf.set_x(indent)
        _write_runs(pdf, runs, BODY_PT, INK, line)
        pdf.set_left_margin(MARGIN)
        pdf.ln(0.8)
    pdf.ln(1.5)


def _continued(pdf: Any, heading: Heading) -> None:
    """ "Sources (continued)" atop a page that a list under that heading goes on to: as a part's
    heading, not bookmarked again."""
    pdf.set_left_margin(MARGIN)
    pdf.set_x(MARGIN)
    pdf.set_font(FAMILY, "B", 10.5)
    pdf.set_text_color(*ACCENT)
    _multi_cell(pdf, 0, 5.5, _safe(pdf, t(pdf.words, "doc_continued", heading=heading.text)))
    pdf.ln(1)


def _page_break(pdf: FPDF, block: PageBreak) -> None:
    pdf.add_page()


def _map(pdf: Any, block: Map) -> None:
    """The coverage map as vector shapes and real text, the legend where the picture has it, kept with its heading.

    The map fills the text width, or the rest of the page when that is
    shorter, down to MAP_LEAST (else it starts the next page). Names never
    print below LABEL_PT: on a smaller map they grow against the counties.
    """
    from owes_cli.render import pdf_map  # it imports this module's text helpers

    m = block.drawing
    (left, _), (right, bottom) = (coverage_map.MARGIN, m.body[0]), (m.width - coverage_map.MARGIN, m.body[1])
    upper = m.body[0]
    full = min(pdf.epw / (right - left), (pdf.eph - MAP_EXTRA - MAP_ROOM_AFTER) / (bottom - upper))
    if pdf.one_page:  # the fact sheet without a column for it: the map takes what the page has left
        mm = min(full, (pdf.page_break_trigger - pdf.get_y() - SHEET_MAP_EXTRA - pdf.after) / (bottom - upper))
        _heading(pdf, Heading(block.title, 2))
    else:
        mm = min(full, (pdf.page_break_trigger - pdf.get_y() - MAP_EXTRA - pdf.after) / (bottom - upper))
        if mm < MAP_LEAST * full:
            pdf.add_page()
            mm = full
        _heading(pdf, Heading(block.title, 1))
    if not pdf.one_page:  # the fact sheet's heading and colophon say what the map's date line and credits say
        _lines(pdf, m.subtitle, 8, 4, MUTED)
    top = pdf.get_y() + 1
    pdf_map.drawing(pdf, m, MARGIN, top, mm, bounds=(left, upper, right, bottom))
    pdf.set_y(top + (bottom - upper) * mm + 2)
    if not pdf.one_page:
        _lines(pdf, m.credits, 7, 3.4, MUTED)
    pdf.ln(3)


# mm: the fact sheet's map column beside how to reach the centres, and whether it starts at the answer.
# One grid for every county, day and language, so that a stack of sheets reads as a set: the map
# column from the answer down, 48 mm wide (it fits all 14 counties x 3 days x 2 languages on one page).
SHEET_COLUMNS = ((48.0, True),)
SHEET_GAP = 6.0


def _column_map(pdf: Any, block: Map) -> float:
    """The fact sheet's map at the right of the page from the current line, its legend under it; its foot."""
    from owes_cli.render import pdf_map

    m = block.drawing
    rings = [point for shape in m.shapes for ring in shape.rings for point in ring]
    left, right = min(x for x, _ in rings), max(x for x, _ in rings)
    upper, lower = m.body[0], max(y for _, y in rings)
    mm = pdf.column / (right - left)
    x, top = pdf.w - MARGIN - pdf.column, pdf.get_y() + 2
    pdf.set_xy(x, top)
    _lines(pdf, block.title, 8, 3.6, ACCENT, bold=True, width=pdf.column)
    top = pdf.get_y() + 1
    legend_top = top + (lower - upper) * mm + 4
    bounds = (left, upper, right, lower + coverage_map.SEAT_RADIUS)
    pdf_map.drawing(pdf, m, x, top, mm, origin=(left, upper), legend_at=(x, legend_top), bounds=bounds)
    return float(pdf.get_y())


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
    _font(pdf, "B" if bold else "", size, colour)
    # Text not in the report's blocks (the map's legend and credits) is typeset here.
    _multi_cell(pdf, width, height, _safe(pdf, typography.prose(value)))


def _write_runs(pdf: FPDF, runs: Inline, size: float, colour: tuple[int, int, int], height: float) -> None:
    """Flowing text whose pieces may be bold, small or links; wraps at the current left margin."""
    pdf = _drawn_on(pdf)
    line = height
    for run in runs:
        points, line = (SMALL_RUN_PT, SMALL_RUN_LINE) if run.small else (size, height)
        if run.url:
            _font(pdf, "U", points, ACCENT)
        else:
            _font(pdf, "B" if run.bold else "", points, colour)
        value = _safe(pdf, run.text)
        if run.url and run.text == run.url:
            _write_url(pdf, line, value, run.url)
            continue
        # fpdf2 cuts a piece's first word letter by letter when it does not fit the rest of the
        # line ("O|środek", "http:/|/…"): such a word starts the next line instead.
        first = re.split("[ \n]", value, maxsplit=1)[0]
        room = pdf.w - pdf.r_margin - 2 * pdf.c_margin - 1  # as fpdf2 counts it, and a little to spare
        if first and pdf.x > pdf.l_margin + 0.1 and pdf.x + pdf.get_string_width(first) > room:
            pdf.ln(line)
        _write(pdf, line, value, run.url or "")
    pdf.ln(line)


def _write_url(pdf: FPDF, height: float, value: str, link: str) -> None:
    """A printed web address, its lines ended only where `typography.url_pieces` allows.

    Laid out here, piece by piece: no character is put into the text, so a
    copied address is the address, or it with line breaks.
    """
    room = pdf.w - pdf.r_margin - 2 * pdf.c_margin - 1  # as fpdf2 counts it, and a little to spare
    # After a "-" only when a piece would not fit a line else: a line ending in "-" reads as
    # a word hyphenated at its end, and text extraction (pdftotext) joins it without the "-".
    pieces: list[str] = []
    for fine in typography.url_pieces(value):
        if pieces and pieces[-1].endswith("-"):
            pieces[-1] += fine
        else:
            pieces.append(fine)
    if any(pdf.get_string_width(piece) > room - pdf.l_margin for piece in pieces):
        pieces = typography.url_pieces(value)
    # An address that would take more lines begun where the text stops than begun on a line of its
    # own starts the next line: else a short piece ("12-start/") is left alone between two long ones.
    if pdf.x > pdf.l_margin + 0.1 and _url_lines(pdf, pieces, pdf.x, room) > _url_lines(
        pdf, pieces, pdf.l_margin, room
    ):
        pdf.ln(height)
    line = ""
    for piece in pieces:
        if pdf.x + pdf.get_string_width(line + piece) > room and (line or pdf.x > pdf.l_margin + 0.1):
            if line:
                _write(pdf, height, line, link)
            pdf.ln(height)
            line = piece
        else:
            line += piece
    if line:
        _write(pdf, height, line, link)


def _url_lines(pdf: FPDF, pieces: list[str], x: float, room: float) -> int:
    """How many lines `_write_url` fills with `pieces` begun at `x`."""
    lines, line = 1, ""
    for piece in pieces:
        if x + pdf.get_string_width(line + piece) > room and (line or x > pdf.l_margin + 0.1):
            lines, line, x = lines + 1, piece, pdf.l_margin
        else:
            line += piece
    return lines


def _multi_cell(pdf: FPDF, width: float, height: float, text: str) -> None:
    if not _multi_cell_lines(pdf, width, height, text):
        pdf.multi_cell(width, height, text, align="L", new_x="LMARGIN", new_y="NEXT")


def _multi_cell_lines(pdf: Any, width: float, height: float, text: str) -> bool:
    """Draw text of one style as fpdf2's `multi_cell(width, height, text, align="L", new_x="LMARGIN",
    new_y="NEXT")` would; whether it did.

    `multi_cell` costs as much for a two-word label as `write` for a line
    (its line breaker, its fixed cost): a centre's page has a dozen. Its
    lines are found as `_write_lines` finds them, and drawn as `multi_cell`
    draws them (`_draw_line`), so the bytes are the same.
    """
    pen = _pen(pdf, text)
    if pen is None:
        return False
    XPos, YPos = _fpdf().XPos, _fpdf().YPos
    room = width if width else pdf.w - pdf.r_margin - pdf.x  # no padding: `multi_cell`'s is 0 on every side
    lines = _break(pen, text, room, room, pdf.c_margin)
    if not lines:
        return False
    for number, line in enumerate(lines):
        pdf._perform_page_break_if_need_be(height)
        last = number == len(lines) - 1
        _draw_line(pdf, pen, line, height, XPos.LMARGIN if last else XPos.LEFT, YPos.NEXT)
    if lines[-1][3]:  # ending in "\n": `multi_cell` goes on to the next line
        pdf.ln()
    return True


def _write(pdf: FPDF, height: float, text: str, link: str) -> None:
    if not _write_lines(pdf, height, text, link):
        pdf.write(height, text, link=link)


# The fpdf2 whose `write`, `multi_cell`, `cell` and table drawing `_write_lines`, `_multi_cell_lines`,
# `_cell` and `_one_pass` repeat (test_print_quality pins it): another version is left to fpdf2's own.
WRITE_FPDF = FOLLOWED_FPDF


def _write_lines(pdf: Any, height: float, text: str, link: str) -> bool:
    """Draw text of one style as fpdf2's `write` would, wrapped by word; whether it did.

    `write` passes every character through its line breaker, which sums
    the line's width again for each one: most of a big directory's time
    (28,000 list items), and a third of a fact sheet's drawing. The lines
    `write` would make are found here in one pass (the same breaks, at
    the same widths: the font's integer widths summed in the same order),
    and drawn as `write` draws them (`_draw_line`), so the page's bytes
    are the same. Anything else (a second style or font, a line break, a
    soft hyphen, text shaping, a word wider than a line) is left to `write`.
    """
    pen = _pen(pdf, text)
    if pen is None:
        return False
    XPos, YPos = _fpdf().XPos, _fpdf().YPos
    lines = _break(pen, text, pdf.w - pdf.x - pdf.r_margin, pdf.w - pdf.l_margin - pdf.r_margin, pdf.c_margin)
    if not lines:
        return False
    for number, line in enumerate(lines):
        if number:
            pdf.ln()
        _draw_line(pdf, pen, line, height, XPos.WCONT, YPos.TOP, link=link)
    if lines[-1][3]:  # a text ending in "\n": `write` goes on to the next line
        pdf.ln()
    return True


def _cell(pdf: Any, width: float, height: float, text: str, *, right: bool = False) -> None:
    """One line of text, as fpdf2's `cell(width, height, text, align="R" if right else "L")` draws it:
    a list item's bullet or number (a centre's page lists a dozen), a page's running head."""
    pen = _pen(pdf, text)
    if pen is None:
        pdf.cell(width, height, text, align="R" if right else "L")
        return
    XPos, YPos = _fpdf().XPos, _fpdf().YPos
    total = _width_units(pen, text)
    if total is None:
        pdf.cell(width, height, text, align="R" if right else "L")
        return
    _draw_line(pdf, pen, (text, 0, width, False, total), height, XPos.RIGHT, YPos.TOP, right=right)


def _drawn_on(pdf: Any) -> Any:
    """The document itself when `pdf` is an `offset_rendering` stand-in (the answer box is measured
    by drawing it there first): its methods run on the document, and so does all `_font` and
    `_draw_line` do, since an attribute set on the stand-in would stay on it. The stand-in undoes
    the drawing as it ends."""
    return pdf.pdf if isinstance(pdf, _fpdf().FPDFRecorder) else pdf


class _Pen:
    """The style fpdf2 captures when it makes a fragment of text (font, size, colour, underline),
    read once for a text: what `_break` measures its lines with and `_draw_line` draws them in."""

    __slots__ = ("colour", "font", "font_size", "k", "known", "size", "style", "underline", "widths")

    def __init__(self, pdf: Any) -> None:
        self.font = pdf.current_font
        self.size = pdf.font_size_pt  # points
        self.k = pdf.k
        self.font_size = self.size / self.k  # in the page's unit, as fpdf2's `Fragment.font_size`
        self.style = pdf.font_style
        self.colour = pdf.text_color
        self.underline = pdf.underline
        self.widths = self.font.cw
        self.known = _known(self.font)
        if self.size > self.font.biggest_size_pt:  # as fpdf2 notes when it measures text
            self.font.biggest_size_pt = self.size


def _pen(pdf: Any, text: str) -> _Pen | None:
    """The current style, when fpdf2 would draw `text` as one plain fragment that `_break` and
    `_draw_line` lay out and draw as it does; else None (fpdf2 draws it).

    A TrueType font that is neither a symbol font nor a colour font, no text shaping or fallback
    fonts, no page-count alias in the text, and the plain text state (no character spacing,
    stretching, sub- or superscript, strikethrough or outline).
    """
    names = _fpdf()
    if not text or "\r" in text or "\u000c" in text or "\u00ad" in text or names.version != WRITE_FPDF:
        return None  # a carriage return, a form feed or a soft hyphen: fpdf2's own `write` lays it out
    font = pdf.current_font
    alias = pdf.str_alias_nb_pages
    if (
        not isinstance(font, names.TTFFont)
        or font.is_symbol
        or font.color_font
        or pdf._fallback_font_ids
        or pdf.text_shaping
        or (alias and alias in text)
        or pdf.char_spacing != 0
        or pdf.font_stretching != 100
        or pdf.char_vpos is not names.line
        or pdf.text_mode is not names.fill
        or pdf.strikethrough
        or pdf._record_text_quad_points
    ):
        return None
    return _Pen(pdf)


class _Known:
    """What is known of one font of one document (a font's subset map is its document's): texts
    recur (a label on every centre's page, a service in every centre's list), and each is measured
    and encoded once."""

    __slots__ = ("codes", "encoded", "glyphs", "lines", "units")

    def __init__(self) -> None:
        self.glyphs: set[str] = set()  # the characters the subset has numbered
        self.codes: dict[int, str] = {}  # each one's code as a PDF string holds it (escaped), "" for none
        self.encoded: dict[str, str] = {}  # lines as `_encode` wrote them
        self.lines: dict[tuple[str, float, float, float, float, float], list[Line] | None] = {}  # `_break`'s
        self.units: dict[str, float] = {}  # texts' widths summed, in the font's units (`_height`)


_KNOWN: weakref.WeakKeyDictionary[Any, _Known] = weakref.WeakKeyDictionary()


def _known(font: Any) -> _Known:
    """What is known of `font`, kept with its subset map (each drawing, and each stand-in of
    `offset_rendering`, has its own copy of the font)."""
    subset = font.subset
    known = _KNOWN.get(subset)
    if known is None:
        known = _KNOWN[subset] = _Known()
    return known


def _encode(pen: _Pen, line: str) -> str:
    """`line` as fpdf2 writes it in a `Tj` string: each character's number in the font's subset,
    two bytes, escaped. A character first drawn here is numbered now, in its order in the line, as
    fpdf2 numbers it when it draws it: the subset's numbering, and so the font's bytes, are the same."""
    known = pen.known
    encoded = known.encoded.get(line)
    if encoded is None:
        glyphs, codes = known.glyphs, known.codes
        if not glyphs.issuperset(line):
            pick, escape = pen.font.subset.pick, pen.font.escape_text
            for character in line:
                if character not in glyphs:
                    number = pick(ord(character))
                    codes[ord(character)] = escape(chr(number)) if number else ""
                    glyphs.add(character)
        encoded = known.encoded[line] = line.translate(codes)
    return encoded


def _width_units(pen: _Pen, text: str) -> int | None:
    """The sum of the font's widths of `text`'s characters (in its units), or None when one has none."""
    widths, total = pen.widths, 0
    for character in text:
        width = widths[ord(character)]
        if type(width) is not int:
            return None
        total += width
    return total


# A line as `_break` finds it: its characters (None: a line ended by "\n" before any), its spaces,
# its room (the width fpdf2 gives the line), whether "\n" ended it, its width in the font's units.
Line = tuple[str | None, int, float, bool, int]


def _draw_line(
    pdf: Any,
    pen: _Pen,
    line: Line,
    height: float,
    new_x: Any,
    new_y: Any,
    *,
    link: str | None = None,
    padding: Any = None,
    right: bool = False,
) -> None:
    """Draw one line as fpdf2 2.8.9's `_render_styled_text_line` draws a line of one fragment in the
    pen's style, aligned left (right when `right`), with no border or fill: the same operators with
    the same numbers (BT, Td, the colour, Tj, ET, the underline) and the same link annotation.

    fpdf2 spends 0.1 ms on each line (copying its graphics state, looking up each character's
    glyph, checking settings owes never uses): a big directory's pages draw thousands of lines.
    `padding` is a table cell's (its left and right keep the cell margins off); None, none. A line
    that starts a page, or one the state has changed under, is left to fpdf2's own method.
    """
    names = _fpdf()
    characters, spaces, room, newline, total = line
    if (
        pdf.will_page_break(height)
        or pdf.current_font is not pen.font
        or pdf.font_size_pt != pen.size
        or pdf.font_style != pen.style
        or pdf.font_stretching != 100
        or pdf.char_spacing != 0
        or pdf.text_mode is not names.fill
    ):
        _draw_line_fpdf(pdf, pen, line, height, new_x, new_y, link, padding, right)
        return
    left_margin = pdf.c_margin if padding is None or padding.left == 0 else 0.0
    right_margin = pdf.c_margin if padding is None or padding.right == 0 else 0.0
    k, x, y = pdf.k, pdf.x, pdf.y
    box = room if room else pdf.w - pdf.r_margin - x  # fpdf2's `w`: the line's max_width, 0 meaning to the margin
    start = x  # where the text starts: at x when nothing is drawn
    width = 0.0
    if characters is not None:
        width = total * pen.size * 0.001 / k  # as `Fragment.get_width` computes it
        dx = box - left_margin - width if right else left_margin
        start = x + dx
        drawn = [f"BT {(x + dx) * k:.2f} {(pdf.h - y - 0.5 * height - 0.3 * pen.font_size) * k:.2f} Td"]
        colour_changed = pen.colour != pdf.fill_color
        if colour_changed:  # fpdf2 sets the text's colour in the text object when it is not the fill colour
            drawn.append(_colour(pen.colour))
        if not pdf.current_font_is_set_on_page:
            pdf._out(pdf._set_font_for_page(pen.font, pen.size))
        drawn.append(f"({_encode(pen, characters)}) Tj")
        drawn.append("ET")
        if pen.underline:
            drawn.append(pdf._do_underline(x + dx + 0, y + (0.5 * height) + (0.3 * pen.font_size), width, pen.font))
        if link:
            pdf.link(x + dx, y + (0.5 * height) - (0.5 * pen.font_size), width, pen.font_size, link)
        pdf._out(f"q {' '.join(drawn)} Q" if colour_changed else " ".join(drawn))
    pdf._lasth = height or pdf.font_size
    if new_x is names.XPos.WCONT:
        pdf.x = start + width - right_margin if width else start
    elif new_x is names.XPos.RIGHT:
        pdf.x = x + box
    elif new_x is names.XPos.LMARGIN:
        pdf.x = pdf.l_margin
    if new_y is names.YPos.NEXT:
        pdf.y = y + height


def _draw_line_fpdf(
    pdf: Any, pen: _Pen, line: Line, height: float, new_x: Any, new_y: Any, link: str | None, padding: Any, right: bool
) -> None:
    """`_draw_line` by fpdf2's own method: a fragment in the current style (the pen's, as the state
    is only ever changed under a text by a page break, which fpdf2 undoes), its page break and all."""
    from fpdf.enums import Align
    from fpdf.line_break import Fragment, TextLine

    characters, spaces, room, newline, total = line
    fragments = [] if characters is None else [Fragment(characters, pdf._get_current_graphics_state(), pdf.k)]
    width = 0 if characters is None else total * pen.size * 0.001 / pen.k
    align = Align.R if right else Align.L
    text_line = TextLine(fragments, width, spaces, align, pen.font_size, room, trailing_nl=newline)
    pdf._render_styled_text_line(
        text_line,
        h=height,
        border=0,
        new_x=new_x,
        new_y=new_y,
        fill=False,
        link=link,
        padding=padding,
        prevent_font_change=False,
    )


_COLOURS: dict[tuple[type, Any], str] = {}


def _colour(colour: Any) -> str:
    """The operator that sets a text's colour, as fpdf2 writes it within a line."""
    key = (type(colour), colour)
    op = _COLOURS.get(key)
    if op is None:
        op = _COLOURS[key] = colour.serialize().lower()
    return op


def _break(pen: _Pen, text: str, first_room: float, room: float, margin: float) -> list[Line] | None:
    """The lines fpdf2's `MultiLineBreak` makes of one fragment of `text` in the pen's style, the first
    `first_room` wide, the others `room`, less the cell `margin` at each end (0 in a padded table
    cell). None when one would be cut inside a word (fpdf2 then cuts it letter by letter). The
    same text in the same room breaks alike: found once per font (the list is not to be changed).
    """
    key = (text, first_room, room, margin, pen.size, pen.k)
    known = pen.known.lines
    if key not in known:
        known[key] = _break_once(pen, text, first_room, room, margin)
    return known[key]


def _break_once(pen: _Pen, text: str, first_room: float, room: float, margin: float) -> list[Line] | None:
    names = _fpdf()
    BREAKING_SPACE_SYMBOLS_STR, NBSP, NEWLINE, SPACE = names.breaking, names.nbsp, names.newline, names.space
    widths, size, k = pen.widths, pen.size, pen.k
    if NEWLINE not in text:  # most texts (a name, a label) fit their line: summed at once
        whole = sum(map(widths.__getitem__, map(ord, text)))
        # Each character's check below sums a part of `whole`: none can fail with this much to spare.
        if whole and type(whole) is int and whole * size * 0.001 / k < first_room - margin - margin - 1e-6:
            no_break = text.count(NBSP)
            spaces = len(names.spaces.findall(text))
            units = whole + no_break * (widths[ord(SPACE)] - widths[ord(NBSP)]) if no_break else whole
            return [(text.replace(NBSP, SPACE) if no_break else text, spaces, first_room, False, units)]
    count = len(text)
    lines: list[Line] = []
    start = 0
    while start < count:
        room_now = room if lines else first_room
        # The cell margins subtracted as fpdf2 does, so the float is the same.
        limit = room_now - margin - margin
        drawn: list[str] = []
        total = 0  # the font's widths of the line so far, in its units: integers, which sum alike in any order
        units = 0  # those of the characters drawn (a no-break space is drawn as a space)
        spaces = 0
        hint: tuple[int, int, int, int] | None = (
            None  # the last breaking space: its index, characters, units, spaces before
        )
        index, following, newline = start, count, False
        while index < count:
            character = text[index]
            width = widths[ord(character)]  # looked up for "\n" too, as fpdf2 does (the table fills as it is read)
            if type(width) is not int:
                return None
            if character == NEWLINE:
                following, newline = index + 1, True
                break
            if total * size * 0.001 / k + width * size * 0.001 / k - limit > 1e-9:  # FloatTolerance.greater_than
                if index == start:
                    return None  # not one character fits: `write` decides
                if character in BREAKING_SPACE_SYMBOLS_STR:  # a space at the end is dropped
                    following = index + 1
                elif hint is not None:  # the line ends at the last space
                    following = hint[0] + 1
                    drawn, units, spaces = drawn[: hint[1]], hint[2], hint[3]
                else:
                    return None  # a word wider than the line: `write` cuts it letter by letter
                break
            if character in BREAKING_SPACE_SYMBOLS_STR:
                hint = (index, len(drawn), units, spaces)
                spaces += 1
                drawn_width = width
            elif character == NBSP:
                character = SPACE  # as fpdf2 has it: PDF viewers ignore NBSP for word spacing with "Tw"
                spaces += 1
                drawn_width = widths[ord(SPACE)]
            else:
                drawn_width = width
            drawn.append(character)
            total += width
            units += drawn_width
            index += 1
        else:
            if not total:
                break  # `get_line` makes no line of the end of a text when it has no width
        lines.append(("".join(drawn) if index > start else None, spaces, room_now, newline, units))
        start = following
    return lines


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

    font = pdf.fonts[FAMILY_KEY]
    assert isinstance(font, TTFFont)
    cmap = font.cmap
    marked = typography.printable_marked(value)
    if _drawable(cmap).issuperset(marked):
        return marked  # the usual case: every character in the font
    out = []
    for ch in marked:
        if ch == "\n" or ord(ch) in cmap:
            out.append(ch)
            continue
        folded = "".join(c for c in unicodedata.normalize("NFKD", ch) if ord(c) in cmap and c.isascii())
        out.append(folded or "?")
    return "".join(out)


_DRAWABLE: dict[int, tuple[dict[int, Any], frozenset[str]]] = {}


def _drawable(cmap: dict[int, Any]) -> frozenset[str]:
    """The characters a font's `cmap` has, and "\n" (each document loads its fonts anew)."""
    known = _DRAWABLE.get(id(cmap))
    if known is None or known[0] is not cmap:
        if len(_DRAWABLE) > 8:
            _DRAWABLE.clear()
        known = _DRAWABLE[id(cmap)] = (cmap, frozenset(map(chr, cmap)) | {"\n"})
    return known[1]


def _fit(pdf: FPDF, value: str, width: float) -> str:
    """Shorten a one-line text to a width, ending it with an ellipsis."""
    if pdf.get_string_width(value) <= width:
        return value
    while value and pdf.get_string_width(value + "…") > width:
        value = value[:-1]
    return value.rstrip() + "…"
