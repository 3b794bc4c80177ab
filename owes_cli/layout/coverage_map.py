"""Who serves where, as a picture: the region's counties coloured by their centre.

This module decides what the map shows, in a neutral form any drawing
backend can use: projected county outlines (holes included) with their
fill, labels, the centres' seats and the legend, in abstract units with
y growing downwards. `map_render` writes it as SVG or PNG; a PDF exporter
can draw the same shapes as vectors. No drawing library is imported here.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

from owes_cli.domain import geo, periods
from owes_cli.domain.model import Centre, CountyKind, Dataset
from owes_cli.domain.places import Gazetteer, PlaceKind
from owes_cli.domain.register import Register
from owes_cli.messages import t

XY = tuple[float, float]

# Colours told apart by people with the common colour-vision deficiencies
# (Okabe & Ito), in an order where neighbours in the legend differ most.
PALETTE = ("#E69F00", "#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
UNKNOWN_FILL = "#E3E3E3"  # drawn with HATCH lines over it: "not in our sources"
HATCH = "#8A8A8A"
NONE_FILL = "#FAFAFA"
OUTLINE = "#FFFFFF"
INK = "#222222"
OUTLINE_WIDTH = 1.5  # units, between counties
EMPHASIS_WIDTH = 3.5  # units, in INK around the county a document is about

MAP_WIDTH = 560.0  # units; the legend sits to the right of the map
LEGEND_X = MAP_WIDTH + 70.0
CANVAS_WIDTH = LEGEND_X + 380.0
TOP = 90.0  # room for the title
MARGIN = 30.0


class Style(NamedTuple):
    fill: str
    hatched: bool = False


class Shape(NamedTuple):
    code: str
    name: str
    rings: list[list[XY]]  # every ring of every polygon: fill with the even-odd rule
    style: Style
    label: XY
    labelled: bool = True  # False where a seat's name already labels the area
    emphasised: bool = False  # the county asked about: a thick outline in INK


class Seat(NamedTuple):
    centre_id: str
    name: str  # the town
    at: XY
    style: Style


class LegendEntry(NamedTuple):
    style: Style
    text: str
    marker: bool = False  # a seat marker rather than a filled box
    emphasised: bool = False  # the box has the emphasised county's thick outline


class CoverageMap(NamedTuple):
    width: float
    height: float
    title: str
    subtitle: str
    shapes: list[Shape]
    seats: list[Seat]
    legend: list[LegendEntry]
    credits: str


class _Projection:
    """Equirectangular, shrunk east-west by the cosine of the mid latitude: fine at a region's scale."""

    def __init__(self, bbox: tuple[float, float, float, float], width: float) -> None:
        self.west, south, _, self.north = bbox
        self.squeeze = math.cos(math.radians((south + self.north) / 2))
        self.scale = width / ((bbox[2] - self.west) * self.squeeze)
        self.height = (self.north - south) * self.scale

    def __call__(self, point: geo.Point) -> XY:
        lon, lat = point
        return (MARGIN + (lon - self.west) * self.squeeze * self.scale, TOP + (self.north - lat) * self.scale)


