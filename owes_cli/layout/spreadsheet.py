"""The whole dataset as sheets of rows, for a spreadsheet: neutral cells, no spreadsheet library.

One sheet each for the centres (every field, names rather than ids), the
counties in every period (with what the sources say of each), the services,
the audiences and the sources (with their quotes and links). `render.xlsx`
writes it with openpyxl. Cells are plain text, whole numbers or links;
nothing here is ever a formula.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from owes_cli.answers import CentreInfo, CoverageStatus, centre_info, run_by_line, website
from owes_cli.domain import history
from owes_cli.domain.model import Centre, Dataset
from owes_cli.errors import CannotWriteError
from owes_cli.messages import t
from owes_cli.record import Record


class Link(Record):
    text: str
    url: str


Cell = str | Link | None


class Sheet(Record):
    title: str  # the tab's name: at most 31 characters, none of []:*?/\
    headers: list[str]
    rows: list[list[Cell]]
    wide: frozenset[int] = frozenset()  # columns of long text, wrapped in a wider column


class Workbook(Record):
    title: str
    lang: str
    sheets: list[Sheet]


def workbook(dataset: Dataset, lang: str, max_rows: int | None = None) -> Workbook:
    """The workbook; CannotWriteError, before building anything, when the counties-by-period
    sheet (a row for each county in each period, the one that can grow past a spreadsheet's
    rows) would have more than `max_rows` rows, its header included."""
    rows = 1 + len(dataset.counties) * len(dataset.periods)
    if max_rows is not None and rows > max_rows:
        sheet = t(lang, "xlsx_counties_by_period")
        raise CannotWriteError("xlsx_sheet_too_long", sheet=sheet, rows=rows, limit=max_rows)
    return Workbook(
        # An English workbook's title in English where the dataset gives one, as the documents do.
        (dataset.title_en if lang == "en" else None) or dataset.title,
        lang,
        [
            centres_sheet(dataset, lang),
            counties_sheet(dataset, lang),
            services_sheet(dataset, lang),
            audiences_sheet(dataset, lang),
            sources_sheet(dataset, lang),
        ],
    )


def _lines(values: list[str]) -> str:
    return "\n".join(values)


def _source_titles(dataset: Dataset, keys: tuple[str, ...]) -> str:
    return _lines([dataset.sources[key].title for key in dict.fromkeys(keys) if key in dataset.sources])


def _or_missing(lang: str, value: str | None) -> str:
    return value or t(lang, "not_in_sources")


def _website(centre: CentreInfo, lang: str) -> Cell:
    """The centre's website, or its period's said to be the period's, as every output shows it."""
    found = website(centre)
    if found is None:
        return t(lang, "not_in_sources")
    shown = f"{found.url} ({t(lang, 'website_of_period')})" if found.of_period else found.url
    return Link(shown, found.url)


def _addresses(centre: CentreInfo, lang: str) -> str:
    return _lines(
        [f"{a.street}, {a.city}" + (f" ({t(lang, 'as_of')} {a.as_of})" if a.as_of else "") for a in centre.addresses]
    )


def _counties(centre: CentreInfo, lang: str) -> str:
    if centre.coverage is not CoverageStatus.CONFIRMED:
        return t(lang, "not_in_sources")
    return ", ".join(c.name for c in centre.counties)


# The centres sheet's columns: a header (a message id), the cell, and whether its text is long (a wide column).
CENTRE_COLUMNS: tuple[tuple[str, Callable[[CentreInfo, str], Cell], bool], ...] = (
    ("name", lambda c, lang: c.name, True),
    ("period", lambda c, lang: c.period.name, False),
    ("programme", lambda c, lang: c.period.programme, False),
    ("xlsx_from", lambda c, lang: c.period.from_, False),
    ("xlsx_to", lambda c, lang: _or_missing(lang, c.period.to), False),
    ("subregion", lambda c, lang: _or_missing(lang, c.subregion), False),
    ("seat", lambda c, lang: _or_missing(lang, c.seat), False),
    ("operators", lambda c, lang: _or_missing(lang, run_by_line(c, lang)), True),
    ("counties", _counties, True),
    ("address", lambda c, lang: _or_missing(lang, _addresses(c, lang)), True),
    ("xlsx_phones", lambda c, lang: _or_missing(lang, _lines(list(c.phones))), False),
    ("xlsx_emails", lambda c, lang: _or_missing(lang, _lines(list(c.emails))), False),
    ("website", _website, False),
    ("services", lambda c, lang: _or_missing(lang, _lines([s.name for s in c.services])), True),
    ("audiences", lambda c, lang: _or_missing(lang, _lines([a.name for a in c.audiences])), True),
    ("facts", lambda c, lang: _lines(list(c.facts)) or None, True),
    ("sources", lambda c, lang: "", True),  # the centre's own sources: filled in by centres_sheet
)


