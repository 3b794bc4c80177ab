"""What the directory answers, as typed, immutable values: the one shape every output uses.

JSON prints these through `to_json`, the one conversion; CSV flattens them;
the layout lays them out for people and documents. Data names stay Polish;
service and audience names follow the language the answer was built in.
Every status and kind is a StrEnum.

The answers are records (owes_cli.record: typing.NamedTuple to mypy, a
tuple subclass made without NamedTuple's class-creation cost at run time),
as the domain's records are, rather than frozen dataclasses: equally typed
and immutable for mypy, and a lookup defines the classes here at start-up.
"""

from __future__ import annotations

import keyword
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import TYPE_CHECKING, Any

from owes_cli.domain import lookup, periods
from owes_cli.domain.model import Centre, County, CountyKind, Dataset, Period, Text
from owes_cli.domain.periods import CoverageStatus, PeriodStatus
from owes_cli.record import Record

if TYPE_CHECKING:  # what a county's lookup neither builds nor loads: see _ELSEWHERE
    from owes_cli.answers.detail import DuringAnswer, ServedBy
    from owes_cli.answers.places import Locality, PlaceInfo, PlaceReadings, Point, Unit, place_info, unit
    from owes_cli.domain.history import MilestoneKind

__all__ = [
    "CoverageStatus",
    "DuringAnswer",
    "Locality",
    "MilestoneKind",
    "PeriodStatus",
    "PlaceInfo",
    "PlaceReadings",
    "Point",
    "ServedBy",
    "Unit",
    "place_info",
    "to_json",
    "unit",
]

# Answers' parts that live in the modules of the commands that build them, named here as well:
# a place beside a county (`--place`, `--at` and its point: answers.places), the centres of a whole month or
# year (`--on 2014`: answers.detail), a milestone's kind (the timelines: domain.history).
_ELSEWHERE = {
    "Locality": "owes_cli.answers.places",
    "PlaceInfo": "owes_cli.answers.places",
    "PlaceReadings": "owes_cli.answers.places",
    "Point": "owes_cli.answers.places",
    "Unit": "owes_cli.answers.places",
    "place_info": "owes_cli.answers.places",
    "unit": "owes_cli.answers.places",
    "DuringAnswer": "owes_cli.answers.detail",
    "ServedBy": "owes_cli.answers.detail",
    "MilestoneKind": "owes_cli.domain.history",
}


def __getattr__(name: str) -> Any:
    module = _ELSEWHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


def to_json(value: object) -> Any:
    """An answer as JSON-ready data: answers become objects, enums their values.

    A field's name is its key; a name that would be a Python keyword is
    spelled with a trailing underscore (`from_` is "from"). The few answers
    whose JSON is not one key per field are listed below, by class.
    """
    fields: tuple[str, ...] | None = getattr(type(value), "_fields", None)
    if fields is not None:
        kind = type(value)
        left_out, when_none = NOT_IN_JSON.get(kind, ()), OMIT_WHEN_NONE.get(kind, ())
        flattened = FLATTENED.get(kind)
        result: dict[str, Any] = {}
        for name in fields:
            item = getattr(value, name)
            if name in left_out or (item is None and name in when_none):
                continue
            if name == flattened:
                result.update(to_json(item))
            else:
                result[_key(name)] = to_json(item)
        return result
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, Mapping):
        return {str(k): to_json(v) for k, v in value.items()}
    return value


def _key(name: str) -> str:
    return name[:-1] if name.endswith("_") and keyword.iskeyword(name[:-1]) else name


def _text(value: Text | None, lang: str) -> str | None:
    return value.get(lang) if value else None


def _str(value: object | None) -> str | None:
    return None if value is None else str(value)


def stated(dataset: Dataset, said: Text, sources: tuple[str, ...], quotes: tuple[str, ...], lang: str) -> str:
    """A statement as printed: its text, or where it quotes none of the sources it cites, the text
    marked as our summary of them: "… — according to rpo.lubuskie.pl (our summary)"."""
    text = said.get(lang)
    summary = our_summary(dataset, sources, quotes, lang)
    # A dash, not a comma: the text may end with an abbreviation's full stop ("2015 r.").
    return f"{text} — {summary}" if summary else text


