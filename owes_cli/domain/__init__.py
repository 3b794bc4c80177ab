"""The domain: the dataset, its lookups, places and dates; nothing here knows Typer or Rich.

This module itself finds the files shipped with the tool (`data_file`) and
reads them (`installed_bytes`, `read_json`), saying InstallationDamaged when
one is missing or damaged; and it holds the national TERYT register read from
one of them (`Register`, `load_register`), as compacted by scripts/build_data.py.
The register lets the tool name any county of Poland, so a county outside the
dataset's coverage gets "that is in wielkopolskie" rather than "not found".
Both are here rather than in modules of their own: every lookup reads the
register, and each module costs a lookup its finding and reading (some 0.15 ms).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from owes_cli.domain.model import CountyKind
from owes_cli.errors import InstallationDamaged
from owes_cli.record import Record

# Not resolved here: resolving every link in the path cost each run 0.12 ms of its start-up (issue 24).
PACKAGE = Path(os.path.abspath(__file__)).parent.parent


def data_file(name: str) -> Path:
    """A bundled data file. In a wheel it is in `owes_cli/data/`; in a source
    checkout (also an editable install) in the top-level `data/` beside the
    package, which is where the repository keeps it. A package folder reached
    through a symbolic link has its data beside the folder it links to."""
    for folder in _data_folders():
        if (folder / name).is_file():
            return folder / name
    return PACKAGE / "data" / name


def _data_folders() -> Iterator[Path]:
    yield PACKAGE / "data"
    yield PACKAGE.parent / "data"
    linked_to = PACKAGE.resolve()  # only where the data is not beside the package as found
    yield linked_to / "data"
    yield linked_to.parent / "data"


def installed_bytes(path: Path, name: str | None = None) -> bytes:
    """The bytes of a file the package ships; InstallationDamaged, naming it as `name` (by default
    its file name), when it is missing or unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InstallationDamaged(name or path.name, "missing") from None
    except OSError:
        raise InstallationDamaged(name or path.name, "unreadable") from None


def read_json(name: str) -> Any:
    """A bundled JSON file, parsed; InstallationDamaged when it is missing, unreadable or cut short."""
    text = installed_bytes(data_file(name), name)
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # not JSON (cut short, emptied) or not UTF-8
        raise InstallationDamaged(name, "malformed") from None


# --------------------------------------------------------------------------
# The national TERYT register (see the module's docstring)
# --------------------------------------------------------------------------


class RegisterCounty(Record):
    teryt: str
    name: str
    kind: CountyKind


class Register(Record):
    title: str
    publisher: str
    as_of: str
    voivodeships: dict[str, str]
    counties: dict[str, RegisterCounty]

    def county(self, teryt: str) -> RegisterCounty | None:
        return self.counties.get(teryt)

    def voivodeship(self, code: str) -> str:
        return self.voivodeships.get(code[:2], code[:2])

    def coverage(self, regions: tuple[str, ...], name: str) -> tuple[str, ...]:
        """The names of a dataset's voivodeships: its own `name` for one, the register's for several."""
        return (name,) if len(regions) == 1 else tuple(self.voivodeship(code) for code in regions)


def register_path() -> Path:
    return data_file("teryt.json")


@lru_cache(maxsize=1)
def load_register() -> Register:
    raw = read_json("teryt.json")
    kinds = {kind.value: kind for kind in CountyKind}  # a dict, not CountyKind(value) 380 times: 1 ms a run
    return Register(
        title=raw["register"],
        publisher=raw["publisher"],
        as_of=raw["as_of"],
        voivodeships=raw["voivodeships"],
        counties={code: RegisterCounty(code, name, kinds[kind]) for code, (name, kind) in raw["counties"].items()},
    )


class CountyIndex(Record):
    """The register's county names as `names` matches them, worked out by scripts/build_data.py."""

    by_stem: dict[str, list[str]]  # a stem of a word of a county's name -> the counties' codes
    by_city_base: dict[str, list[str]]  # "zielonogor" -> the city counties whose adjective it is


@lru_cache(maxsize=1)
def load_county_index() -> CountyIndex:
    raw = read_json("county_index.json")
    return CountyIndex(raw["stems"], raw["city_bases"])
