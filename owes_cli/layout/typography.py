"""Typesetting rules for printed documents, applied once to a `Report` before any renderer draws it.

Both the PDF and the Word renderer call `typeset(report)`, so the two files
break lines by the same rules:

- Polish one-letter words (a, i, o, u, w, z and their capitals) are tied to
  the next word with a no-break space: a line never ends in "w".
- Dates ("9 października 2023"), amounts ("35 208 445,68 zł"), numbers and
  their units, and the dash of a range ("2024-01-01 – 2029-06-30") keep
  together the same way.
- A number keeps with the word it counts ("1 partner", "13 źródeł"), and a
  place's name of two words after a preposition or a label ("w Zielonej
  Górze", "Siedziba: Gorzów Wielkopolski") stays on one line; in headings,
  titles and bold names every name of two or three capitalised words does
  (`proper_names`).
- A field's label keeps a short last word with the word before it.
- A printed address may break only after "/", ".", "-", "?", "&" or "=",
  never inside or right after its scheme or inside a label of its domain, so a reader can
  type the address back in from paper. Nothing is put into its text (a
  zero-width space would be copied with it and break the address pasted
  elsewhere): `url_pieces` cuts it where a line may end, and each renderer
  ends its lines there itself.

No PDF or Word library is imported here.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from owes_cli.layout import Bullets, Fields, Heading, Paragraph, Run, Table
from owes_cli.messages import printable

if TYPE_CHECKING:
    from owes_cli.layout import Block, Inline
    from owes_cli.layout.report import Report

NBSP = "\u00a0"
BREAK = "\u200b"  # zero-width space: never printed; text from a dataset holding one has it removed

# A one-letter word: at the start or after a space, an opening bracket or quote.
_ONE_LETTER = re.compile(r"(?<![^\s(\[„\"'«])([aiouwzAIOUWZ]) ")
# A day, a month's name and a year.
_DATE = re.compile(r"\b(\d{1,2}) ([^\W\d_]+) (\d{4})\b")
# Groups of thousands ("35 208 445,68") and a number before its unit.
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_UNIT = re.compile(r"(?<=\d) (?=(?:zł|PLN|EUR|euro|%|r\.|km|mln|tys\.)(?!\w))")
# The dash of a range stays on the line of what it starts from.
_RANGE = re.compile(r"(?<=\w) (?=[–—] )")
# A count (not a year, not part of a date or a decimal) and the word after it.
_COUNT = re.compile(r"(?<![\w.,\-–/])(\d{1,3}) (?=[^\W\d_])")
_CAPITALISED = r"[A-ZĄĆĘŁŃÓŚŹŻ][\wąćęłńóśźż-]+"
# A two-word name after a preposition or a label's colon: "w Zielonej Górze", "Siedziba: Gorzów Wielkopolski".
_PLACE = re.compile(rf"((?:^|[\s(„])(?:w|we|z|ze|do|na|in|of|at)[ {NBSP}]|: )({_CAPITALISED}) (?={_CAPITALISED}\b)")
# Two or three capitalised words after a space (a heading's "Gorzów Wielkopolski", "Zielonej Górze").
_PROPER_NAME = re.compile(rf"(?<= ){_CAPITALISED}(?: {_CAPITALISED}){{1,2}}\b")

_URL = re.compile(r"^(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)?(?P<host>[^/?#]*)(?P<rest>.*)$", re.DOTALL)
_PATH_BREAK = re.compile(r"(?<=[/.\-?&=])(?=.)", re.DOTALL)


@functools.cache  # a document repeats its texts (a service every centre lists): each is set once
def prose(text: str) -> str:
    """Text with no-break spaces where a line must not end (and nothing unprintable)."""
    text = printable(text)
    if " " not in text:
        return text
    text = _DATE.sub(rf"\1{NBSP}\2{NBSP}\3", text)
    text = _ONE_LETTER.sub(rf"\1{NBSP}", text)
    text = _THOUSANDS.sub(NBSP, text)
    text = _UNIT.sub(NBSP, text)
    text = _COUNT.sub(rf"\1{NBSP}", text)
    text = _PLACE.sub(rf"\1\2{NBSP}", text)
    return _RANGE.sub(NBSP, text)


# A label's last word when it is short ("na", "of"), and the space before it.
_SHORT_LAST = re.compile(r"(?<=\w) (?=\w{1,3}$)")


def label(text: str) -> str:
    """A field's label as `prose` sets it, its last word tied to the one before when it is short: a
    narrow label column never leaves "na" of "Rejestr powiatów (TERYT) według stanu na" alone on a line."""
    return _SHORT_LAST.sub(NBSP, prose(text))


def proper_names(value: str) -> str:
    """Text with its names of two or three capitalised words tied by no-break spaces
    ("Gorzów Wielkopolski", "Zielonej Górze"): a line never parts them. For headings and
    names, where a break inside a name shows most; running text ties only places (`prose`)."""
    return _PROPER_NAME.sub(lambda found: found.group().replace(" ", NBSP), value)


def url(address: str) -> str:
    """An address as printed: its own characters, nothing added (see `url_pieces` for its line breaks)."""
    return printable(address)


def url_pieces(address: str) -> list[str]:
    """The address cut after each place a line may end; joined again, the pieces are the address.

    The scheme ("https://") is never broken, nor parted from the host's first
    label ("http://" alone at a line's end reads as an address cut off), nor
    "www." from the label after it; the host breaks only between its labels
    (after a "."); the path and query after "/", ".", "-", "?", "&" or "=".
    """
    address = printable(address)
    if any(ch.isspace() for ch in address):
        return [address]  # not an address; leave it as the source gives it
    match = _URL.match(address)
    assert match is not None  # every group may be empty
    scheme, host, rest = match["scheme"] or "", match["host"], match["rest"]
    labels = host.split(".")
    if len(labels) > 2 and labels[0].lower() == "www":
        labels[:2] = [f"{labels[0]}.{labels[1]}"]
    host = f".{BREAK}".join(labels)
    rest = _PATH_BREAK.sub(BREAK, rest)
    return [piece for piece in (scheme + host + rest).split(BREAK) if piece]


def printable_marked(text: str) -> str:
    """`printable(text)` that keeps the break marks `url` puts in (it has made the rest printable)."""
    return BREAK.join(printable(part) for part in text.split(BREAK))


def plain(text: str) -> str:
    """Typeset text as plain text again, for what is not a page (a PDF's bookmarks)."""
    return text.replace(NBSP, " ").replace(BREAK, "")


def typeset(report: Report) -> Report:
    """The report with every printed text set by the rules above (the map is drawn apart)."""
    return report._replace(
        title=proper_names(prose(report.title)),
        subtitle=proper_names(prose(report.subtitle)),
        running_head=prose(report.running_head),
        blocks=tuple(_block(block) for block in report.blocks),
    )


def _block(block: Block) -> Block:
    if isinstance(block, Heading):
        return block._replace(text=proper_names(prose(block.text)))
    if isinstance(block, Paragraph):
        return block._replace(runs=_runs(block.runs))
    if isinstance(block, Fields):
        return block._replace(rows=tuple((label(name), _runs(value)) for name, value in block.rows))
    if isinstance(block, Table):
        return block._replace(
            header=tuple(prose(label) for label in block.header),
            rows=tuple(tuple(_runs(cell) for cell in row) for row in block.rows),
        )
    if isinstance(block, Bullets):
        return block._replace(items=tuple((depth, _runs(runs)) for depth, runs in block.items))
    return block  # the map and page breaks carry no running text


def _runs(runs: Inline) -> Inline:
    return tuple(run._replace(text=_run_text(run)) for run in runs)


def _run_text(run: Run) -> str:
    if run.url and run.text == run.url:
        return url(run.text)
    return proper_names(prose(run.text)) if run.bold else prose(run.text)
