"""The schema of a dataset, and the checker that holds parsed TOML to it.

The schema says each table's keys, their kind, and whether they are
required. `Checker` records every problem, each with its key path, and
keeps a cleaned copy of what passed for the checks across records
(owes_cli.domain.dataset.crossref).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, NamedTuple

from owes_cli.domain.dates import PartialDate, PartialDateError
from owes_cli.errors import Problem
from owes_cli.messages import forbidden_character

# A broken file can hold hundreds of thousands of problems; past this many
# the check stops, and says so, rather than spend memory listing them all.
MAX_PROBLEMS = 1000
# "Did you mean" compares a name with every id; after this many suggestions
# it stops trying, so that thousands of unknown references stay fast.
MAX_SUGGESTIONS = 50
SCHEMA_VERSION = 1


# --------------------------------------------------------------------------
# The schema: each table's keys, their kind, and whether they are required.
# --------------------------------------------------------------------------


class Key(NamedTuple):
    kind: str  # str, id, url, date, text, ids, strs, table, tables, choice, teryt
    required: bool = False
    table: dict[str, Key] | None = None
    choices: tuple[str, ...] = ()


def req(kind: str, **kw: Any) -> Key:
    return Key(kind, True, **kw)


def opt(kind: str, **kw: Any) -> Key:
    return Key(kind, False, **kw)


SOURCES = req("ids")
# The passages of its sources a statement rests on; each stands in one of
# their stored quotes (dataset/evidence.py). None: our summary of them.
QUOTES = opt("strs")
FACT = {
    "text": req("text"),
    # "region": the fact says the centre's project is open to the whole region (not county coverage).
    "reach": opt("choice", choices=("region",)),
    "sources": SOURCES,
    "quotes": QUOTES,
}
SCHEMA: dict[str, Key] = {
    "schema": req("int"),
    "dataset": req(
        "table",
        table={
            "title": req("str"),
            "title_en": opt("str"),
            "region": req("table", table={"teryt": req("region"), "name": req("str")}),
        },
    ),
    "sources": req(
        "tables",
        table={
            "id": req("id"),
            "title": req("str"),
            "publisher": opt("str"),
            "url": opt("url"),
            "date": opt("date"),
            "quotes": opt("strs"),
        },
    ),
    "organisations": req(
        "tables",
        table={
            "id": req("id"),
            "name": req("str"),
            "website": opt("url"),
            "sources": SOURCES,
        },
    ),
    "periods": req(
        "tables",
        table={
            "id": req("id"),
            "name": req("text"),
            "programme": req("str"),
            "measure": opt("str"),
            "from": req("date"),
            "to": opt("date"),
            "lead": opt("str"),
            "website": opt("url"),
            "aim": opt("text"),
            # How its dates were derived, where no source states them (shown beside them).
            "derived": opt("text"),
            "facts": opt("tables", table=FACT),
            "sources": SOURCES,
        },
    ),
    "centres": req(
        "tables",
        table={
            "id": req("id"),
            "period": req("str"),
            "name": req("str"),
            "subregion": opt("str"),
            "seat": opt("str"),
            "from": opt("date"),
            "to": opt("date"),
            "website": opt("url"),
            "operators": opt(
                "tables",
                table={
                    "organisation": req("str"),
                    "role": req("choice", choices=("lead", "partner", "consortium member")),
                    "unit": opt("str"),
                    "sources": SOURCES,
                    "quotes": QUOTES,
                },
            ),
            "coverage": opt("table", table={"counties": req("strs"), "sources": SOURCES, "quotes": QUOTES}),
            "addresses": opt(
                "tables",
                table={
                    "street": req("str"),
                    "city": req("str"),
                    "label": opt("text"),
                    "as_of": opt("date"),
                    "sources": SOURCES,
                    "quotes": QUOTES,
                },
            ),
            "contact": opt("table", table={"phones": opt("strs"), "emails": opt("strs"), "sources": SOURCES}),
            "services": opt("ids"),
            "audiences": opt("ids"),
            "facts": opt("tables", table=FACT),
            "sources": SOURCES,
        },
    ),
    "services": req(
        "tables",
        table={
            "id": req("id"),
            "group": req("str"),
            "name": req("text"),
            "sources": SOURCES,
            "quotes": QUOTES,
        },
    ),
    "audiences": req(
        "tables",
        table={
            "id": req("id"),
            "group": req("choice", choices=("primary", "wider")),
            "name": req("text"),
            "part_of": opt("str"),
            "sources": SOURCES,
            "quotes": QUOTES,
        },
    ),
    "documents": opt(
        "tables",
        table={
            "id": req("id"),
            "title": req("str"),
            "centre": opt("str"),
            "title_as_printed": opt("str"),
            "note": opt("text"),
            "url": opt("url"),
            "sources": SOURCES,
        },
    ),
    "events": opt(
        "tables",
        table={
            "id": req("id"),
            "description": req("text"),
            "date": opt("date"),
            "reported": opt("date"),
            "centre": opt("str"),
            "period": opt("str"),
            "sources": SOURCES,
            "quotes": QUOTES,
        },
    ),
    "counties": req(
        "tables",
        table={
            "teryt": req("teryt"),
            "name": req("str"),
            "kind": req("choice", choices=("land", "city")),
            "sources": SOURCES,
        },
    ),
}

_PY_TYPE_NAMES = {str: "string", int: "integer", float: "number", bool: "boolean", list: "array", dict: "table"}


def _type_name(value: Any) -> str:
    return next((n for t, n in _PY_TYPE_NAMES.items() if type(value) is t), type(value).__name__)


_BAD = object()  # a value that failed its check and is left out of the cleaned copy


class Enough(Exception):
    """MAX_PROBLEMS were found: the check stops there."""


class Problems(list[Problem]):
    """The problems found, which end the check when there are MAX_PROBLEMS of them."""

    def __init__(self) -> None:
        super().__init__()
        self.suggestions = 0

    def add(self, code: str, where: str, /, **params: Any) -> None:
        self.append(Problem(code, where, params))
        if len(self) >= MAX_PROBLEMS:
            raise Enough

    def suggest(self, word: str, choices: Any) -> str:
        """The closest of `choices` to `word`, while there is time to look."""
        if self.suggestions >= MAX_SUGGESTIONS:
            return ""
        self.suggestions += 1
        import difflib

        found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
        return found[0] if found else ""


class Checker:
    """Checks raw TOML against the schema, recording every problem.

    It returns a cleaned copy holding only what passed, so the checks across
    records can still run on the rest: one bad field does not hide the
    problems of the others.
    """

    def __init__(self) -> None:
        self.problems = Problems()

    def add(self, code: str, where: str, /, **params: Any) -> None:
        self.problems.add(code, where, **params)

    def table(self, raw: Any, schema: dict[str, Key], where: str, *, partial: bool = False) -> dict[str, Any] | None:
        """The cleaned table, or None when a required key is missing or bad (unless `partial`)."""
        if not isinstance(raw, dict):
            self.add("wrong_type", where, expected="table", got=_type_name(raw))
            return None
        for key in raw:
            if key not in schema:
                self.add("unknown_key", join(where, key), key=key, suggestion=self.problems.suggest(key, list(schema)))
        cleaned: dict[str, Any] = {}
        complete = True
        for key, spec in schema.items():
            path = join(where, key)
            if key not in raw:
                if spec.required:
                    self.add("missing_key", path, key=key)
                    complete = False
                continue
            value = self.value(raw[key], spec, path)
            if value is _BAD:
                complete = complete and not spec.required
            else:
                cleaned[key] = value
        return cleaned if complete or partial else None

    def value(self, value: Any, spec: Key, where: str) -> Any:
        """The cleaned value, or _BAD."""
        if spec.kind in ("table", "text"):
            schema = spec.table if spec.kind == "table" else {"pl": req("str"), "en": req("str")}
            assert schema is not None
            cleaned = self.table(value, schema, where)
            return _BAD if cleaned is None else cleaned
        if spec.kind == "tables":
            if not self._expect(value, list, "array of tables", where):
                return _BAD
            assert spec.table is not None
            items = [self.table(item, spec.table, f"{where}[{i}]") for i, item in enumerate(value)]
            return [item for item in items if item is not None]
        if spec.kind in ("strs", "ids"):
            if not self._expect(value, list, "array of strings", where):
                return _BAD
            if spec.kind == "ids" and spec.required and not value:
                self.add("no_sources" if where.endswith("sources") else "empty_list", where)
                return _BAD
            return [item for i, item in enumerate(value) if self._str(item, spec, f"{where}[{i}]")]
        check: Callable[[Any, Key, str], bool] = getattr(self, "_" + spec.kind)
        return value if check(value, spec, where) else _BAD

    def _expect(self, value: Any, kind: type, expected: str, where: str) -> bool:
        if type(value) is not kind:
            self.add("wrong_type", where, expected=expected, got=_type_name(value))
            return False
        return True

    def _int(self, value: Any, spec: Key, where: str) -> bool:
        if not self._expect(value, int, "integer", where):
            return False
        if value != SCHEMA_VERSION:
            self.add("schema_version", where, got=value, expected=SCHEMA_VERSION)
            return False
        return True

    def _str(self, value: Any, spec: Key, where: str) -> bool:
        if not self._expect(value, str, "string", where):
            return False
        if not value.strip():
            self.add("empty_string", where)
            return False
        unsafe = _UNSAFE.search(value)  # one regular expression: a Python loop per character was slow
        if unsafe is None:
            return True
        bad = forbidden_character(value)
        if bad is not None:
            self.add("control_character", where, code=f"U+{ord(bad):04X}", at=value.index(bad) + 1)
        else:
            # U+2028/U+2029 end a line like a control character does, but
            # unseen: Pillow's text layout fails on them, and an editor shows nothing.
            self.add("separator_character", where, code=f"U+{ord(unsafe[0]):04X}", at=unsafe.start() + 1)
        return False

    def _id(self, value: Any, spec: Key, where: str) -> bool:
        """A record's id: a word of a safe alphabet. Ids are typed and offered by shell
        completion; one that holds a quote or `$(...)` could run as a command there."""
        if not self._str(value, spec, where):
            return False
        if not _ID.fullmatch(value):
            self.add("bad_id", where, got=value)
            return False
        return True

    def _choice(self, value: Any, spec: Key, where: str) -> bool:
        if not self._str(value, spec, where):
            return False
        if value not in spec.choices:
            self.add("bad_choice", where, got=value, choices=", ".join(spec.choices))
            return False
        return True

    def _url(self, value: Any, spec: Key, where: str) -> bool:
        if not self._str(value, spec, where):
            return False
        scheme, sep, rest = value.partition("://")
        if (
            not sep
            or scheme.lower() not in ("http", "https")
            or not rest
            or any(ch.isspace() or ord(ch) < 32 for ch in value)
        ):
            self.add("bad_url", where, got=value)
            return False
        return True

    def _date(self, value: Any, spec: Key, where: str) -> bool:
        if not self._expect(value, str, "string (YYYY, YYYY-MM or YYYY-MM-DD)", where):
            return False
        try:
            PartialDate.parse(value)
        except PartialDateError:
            self.add("bad_date", where, got=value)
            return False
        return True

    def _teryt(self, value: Any, spec: Key, where: str) -> bool:
        if not self._str(value, spec, where):
            return False
        if not (value.isascii() and value.isdigit() and len(value) in (2, 4)):
            self.add("bad_teryt", where, got=value)
            return False
        return True

    def _region(self, value: Any, spec: Key, where: str) -> bool:
        """One voivodeship's code, or a list of them (a dataset for several, or all of Poland)."""
        if type(value) is list:
            if not value:
                self.add("region_empty", where)
                return False
            return all([self._one_region(code, spec, f"{where}[{i}]") for i, code in enumerate(value)])
        return self._one_region(value, spec, where)

    def _one_region(self, value: Any, spec: Key, where: str) -> bool:
        if not self._teryt(value, spec, where):
            return False
        if len(value) != 2:  # "0811" is a county; a region is a voivodeship
            self.add("region_not_voivodeship", where, got=value)
            return False
        return True


# An id: lowercase ASCII letters, digits, "-", "_" and ".", first a letter or digit (not an option's "-").
# No shell gives any of these a meaning, so completion offers an id as it is.
_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")

# What messages.forbidden_character refuses (the C0 and C1 controls but tab
# and newline, and the bidi controls), and the line and paragraph separators
# U+2028 and U+2029, which are invisible line breaks.
_UNSAFE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]")


def join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
