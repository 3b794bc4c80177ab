"""The renderers: each draws the layout's blocks (owes_cli.layout) in one medium; this
package's own module draws text without Rich: plain text for pipes, JSON and CSV for scripts.

Plain text draws the blocks as stable, greppable lines. Everything here
returns strings; the CLI decides where they go. The other media (a terminal
through Rich, PDF, Word, the web page, spreadsheets, images) have a module
each, loaded by the commands that draw in them.

Plain text is this package's __init__ rather than a module of its own: every
run that prints an answer draws with it, and each module costs a run its
finding and reading (some 0.15 ms).
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from owes_cli.answers import to_json as json_ready
from owes_cli.layout import Block, Bullets, Fields, Heading, Paragraph, Table, plain_text
from owes_cli.messages import printable

__all__ = ["printable", "plain_blocks", "plain_table", "to_json", "to_csv", "neutralise_formula"]

# Spreadsheets run cells that start with these as formulas (OWASP, CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_RULE_MAX = 78  # the longest "=====" under a heading


def plain_blocks(blocks: Sequence[Block]) -> str:
    """Blocks as text: a heading opens a section (underlined when it is what the answer is about),
    its fields and bullets indented below it, a blank line between sections."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            if lines:
                lines.append("")
            lines.append(printable(block.text))
            if block.level == 1:
                lines.append("=" * min(len(block.text), _RULE_MAX))
        elif isinstance(block, Fields):
            width = max((len(label) for label, _ in block.rows), default=0)
            for label, value in block.rows:
                value_lines = printable(plain_text(value)).split("\n")
                lines.append(f"  {label.ljust(width)}  {value_lines[0]}")
                lines += [f"  {' ' * width}  {extra}" for extra in value_lines[1:]]
        elif isinstance(block, Bullets):
            mark = "" if block.numbered else "- "  # a numbered item's own number is its mark
            lines += [f"  {'  ' * depth}{mark}{printable(plain_text(item))}" for depth, item in block.items]
        elif isinstance(block, Paragraph):
            lines.append(f"  {printable(plain_text(block.runs))}")
        elif isinstance(block, Table):
            lines += ["  " + line for line in plain_table(block).splitlines()]
        # The map and page breaks belong to documents; a terminal has neither.
    return "\n".join(lines) + "\n"


def plain_table(table: Table) -> str:
    """Aligned columns with a header row: stable text for pipes and grep."""
    body = [[printable(plain_text(cell)).replace("\n", " ") for cell in row] for row in table.rows]
    widths = [max(len(cell) for cell in column) for column in zip(table.header, *body, strict=True)]
    lines = []
    for cells in [list(table.header), *body]:
        lines.append("  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def to_json(value: object) -> str:
    return json.dumps(json_ready(value), ensure_ascii=False, indent=2) + "\n"


def neutralise_formula(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: Sequence[object], keys: list[str]) -> str:
    """Rows (typed answers, or mappings of one) as CSV with these columns."""
    import csv  # only a CSV answer needs it: not loaded on every start-up

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        record: dict[str, Any] = json_ready(row)
        writer.writerow([_cell(record.get(k)) for k in keys])
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # e.g. a source's quotes: one cell, " | " between
        return neutralise_formula(" | ".join(str(item) for item in value))
    return neutralise_formula(str(value))
