"""Where answers go: the output format chosen, and writing to stdout.

stdout carries only data; the CLI writes messages to stderr itself.
Rich is imported only when a table is really drawn on a terminal.
"""

from __future__ import annotations

from typing import Any

from owes_cli.cli.files import stdout, stdout_failed
from owes_cli.errors import UsageError
from owes_cli.layout import cards
from owes_cli.render import text as render

FORMATS = ("auto", "table", "plain", "json", "csv")


class Output:
    def __init__(self, fmt: str | None, lang: str, *, allowed: tuple[str, ...] = FORMATS) -> None:
        fmt = (fmt or "auto").strip().lower()
        if fmt not in allowed:
            raise UsageError("bad_format", value=fmt, choices="|".join(allowed))
        if fmt == "auto":
            fmt = "table" if stdout().isatty() else "plain"
        self.format = fmt
        self.lang = lang

    def listing(self, kind: str, rows: list[dict[str, Any]], title: str | None = None) -> None:
        columns = cards.columns(kind, self.lang)
        if self.format == "json":
            self.write(render.to_json(rows))
        elif self.format == "csv":
            self.write(render.to_csv(rows, [key for key, _ in columns]))
        elif self.format == "plain":
            self.write(render.plain_listing(cards.Listing(columns, rows), self.lang))
        else:
            from owes_cli.render import terminal as rich_render

            listing = cards.Listing(columns, rows)
            self._print_rich(rich_render.listing_renderables(listing, self.lang, title, stdout()))

    def card(self, view: dict[str, Any], card: cards.Card, csv_row: dict[str, Any]) -> None:
        if self.format == "json":
            self.write(render.to_json(view))
        elif self.format == "csv":
            self.write(render.to_csv([csv_row], list(csv_row)))
        elif self.format == "plain":
            self.write(render.plain_card(card))
        else:
            from owes_cli.render import terminal as rich_render

            self._print_rich(rich_render.card_renderables(card, self.lang))

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
