"""The listings (`owes centres`, `counties`, …) as tables: which columns, and how a cell reads.

A listing's columns name the keys CSV writes and the labels people read;
each column takes its value from a typed row, so a misspelt attribute fails
the type check. Cells read as people read them: labels translated, gaps
named ("not in our sources", "undated").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from owes_cli import answers as a
from owes_cli.answers import CoverageStatus
from owes_cli.layout.blocks import Table, text
from owes_cli.layout.sections import coverage_label
from owes_cli.messages import t

if TYPE_CHECKING:  # the rows' classes load with the listing commands, not at start-up
    from owes_cli.answers import tables as tb

R = TypeVar("R")


class Column(NamedTuple, Generic[R]):
    key: str  # the CSV column and JSON key
    value: Callable[[R], object]
    missing: str | None = None  # the message for an empty cell, where a gap means something
    whole: bool = False  # a screen never breaks its words


def cell(column: Column[R], row: R, lang: str) -> str:
    """A cell as a person reads it."""
    value = column.value(row)
    if value is None and column.missing:
        return t(lang, column.missing)
    if value is None or value == "":
        return "—"
    if isinstance(value, CoverageStatus):
        return coverage_label(value, lang)
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


# `centres --format csv`: one row per centre with names, not ids, for a spreadsheet.
CENTRES_CSV: list[Column[tb.CentreRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("period", lambda r: r.period),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to),
    Column("seat", lambda r: r.seat),
    Column("address", lambda r: r.address),
    Column("website", lambda r: r.website),
    Column("run_by", lambda r: r.run_by),
    Column("county_names", lambda r: r.county_names),
    Column("sources", lambda r: r.sources),
]
CENTRES: list[Column[tb.CentreRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("seat", lambda r: r.seat),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("operators", lambda r: r.operators),
    Column("counties", lambda r: r.counties, "coverage_label_unknown"),
]
COUNTIES: list[Column[tb.CountyRow]] = [
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
COUNTIES_BY_VOIVODESHIP: list[Column[tb.CountyRow]] = [Column("voivodeship", lambda r: r.voivodeship), *COUNTIES]


def county_columns(rows: Sequence[tb.CountyRow]) -> list[Column[tb.CountyRow]]:
    return COUNTIES_BY_VOIVODESHIP if any(row.voivodeship for row in rows) else COUNTIES


SERVICES: list[Column[tb.ServiceRow]] = [
    Column("id", lambda r: r.id),
    Column("group", lambda r: r.group),
    Column("name", lambda r: r.name),
    Column("centres", lambda r: r.centres),
]
AUDIENCES: list[Column[a.Audience]] = [
    Column("id", lambda r: r.id),
    Column("group", lambda r: r.group),
    Column("name", lambda r: r.name),
    Column("part_of", lambda r: r.part_of),
]
SOURCES: list[Column[tb.SourceRow]] = [
    Column("id", lambda r: r.id),
    Column("title", lambda r: r.title),
    Column("publisher", lambda r: r.publisher),
    Column("date", lambda r: r.date, "undated"),
    Column("url", lambda r: r.url),
]
SOURCES_WITH_QUOTES: list[Column[tb.SourceRow]] = [
    *SOURCES,
    Column("quote_texts", lambda r: " | ".join(r.quote_texts)),
]
PERIODS: list[Column[tb.PeriodRow]] = [
    Column("id", lambda r: r.id),
    Column("name", lambda r: r.name),
    Column("programme", lambda r: r.programme),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("derived", lambda r: r.derived),
    Column("lead", lambda r: r.lead),
    Column("centres", lambda r: r.centres),
]
COUNTY_HISTORY: list[Column[tb.CountyHistoryRow]] = [
    Column("period_name", lambda r: r.period_name),
    Column("from", lambda r: r.from_),
    Column("to", lambda r: r.to, "not_in_sources"),
    Column("coverage", lambda r: r.coverage),
    Column("centre_name", lambda r: r.centre_name),
    Column("period_centre_names", lambda r: r.period_centre_names),
    Column("sources", lambda r: r.sources),
]
CENTRE_HISTORY: list[Column[tb.CentreHistoryRow]] = [
    Column("date", lambda r: r.date, "undated"),
    Column("what", lambda r: r.what),
    Column("sources", lambda r: r.sources),
]
PLACES: list[Column[tb.PlaceRow]] = [
    Column("teryt", lambda r: r.teryt),
    Column("name", lambda r: r.name),
    Column("kind", lambda r: r.kind),
    Column("simc", lambda r: r.simc),
    Column("gmina", lambda r: r.gmina),
    Column("county", lambda r: r.county),
]
