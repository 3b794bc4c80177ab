"""The directory as a library: every question the command line asks, as a method.

    >>> from owes_cli import Directory
    >>> directory = Directory.load(lang="en")
    >>> answer = directory.which_centre(county="żarski", on=date(2014, 6, 1))
    >>> answer.centre.name

Methods return the typed answers of `owes_cli.answers` and raise the
project's own exceptions (`owes_cli.errors`); nothing here prints, exits or
knows Typer or Rich. The gazetteer, the boundaries and the map load only in
the methods that need them, so that a county lookup stays fast.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from owes_cli import answers
from owes_cli.domain import dataset as dataset_module
from owes_cli.domain import lookup, periods
from owes_cli.domain.model import Dataset
from owes_cli.domain.register import Register, load_register
from owes_cli.errors import DatasetError, UsageError

if TYPE_CHECKING:
    from owes_cli.answers import detail, tables
    from owes_cli.domain.places import Gazetteer, Place
    from owes_cli.layout.coverage_map import CoverageMap
    from owes_cli.layout.report import Edition, Report
    from owes_cli.layout.spreadsheet import Workbook
    from owes_cli.layout.web import WebPage


class Directory:
    """One dataset, read in one language.

    The language is chosen once, at `load`, rather than per call: every text
    an answer carries (period names, services, audiences, milestones,
    validation messages) is in it, and a program asking several questions
    asks them for one reader, as each run of the command line does.
    """

    def __init__(self, path: Path, register: Register, lang: str) -> None:
        self.path = path
        self.lang = lang
        self.register = register
        self._dataset: Dataset | None = None
        self._gazetteer: Gazetteer | None = None

    @classmethod
    def load(cls, path: str | Path | None = None, *, lang: str | None = None) -> Directory:
        """The bundled dataset, or the one at `path` (read when first asked).

        `lang` is "pl" or "en"; without it, the user's (OWES_LANG, then the locale).
        """
        from owes_cli import messages

        if lang is not None and lang.strip().lower() not in messages.LANGS:
            raise UsageError("bad_lang", value=lang)
        chosen = messages.resolve_lang(lang) if lang is not None else messages.active_lang()
        return cls(dataset_module.resolve_path(None if path is None else str(path)), load_register(), chosen)

    @property
    def dataset(self) -> Dataset:
        """The dataset, read and checked on first use (DatasetError when it is not valid)."""
        if self._dataset is None:
            self._dataset = dataset_module.load_cached(self.path, self.register)
        return self._dataset

    def _places(self) -> Gazetteer:
        if self._gazetteer is None:
            from owes_cli.domain import places

            self._gazetteer = places.load_gazetteer()
        return self._gazetteer

    # ------------------------------------------------------------------
    # Which centre
    # ------------------------------------------------------------------

    def which_centre(
        self,
        *,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        on: date | None = None,
    ) -> answers.CountyAnswer:
        """The answer for exactly one of a county, a place (town or gmina) or a point.

        `at` is (latitude, longitude), or text such as "51.64,15.14" as a phone gives it.
        `on` is the day asked about, today by default.
        """
        asked = (("--county", county), ("--place", place), ("--at", at))
        given = [name for name, value in asked if value is not None]
        if not given:
            raise UsageError("which_centre_needs_place")
        if len(given) > 1:
            raise UsageError("which_centre_one_place", given=", ".join(given))
        day = on or date.today()
        dataset = self.dataset
        if county is not None:
            resolved = self._county_or_hint(county)
            answer = periods.answer(dataset, resolved.county, day, resolved.notes)
            return answers.county_answer(
                dataset, answer, self.lang, answers.Query(county=county, place=None, at=None, on=day.isoformat())
            )
        from owes_cli.domain import places

        gazetteer = self._places()
        if at is not None:
            if isinstance(at, str):
                from owes_cli.domain.geo import parse_coordinates

                at = parse_coordinates(at)
            lat, lon = at
            found = places.place_at(lat, lon, dataset, self.register, gazetteer)
            query = answers.Query(county=None, place=None, at=answers.Point(lat, lon), on=day.isoformat())
        else:
            assert place is not None
            found = places.resolve_place(place, dataset, self.register, gazetteer)
            query = answers.Query(county=None, place=place, at=None, on=day.isoformat())
        answer = periods.answer(dataset, found.county, day, found.notes)
        here = answers.place_info(found.place, dataset, self.register, gazetteer)
        return answers.county_answer(dataset, answer, self.lang, query, here)

    def which_centres_during(self, first: date, last: date, asked: str, **where: str | None) -> answers.DuringAnswer:
        """Every centre that ran between `first` and `last` and may have served the county
        (or the place's or point's county), with its dates and what the sources say."""
        one_day = self.which_centre(on=first, **where)
        teryt = one_day.county.teryt
        found = []
        for centre, (start, end) in periods._centre_spans(self.dataset):
            if start > last or (end is not None and end < first):
                continue
            if centre.coverage is not None and teryt not in centre.coverage.counties:
                continue
            coverage = periods.CoverageStatus.CONFIRMED if centre.coverage else periods.CoverageStatus.UNKNOWN
            found.append(answers.ServedBy(answers.centre_info(self.dataset, centre, self.lang), coverage))
        return answers.DuringAnswer(
            asked, first.isoformat(), last.isoformat(), one_day.place, one_day.county, tuple(found)
        )

    def _county_or_hint(self, county: str) -> lookup.ResolvedCounty:
        """The county; a town's or gmina's name given as a county is answered with the option it needs."""
        from owes_cli.errors import CountyIsAPlace, CountyNotFound, OwesError

        try:
            return lookup.resolve_county(county, self.dataset, self.register)
        except CountyNotFound as unmatched:
            from owes_cli.domain import places

            try:
                found = places.resolve_place(county, self.dataset, self.register, self._places())
            except OwesError:
                raise unmatched from None  # the county's own message, with its suggestions
            raise CountyIsAPlace(
                county, found.place.name, self.dataset.counties[found.place.county].name, found.place.kind
            ) from None

    def which_centre_read(self, words: str, *, on: date | None = None) -> answers.CountyAnswer:
        """The answer for a bare word, as a person types it after `which-centre`: a county,
        else a place, else a point. The answer's first note says which reading was taken;
        readings that lead to different counties raise ReadingsDisagree."""
        from owes_cli.errors import NoReading, OwesError, ReadingsDisagree

        found: list[tuple[str, str, answers.CountyAnswer]] = []
        for option, name in (("--county", "county"), ("--place", "place"), ("--at", "at")):
            try:
                answer = self.which_centre(**{name: words}, on=on)
            except OwesError:
                continue
            found.append((option, name, answer))
        if not found:
            raise NoReading(words)
        counties = {answer.county.teryt for _, _, answer in found}
        if len(counties) > 1:
            raise ReadingsDisagree(words, [(option, answer.county.name) for option, _, answer in found])
        option, name, answer = found[0]
        note = answers.NoteInfo("read_as", {"query": words, "option": option, "what": t_what(self.lang, name)})
        return answer._replace(notes=(note, *answer.notes))

    # ------------------------------------------------------------------
    # The dataset's tables
    # ------------------------------------------------------------------

    def centres(self) -> list[tables.CentreRow]:
        from owes_cli.answers import tables

        return tables.centre_rows(self.dataset, self.lang)

    def centre(self, centre_id: str) -> answers.CentreInfo:
        return answers.centre_info(self.dataset, lookup.find_centre(self.dataset, centre_id), self.lang)

    def counties(self, on: date | None = None) -> list[tables.CountyRow]:
        from owes_cli.answers import tables

        return tables.county_rows(self.dataset, on or date.today(), self.lang, self.register)

    def county_code(self, *, county: str | None = None, place: str | None = None, at: str | None = None) -> str | None:
        """The TERYT code of the county named, or of the county a place or point lies in
        (None when none of the three is given): `--place` and `--at` wherever `--county` is."""
        asked = [(name, value) for name, value in (("--county", county), ("--place", place), ("--at", at))]
        given = [name for name, value in asked if value is not None]
        if len(given) > 1:
            raise UsageError("which_centre_one_place", given=", ".join(given))
        if county is not None:
            return self._county_or_hint(county).county.teryt
        if place is None and at is None:
            return None
        from owes_cli.domain import places

        gazetteer = self._places()
        if at is not None:
            from owes_cli.domain.geo import parse_coordinates

            lat, lon = parse_coordinates(at)
            return places.place_at(lat, lon, self.dataset, self.register, gazetteer).county.teryt
        assert place is not None
        return places.resolve_place(place, self.dataset, self.register, gazetteer).county.teryt

    def services(
        self,
        centre: str | None = None,
        *,
        county: str | None = None,
        place: str | None = None,
        at: str | None = None,
        on: date | None = None,
    ) -> list[tables.ServiceRow]:
        """Every service, those of one centre (by id), or those of the centre or centres
        serving a county, place or point on a day (today by default)."""
        from owes_cli.answers import tables

        if centre is not None and (county or place or at):
            raise UsageError("services_one_subject")
        if county is not None or place is not None or at is not None:
            answer = self.which_centre(county=county, place=place, at=at, on=on)
            serving = [answer.centre] if answer.centre is not None else list(answer.centres)
            rows: dict[str, tables.ServiceRow] = {}
            for info in serving:
                for row in tables.service_rows(self.dataset, self.lang, self.dataset.centres[info.id]):
                    rows.setdefault(row.id, row)
            return list(rows.values())
        chosen = lookup.find_centre(self.dataset, centre) if centre is not None else None
        return tables.service_rows(self.dataset, self.lang, chosen)

    def audiences(self) -> list[answers.Audience]:
        from owes_cli.answers import tables

        return tables.audience_rows(self.dataset, self.lang)

    def sources(self) -> list[tables.SourceRow]:
        from owes_cli.answers import tables

        return tables.source_rows(self.dataset)

    def periods(self) -> list[tables.PeriodRow]:
        from owes_cli.answers import tables

        return tables.period_rows(self.dataset, self.lang)

    def history(
        self, *, county: str | None = None, centre: str | None = None
    ) -> tables.CountyHistory | tables.CentreHistory:
        """One county's periods or one centre's milestones: exactly one of the two."""
        from owes_cli.answers import tables

        if (county is None) == (centre is None):
            raise UsageError("history_needs_one")
        dataset = self.dataset
        if county is not None:
            found_county = lookup.resolve_county(county, dataset, self.register).county
            rows = tables.county_history_rows(dataset, found_county, self.lang)
            return tables.CountyHistory(f"{found_county.name} ({found_county.teryt})", rows)
        assert centre is not None
        found = lookup.find_centre(dataset, centre)
        return tables.CentreHistory(f"{found.name} ({found.id})", tables.centre_history_rows(dataset, found, self.lang))

    # ------------------------------------------------------------------
    # Places
    # ------------------------------------------------------------------

    def places(self, county: str | None = None) -> list[tables.PlaceRow]:
        """The towns, gminas and localities of one county, or of the whole region."""
        from owes_cli.answers import tables

        dataset = self.dataset
        gazetteer = self._places()
        if county is not None:
            chosen = [lookup.resolve_county(county, dataset, self.register).county.teryt]
        else:
            chosen = sorted(dataset.counties)
        found = (p for code in chosen for p in gazetteer.in_county(code, localities=True))
        return tables.place_rows(found, dataset)

    def place(self, name: str) -> detail.PlaceDetail:
        from owes_cli.answers import detail
        from owes_cli.domain import places

        gazetteer = self._places()
        found = places.resolve_place(name, self.dataset, self.register, gazetteer)
        return detail.place_detail(found.place, found.notes, self.dataset, self.register, gazetteer, self.lang)

    # ------------------------------------------------------------------
    # The map and the documents
    # ------------------------------------------------------------------

    def coverage_map(self, on: date | None = None, emphasise: str | None = None) -> CoverageMap:
        """The region's counties coloured by centre on a day; `emphasise` outlines one county (TERYT)."""
        from owes_cli.layout import coverage_map

        day = on or date.today()
        return coverage_map.coverage_map(
            self.dataset, self.register, self._places(), day, self.lang, emphasise=emphasise
        )

    def document(
        self,
        *,
        on: date | None = None,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        centre: str | None = None,
        generated: datetime | None = None,
    ) -> Report:
        """The report to export: the fact sheet of a county (named, or the county of a place or
        point, which the sheet names), one centre, or the whole directory.

        `generated` is when the document says it was made (default: now, or
        SOURCE_DATE_EPOCH); without `on` the answer is for that day.
        """
        from owes_cli import version
        from owes_cli.answers import detail
        from owes_cli.layout import fact_sheet, report

        asked = county is not None or place is not None or at is not None
        if centre is not None and asked:
            raise UsageError("export_one_subject")
        made = generated or report.generation_time()
        day = on or made.date()
        dataset = self.dataset
        register = self.register
        edition: Edition = report.Edition(
            # An English document's heading in English where the dataset gives its title in English.
            (dataset.title_en if self.lang == "en" else None) or dataset.title,
            self.lang,
            made,
            version(),
            register.title,
            register.publisher,
            register.as_of,
        )
        if asked:
            answer = self.which_centre(county=county, place=place, at=at, on=day)
            return fact_sheet.county_sheet(answer, edition, self._document_map(day, answer.county.teryt))
        if centre is not None:
            found = lookup.find_centre(dataset, centre)
            # The map of the centre's own time: the asked day, or the nearest day the centre ran.
            start, end = periods.centre_span(dataset, found)
            map_day = max(day, start) if end is None else min(max(day, start), end)
            return report.centre_report(
                detail.centre_status(dataset, found, day, self.lang), edition, self._document_map(map_day)
            )
        return report.directory_report(detail.directory(dataset, day, self.lang), edition, self._document_map(day))

    def _document_map(self, day: date, emphasise: str | None = None) -> CoverageMap | None:
        """The map a document shows, or None (a document without one) for counties no shipped boundary holds."""
        from owes_cli.errors import MapNothingToDraw

        try:
            return self.coverage_map(day, emphasise)
        except MapNothingToDraw:
            return None

    def web_page(self, *, on: date | None = None, generated: datetime | None = None) -> WebPage:
        """The directory as one web page that answers searches itself (`owes export -o FILE.html`).

        Without `on` the page answers for the day it is made (now, or SOURCE_DATE_EPOCH).
        """
        from owes_cli.answers import detail
        from owes_cli.layout import report, web

        made = generated or report.generation_time()
        day = on or made.date()
        dataset = self.dataset
        # A page stays published for years: every county's answer for each run of days on which
        # none changes (and the days before the first change), so that it answers for the reader's day.
        changes = periods.answer_changes(dataset)
        firsts: list[date | None] = [None, *changes]
        asked = [changes[0] - timedelta(days=1), *changes] if changes else [day]
        steps = [
            web.Step(first, tuple(self.which_centre(county=teryt, on=when) for teryt in sorted(dataset.counties)))
            for first, when in zip(firsts, asked, strict=True)
        ]
        whole = detail.directory(dataset, day, self.lang)
        return web.web_page(
            dataset,
            self.register,
            self._places(),
            self.coverage_map(day),
            steps,
            whole,
            self._namesakes(day),
            day,
            made,
            self.lang,
        )

    def _namesakes(self, day: date) -> list[answers.CountyAnswer]:
        """The answer for each name that several places of the region share ("Żary": the town and
        the rural gmina), so that the page says what the command line notes about the others.

        Only these names: every name of the region takes `which_centre` about 8 ms, 12 s in all,
        for notes that mostly count namesakes outside the region. And of these 195, only the names
        of a gmina or town, or of places in one county (106): villages of one name in several
        counties are mostly ambiguous to the command line, with no one answer to take notes from,
        and the page lists their places itself.
        """
        from owes_cli.errors import OwesError

        gazetteer = self._places()
        shared: dict[str, list[Place]] = {}
        for place in gazetteer.universe:
            if place.county in self.dataset.counties:
                shared.setdefault(place.name, []).append(place)
        found = []
        for name, same in sorted(shared.items()):
            if len(same) < 2 or (len({p.county for p in same}) > 1 and all(p.is_locality for p in same)):
                continue
            try:
                found.append(self.which_centre(place=name, on=day))
            except OwesError:
                continue
        return found

    def spreadsheet(self) -> Workbook:
        """The whole dataset, every period, as the sheets of a spreadsheet (`owes export -o FILE.xlsx`)."""
        from owes_cli.layout import spreadsheet

        return spreadsheet.workbook(self.dataset, self.lang)

    # ------------------------------------------------------------------
    # Checking a dataset
    # ------------------------------------------------------------------

    def validate(self) -> tables.Validation:
        """Read the dataset afresh and check it: what is wrong with it, if anything."""
        from owes_cli.answers import tables

        try:
            loaded = dataset_module.load(self.path, self.register, cache=False)
        except DatasetError as err:
            return tables.validation(str(self.path), err.problems, self.lang)
        counts = tables.Counts(len(loaded.centres), len(loaded.counties), len(loaded.sources))
        return tables.validation(str(self.path), [], self.lang, counts)


def t_what(lang: str, reading: str) -> str:
    from owes_cli.messages import t

    return t(lang, {"county": "read_as_county", "place": "read_as_place", "at": "read_as_point"}[reading])
