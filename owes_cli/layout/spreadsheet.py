"""The whole dataset as sheets of rows, for a spreadsheet: neutral cells, no spreadsheet library.

One sheet each for the centres (every field, names rather than ids), the
counties in every period (with what the sources say of each), the services,
the audiences and the sources (with their quotes and links). `render.xlsx`
writes it with openpyxl. Cells are plain text, whole numbers or links;
nothing here is ever a formula.
"""

from __future__ import annotations

from typing import NamedTuple

from owes_cli.answers import our_summary, stated
from owes_cli.domain import history
from owes_cli.domain.model import Centre, Dataset
from owes_cli.messages import t


class Link(NamedTuple):
    text: str
    url: str


Cell = str | Link | None


class Sheet(NamedTuple):
    title: str  # the tab's name: at most 31 characters, none of []:*?/\
    headers: list[str]
    rows: list[list[Cell]]
    wide: frozenset[int] = frozenset()  # columns of long text, wrapped in a wider column


class Workbook(NamedTuple):
    title: str
    lang: str
    sheets: list[Sheet]


def workbook(dataset: Dataset, lang: str) -> Workbook:
    return Workbook(
        dataset.title,
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


def _operators(dataset: Dataset, centre: Centre, lang: str) -> str:
    shown = []
    for operator in centre.operators:
        organisation = dataset.organisations.get(operator.organisation)
        name = organisation.name if organisation else operator.organisation
        if operator.unit:
            name += f", {operator.unit}"
        summary = our_summary(dataset, operator.sources, operator.quotes, lang)
        shown.append(f"{name} ({t(lang, 'role_' + operator.role)}{'; ' + summary if summary else ''})")
    return _lines(shown)


def centres_sheet(dataset: Dataset, lang: str) -> Sheet:
    missing = t(lang, "not_in_sources")
    ordered = sorted(dataset.centres.values(), key=lambda c: (dataset.periods[c.period].first_day(), c.name))
    rows: list[list[Cell]] = []
    for centre in ordered:
        period = dataset.periods[centre.period]
        start, end = centre.start or period.start, centre.end or period.end
        counties = (
            ", ".join(dataset.counties[code].name for code in centre.coverage.counties if code in dataset.counties)
            if centre.coverage
            else missing
        )
        addresses = [
            f"{a.street}, {a.city}" + (f" ({t(lang, 'as_of')} {a.as_of})" if a.as_of else "") for a in centre.addresses
        ]
        services = [dataset.services[s].name.get(lang) for s in centre.services if s in dataset.services]
        audiences = [dataset.audiences[a].name.get(lang) for a in centre.audiences if a in dataset.audiences]
        rows.append(
            [
                centre.name,
                period.name.get(lang),
                period.programme,
                str(start),
                str(end) if end else missing,
                centre.subregion or missing,
                centre.seat or missing,
                _operators(dataset, centre, lang) or missing,
                counties,
                _lines(addresses) or missing,
                _lines(list(centre.phones)) or missing,
                _lines(list(centre.emails)) or missing,
                Link(centre.website, centre.website) if centre.website else missing,
                _lines(services) or missing,
                _lines(audiences) or missing,
                _lines([stated(dataset, f.text, f.sources, f.quotes, lang) for f in centre.facts]) or None,
                _source_titles(dataset, centre.sources),
            ]
        )
    headers = [
        "name",
        "period",
        "programme",
        "xlsx_from",
        "xlsx_to",
        "subregion",
        "seat",
        "operators",
        "counties",
        "address",
        "xlsx_phones",
        "xlsx_emails",
        "website",
        "services",
        "audiences",
        "facts",
        "sources",
    ]
    return Sheet(t(lang, "centres"), [t(lang, h) for h in headers], rows, frozenset({0, 7, 8, 9, 13, 14, 15, 16}))


def counties_sheet(dataset: Dataset, lang: str) -> Sheet:
    """Every county in every period: the confirmed centre, or the period's centres when the sources do not say."""
    rows: list[list[Cell]] = []
    for county in sorted(dataset.counties.values(), key=lambda c: c.teryt):
        for entry in history.county_history(dataset, county):
            period = entry.period
            if entry.centre is not None:
                status, centres = t(lang, "coverage_confirmed"), entry.centre.name
            else:
                status = t(lang, "coverage_label_" + entry.coverage)
                centres = _lines([c.name for c in entry.centres]) if entry.coverage == "unknown" else ""
            rows.append(
                [
                    county.name,
                    county.teryt,
                    t(lang, "kind_" + county.kind),
                    period.name.get(lang),
                    str(period.start),
                    str(period.end) if period.end else t(lang, "not_in_sources"),
                    status,
                    centres or None,
                    _source_titles(dataset, entry.sources),
                ]
            )
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
