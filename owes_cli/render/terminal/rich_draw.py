"""Answers drawn by Rich: the one module that builds Rich renderables (tables and panels).

Only what the fast path (render/screen.py) cannot draw comes here
(owes_cli.render.terminal.draw chooses).

Data text goes in as `Text` objects, never as markup strings, so a name such
as "[bold]x[/]" prints literally.
"""

from __future__ import annotations

import os
from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text

from owes_cli import layout
from owes_cli.messages import printable
from owes_cli.render.rich_compat import rich_console

_Cells = list[list[str]]  # a listing's cells as text, row by row


def _text(value: str, style: str = "") -> Text:
    return Text(printable(value), style=style)


def _inline(runs: layout.Inline, style: str = "") -> Text:
    out = Text(style=style)
    for run in runs:
        # A web address is a link (OSC 8) on terminals that support them.
        look = Style(bold=run.bold or None, link=layout.web_address(run))
        out.append(printable(run.text), style=look)
    return out


class Listing:
    """A table block's header and cells as text, with the columns a screen shows."""

    def __init__(self, table: layout.Table, keep_empty: bool = True) -> None:
        shown = [i for i, empty in enumerate(table.empty or [False] * len(table.header)) if keep_empty or not empty]
        if not shown:
            shown = list(range(len(table.header)))
        self.columns = [table.header[i] for i in shown]
        self.rows: _Cells = [[layout.plain_text(row[i]) for i in shown] for row in table.rows]
        whole = table.whole or (False,) * len(table.header)
        self.whole = [whole[i] for i in shown]


def listing_table(listing: Listing, title: str | None = None, width: int | None = None) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=_text(title) if title else None,
        show_lines=False,
        collapse_padding=True,
        pad_edge=False,
    )
    widths = _column_widths(listing, width) if width else [None] * len(listing.columns)
    for label, column_width in zip(listing.columns, widths, strict=True):
        table.add_column(_text(label), overflow="fold", width=column_width)
    for row in listing.rows:
        table.add_row(*[_text(cell) for cell in row])
    return table


