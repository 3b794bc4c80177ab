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

from collections.abc import Callable, Hashable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast, overload

from owes_cli import answers, errors
from owes_cli.domain import Register, dates, load_register, lookup, periods
from owes_cli.domain import dataset as dataset_module
from owes_cli.domain.model import County, Dataset
from owes_cli.errors import AmbiguousError, DatasetError, OwesError, UsageError
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.answers import detail, tables
    from owes_cli.answers.places import PlaceReadings
    from owes_cli.domain.places import Gazetteer, Place
    from owes_cli.layout.coverage_map import CoverageMap
    from owes_cli.layout.report import Report
    from owes_cli.layout.spreadsheet import Workbook
    from owes_cli.layout.web import WebPage

OPTIONS = ("--county", "--place", "--at")


class Where(Record):
    """What a question is about: a county, a place or a point as typed, or a bare word
    that any of the three may name (`option` None). The one place that checks that a
    question names at most one of them, for the command line and the library alike."""

    option: str | None  # "--county", "--place" or "--at"; None: a bare word, read each way in turn
    text: str
    point: tuple[float, float] | None = None  # a point given as numbers rather than text

    @classmethod
    def parse(
        cls,
        *,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        words: str | None = None,
    ) -> Where | None:
        """The one thing asked about, None when nothing is; UsageError when several are."""
        given = [
            (option, value) for option, value in zip(OPTIONS, (county, place, at), strict=True) if value is not None
        ]
        if len(given) + (words is not None) > 1:
            named = ([words] if words is not None else []) + [option for option, _ in given]
            raise UsageError("which_centre_one_place", given=", ".join(named))
        if words is not None:
            return cls(None, words)
        if not given:
            return None
        option, value = given[0]
        if isinstance(value, tuple):
            return cls(option, f"{value[0]!r},{value[1]!r}", value)
        return cls(option, value)


class Reading(Record):
    """How a `Where` was read: the county it leads to, the place (for a place or a point),
    what to tell the user, and, for a name whose readings all give the same answer,
    every one of them (the one taken first)."""

    where: Where  # as read: `option` is the reading taken
    county: County
    place: Place | None
    notes: tuple[lookup.Note, ...]
    readings: tuple[Place, ...] = ()


class ReadAs(Record):
    """A `Where` as read: the option taken (`where.option` is set) and the notes for the person."""

    where: Where
    notes: tuple[answers.NoteInfo, ...]


if TYPE_CHECKING:  # names for the type checker: each TypeVar cost every start-up some 20 us
    # What stays the same across readings for the answer to be one answer.
    SameAnswer = Callable[[County], Hashable]

    R = TypeVar("R")
    Method = TypeVar("Method", bound=Callable[..., Any])


