"""Who serves where, as a picture: the region's counties coloured by their centre.

This module decides what the map shows, in a neutral form any drawing
backend can use: projected county outlines (holes included) with their
fill, labels, the centres' seats and the legend with its place, in
abstract units with y growing downwards. `render.map_image` writes it as
SVG or PNG; `render.pdf` draws the same shapes as vectors. No drawing
library is imported here.

`coverage_map()` puts together small steps, each testable on its own:
the colours (`centre_styles`), the areas (`_shapes`), the seats
(`_seat_points`), the legend (`_legend`) and where the legend goes
(`_legend_place`).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterable
from datetime import date

from owes_cli.domain import geo, periods
from owes_cli.domain.model import Centre, CountyKind, Dataset
from owes_cli.domain.names import fold
from owes_cli.domain.places import Gazetteer, PlaceKind
from owes_cli.domain.register import Register
from owes_cli.errors import MapNothingToDraw
from owes_cli.layout.sections import status_line
from owes_cli.messages import t
from owes_cli.record import Record
from owes_cli.safe_text import printable

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

MAP_WIDTH = 560.0  # units the region takes across
TOP = 90.0  # room for the title
MARGIN = 30.0
LABEL_SIZE = 12  # units, a county's or seat's name
SEAT_RADIUS = 7
LEGEND_SIZE, LEGEND_LINE, LEGEND_WRAP = 14, 19, 28  # units, and characters a legend line holds
SWATCH = 22
LEGEND_WIDTH = SWATCH + 10 + LEGEND_WRAP * 8.2  # a DejaVu Sans character averages about 0.55 em
LEGEND_GAP = 14  # between legend entries
CREDITS_SIZE = 11


class Style(Record):
    fill: str
    hatched: bool = False


class Shape(Record):
    code: str
    name: str
    rings: list[list[XY]]  # every ring of every polygon: fill with the even-odd rule
    style: Style
    label: XY
    labelled: bool = True  # False where a seat's name already labels the area
    emphasised: bool = False  # the county asked about: a thick outline in INK


class Seat(Record):
    centre_id: str
    name: str  # the town
    at: XY
    style: Style


class LegendEntry(Record):
    style: Style
    text: str
    marker: bool = False  # a seat marker rather than a filled box
    emphasised: bool = False  # the box has the emphasised county's thick outline
    seat: bool = False  # the box holds the centre's seat marker, as its area on the map does


class LegendRow(Record):
    entry: LegendEntry
    lines: list[str]  # the text wrapped to the legend's width
    top: float


class CoverageMap(Record):
    width: float
    height: float
    title: str
    subtitle: str
    shapes: list[Shape]
    seats: list[Seat]
    legend: list[LegendEntry]
    credits: str
    legend_at: XY = (MAP_WIDTH + 2 * MARGIN, TOP)  # the legend's top left corner
    body: tuple[float, float] = (TOP, TOP)  # the top and bottom of the map and legend, without the titles

    def legend_rows(self) -> list[LegendRow]:
        return _legend_rows(self.legend, self.legend_at[1])

    def credit_lines(self) -> list[str]:
        """The credits wrapped to the canvas' width."""
        return textwrap.wrap(self.credits, max(40, int((self.width - 2 * MARGIN) / (CREDITS_SIZE * 0.56))))


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
    project = _Projection(_bbox(counties), MAP_WIDTH)
    # Only counties with shipped boundaries (Lubuskie's) can be drawn; the credits say how many are left out.
    answers = {
        code: periods.answer(dataset, county, day)
        for code, county in sorted(dataset.counties.items())
        if code in counties.areas
    }
    left_out = len(dataset.counties) - len(answers)
    if not answers:
        raise MapNothingToDraw(len(dataset.counties))
    in_play = _centres_in_play(answers.values())
    styles = centre_styles(dataset)
    seat_points = _seat_points(in_play, gazetteer, dataset)
    seats = [Seat(c.id, c.seat or "", project(seat_points[c.id]), styles[c.id]) for c in in_play if c.id in seat_points]
    shapes = _shapes(answers, counties, project, styles, emphasise, list(seat_points.values()))
    legend = _legend(in_play, answers.values(), seats, shapes, styles, lang)
    map_bottom = TOP + project.height
    legend_at, width = _legend_place(shapes, seats, legend, map_bottom)
    legend_bottom = _legend_bottom(legend, legend_at[1])
    body_bottom = max(map_bottom, legend_bottom) + SEAT_RADIUS
    drawing = CoverageMap(
        width=width,
        height=0.0,
        title=t(lang, "map_title"),
        subtitle=_subtitle(dataset, next(iter(answers.values())), day, lang),
        shapes=shapes,
        seats=seats,
        legend=legend,
        credits=(t(lang, "map_counties_without_boundaries", shown=len(answers), total=len(dataset.counties)) + " ")
        * bool(left_out)
        + t(
            lang,
            "map_credits",
            boundaries=counties.origin,
            boundaries_as_of=counties.as_of,
            teryt_as_of=register.as_of,
        ),
        legend_at=legend_at,
        body=(TOP - SEAT_RADIUS - LABEL_SIZE - 6, body_bottom),
    )
    credits_height = len(drawing.credit_lines()) * (CREDITS_SIZE + 4)
    return drawing._replace(height=body_bottom + MARGIN + credits_height)


