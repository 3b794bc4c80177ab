"""The dataset's tables and timelines as typed rows: what `owes centres`, `counties`,
`services`, `audiences`, `sources`, `periods`, `places`, `history` and `validate` list.

Flat rows with stable keys, for JSON, CSV and the listing layout alike.
Kept apart from `owes_cli.answers` so that a lookup (`which-centre`) does
not build these classes at start-up; `to_json` writes them as it writes answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from owes_cli.answers import (
    NOT_IN_JSON,
    OMIT_WHEN_NONE,
    Audience,
    NoteInfo,
    _str,
    audience,
    centre_info,
    period_info,
    run_by_line,
    service,
    source,
    stated,
    website,
)
from owes_cli.domain import history, periods
from owes_cli.domain.history import MilestoneKind
from owes_cli.domain.model import Centre, County, CountyKind, Dataset
from owes_cli.domain.periods import CoverageStatus, PeriodStatus
from owes_cli.errors import Problem
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.domain import Register
    from owes_cli.domain.places import Place, PlaceKind


class CentreRow(Record):
    id: str
    name: str
    seat: str | None
    from_: str
    to: str | None
    operators: str
    counties: int | None  # None: not in the sources
    # Issue 10: what people reuse in a spreadsheet, by name.
    period: str
    address: str | None
    website: str | None  # the centre's own, else its period's (see website_from)
    run_by: str  # every operator with its role (answers.run_by_line)
    county_names: str | None  # None: not in the sources ("unknown")
    sources: str
    website_from: str | None = None  # "centre" or "period": whose website `website` is


class CountyRow(Record):
    teryt: str
    name: str
    kind: CountyKind
    centre: str | None
    centre_name: str | None
    coverage: CoverageStatus
    period: str
    period_status: PeriodStatus
    last_confirmed: str | None
    # The same by name, as people read them (issue 10): the centres the sources leave open, in the
    # period's order (JSON: a list; CSV: one cell, " | " between; for people "A or B").
    candidates: tuple[str, ...] | None
    period_name: str
    last_confirmed_name: str | None
    voivodeship: str | None = None  # named only when the dataset covers several


OMIT_WHEN_NONE[CountyRow] = ("voivodeship",)


class ServiceRow(Record):
    id: str
    group: str
    name: str
    centres: str  # ids, for scripts
    centre_names: str = ""  # the same by name, as people read them; not in JSON


NOT_IN_JSON[ServiceRow] = ("centre_names",)


class SourceRow(Record):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None
    quotes: int
    quote_texts: tuple[str, ...]  # the stored quotes themselves (`owes sources --quotes`)


class PeriodRow(Record):
    id: str
    name: str
    programme: str
    measure: str | None
    from_: str
    to: str | None
    lead: str | None
    centres: str
    sources: str
    centre_names: str = ""  # the centres by name, as people read them; not in JSON
    derived: str | None = None  # how its dates were derived, where no source states them


NOT_IN_JSON[PeriodRow] = ("centre_names",)


class PlaceRow(Record):
    teryt: str
    name: str
    kind: PlaceKind
    simc: str | None
    gmina: str
    county: str


class CountyHistoryRow(Record):
    period: str
    from_: str
    to: str | None
    coverage: CoverageStatus
    centre: str | None
    centre_name: str | None
    period_centres: str
    sources: str
    period_name: str
    period_centre_names: tuple[str, ...] | None  # as CountyRow.candidates


class CentreHistoryRow(Record):
    date: str
    kind: MilestoneKind
    what: str
    sources: str


class CountyHistory(Record):
    """What the sources say of one county in each period."""

    subject: str  # "name (TERYT)"
    rows: tuple[CountyHistoryRow, ...]
    notes: tuple[NoteInfo, ...] = ()  # how a place's name was read, said on stderr


class CentreHistory(Record):
    """One centre's dated milestones."""

    subject: str  # its name, with its period's where another centre has the same name
    rows: tuple[CentreHistoryRow, ...]


class ProblemInfo(Record):
    where: str
    code: str
    message: str