def _speaking(method: Method) -> Method:
    """Errors raised by `method` say themselves (`str(err)`) in the directory's language."""

    def speaking(self: Directory, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except OwesError as err:
            if err.lang is None:
                err.lang = self.lang
            raise

    # What functools.wraps copies that anyone reads, at a third of its cost: twenty methods
    # are wrapped as the class is defined, on every start-up.
    speaking.__name__, speaking.__qualname__, speaking.__doc__ = method.__name__, method.__qualname__, method.__doc__
    speaking.__annotations__, speaking.__wrapped__ = method.__annotations__, method  # type: ignore[attr-defined]
    return cast("Method", speaking)


class Directory:
    """One dataset, read in one language.

    The language is chosen once, at `load`, rather than per call: every text
    an answer carries (period names, services, audiences, milestones,
    validation messages) is in it, and a program asking several questions
    asks them for one reader, as each run of the command line does.
    `today` is the day a question without `on` is about (the clock's by default).
    """

    def __init__(self, path: Path, register: Register, lang: str, today: date | None = None) -> None:
        self.path = path
        self.lang = lang
        self.register = register
        self._today = today
        self._dataset: Dataset | None = None
        self._gazetteer: Gazetteer | None = None

    @classmethod
    def load(cls, path: str | Path | None = None, *, lang: str | None = None, today: date | None = None) -> Directory:
        """The bundled dataset, or the one at `path` (read when first asked).

        `lang` is "pl" or "en"; without it, the user's (OWES_LANG, then the locale).
        `today` is the day questions without `on` are about; the clock's by default.
        """
        from owes_cli import messages

        if lang is not None and lang.strip().lower() not in messages.LANGS:
            raise UsageError("bad_lang", value=lang)
        chosen = messages.resolve_lang(lang) if lang is not None else messages.active_lang()
        path_found = dataset_module.resolve_path(None if path is None else str(path))
        return cls(path_found, load_register(), chosen, today)

    @staticmethod
    def keep_checked_datasets(keep: bool) -> None:
        """Whether a dataset, once read and checked, is kept for the next run (`owes --no-cache`: not)."""
        from owes_cli.domain import dataset_cache

        dataset_cache.disable(not keep)

    def today(self) -> date:
        """The day a question without `on` is about: the one given to `load`, else OWES_TODAY or the clock's."""
        return self._today or dates.today()

    @staticmethod
    def generation_time() -> datetime:
        """When a document made now says it was made: now, or SOURCE_DATE_EPOCH when set."""
        return dates.generation_time()

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
    # Days
    # ------------------------------------------------------------------

    def when(self, on: date | str | None) -> tuple[date, date]:
        """The day asked, or a whole month ("2014-06") or year ("2014") as its first and last
        days; today without `on`. Text is read as the command line reads --on."""
        from owes_cli.domain.dates import parse_when

        if on is None:
            return self.today(), self.today()
        if isinstance(on, datetime):
            return on.date(), on.date()
        if isinstance(on, date):
            return on, on
        return _parsed_date(on, parse_when)

    def day(self, on: date | str | None) -> date:
        """The one day asked (a month or a year is not one: UsageError); today without `on`."""
        from owes_cli.domain.dates import parse_day

        if isinstance(on, str):
            return _parsed_date(on, parse_day)
        return self.when(on)[0]

    # ------------------------------------------------------------------
    # Reading what is asked about
    # ------------------------------------------------------------------

    def _same_on(self, day: date) -> SameAnswer:
        """Readings in counties with this in common give one answer on `day`: the centre or
        the candidates, how certain that is, and the last confirmed centre."""

        def answer_of(county: County) -> Hashable:
            return _same_answer(periods.answer(self.dataset, county, day))

        return answer_of

    def _same_county(self, county: County) -> Hashable:
        """For the answers that are about the county itself (its places, its outline on a map)."""
        return county.teryt

    def _read(self, where: Where, same: SameAnswer) -> Reading:
        """The county (and place) `where` means; a bare word is read each way in turn."""
        if where.option is None:
            return self._read_word(where.text, same)
        if where.option == "--county":
            resolved = self._county_or_hint(where.text)
            return Reading(where, resolved.county, None, resolved.notes)
        from owes_cli.domain import places

        gazetteer = self._places()
        if where.option == "--at":
            from owes_cli.domain.geo import parse_coordinates

            lat, lon = where.point or parse_coordinates(where.text)
            found = places.place_at(lat, lon, self.dataset, self.register, gazetteer)
            return Reading(where._replace(point=(lat, lon)), found.county, found.place, found.notes)
        try:
            found = places.resolve_place(where.text, self.dataset, self.register, gazetteer)
        except AmbiguousError as err:  # PlaceAmbiguous, whose class loads when it is raised
            # Places of one name in several counties: one answer when every one gives it.
            if not isinstance(err, errors.PlaceAmbiguous) or not self._one_answer(err.places, same):
                raise
            counties = self.dataset.counties
            lead, *others = err.places
            listed = [places.describe(p, self.register, gazetteer) for p in others]
            note = lookup.Note("readings_same_answer", {"query": where.text, "readings": listed})
            return Reading(where, counties[lead.county], lead, (note,), tuple(err.places))
        return Reading(where, found.county, found.place, found.notes)

    def _one_answer(self, readings: list[Place], same: SameAnswer) -> bool:
        """Whether places of one name (not an abbreviation that fits several names) give one answer."""
        from owes_cli.domain.names import fold

        counties = self.dataset.counties
        return (
            bool(readings)
            and len({fold(p.name) for p in readings}) == 1
            and len({same(counties[p.county]) for p in readings}) == 1
        )

    def _read_word(self, words: str, same: SameAnswer) -> Reading:
        """A bare word as a county, else a place, else a point.

        Readings that succeed in different counties raise ReadingsDisagree. When
        none succeeds, the word ends as the reading that recognises it ends
        (several places, outside the region, a postal code, a point not served,
        then a near miss with suggestions), with that reading named; the generic
        NoReading only when no reading recognises it at all.
        """
        from owes_cli.errors import NoReading, ReadingsDisagree

        found: list[Reading] = []
        failed: list[tuple[int, int, str, OwesError]] = []
        for option in OPTIONS:
            try:
                found.append(self._read(Where(option, words), same))
            except OwesError as err:
                # Between two readings that recognise the word as well, the place's ends it:
                # it lists the places of that name (a county's error names only the county).
                failed.append((_recognition(option, err), _ENDING_ORDER.index(option), option, err))
        if found:
            if len({reading.county.teryt for reading in found}) > 1:
                raise ReadingsDisagree(words, [(reading.where.option or "", reading.county.name) for reading in found])
            taken = found[0]
            option = taken.where.option or ""
            note = lookup.Note("read_as", {"query": words, "option": option, "what": t_what(self.lang, option)})
            return taken._replace(notes=(note, *taken.notes))
        rank, _, option, ending = min(failed, key=lambda failure: (failure[0], _tie_break(words, *failure)))
        if rank == _UNRECOGNISED:
            raise NoReading(words) from None
        ending.reading = (option, {"query": words})
        raise ending

    # ------------------------------------------------------------------
    # Which centre
    # ------------------------------------------------------------------

    @_speaking
    def read(self, where: Where, *, on: date | str | None = None, about: str = "answer") -> ReadAs:
        """How `where` is read, as the command asking `about` reads it: the option taken
        and what to tell the person (which reading a bare word was taken as, the other
        readings of a name that all give the same answer). `about` is "answer" (which
        centre on the day `on`: which-centre, services, export), "history" (the county's
        periods) or "county" (the county itself: places, the map's outline)."""
        if about == "history":
            same: SameAnswer = self._same_history
        elif about == "county":
            same = self._same_county
        else:
            same = self._same_on(self.day(on))
        reading = self._read(where, same)
        return ReadAs(reading.where, _notes(reading.notes))

    @overload
    def which_centre(
        self,
        where: Where | None = None,
        *,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        on: date | None = None,
    ) -> answers.CountyAnswer: ...

    @overload
    def which_centre(
        self,
        where: Where | None = None,
        *,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        on: date | str | None = None,
    ) -> answers.CountyAnswer | detail.DuringAnswer: ...

    @_speaking
    def which_centre(
        self,
        where: Where | None = None,
        *,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        on: date | str | None = None,
    ) -> answers.CountyAnswer | detail.DuringAnswer:
        """The answer for exactly one of a county, a place (town, gmina or locality) or a point,
        or for a `Where` (which may be a bare word, read each way in turn).

        `at` is (latitude, longitude), or text such as "51.64,15.14" as a phone gives it.
        `on` is the day asked about (a date, or text such as "2014-06-01"), today by default;
        a month ("2014-06") or a year ("2014") answers which centres ran then (a DuringAnswer).
        """
        where = where or Where.parse(county=county, place=place, at=at)
        if where is None:
            raise UsageError("which_centre_needs_place")
        first, last = self.when(on)
        if first != last:
            assert isinstance(on, str)
            return self.which_centres_during(first, last, on.strip(), where=where)
        return self._answer(where, first)

    def _answer(self, where: Where, day: date) -> answers.CountyAnswer:
        reading = self._read(where, self._same_on(day))
        dataset = self.dataset
        answer = periods.answer(dataset, reading.county, day, reading.notes)
        point = reading.where.point
        query = answers.Query(
            county=where.text if reading.where.option == "--county" else None,
            place=where.text if reading.where.option == "--place" else None,
            at=answers.Point(*point) if point is not None and reading.where.option == "--at" else None,
            on=day.isoformat(),
        )
        if reading.place is None:
            return answers.county_answer(dataset, answer, self.lang, query)
        from owes_cli.answers.places import place_info

        gazetteer = self._places()
        here = place_info(reading.place, dataset, self.register, gazetteer)
        found = answers.county_answer(dataset, answer, self.lang, query, here)
        if reading.readings:
            infos = tuple(place_info(p, dataset, self.register, gazetteer) for p in reading.readings)
            found = found._replace(readings=infos)
        return found

    @_speaking
    def which_centres_during(
        self, first: date, last: date, asked: str, where: Where | None = None, **options: str | None
    ) -> detail.DuringAnswer:
        """Every centre that ran between `first` and `last` and may have served the county
        (or the place's or point's county), with its dates and what the sources say."""
        chosen = where or Where.parse(**options)
        if chosen is None:
            raise UsageError("which_centre_needs_place")
        from owes_cli.answers import detail

        return detail.during_answer(self.dataset, self._answer(chosen, first), first, last, asked, self.lang)

    def _county_or_hint(self, county: str) -> lookup.ResolvedCounty:
        """The county; a town's or gmina's name given as a county is answered with the option it needs."""

        try:
            return lookup.resolve_county(county, self.dataset, self.register)
        except errors.CountyNotFound as unmatched:
            from owes_cli.domain import places

            try:
                found = places.resolve_place(county, self.dataset, self.register, self._places())
            except OwesError:
                raise unmatched from None  # the county's own message, with its suggestions
            raise errors.CountyIsAPlace(
                county, found.place.name, self.dataset.counties[found.place.county].name, found.place.kind
            ) from None

    @_speaking
    def which_centre_read(self, words: str, *, on: date | str | None = None) -> answers.CountyAnswer:
        """The answer for a bare word, as a person types it after `which-centre`: a county,
        else a place, else a point. The answer's first note says which reading was taken;
        readings that lead to different counties raise ReadingsDisagree, and a word no
        reading answers ends as the reading that recognises it ends (see `_read_word`)."""
        return self._answer(Where(None, words), self.day(on))

    @_speaking
    def place_readings(self, name: str, *, on: date | str | None = None) -> PlaceReadings:
        """Every place of the region a name may mean, in the order they are listed (the
        first leads), and whether they all give the same answer on the day: what
        `--place` does with the name (one answer, or the list to choose from)."""
        from owes_cli.answers.places import PlaceReadings, place_info
        from owes_cli.domain import places
        from owes_cli.errors import PlaceAmbiguous

        gazetteer = self._places()
        try:
            found = places.resolve_place(name, self.dataset, self.register, gazetteer)
        except PlaceAmbiguous as err:
            infos = tuple(place_info(p, self.dataset, self.register, gazetteer) for p in err.places)
            return PlaceReadings(name, infos, self._one_answer(err.places, self._same_on(self.day(on))))
        info = place_info(found.place, self.dataset, self.register, gazetteer)
        return PlaceReadings(name, (info,), True)

    # ------------------------------------------------------------------
    # The dataset's tables
    # ------------------------------------------------------------------

    @_speaking
    def centres(self) -> list[tables.CentreRow]:
        from owes_cli.answers import tables

        return tables.centre_rows(self.dataset, self.lang)

    @_speaking
    def centre(self, centre_id: str) -> answers.CentreInfo:
        return answers.centre_info(self.dataset, lookup.find_centre(self.dataset, centre_id), self.lang)

    @_speaking
    def counties(self, on: date | str | None = None) -> list[tables.CountyRow]:
        from owes_cli.answers import tables

        return tables.county_rows(self.dataset, self.day(on), self.lang, self.register)

    @_speaking
    def county_code(
        self,
        where: Where | None = None,
        *,
        county: str | None = None,
        place: str | None = None,
        at: str | None = None,
    ) -> str | None:
        """The TERYT code of the county named, or of the county a place or point lies in
        (None when none of the three is given): `--place` and `--at` wherever `--county` is.
        A name of places in several counties is ambiguous here: the county is the answer."""
        where = where or Where.parse(county=county, place=place, at=at)
        return None if where is None else self._read(where, self._same_county).county.teryt

    @_speaking
    def services(
        self,
        centre: str | None = None,
        *,
        where: Where | None = None,
        county: str | None = None,
        place: str | None = None,
        at: str | None = None,
        on: date | str | None = None,
    ) -> list[tables.ServiceRow]:
        """Every service, those of one centre (by id), or those of the centre or centres
        serving a county, place or point (or a `Where`) on a day (today by default)."""
        from owes_cli.answers import tables

        where = where or Where.parse(county=county, place=place, at=at)
        if centre is not None and where is not None:
            raise UsageError("services_one_subject")
        if where is not None:
            answer = self._answer(where, self.day(on))
            serving = [answer.centre] if answer.centre is not None else list(answer.centres)
            rows: dict[str, tables.ServiceRow] = {}
            for info in serving:
                for row in tables.service_rows(self.dataset, self.lang, self.dataset.centres[info.id]):
                    rows.setdefault(row.id, row)
            return list(rows.values())
        chosen = lookup.find_centre(self.dataset, centre) if centre is not None else None
        return tables.service_rows(self.dataset, self.lang, chosen)

    @_speaking
    def audiences(self) -> list[answers.Audience]:
        from owes_cli.answers import tables

        return tables.audience_rows(self.dataset, self.lang)

    @_speaking
    def sources(self) -> list[tables.SourceRow]:
        from owes_cli.answers import tables

        return tables.source_rows(self.dataset)

    @_speaking
    def periods(self) -> list[tables.PeriodRow]:
        from owes_cli.answers import tables

        return tables.period_rows(self.dataset, self.lang)

    @_speaking
    def history(
        self,
        *,
        where: Where | None = None,
        county: str | None = None,
        place: str | None = None,
        at: str | None = None,
        centre: str | None = None,
    ) -> tables.CountyHistory | tables.CentreHistory:
        """One county's periods (the county named, or a place's or point's) or one
        centre's milestones: exactly one of the two."""
        from owes_cli.answers import tables

        where = where or Where.parse(county=county, place=place, at=at)
        if (where is None) == (centre is None):
            raise UsageError("history_needs_one")
        dataset = self.dataset
        if where is not None:
            found_county = self._read(where, self._same_history).county
            rows = tables.county_history_rows(dataset, found_county, self.lang)
            return tables.CountyHistory(f"{found_county.name} ({found_county.teryt})", rows)
        assert centre is not None
        found = lookup.find_centre(dataset, centre)
        # Named as people read it, not by the id that was typed.
        subject = tables.centre_label(dataset, found, self.lang)
        return tables.CentreHistory(subject, tables.centre_history_rows(dataset, found, self.lang))

    def _same_history(self, county: County) -> Hashable:
        from owes_cli.domain import history

        return tuple(
            (
                entry.period.id,
                entry.coverage,
                entry.centre.id if entry.centre else None,
                tuple(c.id for c in entry.centres),
            )
            for entry in history.county_history(self.dataset, county)
        )

    # ------------------------------------------------------------------
    # Places
    # ------------------------------------------------------------------

    @_speaking
    def places(self, county: str | None = None, *, where: Where | None = None) -> list[tables.PlaceRow]:
        """The towns, gminas and localities of one county (named, or a place's or point's),
        or of the whole region."""
        from owes_cli.answers import tables

        dataset = self.dataset
        gazetteer = self._places()
        where = where or Where.parse(county=county)
        if where is not None:
            chosen = [self._read(where, self._same_county).county.teryt]
        else:
            chosen = sorted(dataset.counties)
        found = (p for code in chosen for p in gazetteer.in_county(code, localities=True))
        return tables.place_rows(found, dataset)

    @_speaking
    def place(self, name: str) -> detail.PlaceDetail:
        from owes_cli.answers import detail
        from owes_cli.domain import places

        gazetteer = self._places()
        found = places.resolve_place(name, self.dataset, self.register, gazetteer)
        return detail.place_detail(found.place, found.notes, self.dataset, self.register, gazetteer, self.lang)

    # ------------------------------------------------------------------
    # The map and the documents
    # ------------------------------------------------------------------

    @_speaking
    def coverage_map(
        self, on: date | str | None = None, emphasise: str | None = None, *, where: Where | None = None
    ) -> CoverageMap:
        """The region's counties coloured by centre on a day; `emphasise` outlines one county
        (TERYT), or `where` the county it names."""
        from owes_cli.layout import coverage_map

        if where is not None:
            emphasise = self._read(where, self._same_county).county.teryt
        return coverage_map.coverage_map(
            self.dataset, self.register, self._places(), self.day(on), self.lang, emphasise=emphasise
        )

    @_speaking
    def document(
        self,
        *,
        on: date | str | None = None,
        where: Where | None = None,
        county: str | None = None,
        place: str | None = None,
        at: tuple[float, float] | str | None = None,
        centre: str | None = None,
        generated: datetime | None = None,
        max_parts: int | None = None,
        max_sheet_parts: int | None = None,
    ) -> Report:
        """The report to export: the fact sheet of a county (named, or the county of a place or
        point, which the sheet names), one centre, or the whole directory.

        `generated` is when the document says it was made (default: now, or
        SOURCE_DATE_EPOCH); without `on` the answer is for the directory's `today`
        when one was given, else for that day. CannotWriteError, before anything is drawn, when
        the report holds more than `max_parts` parts (`report.parts`), or a county's one-page
        sheet more than `max_sheet_parts`: too big to draw quickly.
        """
        from owes_cli import directory_exports

        return directory_exports.document(
            self, on, where, county, place, at, centre, generated, max_parts, max_sheet_parts
        )

    @_speaking
    def web_page(
        self, *, on: date | str | None = None, generated: datetime | None = None, max_answers: int | None = None
    ) -> WebPage:
        """The directory as one web page that answers searches itself (`owes export -o FILE.html`).

        Without `on` the page answers for the directory's `today` when one was given,
        else for the day it is made (now, or SOURCE_DATE_EPOCH). CannotWriteError, before
        the work, when the page would hold more than `max_answers` county answers (counties
        times the runs of days on which no answer changes).
        """
        from owes_cli import directory_exports

        return directory_exports.web_page(self, on, generated, max_answers)

    @_speaking
    def spreadsheet(self, max_rows: int | None = None) -> Workbook:
        """The whole dataset, every period, as the sheets of a spreadsheet (`owes export -o FILE.xlsx`);
        CannotWriteError, before the work, for a sheet that would have more than `max_rows` rows."""
        from owes_cli.layout import spreadsheet

        return spreadsheet.workbook(self.dataset, self.lang, max_rows)

    def coverage_geojson(self, on: date | str | None = None) -> dict[str, Any]:
        """The region's counties and the centres' seats as a GeoJSON FeatureCollection for a day
        (`owes export -o FILE.geojson`): each county's answer is its row of `counties` for that day."""
        from owes_cli import directory_exports

        return directory_exports.coverage_geojson(self, on)

    # ------------------------------------------------------------------
    # Shell completion
    # ------------------------------------------------------------------

    def complete_county(self, incomplete: str) -> list[str]:
        """The dataset's counties whose name (or TERYT code) starts with what was typed."""
        from owes_cli.domain.names import fold, without_diacritics

        typed = fold(incomplete)
        found = []
        for county in self.dataset.counties.values():
            if incomplete.isdigit():
                if county.teryt.startswith(incomplete):
                    found.append(county.teryt)
            elif county.name.lower().startswith(incomplete.lower()):
                found.append(county.name)
            elif fold(county.name).startswith(typed):
                # Typed without Polish letters ("zar"): offered so ("zarski"), which owes reads as well.
                found.append(without_diacritics(county.name))
        return sorted(found)

    def complete_centre(self, incomplete: str) -> list[str]:
        """The centres' ids that start with what was typed."""
        return sorted(c for c in self.dataset.centres if c.startswith(incomplete.lower()))

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
        from owes_cli.domain.dataset.evidence import unquoted

        counts = tables.Counts(len(loaded.centres), len(loaded.counties), len(loaded.sources))
        summaries = [tables.UnquotedInfo(u.where, u.record, u.sources) for u in unquoted(loaded)]
        return tables.validation(str(self.path), [], self.lang, counts, summaries)


def _same_answer(found: periods.CountyAnswer) -> Hashable:
    """What readings in two counties share when they give one answer (`Directory._same_on`): the
    centre or the candidates, how certain that is, and the last confirmed centre."""
    last = found.last_confirmed
    return (
        found.period_status,
        found.coverage,
        found.centre.id if found.centre else None,
        tuple(c.id for c in found.centres),
        last.centre.id if last else None,
    )


def t_what(lang: str, option: str) -> str:
    from owes_cli.messages import t

    return t(lang, {"--county": "read_as_county", "--place": "read_as_place", "--at": "read_as_point"}[option])


def _notes(notes: tuple[lookup.Note, ...]) -> tuple[answers.NoteInfo, ...]:
    return tuple(answers.NoteInfo(n.message_id, dict(n.params)) for n in notes)


_ENDING_ORDER = ("--place", "--county", "--at")


def _tie_break(words: str, rank: int, position: int, option: str, err: OwesError) -> tuple[float, int]:
    """Between readings that recognise a word as well: for near misses, the one whose
    best suggestion is nearest the word; else the place's (it lists the places of the name)."""
    if rank != _NEAR_MISS:
        return (0.0, position)
    import difflib

    from owes_cli.domain.names import fold

    suggestions: list[str] = getattr(err, "suggestions", [])
    nearest = difflib.SequenceMatcher(None, fold(words), fold(suggestions[0])).ratio()
    return (-nearest, OPTIONS.index(option))


# How well a reading of a bare word recognised it, when it did not answer: the best ends the word.
_AMBIGUOUS, _ELSEWHERE, _NEAR_MISS, _UNRECOGNISED = range(4)


def _recognition(option: str, err: OwesError) -> int:
    from owes_cli.errors import (
        AmbiguousError,
        CountyOutsideCoverage,
        PlaceNotInGmina,
        PlaceOutsideCoverage,
        PointNotServed,
        PostalCode,
    )

    if isinstance(err, AmbiguousError):
        return _AMBIGUOUS
    if isinstance(err, CountyOutsideCoverage | PlaceOutsideCoverage | PostalCode | PointNotServed | PlaceNotInGmina):
        return _ELSEWHERE
    if option == "--at" and err.message_id in ("latitude_out_of_range", "longitude_out_of_range"):
        return _ELSEWHERE  # numbers read as a point, just not one on Earth
    if getattr(err, "suggestions", None):
        return _NEAR_MISS
    return _UNRECOGNISED


def _parsed_date(text: Any, parse: Callable[[str], R]) -> R:
    """`on` given as text, read by `parse`, its faults said as usage errors (as --on says them)."""
    from owes_cli.domain.dates import FIRST_YEAR, LAST_YEAR, DateOutOfRangeError, NoSuchDayError, PartialDateError

    if not isinstance(text, str):
        raise UsageError("on_not_a_date", value=repr(text))
    try:
        return parse(text)
    except DateOutOfRangeError:
        raise UsageError(
            "date_out_of_range", value=text, first=f"{FIRST_YEAR}-01-01", last=f"{LAST_YEAR}-12-31"
        ) from None
    except NoSuchDayError as err:
        raise UsageError("no_such_day", day=err.day) from None
    except PartialDateError:
        raise UsageError("bad_date", value=text) from None
