"""An answer on a terminal without loading Rich: the same picture, 30–40 ms sooner.

Rich (render/terminal/rich_draw.py) draws an answer's blocks as rounded panels holding
label/value grids, bold and underlined headings, and bullets. Importing Rich
costs a short answer about a third of its run, so the common case is drawn
here, character for character and style for style as Rich draws it (the
panel, the grid's columns, Rich's word wrapping and folding of long words,
web addresses as links, OSC 8, with the ids Rich shares between their pieces),
and tests/test_screen.py compares the two on every answer. Anything this
module is not sure to draw as Rich would (a table, a character wider or
narrower than one cell, a forced or dumb terminal, a very narrow one) makes
`render` return None, and Rich draws it.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator, Mapping
from typing import IO

from owes_cli import layout
from owes_cli.messages import printable
from owes_cli.record import Record

MAX_WIDTH = 1000  # as render/terminal/rich_draw.py: wider than any real terminal
MIN_WIDTH = 30  # narrower than this, Rich's own column shrinking takes over
GRID_GAP = 2  # spaces between a label and its value (Table.grid(padding=(0, 2)))
_WORD = re.compile(r"\s*\S+\s*")  # a word and the space after it, as Rich's wrapping sees one

# Styles as SGR codes, in the order Rich writes them (attributes, then colour).
BOLD, UNDERLINE, YELLOW = "1", "4", "33"
_LINK = "@"  # a style's link: "@<text>|<url>", <text> the Rich Text the link is drawn in
_Style = tuple[str, ...]
_NO_STYLE: _Style = ()
_runs = itertools.count()


def _text() -> str:
    """A mark for one Rich Text: Rich gives a link one id (OSC 8) per Text and style."""
    return f"{next(_runs)}"


def _run() -> str:
    """A mark that keeps a run of text apart from the next one of the same style, as Rich writes each
    piece of text (a run of an answer, a label, the grid's gap) in its own escape codes; never written."""
    return f"#{next(_runs)}"


class _LeaveToRich(Exception):
    """A layout this module does not draw as Rich would."""


class Screen(Record):
    width: int
    styled: bool  # a terminal Rich would write styles to
    colour: bool  # and colours (not NO_COLOR)


def screen(stream: IO[str], environ: Mapping[str, str] | None = None) -> Screen | None:
    """The terminal as Rich would see it, or None where its view is not this simple one."""
    env = os.environ if environ is None else environ
    if any(key in env for key in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "JUPYTER_COLUMNS")):
        return None
    if env.get("TERM", "").lower() in ("dumb", "unknown"):
        return None
    try:
        if not stream.isatty():
            return None
    except (ValueError, OSError):
        return None
    columns = env.get("COLUMNS")
    if columns is not None and not (columns.isascii() and columns.isdigit()):
        columns = None  # render/terminal/rich_draw.py hides such a value from Rich
    if columns is not None:
        width = int(columns)
    else:
        width = 0
        for descriptor in (0, 1, 2):  # Rich asks stdin, stdout, stderr in turn
            try:
                width = os.get_terminal_size(descriptor).columns
            except (OSError, ValueError):
                continue
            break
    width = min(width, MAX_WIDTH)
    if width < MIN_WIDTH:
        return None
    return Screen(width, styled=True, colour=env.get("NO_COLOR", "") == "")


def render(blocks: list[layout.Block], stream: IO[str]) -> str | None:
    """The blocks as Rich would print them on `stream`, or None when Rich must draw them."""
    if any(isinstance(block, layout.Table) for block in blocks):
        return None
    if not all(_simple(text) for text in _texts(blocks)):
        return None
    view = screen(stream)
    if view is None:
        return None
    try:
        lines = _lines(blocks, view.width)
    except _LeaveToRich:
        return None
    links: dict[_Style, int] = {}
    return "".join(_line(segments, view, links) + "\n" for segments in lines)


def _lines(blocks: list[layout.Block], width: int) -> list[_Chars]:
    lines: list[_Chars] = []
    for heading, body in layout.by_heading(blocks):
        if heading is not None and heading.level == 1:
            lines += _panel(heading.text, body, width)
        else:
            if heading is not None:
                lines += _wrap(_styled(printable(heading.text), (BOLD, UNDERLINE)), width)
            for block in body:
                lines += _block(block, width, top=True)
            lines.append([])
    return lines


