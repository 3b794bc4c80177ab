"""The national TERYT register, as compacted by scripts/build_data.py.

It lets the tool name any county of Poland, so a county outside the
dataset's coverage gets "that is in wielkopolskie" rather than "not found".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from owes_cli.domain import data_file, read_json
from owes_cli.domain.model import CountyKind
from owes_cli.record import Record


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
