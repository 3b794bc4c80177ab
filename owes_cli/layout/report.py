"""A printable document, independent of its file format.

A document is its front matter (when it was made, how fresh the data is,
the day it answers for, a notice when that answer is historical), then the
same blocks the terminal shows (layout/sections.py), then the coverage map.
`render.pdf` and `render.word` draw the same report, so a PDF and a Word
file say the same things in the same order. No PDF or Word library is
imported here.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from owes_cli.answers import PeriodStatus, Query, Source
from owes_cli.answers.detail import CentreStatus, DirectoryAnswer
from owes_cli.layout import Block, Bullets, Fields, Heading, Inline, Map, PageBreak, Paragraph, Table, status_line, text
from owes_cli.layout.sections import (
    centre_section,
    cited_sources,
    coverage_label,
    past_suffix,
    period_section,
    source_numbers,
    source_section,
)
from owes_cli.messages import t
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.layout.coverage_map import CoverageMap


# The most parts (see `parts`) a PDF or Word document holds: Directory.document refuses more,
# after building the report and before drawing it, since the time to draw one grows with its
# parts. Measured on 0.3.0 (2026-12-06, CPU seconds of the render alone, a loaded 2-core machine)
# over eleven directories of 97 to 9,681 parts: PDF 0.2 s plus 0.46 ms a part (1.45 ms a table
# cell), within 10 % on the eight of 0.5 to 5 s but half too much on a 380-row table; Word 0.2 s
# plus 0.8 ms a part, within about 25 %. Both grow faster past 10,000 parts (1,200 centres of one
# period, 19,281 parts: PDF 17 s, Word 30 s). The largest real shape must pass: a
# dataset shaped like all of Poland (benchmarks/synthetic_datasets.py national) makes 3,150
# parts, the bundled data at most 197; 5,000 is that with room to spare, while the worst datasets
# within the size limit make 30,000 to 52,000 parts (13 to over 60 s). With the renderers that
# lay text and tables out in one pass (whole `owes export -o - --data FILE`, CPU seconds, a
# quiet machine, 2026-12-06 17:50 UTC): PDF about 0.75 s plus 0.38 ms a part on pages of
# centres (306 centres of one period, 4,977 parts: 2.58 s; 63 services listed by each of 63
# centres, 4,995 parts: 2.70 s) and 0.54 ms on tables (all of Poland, 3,149 parts: 2.45 s);
# Word under 1 s for each of them. Since the PDF writes each line's text operators itself and
# measures and encodes a recurring text once (render/pdf.py `_draw_line`; measured 2026-12-06
# 19:05 UTC, a loaded 2-core machine, load average 3-5, three interleaved runs, the least):
# about 0.6 s (Lubuskie's directory, 197 parts: 0.62 s) plus 0.15 ms a part on pages of
# centres (307 centres of one period, 4,993 parts: 1.35 s; 63 x 63 services, 4,995 parts:
# 1.25 s) and 0.2 ms on tables (all of Poland, 3,149 parts: 1.43 s). Every document the cap
# lets through is exported in under 1.5 s, so it stays at 5,000: the largest real shape, Poland's
# directory, passes with room to spare. For faster renderers: (the seconds allowed − the
# fixed part) ÷ their cost of a part.
MAX_PARTS = 5_000
# A one-page fact sheet costs more a part: its renderer fits the sheet to the page again and again
# (PDF 3.6 ms, Word 2 ms a part, measured as above on sheets of 103 to 1,203 parts: a county whose
# coverage is unknown lists every centre of the period). Real sheets hold at most 5 parts (the
# bundled data, two candidates); at 400 the whole export took 2.2 s as PDF, so 300 keep it near 1.7 s.
# With the PDF's own line drawing (measured as MAX_PARTS is): 297 centres, 300 parts, 0.76 s; 165
# services listed by every centre, 168 parts, 0.94 s.
MAX_SHEET_PARTS = 300


class Report(Record):
    lang: str  # "pl" or "en"
    title: str
    subtitle: str
    subject: str  # document metadata
    keywords: str
    running_head: str  # printed atop every page after the first
    generated: datetime  # when the document was made (SOURCE_DATE_EPOCH when set)
    blocks: tuple[Block, ...]
    author: str = ""  # the dataset the document is made from (metadata)
    one_page: bool = False  # the county fact sheet: the renderer keeps it to one page, the map shrinking to fit
    about: str = ""  # the county or place a fact sheet is about: first in its metadata title

    def document_title(self) -> str:
        """The title in the file's metadata, as a folder of documents lists it: what it is about first."""
        title = self.title.replace("\u00a0", " ")  # no-break spaces are for the page only
        if self.about:
            return f"{self.about} — {title} ({self.subtitle})"
        return f"{self.subtitle} — {title}"