def our_summary(dataset: Dataset, sources: tuple[str, ...], quotes: tuple[str, ...], lang: str) -> str | None:
    """ "according to rpo.lubuskie.pl (our summary)" for a statement that quotes none of its sources."""
    if quotes or not sources:
        return None
    from owes_cli.messages import t  # only a statement without a quote needs the catalogue

    named = [_source_name(dataset, s, lang) for s in sources]
    return t(lang, "our_summary", source=(" i " if lang == "pl" else " and ").join(named))


def _source_name(dataset: Dataset, source_id: str, lang: str) -> str:
    found = dataset.sources.get(source_id)
    if found is None:
        return source_id
    if found.publisher:
        return found.publisher
    return f"„{found.title}”" if lang == "pl" else f"“{found.title}”"


# --------------------------------------------------------------------------
# The parts of an answer
# --------------------------------------------------------------------------


class CountyRef(Record):
    teryt: str
    name: str
    kind: CountyKind


class Ref(Record):
    """An organisation or a centre, by id and name."""

    id: str
    name: str


class PeriodInfo(Record):
    id: str
    name: str
    from_: str
    to: str | None
    programme: str
    measure: str | None
    lead: Ref | None
    aim: str | None
    website: str | None
    facts: tuple[str, ...]
    sources: tuple[str, ...]
    derived: str | None = None  # how its dates were derived, where no source states them


class Operator(Record):
    id: str
    name: str
    role: str  # "lead" or "partner"
    unit: str | None
    summary: str | None = None  # "according to … (our summary)" where no quote backs the role


class Address(Record):
    street: str
    city: str
    label: str | None
    as_of: str | None


class Service(Record):
    id: str
    group: str
    name: str


class Audience(Record):
    id: str
    group: str
    name: str
    part_of: str | None


class Source(Record):
    id: str
    title: str
    publisher: str | None
    url: str | None
    date: str | None


class Event(Record):
    date: str | None
    reported: str | None
    description: str


class Document(Record):
    title: str
    title_as_printed: str | None
    note: str | None
    url: str | None


class CentreInfo(Record):
    """A centre, with its own dates (where a source gives them) as its period's."""

    id: str
    name: str
    subregion: str | None
    seat: str | None
    period: PeriodInfo
    operators: tuple[Operator, ...]
    coverage: CoverageStatus  # confirmed or unknown: a centre's own counties
    counties: tuple[CountyRef, ...]
    coverage_sources: tuple[str, ...]  # the sources that name its counties
    period_from: str  # its period's own dates, where `period` carries the centre's
    period_to: str | None
    addresses: tuple[Address, ...]
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    website: str | None
    services: tuple[Service, ...]
    audiences: tuple[Audience, ...]
    facts: tuple[str, ...]
    events: tuple[Event, ...]
    documents: tuple[Document, ...]
    sources: tuple[Source, ...]
    period_derived: str | None = None  # how its period's dates were derived (period_from, period_to)
    # The sources of a fact saying its project is open to the whole region (not county coverage).
    open_to_region: tuple[str, ...] = ()


# The role of a period's project lead, named beside a centre that has no lead of its own
# (the 2013–2015 project: the WUP led it, its partners ran the two centres).
PROJECT_LEAD = "project lead"


def run_by(centre: CentreInfo) -> tuple[Operator, ...]:
    """Who runs a centre, with their roles: the one list every output shows.

    Its leads first; where it has none of its own, its period's project lead
    in their place; then the other operators in the order the data gives.
    """
    own = centre.operators
    leads = tuple(op for op in own if op.role == "lead")
    lead = centre.period.lead
    if not leads and lead is not None and all(op.id != lead.id for op in own):  # named once, in its own role
        leads = (Operator(lead.id, lead.name, PROJECT_LEAD, None),)
    return leads + tuple(op for op in own if op.role != "lead")


