"""Time: the periods, when each centre ran, and the answer for a county on a day.

Name matching lives in `lookup`; this module only knows dates, periods and
centres, so that "which centre on this day" has one home.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from heapq import heappop, heappush
from itertools import islice

from owes_cli.domain.lookup import Note
from owes_cli.domain.model import Centre, County, Dataset, Period
from owes_cli.record import QuickStrEnum, Record

# The periods' first days, sorted, for the last dataset asked about: each open
# end is found by bisection, so a listing stays O(n log n) in the periods
# (rescanning them all for every centre took minutes for 6,000 of them).
_starts: list[tuple[dict[str, Period], list[date]]] = []


def _sorted_starts(dataset: Dataset) -> list[date]:
    for periods, starts in _starts:
        if periods is dataset.periods:
            return starts
    starts = sorted({p.first_day() for p in dataset.periods.values()})
    _starts[:] = [(dataset.periods, starts)]
    return starts


class PeriodStatus(QuickStrEnum):
    """Where a day stands against the data's periods."""

    CURRENT = "current"  # a period runs on that day
    HISTORICAL = "historical"  # the data stops before it: the last period has ended
    BETWEEN = "between"  # one period had ended and the next had not begun (2015-10 to 2015-12)
    BEFORE_FIRST = "before-first"  # before the first known period: no centre is known yet


class CoverageStatus(QuickStrEnum):
    """What the sources say of which centre serves a county."""

    CONFIRMED = "confirmed"  # a source names the centre
    UNKNOWN = "unknown"  # the sources do not say which centre serves it (or, on a day no centre ran, any)
    NONE = "none"  # the period's centres are all known and none serves it


def period_span(dataset: Dataset, period: Period) -> tuple[date, date | None]:
    """A period's days. An open end stops where the next period begins."""
    start = period.first_day()
    end = period.last_day()
    if end is None:
        starts = _sorted_starts(dataset)
        later = bisect_right(starts, start)
        if later < len(starts):
            end = starts[later] - timedelta(days=1)
    return start, end


def centre_span(dataset: Dataset, centre: Centre) -> tuple[date, date | None]:
    start, end = period_span(dataset, dataset.periods[centre.period])
    if centre.start is not None:
        start = centre.start.first_day()
    if centre.end is not None:
        end = centre.end.last_day()
    return start, end


def _contains(span: tuple[date, date | None], day: date) -> bool:
    start, end = span
    return start <= day and (end is None or day <= end)


class _Index:
    """What the answers of one dataset share, worked out once: `counties` and the
    web page ask every county, the web page on every day it knows (issue 20).
    A plain class, not a Record: it is made at run time, never compared or shown."""

    __slots__ = ("by_start", "centres", "confirmed", "firsts", "running", "spans")

    def __init__(self, centres: dict[str, Centre], spans: list[tuple[Centre, tuple[date, date | None]]]) -> None:
        self.centres = centres  # the dataset's own, whose identity says which dataset
        self.spans = spans
        self.running: dict[date, tuple[Centre, ...]] = {}  # filled as days are asked
        # By county, the confirming centres newest first, and their first days' ordinals
        # negated (ascending, for bisect); built when first asked.
        self.confirmed: dict[str, tuple[list[tuple[date, Centre]], list[int]]] | None = None
        # The periods by first day, then in the dataset's order (as max() and min() over
        # the dataset's periods choose among equals), and those first days; built when first asked.
        self.by_start: list[Period] | None = None
        self.firsts: list[date] = []


_index: list[_Index] = []


def _index_of(dataset: Dataset) -> _Index:
    if _index and _index[0].centres is dataset.centres:
        return _index[0]
    spans = [(c, centre_span(dataset, c)) for c in dataset.centres.values()]
    _index[:] = [_Index(dataset.centres, spans)]
    return _index[0]


def _periods_by_start(dataset: Dataset) -> tuple[list[Period], list[date]]:
    index = _index_of(dataset)
    if index.by_start is None:
        ordered = sorted(enumerate(dataset.periods.values()), key=lambda found: (found[1].first_day(), found[0]))
        index.by_start = [p for _, p in ordered]
        index.firsts = [p.first_day() for p in index.by_start]
    return index.by_start, index.firsts


