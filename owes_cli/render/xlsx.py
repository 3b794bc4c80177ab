"""A spreadsheet `Workbook` written as an .xlsx file with openpyxl (imported only here, when asked).

Every sheet has a bold, frozen header row, an autofilter over its rows,
columns sized to their text (long text wraps) and real hyperlinks.

Nothing from the dataset is ever a formula: openpyxl would store a text
starting with "=" as one, so each cell is typed as text, and a text that a
spreadsheet would read as a formula when edited (=, +, -, @) carries the
quote-prefix mark, as if typed with a leading apostrophe.

The bytes depend only on the workbook and the `generated` time: it is the
document's created and modified time, and every zip entry's time (openpyxl
would write the clock's).
"""

from __future__ import annotations

import io
import itertools
import textwrap
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast
from xml.sax.saxutils import escape

from owes_cli.errors import CannotWriteError
from owes_cli.layout.spreadsheet import Cell, Link, Sheet, Workbook
from owes_cli.messages import printable
from owes_cli.render import palette

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = palette.HEAD_FILL
NARROW, WIDE = 30, 50  # characters: the widest a column of short values, or of long text, is made; text wraps
LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.0  # points: Excel's tallest row
FONT, FONT_SIZE = "Calibri", 11  # every cell's, the header's and the links' too (LibreOffice: Carlito)
CHARACTER_MM = 2.1  # about how wide a column's character unit prints, at 11 points
PRINTABLE_MM = 297 - 2 * 18  # landscape A4 less the default margins
LEAST_PRINTED_PT = 8.0
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold
TITLE_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def render(book: Workbook, generated: datetime) -> bytes:
    """The workbook as .xlsx bytes; CannotWriteError for a sheet past Excel's row limit, before any work."""
    from openpyxl import Workbook as OpenpyxlWorkbook

    for sheet in book.sheets:
        _check_rows(sheet, sheet.rows)
    wb = OpenpyxlWorkbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    styles = _Styles(wb)
    prepared = []
    for sheet in book.sheets:
        cells = _Cells(sheet, sheet.rows, styles)
        if cells.longest() > MAX_CELL:  # rare: only then look for the long texts, cell by cell
            rows = _split_long_cells(sheet)
            _check_rows(sheet, rows)
            cells = _Cells(sheet, rows, styles)
        prepared.append(cells)
    written: dict[int, tuple[list[str], list[Any]]] = {}
    for cells in prepared:
        ws = wb.create_sheet(_tab_name(cells.sheet.title))
        written[id(ws)] = _write_sheet(ws, cells)
    stamp = generated.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    wb.properties.title = printable(book.title)
    wb.properties.creator = "owes"
    wb.properties.language = {"pl": "pl-PL", "en": "en"}[book.lang]
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.lastModifiedBy = None

    raw = io.BytesIO()
    with _StampedZip(raw, max(generated, ZIP_EPOCH)) as archive:
        _excel_writer(wb, archive, written).save()  # save_workbook() would set `modified` to the clock
    return raw.getvalue()


def _tab_name(title: str) -> str:
    return printable(title).translate(TITLE_FORBIDDEN)[:31]


# Excel's limits: a sheet's rows, and a cell's characters (openpyxl cuts a longer text without a word).
MAX_ROWS = 1_048_576
MAX_CELL = 32_767
# The most rows owes builds in one sheet, refused before the work: a row costs about 13 µs of CPU on
# top of 0.45 s, so 100,000 keep the export under 2 s. Only "Counties by period" (a row for each
# county in each period) grows so far: Lubuskie's data makes 140 rows, a dataset shaped like all of
# Poland with seven periods 2,660, and 1,084 open-ended periods over 380 counties (256 KiB) 411,920.
MAX_BUILT_ROWS = 100_000


def _split_long_cells(sheet: Sheet) -> list[list[Cell]]:
    """The sheet's rows, a text longer than a cell holds continued in the rows below it, never cut.

    A continued text is split after a line (or a space) as near the limit as it can; the
    continuation rows hold nothing else, so a filter by another column keeps them apart.
    """
    rows: list[list[Cell]] = []
    for row in sheet.rows:
        pieces = [_pieces(value.text if isinstance(value, Link) else value or "") for value in row]
        if all(len(p) <= 1 for p in pieces):
            rows.append(row)
            continue
        for depth in range(max(len(p) for p in pieces)):
            if depth == 0:
                rows.append([value if len(p) <= 1 else p[0] for value, p in zip(row, pieces, strict=True)])
            else:
                rows.append([p[depth] if depth < len(p) else None for p in pieces])
    return rows


def _pieces(text: str) -> list[str]:
    if len(text) <= MAX_CELL:
        return [text]
    out = []
    while len(text) > MAX_CELL:
        cut = text.rfind("\n", 0, MAX_CELL)
        cut = cut if cut > 0 else text.rfind(" ", 0, MAX_CELL)
        cut = cut + 1 if cut > 0 else MAX_CELL
        out.append(text[:cut].rstrip())
        text = text[cut:]
    return [*out, text]


