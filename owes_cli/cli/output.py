"""Where answers go: the output format chosen, and writing to stdout.

stdout carries only data; the CLI writes messages to stderr itself.
Rich is imported only when a table is really drawn on a terminal.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, TypeVar

from owes_cli import render
from owes_cli.cli.streams import stdout, stdout_failed
from owes_cli.errors import UsageError
from owes_cli.layout import Block

if TYPE_CHECKING:
    from owes_cli.layout import listings  # only the listing commands load the listings' columns
    from owes_cli.render.terminal import Drawn

    R = TypeVar("R")  # for the type checker only: a TypeVar cost every start-up some 20 us

FORMATS = ("auto", "table", "plain", "json", "csv")

# `--no-pager` anywhere on the line (OwesGroup.main takes it off before Click parses).
NO_PAGER = "--no-pager"
_pager_off = False


def switch_pager_off(off: bool = True) -> None:
    global _pager_off
    _pager_off = off


def pager_command(environ: Mapping[str, str]) -> str | None:
    """The user's pager, as git chooses it: OWES_PAGER, then PAGER, else `less -FRX`.
    An empty value (or `cat`) means no pager."""
    for name in ("OWES_PAGER", "PAGER"):
        if name in environ:
            chosen = environ[name].strip()
            return chosen if chosen and chosen != "cat" else None
    return "less -FRX"


def page(text: str, command: str, stream: IO[str]) -> None:
    """Show `text` through the pager; if the pager cannot start, print it as it is."""
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # as git: quit if one screen, keep colours, do not clear
    env.setdefault("LV", "-c")
    try:
        # Through a shell, as git runs it: the pager is the user's own command line ("less -R").
        pager = subprocess.Popen(command, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        stream.write(text)
        return
    assert pager.stdin is not None
    try:
        # The terminal's encoding and the stream's own error handler (owes-fold: "ż" as "z",
        # as the answer reads without a pager), not "?" for every letter the encoding lacks.
        encoding = getattr(stream, "encoding", None) or "utf-8"
        pager.stdin.write(text.encode(encoding, errors=getattr(stream, "errors", None) or "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early (q in less)
        pass
    while True:
        try:
            code = pager.wait()
            break
        except KeyboardInterrupt:  # Ctrl-C belongs to the pager, as in git
            continue
    if code == 127:  # the shell could not find the pager: the answer is still printed
        stream.write(text)


# Columns: below this a table's border, padding and labels leave its values a letter
# a line, or nothing (COLUMNS=5 printed the heading alone); the plain layout wraps to any width.
NARROWEST_TABLE = 30
# A listing narrower than its table is drawn a record after another, label beside value;
# under this many columns even that folds its words to scraps ("gorzow/ski" at 12).
NARROWEST_LISTING = 20


def table_width(environ: Mapping[str, str]) -> int:
    """The width Rich would draw a table at: COLUMNS, else the terminal's, else 80 (also for 0, as Rich)."""
    columns = environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit():
        return int(columns) or 80
    for descriptor in (0, 1, 2):  # Rich asks stdin, stdout, stderr in turn
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (OSError, ValueError):
            continue
    return 80


class Output:
    """The format chosen (`auto` is a table on a terminal, plain text in a pipe) and the writing."""

    def __init__(self, fmt: str | None, lang: str, *, allowed: tuple[str, ...] = FORMATS) -> None:
        fmt = (fmt or "auto").strip().lower()
        if fmt not in allowed:
            raise UsageError("bad_format", value=fmt, choices="|".join(allowed))
        self.chosen = fmt  # as asked: "auto" lets a command lay out a terminal's view its own way
        if fmt == "auto":
            fmt = "table" if stdout().isatty() else "plain"
        self.format = fmt
        self.lang = lang

    @property
    def on_terminal(self) -> bool:
        """A person at a terminal, with no format asked for: `--format table` keeps the plain rows."""
        return self.chosen == "auto" and self.format == "table"

    @property
    def for_machines(self) -> bool:
        return self.format in ("json", "csv")

    def listing(
        self,
        rows: Sequence[R],
        columns: list[listings.Column[R]],
        title: str | None = None,
        csv_columns: list[listings.Column[R]] | None = None,
        after: list[Block] | None = None,
    ) -> None:
        """Rows as JSON, CSV or a table; for people, `after` follows the table (a numbered source list)."""
        from owes_cli.layout import listings

        if self.format == "json":
            self.write(render.to_json(list(rows)))
        elif self.format == "csv":
            self.write(render.to_csv(rows, [c.key for c in csv_columns or columns]))
        elif self.format == "plain" or table_width(os.environ) < NARROWEST_LISTING:
            drawn = render.plain_table(listings.table(columns, rows, self.lang))
            self.write(drawn + ("\n" + render.plain_blocks(after) if after else ""))
        else:
            from owes_cli.render import terminal

            self._show(terminal.draw_listing(listings.table(columns, rows, self.lang), title, stdout(), after))

    def card(self, answer: object, blocks: list[Block], csv_rows: dict[str, object] | list[dict[str, object]]) -> None:
        """One answer: JSON as it is, CSV as its row (or rows), for people as the layout's blocks."""
        if self.format == "json":
            self.write(render.to_json(answer))
        elif self.format == "csv":
            rows = csv_rows if isinstance(csv_rows, list) else [csv_rows]
            self.write(render.to_csv(rows, list(rows[0])))
        else:
            self.blocks(blocks)

    def blocks(self, blocks: list[Block]) -> None:
        """Blocks for people: plain text in a pipe, drawn for a terminal otherwise.

        Under NARROWEST_TABLE columns, plain text too: a panel's border and labels would
        leave the answer no room. (A listing has its own narrow layout, a record after another.)
        """
        if self.format == "plain" or table_width(os.environ) < NARROWEST_TABLE:
            self.write(render.plain_blocks(blocks))
        else:
            from owes_cli.render import terminal

            self._show(terminal.draw(blocks, stdout()))

    def write(self, text: str) -> None:
        stream = stdout()
        try:
            stream.write(text)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None

    def _pager(self) -> str | None:
        return None if _pager_off or not _isatty(stdout()) else pager_command(os.environ)

    def _show(self, drawn: Drawn) -> None:
        """Text drawn for a terminal: through the pager when longer than the screen, as git does."""
        stream = stdout()
        pager = self._pager()
        try:
            if pager is not None and drawn.text.count("\n") > drawn.height:
                page(drawn.text, pager, stream)
            else:
                stream.write(drawn.text)
            stream.flush()
        except OSError as exc:
            raise stdout_failed(exc) from None


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (OSError, ValueError):
        return False