def operator_name(op: Operator) -> str:
    """ "Caritas … – Biuro w Gorzowie Wielkopolskim": an organisation and its unit are one entry,
    joined by an en dash, so that a comma never reads as a second operator."""
    return f"{op.name} – {op.unit}" if op.unit else op.name


def operator_line(op: Operator, lang: str) -> str:
    """One operator with its role: "Fundacja … (lead)"."""
    from owes_cli.messages import t

    role = t(lang, "role_" + op.role) + (f"; {op.summary}" if op.summary else "")  # a role no quote backs
    return f"{operator_name(op)} ({role})"


def run_by_line(centre: CentreInfo, lang: str) -> str:
    """Who runs a centre, as every output says it: each lead with its role, then the others
    grouped by role, "Fundacja … (lead); partners: A, B – its unit". "" when no source names one."""
    from owes_cli.messages import t

    everyone = run_by(centre)
    parts = [operator_line(op, lang) for op in everyone if op.role in ("lead", PROJECT_LEAD)]
    for role in dict.fromkeys(op.role for op in everyone if op.role not in ("lead", PROJECT_LEAD)):
        names = [operator_name(op) + (f" ({op.summary})" if op.summary else "") for op in everyone if op.role == role]
        parts.append(t(lang, "run_by_role_" + role, count=len(names), names=", ".join(names)))
    return "; ".join(parts)


class Website(Record):
    url: str
    of_period: bool  # the centre's own field is empty: the address is its period's


def website(centre: CentreInfo) -> Website | None:
    """The centre's website, or where it has none of its own, its period's (said as such)."""
    if centre.website:
        return Website(centre.website, of_period=False)
    if centre.period.website:
        return Website(centre.period.website, of_period=True)
    return None


class NoteInfo(Record):
    """Something the answer tells the user besides it: a message id and its parameters."""

    id: str
    params: Mapping[str, Any]  # written beside "id" in JSON


class Query(Record):
    """What was asked: the county or place as typed, or a point, and the day."""

    county: str | None  # only what was asked is written in JSON
    place: str | None
    at: Point | None  # for `--at` only (owes_cli.answers.places)
    on: str


class Confirmed(Record):
    period: PeriodInfo
    centre: CentreInfo


class CountyAnswer(Record):
    """Which centre serves a county on a day; for a place, the place goes beside the county."""

    query: Query
    place: PlaceInfo | None  # for `--place` and `--at` only
    county: CountyRef
    period_status: PeriodStatus
    coverage: CoverageStatus
    period: PeriodInfo
    period_ended: str | None
    next_period: PeriodInfo | None  # between two periods: the one that begins next
    centre: CentreInfo | None  # the confirmed centre, running on the day; None on a day no centre ran
    centres: tuple[CentreInfo, ...]  # the running centres, when none is confirmed
    last_confirmed: Confirmed | None  # when `centre` is None: the centre a source last confirmed
    notes: tuple[NoteInfo, ...]
    sources: tuple[Source, ...]
    # A name of places in several counties that all give this answer: every one, the one answered first.
    readings: tuple[PlaceInfo, ...] | None = None


# How the answers whose JSON is not one key per field are written (see to_json).
OMIT_WHEN_NONE: dict[type, tuple[str, ...]] = {
    Operator: ("summary",),  # only a role no quote backs says so
    Query: ("county", "place", "at"),  # what was asked, only
    CountyAnswer: ("place", "next_period", "readings"),
}
FLATTENED: dict[type, str] = {
    NoteInfo: "params",  # {"id": …, **params}
}
NOT_IN_JSON: dict[type, tuple[str, ...]] = {}
# answers.tables and answers.detail add their own classes to these.


# --------------------------------------------------------------------------
# Building answers from the domain
# --------------------------------------------------------------------------


def county_ref(county: County) -> CountyRef:
    return CountyRef(county.teryt, county.name, county.kind)


