"""How answers are laid out, for every output; this package's own module holds the blocks.

The layout's modules turn typed answers (owes_cli.answers) into neutral
blocks: headings, paragraphs, labelled fields, tables, bullet lists, the coverage map
and page breaks. The plain-text and Rich renderers draw them on a terminal,
the PDF and Word renderers in a document, so every output says the same
things in the same order. A new kind of block is a new record here
(owes_cli.record) and one drawing function in each renderer.

The blocks are this package's __init__ rather than a module of their own:
every answer is laid out in them, and each module costs a lookup its finding
and reading (some 0.15 ms).
"""

from typing import TYPE_CHECKING

from owes_cli.messages import printable
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.layout.coverage_map import CoverageMap


class Run(Record):
    """A piece of text; with a url it is a link; `small` is fine print within a paragraph."""

    text: str
    url: str | None = None
    bold: bool = False
    small: bool = False


Inline = tuple[Run, ...]


class Heading(Record):
    text: str
    level: int  # 1: what the answer is about (a county, a centre), bookmarked in a PDF; 2: a part of it


class Paragraph(Record):
    runs: Inline
    tone: str = "body"  # "body", "small" (fine print) or "notice" (set apart: historical data)


class Fields(Record):
    """Label and value pairs, e.g. "Run by: …"; a value may hold several lines."""

    rows: tuple[tuple[str, Inline], ...]


class Table(Record):
    header: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    widths: tuple[int, ...] = ()  # relative column widths; () lets the renderer choose
    # Columns no row has a value in, which a screen may leave out to save room.
    empty: tuple[bool, ...] = ()
    # Columns whose words a screen never breaks (a county's name: "strzelecko-drezdenecki").
    whole: tuple[bool, ...] = ()


class Bullets(Record):
    items: tuple[tuple[int, Inline], ...]  # (depth from 0, content)
    # Each item starts with its own number ("12. "): a document draws no bullet before it.
    numbered: bool = False


class PageBreak(Record):
    pass


class Map(Record):
    """The coverage map under its own section heading; a renderer keeps the two on one page."""

    title: str  # the heading, level 1
    drawing: "CoverageMap"
    description: str  # what the map shows, in words: the picture's alternative text


Block = Heading | Paragraph | Fields | Table | Bullets | Map | PageBreak


def text(value: str, url: str | None = None, *, bold: bool = False) -> Inline:
    return (Run(value, url, bold),)


def web_address(run: Run) -> str | None:
    """The run's address where a terminal shows it as a link (OSC 8): a printable http(s) address."""
    url = run.url
    return url if url and url.startswith(("http://", "https://")) and printable(url) == url else None


def plain_text(runs: Inline) -> str:
    return "".join(run.text for run in runs)


def bullets(items: list[str]) -> Bullets:
    return Bullets(tuple((0, text(item)) for item in items))


def by_heading(blocks: list[Block]) -> list[tuple[Heading | None, list[Block]]]:
    """Each heading with the blocks under it (None heads what comes before the first), as a screen shows them."""
    sections: list[tuple[Heading | None, list[Block]]] = []
    for block in blocks:
        if isinstance(block, Heading) or not sections:
            sections.append((block if isinstance(block, Heading) else None, []))
        if not isinstance(block, Heading):
            sections[-1][1].append(block)
    return sections
