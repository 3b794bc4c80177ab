"""The printed documents' colours, in one place: the PDF, the Word document and the spreadsheet share them.

A restrained palette: dark blue for structure, grey for what is secondary, a
warm tint for a notice. Written as hex RGB ("1F4E79"), as Word and openpyxl
take them; `rgb()` gives the (r, g, b) triple fpdf2 takes. The map's own
colours (the centres', "not in our sources") are in `layout.coverage_map`.
"""

from __future__ import annotations

INK = "212529"
ACCENT = "1F4E79"
MUTED = "5F6368"
RULE = "BFC9D6"
HEAD_FILL = "DEE7F2"
ROW_FILL = "F6F8FB"
NOTICE_FILL = "FDF2DE"
NOTICE_INK = "7A4300"


def rgb(colour: str) -> tuple[int, int, int]:
    """A hex colour ("1F4E79" or "#1F4E79") as (r, g, b)."""
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)
