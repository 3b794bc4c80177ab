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
import textwrap
import zipfile
from datetime import UTC, datetime
from typing import Any

from owes_cli.errors import CannotWriteError
from owes_cli.layout.spreadsheet import Cell, Link, Sheet, Workbook
from owes_cli.render import palette
from owes_cli.safe_text import printable

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
    from openpyxl.writer.excel import ExcelWriter

    check_limits(book)
    wb = OpenpyxlWorkbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    for sheet in book.sheets:
        _write_sheet(wb.create_sheet(_tab_name(sheet.title)), sheet)
    stamp = generated.astimezone(UTC).replace(tzinfo=None, microsecond=0)
    wb.properties.title = printable(book.title)
    wb.properties.creator = "owes"
    wb.properties.language = {"pl": "pl-PL", "en": "en"}[book.lang]
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.lastModifiedBy = None

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()  # save_workbook() would set `modified` to the clock
    return _fixed_times(raw.getvalue(), max(generated, ZIP_EPOCH))


def _tab_name(title: str) -> str:
    return printable(title).translate(TITLE_FORBIDDEN)[:31]


# Excel's limits: a sheet's rows, and a cell's characters (openpyxl cuts a longer text without a word).
MAX_ROWS = 1_048_576
MAX_CELL = 32_767


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


def check_limits(book: Workbook) -> None:
    """Refuse, before anything is written, a sheet with more rows than Excel can open."""
    for sheet in book.sheets:
        rows = 1 + len(_split_long_cells(sheet))
        if rows > MAX_ROWS:
            raise CannotWriteError("xlsx_too_many_rows", sheet=sheet.title, rows=f"{rows:,}", limit=f"{MAX_ROWS:,}")


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    from copy import copy

    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(name=FONT, size=FONT_SIZE, bold=True)
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    top = Alignment(vertical="top", wrap_text=True)
    widths = [len(header) for header in sheet.headers]
    for column, header in enumerate(sheet.headers, start=1):
        cell = _put(ws.cell(row=1, column=column), header)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, top
    rows = _split_long_cells(sheet)
    texts: list[list[str]] = []
    # Every body cell shares one style, copied from a first cell: openpyxl's style setters
    # look the style up in the workbook's list on every cell (a third of a large export's time).
    plain: Any = None
    link: Any = None
    for row_number, row in enumerate(rows, start=2):
        shown = []
        for index, value in enumerate(row):
            text = value.text if isinstance(value, Link) else value or ""
            shown.append(text)
            if value is None:
                continue
            cell = ws.cell(row=row_number, column=index + 1)
            if isinstance(value, Link):
                cell.hyperlink = value.url
                if link is None:
                    cell.style = "Hyperlink"
                    cell.font = Font(name=FONT, size=FONT_SIZE, underline="single", color="0563C1")
                    cell.alignment = top
                    link = copy(cell._style)
                else:
                    cell._style = copy(link)
            elif plain is None:
                cell.alignment = top
                plain = copy(cell._style)
            else:
                cell._style = copy(plain)
            _put(cell, text)  # after the style: it may add the quote-prefix mark
            widths[index] = max(widths[index], *(len(line) for line in text.split("\n")))
        texts.append(shown)
    widths = [min(width, WIDE if index in sheet.wide else NARROW) + 2 for index, width in enumerate(widths)]
    for index, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    # Spreadsheets do not all fit a row to its wrapped text when they open a file: give each its height,
    # no more than Excel's 409 points (a taller row would leave a printed page holding one row).
    for row_number, shown in enumerate(texts, start=2):
        lines = max((_wrapped_lines(text, width) for text, width in zip(shown, widths, strict=True)), default=1)
        ws.row_dimensions[row_number].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * max(1, lines))
    ws.freeze_panes = "B2"  # the header row and the name column stay in view
    last = get_column_letter(len(sheet.headers))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    _print_setup(ws, widths)


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


def _put(cell: Any, value: str) -> Any:
    """The value as text, never a formula, whatever it starts with."""
    text = printable(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


def _fixed_times(data: bytes, when: datetime) -> bytes:
    """The same zip, each entry stamped with `when` instead of the time it was written."""
    stamp = when.astimezone(UTC).timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry))
    return out.getvalue()
