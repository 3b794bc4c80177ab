"""Text outputs without Rich: plain text for pipes, JSON and CSV for scripts.

Everything here returns strings; the CLI decides where they go.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from owes_cli.layout.cards import Card, Listing, display_value
from owes_cli.safe_text import printable

__all__ = ["printable", "plain_card", "plain_listing", "to_json", "to_csv", "neutralise_formula"]

# Spreadsheets run cells that start with these as formulas (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def plain_card(card: Card) -> str:
    lines: list[str] = []
    for block in card:
        if lines:
            lines.append("")
        if block.heading:
            lines.append(printable(block.heading))
            if block.emphasis:
                lines.append("=" * min(len(block.heading), 78))
        width = max((len(label) for label, _ in block.fields), default=0)
        for label, value in block.fields:
            value_lines = printable(value).split("\n")
            lines.append(f"  {label.ljust(width)}  {value_lines[0]}")
            lines += [f"  {' ' * width}  {extra}" for extra in value_lines[1:]]
        lines += [f"  - {printable(item)}" for item in block.bullets]
    return "\n".join(lines) + "\n"


def plain_listing(listing: Listing, lang: str) -> str:
    """Aligned columns with a header row: stable text for pipes and grep."""
    header = [label for _, label in listing.columns]
    body = [
        [printable(display_value(key, row.get(key), lang)).replace("\n", " ") for key, _ in listing.columns]
        for row in listing.rows
    ]
    widths = [max(len(cell) for cell in column) for column in zip(header, *body, strict=True)]
    lines = []
    for cells in [header, *body]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def neutralise_formula(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: list[dict[str, Any]], keys: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow(["" if row.get(k) is None else neutralise_formula(str(row.get(k))) for k in keys])
    return buffer.getvalue()
