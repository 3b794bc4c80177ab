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

from owes_cli.layout.spreadsheet import Link, Sheet, Workbook
from owes_cli.render import palette
from owes_cli.safe_text import printable

FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_FILL = palette.HEAD_FILL
NARROW, WIDE = 30, 50  # characters: the widest a column of short values, or of long text, is made; text wraps
LINE_HEIGHT = 15.0  # points per line of 11 pt text
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can hold
TITLE_FORBIDDEN = str.maketrans({ch: " " for ch in "[]:*?/\\"})


def render(book: Workbook, generated: datetime) -> bytes:
    from openpyxl import Workbook as OpenpyxlWorkbook
    from openpyxl.writer.excel import ExcelWriter

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


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font, header_fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    top = Alignment(vertical="top", wrap_text=True)
    widths = [len(header) for header in sheet.headers]
    for column, header in enumerate(sheet.headers, start=1):
        cell = _put(ws.cell(row=1, column=column), header)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, top
    texts: list[list[str]] = []
    for row_number, row in enumerate(sheet.rows, start=2):
        shown = []
        for index, value in enumerate(row):
            text = value.text if isinstance(value, Link) else value or ""
            shown.append(text)
            if value is None:
                continue
            cell = _put(ws.cell(row=row_number, column=index + 1), text)
            if isinstance(value, Link):
                cell.hyperlink = value.url
                cell.style = "Hyperlink"
            cell.alignment = top
            widths[index] = max(widths[index], *(len(line) for line in text.split("\n")))
        texts.append(shown)
    widths = [min(width, WIDE if index in sheet.wide else NARROW) + 2 for index, width in enumerate(widths)]
    for index, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    # Spreadsheets do not all fit a row to its wrapped text when they open a file: give each its height.
    for row_number, shown in enumerate(texts, start=2):
        lines = max((_wrapped_lines(text, width) for text, width in zip(shown, widths, strict=True)), default=1)
        ws.row_dimensions[row_number].height = LINE_HEIGHT * max(1, lines)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(sheet.headers))
    ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    # Printed: landscape, as wide as the page, the header row on every page.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _wrapped_lines(text: str, width: int) -> int:
    """About how many lines `text` takes in a column `width` characters wide, wrapped at spaces."""
    return sum(len(textwrap.wrap(line, max(width, 1))) or 1 for line in text.split("\n")) if text else 1


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
