"""Answers in full, which only some commands build: a place with its centre in
every period (`owes place`), a centre on a day and the whole directory (the
documents of `owes export`), the centres that served a county in a whole month
or year (`which-centre --on 2014`). Kept apart from `owes_cli.answers` so that a
lookup does not build these classes at start-up.
"""

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from owes_cli.answers import (
    FLATTENED,
    OMIT_WHEN_NONE,
    CentreInfo,
    CountyAnswer,
    CountyRef,
    CoverageStatus,
    NoteInfo,
    PeriodInfo,
    PeriodStatus,
    Query,
    Ref,
    Source,
    _ended,
    _notes,
    _unique_sources,
    centre_info,
    period_info,
    remembered_centre,
    remembered_period,
)
from owes_cli.answers.places import PlaceInfo, Point, Unit, place_info, unit
from owes_cli.domain import history, lookup, periods
from owes_cli.domain.model import Centre, Dataset
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.answers.tables import CountyRow
    from owes_cli.domain import Register
    from owes_cli.domain.places import Gazetteer, Place


class PlacePeriod(Record):
    period: PeriodInfo
    coverage: CoverageStatus
    centre: Ref | None


class RegisterInfo(Record):
    title: str
    publisher: str
    as_of: str


class BoundariesInfo(Record):
    origin: str
    as_of: str


class PlaceDetail(Record):
    """Everything known about one place: `owes place NAME`."""

    place: PlaceInfo  # its keys open the JSON object
    label_point: Point | None
    notes: tuple[NoteInfo, ...]
    centres: tuple[PlacePeriod, ...]
    county_places: tuple[Unit, ...]
    register: RegisterInfo
    locality_register: Mapping[str, str]  # title, publisher, as_of of the SIMC register
    boundaries: BoundariesInfo


class CentreStatus(Record):
    """One centre, with whether it was running on a day."""

    query: Query
    period_status: PeriodStatus
    period: PeriodInfo
    period_ended: str | None  # a stated end only: the centre's own, or its period's
    centre: CentreInfo
    sources: tuple[Source, ...]
    # When no source gives the end, the day the next period began: all the data says of when it ended.
    next_start: str | None = None


class DirectoryAnswer(Record):
    """The period in effect on a day (or the latest before it) with all its centres."""

    query: Query
    period_status: PeriodStatus
    period: PeriodInfo
    period_ended: str | None
    centres: tuple[CentreInfo, ...]
    sources: tuple[Source, ...]
    counties: "tuple[CountyRow, ...]"


FLATTENED[PlaceDetail] = "place"  # the place's own keys open the object


class ServedBy(Record):
    """A centre that ran at some time in a month or year asked about, and what the sources
    say of whether it served the county."""

    centre: CentreInfo
    coverage: CoverageStatus  # confirmed or unknown


class DuringAnswer(Record):
    """Which centres served a county in a whole month or year (`--on 2014-06`, `--on 2014`)."""

    asked: str  # the month or year as typed, e.g. "2014-06"
    from_: str
    to: str
    place: PlaceInfo | None
    county: CountyRef
    centres: tuple[ServedBy, ...]  # every centre that ran then and may have served it, with its dates


OMIT_WHEN_NONE[DuringAnswer] = ("place",)  # a place for `--place` and `--at` only


def during_answer(
    dataset: Dataset, one_day: CountyAnswer, first: date, last: date, asked: str, lang: str
) -> DuringAnswer:
    """Every centre that ran between `first` and `last` and may have served the county of
    `one_day` (the answer on `first`, whose place it keeps), with its dates and what the sources say."""
    teryt = one_day.county.teryt
    found = []
    for centre, (start, end) in periods.centre_spans(dataset):
        if start > last or (end is not None and end < first):
            continue
        if centre.coverage is not None and teryt not in centre.coverage.counties:
            continue
        coverage = CoverageStatus.CONFIRMED if centre.coverage else CoverageStatus.UNKNOWN
        found.append(ServedBy(centre_info(dataset, centre, lang), coverage))
    return DuringAnswer(asked, first.isoformat(), last.isoformat(), one_day.place, one_day.county, tuple(found))


