"""Loading and validating a dataset file.

`load()` returns a `Dataset` or raises `DatasetError` with every problem
found, each with its place (a line for syntax errors, a key path otherwise).
Nothing in a dataset is evaluated: TOML is parsed as data, and strings stay
strings.

The work is done in four steps. Two run on every load, and are here: reading
the file (within its size limit, parsed as hardened TOML) and building the
model. Two run only when a file is checked, and are modules of their own,
loaded then: `schema` (each table's keys and kinds) and `crossref` (ids,
references, dates and counties across records). A lookup whose dataset
comes from the cache reads the file and builds the model, and loads neither
checker: so reading and building are not modules of their own, each of which
would cost every lookup its finding and reading (issue 24).
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from owes_cli.domain import data_file, model
from owes_cli.domain.dates import PartialDate, PartialDateError
from owes_cli.domain.model import (
    Address,
    Audience,
    Centre,
    County,
    CountyKind,
    Coverage,
    Dataset,
    Document,
    Event,
    Fact,
    Operator,
    Organisation,
    Period,
    Service,
    Source,
    Text,
)
from owes_cli.errors import DatasetError, Problem

if TYPE_CHECKING:
    from owes_cli.domain.dataset.schema import MAX_PROBLEMS, MAX_SUGGESTIONS, SCHEMA, SCHEMA_VERSION, Key, opt, req

# The schema's names load with the checker, on first use: a lookup whose
# dataset comes from the cache checks nothing, and never imports it.
_SCHEMA_NAMES = {"MAX_PROBLEMS", "MAX_SUGGESTIONS", "SCHEMA", "SCHEMA_VERSION", "Key", "opt", "req"}


def __getattr__(name: str) -> Any:
    if name in _SCHEMA_NAMES:
        from owes_cli.domain.dataset import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DATASET_ENV",
    "MAX_BYTES",
    "MAX_KEY_PARTS",
    "MAX_PROBLEMS",
    "MAX_SUGGESTIONS",
    "SCHEMA",
    "SCHEMA_VERSION",
    "Key",
    "bundled_path",
    "check",
    "load",
    "load_cached",
    "opt",
    "parse_raw",
    "read_bytes",
    "req",
    "resolve_path",
]


# --------------------------------------------------------------------------
# Reading the file
# --------------------------------------------------------------------------

# A guard against a wrong file, and the bound that keeps the commands reading the whole dataset
# within 2 s (issue 20): the bundled file is 41 KB, one of all Poland with three 3-year periods
# (benchmarks/synthetic_datasets.py) 130 KB. At 1 MiB, reading and checking alone took
# 1.6 s (tomllib 0.87 s of it) before a command began; at 256 KiB every command that answers
# from the whole dataset ends within 1.1 s (README, "Linear work", which also says why the
# PDF, Word and spreadsheet exports are not bounded by the file's size).
MAX_BYTES = 256 * 1024
# tomllib takes quadratic time over a dotted key's parts (40,000 parts: 22 s),
# so a key or table header of more parts is refused before parsing. The
# schema needs three.
MAX_KEY_PARTS = 16
DATASET_ENV = "OWES_DATA"


def bundled_path() -> Path:
    """The dataset shipped with the tool."""
    return data_file("centres.toml")


def resolve_path(option: str | None) -> Path:
    chosen = option or os.environ.get(DATASET_ENV) or ""
    return Path(chosen) if chosen.strip() else bundled_path()


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
    import tomllib

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
# Building the model
# --------------------------------------------------------------------------


def region_codes(teryt: str | list[str]) -> tuple[str, ...]:
    """`region.teryt` as a tuple of codes: one code as written before lists were allowed, or a list."""
    return (teryt,) if isinstance(teryt, str) else tuple(teryt)


def _text(raw: dict[str, str] | None) -> Text | None:
    return Text(raw["pl"], raw["en"]) if raw else None


def _date(raw: str | None) -> PartialDate | None:
    return PartialDate.parse(raw) if raw else None


def _facts(raw: list[dict[str, Any]] | None) -> tuple[Fact, ...]:
    return tuple(
        Fact(Text(f["text"]["pl"], f["text"]["en"]), tuple(f["sources"]), _quotes(f), f.get("reach")) for f in raw or []
    )


def _quotes(raw: dict[str, Any]) -> tuple[str, ...]:
    return tuple(raw.get("quotes", ()))


def build(raw: dict[str, Any], path: str) -> Dataset:
    """The model of a dataset that passed its check (or was kept, checked, in the cache)."""

    def by_id(items: list[Any], key: str = "id") -> dict[str, Any]:
        return {item if isinstance(item, str) else getattr(item, key): item for item in items}

    sources = [
        Source(s["id"], s["title"], s.get("publisher"), s.get("url"), _date(s.get("date")), tuple(s.get("quotes", ())))
        for s in raw["sources"]
    ]
    organisations = [
        Organisation(o["id"], o["name"], o.get("website"), tuple(o["sources"])) for o in raw["organisations"]
    ]
    # Built with positional arguments, in the model's field order: with keywords, each of
    # thousands of records would bind its arguments by name in Python (owes_cli.record).
    periods = [
        Period(
            p["id"],
            Text(p["name"]["pl"], p["name"]["en"]),
            PartialDate.parse(p["from"]),
            _date(p.get("to")),
            p["programme"],
            p.get("measure"),
            p.get("lead"),
            p.get("website"),
            _text(p.get("aim")),
            _facts(p.get("facts")),
            tuple(p["sources"]),
            _text(p.get("derived")),
        )
        for p in raw["periods"]
    ]
    centres = [
        Centre(
            c["id"],
            c["period"],
            c["name"],
            c.get("subregion"),
            c.get("seat"),
            _date(c.get("from")),
            _date(c.get("to")),
            tuple(
                Operator(o["organisation"], o["role"], o.get("unit"), tuple(o["sources"]), _quotes(o))
                for o in c.get("operators", ())
            ),
            Coverage(tuple(c["coverage"]["counties"]), tuple(c["coverage"]["sources"]), _quotes(c["coverage"]))
            if "coverage" in c
            else None,
            tuple(
                Address(
                    a["street"],
                    a["city"],
                    _text(a.get("label")),
                    _date(a.get("as_of")),
                    tuple(a["sources"]),
                    _quotes(a),
                )
                for a in c.get("addresses", ())
            ),
            tuple(c.get("contact", {}).get("phones", ())),
            tuple(c.get("contact", {}).get("emails", ())),
            tuple(c.get("contact", {}).get("sources", ())),
            c.get("website"),
            tuple(c.get("services", ())),
            tuple(c.get("audiences", ())),
            _facts(c.get("facts")),
            tuple(c["sources"]),
        )
        for c in raw["centres"]
    ]
    services = [
        Service(s["id"], s["group"], Text(s["name"]["pl"], s["name"]["en"]), tuple(s["sources"]), _quotes(s))
        for s in raw["services"]
    ]
    audiences = [
        Audience(
            a["id"],
            a["group"],
            Text(a["name"]["pl"], a["name"]["en"]),
            a.get("part_of"),
            tuple(a["sources"]),
            _quotes(a),
        )
        for a in raw["audiences"]
    ]
    documents = [
        Document(
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
        Event(
            e["id"],
            Text(e["description"]["pl"], e["description"]["en"]),
            _date(e.get("date")),
            _date(e.get("reported")),
            e.get("centre"),
            e.get("period"),
            tuple(e["sources"]),
            _quotes(e),
        )
        for e in raw.get("events", [])
    ]
    counties = [County(c["teryt"], c["name"], CountyKind(c["kind"]), tuple(c["sources"])) for c in raw["counties"]]
    return Dataset(
        title=raw["dataset"]["title"],
        regions=region_codes(raw["dataset"]["region"]["teryt"]),
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


# --------------------------------------------------------------------------
# Loading: read, check (or take from the cache), build
# --------------------------------------------------------------------------


def check(raw: dict[str, Any], register: Any = None) -> list[Problem]:
    """Every problem in a parsed dataset: schema first, then references."""
    from owes_cli.domain.dataset.crossref import cross_check
    from owes_cli.domain.dataset.schema import MAX_PROBLEMS, SCHEMA, Checker, Enough

    checker = Checker()
    try:
        cleaned = checker.table(raw, SCHEMA, "", partial=True)
        if cleaned is not None and "dataset" in cleaned:
            cross_check(cleaned, raw, register, checker.problems)
    except Enough:
        checker.problems.append(Problem("too_many_problems", "", {"limit": MAX_PROBLEMS}))
    return list(checker.problems)


def load(path: Path, register: Any = None, *, cache: bool = True) -> model.Dataset:
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
                    return build(cached, str(path))
                except (KeyError, TypeError, ValueError, AttributeError, IndexError, PartialDateError):
                    pass  # not the shape of a checked dataset: check the file itself
    raw = parse_raw(path, data)
    problems = check(raw, register)
    if problems:
        raise DatasetError(str(path), problems)
    dataset = build(raw, str(path))
    if key is not None:
        dataset_cache.write(key, raw)
    return dataset


_cache: dict[tuple[str, int, int], model.Dataset] = {}


def load_cached(path: Path, register: Any = None) -> model.Dataset:
    """Load once per process for a given file state."""
    try:
        info = path.stat()
        key = (str(path.resolve()), info.st_mtime_ns, info.st_size)
    except (OSError, ValueError):  # read_bytes says what is wrong with the path
        return load(path, register)
    if key not in _cache:
        _cache[key] = load(path, register)
    return _cache[key]