def centres_sheet(dataset: Dataset, lang: str) -> Sheet:
    ordered = sorted(dataset.centres.values(), key=lambda c: (dataset.periods[c.period].first_day(), c.name))
    rows: list[list[Cell]] = []
    for centre in ordered:
        info = centre_info(dataset, centre, lang)
        # The sources the centre's own record cites, not every source behind its card.
        rows.append(
            [cell(info, lang) for _, cell, _ in CENTRE_COLUMNS[:-1]] + [_source_titles(dataset, centre.sources)]
        )
    headers = [t(lang, header) for header, _, _ in CENTRE_COLUMNS]
    wide = frozenset(i for i, (_, _, long) in enumerate(CENTRE_COLUMNS) if long)
    return Sheet(t(lang, "centres"), headers, rows, wide)


def counties_sheet(dataset: Dataset, lang: str) -> Sheet:
    """Every county in every period: the confirmed centre, or the period's centres when the sources do not say."""
    # Counties × periods rows repeat the same few texts: each is made once.
    said = functools.cache(functools.partial(t, lang))
    titles = functools.cache(functools.partial(_source_titles, dataset))
    not_given = said("not_in_sources")
    shown_period = {
        period.id: (period.name.get(lang), str(period.start), str(period.end) if period.end else not_given)
        for period in dataset.periods.values()
    }
    # When the sources do not say which centre covers a county, every centre of the period is a candidate.
    candidates = {
        period.id: _lines([c.name for c in dataset.centres_in(period.id)]) or None
        for period in dataset.periods.values()
    }
    rows: list[list[Cell]] = []
    counties = sorted(dataset.counties.values(), key=lambda c: c.teryt)
    for county, timeline in zip(counties, history.counties_history(dataset, counties), strict=True):
        head: list[Cell] = [county.name, county.teryt, said("kind_" + county.kind)]
        for entry in timeline:
            centres: str | None
            if entry.centre is not None:
                status, centres = said("coverage_confirmed"), entry.centre.name
            else:
                status = said("coverage_label_" + entry.coverage)
                centres = candidates[entry.period.id] if entry.coverage == "unknown" else None
            rows.append([*head, *shown_period[entry.period.id], status, centres, titles(entry.sources)])
    headers = ["xlsx_county", "xlsx_teryt", "xlsx_kind", "period", "xlsx_from", "xlsx_to", "coverage"]
    headers += ["xlsx_centre_or_candidates", "sources"]
    return Sheet(t(lang, "xlsx_counties_by_period"), [t(lang, h) for h in headers], rows, frozenset({7, 8}))


def services_sheet(dataset: Dataset, lang: str) -> Sheet:
    rows: list[list[Cell]] = [
        [
            t(lang, "group_" + service.group),
            service.name.get(lang),
            _centre_names(dataset, [c for c in dataset.centres.values() if service.id in c.services], lang),
            _source_titles(dataset, service.sources),
        ]
        for service in dataset.services.values()
    ]
    headers = [t(lang, "group"), t(lang, "service"), t(lang, "centres"), t(lang, "sources")]
    return Sheet(t(lang, "services"), headers, rows, frozenset({1, 2, 3}))


def audiences_sheet(dataset: Dataset, lang: str) -> Sheet:
    rows: list[list[Cell]] = []
    for audience in dataset.audiences.values():
        part_of = dataset.audiences.get(audience.part_of) if audience.part_of else None
        rows.append(
            [
                t(lang, "group_" + audience.group),
                audience.name.get(lang),
                part_of.name.get(lang) if part_of else None,
                _centre_names(dataset, [c for c in dataset.centres.values() if audience.id in c.audiences], lang),
                _source_titles(dataset, audience.sources),
            ]
        )
    headers = [t(lang, h) for h in ("group", "xlsx_audience", "part_of", "centres", "sources")]
    return Sheet(t(lang, "audiences"), headers, rows, frozenset({1, 2, 3, 4}))


def _centre_names(dataset: Dataset, centres: list[Centre], lang: str) -> str:
    """Centres with their period, since centres of different periods may share a name."""
    return _lines([f"{c.name} ({dataset.periods[c.period].name.get(lang)})" for c in centres])


def sources_sheet(dataset: Dataset, lang: str) -> Sheet:
    rows: list[list[Cell]] = [
        [
            source.title,
            source.publisher,
            str(source.date) if source.date else t(lang, "undated"),
            Link(source.url, source.url) if source.url else None,
            _lines([f"„{quote}”" if lang == "pl" else f"“{quote}”" for quote in source.quotes]) or None,
        ]
        for source in dataset.sources.values()
    ]
    headers = [t(lang, h) for h in ("title", "publisher", "date", "url", "xlsx_quotes")]
    return Sheet(t(lang, "sources"), headers, rows, frozenset({0, 1, 3, 4}))
