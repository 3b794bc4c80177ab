"""The place an answer is about, beside its county: what `--place` and `--at` add to
`which-centre`'s answer, and what `owes place` and the web page's search show of a place.

Kept apart from `owes_cli.answers` so that a county's lookup, which has no place,
neither defines these classes nor reads their code; `owes_cli.answers` still names
them (it loads this module when one is asked for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from owes_cli.answers import CountyRef, county_ref
from owes_cli.record import Record

if TYPE_CHECKING:
    from owes_cli.domain import Register
    from owes_cli.domain.model import Dataset
    from owes_cli.domain.places import Gazetteer, Place, PlaceKind

__all__ = ["Locality", "PlaceInfo", "Unit", "place_info", "unit"]


class Unit(Record):
    """A gmina or town of the gazetteer."""

    teryt: str
    name: str
    kind: PlaceKind


class Locality(Record):
    """A village or town of the SIMC register, by its own id."""

    teryt: str  # its gmina's code
    name: str
    kind: PlaceKind
    simc: str | None


class PlaceInfo(Record):
    """A town, gmina or locality with the gmina it is (or lies in), its town and its county."""

    teryt: str
    name: str
    kind: PlaceKind
    simc: str | None  # the SIMC id of a locality or a town
    part_of: Locality | None  # the locality this one is part of
    gmina: Unit
    town: Unit | None
    county: CountyRef
    voivodeship: str


class Point(Record):
    """A point asked about (`--at`), as the question gives it."""

    lat: float
    lon: float


class PlaceReadings(Record):
    """Every reading of a place's name, in the order the readings are listed, and whether
    they all give the same answer on the day (the web page's search asks this)."""

    query: str
    readings: tuple[PlaceInfo, ...]
    same_answer: bool


def unit(place: Place) -> Unit:
    return Unit(place.teryt, place.name, place.kind)


def place_info(place: Place, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> PlaceInfo:
    town = gazetteer.unit(place.town) if place.town else None
    parent = gazetteer.parent(place)
    gmina = gazetteer.unit(place.gmina)
    assert gmina is not None  # every place lies in a gmina of the register
    return PlaceInfo(
        teryt=place.teryt,
        name=place.name,
        kind=place.kind,
        simc=place.simc,
        part_of=Locality(parent.teryt, parent.name, parent.kind, parent.simc) if parent else None,
        gmina=unit(gmina),
        town=unit(town) if town else None,
        county=county_ref(dataset.counties[place.county]),
        voivodeship=register.voivodeship(place.teryt),
    )
