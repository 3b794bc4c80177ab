"""Exit codes and the errors that map to them.

Every failure a user can cause is an `OwesError` carrying a message id and
its parameters. Each error says itself in the user's language:
`err.lines(lang)` is its headline and then the detail lines (candidates,
suggestions, where to look next) that only that kind of error has. The CLI
prints them on stderr and exits with the error's code; nothing else decides
an exit code.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from owes_cli.record import QuickIntEnum, Record
from owes_cli.safe_text import shown


# The message catalogue (some 1000 lines) loads when an error is said, not
# with the domain that raises it: these stand in for its functions here.
def t(lang: str, message_id: str, **params: Any) -> str:
    from owes_cli.messages import catalogue

    return catalogue.t(lang, message_id, **params)


def kind_label(place: Mapping[str, Any], lang: str) -> str:
    from owes_cli.messages import catalogue

    return catalogue.kind_label(place, lang)


def problem_text(problem: Problem, lang: str) -> str:
    from owes_cli.messages import catalogue

    return catalogue.problem_text(problem, lang)


def reason_text(reason: str, lang: str) -> str | None:
    from owes_cli.messages import catalogue

    return catalogue.reason_text(reason, lang)


def what_text(what: str, lang: str) -> str | None:
    from owes_cli.messages import catalogue

    return catalogue.what_text(what, lang)


def coverage_text(names: Sequence[str], lang: str) -> str:
    from owes_cli.messages import catalogue

    return catalogue.coverage_text(names, lang)


class ExitCode(QuickIntEnum):
    OK = 0
    USAGE = 2  # Click/Typer's own code for bad options
    NOT_FOUND = 3  # no county, centre or place matches
    AMBIGUOUS = 4  # several fit; we list them instead of picking one
    INVALID_DATASET = 5  # the dataset cannot be read or fails validation
    CANNOT_WRITE = 6  # an output file cannot be written
    DAMAGED_INSTALLATION = 7  # a data file shipped with owes is missing or not as built: reinstall
    HANGUP = 129  # 128 + SIGHUP: the terminal was closed
    INTERRUPTED = 130  # 128 + SIGINT, Ctrl-C
    BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of the output went away, as the shell reports it
    TERMINATED = 143  # 128 + SIGTERM: `kill`, a service manager, a timeout


class Problem(Record):
    """One thing wrong with a dataset, with where it is."""

    code: str  # message id, see messages.catalogue.PROBLEMS
    where: str  # key path such as "centres[1].coverage.counties[2]", or "line 4"
    params: dict[str, Any] = {}  # never mutated


class OwesError(Exception):
    """`str(err)` is the whole message in `err.lang` (set by the `Directory` that raised
    it), else in the user's language; `message_id` and `params` are what it says, as data."""

    exit_code: ExitCode = ExitCode.USAGE
    lang: str | None = None
    # The reading a bare word was taken as (`Directory.which_centre_read`): said before the message.
    reading: tuple[str, dict[str, str]] | None = None

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params

    def __str__(self) -> str:
        from owes_cli.messages import active_lang

        return self.message(self.lang or active_lang())

    def lines(self, lang: str) -> list[str]:
        """The whole message in `lang`: which reading was taken, if any, the headline, then this error's details."""
        said = [] if self.reading is None else [_reading_line(self.reading, lang)]
        return [*said, self.headline(lang), *self.details(lang)]

    def message(self, lang: str) -> str:
        return "\n".join(self.lines(lang))

    def headline(self, lang: str) -> str:
        params = {k: v for k, v in self.params.items() if isinstance(v, str | int)}
        if (detail := reason_text(str(params.get("reason", "")), lang)) is not None:
            params["detail"] = detail
        if (what := what_text(str(params.get("what", "")), lang)) is not None:
            params["what"] = what
        if "coverage" in self.params:  # the dataset's voivodeships, named as a phrase of the language
            params["coverage"] = coverage_text(self.params["coverage"], lang)
        return t(lang, self.message_id, **params)

    def details(self, lang: str) -> list[str]:
        return []


class NotFoundError(OwesError):
    exit_code = ExitCode.NOT_FOUND


class AmbiguousError(OwesError):
    exit_code = ExitCode.AMBIGUOUS


class UsageError(OwesError):
    exit_code = ExitCode.USAGE


class CannotWriteError(OwesError):
    exit_code = ExitCode.CANNOT_WRITE


class InstallationDamaged(OwesError):
    """A file shipped with owes is missing, unreadable, or not the file the build wrote."""

    exit_code = ExitCode.DAMAGED_INSTALLATION

    def __init__(self, file: str, damage: str) -> None:
        # damage: "missing", "unreadable" or "malformed" (message "damage_<damage>")
        super().__init__("installation_damaged", file=file, damage=damage)

    def headline(self, lang: str) -> str:
        return t(lang, self.message_id, file=self.params["file"], damage=t(lang, "damage_" + self.params["damage"]))


