"""The web page's answers for every step, worked out the short way, against the straightforward one.

`directory_exports._step_answers` (behind `Directory.web_page`) asks each county's full answer only when what it is made of changes,
and periods.py finds the period, the centres running and the last confirmed centre by bisection
and a sweep. Here the page of several generated datasets (ties between first days, gaps between
periods, centres that end early or start late, coverage given and not) is compared with one made
as the page used to be made: every county's full answer on every step, each found by scanning
every period and centre. A wrong shortcut gives a different answer somewhere.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import big_datasets
import pytest

from owes_cli import Directory, answers
from owes_cli.domain import periods
from owes_cli.domain.model import Centre, County, Dataset, Period
from owes_cli.domain.periods import CoverageStatus, PeriodStatus
from owes_cli.errors import DatasetError
from owes_cli.layout import web
from owes_cli.messages import t

DAY = date(2026, 6, 1)


# -- the straightforward way: every period and every centre scanned for each day ----------


def scanned_period_on(dataset: Dataset, day: date) -> tuple[Period, PeriodStatus]:
    running = [c for c, span in periods.centre_spans(dataset) if span[0] <= day and (span[1] is None or day <= span[1])]
    if running:
        return max((dataset.periods[c.period] for c in running), key=lambda p: p.first_day()), PeriodStatus.CURRENT
    started = [p for p in dataset.periods.values() if p.first_day() <= day]
    later = [p for p in dataset.periods.values() if p.first_day() > day]
    if started:
        status = PeriodStatus.BETWEEN if later else PeriodStatus.HISTORICAL
        return max(started, key=lambda p: p.first_day()), status
    return min(dataset.periods.values(), key=lambda p: p.first_day()), PeriodStatus.BEFORE_FIRST


def scanned_last_confirmed(
    dataset: Dataset, county: County, before: date, running: list[Centre]
) -> periods.Confirmed | None:
    skip = {c.id for c in running}
    named = [
        (start, dataset.periods[c.period].first_day(), n, c)
        for n, (c, (start, _)) in enumerate(periods.centre_spans(dataset))
        if c.coverage and county.teryt in c.coverage.counties and start < before and c.id not in skip
    ]
    if not named:
        return None
    # The newest start, then the newest period; among equals the dataset's first.
    newest = max(named, key=lambda f: (f[0], f[1], -f[2]))[3]
    return periods.Confirmed(dataset.periods[newest.period], newest)


def scanned_answer(dataset: Dataset, county: County, day: date) -> periods.CountyAnswer:
    period, status = scanned_period_on(dataset, day)
    if status is not PeriodStatus.CURRENT:
        last = scanned_last_confirmed(dataset, county, day, []) if status is not PeriodStatus.BEFORE_FIRST else None
        return periods.CountyAnswer(county, day, status, CoverageStatus.UNKNOWN, period, None, (), last)
    in_play = [
        c
        for c, span in periods.centre_spans(dataset)
        if c.period == period.id and span[0] <= day and (span[1] is None or day <= span[1])
    ]
    coverage, centre = periods.coverage_among(in_play, county.teryt)
    if centre is not None:
        return periods.CountyAnswer(county, day, status, coverage, period, centre, (), None)
    last = scanned_last_confirmed(dataset, county, day, in_play)
    return periods.CountyAnswer(county, day, status, coverage, period, None, tuple(in_play), last)


def straightforward_page(
    directory: Directory,
) -> tuple[tuple[web.CountyEntry, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]]:
    """The page's answers, by_county and alike as the page used to work them out."""
    dataset = directory.dataset
    lang = directory.lang
    changes = periods.answer_changes(dataset)
    days = [changes[0] - timedelta(days=1), *changes] if changes else [DAY]
    entries: list[web.CountyEntry] = []
    seen: dict[web.CountyEntry, int] = {}
    by_county: dict[str, list[int]] = {}
    classes: dict[Hashable, int] = {}
    alike: dict[str, list[int]] = {}
    for day in days:
        for teryt, county in sorted(dataset.counties.items()):
            found = scanned_answer(dataset, county, day)
            last = found.last_confirmed
            same = (
                found.period_status,
                found.coverage,
                found.centre.id if found.centre else None,
                tuple(c.id for c in found.centres),
                last.centre.id if last else None,
            )
            alike.setdefault(teryt, []).append(classes.setdefault(same, len(classes)))
            query = answers.Query(county=teryt, place=None, at=None, on=day.isoformat())
            answer = answers.county_answer(dataset, found, lang, query)
            entry = web.CountyEntry(
                teryt,
                county.name,
                t(lang, "web_subject", name=county.name),
                answer.centre.id if answer.centre else None,
                tuple(c.id for c in answer.centres),
                answer.coverage,
                web.heading_lead(answer, lang),
                tuple(web.page_answer(answer, lang)),
            )
            if entry not in seen:
                seen[entry] = len(entries)
                entries.append(entry)
            by_county.setdefault(teryt, []).append(seen[entry])
    return (
        tuple(entries),
        {teryt: tuple(found) for teryt, found in sorted(by_county.items())},
        {teryt: tuple(found) for teryt, found in alike.items()},
    )