def place_detail(
    place: "Place",
    notes: Iterable[lookup.Note],
    dataset: Dataset,
    register: "Register",
    gazetteer: "Gazetteer",
    lang: str,
) -> PlaceDetail:
    from owes_cli.domain import geo  # boundaries only for this question

    boundaries = geo.load_layer("gminy")
    area = boundaries.areas.get(place.gmina)
    county = dataset.counties[place.county]
    return PlaceDetail(
        place=place_info(place, dataset, register, gazetteer),
        label_point=Point(round(area.label[1], 4), round(area.label[0], 4)) if area else None,
        notes=_notes(notes),
        centres=tuple(
            PlacePeriod(
                period_info(dataset, entry.period, lang),
                entry.coverage,
                Ref(entry.centre.id, entry.centre.name) if entry.centre else None,
            )
            for entry in history.county_history(dataset, county)
        ),
        county_places=tuple(unit(p) for p in gazetteer.in_county(place.county)),
        register=RegisterInfo(gazetteer.title, gazetteer.publisher, gazetteer.as_of),
        locality_register=gazetteer.locality_register,
        boundaries=BoundariesInfo(boundaries.origin, boundaries.as_of),
    )


def directory(dataset: Dataset, on: date, lang: str, memo: dict[tuple[str, str], Any] | None = None) -> DirectoryAnswer:
    """The period on `on` with every centre of it; `memo` keeps the details worked out for
    other answers of the same dataset and language (`county_answer`'s, on the web page)."""
    from owes_cli.answers import tables

    memo = {} if memo is None else memo
    period, status = periods.period_on(dataset, on)
    centres = tuple(remembered_centre(dataset, c, lang, memo) for c in dataset.centres_in(period.id))
    return DirectoryAnswer(
        query=Query(county=None, place=None, at=None, on=on.isoformat()),
        period_status=status,
        period=remembered_period(dataset, period, lang, memo),
        period_ended=_ended(dataset, period, status),
        centres=centres,
        sources=_unique_sources(c.sources for c in centres),
        counties=tuple(tables.county_rows(dataset, on, lang)),
    )


def centre_status(dataset: Dataset, centre: Centre, on: date, lang: str) -> CentreStatus:
    start, end = periods.centre_span(dataset, centre)
    # An open end is taken to run until the next period begins (periods.period_span): a day no source states.
    stated = centre.end is not None or dataset.periods[centre.period].last_day() is not None
    if on < start:
        status = PeriodStatus.BEFORE_FIRST
    elif end is not None and on > end:
        status = PeriodStatus.HISTORICAL
    else:
        status = PeriodStatus.CURRENT
    info = centre_info(dataset, centre, lang)
    return CentreStatus(
        query=Query(county=None, place=None, at=None, on=on.isoformat()),
        period_status=status,
        # The programme period with its own dates; the centre's own dates are in `centre.period`.
        period=period_info(dataset, dataset.periods[centre.period], lang),
        period_ended=end.isoformat() if status is PeriodStatus.HISTORICAL and end and stated else None,
        centre=info,
        sources=info.sources,
        next_start=(end + timedelta(days=1)).isoformat()
        if status is PeriodStatus.HISTORICAL and end and not stated
        else None,
    )


def place_row(detail: PlaceDetail) -> dict[str, object]:
    place = detail.place
    return {
        "teryt": place.teryt,
        "name": place.name,
        "kind": place.kind,
        "simc": place.simc,
        "gmina": place.gmina.teryt,
        "town": place.town.teryt if place.town else None,
        "county_teryt": place.county.teryt,
        "county_name": place.county.name,
        "voivodeship": place.voivodeship,
    }
