"""Which county the user means, and which centre serves it on a given day."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NamedTuple

from owes_cli import names
from owes_cli.errors import AmbiguousError, NotFoundError, UsageError
from owes_cli.model import Centre, County, CountyKind, Dataset, Period
from owes_cli.register import Register

MAX_QUERY = 200  # characters; no county name comes near this


class Note(NamedTuple):
    """Something the answer should tell the user, as a message id."""

    message_id: str
    params: dict[str, Any] = {}


class ResolvedCounty(NamedTuple):
    county: County
    notes: tuple[Note, ...] = ()


class _Candidate(NamedTuple):
    teryt: str
    name: str
    kind: CountyKind
    in_coverage: bool


def clean_query(text: str, what: str = "county") -> str:
    """Reject what cannot be a name before trying to match it."""
    text = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    if not text:
        raise UsageError("query_empty", what=what)
    if len(text) > MAX_QUERY:
        raise UsageError("query_too_long", what=what, limit=MAX_QUERY)
    return text


def resolve_county(text: str, dataset: Dataset, register: Register) -> ResolvedCounty:
    query = clean_query(text)
    candidates = _universe(dataset, register)
    if query.isdigit() or (query.isascii() and query.replace(" ", "").isdigit()):
        return _by_code(query.replace(" ", ""), dataset, register, candidates)

    query_words, kinds = names.split_query(query)
    scored: list[tuple[float, _Candidate]] = []
    for cand in candidates.values():
        if kinds and cand.kind.value not in kinds:
            continue
        score = names.name_match_score(query_words, cand.name)
        if not score and cand.kind is CountyKind.CITY and "city" in kinds and len(query_words) == 1:
            # "zielonogórski grodzki": the city named by its adjective.
            base = names.adjective_base(query_words[0].rstrip("."))
            if base and base in names.city_adjective_bases(cand.name):
                score = 1.0
        if score:
            scored.append((score, cand))
    if not scored:
        raise NotFoundError(
            "county_not_found",
            query=query,
            suggestions=names.closest(query, [c.name for c in dataset.counties.values()]),
        )
    best = max(score for score, _ in scored)
    top = [cand for score, cand in scored if score == best]
    inside = sorted((c for c in top if c.in_coverage), key=lambda c: c.teryt)
    outside = sorted((c for c in top if not c.in_coverage), key=lambda c: c.teryt)
    if len(inside) > 1:
        raise AmbiguousError(
            "county_ambiguous",
            query=query,
            candidates=[(c.teryt, c.name, c.kind.value) for c in inside],
        )
    if not inside:
        raise NotFoundError(
            "county_outside_coverage",
            query=query,
            region=dataset.region_name,
            matches=[(c.teryt, c.name, register.voivodeship(c.teryt)) for c in outside],
        )
    county = dataset.counties[inside[0].teryt]
    notes = [
        Note("county_also_outside", {"name": c.name, "teryt": c.teryt,
                                     "voivodeship": register.voivodeship(c.teryt)})
        for c in outside
    ]
    notes += _separate_city_note(county, dataset)
    return ResolvedCounty(county, tuple(notes))


def _universe(dataset: Dataset, register: Register) -> dict[str, _Candidate]:
    universe = {
        code: _Candidate(code, c.name, c.kind, False) for code, c in register.counties.items()
    }
    for code, county in dataset.counties.items():
        universe[code] = _Candidate(code, county.name, county.kind, True)
    return universe


def _by_code(code: str, dataset: Dataset, register: Register,
             candidates: dict[str, _Candidate]) -> ResolvedCounty:
    if code in dataset.counties:
        return ResolvedCounty(dataset.counties[code])
    if code in candidates:
        cand = candidates[code]
        raise NotFoundError(
            "county_outside_coverage",
            query=code,
            region=dataset.region_name,
            matches=[(cand.teryt, cand.name, register.voivodeship(code))],
        )
    raise NotFoundError("county_code_unknown", query=code)


def _separate_city_note(county: County, dataset: Dataset) -> list[Note]:
    """"gorzowski" is the land county; say that the city is a county of its own."""
    if county.kind is not CountyKind.LAND:
        return []
    base = names.adjective_base(names.fold(county.name).replace(" ", ""))
    return [
        Note("county_city_separate", {"city": other.name, "teryt": other.teryt})
        for other in dataset.counties.values()
        if other.kind is CountyKind.CITY and base and base in names.city_adjective_bases(other.name)
    ]


# --------------------------------------------------------------------------
# Periods and centres in time
# --------------------------------------------------------------------------


def period_span(dataset: Dataset, period: Period) -> tuple[date, date | None]:
    """A period's days. An open end stops where the next period begins."""
    start = period.first_day()
    end = period.last_day()
    if end is None:
        later = [p.first_day() for p in dataset.periods.values() if p.first_day() > start]
        if later:
            end = min(later) - timedelta(days=1)
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