def _check_rows(sheet: Sheet, rows: list[list[Cell]]) -> None:
    """Refuse, before anything is written, a sheet with more rows than Excel can open."""
    if 1 + len(rows) > MAX_ROWS:
        raise CannotWriteError("xlsx_too_many_rows", sheet=sheet.title, rows=1 + len(rows), limit=MAX_ROWS)


class _Styles:
    """The workbook's few cell styles, each registered once: the header, body text and links,
    each also with the quote-prefix mark. Cells refer to them by number (no style object per cell)."""

    def __init__(self, wb: Any) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        top = Alignment(vertical="top", wrap_text=True)
        scratch = wb.create_sheet("styles")  # cells only to register the styles; removed below
        self.ids: dict[tuple[str, bool], int] = {}
        for column, (kind, marked) in enumerate(itertools.product(("header", "plain", "link"), (False, True)), 1):
            cell = scratch.cell(row=1, column=column)
            if kind == "header":
                cell.font = Font(name=FONT, size=FONT_SIZE, bold=True)
                cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
            elif kind == "link":
                cell.style = "Hyperlink"
                cell.font = Font(name=FONT, size=FONT_SIZE, underline="single", color="0563C1")
            cell.alignment = top
            cell.quotePrefix = marked
            self.ids[kind, marked] = cell.style_id
        wb.remove(scratch)


class _Text:
    """One distinct text of one column, prepared once however many cells show it: the cell's
    XML after its reference, its longest line, and the lines it wraps to once widths are known."""

    __slots__ = ("xml", "longest", "text", "lines")

    def __init__(self, value: str, kind: str, styles: _Styles) -> None:
        self.text = text = printable(value)
        # A text a spreadsheet would read as a formula when edited keeps the quote-prefix mark.
        style = styles.ids[kind, text.startswith(FORMULA_STARTS)]
        space = ' xml:space="preserve"' if text != text.strip() else ""
        self.xml = (
            f'" s="{style}" t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>' if text else f'" s="{style}"/>'
        )
        self.longest = max(len(line) for line in text.split("\n")) if "\n" in text else len(text)
        self.lines = 1


class _Cells:
    """A sheet's cells, column by column, each distinct text of a column prepared once (`_Text`)
    and shared by every cell that shows it: openpyxl would make a cell object and look its style
    up for every cell, most of a large export's time."""

    def __init__(self, sheet: Sheet, rows: list[list[Cell]], styles: _Styles) -> None:
        self.sheet, self.rows = sheet, rows
        self.header = [_Text(text, "header", styles) for text in sheet.headers]
        self.values = list(itertools.zip_longest(*rows, fillvalue=None)) or [() for _ in sheet.headers]
        self.columns: list[dict[Cell, _Text | None]] = []
        for values in self.values:
            column: dict[Cell, _Text | None] = dict.fromkeys(values)  # the distinct values, in order
            for value in column:
                if isinstance(value, Link):
                    column[value] = _Text(value.text, "link", styles)
                elif value is not None:
                    column[value] = _Text(value, "plain", styles)
            self.columns.append(column)

    def texts(self) -> list[_Text]:
        return [text for column in self.columns for text in column.values() if text is not None]

    def longest(self) -> int:
        return max((len(text.text) for text in self.texts()), default=0)


def _write_sheet(ws: Any, cells: _Cells) -> tuple[list[str], list[Any]]:
    """Set up `ws` (widths, frozen panes, filter, printing) and return its rows' XML and its links."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(index + 1) for index in range(len(cells.sheet.headers))]
    widths = _column_widths(cells)
    for index, column in enumerate(cells.columns):
        for text in column.values():
            if text is not None:
                text.lines = _wrapped_lines(text.text, widths[index])
        ws.column_dimensions[letters[index]].width = widths[index]
    xml = _rows_xml(cells, letters)
    ws.freeze_panes = "B2"  # the header row and the name column stay in view
    ws.auto_filter.ref = f"A1:{letters[-1]}{len(cells.rows) + 1}"
    _print_setup(ws, widths)
    return xml, _links(cells, letters)


def _column_widths(cells: _Cells) -> list[int]:
    """Each column's width in characters: its longest line or its heading, within its kind's bounds."""
    sheet = cells.sheet
    longest = [max((text.longest for text in column.values() if text), default=0) for column in cells.columns]
    return [
        min(max(width, len(head.text)), WIDE if index in sheet.wide else NARROW) + 2
        for index, (width, head) in enumerate(zip(longest, cells.header, strict=True))
    ]


def _rows_xml(cells: _Cells, letters: list[str]) -> list[str]:
    """The header's and every row's XML, each row as tall as its most wrapped cell."""
    columns = cells.columns
    # Spreadsheets do not all fit a row to its wrapped text when they open a file: give each its height,
    # no more than Excel's 409 points (a taller row would leave a printed page holding one row).
    most = max((text.lines for text in cells.texts()), default=1)
    heights = [f"{min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines):g}" for lines in range(most + 1)]
    # Column by column, each cell's XML and its lines are dictionary look-ups done by map();
    # a full row is then one format() of them (a row with empty cells is put together cell by cell).
    xml_of = [{value: text.xml if text else None for value, text in column.items()} for column in columns]
    lines_of = [{value: text.lines if text else 1 for value, text in column.items()} for column in columns]
    by_row = zip(*[list(map(xml_of[i].__getitem__, values)) for i, values in enumerate(cells.values)], strict=True)
    row_lines = map(
        max, *[map(lines_of[i].__getitem__, values) for i, values in enumerate(cells.values)], [1] * len(cells.rows)
    )
    full = '<row r="{0}" customHeight="1" ht="{1}">'
    full += "".join(f'<c r="{letter}{{0}}{{{index + 2}}}' for index, letter in enumerate(letters)) + "</row>"
    fill = full.format
    xml = [_row_xml(1, [text.xml for text in cells.header], letters, None)]
    for number, (row, lines) in enumerate(zip(by_row, row_lines, strict=True), start=2):
        xml.append(
            fill(number, heights[lines], *row) if None not in row else _row_xml(number, row, letters, heights[lines])
        )
    return xml


def _links(cells: _Cells, letters: list[str]) -> list[Any]:
    """A hyperlink for every cell that holds a web address."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    if not any(isinstance(value, Link) for column in cells.columns for value in column):
        return []
    return [
        Hyperlink(ref=f"{letters[index]}{number}", target=value.url)
        for number, values in enumerate(cells.rows, start=2)
        for index, value in enumerate(values)
        if isinstance(value, Link)
    ]


