"""Loading and validating a dataset file.

`load()` returns a `Dataset` or raises `DatasetError` with every problem
found, each with its place (a line for syntax errors, a key path otherwise).
Nothing in a dataset is evaluated: TOML is parsed as data, and strings stay
strings.
"""

from __future__ import annotations

import heapq
import os
import re
import stat
import sys
from collections import defaultdict
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from owes_cli.domain import model as m
from owes_cli.domain.dates import PartialDate, PartialDateError
from owes_cli.domain.resources import data_file
from owes_cli.errors import DatasetError, Problem
from owes_cli.record import Record
from owes_cli.safe_text import forbidden_character

# A guard against a wrong file, not a cap on datasets: the bundled file is 31 KB, and
# one of all Poland with ten yearly periods (benchmarks/synthetic_datasets.py) about 340 KB.
# 1 MiB keeps every command, `validate` too, under a second on a dataset that just
# fits (benchmarks/hostile_datasets.py: at 2 MiB `validate` took 1.0–1.2 s here).
MAX_BYTES = 1024 * 1024
# tomllib takes quadratic time over a dotted key's parts (40,000 parts: 22 s),
# so a key or table header of more parts is refused before parsing. The
# schema needs three.
MAX_KEY_PARTS = 16
# A broken file can hold hundreds of thousands of problems; past this many
# the check stops, and says so, rather than spend memory listing them all.
MAX_PROBLEMS = 1000
# "Did you mean" compares a name with every id; after this many suggestions
# it stops trying, so that thousands of unknown references stay fast.
MAX_SUGGESTIONS = 50
SCHEMA_VERSION = 1
DATASET_ENV = "OWES_DATA"


def bundled_path() -> Path:
    """The dataset shipped with the tool."""
    return data_file("centres.toml")


def resolve_path(option: str | None) -> Path:
    chosen = option or os.environ.get(DATASET_ENV) or ""
    return Path(chosen) if chosen.strip() else bundled_path()


# --------------------------------------------------------------------------
# The schema: each table's keys, their kind, and whether they are required.
# --------------------------------------------------------------------------


class Key(Record):
    kind: str  # str, url, date, text, ids, strs, table, tables, choice, teryt
    required: bool = False
    table: dict[str, Key] | None = None
    choices: tuple[str, ...] = ()


def req(kind: str, **kw: Any) -> Key:
    return Key(kind, True, **kw)


def opt(kind: str, **kw: Any) -> Key:
    return Key(kind, False, **kw)