def region_only(m: CoverageMap) -> CoverageMap:
    """The map cropped to the region, without its legend: for a narrow column whose legend is text beside it."""
    points = [point for shape in m.shapes for ring in shape.rings for point in ring]
    left, right = min(x for x, _ in points), max(x for x, _ in points)
    lowest = max(y for _, y in points) + SEAT_RADIUS
    pad = 3 * LABEL_SIZE  # a name centred near the edge reaches past it
    shift = left - pad
    return m._replace(
        width=right - left + 2 * pad,
        legend=[],
        shapes=[
            s._replace(
                rings=[[(x - shift, y) for x, y in ring] for ring in s.rings], label=(s.label[0] - shift, s.label[1])
            )
            for s in m.shapes
        ],
        seats=[seat._replace(at=(seat.at[0] - shift, seat.at[1])) for seat in m.seats],
        body=(m.body[0], lowest),
    )


def _bbox(layer: geo.Layer) -> tuple[float, float, float, float]:
    areas = layer.areas.values()
    return (
        min(a.bbox[0] for a in areas),
        min(a.bbox[1] for a in areas),
        max(a.bbox[2] for a in areas),
        max(a.bbox[3] for a in areas),
    )


def _centres_in_play(answers: Iterable[periods.CountyAnswer]) -> list[Centre]:
    """The centres the day's answers name, confirmed or as candidates, each once."""
    in_play: list[Centre] = []
    for ans in answers:
        for centre in (ans.centre,) if ans.centre else ans.centres:
            if centre not in in_play:
                in_play.append(centre)
    return in_play


def centre_styles(dataset: Dataset) -> dict[str, Style]:
    """Each centre's colour, the same for every centre of one line across all periods.

    A line is the centres with one seat (else one subregion): the Zielona Góra
    centres of 2013, 2016 and 2024 share a colour whatever order the dataset
    lists them in. Lines take the palette in the order of their names.
    """
    lines = {c.id: fold(c.seat or c.subregion or c.id) for c in dataset.centres.values()}
    order = {line: i for i, line in enumerate(sorted(set(lines.values())))}
    return {centre: Style(PALETTE[order[line] % len(PALETTE)]) for centre, line in lines.items()}


def _shapes(
    answers: dict[str, periods.CountyAnswer],
    counties: geo.Layer,
    project: _Projection,
    styles: dict[str, Style],
    emphasise: str | None,
    seat_points: list[geo.Point],
) -> list[Shape]:
    """The counties, filled by their coverage; a city county holding a seat is left to the seat's label."""
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
        seated = ans.county.kind is CountyKind.CITY and any(
            geo.polygon_contains(polygon, point) for polygon in area.polygons for point in seat_points
        )
        rings = [_thin([project(p) for p in ring]) for polygon in area.polygons for ring in polygon]
        shapes.append(
            Shape(code, ans.county.name, rings, style, project(area.label), not seated, emphasised=code == emphasise)
        )
    return shapes


def _legend(
    in_play: list[Centre],
    answers: Iterable[periods.CountyAnswer],
    seats: list[Seat],
    shapes: list[Shape],
    styles: dict[str, Style],
    lang: str,
) -> list[LegendEntry]:
    """One entry per thing drawn: each centre (its box holds its seat, as on the map), each kind of fill."""
    coverage = {ans.coverage for ans in answers}
    confirmed = {ans.centre.id for ans in answers if ans.centre}
    seated = {seat.centre_id for seat in seats}
    legend = [LegendEntry(styles[c.id], c.name, seat=c.id in seated) for c in in_play if c.id in confirmed]
    # A centre whose counties are unknown shows only as its seat.
    legend += [
        LegendEntry(styles[c.id], f"{c.name} — {t(lang, 'map_seat')}", marker=True)
        for c in in_play
        if c.id not in confirmed and c.id in seated
    ]
    if "unknown" in coverage:
        legend.append(LegendEntry(Style(UNKNOWN_FILL, hatched=True), t(lang, "map_unknown")))
    if "none" in coverage:
        legend.append(LegendEntry(Style(NONE_FILL), t(lang, "map_none")))
    legend += [
        LegendEntry(shape.style, t(lang, "map_emphasised", county=shape.name), emphasised=True)
        for shape in shapes
        if shape.emphasised
    ]
    return legend