class Counts(Record):
    centres: int
    counties: int
    sources: int


class UnquotedInfo(Record):
    """A statement with sources but no quote of them: our summary (owes_cli.domain.dataset.evidence)."""

    where: str
    record: str
    sources: tuple[str, ...]


class Validation(Record):
    path: str
    valid: bool
    problems: tuple[ProblemInfo, ...]
    counts: Counts | None  # of a valid dataset; for people, not in JSON
    found: tuple[Problem, ...]  # the problems as the domain has them; not in JSON
    # Of a valid dataset: the statements that quote none of their sources (None, and not in JSON, otherwise).
    unquoted: tuple[UnquotedInfo, ...] | None = None


NOT_IN_JSON[Validation] = ("counts", "found")  # for people: the summary line, and the domain's problems
OMIT_WHEN_NONE[Validation] = ("unquoted",)  # an invalid dataset's statements are not counted


# --------------------------------------------------------------------------
# Building the rows
# --------------------------------------------------------------------------


def place_rows(places: Iterable[Place], dataset: Dataset) -> list[PlaceRow]:
    return [PlaceRow(p.teryt, p.name, p.kind, p.simc, p.gmina, dataset.counties[p.county].name) for p in places]


def centre_rows(dataset: Dataset, lang: str) -> list[CentreRow]:
    rows = []
    for centre in sorted(dataset.centres.values(), key=lambda c: (dataset.periods[c.period].first_day(), c.id)):
        info = centre_info(dataset, centre, lang)
        site = website(info)
        rows.append(
            CentreRow(
                id=centre.id,
                name=centre.name,
                seat=centre.seat,
                from_=info.period.from_,
                to=info.period.to,
                operators="; ".join(op.name for op in info.operators),
                counties=len(info.counties) if centre.coverage else None,
                period=info.period.name,
                address="; ".join(f"{a.street}, {a.city}" for a in info.addresses) or None,
                website=site.url if site else None,
                run_by=run_by_line(info, lang),
                county_names="; ".join(c.name for c in info.counties) if centre.coverage else None,
                sources=" ".join(src.id for src in info.sources),
                website_from=("period" if site.of_period else "centre") if site else None,
            )
        )
    return rows


def county_rows(dataset: Dataset, on: date, lang: str, register: Register | None = None) -> list[CountyRow]:
    """Every county of the dataset by TERYT code, so grouped by voivodeship, which is named when there are several."""
    counties = sorted(dataset.counties.values(), key=lambda c: c.teryt)
    return [county_row(dataset, periods.answer(dataset, county, on), lang, register) for county in counties]


def county_row(dataset: Dataset, ans: periods.CountyAnswer, lang: str, register: Register | None = None) -> CountyRow:
    """One county's row of `county_rows`, from its answer (periods.answer) for the day."""
    several = register is not None and len(dataset.regions) > 1
    county = ans.county
    return CountyRow(
        teryt=county.teryt,
        name=county.name,
        kind=county.kind,
        centre=ans.centre.id if ans.centre else None,
        centre_name=ans.centre.name if ans.centre else None,
        coverage=ans.coverage,
        period=ans.period.id,
        period_status=ans.period_status,
        last_confirmed=ans.last_confirmed.centre.id if ans.last_confirmed else None,
        candidates=tuple(c.name for c in ans.centres) or None,
        period_name=ans.period.name.get(lang),
        last_confirmed_name=ans.last_confirmed.centre.name if ans.last_confirmed else None,
        voivodeship=register.voivodeship(county.teryt) if several and register is not None else None,
    )


def centre_label(dataset: Dataset, centre: Centre, lang: str) -> str:
    """A centre as people read it: its name, and its period's where another centre has the same name
    (the Zielona Góra centres of 2016 and 2024)."""
    shared = sum(1 for other in dataset.centres.values() if other.name == centre.name) > 1
    return f"{centre.name} ({dataset.periods[centre.period].name.get(lang)})" if shared else centre.name