SOURCES = req("ids")
FACT = {"text": req("text"), "sources": SOURCES}
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
            "id": req("str"),
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
            "id": req("str"),
            "name": req("str"),
            "website": opt("url"),
            "sources": SOURCES,
        },
    ),
    "periods": req(
        "tables",
        table={
            "id": req("str"),
            "name": req("text"),
            "programme": req("str"),
            "measure": opt("str"),
            "from": req("date"),
            "to": opt("date"),
            "lead": opt("str"),
            "website": opt("url"),
            "aim": opt("text"),
            "facts": opt("tables", table=FACT),
            "sources": SOURCES,
        },
    ),
    "centres": req(
        "tables",
        table={
            "id": req("str"),
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
                },
            ),
            "coverage": opt("table", table={"counties": req("strs"), "sources": SOURCES}),
            "addresses": opt(
                "tables",
                table={
                    "street": req("str"),
                    "city": req("str"),
                    "label": opt("text"),
                    "as_of": opt("date"),
                    "sources": SOURCES,
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
            "id": req("str"),
            "group": req("str"),
            "name": req("text"),
            "sources": SOURCES,
        },
    ),
    "audiences": req(
        "tables",
        table={
            "id": req("str"),
            "group": req("choice", choices=("primary", "wider")),
            "name": req("text"),
            "part_of": opt("str"),
            "sources": SOURCES,
        },
    ),
    "documents": opt(
        "tables",
        table={
            "id": req("str"),
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
            "id": req("str"),
            "description": req("text"),
            "date": opt("date"),
            "reported": opt("date"),
            "centre": opt("str"),
            "period": opt("str"),
            "sources": SOURCES,
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


class _Enough(Exception):
    """MAX_PROBLEMS were found: the check stops there."""


class _Problems(list[Problem]):
    """The problems found, which end the check when there are MAX_PROBLEMS of them."""

    def __init__(self) -> None:
        super().__init__()
        self.suggestions = 0

    def add(self, code: str, where: str, /, **params: Any) -> None:
        self.append(Problem(code, where, params))
        if len(self) >= MAX_PROBLEMS:
            raise _Enough

    def suggest(self, word: str, choices: Any) -> str:
        """The closest of `choices` to `word`, while there is time to look."""
        if self.suggestions >= MAX_SUGGESTIONS:
            return ""
        self.suggestions += 1
        import difflib

        found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
        return found[0] if found else ""


class _Checker:
    """Checks raw TOML against the schema, recording every problem.

    It returns a cleaned copy holding only what passed, so the checks across
    records can still run on the rest: one bad field does not hide the
    problems of the others.
    """

    def __init__(self) -> None:
        self.problems = _Problems()

    def add(self, code: str, where: str, /, **params: Any) -> None:
        self.problems.add(code, where, **params)

    def table(self, raw: Any, schema: dict[str, Key], where: str, *, partial: bool = False) -> dict[str, Any] | None:
        """The cleaned table, or None when a required key is missing or bad (unless `partial`)."""
        if not isinstance(raw, dict):
            self.add("wrong_type", where, expected="table", got=_type_name(raw))
            return None
        for key in raw:
            if key not in schema:
                self.add("unknown_key", _join(where, key), key=key, suggestion=self.problems.suggest(key, list(schema)))
        cleaned: dict[str, Any] = {}
        complete = True
        for key, spec in schema.items():
            path = _join(where, key)
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
        unsafe = _unsafe().search(value)  # one regular expression: a Python loop per character was slow
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


# What safe_text.forbidden_character refuses (the C0 and C1 controls but tab
# and newline, and the bidi controls), and the line and paragraph separators
# U+2028 and U+2029, which are invisible line breaks.
_UNSAFE = "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u2028\\u2029]"


@lru_cache(maxsize=1)
def _unsafe() -> re.Pattern[str]:
    """Compiled when a file is first checked: a lookup from the cache checks nothing (0.5 ms)."""
    return re.compile(_UNSAFE)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# --------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------


def read_raw(path: Path) -> dict[str, Any]:
    """Parse the file as TOML, or raise DatasetError saying why it cannot be read."""
    return parse_raw(path, read_bytes(path))


def _failure(path: Path) -> Callable[..., DatasetError]:
    def fail(code: str, place: str = "", **params: Any) -> DatasetError:
        return DatasetError(str(path), [Problem(code, place, params)])

    return fail


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or DatasetError saying why it cannot be read."""
    return _read_bytes(path, _failure(path))


def parse_raw(path: Path, data: bytes) -> dict[str, Any]:
    """The file's bytes parsed as TOML, or DatasetError saying why they cannot be."""
    fail = _failure(path)
    if data.startswith(b"\xef\xbb\xbf"):
        raise fail("bom", "line 1")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise fail("binary", f"line {_line_of(data, nul)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise fail("not_utf8", f"line {_line_of(data, exc.start)}") from None
    if not text.strip():
        raise fail("empty")
    long_key = _long_dotted_key(text)
    if long_key is not None:
        raise fail("key_too_deep", f"line {long_key}", limit=MAX_KEY_PARTS)
    # Imported here: a run that finds the dataset in the cache never parses TOML (3 ms of imports).
    if sys.version_info >= (3, 11):  # noqa: UP036 - tomli keeps 3.10 working if we lower the floor
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        line: int | None = getattr(exc, "lineno", None)  # Python 3.14 adds it
        if line is None and "(at line " in message:
            line = int(message.split("(at line ", 1)[1].split(",", 1)[0])
        detail = message.split(" (at line", 1)[0]
        raise fail("toml_syntax", f"line {line}" if line else "", detail=detail) from None
    except RecursionError:
        raise fail("too_deep", _line_of_match(text, _DEEP)) from None
    except ValueError as exc:  # an integer of more than 4300 digits, which Python will not convert
        detail = str(exc).split(";", 1)[0].split(":", 1)[0]
        raise fail("toml_syntax", _line_of_match(text, _LONG_NUMBER), detail=detail) from None


# Where tomllib gives no line, these find the likely culprit for the message.
# The patterns here are strings: `re` compiles (and keeps) them when a file is
# first parsed, not when a lookup that reads the cache starts.
_DEEP = r"[\[{](?:\s*[\[{]){63}"
_LONG_NUMBER = r"[0-9_]{4300,}"


# A run of more than MAX_KEY_PARTS dot-separated key parts, bare or quoted.
# Outside strings and comments nothing else in TOML has one.
_QUOTED = r'"(?:[^"\\\n]|\\.)*+"' + "|" + r"'[^'\n]*+'"
_KEY_PART = r"[ \t]*+(?:[A-Za-z0-9_-]++|" + _QUOTED + r")[ \t]*+"
_DOTTED_RUN = r"(?:\." + _KEY_PART + r"){" + str(MAX_KEY_PARTS) + ",}"
_MAYBE_LONG_KEY = _DOTTED_RUN
_STRING_OR_LONG_KEY = (
    r'"""[\s\S]*?"""' + "|" + r"'''[\s\S]*?'''" + "|" + _QUOTED + r"|#[^\n]*+|(?P<key>" + _DOTTED_RUN + ")"
)


def _long_dotted_key(text: str) -> int | None:
    """The line of a dotted key or table header of more than MAX_KEY_PARTS parts, if any.

    Linear: one scan finds no such run of dots at all in an ordinary file;
    only then is the text scanned again, skipping strings and comments.
    """
    if re.search(_MAYBE_LONG_KEY, text) is None:
        return None
    for match in re.finditer(_STRING_OR_LONG_KEY, text):
        if match["key"] is not None:
            return text.count("\n", 0, match.start()) + 1
    return None


def _line_of_match(text: str, pattern: str) -> str:
    match = re.search(pattern, text)
    return f"line {text.count(chr(10), 0, match.start()) + 1}" if match else ""


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _read_bytes(path: Path, fail: Callable[..., DatasetError]) -> bytes:
    """The file's bytes, reading no more than the size limit.

    Only a regular file is opened: a FIFO would block until someone writes
    to it, and a device such as /dev/zero never ends.
    """
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise fail("is_directory")
        if not stat.S_ISREG(info.st_mode):
            raise fail("not_regular")
        if info.st_size > MAX_BYTES:
            raise fail("too_large", size=info.st_size, limit=MAX_BYTES)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("no_such_file") from None
    except PermissionError:
        raise fail("unreadable") from None
    except OSError as exc:
        raise fail("os_error", detail=exc.strerror or str(exc)) from None
    except ValueError:  # a NUL character in the path
        raise fail("bad_path") from None
    if len(data) > MAX_BYTES:  # it grew after we looked
        raise fail("too_large", size=len(data), limit=MAX_BYTES)
    return data


# --------------------------------------------------------------------------
# Checks across records
# --------------------------------------------------------------------------


def _cross_check(raw: dict[str, Any], everything: dict[str, Any], register: Any, problems: _Problems) -> None:
    add = problems.add

    ids: dict[str, set[str]] = {}
    for table in ("sources", "organisations", "periods", "centres", "services", "audiences", "documents", "events"):
        seen: set[str] = set()
        for i, item in enumerate(raw.get(table, [])):
            if item["id"] in seen:
                add("duplicate_id", f"{table}[{i}].id", id=item["id"])
            seen.add(item["id"])
        # A record with a schema problem elsewhere still exists: refer to it without a second report.
        malformed = everything.get(table)
        ids[table] = seen | {
            item["id"]
            for item in (malformed if isinstance(malformed, list) else [])
            if isinstance(item, dict) and isinstance(item.get("id"), str)
        }
    counties: set[str] = set()
    listed = raw["dataset"]["region"]["teryt"]
    regions = _regions(listed)
    if register is not None:  # "99" has two digits, but no voivodeship has it
        for i, code in enumerate(regions):
            if code not in register.voivodeships:
                add("region_unknown", "dataset.region.teryt" + (f"[{i}]" if isinstance(listed, list) else ""), got=code)
    for i, county in enumerate(raw.get("counties", [])):
        where = f"counties[{i}]"
        code = county["teryt"]
        if code in counties:
            add("duplicate_id", f"{where}.teryt", id=code)
        counties.add(code)
        if len(code) != 4 or code[:2] not in regions:
            add("county_outside_region", f"{where}.teryt", code=code, region=", ".join(regions))
        elif register is not None:
            official = register.county(code)
            if official is None:
                add("county_not_in_teryt", f"{where}.teryt", code=code)
            elif official.name != county["name"]:
                add("county_name_mismatch", f"{where}.name", code=code, got=county["name"], expected=official.name)
    # A county row with a bad field elsewhere still names its county for coverage.
    all_rows = everything.get("counties")
    counties |= {
        row["teryt"]
        for row in (all_rows if isinstance(all_rows, list) else [])
        if isinstance(row, dict) and isinstance(row.get("teryt"), str)
    }
    ids["counties"] = counties

    # A table that is not an array of tables at all was reported once; what
    # refers into it cannot be checked, and is not reported a second time.
    unknowable = {table for table in ids if not isinstance(everything.get(table, []), list)}

    def ref(value: str | None, table: str, where: str) -> None:
        if table in unknowable:
            return
        if value is not None and value not in ids[table]:
            add("unknown_ref", where, id=value, table=table, suggestion=problems.suggest(value, sorted(ids[table])))

    def refs(values: list[str] | None, table: str, where: str) -> None:
        for j, value in enumerate(values or []):
            ref(value, table, f"{where}[{j}]")

    def walk_sources(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                path = _join(where, key)
                if key == "sources" and isinstance(value, list):
                    refs(value, "sources", path)
                else:
                    walk_sources(value, path)
        elif isinstance(node, list):
            for j, item in enumerate(node):
                walk_sources(item, f"{where}[{j}]")

    walk_sources({k: v for k, v in raw.items() if k != "sources"}, "")

    periods = {p["id"]: p for p in raw.get("periods", [])}
    for i, period in enumerate(raw.get("periods", [])):
        ref(period.get("lead"), "organisations", f"periods[{i}].lead")
        _check_order(period.get("from"), period.get("to"), f"periods[{i}]", add)
    for i, audience in enumerate(raw.get("audiences", [])):
        ref(audience.get("part_of"), "audiences", f"audiences[{i}].part_of")
    for i, doc in enumerate(raw.get("documents", [])):
        ref(doc.get("centre"), "centres", f"documents[{i}].centre")
    for i, event in enumerate(raw.get("events", [])):
        ref(event.get("centre"), "centres", f"events[{i}].centre")
        ref(event.get("period"), "periods", f"events[{i}].period")
        if "date" not in event and "reported" not in event:
            add("event_undated", f"events[{i}]")

    # A county confirmed for two centres whose dates overlap is a contradiction.
    confirmed: dict[str, list[_Confirmed]] = defaultdict(list)
    for i, centre in enumerate(raw.get("centres", [])):
        where = f"centres[{i}]"
        ref(centre["period"], "periods", f"{where}.period")
        for j, op in enumerate(centre.get("operators", [])):
            ref(op["organisation"], "organisations", f"{where}.operators[{j}].organisation")
        refs(centre.get("services"), "services", f"{where}.services")
        refs(centre.get("audiences"), "audiences", f"{where}.audiences")
        _check_order(centre.get("from"), centre.get("to"), where, add)
        period = periods.get(centre["period"])
        if period is None:
            continue
        start = PartialDate.parse(centre.get("from", period["from"])).first_day()
        end_text = centre.get("to", period.get("to"))
        end = PartialDate.parse(end_text).last_day() if end_text else None
        for j, code in enumerate(centre.get("coverage", {}).get("counties", [])):
            path = f"{where}.coverage.counties[{j}]"
            if code not in counties:
                add("unknown_county", path, code=code)
                continue
            confirmed[code].append(_Confirmed(start, end, i, path, centre["id"]))
    for code, spans in confirmed.items():
        for later, earlier in _overlaps(spans):
            add("county_two_centres", later.where, code=code, centre=later.centre, other=earlier.centre)


class _Confirmed(Record):
    """A centre's confirmed span for one county, as the overlap check needs it."""

    start: Any  # date
    end: Any  # date | None: open
    order: int  # the centre's place in the file
    where: str
    centre: str


def _overlaps(spans: list[_Confirmed]) -> list[tuple[_Confirmed, _Confirmed]]:
    """Each pair of spans that share a day, as (later in the file, earlier).

    Sorted by start, a span can only overlap the spans still open when it
    starts: O(n log n) plus the pairs found, where comparing every pair took
    50 s for 6,000 periods.
    """
    found: list[tuple[_Confirmed, _Confirmed]] = []
    open_spans: list[tuple[Any, int, _Confirmed]] = []  # a heap by end; an open end sorts last
    never = date.max
    for span in sorted(spans, key=lambda s: (s.start, s.order)):
        while open_spans and open_spans[0][0] < span.start:
            heapq.heappop(open_spans)
        for _, _, other in open_spans:
            found.append((span, other) if span.order > other.order else (other, span))
        if len(found) >= MAX_PROBLEMS:  # more would only be cut off
            break
        heapq.heappush(open_spans, (span.end or never, span.order, span))
    return sorted(found, key=lambda pair: (pair[0].order, pair[0].where, pair[1].order))


def _check_order(start: str | None, end: str | None, where: str, add: Callable[..., None]) -> None:
    if start is None or end is None:
        return
    try:
        first, last = PartialDate.parse(start), PartialDate.parse(end)
    except PartialDateError:
        return  # reported by the schema check
    if last.last_day() < first.first_day():
        add("end_before_start", f"{where}.to", start=start, end=end)


# --------------------------------------------------------------------------
# Building the model
# --------------------------------------------------------------------------


def _text(raw: dict[str, str] | None) -> m.Text | None:
    return m.Text(raw["pl"], raw["en"]) if raw else None


def _date(raw: str | None) -> PartialDate | None:
    return PartialDate.parse(raw) if raw else None


def _facts(raw: list[dict[str, Any]] | None) -> tuple[m.Fact, ...]:
    return tuple(m.Fact(m.Text(f["text"]["pl"], f["text"]["en"]), tuple(f["sources"])) for f in raw or [])


def _regions(teryt: str | list[str]) -> tuple[str, ...]:
    """`region.teryt` as a tuple of codes: one code as written before lists were allowed, or a list."""
    return (teryt,) if isinstance(teryt, str) else tuple(teryt)


def _build(raw: dict[str, Any], path: str) -> m.Dataset:
    def by_id(items: list[Any], key: str = "id") -> dict[str, Any]:
        return {item if isinstance(item, str) else getattr(item, key): item for item in items}

    sources = [
        m.Source(
            s["id"], s["title"], s.get("publisher"), s.get("url"), _date(s.get("date")), tuple(s.get("quotes", ()))
        )
        for s in raw["sources"]
    ]
    organisations = [
        m.Organisation(o["id"], o["name"], o.get("website"), tuple(o["sources"])) for o in raw["organisations"]
    ]
    periods = [
        m.Period(
            id=p["id"],
            name=m.Text(**p["name"]),
            start=PartialDate.parse(p["from"]),
            end=_date(p.get("to")),
            programme=p["programme"],
            measure=p.get("measure"),
            lead=p.get("lead"),
            website=p.get("website"),
            aim=_text(p.get("aim")),
            facts=_facts(p.get("facts")),
            sources=tuple(p["sources"]),
        )
        for p in raw["periods"]
    ]
    centres = [
        m.Centre(
            id=c["id"],
            period=c["period"],
            name=c["name"],
            subregion=c.get("subregion"),
            seat=c.get("seat"),
            start=_date(c.get("from")),
            end=_date(c.get("to")),
            website=c.get("website"),
            operators=tuple(
                m.Operator(o["organisation"], o["role"], o.get("unit"), tuple(o["sources"]))
                for o in c.get("operators", [])
            ),
            coverage=m.Coverage(tuple(c["coverage"]["counties"]), tuple(c["coverage"]["sources"]))
            if "coverage" in c
            else None,
            addresses=tuple(
                m.Address(a["street"], a["city"], _text(a.get("label")), _date(a.get("as_of")), tuple(a["sources"]))
                for a in c.get("addresses", [])
            ),
            phones=tuple(c.get("contact", {}).get("phones", ())),
            emails=tuple(c.get("contact", {}).get("emails", ())),
            contact_sources=tuple(c.get("contact", {}).get("sources", ())),
            services=tuple(c.get("services", ())),
            audiences=tuple(c.get("audiences", ())),
            facts=_facts(c.get("facts")),
            sources=tuple(c["sources"]),
        )
        for c in raw["centres"]
    ]
    services = [m.Service(s["id"], s["group"], m.Text(**s["name"]), tuple(s["sources"])) for s in raw["services"]]
    audiences = [
        m.Audience(a["id"], a["group"], m.Text(**a["name"]), a.get("part_of"), tuple(a["sources"]))
        for a in raw["audiences"]
    ]
    documents = [
        m.Document(
            d["id"],
            d["title"],
            d.get("centre"),
            d.get("title_as_printed"),
            _text(d.get("note")),
            d.get("url"),
            tuple(d["sources"]),
        )
        for d in raw.get("documents", [])
    ]
    events = [
        m.Event(
            e["id"],
            m.Text(**e["description"]),
            _date(e.get("date")),
            _date(e.get("reported")),
            e.get("centre"),
            e.get("period"),
            tuple(e["sources"]),
        )
        for e in raw.get("events", [])
    ]
    counties = [m.County(c["teryt"], c["name"], m.CountyKind(c["kind"]), tuple(c["sources"])) for c in raw["counties"]]
    return m.Dataset(
        title=raw["dataset"]["title"],
        regions=_regions(raw["dataset"]["region"]["teryt"]),
        region_name=raw["dataset"]["region"]["name"],
        sources=by_id(sources),
        organisations=by_id(organisations),
        periods=by_id(periods),
        centres=by_id(centres),
        services=by_id(services),
        audiences=by_id(audiences),
        documents=by_id(documents),
        events=by_id(events),
        counties={c.teryt: c for c in counties},
        path=path,
        title_en=raw["dataset"].get("title_en"),
    )


def check(raw: dict[str, Any], register: Any = None) -> list[Problem]:
    """Every problem in a parsed dataset: schema first, then references."""
    checker = _Checker()
    try:
        cleaned = checker.table(raw, SCHEMA, "", partial=True)
        if cleaned is not None and "dataset" in cleaned:
            _cross_check(cleaned, raw, register, checker.problems)
    except _Enough:
        checker.problems.append(Problem("too_many_problems", "", {"limit": MAX_PROBLEMS}))
    return list(checker.problems)


def load(path: Path, register: Any = None, *, cache: bool = True) -> m.Dataset:
    """Read and check the dataset at `path`; DatasetError lists every problem.

    With the national register (as the tool always checks), a dataset that
    passed before is taken from the user's cache when the file, the checking
    code and the register are unchanged (owes_cli.domain.dataset_cache);
    `cache=False` checks the file whatever the cache holds, and updates it.
    """
    data = read_bytes(path)
    key = None
    if register is not None:
        from owes_cli.domain import dataset_cache

        if dataset_cache.enabled():
            try:
                key = dataset_cache.Key(path, data, path.stat())
            except (OSError, ValueError):
                key = None
            cached = dataset_cache.read(key) if key is not None and cache else None
            if cached is not None:
                try:
                    return _build(cached, str(path))
                except (KeyError, TypeError, ValueError, AttributeError, IndexError, PartialDateError):
                    pass  # not the shape of a checked dataset: check the file itself
    raw = parse_raw(path, data)
    problems = check(raw, register)
    if problems:
        raise DatasetError(str(path), problems)
    dataset = _build(raw, str(path))
    if key is not None:
        dataset_cache.write(key, raw)
    return dataset


_cache: dict[tuple[str, int, int], m.Dataset] = {}


def load_cached(path: Path, register: Any = None) -> m.Dataset:
    """Load once per process for a given file state."""
    try:
        info = path.stat()
        key = (str(path.resolve()), info.st_mtime_ns, info.st_size)
    except (OSError, ValueError):  # read_bytes says what is wrong with the path
        return load(path, register)
    if key not in _cache:
        _cache[key] = load(path, register)
    return _cache[key]