def _legend_rows(legend: list[LegendEntry], top: float) -> list[LegendRow]:
    rows, y = [], top
    for entry in legend:
        lines = textwrap.wrap(printable(entry.text), LEGEND_WRAP) or [""]
        rows.append(LegendRow(entry, lines, y))
        y += max(SWATCH, len(lines) * LEGEND_LINE) + LEGEND_GAP
    return rows


def _legend_bottom(legend: list[LegendEntry], top: float) -> float:
    rows = _legend_rows(legend, top)
    return rows[-1].top + max(SWATCH, len(rows[-1].lines) * LEGEND_LINE) if rows else top


def _legend_place(
    shapes: list[Shape], seats: list[Seat], legend: list[LegendEntry], map_bottom: float
) -> tuple[XY, float]:
    """Where the legend goes (top right or bottom right, as close to the region as it fits) and the canvas' width.

    A region seldom fills its bounding box: the legend moves in over the
    empty corner, so the picture has no empty column beside the map.
    """
    height = _legend_bottom(legend, 0.0)
    ink = _ink_boxes(shapes, seats)
    best: tuple[XY, float] | None = None
    for top in (TOP, max(TOP, map_bottom - height)):
        reach = max(
            (right for left, upper, right, lower in ink if lower >= top - 10 and upper <= top + height + 10),
            default=MARGIN,
        )
        at = (reach + 2 * LEGEND_GAP, top)
        width = max(MARGIN + MAP_WIDTH, at[0] + LEGEND_WIDTH) + MARGIN
        if best is None or width < best[1]:
            best = (at, width)
    assert best is not None
    return best


def _ink_boxes(shapes: list[Shape], seats: list[Seat]) -> list[tuple[float, float, float, float]]:
    """Boxes around everything drawn on the map: each stretch of the areas' edges, and the names."""
    boxes = [
        (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        for shape in shapes
        for ring in shape.rings
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
    ]
    for shape in shapes:
        if shape.labelled:
            half = _text_width(shape.name, LABEL_SIZE) / 2
            boxes.append((shape.label[0] - half, shape.label[1] - LABEL_SIZE, shape.label[0] + half, shape.label[1]))
    for seat in seats:
        x, y = seat.at
        half = max(SEAT_RADIUS, _text_width(seat.name, LABEL_SIZE, bold=True) / 2)
        boxes.append((x - half, y - SEAT_RADIUS - 5 - LABEL_SIZE, x + half, y + SEAT_RADIUS))
    return boxes


def _text_width(text: str, size: float, *, bold: bool = False) -> float:
    """About how wide a line of DejaVu Sans is, in units: enough to keep text clear of the legend."""
    return len(text) * size * (0.66 if bold else 0.6)


def _subtitle(dataset: Dataset, first: periods.CountyAnswer, day: date, lang: str) -> str:
    parts = [t(lang, "map_on", on=day.isoformat()), first.period.name.get(lang)]
    if first.period_status != "current":
        parts.append(_status(dataset, first, lang))
    return " · ".join(parts)


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
    end = periods.period_span(dataset, ans.period)[1]
    return status_line(
        ans.period_status,
        lang,
        on=ans.on.isoformat(),
        start=str(ans.period.start),
        ended=end.isoformat() if end else None,
    )


def _seat_points(centres: list[Centre], gazetteer: Gazetteer, dataset: Dataset) -> dict[str, geo.Point]:
    """Where each centre's seat marker goes: inside the gmina of the town a source names as its seat."""
    gminas = {}
    for centre in centres:
        towns = [
            p
            for p in gazetteer.places.values()
            if centre.seat
            and p.name == centre.seat
            and p.kind in (PlaceKind.URBAN, PlaceKind.TOWN)
            and p.county in dataset.counties
        ]
        if len(towns) == 1:
            gminas[centre.id] = towns[0].gmina
    points = geo.label_points("gminy", set(gminas.values())) if gminas else {}
    return {centre: points[gmina] for centre, gmina in gminas.items() if gmina in points}
