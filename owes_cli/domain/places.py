"""Towns and gminas: which county a place a person names lies in.

The gazetteer (`data/places.json`, derived from the TERYT TERC register by
scripts/build_data.py) holds every gmina of Poland and the region's towns,
each by its 7-digit TERYT code, whose last digit is its kind and whose
first four are its county. A place resolves to a county of the dataset,
and the county's answer is the place's answer: `periods.answer` does the rest.
"""

from __future__ import annotations

import json
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from owes_cli.domain import geo, names
from owes_cli.domain.lookup import Note, clean_query
from owes_cli.domain.model import County, Dataset
from owes_cli.domain.register import Register
from owes_cli.errors import AmbiguousError, NotFoundError

MAX_MENTIONS = 3  # places of the same name outside coverage named in an answer


class PlaceKind(StrEnum):
    URBAN = "urban"  # gmina miejska: a town that is a gmina of its own
    RURAL = "rural"  # gmina wiejska
    URBAN_RURAL = "urban-rural"  # gmina miejsko-wiejska: a town and its villages
    TOWN = "town"  # the town of an urban-rural gmina


_KIND_BY_DIGIT = {"1": PlaceKind.URBAN, "2": PlaceKind.RURAL, "3": PlaceKind.URBAN_RURAL, "4": PlaceKind.TOWN}
# When one name fits several units of one county, the answer leads with the
# one a person most likely means: a town before a gmina around it.
_PREFERENCE = (PlaceKind.URBAN, PlaceKind.TOWN, PlaceKind.URBAN_RURAL, PlaceKind.RURAL)


class Place(NamedTuple):
    teryt: str  # 7 digits: voivodeship, county, gmina, kind
    name: str
    kind: PlaceKind

    @property
    def county(self) -> str:
        return self.teryt[:4]

    @property
    def gmina(self) -> str:
        """The code of the gmina the place is, or lies in."""
        return self.teryt[:6] + "3" if self.kind is PlaceKind.TOWN else self.teryt

    @property
    def town(self) -> str | None:
        """The code of the place's town; a rural gmina has none in the register."""
        if self.kind is PlaceKind.URBAN_RURAL:
            return self.teryt[:6] + "4"
        return None if self.kind is PlaceKind.RURAL else self.teryt


class Gazetteer(NamedTuple):
    title: str
    publisher: str
    as_of: str
    region: str
    places: dict[str, Place]

    def in_county(self, county: str) -> list[Place]:
        return [p for code, p in self.places.items() if code.startswith(county)]


def gazetteer_path() -> Path:
    return geo.layer_path("places")


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    raw = json.loads(gazetteer_path().read_text(encoding="utf-8"))
    return Gazetteer(
        title=raw["register"],
        publisher=raw["publisher"],
        as_of=raw["as_of"],
        region=raw["region"],
        places={code: Place(code, name, _KIND_BY_DIGIT[code[-1]]) for code, name in raw["places"].items()},
    )


class ResolvedPlace(NamedTuple):
    place: Place
    county: County
    notes: tuple[Note, ...] = ()


