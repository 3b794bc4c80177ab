"""Partial dates: a year, a year and month, or a full day.

Sources often give only "March 2013" or "2016". We keep that precision
instead of inventing a day, and widen a partial date to the range it names
when we need to compare it with a real day.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import NamedTuple

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# The years a date may have: the programmes began in 2004, and a typo such as
# 0201 or 20144 is caught instead of read as a real day.
FIRST_YEAR, LAST_YEAR = 1900, 2200


class PartialDateError(ValueError):
    """Raised for text that is not YYYY, YYYY-MM or YYYY-MM-DD."""


class DateOutOfRangeError(PartialDateError):
    """A well-formed date outside FIRST_YEAR to LAST_YEAR."""


class PartialDate(NamedTuple):
    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        match = _PATTERN.match(text.strip()) if isinstance(text, str) else None
        if not match:
            raise PartialDateError(text)
        year = int(match[1])
        month = int(match[2]) if match[2] else None
        day = int(match[3]) if match[3] else None
        if year < FIRST_YEAR or year > LAST_YEAR:
            raise DateOutOfRangeError(text)
        if month is not None and not 1 <= month <= 12:
            raise PartialDateError(text)
        if day is not None:
            assert month is not None
            if not 1 <= day <= calendar.monthrange(year, month)[1]:
                raise PartialDateError(text)
        return cls(year, month, day)

    def first_day(self) -> date:
        """The earliest real day this partial date can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        """The latest real day this partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


def parse_day(text: str) -> date:
    """Parse a full YYYY-MM-DD date given by a user, e.g. for --on."""
    parsed = PartialDate.parse(text)
    if parsed.day is None:
        raise PartialDateError(text)
    return parsed.first_day()