# --------------------------------------------------------------------------
# What Rich would draw
# --------------------------------------------------------------------------

_Chars = list[tuple[str, _Style]]  # a text as characters with their styles


def _panel(title: str, body: list[layout.Block], width: int) -> list[_Chars]:
    """Panel(Group(...), title=bold, title_align="left", box=ROUNDED, expand=True); a title that
    does not fit the border opens the panel's body instead, wrapped (render/terminal/rich_draw.py)."""
    inner = width - 4
    rows: list[_Chars] = []
    if len(printable(title)) + 6 > width:
        top: _Chars = [("╭" + "─" * (width - 2) + "╮", ())]
        rows += _wrap(_styled(printable(title), (BOLD,)), inner)
    else:
        title_text = " " + printable(title).replace("\n", " ") + " "
        top = [("╭─", ()), *_styled(title_text, (BOLD,)), ("─" * (inner - len(title_text)) + "─╮", ())]
    lines = [top]
    for block in body:
        rows += _block(block, inner)
    for row in rows:
        lines.append([("│ ", ()), *row, (" " * (inner - _length(row)) + " │", ())])
    lines.append([("╰" + "─" * (width - 2) + "╯", ())])
    return lines


def _block(block: layout.Block, width: int, top: bool = False) -> list[_Chars]:
    """A block's lines; `top`: printed by itself, not inside a panel."""
    if isinstance(block, layout.Fields):
        return _fields(block, width)
    if isinstance(block, layout.Bullets):
        text: _Chars = []
        whole = _text()  # Rich joins the items into one Text
        for i, (depth, item) in enumerate(block.items):
            if i:
                text.append(("\n", ()))
            text += _inline((layout.Run("  " * depth + ("" if block.numbered else "• ")),) + item, whole=whole)
        return _wrap(text, width)
    if isinstance(block, layout.Paragraph):
        drawn = _inline(block.runs)
        if any(run.url for run in block.runs) and all(run.url or not run.text.strip() for run in block.runs):
            # terminal/rich_draw.py keeps web addresses on a line of their own whole: printed by itself, Rich
            # lets the terminal wrap them (soft wrap); in a panel it would cut what does not fit.
            lines = list(_split_lines(drawn))
            if not top and any(len(line) > width for line in lines):
                raise _LeaveToRich
            return lines
        return _wrap(drawn, width)
    return []  # the map and page breaks belong to documents, as in render/terminal/rich_draw.py


def _fields(block: layout.Fields, width: int) -> list[_Chars]:
    """Table.grid(padding=(0, 2)): labels bold and never wrapped, values folded to what is left."""
    labels = [printable(label) for label, _ in block.rows]
    bases = [((YELLOW,) if label == "!" else ()) + (_run(),) for label, _ in block.rows]
    values = [_inline(value, base) for (_, value), base in zip(block.rows, bases, strict=True)]
    label_width = max((len(label) for label in labels), default=0)
    widest = max((len(line) for value in values for line in _split_lines(value)), default=0)
    value_width = min(widest, width - label_width - GRID_GAP)
    if value_width < 1:
        raise _LeaveToRich  # Rich would shrink the labels' column too, as this module does not

    out: list[_Chars] = []
    for label, value, base in zip(labels, values, bases, strict=True):
        for i, line in enumerate(_wrap(value, value_width)):
            line = line + _styled(" " * (value_width - len(line)), base)  # a cell's lines fill its width
            if i == 0:  # Rich writes the label and the gap as two runs of bold; below them, one
                head = [*_styled(label.ljust(label_width), (BOLD,)), *_styled(" " * GRID_GAP, (BOLD, _run()))]
            else:
                head = _styled(" " * (label_width + GRID_GAP), (BOLD, _run()))
            out.append([*head, *line])
    return out


def _wrap(text: _Chars, width: int) -> list[_Chars]:
    """Rich's Text.wrap with overflow="fold": at spaces, long words cut to the width."""
    lines: list[_Chars] = []
    for line in _split_lines(text):
        plain = "".join(ch for ch, _ in line)
        breaks = [0, *_divide(plain, width), len(plain)]
        for start, end in zip(breaks, breaks[1:], strict=False):
            piece = line[start:end]
            while len(piece) > width and piece[-1][0].isspace():  # Rich's rstrip_end(width)
                piece = piece[:-1]
            lines.append(piece)
    return lines


