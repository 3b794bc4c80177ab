"""The listings (`owes centres`, `counties`, …) as tables: which columns, and how a cell reads.

A listing's columns name the keys CSV writes and the labels people read;
each column takes its value from a typed row, so a misspelt attribute fails
the type check. Cells read as people read them: labels translated, gaps
named ("not in our sources", "undated").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from owes_cli.answers import Audience, CoverageStatus, Source
from owes_cli.layout import Block, Fields, Heading, Inline, Table, text
from owes_cli.layout.sections import coverage_label, source_section
from owes_cli.messages import t
from owes_cli.record import Record

if TYPE_CHECKING:  # the rows' classes load with the listing commands, not at start-up
    from owes_cli.answers.detail import PlaceDetail
    from owes_cli.answers.tables import (
        CentreHistory,
        CentreHistoryRow,
        CentreRow,
        CountyHistory,
        CountyHistoryRow,
        CountyRow,
        PeriodRow,
        PlaceRow,
        ServiceRow,
        SourceRow,
    )

R = TypeVar("R")


class Column(Record, Generic[R]):
    key: str  # the CSV column and JSON key
    value: Callable[[R], object]
    missing: str | None = None  # the message for an empty cell, where a gap means something
    whole: bool = False  # a screen never breaks its words
    # What people read in the cell where it differs from what scripts get (names for ids).
    shown: Callable[[R], object] | None = None


def alternatives(names: Sequence[str], lang: str) -> str:
    """Names of which one is meant, as a sentence says them: "A or B", "A, B or C" ("A lub B")."""
    return _said(names, t(lang, "alternatives_or"))


def names_list(names: Sequence[str], lang: str) -> str:
    """Names all meant, as a sentence says them: "A and B", "A, B and C" ("A i B")."""
    return _said(names, t(lang, "names_and"))


def _said(names: Sequence[str], last: str) -> str:
    return ", ".join(names[:-1]) + last + names[-1] if len(names) > 1 else "".join(names)


def cell(column: Column[R], row: R, lang: str) -> str:
    """A cell as a person reads it."""
    value = (column.shown or column.value)(row)
    if value is None and column.missing:
        return t(lang, column.missing)
    if value is None or value == "":
        return "—"
    if isinstance(value, CoverageStatus):
        return coverage_label(value, lang)
    if isinstance(value, tuple):  # names, of which scripts get a list
        # The centres a county's answer leaves open are one or the other; a period's centres all ran.
        return alternatives(value, lang) if column.key == "candidates" else names_list(value, lang)
    if column.key == "kind":
        return t(lang, "kind_" + str(value))
    if column.key == "period_status":
        return t(lang, "period_status_" + str(value))
    if column.key == "group":
        return t(lang, "group_" + str(value))
    return str(value.value if isinstance(value, Enum) else value)


def table(columns: Sequence[Column[R]], rows: Sequence[R], lang: str) -> Table:
    """A listing as a table block; columns empty in every row are marked so."""
    cells = tuple(tuple(text(cell(c, row, lang)) for c in columns) for row in rows)
    empty = tuple(all(c.value(row) in (None, "") for row in rows) for c in columns)
    whole = tuple(c.whole for c in columns)
    return Table(tuple(t(lang, c.key) for c in columns), cells, empty=empty, whole=whole)


def numbered_sources(
    columns: Sequence[Column[R]], rows: Sequence[R], sources: Sequence[SourceRow], lang: str
) -> tuple[list[Column[R]], list[Block]]:
    """A listing that cites sources by id, for people: the sources numbered in order of first use,
    each row citing their numbers, and the numbered list to go under the table, as documents have it.
    Scripts (CSV, JSON) keep the ids."""
    by_id = {source.id: source for source in sources}
    cite = next(column for column in columns if column.key == "sources")
    used = dict.fromkeys(sid for row in rows for sid in str(cite.value(row) or "").split() if sid in by_id)
    numbers = {sid: number for number, sid in enumerate(used, start=1)}

    def cited(row: R) -> str:
        return ", ".join(str(numbers[sid]) for sid in str(cite.value(row) or "").split() if sid in numbers)

    shown = [column._replace(shown=cited) if column is cite else column for column in columns]
    listed = tuple(Source(s.id, s.title, s.publisher, s.url, s.date) for s in (by_id[sid] for sid in used))
    return shown, source_section(listed, lang) if listed else []


# `centres --format csv`: one row per centre with names, not ids, for a spreadsheet.
CENTRES_CSV: list[Column[CentreRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("period", lambda r: r.period),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to),
    Column("seat", lambda r: r.seat),
    Column("address", lambda r: r.address),
    Column("website", lambda r: r.website),
    Column("website_from", lambda r: r.website_from),
    Column("run_by", lambda r: r.run_by),
    Column("county_names", lambda r: r.county_names),
    Column("sources", lambda r: r.sources),
]
CENTRES: list[Column[CentreRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("seat", lambda r: r.seat),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("run_by", lambda r: r.run_by, "not_in_sources"),  # who runs it as every output says it
    Column("counties", lambda r: r.counties, "coverage_label_unknown"),
]
COUNTIES: list[Column[CountyRow]] = [
    Column("teryt", lambda r: r.teryt),
    Column("name", lambda r: r.name, whole=True),
    Column("kind", lambda r: r.kind),
    Column("period_status", lambda r: r.period_status),
    Column("centre_name", lambda r: r.centre_name),
    Column("candidates", lambda r: r.candidates),
    Column("coverage", lambda r: r.coverage),
    Column("period_name", lambda r: r.period_name),
    Column("last_confirmed_name", lambda r: r.last_confirmed_name),
]
# A dataset of several voivodeships: its counties (in code order, so grouped) each with its voivodeship.
COUNTIES_BY_VOIVODESHIP: list[Column[CountyRow]] = [Column("voivodeship", lambda r: r.voivodeship), *COUNTIES]


def county_columns(rows: Sequence[CountyRow]) -> list[Column[CountyRow]]:
    return COUNTIES_BY_VOIVODESHIP if any(row.voivodeship for row in rows) else COUNTIES


SERVICES: list[Column[ServiceRow]] = [
    Column("id", lambda r: r.id),
    Column("group", lambda r: r.group),
    Column("name", lambda r: r.name),
    Column("centres", lambda r: r.centres, shown=lambda r: r.centre_names),
]
AUDIENCES: list[Column[Audience]] = [
    Column("id", lambda r: r.id),
    Column("group", lambda r: r.group),
    Column("name", lambda r: r.name),
    Column("part_of", lambda r: r.part_of),
]
SOURCES: list[Column[SourceRow]] = [
    Column("id", lambda r: r.id),
    Column("title", lambda r: r.title),
    Column("publisher", lambda r: r.publisher),
    Column("date", lambda r: r.date, "undated"),
    Column("url", lambda r: r.url),
]
SOURCES_WITH_QUOTES: list[Column[SourceRow]] = [
    *SOURCES,
    Column("quote_texts", lambda r: " | ".join(r.quote_texts)),
]
PERIODS: list[Column[PeriodRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("programme", lambda r: r.programme),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("derived", lambda r: r.derived),
    Column("lead", lambda r: r.lead),
    Column("centres", lambda r: r.centres, shown=lambda r: r.centre_names),
]
COUNTY_HISTORY: list[Column[CountyHistoryRow]] = [
    Column("period_name", lambda r: r.period_name),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("coverage", lambda r: r.coverage),
    Column("centre_name", lambda r: r.centre_name),
    Column("period_centre_names", lambda r: r.period_centre_names),
    Column("sources", lambda r: r.sources),
]
CENTRE_HISTORY: list[Column[CentreHistoryRow]] = [
    Column("date", lambda r: r.date, "undated"),
    Column("what", lambda r: r.what),
    Column("sources", lambda r: r.sources),
]
PLACES: list[Column[PlaceRow]] = [
    Column("teryt", lambda r: r.teryt),
    Column("name", lambda r: r.name),
    Column("kind", lambda r: r.kind),
    Column("simc", lambda r: r.simc),
    Column("gmina", lambda r: r.gmina),
    Column("county", lambda r: r.county),
]


def history_columns(found: CountyHistory | CentreHistory) -> list[Column[Any]]:
    """A county's periods, or a centre's milestones."""
    from owes_cli.answers import tables

    return list(COUNTY_HISTORY) if isinstance(found, tables.CountyHistory) else list(CENTRE_HISTORY)


def place_row(found: PlaceDetail) -> dict[str, object]:
    """`owes place --format csv`: the place in one row."""
    from owes_cli.answers.detail import place_row as row

    return row(found)


# --------------------------------------------------------------------------
# `owes counties` at a terminal: the counties grouped by their answer
# --------------------------------------------------------------------------


class CountyGroup(Record):
    """Counties with one answer for the day (the same centre, or the same candidates), in parts
    by the centre last confirmed for them."""

    heading: str  # the centre, "One of: A or B", or why there is none
    parts: tuple[tuple[str | None, tuple[str, ...]], ...]  # (last confirmed, its counties)


def county_groups(rows: Sequence[CountyRow], lang: str) -> list[CountyGroup]:
    """The counties grouped as a person reads the day's answers, in the order their first county
    comes in Polish alphabetical order: each centre, or set of candidates, once."""
    from owes_cli.layout.report import polish_order

    groups: dict[str, dict[str | None, list[str]]] = {}
    for row in sorted(rows, key=lambda row: (polish_order(row.name), row.teryt)):
        name = f"{row.name} ({row.voivodeship})" if row.voivodeship else row.name
        groups.setdefault(_answer_heading(row, lang), {}).setdefault(row.last_confirmed_name, []).append(name)
    return [
        CountyGroup(heading, tuple((last, tuple(names)) for last, names in parts.items()))
        for heading, parts in groups.items()
    ]


def answer_heading(row: CountyRow, lang: str) -> str:
    """A county's answer for the day in a few words, as a group of counties is headed: its centre,
    "One of: A or B", or why there is none (the terminal's `owes counties` and the web page alike)."""
    return _answer_heading(row, lang)


def _answer_heading(row: CountyRow, lang: str) -> str:
    if row.centre_name:
        return row.centre_name
    if row.candidates:
        return f"{t(lang, 'candidates')}: {alternatives(row.candidates, lang)}"
    if row.period_status in ("between", "historical"):  # no centre ran that day; a heading has no full stop
        return t(lang, "short_none_ran").rstrip(".")
    if row.period_status == "before-first":
        return t(lang, "short_no_centre_known").rstrip(".")
    return coverage_label(row.coverage, lang).capitalize()


def counties_by_answer(rows: Sequence[CountyRow], lang: str, *, on: str, today: str) -> list[Block]:
    """`owes counties` on a terminal: one heading per centre or set of candidates, its counties
    under it and the last confirmed centre on one line, rather than a row per county that
    repeats the same long names. `on` is the day answered, `today` today (YYYY-MM-DD, as
    `layout.day_label` takes them). Scripts and pipes keep a row per county."""
    from owes_cli.layout import day_label

    blocks: list[Block] = [Heading(f"{t(lang, 'doc_overview')}: {day_label(on, lang, today)}", 1)]
    if rows:
        status = rows[0].period_status  # "current" would read oddly beside a past day: said only when not
        period = rows[0].period_name + (f" ({t(lang, 'period_status_' + status)})" if status != "current" else "")
        blocks.append(Fields(((t(lang, "period"), text(period)),)))
    for group in county_groups(rows, lang):
        fields: list[tuple[str, Inline]] = []
        for last, counties in group.parts:
            fields.append((f"{t(lang, 'counties')} ({len(counties)})", text(", ".join(counties))))
            if last:
                fields.append((t(lang, "last_confirmed_name"), text(last)))
        blocks += [Heading(group.heading, 2), Fields(tuple(fields))]
    return blocks
