"""A printable document, independent of its file format.

A document is its front matter (when it was made, how fresh the data is,
the day it answers for, a notice when that answer is historical), then the
same blocks the terminal shows (layout/sections.py), then the coverage map.
`render.pdf` and `render.word` draw the same report, so a PDF and a Word
file say the same things in the same order. No PDF or Word library is
imported here.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

from owes_cli.answers import CountyAnswer, PeriodStatus, Query
from owes_cli.answers.detail import CentreStatus, DirectoryAnswer
from owes_cli.layout.blocks import Block, Fields, Heading, Inline, Map, PageBreak, Paragraph, Table, text
from owes_cli.layout.sections import (
    centre_section,
    county_details,
    county_header,
    coverage_label,
    period_section,
    source_section,
    status_line,
)
from owes_cli.messages import t

if TYPE_CHECKING:
    from owes_cli.layout.coverage_map import CoverageMap

EPOCH_ENV = "SOURCE_DATE_EPOCH"


class Report(NamedTuple):
    lang: str  # "pl" or "en"
    title: str
    subtitle: str
    subject: str  # document metadata
    keywords: str
    running_head: str  # printed atop every page after the first
    generated: datetime  # when the document was made (SOURCE_DATE_EPOCH when set)
    blocks: tuple[Block, ...]


class Edition(NamedTuple):
    """What every document states about itself."""

    dataset_title: str
    as_of: str | None  # the newest date of a source about the centres
    lang: str
    generated: datetime


def generation_time(environ: dict[str, str] | os._Environ[str] = os.environ) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so that a rebuild gives the same bytes."""
    epoch = environ.get(EPOCH_ENV, "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


# --------------------------------------------------------------------------
# The three documents
# --------------------------------------------------------------------------


def directory_report(answer: DirectoryAnswer, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """The whole directory for one period, with the map of that day when given."""
    lang = edition.lang
    blocks = _front(answer.query, answer.period_status, answer.period.from_, answer.period_ended, edition)
    blocks += period_section(answer.period, lang)
    blocks += _overview(answer, lang)
    blocks += _map(drawing, lang)
    for centre in answer.centres:
        blocks += [PageBreak(), *centre_section(centre, lang), *source_section(centre.sources, lang)]
    blocks.append(_about_sources(lang))
    return _report(edition, t(lang, "doc_directory", period=answer.period.name), answer.period_status, blocks)


def centre_report(answer: CentreStatus, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """One centre in full, with the map of a day in its period when given."""
    lang = edition.lang
    centre = answer.centre
    blocks = _front(answer.query, answer.period_status, answer.period.from_, answer.period_ended, edition)
    blocks += [*centre_section(centre, lang), *source_section(centre.sources, lang)]
    blocks += _map(drawing, lang)
    blocks.append(_about_sources(lang))
    return _report(edition, f"{t(lang, 'doc_centre')}: {centre.name}", answer.period_status, blocks)


def county_report(answer: CountyAnswer, edition: Edition, drawing: CoverageMap | None = None) -> Report:
    """The answer for one county, as `which-centre` shows it; the map, when given, outlines the county."""
    lang = edition.lang
    blocks = _front(answer.query, answer.period_status, answer.period.from_, answer.period_ended, edition)
    # The map follows the county's header, so that it shares the first page with the answer.
    blocks += [*county_header(answer, lang), *_map(drawing, lang), *county_details(answer, lang)]
    blocks.append(_about_sources(lang))
    return _report(edition, t(lang, "doc_county", county=answer.county.name), answer.period_status, blocks)


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
    )


# --------------------------------------------------------------------------
# Parts only documents have
# --------------------------------------------------------------------------


def _front(query: Query, status: PeriodStatus, start: str, ended: str | None, edition: Edition) -> list[Block]:
    """When it was made, how fresh the data is, and whether the answer is historical."""
    lang = edition.lang
    rows: tuple[tuple[str, Inline], ...] = (
        (t(lang, "doc_generated"), text(edition.generated.date().isoformat())),
        (t(lang, "doc_data_as_of"), text(edition.as_of or t(lang, "not_in_sources"))),
        (t(lang, "doc_answer_on"), text(query.on)),
    )
    if status is PeriodStatus.CURRENT:  # the answer's own header says so
        return [Fields(rows)]
    # Historical or before the data starts: say so where nobody can miss it.
    line = status_line(status, lang, on=query.on, start=start, ended=ended)
    return [Fields(rows), Paragraph(text(line[:1].upper() + line[1:]), tone="notice")]


def _map(drawing: CoverageMap | None, lang: str) -> list[Block]:
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
        for row in answer.counties
    )
    header = (t(lang, "county"), t(lang, "teryt"), t(lang, "kind"), t(lang, "centre"))
    return [Heading(t(lang, "doc_overview"), 1), Table(header, rows, (26, 10, 24, 40))]


def _about_sources(lang: str) -> Paragraph:
    return Paragraph(text(t(lang, "doc_about_sources")), tone="small")
