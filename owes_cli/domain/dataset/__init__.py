"""Loading and validating a dataset file.

`load()` returns a `Dataset` or raises `DatasetError` with every problem
found, each with its place (a line for syntax errors, a key path otherwise).
Nothing in a dataset is evaluated: TOML is parsed as data, and strings stay
strings.

The work is done in four steps, one module each: `read` (the file, within
its size limit, parsed as hardened TOML), `schema` (each table's keys and
kinds), `crossref` (ids, references, dates and counties across records) and
`build` (the model). This module joins them, and keeps their public names
where they have always been imported from.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from owes_cli.domain import model
from owes_cli.domain.dataset.build import build
from owes_cli.domain.dataset.read import (
    DATASET_ENV,
    MAX_BYTES,
    MAX_KEY_PARTS,
    bundled_path,
    parse_raw,
    read_bytes,
    resolve_path,
)
from owes_cli.domain.dates import PartialDateError
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
