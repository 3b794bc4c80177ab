"""The coverage map as data: a GeoJSON FeatureCollection (RFC 7946) for GIS users.

One feature per county with the day's answer as `owes counties --format json`
gives it (the same rows), its outline from the shipped boundaries, and one
point per centre seat that the dataset's places know (where the map draws
it). Coordinates are WGS84 longitude, latitude, as the shipped layers hold
them: on a grid of 0.0001° (about 10 m), so four decimals lose nothing, and
already simplified by scripts/build_data.py (Douglas-Peucker; simplifying again
at 10 m drops 0.2 % of the points, so it is not done).
Exterior rings run counter-clockwise and holes clockwise (the right-hand
rule of RFC 7946 §3.1.6); there is no `crs` member.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from owes_cli import answers
from owes_cli.answers.tables import CountyRow
from owes_cli.domain import geo
from owes_cli.domain.model import Centre, Dataset
from owes_cli.domain.places import Gazetteer
from owes_cli.layout.coverage_map import seat_gminas

if TYPE_CHECKING:
    from owes_cli.domain.periods import CountyAnswer

DECIMALS = 4  # the layers' grid (geo.UNIT): about 11 m north-south, 7 m east-west

Json = dict[str, Any]


def coverage_collection(
    dataset: Dataset,
    rows: Sequence[CountyRow],
    county_answers: Mapping[str, CountyAnswer],
    gazetteer: Gazetteer,
    day: str,
) -> Json:
    """The FeatureCollection for a day: `rows` are the counties' answers (Directory.counties),
    `county_answers` the same answers (periods.answer) for the candidates' ids and the sources."""
    boundaries = geo.load_layer("powiaty")
    numbers = {source_id: number for number, source_id in enumerate(dataset.sources, start=1)}
    cited_by = _Sources(dataset)
    features = [
        _county_feature(row, county_answers[row.teryt], cited_by, boundaries.areas.get(row.teryt), numbers, day)
        for row in rows
    ]
    cited = sorted({source for feature in features for source in _cited(feature)}, key=numbers.__getitem__)
    in_play = _centres_in_play(dataset, county_answers.values())
    features += _seat_features(in_play, gazetteer, dataset, day)
    return {
        "type": "FeatureCollection",
        # Foreign members (RFC 7946 §6.1): what the properties' source numbers stand for,
        # and where the outlines come from.
        "day": day,
        "boundaries": {"origin": boundaries.origin, "as_of": boundaries.as_of},
        "sources": [_source(dataset, source_id, numbers[source_id]) for source_id in cited],
        "features": features,
    }


def _county_feature(
    row: CountyRow,
    answer: CountyAnswer,
    cited_by: _Sources,
    area: geo.Area | None,
    numbers: Mapping[str, int],
    day: str,
) -> Json:
    properties: Json = {
        "layer": "county",
        "teryt": row.teryt,
        "name": row.name,
        "kind": str(row.kind),
        "status": str(row.period_status),
        "coverage": str(row.coverage),
        "period": {"id": row.period, "name": row.period_name},
        "centre": _named(row.centre, row.centre_name),
        "candidates": [{"id": c.id, "name": c.name} for c in answer.centres],
        "last_confirmed": _named(row.last_confirmed, row.last_confirmed_name),
        "sources": [{"number": numbers[s], "id": s} for s in cited_by.answer(answer)],
        "day": day,
    }
    if row.voivodeship is not None:
        properties["voivodeship"] = row.voivodeship
    # A county without shipped boundaries still has its answer: an unlocated feature (RFC 7946 §3.2).
    geometry = _geometry(area.polygons) if area is not None else None
    return {"type": "Feature", "id": row.teryt, "geometry": geometry, "properties": properties}


class _Sources:
    """The sources of an answer as `which-centre` cites them (answers.county_answer): those of each
    centre it names, then of the centre last confirmed; each centre's worked out once for the file."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.of_centre: dict[str, list[str]] = {}

    def answer(self, answer: CountyAnswer) -> list[str]:
        named = [answer.centre] if answer.centre else list(answer.centres)
        if answer.last_confirmed:
            named.append(answer.last_confirmed.centre)
        return list(dict.fromkeys(source for centre in named for source in self.centre(centre)))

    def centre(self, centre: Centre) -> list[str]:
        if centre.id not in self.of_centre:
            self.of_centre[centre.id] = answers.centre_source_ids(self.dataset, centre)
        return self.of_centre[centre.id]


def _named(centre_id: str | None, name: str | None) -> Json | None:
    return None if centre_id is None else {"id": centre_id, "name": name}


def _cited(feature: Json) -> Iterable[str]:
    return (source["id"] for source in feature["properties"]["sources"])


def _source(dataset: Dataset, source_id: str, number: int) -> Json:
    found = answers.source(dataset, source_id)
    return {
        "number": number,
        "id": found.id,
        "title": found.title,
        "publisher": found.publisher,
        "url": found.url,
        "date": found.date,
    }


def _centres_in_play(dataset: Dataset, county_answers: Iterable[CountyAnswer]) -> list[Centre]:
    """The centres the day's answers name, confirmed or as candidates, as the map draws their seats."""
    ids: dict[str, None] = {}
    for answer in county_answers:
        for centre in (answer.centre,) if answer.centre else answer.centres:
            ids[centre.id] = None
    return [dataset.centres[centre_id] for centre_id in ids]


def _seat_features(centres: list[Centre], gazetteer: Gazetteer, dataset: Dataset, day: str) -> list[Json]:
    gminas = seat_gminas(centres, gazetteer, dataset)
    points = geo.label_points("gminy", set(gminas.values())) if gminas else {}
    features = []
    for centre in centres:
        gmina = gminas.get(centre.id)
        if gmina is None or gmina not in points:
            continue
        lon, lat = points[gmina]
        features.append(
            {
                "type": "Feature",
                "id": f"seat:{centre.id}",
                "geometry": {"type": "Point", "coordinates": [round(lon, DECIMALS), round(lat, DECIMALS)]},
                "properties": {
                    "layer": "seat",
                    "centre": {"id": centre.id, "name": centre.name},
                    "seat": centre.seat,
                    "teryt": gazetteer.places[gmina].county,
                    "day": day,
                },
            }
        )
    return sorted(features, key=lambda feature: str(feature["id"]))


# --------------------------------------------------------------------------
# Geometry: the right-hand rule and rounding
# --------------------------------------------------------------------------


def _geometry(polygons: list[geo.Polygon]) -> Json:
    shaped = [[_ring(ring, exterior=i == 0) for i, ring in enumerate(polygon)] for polygon in polygons]
    if len(shaped) == 1:
        return {"type": "Polygon", "coordinates": shaped[0]}
    return {"type": "MultiPolygon", "coordinates": shaped}


def _ring(ring: geo.Ring, *, exterior: bool) -> list[list[float]]:
    """A closed ring, rounded, counter-clockwise when exterior and clockwise when a hole."""
    points = [(round(x, DECIMALS), round(y, DECIMALS)) for x, y in ring]
    if points[0] != points[-1]:
        points.append(points[0])
    kept = [point for i, point in enumerate(points) if i == 0 or point != points[i - 1]]
    if (signed_area(kept) > 0) != exterior:
        kept.reverse()
    return [[x, y] for x, y in kept]


def signed_area(ring: Sequence[tuple[float, float]]) -> float:
    """Twice the shoelace area: positive when the ring runs counter-clockwise (x east, y north)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))
