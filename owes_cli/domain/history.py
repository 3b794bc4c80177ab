"""Timelines: a county across all periods, and one centre's dated facts."""

from __future__ import annotations

from owes_cli.domain import periods
from owes_cli.domain.dates import PartialDate
from owes_cli.domain.model import Centre, County, Dataset, Period, Text
from owes_cli.domain.periods import CoverageStatus
from owes_cli.record import QuickStrEnum, Record


class CountyPeriod(Record):
    """What the sources say of one county in one period."""

    period: Period
    coverage: periods.CoverageStatus
    centre: Centre | None  # the confirmed centre
    centres: tuple[Centre, ...]  # the period's centres, when not confirmed
    sources: tuple[str, ...]


def county_history(dataset: Dataset, county: County) -> list[CountyPeriod]:
    return counties_history(dataset, [county])[0]


def counties_history(dataset: Dataset, counties: list[County]) -> list[list[CountyPeriod]]:
    """Each county's timeline, the periods put in order once for all of them."""
    ordered = [
        (period, dataset.centres_in(period.id))
        for period in sorted(dataset.periods.values(), key=lambda p: p.first_day())
    ]
    timelines: list[list[CountyPeriod]] = [[] for _ in counties]
    for period, centres in ordered:
        # What periods.coverage_among says of each county, for all of them at once:
        # the first of the period's centres that lists the county is its centre.
        confirmed = {
            teryt: centre for centre in reversed(centres) if centre.coverage for teryt in centre.coverage.counties
        }
        unconfirmed = periods.coverage_among(centres, "")[0]  # "none" or "unknown", as for a county none lists
        others = tuple(centres)
        for county, timeline in zip(counties, timelines, strict=True):
            centre = confirmed.get(county.teryt)
            if centre is not None and centre.coverage is not None:
                timeline.append(CountyPeriod(period, CoverageStatus.CONFIRMED, centre, (), centre.coverage.sources))
            else:
                timeline.append(CountyPeriod(period, unconfirmed, None, others, period.sources))
    return timelines


class MilestoneKind(QuickStrEnum):
    START = "start"  # the centre's own first day, where a source gives it
    END = "end"  # the centre's own last day
    PERIOD_START = "period-start"  # its period's first day
    PERIOD_END = "period-end"  # its period's last day
    ADDRESS = "address"  # the centre is found at an address (from a dated source)
    EVENT = "event"  # something happened on a day
    REPORTED = "reported"  # something was reported on a day, undated itself


class Milestone(Record):
    """A dated entry of a centre's timeline."""

    when: PartialDate
    kind: MilestoneKind
    text: Text | None  # for events: what happened
    detail: str | None  # for addresses: the address
    sources: tuple[str, ...]
    quotes: tuple[str, ...] = ()  # for events: the passages it rests on; none, our summary


def centre_history(dataset: Dataset, centre: Centre) -> list[Milestone]:
    period = dataset.periods[centre.period]
    # The centre's own dates are stated by its own sources, its period's by the period's:
    # each date is cited only by the sources that state it, and each is labelled as what it is.
    entries = [Milestone(period.start, MilestoneKind.PERIOD_START, None, None, tuple(period.sources))]
    if centre.start is not None and centre.start != period.start:
        entries.append(Milestone(centre.start, MilestoneKind.START, None, None, tuple(centre.sources)))
    if period.end is not None:
        entries.append(Milestone(period.end, MilestoneKind.PERIOD_END, None, None, tuple(period.sources)))
    if centre.end is not None and centre.end != period.end:
        entries.append(Milestone(centre.end, MilestoneKind.END, None, None, tuple(centre.sources)))
    for address in centre.addresses:
        if address.as_of is not None:
            entries.append(
                Milestone(
                    address.as_of, MilestoneKind.ADDRESS, None, f"{address.street}, {address.city}", address.sources
                )
            )
    for event in dataset.events.values():
        if event.centre == centre.id or (event.centre is None and event.period == centre.period):
            when = event.date or event.reported
            if when is not None:
                kind = MilestoneKind.EVENT if event.date else MilestoneKind.REPORTED
                entries.append(Milestone(when, kind, event.description, None, event.sources, event.quotes))
    # A partial date sorts by its first day, but an end by its last: a
    # period ending "2015-09" ends after an event of 2015-09-17.
    order = {MilestoneKind.PERIOD_START: 0, MilestoneKind.START: 0, MilestoneKind.END: 2, MilestoneKind.PERIOD_END: 2}
    ends = (MilestoneKind.END, MilestoneKind.PERIOD_END)
    return sorted(
        entries,
        key=lambda m: (m.when.last_day() if m.kind in ends else m.when.first_day(), order.get(m.kind, 1)),
    )