# -- the datasets --------------------------------------------------------------------------


def shuffled(seed: int) -> str:
    """Periods that start on the same day as another, follow each other, leave gaps, or have no
    end; centres that start late, end early, confirm some counties or leave them unknown."""
    rng = random.Random(seed)
    codes = [code for code, _, _ in big_datasets.COUNTIES]
    parts = [big_datasets.HEAD]
    day = date(2010, 1, 1)
    centre = 0
    confirmed: dict[str, list[tuple[date, date]]] = {}  # a county is confirmed for one centre at a time
    for i in range(rng.randint(3, 9)):
        if i and rng.random() < 0.3:
            pass  # starts on the day the last one started
        else:
            day += timedelta(days=rng.choice([1, 3, 20, 40]))
        length = rng.choice([5, 15, 30])
        open_ended = rng.random() < 0.3
        end = day + timedelta(days=length)
        parts.append(big_datasets._period(i, day, None if open_ended else end))
        for _ in range(rng.randint(0, 3)):
            start = day + timedelta(days=rng.choice([0, 0, 2]))
            stop = day + timedelta(days=rng.choice([3, length, length]))
            own = ""
            if start != day:
                own += f'from = "{start}"\n'
            if stop != end or open_ended:
                own += f'to = "{stop}"\n'
            chosen = [
                code
                for code in rng.sample(codes, rng.randint(0, 5))
                if all(stop < a or b < start for a, b in confirmed.get(code, []))
            ]
            for code in chosen:
                confirmed.setdefault(code, []).append((start, stop))
            listed = ", ".join(f'"{code}"' for code in chosen)
            coverage = f'coverage = {{ counties = [{listed}], sources = ["src"] }}\n' if chosen else ""
            parts.append(
                f'\n[[centres]]\nid = "c{centre}"\nperiod = "p{i}"\nname = "Ośrodek {centre}"\n{own}{coverage}'
                'sources = ["src"]\n'
            )
            centre += 1
    return "".join(parts) + big_datasets._counties()


DATASETS: dict[str, Callable[[], str]] = {
    **{f"shuffled {seed}": partial(shuffled, seed) for seed in range(12)},
    "open periods": partial(big_datasets.open_periods, 25),
    "every county each period": partial(big_datasets.every_county_each_period, 12),
}


def load(tmp_path: Path, text: str, lang: str) -> Directory:
    path = tmp_path / "data.toml"
    path.write_text(text, encoding="utf-8")
    return Directory.load(path, lang=lang, today=DAY)


@pytest.mark.parametrize("lang", ["pl", "en"])
@pytest.mark.parametrize("name", list(DATASETS))
def test_each_step_answers_as_every_county_asked_in_full(tmp_path: Path, name: str, lang: str) -> None:
    directory = load(tmp_path, DATASETS[name](), lang)
    try:
        directory.dataset  # noqa: B018 -- a shuffle the checks refuse is skipped, below
    except DatasetError:
        pytest.skip("a shuffle the dataset checks refuse")
    page = directory.web_page()
    assert (page.answers, page.by_county, page.alike) == straightforward_page(directory)


def test_the_shuffles_are_valid_and_reach_every_status(tmp_path: Path) -> None:
    """The comparison above is worth only what the shuffles cover: most load, and between them
    every status, every coverage and a last confirmed centre occur."""
    statuses: set[PeriodStatus] = set()
    coverages: set[CoverageStatus] = set()
    lasts = 0
    valid = 0
    for seed in range(12):
        directory = load(tmp_path, shuffled(seed), "en")
        try:
            dataset = directory.dataset
        except DatasetError:
            continue
        valid += 1
        changes = periods.answer_changes(dataset)
        for day in [changes[0] - timedelta(days=1), *changes]:
            for county in dataset.counties.values():
                found = scanned_answer(dataset, county, day)
                statuses.add(found.period_status)
                coverages.add(found.coverage)
                lasts += found.last_confirmed is not None
    assert valid >= 10
    assert statuses == set(PeriodStatus)
    assert coverages == set(CoverageStatus)
    assert lasts > 0


def test_the_bundled_page_answers_as_every_county_asked_in_full() -> None:
    directory = Directory.load(lang="en", today=DAY)
    page = directory.web_page()
    assert (page.answers, page.by_county, page.alike) == straightforward_page(directory)
