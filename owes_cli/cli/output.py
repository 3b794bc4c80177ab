"""Where answers go: the output format chosen, and writing to stdout.

stdout carries only data; the CLI writes messages to stderr itself.
Rich is imported only when a table is really drawn on a terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from owes_cli.cli.files import stdout, stdout_failed
from owes_cli.errors import UsageError
from owes_cli.layout import listings
from owes_cli.layout.blocks import Block
from owes_cli.render import text as render

FORMATS = ("auto", "table", "plain", "json", "csv")
R = TypeVar("R")


class Output:
    """The format chosen (`auto` is a table on a terminal, plain text in a pipe) and the writing."""

    def __init__(self, fmt: str | None, lang: str, *, allowed: tuple[str, ...] = FORMATS) -> None:
        fmt = (fmt or "auto").strip().lower()
        if fmt not in allowed:
            raise UsageError("bad_format", value=fmt, choices="|".join(allowed))
        if fmt == "auto":
            fmt = "table" if stdout().isatty() else "plain"
        self.format = fmt
        self.lang = lang

    @property
    def for_machines(self) -> bool:
        return self.format in ("json", "csv")

    def listing(self, rows: Sequence[R], columns: list[listings.Column[R]], title: str | None = None) -> None:
        if self.format == "json":
            self.write(render.to_json(list(rows)))
        elif self.format == "csv":
            self.write(render.to_csv(rows, [c.key for c in columns]))
        elif self.format == "plain":
            self.write(render.plain_table(listings.table(columns, rows, self.lang)))
        else:
            from owes_cli.render import terminal as rich_render

            table = listings.table(columns, rows, self.lang)
            self._print_rich(rich_render.listing_renderables(table, title, stdout()))

    def card(self, answer: object, blocks: list[Block], csv_row: dict[str, object]) -> None:
        """One answer: JSON as it is, CSV as one row, for people as the layout's blocks."""
        if self.format == "json":
            self.write(render.to_json(answer))
        elif self.format == "csv":
            self.write(render.to_csv([csv_row], list(csv_row)))
        elif self.format == "plain":
            self.write(render.plain_blocks(blocks))
        else:
            from owes_cli.render import screen

            drawn = screen.render(blocks, stdout())  # as Rich draws it, without importing Rich
            if drawn is not None:
                self.write(drawn)
                return
            from owes_cli.render import terminal as rich_render

            self._print_rich(rich_render.block_renderables(blocks))

    def write(self, text: str) -> None:
        stream = stdout()
        try:
            stream.write(text)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None

    def _print_rich(self, renderables: list[Any]) -> None:
        from owes_cli.render import terminal as rich_render

        stream = stdout()
        try:
            rich_render.print_renderables(renderables, stream)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None
