"""Boundaries and coordinates: which gmina, or which voivodeship, a point lies in.

Pure Python on the compact layers `scripts/build_data.py` derives from the
national register of boundaries (PRG). A layer is loaded only by the
commands that need it (`which-centre --at`, `map`), never at start-up.

Coordinates are WGS84 degrees. A polygon is a list of rings (the outer
boundary, then its holes); a point is inside when it crosses an odd number
of rings, so a hole (the town of Żary inside the rural gmina of Żary) is
outside its surrounding polygon without any special case.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import Any

from owes_cli.domain import data_file, installed_bytes, read_json
from owes_cli.errors import InstallationDamaged, UsageError
from owes_cli.record import Record

Point = tuple[float, float]  # (lon, lat): x before y, as GeoJSON has it
Ring = list[Point]
Polygon = list[Ring]

LAYERS = ("gminy", "powiaty", "wojewodztwa")


class Area(Record):
    code: str  # TERYT: 7 digits for a gmina, 4 for a county, 2 for a voivodeship
    name: str
    polygons: list[Polygon]
    label: Point  # a point well inside, for labels and markers
    bbox: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    def contains(self, point: Point) -> bool:
        x, y = point
        if not (self.bbox[0] <= x <= self.bbox[2] and self.bbox[1] <= y <= self.bbox[3]):
            return False
        return any(polygon_contains(polygon, point) for polygon in self.polygons)


class Layer(Record):
    origin: str  # the official origin of the boundaries
    as_of: str
    areas: dict[str, Area]

    def find(self, point: Point) -> Area | None:
        return next((area for area in self.areas.values() if area.contains(point)), None)


def ring_contains(ring: Ring, point: Point) -> bool:
    """Even-odd rule: does a ray from the point to the east cross the ring an odd number of times?"""
    x, y = point
    inside = False
    x1, y1 = ring[-1]
    for x2, y2 in ring:
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
        x1, y1 = x2, y2
    return inside


def polygon_contains(polygon: Polygon, point: Point) -> bool:
    return sum(ring_contains(ring, point) for ring in polygon) % 2 == 1


EARTH_RADIUS_M = 6_371_000


def distance_to_edge(layer: Layer, point: Point, within_m: float = 5000) -> float | None:
    """Metres from a point to the nearest boundary of the layer's areas, if within `within_m`.

    Flat-earth arithmetic around the point: exact enough over a few
    kilometres, and the layers themselves are accurate to about 10 m.
    """
    x0, y0 = point
    metres_per_degree = math.pi * EARTH_RADIUS_M / 180
    kx = metres_per_degree * math.cos(math.radians(y0))
    ky = metres_per_degree
    margin_x, margin_y = within_m / kx, within_m / ky
    best = within_m
    found = False
    for area in layer.areas.values():
        min_x, min_y, max_x, max_y = area.bbox
        if not (min_x - margin_x <= x0 <= max_x + margin_x and min_y - margin_y <= y0 <= max_y + margin_y):
            continue
        for polygon in area.polygons:
            for ring in polygon:
                ax, ay = (ring[-1][0] - x0) * kx, (ring[-1][1] - y0) * ky
                for px, py in ring:
                    bx, by = (px - x0) * kx, (py - y0) * ky
                    distance = _to_segment(ax, ay, bx, by)
                    if distance <= best:
                        best, found = distance, True
                    ax, ay = bx, by
    return best if found else None


def _to_segment(ax: float, ay: float, bx: float, by: float) -> float:
    """Distance from the origin to the segment from a to b."""
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length2))
    return math.hypot(ax + t * dx, ay + t * dy)


# --------------------------------------------------------------------------
# The shipped layers: integers in units of UNIT degrees, each ring
# delta-encoded as [x0, y0, dx1, dy1, ...] to keep the files small.
# --------------------------------------------------------------------------

UNIT = 1e-4  # degrees: about 11 m north-south and 7 m east-west in Poland


def encode_ring(ring: Ring) -> list[int]:
    flat: list[int] = []
    last_x = last_y = 0
    for lon, lat in ring:
        x, y = round(lon / UNIT), round(lat / UNIT)
        flat += [x - last_x, y - last_y]
        last_x, last_y = x, y
    return flat


def decode_ring(flat: list[int]) -> Ring:
    # The running sums of the steps, in C (integers: exact), then each scaled once.
    return [(x * UNIT, y * UNIT) for x, y in zip(accumulate(flat[0::2]), accumulate(flat[1::2]), strict=True)]


def _bbox(polygons: list[Polygon]) -> tuple[float, float, float, float]:
    xs = [x for polygon in polygons for x, _ in polygon[0]]
    ys = [y for polygon in polygons for _, y in polygon[0]]
    return min(xs), min(ys), max(xs), max(ys)


def layer_path(name: str) -> Path:
    return data_file(f"{name}.json")


@lru_cache(maxsize=len(LAYERS))
def raw_layer(name: str) -> Any:
    """A layer as shipped (encoded outlines): the web page carries the gminas' as they are."""
    return read_json(f"{name}.json")


@lru_cache(maxsize=len(LAYERS))
def load_layer(name: str) -> Layer:
    raw = raw_layer(name)
    areas = {}
    for code, (area_name, label, encoded) in raw["areas"].items():
        areas[code] = _area(code, area_name, label, encoded)
    return Layer(raw["origin"], raw["as_of"], areas)