def centres_on(dataset: Dataset, day: date) -> list[Centre]:
    return [c for c in dataset.centres.values() if _contains(centre_span(dataset, c), day)]


class Confirmed(NamedTuple):
    period: Period
    centre: Centre


class CountyAnswer(NamedTuple):
    county: County
    on: date
    # "current": a period runs on that day; "historical": the data stops
    # before it; "upcoming": the data starts after it.
    period_status: str
    # "confirmed": a source names the centre; "unknown": the sources do not
    # say which centre serves the county; "none": the period's centres are
    # all known and none serves it.
    coverage: str
    period: Period
    centre: Centre | None
    centres: tuple[Centre, ...]  # the period's centres, when coverage is not confirmed
    last_confirmed: Confirmed | None
    notes: tuple[Note, ...] = ()


def answer(dataset: Dataset, county: County, on: date, notes: tuple[Note, ...] = ()) -> CountyAnswer:
    period, status = period_on(dataset, on)
    if status == "current":
        in_play = [c for c in centres_on(dataset, on) if c.period == period.id]
    else:
        in_play = dataset.centres_in(period.id)

    coverage, centre = coverage_among(in_play, county.teryt)
    if centre is not None:
        return CountyAnswer(county, on, status, coverage, period, centre, (), None, notes)
    return CountyAnswer(
        county, on, status, coverage, period, None, tuple(in_play),
        last_confirmed(dataset, county, before=period.first_day()), notes,
    )


def last_confirmed(dataset: Dataset, county: County, before: date) -> Confirmed | None:
    """The newest period, starting before `before`, whose sources name the county's centre."""
    found = [
        Confirmed(dataset.periods[c.period], c)
        for c in dataset.centres.values()
        if c.coverage and county.teryt in c.coverage.counties
        and dataset.periods[c.period].first_day() < before
    ]
    return max(found, key=lambda f: f.period.first_day(), default=None)


def coverage_among(centres: list[Centre], teryt: str) -> tuple[str, Centre | None]:
    """What these centres' sources say of a county: ("confirmed", its centre), or
    ("none", None) when every centre's counties are known and none is this one,
    or ("unknown", None) when some centre's counties are not in the sources."""
    for centre in centres:
        if centre.coverage and teryt in centre.coverage.counties:
            return "confirmed", centre
    return ("none" if centres and all(c.coverage for c in centres) else "unknown"), None


def centre_of(dataset: Dataset, teryt: str, period_id: str) -> Centre | None:
    """The centre a source confirms for a county in one period, if any."""
    return coverage_among(dataset.centres_in(period_id), teryt)[1]


def find_centre(dataset: Dataset, centre_id: str) -> Centre:
    query = clean_query(centre_id, what="centre")
    if query in dataset.centres:
        return dataset.centres[query]
    folded = {names.fold(cid).replace(" ", "-"): cid for cid in dataset.centres}
    key = names.fold(query).replace(" ", "-")
    if key in folded:
        return dataset.centres[folded[key]]
    prefixed = [cid for f, cid in folded.items() if f.startswith(key)] if len(key) >= 2 else []
    if len(prefixed) == 1:
        return dataset.centres[prefixed[0]]
    if len(prefixed) > 1:
        raise AmbiguousError("centre_ambiguous", query=query, candidates=sorted(prefixed))
    import difflib

    raise NotFoundError(
        "centre_not_found",
        query=query,
        suggestions=difflib.get_close_matches(key, sorted(dataset.centres), n=3, cutoff=0.4),
    )


def period_on(dataset: Dataset, day: date) -> tuple[Period, str]:
    """The period in effect on a day (or the nearest one) and its status."""
    running = centres_on(dataset, day)
    if running:
        return max((dataset.periods[c.period] for c in running), key=lambda p: p.first_day()), "current"
    started = [p for p in dataset.periods.values() if p.first_day() <= day]
    if started:
        return max(started, key=lambda p: p.first_day()), "historical"
    return min(dataset.periods.values(), key=lambda p: p.first_day()), "upcoming"