def parts(report: Report) -> int:
    """How many pieces of text a renderer lays out one by one: each heading, paragraph and list item,
    each field's label and value, and each table cell. Counted without drawing anything."""
    count = 0
    for block in report.blocks:
        if isinstance(block, Table):
            count += len(block.rows) * len(block.header)
        elif isinstance(block, Fields):
            count += 2 * len(block.rows)
        elif isinstance(block, Bullets):
            count += len(block.items)
        elif isinstance(block, (Heading, Paragraph)):
            count += 1
    return count


class Edition(Record):
    """What every document states about itself."""

    dataset_title: str
    lang: str
    generated: datetime
    version: str  # of owes, for the colophon
    register_title: str  # the county register (TERYT) and its date
    register_publisher: str
    register_as_of: str
    # The day the document reads as today (YYYY-MM-DD): one for a day before it says it is past.
    # The directory's today where one was given, else the day the document is made.
    today: str


# --------------------------------------------------------------------------
# The three documents
# --------------------------------------------------------------------------


def directory_report(answer: DirectoryAnswer, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """The whole directory for one period, with the map of that day when given."""
    lang = edition.lang
    # Every source the document cites (the period's are its centres'), numbered once for the whole
    # document: each centre cites them by number, and the one list at its end uses the same numbers.
    numbers = source_numbers(*(centre.sources for centre in answer.centres), answer.sources)
    cited = {source.id: source for source in answer.sources}
    cited.update((source.id, source) for centre in answer.centres for source in centre.sources)
    listed = tuple(sorted(cited.values(), key=lambda source: numbers[source.id]))
    blocks = _front(answer.query, answer.period_status, answer.period.from_, answer.period_ended, listed, edition)
    blocks += period_section(answer.period, lang)
    blocks += _overview(answer, lang)
    blocks += map_block(drawing, lang)
    for centre in answer.centres:
        # The period's facts open the directory (period_section): each centre shows only its own.
        own = centre._replace(period=centre.period._replace(facts=()))
        blocks += [
            PageBreak(),
            *centre_section(own, lang),
            *cited_sources(centre.sources, numbers, lang),
        ]
    blocks += source_section(listed, lang, numbers, level=1)
    blocks.append(_about_sources(lang))
    subtitle = t(lang, "doc_directory", period=answer.period.name) + _past(answer.query, edition)
    return _report(edition, subtitle, answer.period_status, blocks)


def centre_report(answer: CentreStatus, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """One centre in full, with the map of a day in its period when given."""
    lang = edition.lang
    centre = answer.centre
    blocks = _front(
        answer.query,
        answer.period_status,
        centre.period.from_,
        answer.period_ended,
        centre.sources,
        edition,
        next_start=answer.next_start,
    )
    if drawing is not None and answer.next_start:
        # Drawn for the last day before the next period began; no source says the period ran to it,
        # so the map names the day the data gives, as the notice and the period's dates do.
        when = t(lang, "map_before_next", next=answer.next_start)
        drawing = drawing._replace(subtitle=f"{when} · {answer.period.name}")
    blocks += [*centre_section(centre, lang), *source_section(centre.sources, lang)]
    blocks += map_block(drawing, lang)
    blocks.append(_about_sources(lang))
    subtitle = f"{t(lang, 'doc_centre')}: {centre.name}{_past(answer.query, edition)}"
    return _report(edition, subtitle, answer.period_status, blocks)


def _past(query: Query, edition: Edition) -> str:
    """ ", for 2014-06-01 (historical)" when the day answered is before the document's today
    (`Edition.today`): a document handed out later must not read like a current one."""
    return past_suffix(query.on, edition.lang, edition.today)


def source_dates(sources: tuple[Source, ...] | list[Source], lang: str) -> str:
    """ "2014–2024, some undated": the years of a document's sources, rather than one misleading day."""
    years = sorted({source.date[:4] for source in sources if source.date})
    if not years:
        return t(lang, "doc_sources_undated")
    dates = years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return t(lang, "doc_some_undated", dates=dates) if any(not source.date for source in sources) else dates


def _report(edition: Edition, subtitle: str, status: PeriodStatus, blocks: list[Block]) -> Report:
    lang = edition.lang
    running_head = subtitle
    if status is PeriodStatus.HISTORICAL:
        running_head += f" · {t(lang, 'doc_historical').lower()}"
    return Report(
        lang=lang,
        title=edition.dataset_title,
        subtitle=subtitle,
        subject=t(lang, "doc_subject"),
        keywords=t(lang, "doc_keywords"),
        running_head=running_head,
        generated=edition.generated,
        blocks=tuple(blocks),
        author=edition.dataset_title,
    )


# --------------------------------------------------------------------------
# Parts only documents have
# --------------------------------------------------------------------------


def _front(
    query: Query,
    status: PeriodStatus,
    start: str,
    ended: str | None,
    sources: tuple[Source, ...],
    edition: Edition,
    *,
    next_start: str | None = None,
) -> list[Block]:
    """When it was made, the day it answers for, the years of its sources and the register's date,
    and whether the answer is historical."""
    lang = edition.lang
    rows: tuple[tuple[str, Inline], ...] = (
        (t(lang, "doc_generated"), text(edition.generated.date().isoformat())),
        (t(lang, "doc_answer_on"), text(query.on)),
        (t(lang, "doc_sources_label"), text(source_dates(sources, lang))),
        (t(lang, "doc_register_as_of"), text(edition.register_as_of)),
    )
    if status is PeriodStatus.CURRENT:  # the answer's own header says so
        return [Fields(rows)]
    # Historical or before the data starts: say so where nobody can miss it.
    line = status_line(status, lang, on=query.on, start=start, ended=ended, next_start=next_start)
    return [Fields(rows), Paragraph(text(line[:1].upper() + line[1:]), tone="notice")]


def map_block(drawing: CoverageMap | None, lang: str) -> list[Block]:
    if drawing is None or not drawing.shapes:  # a dataset of counties the shipped boundaries do not hold
        return []
    # Each legend entry with the counties drawn in its style, e.g. "Ośrodek … : żarski, żagański".
    parts = [f"{t(lang, 'map_alt')}. {drawing.subtitle}."]
    for entry in drawing.legend:
        counties = [s.name for s in drawing.shapes if s.style == entry.style and not entry.marker]
        if entry.emphasised:
            parts.append(f"{entry.text}.")
        elif counties:
            parts.append(f"{entry.text}: {', '.join(counties)}.")
    seats = [f"{seat.name}" for seat in drawing.seats]
    if seats:
        parts.append(f"{t(lang, 'map_seat').capitalize()}: {', '.join(seats)}.")
    return [Map(t(lang, "doc_map"), drawing, " ".join(parts))]


def _overview(answer: DirectoryAnswer, lang: str) -> list[Block]:
    names = {c.id: c.name for c in answer.centres}
    rows = tuple(
        (
            text(row.name),
            text(row.teryt),
            text(t(lang, "kind_" + row.kind)),
            text(
                names.get(row.centre) or row.centre_name or row.centre
                if row.centre
                else coverage_label(row.coverage, lang)
            ),
        )
        # As people look a county up: by name in Polish alphabetical order whatever the case (Zielona Góra
        # just before zielonogórski, żagański after both), the kind beside it.
        for row in sorted(answer.counties, key=lambda row: (polish_order(row.name), row.teryt))
    )
    header = (t(lang, "county"), t(lang, "teryt"), t(lang, "kind"), t(lang, "centre"))
    return [Heading(t(lang, "doc_overview"), 1), Table(header, rows, (26, 10, 24, 40))]


POLISH_ALPHABET = "aąbcćdeęfghijklłmnńoóprsśtuvwxyzźż"


def polish_order(name: str) -> tuple[int, ...]:
    """A sort key: letters in the order of the Polish alphabet, case folded; a space or hyphen first."""
    return tuple(
        POLISH_ALPHABET.index(c) + 1 if c in POLISH_ALPHABET else (0 if c in " -" else 100 + ord(c))
        for c in name.lower()
    )


def _about_sources(lang: str) -> Paragraph:
    return Paragraph(text(t(lang, "doc_about_sources")), tone="small")