def _reading_line(reading: tuple[str, dict[str, str]], lang: str) -> str:
    option, params = reading
    what = t(lang, {"--county": "read_as_county", "--place": "read_as_place", "--at": "read_as_point"}[option])
    return t(lang, "read_as", option=option, what=what, **params)


def _did_you_mean(suggestions: Sequence[str], lang: str) -> list[str]:
    return [t(lang, "did_you_mean", options=", ".join(suggestions))] if suggestions else []


def _place_match(match: dict[str, str], lang: str) -> str:
    if match.get("simc"):  # a locality of the SIMC register: named with its id and gmina
        return t(lang, "locality_match", kind_label=kind_label(match, lang), **match)
    return t(lang, "place_match", kind_label=t(lang, "kind_" + match["kind"]), **match)


class _Unmatched(NotFoundError):
    """Nothing of this kind has that name or code: the closest names, if any, then
    the command that lists them all."""

    message_id = ""  # each kind's own
    listing = ""  # the message that names the listing command

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(self.message_id, query=query, suggestions=list(suggestions))
        self.suggestions = list(suggestions)

    def details(self, lang: str) -> list[str]:
        return [*_did_you_mean(self.suggestions, lang), t(lang, self.listing)]


# --- counties ---------------------------------------------------------------


class CountyNotFound(_Unmatched):
    message_id, listing = "county_not_found", "list_counties"


class CountyCodeUnknown(CountyNotFound):
    """A TERYT code that is no county's code."""

    message_id = "county_code_unknown"


class CountyOutsideCoverage(NotFoundError):
    """The county exists, outside the dataset's voivodeships (`coverage`, their names);
    `matches` are (TERYT, name, voivodeship)."""

    def __init__(self, query: str, coverage: Sequence[str], matches: Sequence[tuple[str, str, str]]) -> None:
        super().__init__("county_outside_coverage", query=query, coverage=tuple(coverage), matches=list(matches))
        self.matches = list(matches)

    def details(self, lang: str) -> list[str]:
        found = [t(lang, "outside_match", name=name, teryt=code, voivodeship=v) for code, name, v in self.matches]
        return [*found, t(lang, "list_counties")]