def _row_xml(number: int, cells: Sequence[str | None], letters: list[str], height: str | None) -> str:
    start = f'<row r="{number}" customHeight="1" ht="{height}">' if height else f'<row r="{number}">'
    return start + "".join([f'<c r="{letters[i]}{number}{xml}' for i, xml in enumerate(cells) if xml]) + "</row>"


def _print_setup(ws: Any, widths: list[int]) -> None:
    """Printed: landscape A4, the header row on every page; fitted to the page's width only where
    the text then stays at 8 points or more, else printed at full size over several pages across."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    needed = sum(widths) * CHARACTER_MM
    shrink = PRINTABLE_MM / needed
    if shrink * FONT_SIZE >= LEAST_PRINTED_PT:
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_title_cols = "A:A"  # the name column on every page across
    ws.print_options.gridLines = True


def _wrapped_lines(text: str, width: int) -> int:
    """About how many lines `text` takes in a column `width` characters wide, wrapped at spaces."""
    if not text:
        return 1
    if len(text) <= width and "\n" not in text:
        return 1
    return sum(len(textwrap.wrap(line, max(width, 1))) or 1 for line in text.split("\n"))


class _StampedZip(zipfile.ZipFile):
    """A zip whose every entry is stamped with one time, not the clock's when it is written."""

    def __init__(self, file: io.BytesIO, when: datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.stamp = when.astimezone(UTC).timetuple()[:6]

    def entry(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        # The fastest deflate: a large sheet's XML shrinks almost as well, in a third of the time.
        info._compresslevel = 1  # type: ignore[attr-defined]
        return info

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            zinfo_or_arcname = self.entry(zinfo_or_arcname)
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)


ROWS_MARK = "owes-rows-go-here"  # where a sheet's rows go in the XML openpyxl writes around them


def _excel_writer(wb: Any, archive: _StampedZip, written: dict[int, tuple[list[str], list[Any]]]) -> Any:
    """openpyxl's writer, with each sheet's rows and links given rather than read from cells."""
    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    class SheetWriter(WorksheetWriter):
        def __init__(self, ws: Any, rows: list[str], links: list[Any]) -> None:
            super().__init__(ws, out=io.BytesIO())
            self.count, self.links = len(rows), links
            last = rows[0].count("<c ")
            self.ref = f"A1:{_column(last)}{self.count}"

        def write_dimensions(self) -> None:
            from openpyxl.worksheet.dimensions import SheetDimension

            self.xf.send(SheetDimension(self.ref).to_tree())

        def write_rows(self) -> None:
            xf: Any = self.xf.send(True)
            with xf.element("sheetData"):
                xf.write(ROWS_MARK)
            self.xf.send(None)
            ws: Any = self.ws
            ws._hyperlinks = self.links  # written by write_tail, each with its relationship

    class Writer(ExcelWriter):
        def write_worksheet(self, ws: Any) -> None:
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts, ws._drawing.images = ws._charts, ws._images
            rows, links = written[id(ws)]
            writer = SheetWriter(ws, rows, links)
            writer.write()
            ws._rels = cast(Any, writer)._rels
            before, after = writer.read().split(ROWS_MARK.encode())
            with archive.open(archive.entry(ws.path[1:]), "w") as out:
                out.write(before)
                for first in range(0, len(rows), 1000):  # in chunks: one compressor call a row is slow
                    out.write("".join(rows[first : first + 1000]).encode())
                out.write(after)
            self.manifest.append(ws)

    return Writer(wb, archive)


def _column(count: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(max(count, 1))