def coverage_map(
    dataset: Dataset,
    register: Register,
    gazetteer: Gazetteer,
    day: date,
    lang: str,
    *,
    emphasise: str | None = None,
) -> CoverageMap:
    """The map for a day; `emphasise` (a county's TERYT code) outlines that county and names it in the legend."""
    counties = geo.load_layer("powiaty")
    gminas = geo.load_layer("gminy")
    bbox = (
        min(a.bbox[0] for a in counties.areas.values()),
        min(a.bbox[1] for a in counties.areas.values()),
        max(a.bbox[2] for a in counties.areas.values()),
        max(a.bbox[3] for a in counties.areas.values()),
    )
    project = _Projection(bbox, MAP_WIDTH)

    answers = {code: periods.answer(dataset, county, day) for code, county in sorted(dataset.counties.items())}
    in_play: list[Centre] = []
    for ans in answers.values():
        for centre in (ans.centre,) if ans.centre else ans.centres:
            if centre not in in_play:
                in_play.append(centre)
    styles = {c.id: Style(PALETTE[i % len(PALETTE)]) for i, c in enumerate(in_play)}

    shapes = []
    for code, ans in answers.items():
        area = counties.areas.get(code)
        if area is None:
            continue
        if ans.centre:
            style = styles[ans.centre.id]
        elif ans.coverage == "unknown":
            style = Style(UNKNOWN_FILL, hatched=True)
        else:
            style = Style(NONE_FILL)
        rings = [_thin([project(p) for p in ring]) for polygon in area.polygons for ring in polygon]
        shapes.append(Shape(code, ans.county.name, rings, style, project(area.label), emphasised=code == emphasise))

    seats = []
    seat_points = {}
    for centre in in_play:
        seat_area = _seat_area(centre, gazetteer, gminas, dataset)
        if seat_area is not None:
            seat_points[centre.id] = seat_area.label
            seats.append(Seat(centre.id, centre.seat or "", project(seat_area.label), styles[centre.id]))

    confirmed = {ans.centre.id for ans in answers.values() if ans.centre}
    legend = [LegendEntry(styles[c.id], c.name) for c in in_play if c.id in confirmed]
    legend += [
        LegendEntry(styles[c.id], f"{c.name} — {t(lang, 'map_seat')}", marker=True)
        for c in in_play
        if c.id not in confirmed and any(s.centre_id == c.id for s in seats)
    ]
    if any(ans.coverage == "unknown" for ans in answers.values()):
        legend.append(LegendEntry(Style(UNKNOWN_FILL, hatched=True), t(lang, "map_unknown")))
    if any(ans.coverage == "none" for ans in answers.values()):
        legend.append(LegendEntry(Style(NONE_FILL), t(lang, "map_none")))
    if seats:
        legend.append(LegendEntry(Style("#FFFFFF"), t(lang, "map_seat"), marker=True))
    legend += [
        LegendEntry(shape.style, t(lang, "map_emphasised", county=shape.name), emphasised=True)
        for shape in shapes
        if shape.emphasised
    ]

    # A seat's name labels the city it is in; a second label there would only collide with it.
    seated = {
        code
        for code, area in counties.areas.items()
        for seat in seats
        if code in answers
        and answers[code].county.kind is CountyKind.CITY
        and any(geo.polygon_contains(polygon, seat_points[seat.centre_id]) for polygon in area.polygons)
    }
    shapes = [shape._replace(labelled=shape.code not in seated) for shape in shapes]

    first = next(iter(answers.values()))
    status = _status(dataset, first, lang)
    return CoverageMap(
        width=CANVAS_WIDTH,
        height=TOP + project.height + 2 * MARGIN + 20,
        title=t(lang, "map_title"),
        subtitle=" · ".join(
            [t(lang, "map_on", on=day.isoformat()), first.period.name.get(lang)]
            + ([status] if first.period_status != "current" else [])
        ),
        shapes=shapes,
        seats=seats,
        legend=legend,
        credits=t(
            lang,
            "map_credits",
            boundaries=counties.origin,
            boundaries_as_of=counties.as_of,
            teryt_as_of=register.as_of,
        ),
    )


# Points closer than this (in map units, about 0.2 mm printed) to the last kept
# one add nothing a reader can see, but cost every renderer time and bytes.
THIN = 2.0


def _thin(ring: list[XY]) -> list[XY]:
    """A ring without the points that lie within THIN of the point kept before them."""
    kept = ring[:1]
    for x, y in ring[1:-1]:
        last_x, last_y = kept[-1]
        if (x - last_x) ** 2 + (y - last_y) ** 2 >= THIN * THIN:
            kept.append((x, y))
    return kept + ring[-1:] if len(ring) > 1 else kept


def _status(dataset: Dataset, ans: periods.CountyAnswer, lang: str) -> str:
    if ans.period_status == "current":
        return t(lang, "status_current", on=ans.on.isoformat())
    if ans.period_status == "upcoming":
        return t(lang, "status_upcoming", start=str(ans.period.start))
    end = periods.period_span(dataset, ans.period)[1]
    return t(lang, "status_historical", end=end.isoformat()) if end else t(lang, "status_historical_open")


def _seat_area(centre: Centre, gazetteer: Gazetteer, gminas: geo.Layer, dataset: Dataset) -> geo.Area | None:
    """The gmina of the town a source names as the centre's seat; the marker goes at its inner point."""
    if not centre.seat:
        return None
    towns = [
        p
        for p in gazetteer.places.values()
        if p.name == centre.seat and p.kind in (PlaceKind.URBAN, PlaceKind.TOWN) and p.county in dataset.counties
    ]
    return gminas.areas.get(towns[0].gmina) if len(towns) == 1 else None
