"""What `Directory` makes for `owes export` and nothing else: the documents (a county's fact
sheet, a centre's report, the whole directory's), the web page and the GeoJSON.

`Directory.document`, `Directory.web_page` and `Directory.coverage_geojson` hand their work
to the functions here, which load with the first of them: a lookup never reads this code.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from owes_cli import answers
from owes_cli.directory import Directory, Where, _notes, _same_answer
from owes_cli.domain import dates, lookup, periods
from owes_cli.errors import CannotWriteError, OwesError, UsageError

if TYPE_CHECKING:
    from owes_cli.domain.places import Place
    from owes_cli.layout.coverage_map import CoverageMap
    from owes_cli.layout.report import Edition, Report
    from owes_cli.layout.web import WebPage


def document(
    directory: Directory,
    on: date | str | None,
    where: Where | None,
    county: str | None,
    place: str | None,
    at: tuple[float, float] | str | None,
    centre: str | None,
    generated: datetime | None,
    max_parts: int | None,
    max_sheet_parts: int | None,
) -> Report:
    """`Directory.document`: the report, refused before it is drawn when it holds too many parts."""
    from owes_cli.layout import report

    where = where or Where.parse(county=county, place=place, at=at)
    if centre is not None and where is not None:
        raise UsageError("export_one_subject")
    built = _report(directory, on, where, centre, generated)
    limit = max_sheet_parts if built.one_page else max_parts
    if limit is not None and (held := report.parts(built)) > limit:
        # Counting is enough to refuse: drawing a document takes time in proportion to its parts.
        raise CannotWriteError("sheet_too_big" if built.one_page else "document_too_big", parts=held, limit=limit)
    return built


def _report(
    directory: Directory, on: date | str | None, where: Where | None, centre: str | None, generated: datetime | None
) -> Report:
    """A county's fact sheet (`where`), a centre's report (`centre`), else the whole directory's."""
    from owes_cli import version
    from owes_cli.answers import detail
    from owes_cli.layout import fact_sheet, report

    made = generated or dates.generation_time()
    today = directory._today or made.date()
    day = directory.day(on) if on is not None else today
    dataset = directory.dataset
    register = directory.register
    edition: Edition = report.Edition(
        # An English document's heading in English where the dataset gives its title in English.
        (dataset.title_en if directory.lang == "en" else None) or dataset.title,
        directory.lang,
        made,
        version(),
        register.title,
        register.publisher,
        register.as_of,
        today.isoformat(),
    )
    if where is not None:
        answer = directory._answer(where, day)
        return fact_sheet.county_sheet(answer, edition, _document_map(directory, day, answer.county.teryt))
    if centre is not None:
        found = lookup.find_centre(dataset, centre)
        # The map of the centre's own time: the asked day, or the nearest day the centre ran.
        start, end = periods.centre_span(dataset, found)
        map_day = max(day, start) if end is None else min(max(day, start), end)
        return report.centre_report(
            detail.centre_status(dataset, found, day, directory.lang), edition, _document_map(directory, map_day)
        )
    return report.directory_report(
        detail.directory(dataset, day, directory.lang), edition, _document_map(directory, day)
    )


def _document_map(directory: Directory, day: date, emphasise: str | None = None) -> CoverageMap | None:
    """The map a document shows, or None (a document without one) for counties no shipped boundary holds."""
    from owes_cli.errors import MapNothingToDraw

    try:
        return directory.coverage_map(day, emphasise)
    except MapNothingToDraw:
        return None


def web_page(
    directory: Directory, on: date | str | None, generated: datetime | None, max_answers: int | None
) -> WebPage:
    """`Directory.web_page`: every county's answer for each run of days on which none changes."""
    from owes_cli.answers import detail
    from owes_cli.layout import web

    made = generated or dates.generation_time()
    day = directory.day(on) if on is not None else (directory._today or made.date())
    dataset = directory.dataset
    # A page stays published for years: every county's answer for each run of days on which
    # none changes (and the days before the first change), so that it answers for the reader's day.
    changes = periods.answer_changes(dataset)
    firsts: list[date | None] = [None, *changes]
    asked = [changes[0] - timedelta(days=1), *changes] if changes else [day]
    held = len(dataset.counties) * len(asked)
    if max_answers is not None and held > max_answers:
        # Counting is enough to refuse: the page's time and size grow with this number.
        raise CannotWriteError(
            "html_too_many_answers",
            answers=held,
            counties=len(dataset.counties),
            steps=len(asked),
            limit=max_answers,
        )
    memo: dict[tuple[str, str], Any] = {}  # each centre's and period's details, worked out once
    found, shape_of, by_county, alike = _step_answers(directory, asked, memo)
    whole = detail.directory(dataset, day, directory.lang, memo)
    return web.web_page(
        dataset,
        directory.register,
        directory._places(),
        directory.coverage_map(day),
        found,
        shape_of,
        [first.isoformat() if first else "" for first in firsts],
        by_county,
        alike,
        whole,
        _namesakes(directory),
        day,
        made,
        directory.lang,
    )