def period_info(dataset: Dataset, period: Period, lang: str) -> PeriodInfo:
    lead = dataset.organisations.get(period.lead) if period.lead else None
    return PeriodInfo(
        id=period.id,
        name=period.name.get(lang),
        from_=str(period.start),
        to=_str(period.end),
        programme=period.programme,
        measure=period.measure,
        lead=Ref(lead.id, lead.name) if lead else None,
        aim=_text(period.aim, lang),
        website=period.website,
        facts=tuple(stated(dataset, f.text, f.sources, f.quotes, lang) for f in period.facts),
        sources=tuple(period.sources),
        derived=_text(period.derived, lang),
    )


def centre_info(dataset: Dataset, centre: Centre, lang: str, whole: PeriodInfo | None = None) -> CentreInfo:
    """The centre's details; `whole` is its period's, when the caller has them already."""
    period = dataset.periods[centre.period]
    whole = whole or period_info(dataset, period, lang)
    counties, coverage_sources = _centre_coverage(dataset, centre)
    return CentreInfo(
        id=centre.id,
        name=centre.name,
        subregion=centre.subregion,
        seat=centre.seat,
        period=_own_period(whole, centre, period),
        operators=_operators(dataset, centre, lang),
        coverage=CoverageStatus.CONFIRMED if centre.coverage else CoverageStatus.UNKNOWN,
        counties=counties,
        coverage_sources=coverage_sources,
        period_from=str(period.start),
        period_to=_str(period.end),
        addresses=_addresses(centre, lang),
        phones=tuple(centre.phones),
        emails=tuple(centre.emails),
        website=centre.website,
        services=tuple(service(dataset, s, lang) for s in centre.services),
        audiences=tuple(audience(dataset, a, lang) for a in centre.audiences),
        facts=tuple(stated(dataset, f.text, f.sources, f.quotes, lang) for f in centre.facts),
        events=_centre_events(dataset, centre.id, lang),
        documents=_centre_documents(dataset, centre.id, lang),
        sources=tuple(source(dataset, s) for s in centre_source_ids(dataset, centre)),
        period_derived=whole.derived,
        open_to_region=_open_to_region(centre),
    )


def _own_period(whole: PeriodInfo, centre: Centre, period: Period) -> PeriodInfo:
    """The centre's period with the centre's own dates, where a source gives them; so
    narrowed, they are no longer the period's derived ones."""
    return whole._replace(
        from_=str(centre.start or period.start),
        to=_str(centre.end or period.end),
        derived=None if centre.start and centre.end else whole.derived,
    )


def _centre_coverage(dataset: Dataset, centre: Centre) -> tuple[tuple[CountyRef, ...], tuple[str, ...]]:
    """The counties a source says the centre serves, and those sources; none when no source says."""
    coverage = centre.coverage
    if not coverage:
        return (), ()
    return tuple(county_ref(dataset.counties[c]) for c in coverage.counties), tuple(coverage.sources)


def _operators(dataset: Dataset, centre: Centre, lang: str) -> tuple[Operator, ...]:
    return tuple(
        Operator(
            op.organisation,
            dataset.organisations[op.organisation].name,
            op.role,
            op.unit,
            our_summary(dataset, op.sources, op.quotes, lang),
        )
        for op in centre.operators
    )


def _addresses(centre: Centre, lang: str) -> tuple[Address, ...]:
    return tuple(Address(a.street, a.city, _text(a.label, lang), _str(a.as_of)) for a in centre.addresses)


def _centre_events(dataset: Dataset, centre_id: str, lang: str) -> tuple[Event, ...]:
    """The centre's events, earliest first (by their date, else the day they were reported)."""
    own = (e for e in dataset.events.values() if e.centre == centre_id)
    return tuple(
        Event(_str(e.date), _str(e.reported), stated(dataset, e.description, e.sources, e.quotes, lang))
        for e in sorted(own, key=lambda e: str(e.date or e.reported))
    )


def _centre_documents(dataset: Dataset, centre_id: str, lang: str) -> tuple[Document, ...]:
    return tuple(
        Document(d.title, d.title_as_printed, _text(d.note, lang), d.url)
        for d in dataset.documents.values()
        if d.centre == centre_id
    )