def _divide(text: str, width: int) -> list[int]:
    """rich._wrap.divide_line for text of one cell a character: where the lines break."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[i : i + width] for i in range(0, len(word), width)]
            for last, chunk in ((i == len(chunks) - 1, c) for i, c in enumerate(chunks)):
                if start:
                    breaks.append(start)
                if last:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _split_lines(text: _Chars) -> Iterator[_Chars]:
    line: _Chars = []
    for ch, style in text:
        if ch == "\n":
            yield line
            line = []
        else:
            line.append((ch, style))
    yield line


def _inline(runs: layout.Inline, base: _Style = (), whole: str | None = None) -> _Chars:
    """Runs as Rich's Text holds them: plain runs in the text's own style, one run of it,
    and each bold run or link a span of its own (its own escape codes, even beside another).
    `whole` marks the Text they are drawn in, if not a Text of their own."""
    if not base or not base[-1].startswith("#"):
        base += (_run(),)
    whole = whole or _text()
    out: _Chars = []
    for run in runs:
        style = base
        url = layout.web_address(run)
        if run.bold or url:
            style = ((BOLD,) if run.bold else ()) + base[:-1] + ((f"{_LINK}{whole}|{url}",) if url else ()) + (_run(),)
        out += [(ch, style) for ch in printable(run.text)]
    return out


def _styled(text: str, style: _Style) -> _Chars:
    """The characters of one run of text."""
    if not style or not style[-1].startswith("#"):
        style += (_run(),)
    return [(ch, style) for ch in text]


def _length(row: _Chars) -> int:
    return sum(len(text) for text, _ in row)


def _line(row: _Chars, view: Screen, links: dict[_Style, int]) -> str:
    """Characters of one style together, each run in its escape codes as Rich writes them."""
    out: list[str] = []
    run, current = "", _NO_STYLE
    for text, style in row:
        if style != current and run:
            out.append(_sgr(run, current, view, links))
            run = ""
        current = style
        run += text
    if run:
        out.append(_sgr(run, current, view, links))
    return "".join(out)


def _sgr(text: str, style: _Style, view: Screen, links: dict[_Style, int]) -> str:
    codes = [code for code in style if code[0] not in "#@" and (view.colour or code != YELLOW)]
    codes.sort(key=(BOLD, UNDERLINE, YELLOW).index)
    drawn = f"\x1b[{';'.join(codes)}m{text}\x1b[0m" if codes and view.styled else text
    link = next((code for code in style if code.startswith(_LINK)), None)
    if link is None or not text:
        return drawn
    # As Rich's Style.render: one id for a link's pieces drawn in one Text in one style (Rich's
    # ids are random; these count from 1 in the order the links appear, so a picture is repeatable).
    key = style[:-1]
    number = links.setdefault(key, len(links) + 1)
    url = link.partition("|")[2]
    return f"\x1b]8;id={number};{url}\x1b\\{drawn}\x1b]8;;\x1b\\"


# --------------------------------------------------------------------------
# What this module can draw
# --------------------------------------------------------------------------


def _texts(blocks: list[layout.Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, layout.Heading):
            yield block.text
        elif isinstance(block, layout.Paragraph):
            yield from (run.text for run in block.runs)
        elif isinstance(block, layout.Fields):
            for label, value in block.rows:
                yield label
                yield from (run.text for run in value)
        elif isinstance(block, layout.Bullets):
            for _, item in block.items:
                yield from (run.text for run in item)


# Letters of Latin scripts and the punctuation the answers use: one cell each,
# as Rich counts them. Anything else (CJK, emoji, combining marks, zero-width
# and soft hyphens, tabs) Rich measures with its own tables: let it draw.
_ONE_CELL = re.compile(
    "[\n\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u052f\u2010-\u2027\u2030-\u205e\u20ac\u2122\u2190-\u2193]*"
)


def _simple(text: str) -> bool:
    return _ONE_CELL.fullmatch(text) is not None