def _step_answers(
    directory: Directory, days: list[date], memo: dict[tuple[str, str], Any]
) -> tuple[list[answers.CountyAnswer], list[int], dict[str, list[int]], dict[str, tuple[int, ...]]]:
    """Every county's answer on each of `days` (sorted), as `which_centre(county=TERYT)` gives
    it, each distinct answer once: the answers; for each, the first of them made alike but
    for the county (`web.web_page` lays that out once); by county the index of its answer on
    each day; and by county on each day the number of its `Directory._same_on` class (the page's `alike`).

    A county's answer is the same on two days when what it is made of is: a code is read as
    its county with nothing to note, and the day itself is said only in the heading the
    page leaves out (`web.page_answer`), or as the next period's start between two periods.
    So each day asks only the periods' answer (`periods.answers_on`, the day's part once,
    a few µs a county) and works the full answer (0.3 ms) out only for what it has not seen.
    The page still holds an answer for each county in each step where they differ: the
    work grows with counties times steps, whatever the dataset's size (issue 20)."""
    dataset = directory.dataset
    counties = [county for _, county in sorted(dataset.counties.items())]
    periods.running_on_each(dataset, days)
    known: dict[Hashable, int] = {}
    found: list[answers.CountyAnswer] = []
    # What an answer is made of but its county -> the first answer so made (in `found`):
    # another county's is that one with its own county and query.
    shapes: dict[Hashable, int] = {}
    shape_of: list[int] = []
    by_county: dict[str, list[int]] = {county.teryt: [] for county in counties}
    classes: dict[Hashable, int] = {}
    alike: dict[str, list[int]] = {county.teryt: [] for county in counties}
    for when in days:
        following = periods.next_period(dataset, when)
        for county, ans in zip(counties, periods.answers_on(dataset, counties, when), strict=True):
            same = _same_answer(ans)
            alike[county.teryt].append(classes.setdefault(same, len(classes)))
            # Between two periods the answer names the next one (`answers.county_answer`).
            between = ans.period_status is periods.PeriodStatus.BETWEEN
            later = following.id if between and following is not None else None
            last = ans.last_confirmed
            shape = (ans.period.id, same, last.period.id if last else None, later)
            key = (county.teryt, shape)
            if key not in known:
                known[key] = len(found)
                query = answers.Query(county=county.teryt, place=None, at=None, on=when.isoformat())
                first = shapes.setdefault(shape, len(found))
                if first == len(found):
                    found.append(answers.county_answer(dataset, ans, directory.lang, query, memo=memo))
                else:
                    found.append(found[first]._replace(county=answers.county_ref(county), query=query))
                shape_of.append(first)
            by_county[county.teryt].append(known[key])
    return found, shape_of, by_county, {teryt: tuple(classes_) for teryt, classes_ in alike.items()}


def _namesakes(directory: Directory) -> list[tuple[Place, tuple[answers.NoteInfo, ...]]]:
    """Each place whose name other places of the region share ("Żary": the town and the rural
    gmina), with what `--place NAME` notes about the others, so that the page says it too.

    Only these names: the notes of every other name mostly count namesakes outside the region.
    A name whose places lie in several counties is left to the page's search, which lists
    them or, when they give one answer on the reader's day, answers with the note that says
    so (`WebPage.alike`): that note depends on the day, these do not. The notes come from reading
    the name (`places.resolve_place`), not from a whole answer: 106 names, a few ms each.
    """
    from owes_cli.domain import places

    gazetteer = directory._places()
    gazetteer.by_name  # noqa: B018 -- built once for the 106 names read below
    shared: dict[str, list[Place]] = {}
    for place in gazetteer.universe:
        if place.county in directory.dataset.counties:
            shared.setdefault(place.name, []).append(place)
    found = []
    for name, same in sorted(shared.items()):
        if len(same) < 2 or (len({p.county for p in same}) > 1 and all(p.is_locality for p in same)):
            continue
        try:
            read = places.resolve_place(name, directory.dataset, directory.register, gazetteer)
        except OwesError:
            continue
        found.append((read.place, _notes(read.notes)))
    return found


def coverage_geojson(directory: Directory, on: date | str | None) -> dict[str, Any]:
    """`Directory.coverage_geojson`: each county's answer is its row of `counties` for the day."""
    from owes_cli.answers import tables
    from owes_cli.layout import geojson

    day = directory.day(on)
    dataset = directory.dataset
    # Each county's answer worked out once (it is the costly part), and its row as `counties` gives it.
    county_answers = {
        county.teryt: periods.answer(dataset, county, day)
        for county in sorted(dataset.counties.values(), key=lambda c: c.teryt)
    }
    rows = [tables.county_row(dataset, ans, directory.lang, directory.register) for ans in county_answers.values()]
    return geojson.coverage_collection(dataset, rows, county_answers, directory._places(), day.isoformat())
