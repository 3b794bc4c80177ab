"""What the commands ask: a question in, a view (or a document) out.

Each function resolves what the user typed, asks the domain, and returns the
dict the outputs print, so a command is only parsing plus one call here. No
Typer and no Rich; the heavy modules (places, geometry, exporters) load only
in the functions that need them.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from owes_cli import answers as views
from owes_cli.domain import lookup, periods
from owes_cli.domain.model import Dataset
from owes_cli.domain.register import Register
from owes_cli.errors import UsageError

if TYPE_CHECKING:
    from owes_cli.layout.report import Edition, Report

Json = dict[str, Any]


def which_centre(
    dataset: Dataset,
    register: Register,
    day: date,
    lang: str,
    *,
    county: str | None = None,
    place: str | None = None,
    at: str | None = None,
) -> Json:
    """The answer for exactly one of a county, a place or a point."""
    asked = (("--county", county), ("--place", place), ("--at", at))
    given = [name for name, value in asked if value is not None]
    if not given:
        raise UsageError("which_centre_needs_place")
    if len(given) > 1:
        raise UsageError("which_centre_one_place", given=", ".join(given))
    if county is not None:
        resolved = lookup.resolve_county(county, dataset, register)
        answer = periods.answer(dataset, resolved.county, day, resolved.notes)
        return views.answer_view(dataset, answer, lang, county)
    from owes_cli.domain import places

    gazetteer = places.load_gazetteer()
    if at is not None:
        from owes_cli.domain.geo import parse_coordinates

        lat, lon = parse_coordinates(at)
        found = places.place_at(lat, lon, dataset, register, gazetteer)
        query: Json = {"at": {"lat": lat, "lon": lon}}
    else:
        assert place is not None
        found = places.resolve_place(place, dataset, register, gazetteer)
        query = {"place": place}
    answer = periods.answer(dataset, found.county, day, found.notes)
    return views.answer_view(
        dataset, answer, lang, query, place=views.place_view(found.place, dataset, register, gazetteer)
    )


def place_detail(dataset: Dataset, register: Register, name: str, lang: str) -> Json:
    from owes_cli.domain import places

    gazetteer = places.load_gazetteer()
    found = places.resolve_place(name, dataset, register, gazetteer)
    return views.place_detail_view(found.place, found.notes, dataset, register, gazetteer, lang)


def places_of(dataset: Dataset, register: Register, county: str | None) -> list[Json]:
    """The towns, gminas and localities of one county, or of the whole region."""
    from owes_cli.domain import places

    gazetteer = places.load_gazetteer()
    if county is not None:
        chosen = [lookup.resolve_county(county, dataset, register).county.teryt]
    else:
        chosen = sorted(dataset.counties)
    return views.place_rows((p for code in chosen for p in gazetteer.in_county(code, localities=True)), dataset)


def history(
    dataset: Dataset, register: Register, lang: str, *, county: str | None, centre_id: str | None
) -> tuple[str, list[Json], str]:
    """(listing kind, rows, title) for one county's or one centre's history."""
    from owes_cli.messages import t

    if (county is None) == (centre_id is None):
        raise UsageError("history_needs_one")
    if county is not None:
        found_county = lookup.resolve_county(county, dataset, register).county
        rows = views.county_history_rows(dataset, found_county, lang)
        return "county-history", rows, f"{t(lang, 'history')}: {found_county.name} ({found_county.teryt})"
    assert centre_id is not None
    centre = lookup.find_centre(dataset, centre_id)
    return (
        "centre-history",
        views.centre_history_rows(dataset, centre, lang),
        f"{t(lang, 'history')}: {centre.name} ({centre.id})",
    )


def coverage_drawing(dataset: Dataset, register: Register, day: date, lang: str, emphasise: str | None = None) -> Any:
    from owes_cli.domain import places
    from owes_cli.layout import coverage_map

    return coverage_map.coverage_map(dataset, register, places.load_gazetteer(), day, lang, emphasise=emphasise)


def document(
    dataset: Dataset,
    register: Register,
    day: date,
    edition: Edition,
    *,
    centre_id: str | None = None,
    county: str | None = None,
) -> Report:
    """The report to export: one county's answer, one centre, or the whole directory."""
    from owes_cli.layout import report

    lang = edition.lang
    if centre_id is not None and county is not None:
        raise UsageError("export_one_subject")
    if county is not None:
        resolved = lookup.resolve_county(county, dataset, register)
        answer = periods.answer(dataset, resolved.county, day, resolved.notes)
        return report.county_report(
            views.answer_view(dataset, answer, lang, county),
            edition,
            coverage_drawing(dataset, register, day, lang, resolved.county.teryt),
        )
    if centre_id is not None:
        found = lookup.find_centre(dataset, centre_id)
        # The map of the centre's own time: the asked day, or the nearest day the centre ran.
        start, end = periods.centre_span(dataset, found)
        map_day = max(day, start) if end is None else min(max(day, start), end)
        return report.centre_report(
            views.centre_status_view(dataset, found, day, lang),
            edition,
            coverage_drawing(dataset, register, map_day, lang),
        )
    return report.directory_report(
        views.directory_view(dataset, day, lang),
        views.county_rows(dataset, day),
        edition,
        coverage_drawing(dataset, register, day, lang),
    )


def render_document(report: Report, kind: str) -> bytes:
    if kind == "pdf":
        from owes_cli.render import pdf as export_pdf

        return export_pdf.render(report)
    from owes_cli.render import word as export_docx

    return export_docx.render(report)
