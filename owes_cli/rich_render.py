"""The one module that builds Rich renderables (tables and panels).

Data text goes in as `Text` objects, never as markup strings, so a name such
as "[bold]x[/]" prints literally.
"""

from __future__ import annotations

from typing import IO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from owes_cli.cards import Card, Listing, display_value
from owes_cli.safe_text import printable


def _text(value: str, style: str = "") -> Text:
    return Text(printable(value), style=style)


def listing_table(listing: Listing, lang: str, title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=_text(title) if title else None, show_lines=False)
    for (_, label), longest in zip(listing.columns, _longest_words(listing, lang), strict=True):
        # Rich shares out a narrow width without regard to words; a minimum keeps names whole.
        table.add_column(_text(label), overflow="fold", min_width=longest)
    for row in listing.rows:
        table.add_row(*[_text(display_value(key, row.get(key), lang)) for key, _ in listing.columns])
    return table


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
        if block.table:
            parts.append(listing_table(block.table, lang))
        if block.emphasis:
            out.append(Panel(Group(*parts), title=_text(block.heading or "", "bold"), title_align="left",
                             box=box.ROUNDED, expand=True))
        else:
            if block.heading:
                out.append(_text(block.heading, "bold underline"))
            out.extend(parts)
            out.append(Text(""))
    return out


MAX_WIDTH = 1000  # columns; wider than any real terminal


def listing_renderables(listing: Listing, lang: str, title: str | None,
                        stream: IO[str]) -> list[RenderableType]:
    """A table, or on a terminal too narrow for its columns, one record after another."""
    table = listing_table(listing, lang, title)
    if _unbroken_width(listing, lang) <= _console(stream).width:
        return [table]
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


def _longest_words(listing: Listing, lang: str) -> list[int]:
    longest = []
    for key, label in listing.columns:
        texts = [label] + [display_value(key, row.get(key), lang) for row in listing.rows]
        longest.append(max(len(word) for text in texts for word in (text.split() or [""])))
    return longest


def _unbroken_width(listing: Listing, lang: str) -> int:
    """The narrowest table that breaks no word: each column's longest word plus its padding."""
    return 2 + sum(width + 3 for width in _longest_words(listing, lang))


def print_renderables(renderables: list[RenderableType], stream: IO[str]) -> None:
    console = _console(stream)
    for item in renderables:
        console.print(item)


def _console(stream: IO[str]) -> Console:
    # Rich reads NO_COLOR, TERM=dumb and COLUMNS itself, but trusts COLUMNS
    # blindly: COLUMNS=2233720368547 made it pad lines until memory ran out.
    console = Console(file=stream, highlight=False, emoji=False, markup=False, soft_wrap=False)
    console.width = min(console.width, MAX_WIDTH)
    return console
