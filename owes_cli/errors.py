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
from typing import TYPE_CHECKING, Any

from owes_cli.messages import shown
from owes_cli.record import QuickIntEnum, Record

if TYPE_CHECKING:  # the errors of a lookup that finds nothing, or several: owes_cli.lookup_errors
    from owes_cli.lookup_errors import CentreAmbiguous as CentreAmbiguous
    from owes_cli.lookup_errors import CentreNotFound as CentreNotFound
    from owes_cli.lookup_errors import CountyAmbiguous as CountyAmbiguous
    from owes_cli.lookup_errors import CountyCodeUnknown as CountyCodeUnknown
    from owes_cli.lookup_errors import CountyIsAPlace as CountyIsAPlace
    from owes_cli.lookup_errors import CountyNotFound as CountyNotFound
    from owes_cli.lookup_errors import CountyOutsideCoverage as CountyOutsideCoverage
    from owes_cli.lookup_errors import MapNothingToDraw as MapNothingToDraw
    from owes_cli.lookup_errors import NoReading as NoReading
    from owes_cli.lookup_errors import PlaceAmbiguous as PlaceAmbiguous
    from owes_cli.lookup_errors import PlaceCodeUnknown as PlaceCodeUnknown
    from owes_cli.lookup_errors import PlaceNotFound as PlaceNotFound
    from owes_cli.lookup_errors import PlaceNotInGmina as PlaceNotInGmina
    from owes_cli.lookup_errors import PlaceOutsideCoverage as PlaceOutsideCoverage
    from owes_cli.lookup_errors import PointNotServed as PointNotServed
    from owes_cli.lookup_errors import PostalCode as PostalCode
    from owes_cli.lookup_errors import ReadingsDisagree as ReadingsDisagree

# A lookup that finds what it was asked raises none of them: defining their classes
# cost every start-up some 0.5 ms, so they load the first time one is asked for.
_ERRORS_OF_LOOKUPS = (
    "CentreAmbiguous",
    "CentreNotFound",
    "CountyAmbiguous",
    "CountyCodeUnknown",
    "CountyIsAPlace",
    "CountyNotFound",
    "CountyOutsideCoverage",
    "MapNothingToDraw",
    "NoReading",
    "PlaceAmbiguous",
    "PlaceCodeUnknown",
    "PlaceNotFound",
    "PlaceNotInGmina",
    "PlaceOutsideCoverage",
    "PointNotServed",
    "PostalCode",
    "ReadingsDisagree",
)


def __getattr__(name: str) -> Any:
    if name in _ERRORS_OF_LOOKUPS:
        from owes_cli import lookup_errors

        return getattr(lookup_errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The message catalogue (owes_cli.messages) loads when an error is said, not
# with the domain that raises it: these stand in for its functions here.
def t(lang: str, message_id: str, **params: Any) -> str:
    from owes_cli import messages

    return messages.t(lang, message_id, **params)


def kind_label(place: Mapping[str, Any], lang: str) -> str:
    from owes_cli import messages

    return messages.kind_label(place, lang)


def problem_text(problem: Problem, lang: str) -> str:
    from owes_cli import messages

    return messages.problem_text(problem, lang)


def reason_text(reason: str, lang: str) -> str | None:
    from owes_cli import messages

    return messages.reason_text(reason, lang)


def what_text(what: str, lang: str) -> str | None:
    from owes_cli import messages

    return messages.what_text(what, lang)


def coverage_text(names: Sequence[str], lang: str) -> str:
    from owes_cli import messages

    return messages.coverage_text(names, lang)


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

    code: str  # message id, see messages.documents.PROBLEMS
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