class CountyAmbiguous(AmbiguousError):
    """Several counties fit as well; `candidates` are (TERYT, name, kind)."""

    def __init__(self, query: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        super().__init__("county_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)

    def details(self, lang: str) -> list[str]:
        listed = [f"  {code}  {name} ({t(lang, 'kind_' + kind)})" for code, name, kind in self.candidates]
        return [*listed, t(lang, "try_county", code=self.candidates[0][0])]


# --- centres ----------------------------------------------------------------


class CentreNotFound(_Unmatched):
    message_id, listing = "centre_not_found", "list_centres"


class CentreAmbiguous(AmbiguousError):
    """Several centre ids start with what was given; `candidates` are those ids."""

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        super().__init__("centre_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)

    def details(self, lang: str) -> list[str]:
        return [f"  {centre_id}" for centre_id in self.candidates]


# --- places and points --------------------------------------------------------
# A place is a dict with name, teryt, kind, county and voivodeship (domain.places._where).


class PlaceNotFound(_Unmatched):
    message_id, listing = "place_not_found", "list_places"


class PlaceCodeUnknown(PlaceNotFound):
    """A 7-digit TERYT code that is no gmina's or town's code."""

    message_id = "place_code_unknown"


class PlaceNotInGmina(PlaceNotFound):
    """A name given with its gmina ("Nowa Wieś, gmina Bytom Odrzański") that no locality of that gmina has."""

    message_id = "place_not_in_gmina"

    def __init__(self, query: str, gmina: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(query, suggestions)
        self.params["gmina"] = gmina


class PostalCode(NotFoundError):
    """Text that looks like a postal code: no open, complete register of them exists."""

    def __init__(self, query: str) -> None:
        super().__init__("place_postal_code", query=query)


class PlaceOutsideCoverage(NotFoundError):
    """`more` counts the places of that name beyond the listed `matches`."""

    def __init__(
        self,
        query: str,
        coverage: Sequence[str],
        matches: Sequence[dict[str, str]],
        suggestions: Sequence[str] = (),
        more: int = 0,
    ) -> None:
        super().__init__(
            "place_outside_coverage",
            query=query,
            coverage=tuple(coverage),
            matches=list(matches),
            suggestions=list(suggestions),
            more=more,
        )
        self.matches = list(matches)
        self.suggestions = list(suggestions)
        self.more = more

    def details(self, lang: str) -> list[str]:
        listed = [_place_match(match, lang) for match in self.matches]
        if self.more:
            listed.append(t(lang, "places_more", count=self.more))
        return [*listed, *_did_you_mean(self.suggestions, lang)]


class PlaceAmbiguous(AmbiguousError):
    """Places of this name lie in several counties of the region."""

    def __init__(self, query: str, candidates: Sequence[dict[str, str]]) -> None:
        super().__init__("place_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)
        self.places: list[Any] = []  # the places themselves (domain.places.Place), in the same order

    def details(self, lang: str) -> list[str]:
        listed = [_place_match(match, lang) for match in self.candidates]
        locality = next((match for match in self.candidates if match.get("simc")), None)
        if locality is not None:  # choose by SIMC id, or by name with its gmina
            how = t(lang, "try_locality", simc=locality["simc"], name=locality["name"], gmina=locality["gmina"])
        else:
            how = t(lang, "try_place", code=self.candidates[0]["teryt"])
        return [*listed, how]


class PointNotServed(NotFoundError):
    """A point (`at`, "lat,lon") in no gmina of the region: outside Poland
    (point_outside_poland), in another voivodeship (point_outside_coverage) or on
    a boundary (point_on_border). `swapped` is the point read the other way round
    when that one lies in the region. `coverage` names the dataset's voivodeships;
    `region` the one whose gminas the point is near."""

    def __init__(
        self, message_id: str, at: str, coverage: Sequence[str], swapped: str | None = None, **params: str
    ) -> None:
        hint = {"swapped": swapped} if swapped else {}
        super().__init__(message_id, at=at, coverage=tuple(coverage), **hint, **params)
        self.swapped = swapped

    def details(self, lang: str) -> list[str]:
        return [t(lang, "point_swapped", swapped=self.swapped)] if self.swapped else []


# --- datasets -----------------------------------------------------------------


MAX_LISTED_PROBLEMS = 50  # by any command but `validate`, which lists them all


class DatasetError(OwesError):
    exit_code = ExitCode.INVALID_DATASET

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__("dataset_invalid", path=path, count=len(problems))
        self.path = path
        self.problems = problems

    def details(self, lang: str) -> list[str]:
        """The first MAX_LISTED_PROBLEMS problems, and where to see the rest."""
        lines = list(itertools.islice(self.problem_lines(lang), MAX_LISTED_PROBLEMS))
        hidden = len(self.problems) - MAX_LISTED_PROBLEMS
        if hidden > 0:
            import shlex  # only a long list of problems needs it: not loaded on every start-up

            lines.append("  " + t(lang, "more_problems", count=hidden, path=shlex.quote(self.path)))
        return lines

    def problem_lines(self, lang: str) -> Iterator[str]:
        """Every problem, one line each, made as it is asked for: `validate` streams them."""
        for problem in self.problems:
            where = _localised_place(problem.where, lang)
            place = f"{shown(self.path)}: {shown(where)}" if where else shown(self.path)
            yield f"  {place}: {problem_text(problem, lang)}"


def _localised_place(where: str, lang: str) -> str:
    # "line 5" is also the machine-readable place in `validate --format json`.
    if lang == "pl" and where.startswith("line "):
        return "wiersz " + where.removeprefix("line ")
    return where


class MapNothingToDraw(NotFoundError):
    """A dataset none of whose counties has shipped boundaries (only Lubuskie's are shipped)."""

    def __init__(self, total: int) -> None:
        super().__init__("map_nothing_to_draw", total=total)


class ReadingsDisagree(AmbiguousError):
    """A bare word read as a county, a place or a point leads to different counties;
    `readings` are (option, county name) pairs."""

    def __init__(self, query: str, readings: Sequence[tuple[str, str]]) -> None:
        super().__init__("readings_disagree", query=query, readings=list(readings))
        self.query = query
        self.readings = list(readings)

    def details(self, lang: str) -> list[str]:
        return [
            t(lang, "reading_line", option=option, query=self.query, county=county) for option, county in self.readings
        ]


class NoReading(NotFoundError):
    """A bare word that is no county, place or point."""

    def __init__(self, query: str) -> None:
        super().__init__("no_reading", query=query)


class CountyIsAPlace(NotFoundError):
    """A town's or gmina's name given as --county: the place, its county and the option it needs."""

    def __init__(self, query: str, place: str, county: str, kind: str) -> None:
        super().__init__("county_is_a_place", query=query, place=place, county=county, kind=kind)

    def headline(self, lang: str) -> str:
        return t(lang, self.message_id, kind_label=t(lang, "kind_" + self.params["kind"]), **self.params)

    def details(self, lang: str) -> list[str]:
        return [t(lang, "county_is_a_place_try", **self.params)]