def resolve_place(text: str, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    """The place a person means by a town or gmina name (in any form) or a 7-digit TERYT code."""
    query = clean_query(text, what="place")
    if query.replace(" ", "").isdigit():
        return _by_code(query.replace(" ", ""), dataset, register, gazetteer)
    query_words, said_kinds = names.split_query(query)
    kinds = _kinds_meant(said_kinds)
    initials = {w[0] for w in query_words}
    scored = [
        (score, place)
        for place in gazetteer.places.values()
        if (kinds is None or place.kind in kinds) and names.initial(place.name) in initials
        if (score := names.name_match_score(query_words, place.name))
    ]
    # "Żarów" is a town of its own, not an inflection of "Żary": a name
    # written out in full beats one reached by stripping endings.
    spelled = " ".join(w.rstrip(".") for w in query_words)
    exact = [(s, p) for s, p in scored if names.fold(p.name) == spelled]
    candidates = exact or scored
    inside = [(s, p) for s, p in candidates if p.county in dataset.counties]
    outside = [(s, p) for s, p in candidates if p.county not in dataset.counties]
    regional = [p.name for p in gazetteer.places.values() if p.county in dataset.counties]
    if not inside:
        if not outside:
            raise NotFoundError("place_not_found", query=query, suggestions=names.closest(query, regional))
        best = max(s for s, _ in outside)
        raise NotFoundError(
            "place_outside_coverage",
            query=query,
            region=dataset.region_name,
            matches=[_where(p, register) for s, p in outside if s == best],
            suggestions=names.closest(query, regional),
        )
    best = max(s for s, _ in inside)
    top = sorted((p for s, p in inside if s == best), key=lambda p: (_PREFERENCE.index(p.kind), p.teryt))
    counties = sorted({p.county for p in top})
    if len(counties) > 1:
        raise AmbiguousError(
            "place_ambiguous",
            query=query,
            candidates=[_where(p, register) for p in sorted(top, key=lambda p: p.teryt)],
        )
    primary = top[0]
    shown = {primary.teryt, primary.gmina, primary.town}
    notes = []
    for p in top[1:]:
        if p.teryt not in shown:  # a town and its gmina: one note for both
            notes.append(Note("place_same_name_in_county", {"name": p.name, "teryt": p.teryt, "kind": p.kind.value}))
            shown |= {p.teryt, p.gmina, p.town}
    # Mention the places elsewhere that bear the same name, not every near miss.
    same_name = {names.fold(primary.name), spelled}
    elsewhere = [p for s, p in scored if p.county not in dataset.counties and names.fold(p.name) in same_name]
    notes += [Note("place_also_outside", _where(p, register)) for p in elsewhere[:MAX_MENTIONS]]
    if len(elsewhere) > MAX_MENTIONS:
        notes.append(Note("place_more_outside", {"count": len(elsewhere) - MAX_MENTIONS}))
    return ResolvedPlace(primary, dataset.counties[primary.county], tuple(notes))


def _kinds_meant(said: set[str]) -> set[PlaceKind] | None:
    """ "miasto Żary" means the town, "gmina wiejska Żary" the rural gmina."""
    if said >= {"city", "rural"}:
        return {PlaceKind.URBAN_RURAL}
    if "city" in said:
        return {PlaceKind.URBAN, PlaceKind.TOWN}
    if "rural" in said:
        return {PlaceKind.RURAL}
    return None


def _where(place: Place, register: Register) -> dict[str, str]:
    county = register.county(place.county)
    return {
        "name": place.name,
        "teryt": place.teryt,
        "kind": place.kind.value,
        "county": county.name if county else place.county,
        "voivodeship": register.voivodeship(place.teryt),
    }


def _by_code(code: str, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    place = gazetteer.places.get(code)
    if place is None:
        raise NotFoundError("place_code_unknown", query=code)
    if place.county not in dataset.counties:
        raise NotFoundError(
            "place_outside_coverage",
            query=code,
            region=dataset.region_name,
            matches=[_where(place, register)],
            suggestions=[],
        )
    return ResolvedPlace(place, dataset.counties[place.county])


# Metres from a gmina boundary within which a point counts as on it: the
# boundary layers are accurate to about 11 m (geo.UNIT).
BORDER_TOLERANCE_M = 30


def place_at(lat: float, lon: float, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    """The gmina a point lies in, or an error that says where the point is instead."""
    point = (lon, lat)
    gmina = geo.load_layer("gminy").find(point)
    if gmina is not None and gmina.code in gazetteer.places:
        place = gazetteer.places[gmina.code]
        if place.county not in dataset.counties:  # a dataset that covers only part of the region
            raise NotFoundError(
                "place_outside_coverage",
                query=f"{lat:g},{lon:g}",
                region=dataset.region_name,
                matches=[_where(place, register)],
                suggestions=[],
            )
        return ResolvedPlace(place, dataset.counties[place.county])
    # repr: the shortest text that reads back as the same number, so the user's own digits.
    at = f"{lat!r},{lon!r}"
    hint = {}
    if gmina is None and geo.load_layer("gminy").find((lat, lon)) is not None:
        hint = {"swapped": f"{lon!r},{lat!r}"}  # the numbers read the other way round are in the region
    voivodeship = geo.load_layer("wojewodztwa").find(point)
    if voivodeship is None:
        raise NotFoundError("point_outside_poland", at=at, region=dataset.region_name, **hint)
    if voivodeship.code == dataset.region_teryt:
        # Within the region's simplified outline but in no gmina: on a border
        # only when a gmina boundary is that close; the outline is coarser.
        gminas = geo.load_layer("gminy")
        if not any(code.startswith(dataset.region_teryt) for code in gminas.areas):
            raise NotFoundError("point_no_gminas", at=at, region=dataset.region_name)
        distance = geo.distance_to_edge(gminas, point)
        if distance is not None and distance <= BORDER_TOLERANCE_M:
            raise NotFoundError("point_on_border", at=at, region=dataset.region_name, **hint)
        raise NotFoundError(
            "point_outside_gminas", at=at, region=dataset.region_name, distance=round(distance or 5000), **hint
        )
    raise NotFoundError(
        "point_outside_coverage", at=at, region=dataset.region_name, voivodeship=voivodeship.name, **hint
    )