def _column_widths(listing: Listing, width: int) -> list[int]:
    """Each column as wide as its longest cell, then the widest narrowed first until
    the table fits `width`: down to its longest word (wrapping at spaces), and only
    then, if need be, further down to its floor (folding words; see _floors)."""
    floors = _floors(listing)
    whole_words = [max(word, floor) for word, floor in zip(_longest_words(listing), floors, strict=True)]
    widths = [max(cell, word) for cell, word in zip(_longest_cells(listing), whole_words, strict=True)]
    room = width - _PADDING - _COLUMN_PADDING * len(widths)
    for limits in (whole_words, floors):
        while sum(widths) > room:
            shrinkable = [i for i, w in enumerate(widths) if w > limits[i]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
    return widths


def block_renderables(blocks: list[layout.Block]) -> list[RenderableType]:
    """The layout's blocks on a terminal: what an answer is about in a panel, its parts below."""
    out: list[RenderableType] = []
    for heading, body in layout.by_heading(blocks):
        parts = [part for block in body for part in _block(block)]
        if heading is not None and heading.level == 1:
            out.append(_TitledPanel(_text(heading.text, "bold"), parts))
        else:
            if heading is not None:
                out.append(_text(heading.text, "bold underline"))
            out.extend(parts)
            out.append(Text(""))
    return out


class _TitledPanel:
    """A panel with its heading as the title where the title fits the border whole;
    on a narrower screen the heading opens the panel's body instead, wrapped,
    so a centre's name is never cut off."""

    def __init__(self, title: Text, parts: list[RenderableType]) -> None:
        self.title = title
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # The border's corners and a space each side of the title take 6 cells.
        if self.title.cell_len + 6 <= options.max_width:
            yield Panel(Group(*self.parts), title=self.title, title_align="left", box=box.ROUNDED, expand=True)
        else:
            yield Panel(Group(self.title, *self.parts), box=box.ROUNDED, expand=True)


def _block(block: layout.Block) -> list[RenderableType]:
    if isinstance(block, layout.Fields):
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        for label, value in block.rows:
            grid.add_row(_text(label), _inline(value, "yellow" if label == "!" else ""))
        return [grid]
    if isinstance(block, layout.Bullets):
        mark = "" if block.numbered else "• "  # a numbered item's own number is its mark
        return [Text("\n").join(_inline((layout.Run("  " * depth + mark),) + item) for depth, item in block.items)]
    if isinstance(block, layout.Paragraph):
        drawn = _inline(block.runs)
        if any(run.url for run in block.runs) and all(run.url or not run.text.strip() for run in block.runs):
            # A web address on a line of its own stays whole: the terminal wraps it, so it
            # copies as one address (and is a link where the terminal has them).
            drawn.no_wrap, drawn.overflow = True, "ignore"
        return [drawn]
    if isinstance(block, layout.Table):
        return [listing_table(Listing(block))]
    return []  # the map and page breaks belong to documents


MAX_WIDTH = 1000  # columns; wider than any real terminal


def listing_renderables(table: layout.Table, title: str | None, stream: IO[str]) -> list[RenderableType]:
    """A table, or on a terminal too narrow for its columns, one record after another."""
    # On a screen, a column with nothing in it only takes room (scripts get every column).
    listing = Listing(table, keep_empty=False)
    width = _console(stream).width
    if _unbroken_width(listing) <= width:
        return [listing_table(listing, title, width)]
    # At COLUMNS=20 six columns would fold to a letter a line; label and value per line stay readable.
    out: list[RenderableType] = [_text(title, "bold")] if title else []
    for row in listing.rows:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", overflow="fold")
        grid.add_column(overflow="fold")
        for label, cell in zip(listing.columns, row, strict=True):
            grid.add_row(_text(label), _text(cell))
        out += [Text(""), grid]
    return out


def _longest_cells(listing: Listing) -> list[int]:
    return [max((len(row[i]) for row in listing.rows), default=0) for i in range(len(listing.columns))]


def _longest_words(listing: Listing) -> list[int]:
    longest = []
    for i, label in enumerate(listing.columns):
        texts = [label] + [row[i] for row in listing.rows]
        longest.append(max(len(word) for text in texts for word in (text.split() or [""])))
    return longest


# A column whose cells are all this short (ids, codes, dates) is never wrapped.
_SHORT_CELL = 12
# Up to this many characters of a wrapped column's longest word must fit
# unbroken; longer names may fold, which reads better than a table turned list.
_UNBROKEN = 12
# Our table's width beyond its columns: a space at each edge and two between columns.
_PADDING, _COLUMN_PADDING = 0, 2


def _floors(listing: Listing) -> list[int]:
    """How narrow each column may get: short columns not at all; others down to
    their longest word, up to _UNBROKEN characters."""
    cells = _longest_cells(listing)
    words = _longest_words(listing)
    labels = [max(len(word) for word in label.split() or [""]) for label in listing.columns]
    return [
        max(label, cell if cell <= _SHORT_CELL else word if whole else min(word, _UNBROKEN))
        for cell, word, label, whole in zip(cells, words, labels, listing.whole, strict=True)
    ]


def _unbroken_width(listing: Listing) -> int:
    """The narrowest table that folds nothing to scraps."""
    return _PADDING + sum(floor + _COLUMN_PADDING for floor in _floors(listing))


def _print(console: Console, item: RenderableType) -> None:
    # A web address on its own line is printed unbroken: the terminal wraps it (soft wrap).
    whole = isinstance(item, Text) and item.no_wrap and item.overflow == "ignore"
    console.print(item, soft_wrap=whole)


def draw(renderables: list[RenderableType], stream: IO[str]) -> tuple[str, int]:
    """The renderables as the terminal `stream` would show them, and the screen's height."""
    console = _console(stream)
    drawn = []
    for item in renderables:
        # One capture per item, as printing them one by one does: in one capture, Rich would give
        # the same address in two neighbouring items one link id (OSC 8), which it does not on screen.
        with console.capture() as captured:
            _print(console, item)
        drawn.append(captured.get())
    return "".join(drawn), console.height


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
