"""Partial dates: a year, a year and month, or a full day.

Sources often give only "March 2013" or "2016". We keep that precision
instead of inventing a day, and widen a partial date to the range it names
when we need to compare it with a real day.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

from owes_cli.record import Record


def _numbers(text: str) -> list[str] | None:
    r"""The year, month and day of "2014", "2014-06" or "2014-06-01", as written.

    What `^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$` matches (`isdecimal` is `\d`),
    without compiling a regular expression at start-up.
    """
    parts = text.split("-")
    if len(parts) > 3 or len(parts[0]) != 4 or any(len(part) != 2 for part in parts[1:]):
        return None
    return parts if all(part.isdecimal() for part in parts) else None


# The years a date may have: the programmes began in 2004, and a typo such as
# 0201 or 20144 is caught instead of read as a real day.
FIRST_YEAR, LAST_YEAR = 1900, 2200


# A fixed "today" (YYYY-MM-DD), as SOURCE_DATE_EPOCH fixes a document's date: a run
# that gives the same answers on any day (the tests set it, for the runs of owes they start).
TODAY_ENV = "OWES_TODAY"


def today() -> date:
    """The day an answer without --on is for: OWES_TODAY where it is a valid day, else the clock's.

    The one place the tool reads the date for an answer, so that a test can
    fix it (tests/conftest.py does, for every test) and give the same result on any day.
    """
    fixed = os.environ.get(TODAY_ENV, "")
    if fixed:
        try:
            return date.fromisoformat(fixed.strip())
        except ValueError:
            pass  # not a day: the clock's, as without it (README, "Environment")
    return date.today()


# When a document says it was made; fixed, a rebuild gives the same bytes.
EPOCH_ENV = "SOURCE_DATE_EPOCH"


def generation_time(environ: dict[str, str] | os._Environ[str] = os.environ) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set: the one place the tool reads the time a document is made."""
    epoch = environ.get(EPOCH_ENV, "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def days_in_month(year: int, month: int) -> int:
    """The number of days in a month (1-12) of a Gregorian year: calendar.monthrange's count,
    without loading the calendar module on every start-up."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class PartialDateError(ValueError):
    """Raised for text that is not YYYY, YYYY-MM or YYYY-MM-DD."""


class DateOutOfRangeError(PartialDateError):
    """A well-formed date outside FIRST_YEAR to LAST_YEAR."""


# Dates already parsed on this run, by their text: a dataset's dates are parsed by the schema
# check, the checks across records and the model, and many repeat. At most a dataset's worth.
_PARSED: dict[str, PartialDate] = {}
_MOST_PARSED = 100_000


class PartialDate(Record):
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        if isinstance(text, str) and cls is PartialDate:
            known = _PARSED.get(text)
            if known is not None:
                return known
        numbers = _numbers(text.strip()) if isinstance(text, str) else None
        if not numbers:
            raise PartialDateError(text)
        year = int(numbers[0])
        month = int(numbers[1]) if len(numbers) > 1 else None
        day = int(numbers[2]) if len(numbers) > 2 else None
        if year < FIRST_YEAR or year > LAST_YEAR:
            raise DateOutOfRangeError(text)
        if month is not None and not 1 <= month <= 12:
            raise PartialDateError(text)
        if day is not None:
            assert month is not None
            if not 1 <= day <= days_in_month(year, month):
                raise PartialDateError(text)
        parsed = cls(year, month, day)
        if cls is PartialDate and len(_PARSED) < _MOST_PARSED:
            _PARSED[text] = parsed
        return parsed

    def first_day(self) -> date:
        """The earliest real day this partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest real day this partial date can mean."""
        month = self.month or 12
        day = self.day or days_in_month(self.year, month)
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


class NoSuchDayError(PartialDateError):
    """A well-formed day that no calendar has, e.g. 2014-02-30; `day` is it written as YYYY-MM-DD."""

    def __init__(self, text: str, day: str) -> None:
        super().__init__(text)
        self.day = day


# How people write a day: ISO 2014-06-01 (the documented form), 2014-6-1, and as most
# Poles write it, 1.06.2014 or 01.06.2014 (also with "/" or "-" between, and "r." after).
# Patterns, not compiled ones: `re` compiles them when a day is first given (not at start-up).
_ISO_LOOSE = r"^(\d{4})-(\d{1,2})-(\d{1,2})$"
_DAY_FIRST = r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\s*r\.?)?$"
_MONTH = r"^(\d{4})-(\d{1,2})$"


def _day(text: str, year: int, month: int, day: int) -> date:
    if year < FIRST_YEAR or year > LAST_YEAR:
        raise DateOutOfRangeError(text)
    if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
        raise NoSuchDayError(text, f"{year:04d}-{month:02d}-{day:02d}")
    return date(year, month, day)


def parse_day(text: str) -> date:
    """Parse a day given by a user, e.g. for --on: 2014-06-01, 2014-6-1, 1.06.2014 or 01.06.2014."""
    written = text.strip() if isinstance(text, str) else ""
    for pattern, order in ((_ISO_LOOSE, (1, 2, 3)), (_DAY_FIRST, (3, 2, 1))):
        match = re.match(pattern, written)
        if match:
            year, month, day = (int(match[i]) for i in order)
            return _day(text, year, month, day)
    raise PartialDateError(text)


def parse_when(text: str) -> tuple[date, date]:
    """A day, or a whole month (2014-06) or year (2014), as its first and last days."""
    written = text.strip() if isinstance(text, str) else ""
    month = re.match(_MONTH, written)
    if month or re.fullmatch(r"\d{4}", written):
        year = int(written[:4])
        if year < FIRST_YEAR or year > LAST_YEAR:
            raise DateOutOfRangeError(text)
        if month:
            if not 1 <= int(month[2]) <= 12:
                raise NoSuchDayError(text, f"{year:04d}-{int(month[2]):02d}")
            partial = PartialDate(year, int(month[2]))
        else:
            partial = PartialDate(year)
        return partial.first_day(), partial.last_day()
    day = parse_day(text)
    return day, day
