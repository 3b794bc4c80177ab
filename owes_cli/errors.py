"""Exit codes and the errors that map to them.

Every failure a user can cause is an `OwesError` carrying a message id and
its parameters; the CLI renders it in the user's language on stderr and
exits with the error's code. Nothing else decides an exit code.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any, NamedTuple


class ExitCode(IntEnum):
    OK = 0
    USAGE = 2  # Click/Typer's own code for bad options
    NOT_FOUND = 3  # no county, centre or place matches
    AMBIGUOUS = 4  # several fit; we list them instead of picking one
    INVALID_DATASET = 5  # the dataset cannot be read or fails validation
    CANNOT_WRITE = 6  # an output file cannot be written
    HANGUP = 129  # 128 + SIGHUP: the terminal was closed
    INTERRUPTED = 130  # 128 + SIGINT, Ctrl-C
    TERMINATED = 143  # 128 + SIGTERM: `kill`, a service manager, a timeout


class Problem(NamedTuple):
    """One thing wrong with a dataset, with where it is."""

    code: str  # message id, see i18n.PROBLEMS
    where: str  # key path such as "centres[1].coverage.counties[2]", or "line 4"
    params: dict[str, Any] = {}  # never mutated


class OwesError(Exception):
    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id)
        self.message_id = message_id
        self.params = params


class NotFoundError(OwesError):
    exit_code = ExitCode.NOT_FOUND


class AmbiguousError(OwesError):
    exit_code = ExitCode.AMBIGUOUS


class UsageError(OwesError):
    exit_code = ExitCode.USAGE


class CannotWriteError(OwesError):
    exit_code = ExitCode.CANNOT_WRITE


class DatasetError(OwesError):
    exit_code = ExitCode.INVALID_DATASET

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__("dataset_invalid", path=path, count=len(problems))
        self.path = path
        self.problems = problems