def service_rows(dataset: Dataset, lang: str, centre: Centre | None) -> list[ServiceRow]:
    ids = centre.services if centre else list(dataset.services)
    rows = []
    for sid in ids:
        offered_by = [c for c in dataset.centres.values() if sid in c.services]
        found = service(dataset, sid, lang)
        names = "; ".join(centre_label(dataset, c, lang) for c in offered_by)
        rows.append(ServiceRow(found.id, found.group, found.name, "; ".join(c.id for c in offered_by), names))
    return rows


def audience_rows(dataset: Dataset, lang: str) -> list[Audience]:
    return [audience(dataset, aid, lang) for aid in dataset.audiences]


def source_rows(dataset: Dataset) -> list[SourceRow]:
    rows = []
    for sid in dataset.sources:
        found = source(dataset, sid)
        quotes = dataset.sources[sid].quotes
        rows.append(SourceRow(found.id, found.title, found.publisher, found.url, found.date, len(quotes), quotes))
    return rows


def period_rows(dataset: Dataset, lang: str) -> list[PeriodRow]:
    rows = []
    for period in sorted(dataset.periods.values(), key=lambda p: p.first_day()):
        info = period_info(dataset, period, lang)
        rows.append(
            PeriodRow(
                id=period.id,
                name=info.name,
                programme=period.programme,
                measure=period.measure,
                from_=info.from_,
                to=info.to,
                lead=info.lead.name if info.lead else None,
                centres=" ".join(c.id for c in dataset.centres_in(period.id)),
                sources=" ".join(period.sources),
                centre_names="; ".join(c.name for c in dataset.centres_in(period.id)),
                derived=info.derived,
            )
        )
    return rows


def county_history_rows(dataset: Dataset, county: County, lang: str) -> tuple[CountyHistoryRow, ...]:
    return tuple(
        CountyHistoryRow(
            period=entry.period.id,
            from_=str(entry.period.start),
            to=_str(entry.period.end),
            coverage=entry.coverage,
            centre=entry.centre.id if entry.centre else None,
            centre_name=entry.centre.name if entry.centre else None,
            period_centres=" ".join(c.id for c in entry.centres),
            period_name=entry.period.name.get(lang),
            period_centre_names=tuple(c.name for c in entry.centres) or None,
            sources=" ".join(entry.sources),
        )
        for entry in history.county_history(dataset, county)
    )


def centre_history_rows(dataset: Dataset, centre: Centre, lang: str) -> tuple[CentreHistoryRow, ...]:
    from owes_cli.messages import t

    period_name = dataset.periods[centre.period].name.get(lang)
    derived = dataset.periods[centre.period].derived
    rows = []
    for milestone in history.centre_history(dataset, centre):
        if milestone.kind in (MilestoneKind.START, MilestoneKind.END):
            what = t(lang, "milestone_centre_" + milestone.kind, centre=centre.name)
        elif milestone.kind in (MilestoneKind.PERIOD_START, MilestoneKind.PERIOD_END):
            what = t(lang, "milestone_" + milestone.kind, period=period_name)
            if derived:  # a date no source states says how it was derived
                what += f" ({derived.get(lang)})"
        elif milestone.kind is MilestoneKind.ADDRESS:
            what = t(lang, "milestone_address", address=milestone.detail)
        else:
            assert milestone.text is not None
            what = stated(dataset, milestone.text, milestone.sources, milestone.quotes, lang)
            if milestone.kind is MilestoneKind.REPORTED:
                what = t(lang, "milestone_reported", text=what)
        rows.append(CentreHistoryRow(str(milestone.when), milestone.kind, what, " ".join(milestone.sources)))
    return tuple(rows)


def validation(
    path: str,
    problems: list[Problem],
    lang: str,
    counts: Counts | None = None,
    unquoted: Iterable[UnquotedInfo] | None = None,
) -> Validation:
    from owes_cli.messages import problem_text

    return Validation(
        path=path,
        valid=not problems,
        problems=tuple(ProblemInfo(p.where, p.code, problem_text(p, lang)) for p in problems),
        counts=counts,
        found=tuple(problems),
        unquoted=None if unquoted is None else tuple(unquoted),
    )