def centre_spans(dataset: Dataset) -> list[tuple[Centre, tuple[date, date | None]]]:
    """Every centre with its span, worked out once per dataset."""
    return _index_of(dataset).spans


def centres_on(dataset: Dataset, day: date) -> list[Centre]:
    index = _index_of(dataset)
    running = index.running.get(day)
    if running is None:
        running = index.running[day] = tuple(c for c, span in index.spans if _contains(span, day))
    return list(running)


def running_on_each(dataset: Dataset, days: list[date]) -> None:
    """Work out `centres_on` for each of `days` (sorted) in one sweep: the centres begun by
    a day, less those ended before it. Asking each day anew reads every centre's span:
    4,800 steps times 4,800 centres for the web page of a dataset at the size limit."""
    index = _index_of(dataset)
    spans = index.spans
    by_start = sorted(range(len(spans)), key=lambda n: spans[n][1][0])
    ends: list[tuple[date, int]] = []  # a heap of (last day, centre) among those begun
    begun: set[int] = set()
    following = 0
    for day in days:
        while following < len(by_start) and spans[by_start[following]][1][0] <= day:
            n = by_start[following]
            begun.add(n)
            end = spans[n][1][1]
            if end is not None:
                heappush(ends, (end, n))
            following += 1
        while ends and ends[0][0] < day:
            begun.discard(heappop(ends)[1])
        if day not in index.running:
            # In the dataset's order, as `centres_on` gives them.
            index.running[day] = tuple(spans[n][0] for n in sorted(begun))


class Confirmed(Record):
    period: Period
    centre: Centre


class CountyAnswer(Record):
    county: County
    on: date
    period_status: PeriodStatus
    coverage: CoverageStatus
    period: Period
    centre: Centre | None
    centres: tuple[Centre, ...]  # the period's centres, when coverage is not confirmed
    last_confirmed: Confirmed | None
    notes: tuple[Note, ...] = ()


def answer(dataset: Dataset, county: County, on: date, notes: tuple[Note, ...] = ()) -> CountyAnswer:
    """Which centre serves a county on a day.

    Only a centre running on the day can be the answer. On a day no known
    centre ran (before the first period, between two, or after the last one
    ended) `centre` is None, no candidates are given and the coverage is
    unknown; the centre a source last confirmed for the county is
    `last_confirmed`, never `centre`, so that every output says "no centre
    ran" alike (issue 18).
    """
    return _answer(dataset, county, on, *_day(dataset, on), notes)


def answers_on(dataset: Dataset, counties: list[County], on: date) -> list[CountyAnswer]:
    """Each county's `answer` on a day, what the day shares (its period, the centres in play) worked out once."""
    day = _day(dataset, on)
    return [_answer(dataset, county, on, *day) for county in counties]


def _day(dataset: Dataset, on: date) -> tuple[Period, PeriodStatus, list[Centre]]:
    """The period in effect on a day, its status, and the period's centres running then."""
    period, status = period_on(dataset, on)
    in_play = [c for c in centres_on(dataset, on) if c.period == period.id] if status is PeriodStatus.CURRENT else []
    return period, status, in_play


def _answer(
    dataset: Dataset,
    county: County,
    on: date,
    period: Period,
    status: PeriodStatus,
    in_play: list[Centre],
    notes: tuple[Note, ...] = (),
) -> CountyAnswer:
    if status is not PeriodStatus.CURRENT:
        last = last_confirmed(dataset, county, before=on) if status is not PeriodStatus.BEFORE_FIRST else None
        return CountyAnswer(county, on, status, CoverageStatus.UNKNOWN, period, None, (), last, notes)
    coverage, centre = coverage_among(in_play, county.teryt)
    if centre is not None:
        return CountyAnswer(county, on, status, coverage, period, centre, (), None, notes)
    return CountyAnswer(
        county,
        on,
        status,
        coverage,
        period,
        None,
        tuple(in_play),
        last_confirmed(dataset, county, before=on, running=in_play),
        notes,
    )