def _open_to_region(centre: Centre) -> tuple[str, ...]:
    """The sources that say the centre's project is open to the whole voivodeship."""
    return tuple(dict.fromkeys(s for f in centre.facts if f.reach == "region" for s in f.sources))


def service(dataset: Dataset, service_id: str, lang: str) -> Service:
    found = dataset.services[service_id]
    return Service(found.id, found.group, found.name.get(lang))


def audience(dataset: Dataset, audience_id: str, lang: str) -> Audience:
    found = dataset.audiences[audience_id]
    return Audience(found.id, found.group, found.name.get(lang), found.part_of)


def source(dataset: Dataset, source_id: str) -> Source:
    found = dataset.sources[source_id]
    return Source(found.id, found.title, found.publisher, found.url, _str(found.date))


def centre_source_ids(dataset: Dataset, centre: Centre) -> list[str]:
    """Every source behind what a centre card shows, in order of first use."""
    period = dataset.periods[centre.period]
    # An operator's own `sources` say it ran this centre; the organisation
    # record's sources may be of other periods, so they are not cited here.
    groups: list[Iterable[str]] = [centre.sources, period.sources]
    groups += [op.sources for op in centre.operators]
    if centre.coverage:
        groups.append(centre.coverage.sources)
        groups += [dataset.counties[c].sources for c in centre.coverage.counties]
    groups += [a.sources for a in centre.addresses]
    groups.append(centre.contact_sources)
    groups += [f.sources for f in (*centre.facts, *period.facts)]
    groups += [dataset.services[s].sources for s in centre.services]
    groups += [dataset.audiences[a].sources for a in centre.audiences]
    groups += [e.sources for e in dataset.events.values() if e.centre == centre.id]
    groups += [d.sources for d in dataset.documents.values() if d.centre == centre.id]
    return list(dict.fromkeys(s for group in groups for s in group))


def _unique_sources(groups: Iterable[Iterable[Source]]) -> tuple[Source, ...]:
    seen: dict[str, Source] = {}
    for group in groups:
        for found in group:
            seen.setdefault(found.id, found)
    return tuple(seen.values())


def _notes(notes: Iterable[lookup.Note]) -> tuple[NoteInfo, ...]:
    return tuple(NoteInfo(n.message_id, dict(n.params)) for n in notes)


def remembered_period(dataset: Dataset, period: Period, lang: str, memo: dict[tuple[str, str], Any]) -> PeriodInfo:
    """`period_info`, worked out once for a `memo` kept over answers of one dataset and language."""
    found: PeriodInfo | None = memo.get(("period", period.id))
    if found is None:
        found = memo["period", period.id] = period_info(dataset, period, lang)
    return found


def remembered_centre(dataset: Dataset, centre: Centre, lang: str, memo: dict[tuple[str, str], Any]) -> CentreInfo:
    """`centre_info`, worked out once for a `memo` kept over answers of one dataset and language
    (its period's details too: a period of 3,000 centres worked its own out 3,000 times)."""
    found: CentreInfo | None = memo.get(("centre", centre.id))
    if found is None:
        whole = remembered_period(dataset, dataset.periods[centre.period], lang, memo)
        found = memo["centre", centre.id] = centre_info(dataset, centre, lang, whole)
    return found