def _area(code: str, name: str, label: list[int], encoded: list[list[list[int]]]) -> Area:
    polygons = [[decode_ring(ring) for ring in polygon] for polygon in encoded]
    return Area(code, name, polygons, (label[0] * UNIT, label[1] * UNIT), _bbox(polygons))


def locate(name: str, point: Point) -> Area | None:
    """`load_layer(name).find(point)`, decoding only the areas whose box holds the point: a point
    lookup would otherwise decode every outline of two layers first (about 10 ms of a lookup's 110)."""
    x, y = point
    for code, (min_x, min_y, max_x, max_y) in _boxes(name).items():
        if min_x * UNIT <= x <= max_x * UNIT and min_y * UNIT <= y <= max_y * UNIT:
            area = _area(code, *_raw_area(name, code))
            if area.contains(point):
                return area
    return None


@lru_cache(maxsize=len(LAYERS))
def _layer_bytes(name: str) -> bytes:
    return installed_bytes(layer_path(name))


def _raw_area(name: str, code: str) -> list[Any]:
    """One area of a layer as shipped, parsed from its own line (the build writes one area a
    line): a point's lookup parses the few areas whose box holds it, not the whole layer."""
    data = _layer_bytes(name)
    start = data.find(b'\n"' + code.encode() + b'": [') + 1
    end = data.find(b"\n", start)
    try:
        if start == 0 or end == -1:
            raise ValueError(code)
        area = json.loads(b"{" + data[start:end].rstrip(b",") + b"}")[code]
    except (ValueError, RecursionError):  # not there, not JSON or not UTF-8: not the file the build wrote
        raise InstallationDamaged(f"{name}.json", "malformed") from None
    if not (isinstance(area, list) and len(area) == 3 and isinstance(area[1], list) and isinstance(area[2], list)):
        raise InstallationDamaged(f"{name}.json", "malformed")
    return area


def box(encoded: list[list[list[int]]]) -> list[int]:
    """An area's bounding box in the layer's integer units (min x, min y, max x, max y), from the
    outer rings of its encoded polygons: what data/boxes.json holds, built by scripts/build_data.py."""
    outlines = [(list(accumulate(ring[0::2])), list(accumulate(ring[1::2]))) for ring, *_ in encoded]
    return [
        min(min(xs) for xs, _ in outlines),
        min(min(ys) for _, ys in outlines),
        max(max(xs) for xs, _ in outlines),
        max(max(ys) for _, ys in outlines),
    ]


@lru_cache(maxsize=len(LAYERS))
def _boxes(name: str) -> dict[str, tuple[int, int, int, int]]:
    """Each area's bounding box, from data/boxes.json: summing the outlines of a layer to find them
    took longer than parsing it, and a point outside the region needs neither."""
    try:
        return {code: (x0, y0, x1, y1) for code, (x0, y0, x1, y1) in read_json("boxes.json")[name].items()}
    except (KeyError, TypeError, ValueError, AttributeError):  # not the file the build wrote
        raise InstallationDamaged("boxes.json", "malformed") from None


def label_points(name: str, codes: set[str]) -> dict[str, Point]:
    """The inner points of some areas of a layer, without decoding its boundaries (the map's seats)."""
    raw = raw_layer(name)["areas"]
    return {code: (raw[code][1][0] * UNIT, raw[code][1][1] * UNIT) for code in codes if code in raw}


# --------------------------------------------------------------------------
# Reading "LAT,LON" as people copy it from a phone or a map
# --------------------------------------------------------------------------

_DOT_NUMBER = r"[-+]?\d{1,3}(?:\.\d+)?"
_ANY_NUMBER = r"[-+]?\d{1,3}(?:[.,]\d+)?"  # a Polish decimal comma too
# With a comma between the two numbers, a comma cannot also be the decimal mark.
_WITH_COMMA_SEPARATOR = re.compile(rf"\s*({_DOT_NUMBER})\s*,\s*({_DOT_NUMBER})\s*")
_WITH_OTHER_SEPARATOR = re.compile(rf"\s*({_ANY_NUMBER})\s*(?:;\s*|\s+)({_ANY_NUMBER})\s*")
COORDINATE_FORMS = (_WITH_COMMA_SEPARATOR, _WITH_OTHER_SEPARATOR)  # tried in this order, each whole


def parse_coordinates(text: str) -> tuple[float, float]:
    """ "51.6417,15.1381" (latitude first) -> (51.6417, 15.1381).

    Also "51.6417, 15.1381", "51.6417 15.1381" and, with a Polish decimal
    comma, "51,6417; 15,1381" or "51,6417 15,1381". Anything else, and any
    value out of range, is a usage error that says the expected form.
    """
    match = _WITH_COMMA_SEPARATOR.fullmatch(text) or _WITH_OTHER_SEPARATOR.fullmatch(text)
    if not match:
        raise UsageError("bad_coordinates", value=text)
    lat, lon = (float(group.replace(",", ".")) for group in match.groups())
    if not (math.isfinite(lat) and -90 <= lat <= 90):
        raise UsageError("latitude_out_of_range", value=text, lat=match[1])
    if not (math.isfinite(lon) and -180 <= lon <= 180):
        raise UsageError("longitude_out_of_range", value=text, lon=match[2])
    return lat, lon