def last_confirmed(
    dataset: Dataset, county: County, before: date, running: list[Centre] | None = None
) -> Confirmed | None:
    """The newest centre, begun before `before` and not among `running`, whose sources name the county.

    A centre of the day's own period that ended early (its own dates) counts,
    as much as one of an earlier period.
    """
    skip = {c.id for c in running or ()}
    newest_first, negated = _confirmed_newest_first(dataset).get(county.teryt, ((), []))
    # The first begun before `before`, found by bisection: a county named by thousands of
    # centres is asked on thousands of days by the web page.
    for _, centre in islice(newest_first, bisect_right(negated, -before.toordinal()), None):
        if centre.id not in skip:
            return Confirmed(dataset.periods[centre.period], centre)
    return None


def _confirmed_newest_first(dataset: Dataset) -> dict[str, tuple[list[tuple[date, Centre]], list[int]]]:
    """For each county, the centres whose sources name it, newest start first, then newest period,
    and their starts' ordinals negated."""
    index = _index_of(dataset)
    if index.confirmed is None:
        by_county: dict[str, list[tuple[date, date, Centre]]] = {}
        for c, (start, _) in index.spans:
            for teryt in c.coverage.counties if c.coverage else ():
                by_county.setdefault(teryt, []).append((start, dataset.periods[c.period].first_day(), c))
        for found in by_county.values():
            # A stable sort keeps the dataset's order among equals, as max() over them chose the first.
            found.sort(key=lambda f: f[:2], reverse=True)
        index.confirmed = {
            teryt: ([(start, c) for start, _, c in found], [-start.toordinal() for start, _, _ in found])
            for teryt, found in by_county.items()
        }
    return index.confirmed


def coverage_among(centres: list[Centre], teryt: str) -> tuple[CoverageStatus, Centre | None]:
    """What these centres' sources say of a county: ("confirmed", its centre), or
    ("none", None) when every centre's counties are known and none is this one,
    or ("unknown", None) when some centre's counties are not in the sources."""
    for centre in centres:
        if centre.coverage and teryt in centre.coverage.counties:
            return CoverageStatus.CONFIRMED, centre
    known = bool(centres) and all(c.coverage for c in centres)
    return (CoverageStatus.NONE if known else CoverageStatus.UNKNOWN), None


def period_on(dataset: Dataset, day: date) -> tuple[Period, PeriodStatus]:
    """The period in effect on a day (or the nearest one) and its status."""
    running = centres_on(dataset, day)
    if running:
        # Each period once, in the order its centres run (max() keeps the first of a tie): one period
        # of 3,000 centres was compared 3,000 times on each day asked.
        ids = dict.fromkeys(c.period for c in running)
        return max((dataset.periods[p] for p in ids), key=lambda p: p.first_day()), PeriodStatus.CURRENT
    by_start, firsts = _periods_by_start(dataset)
    started = bisect_right(firsts, day)  # the periods begun by `day` come first
    if started:
        # The newest first day, and among periods that share it the dataset's first (as max() chose).
        newest = by_start[bisect_left(firsts, firsts[started - 1])]
        return newest, PeriodStatus.BETWEEN if started < len(by_start) else PeriodStatus.HISTORICAL
    return by_start[0], PeriodStatus.BEFORE_FIRST


def next_period(dataset: Dataset, day: date) -> Period | None:
    """The first period that begins after `day`, if the data has one."""
    by_start, firsts = _periods_by_start(dataset)
    later = bisect_right(firsts, day)
    return by_start[later] if later < len(by_start) else None


def answer_changes(dataset: Dataset) -> list[date]:
    """The days on which some county's answer may change, sorted: every first day of a period
    or a centre, and every day after one ends. Between two of them (and before the first,
    and after the last) `answer` gives the same for every day, so a page that must stay true
    for years ships one answer per step instead of one per day."""
    days: set[date] = set()
    spans = [period_span(dataset, p) for p in dataset.periods.values()]
    spans += [span for _, span in centre_spans(dataset)]
    for start, end in spans:
        days.add(start)
        if end is not None:
            days.add(end + timedelta(days=1))
    return sorted(days)
