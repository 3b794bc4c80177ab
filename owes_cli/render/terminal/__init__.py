"""Answers drawn for a terminal: by render/screen.py where it can, by Rich otherwise.

Importing Rich costs a short answer about a third of its run, so `draw`
first asks the fast path (render/screen.py), which draws the common answer
exactly as Rich would without importing it; only what it cannot draw (a
table, an unusual character or terminal) loads Rich (rich_draw.py). Plain
text for pipes is owes_cli.render itself.
"""

from __future__ import annotations

import shutil
from typing import IO

from owes_cli.layout import Block, Table
from owes_cli.record import Record
from owes_cli.render import screen


class Drawn(Record):
    """An answer as the terminal shows it, and the screen's height (the pager decides by it)."""

    text: str
    height: int


def draw(blocks: list[Block], stream: IO[str]) -> Drawn:
    """The blocks as the terminal `stream` shows them."""
    drawn = screen.render(blocks, stream)  # as Rich draws it, without importing Rich
    if drawn is not None:
        return Drawn(drawn, shutil.get_terminal_size().lines)
    from owes_cli.render.terminal import rich_draw

    return Drawn(*rich_draw.draw(rich_draw.block_renderables(blocks), stream))


def draw_listing(table: Table, title: str | None, stream: IO[str], after: list[Block] | None = None) -> Drawn:
    """A listing as a table, or on a terminal too narrow for its columns, one record after another;
    `after` follows it (a numbered source list)."""
    from owes_cli.render.terminal import rich_draw

    drawn = rich_draw.listing_renderables(table, title, stream) + (rich_draw.block_renderables(after) if after else [])
    return Drawn(*rich_draw.draw(drawn, stream))
