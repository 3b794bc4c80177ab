"""The one module that builds Rich renderables (tables and panels).

Data text goes in as `Text` objects, never as markup strings, so a name such
as "[bold]x[/]" prints literally.
"""

from __future__ import annotations

import os
from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from owes_cli.compat import rich_console
from owes_cli.layout.cards import Card, Listing, display_value
from owes_cli.safe_text import printable


def _text(value: str, style: str = "") -> Text:
    return Text(printable(value), style=style)


def listing_table(listing: Listing, lang: str, title: str | None = None, width: int | None = None) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=_text(title) if title else None,
        show_lines=False,
        collapse_padding=True,
        pad_edge=False,
    )
    widths = _column_widths(listing, lang, width) if width else [None] * len(listing.columns)
    for (_, label), column_width in zip(listing.columns, widths, strict=True):
        table.add_column(_text(label), overflow="fold", width=column_width)
    for row in listing.rows:
        table.add_row(*[_text(display_value(key, row.get(key), lang)) for key, _ in listing.columns])
    return table


def _column_widths(listing: Listing, lang: str, width: int) -> list[int]:
    """Each column as wide as its longest cell, then the widest narrowed first until
    the table fits `width`: down to its longest word (wrapping at spaces), and only
    then, if need be, further down to its floor (folding words; see _floors)."""
    floors = _floors(listing, lang)
    whole_words = [max(word, floor) for word, floor in zip(_longest_words(listing, lang), floors, strict=True)]
    widths = [max(cell, word) for cell, word in zip(_longest_cells(listing, lang), whole_words, strict=True)]
    room = width - _PADDING - _COLUMN_PADDING * len(widths)
    for limits in (whole_words, floors):
        while sum(widths) > room:
            shrinkable = [i for i, w in enumerate(widths) if w > limits[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def card_renderables(card: Card, lang: str) -> list[RenderableType]:
    out: list[RenderableType] = []
    for block in card:
        parts: list[RenderableType] = []
        if block.fields:
            grid = Table.grid(padding=(0, 2))
            grid.add_column(style="bold", no_wrap=True)
            grid.add_column(overflow="fold")
            for label, value in block.fields:
                grid.add_row(_text(label), _text(value, "yellow" if label == "!" else ""))
            parts.append(grid)
        if block.bullets:
            parts.append(Text("\n").join(_text("• " + b) for b in block.bullets))
        if block.emphasis:
            out.append(
                Panel(
                    Group(*parts),
                    title=_text(block.heading or "", "bold"),
                    title_align="left",
                    box=box.ROUNDED,
                    expand=True,
                )
            )
        else:
            if block.heading:
                out.append(_text(block.heading, "bold underline"))
            out.extend(parts)
            out.append(Text(""))
    return out


MAX_WIDTH = 1000  # columns; wider than any real terminal


def listing_renderables(listing: Listing, lang: str, title: str | None, stream: IO[str]) -> list[RenderableType]:
    """A table, or on a terminal too narrow for its columns, one record after another."""
    # On a screen, a column with nothing in it only takes room (scripts get every column).
    filled = [
        (key, label) for key, label in listing.columns if any(row.get(key) not in (None, "") for row in listing.rows)
    ]
    listing = Listing(filled or listing.columns, listing.rows)
    width = _console(stream).width
    if _unbroken_width(listing, lang) <= width:
        return [listing_table(listing, lang, title, width)]
    # At COLUMNS=20 six columns would fold to a letter a line; label and value per line stay readable.
    out: list[RenderableType] = [_text(title, "bold")] if title else []
    for row in listing.rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", overflow="fold")
        grid.add_column(overflow="fold")
        for key, label in listing.columns:
            grid.add_row(_text(label), _text(display_value(key, row.get(key), lang)))
        out += [Text(""), grid]
    return out


def _longest_cells(listing: Listing, lang: str) -> list[int]:
    return [
        max(len(display_value(key, row.get(key), lang)) for row in listing.rows) if listing.rows else 0
        for key, _ in listing.columns
    ]


def _longest_words(listing: Listing, lang: str) -> list[int]:
    longest = []
    for key, label in listing.columns:
        texts = [label] + [display_value(key, row.get(key), lang) for row in listing.rows]
        longest.append(max(len(word) for text in texts for word in (text.split() or [""])))
    return longest


# A column whose cells are all this short (ids, codes, dates) is never wrapped.
_SHORT_CELL = 12
# Up to this many characters of a wrapped column's longest word must fit
# unbroken; longer names may fold, which reads better than a table turned list.
_UNBROKEN = 12
# Our table's width beyond its columns: a space at each edge and two between columns.
_PADDING, _COLUMN_PADDING = 0, 2


def _floors(listing: Listing, lang: str) -> list[int]:
    """How narrow each column may get: short columns not at all; others down to
    their longest word, up to _UNBROKEN characters."""
    cells = _longest_cells(listing, lang)
    words = _longest_words(listing, lang)
    labels = [max(len(word) for word in label.split() or [""]) for _, label in listing.columns]
    return [
        max(label, cell if cell <= _SHORT_CELL else min(word, _UNBROKEN))
        for cell, word, label in zip(cells, words, labels, strict=True)
    ]


def _unbroken_width(listing: Listing, lang: str) -> int:
    """The narrowest table that folds nothing to scraps."""
    return _PADDING + sum(floor + _COLUMN_PADDING for floor in _floors(listing, lang))


def print_renderables(renderables: list[RenderableType], stream: IO[str]) -> None:
    console = _console(stream)
    for item in renderables:
        console.print(item)


def _console(stream: IO[str]) -> Console:
    # Rich reads NO_COLOR, TERM=dumb and COLUMNS itself, but trusts COLUMNS
    # blindly: COLUMNS=2233720368547 made it pad lines until memory ran out.
    # Rich also takes COLUMNS="²" for a number (str.isdigit) and then fails on int().
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in ("COLUMNS", "LINES") or (value.isascii() and value.isdigit())
    }
    console = rich_console(stream, environ, highlight=False, emoji=False, markup=False, soft_wrap=False)
    console.width = min(console.width, MAX_WIDTH)
    return console