def county_answer(
    dataset: Dataset,
    ans: periods.CountyAnswer,
    lang: str,
    query: Query,
    place: PlaceInfo | None = None,
    memo: dict[tuple[str, str], Any] | None = None,
) -> CountyAnswer:
    """The answer for a county; for a place (`--place`, `--at`) the place goes beside the county.

    `memo` keeps each centre's and period's details for the next answer of the same dataset
    and language: the web page asks every county on every step, and one centre serves many."""
    memo = {} if memo is None else memo

    def centre_of(c: Centre) -> CentreInfo:
        return remembered_centre(dataset, c, lang, memo)

    def period_of(p: Period) -> PeriodInfo:
        return remembered_period(dataset, p, lang, memo)

    centres = [centre_of(c) for c in ([ans.centre] if ans.centre else ans.centres)]
    last = ans.last_confirmed
    last_info = Confirmed(period_of(last.period), centre_of(last.centre)) if last else None
    later = periods.next_period(dataset, ans.on) if ans.period_status is PeriodStatus.BETWEEN else None
    return CountyAnswer(
        query=query,
        place=place,
        county=county_ref(ans.county),
        period_status=ans.period_status,
        coverage=ans.coverage,
        period=period_of(ans.period),
        period_ended=_ended(dataset, ans.period, ans.period_status),
        next_period=period_of(later) if later else None,
        centre=centres[0] if ans.centre else None,
        centres=() if ans.centre else tuple(centres),
        last_confirmed=last_info,
        notes=_notes(ans.notes),
        sources=_unique_sources([*(c.sources for c in centres), last_info.centre.sources if last_info else ()]),
    )


def _ended(dataset: Dataset, period: Period, status: PeriodStatus) -> str | None:
    if status not in (PeriodStatus.HISTORICAL, PeriodStatus.BETWEEN):
        return None
    end = periods.period_span(dataset, period)[1]
    return end.isoformat() if end else None


# --------------------------------------------------------------------------
# One-row summaries, for --format csv of a single answer
# --------------------------------------------------------------------------


def answer_row(ans: CountyAnswer) -> dict[str, object]:
    centre = ans.centre
    place = ans.place
    last = ans.last_confirmed
    dates = centre.period if centre else ans.period
    return {
        **({"place_teryt": place.teryt, "place_name": place.name, "place_kind": place.kind} if place else {}),
        "county_teryt": ans.county.teryt,
        "county_name": ans.county.name,
        "on": ans.query.on,
        "period_status": ans.period_status,
        "coverage": ans.coverage,
        "centre_id": centre.id if centre else None,
        "centre_name": centre.name if centre else None,
        "from": dates.from_,
        "to": dates.to,
        "sources": " ".join(s.id for s in ans.sources),
        # Where no centre is confirmed for the day, the last one a source confirms, under its own name.
        "last_confirmed_id": last.centre.id if last else None,
        "last_confirmed_name": last.centre.name if last else None,
    }


def answer_rows(ans: CountyAnswer) -> list[dict[str, object]]:
    """`which-centre --format csv`: one row per candidate centre, each with its coverage and dates."""
    first = answer_row(ans)
    if ans.centre is not None or not ans.centres:
        return [first]
    return [
        {
            **first,
            "centre_id": centre.id,
            "centre_name": centre.name,
            "from": centre.period.from_,
            "to": centre.period.to,
            "sources": " ".join(s.id for s in centre.sources),
        }
        for centre in ans.centres
    ]


def during_rows(ans: DuringAnswer) -> list[dict[str, object]]:
    """`which-centre --on 2014 --format csv`: one row per centre that ran then."""
    place = ans.place
    head: dict[str, object] = {
        **({"place_teryt": place.teryt, "place_name": place.name, "place_kind": place.kind} if place else {}),
        "county_teryt": ans.county.teryt,
        "county_name": ans.county.name,
        "asked": ans.asked,
    }
    if not ans.centres:
        return [{**head, "coverage": None, "centre_id": None, "centre_name": None, "from": None, "to": None}]
    return [
        {
            **head,
            "coverage": served.coverage,
            "centre_id": served.centre.id,
            "centre_name": served.centre.name,
            "from": served.centre.period.from_,
            "to": served.centre.period.to,
        }
        for served in ans.centres
    ]


def centre_row(centre: CentreInfo) -> dict[str, object]:
    return {
        "id": centre.id,
        "name": centre.name,
        "from": centre.period.from_,
        "to": centre.period.to,
        "coverage": centre.coverage,
        "counties": " ".join(c.teryt for c in centre.counties),
        "sources": " ".join(s.id for s in centre.sources),
    }
