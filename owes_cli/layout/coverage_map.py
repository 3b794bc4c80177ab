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
from collections.abc import Callable, Iterable
from datetime import date

from owes_cli.domain import Register, geo, periods
from owes_cli.domain.model import Centre, CountyKind, Dataset
from owes_cli.domain.names import fold
from owes_cli.domain.places import Gazetteer, PlaceKind
from owes_cli.errors import MapNothingToDraw
from owes_cli.layout import status_line
from owes_cli.messages import printable, t
from owes_cli.record import Record

XY = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom

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
    km: float = 1.0  # map units per kilometre, for the scale bar
    furniture_at: XY | None = None  # the bottom left of the scale bar and north arrow, where nothing else is
    # The county asked about, when too small to see: a ring around it (its centre and radius).
    spotlight: tuple[XY, float] | None = None
    message: str = ""  # what the whole map says when it says one thing only (every county unknown)

    def legend_rows(self) -> list[LegendRow]:
        return _legend_rows(self.legend, self.legend_at[1])

    def legend_box(self) -> Box:
        left, top = self.legend_at
        return (left, top - _message_height(self.message), self.width - MARGIN, _legend_bottom(self.legend, top))

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

    def ring(self, ring: Iterable[geo.Point]) -> list[XY]:
        """Each point as __call__ projects it (the same arithmetic, so the same numbers), in one loop:
        a county's thousands of points without a call each."""
        west, north, squeeze, scale = self.west, self.north, self.squeeze, self.scale
        return [(MARGIN + (lon - west) * squeeze * scale, TOP + (north - lat) * scale) for lon, lat in ring]


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
    # Every county unknown: the map says so in words above its legend, not only in hatching.
    message = t(lang, "map_all_unknown") if all(a.coverage == "unknown" for a in answers.values()) else ""
    styles = centre_styles(dataset)
    seat_points = _seat_points(in_play, gazetteer, dataset)
    seats = [Seat(c.id, c.seat or "", project(seat_points[c.id]), styles[c.id]) for c in in_play if c.id in seat_points]
    shapes = _shapes(answers, counties, project, styles, emphasise, list(seat_points.values()))
    legend = _legend(in_play, answers.values(), seats, shapes, styles, lang)
    map_bottom = TOP + project.height
    reserve = _message_height(message)
    ink = _ink_boxes(shapes, seats)  # thousands of boxes: made once, for the legend and the scale bar
    legend_at, width = _legend_place(ink, legend, map_bottom, reserve)
    legend_at = (legend_at[0], legend_at[1] + reserve)
    legend_bottom = _legend_bottom(legend, legend_at[1])
    km = project.scale / KM_PER_DEGREE
    taken = [*ink, (legend_at[0], legend_at[1] - reserve, width - MARGIN, legend_bottom)]
    furniture_at, map_bottom = _furniture_place(taken, width, map_bottom, km)
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
        km=km,
        furniture_at=furniture_at,
        spotlight=_spotlight(shapes),
        message=message,
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
    spot = m.spotlight and ((m.spotlight[0][0] - shift, m.spotlight[0][1]), m.spotlight[1])
    return m._replace(
        width=right - left + 2 * pad,
        legend=[],
        message="",
        furniture_at=None,
        spotlight=spot,
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
    seen: set[str] = set()  # by id: a list's `in` compared whole records, n² for a period's thousands
    for ans in answers:
        for centre in (ans.centre,) if ans.centre else ans.centres:
            if centre.id not in seen:
                seen.add(centre.id)
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
        rings = [_thin(project.ring(ring)) for polygon in area.polygons for ring in polygon]
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
    ink: list[Box], legend: list[LegendEntry], map_bottom: float, reserve: float = 0.0
) -> tuple[XY, float]:
    """Where the legend goes (top right or bottom right, as close to the region as it fits) and the canvas' width.

    A region seldom fills its bounding box: the legend moves in over the
    empty corner, so the picture has no empty column beside the map.
    """
    height = _legend_bottom(legend, 0.0) + reserve
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
    # min() and max() of two, written out: a call each for thousands of stretches cost more than the rest.
    boxes = [
        (x1 if x1 <= x2 else x2, y1 if y1 <= y2 else y2, x1 if x1 >= x2 else x2, y1 if y1 >= y2 else y2)
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
    """How wide a line of DejaVu Sans is, in units, from the font's advance widths (no kerning)."""
    return _advance(text, bold) * size / 1000


def _advance(text: str, bold: bool) -> int:
    """The sum of the text's advance widths: the same few names are measured thousands of times
    while labels look for a place, so each sum is kept (a map's names, a few hundred at most)."""
    key = (text, bold)
    found = _ADVANCES.get(key)
    if found is None:
        widths = _BOLD_WIDTHS if bold else _WIDTHS
        default = 700 if bold else 640
        found = _ADVANCES[key] = sum(widths.get(ch, default) for ch in text)
        if len(_ADVANCES) > 10_000:  # a program drawing many datasets' maps: start again
            _ADVANCES.clear()
    return found


_ADVANCES: dict[tuple[str, bool], int] = {}


# DejaVu Sans' advance widths in thousandths of an em, as the shipped fonts have them (fontTools, once):
# enough to measure every name on the map without loading a font.
_MEASURED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -.,()/'ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–—·:"
_WIDTHS = dict(
    zip(
        _MEASURED,
        (
            613,
            635,
            550,
            635,
            615,
            352,
            635,
            634,
            278,
            278,
            579,
            278,
            974,
            634,
            612,
            635,
            635,
            411,
            521,
            392,
            634,
            592,
            818,
            592,
            592,
            525,
            684,
            686,
            698,
            770,
            632,
            575,
            775,
            752,
            295,
            295,
            656,
            557,
            863,
            748,
            787,
            603,
            787,
            695,
            635,
            611,
            732,
            684,
            989,
            685,
            611,
            685,
            636,
            636,
            636,
            636,
            636,
            636,
            636,
            636,
            636,
            636,
            318,
            361,
            318,
            318,
            390,
            390,
            337,
            275,
            613,
            550,
            615,
            284,
            634,
            612,
            521,
            525,
            525,
            684,
            698,
            632,
            562,
            748,
            787,
            635,
            685,
            685,
            500,
            1000,
            318,
            337,
        ),  # fmt: skip
        strict=True,
    )
)
_BOLD_WIDTHS = dict(
    zip(
        _MEASURED,
        (
            675,
            716,
            593,
            716,
            678,
            435,
            716,
            712,
            343,
            343,
            665,
            343,
            1042,
            712,
            687,
            716,
            716,
            493,
            595,
            478,
            712,
            652,
            924,
            645,
            652,
            582,
            774,
            762,
            734,
            830,
            683,
            683,
            821,
            837,
            372,
            372,
            775,
            637,
            995,
            837,
            850,
            733,
            850,
            770,
            720,
            682,
            812,
            774,
            1103,
            771,
            724,
            725,
            696,
            696,
            696,
            696,
            696,
            696,
            696,
            696,
            696,
            696,
            348,
            415,
            380,
            380,
            457,
            457,
            365,
            306,
            675,
            593,
            678,
            371,
            712,
            687,
            595,
            582,
            582,
            774,
            734,
            683,
            642,
            837,
            850,
            720,
            725,
            725,
            500,
            1000,
            380,
            400,
        ),  # fmt: skip
        strict=True,
    )
)


# --------------------------------------------------------------------------
# Where the names go
# --------------------------------------------------------------------------


class Label(Record):
    """A name placed on the map: its text box's centre, its size in map units, and a leader to what it names."""

    text: str
    at: XY
    size: float
    bold: bool = False
    leader: XY | None = None  # the point a thin line joins the name to, when the name stands away from it

    @property
    def box(self) -> Box:
        return text_box(self.text, self.at, self.size, bold=self.bold)


def fitted_size(text: str, size: float, width: float, *, bold: bool = False) -> float:
    """`size`, or smaller so that one line of `text` fits `width`: a title is never cut at the picture's edge."""
    wide = _text_width(printable(text), size, bold=bold)
    return size if wide <= width else size * width / wide


NAME_LINE = 1.15  # ems from one line of a name to the next


def name_lines(label: Label) -> list[tuple[str, XY]]:
    """Each line of a name and its middle: most names are one line, a long double name two."""
    lines = label.text.split("\n")
    first = label.at[1] - (len(lines) - 1) * NAME_LINE * label.size / 2
    return [(line, (label.at[0], first + i * NAME_LINE * label.size)) for i, line in enumerate(lines)]


def text_box(text: str, at: XY, size: float, *, bold: bool = False) -> Box:
    """The box a centred name takes, with its white halo or backing: the ink that must not touch another's."""
    lines = [printable(line) for line in text.split("\n")]
    half_width = max(_text_width(line, size, bold=bold) for line in lines) / 2 + 0.15 * size
    half_height = 0.62 * size + (len(lines) - 1) * NAME_LINE * size / 2
    return (at[0] - half_width, at[1] - half_height, at[0] + half_width, at[1] + half_height)


def overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def inside(box: Box, bounds: Box) -> bool:
    return bounds[0] <= box[0] and box[2] <= bounds[2] and bounds[1] <= box[1] and box[3] <= bounds[3]


def place_labels(
    m: CoverageMap, grow: float = 1.0, bounds: Box | None = None, *, legend: bool = True, shrink: float = 0.8
) -> list[Label]:
    """Every name on the map, placed so that no two boxes overlap and none leaves `bounds`.

    `grow` scales the names against the map (a small printed map keeps them
    legible). The seats' names go first (above, below, beside their marker),
    then the county asked about (wholly inside its county), then the smaller
    counties before the larger: each county's name stays inside its county,
    moved from its label point step by step. When a name finds no place, all
    the names shrink together (a tenth at a time, down to `shrink`), so that
    they stay one size; at the least size a name that still finds none stands
    outside its county with a leader line to it. The legend is in the way
    when drawn beside the map.
    """
    bounds = bounds or (MARGIN / 2, m.body[0], m.width - MARGIN / 2, m.body[1])
    fixed: list[Box] = [m.legend_box()] if legend and m.legend else []
    fixed += [_seat_box(seat.at) for seat in m.seats]
    if m.furniture_at:
        x, y = m.furniture_at
        fixed.append((x, y - FURNITURE_HEIGHT, x + FURNITURE_WIDTH, y))
    scales = [scale for scale in (1.0, 0.9, 0.8, 0.7) if scale >= shrink - 1e-9] or [1.0]
    outlines: dict[str, _Outline] = {}  # each county's, made when first asked for and kept for every try
    for scale in scales:
        placed = _place_all(m, LABEL_SIZE * grow * scale, bounds, list(fixed), outlines, leaders=scale == scales[-1])
        if placed is not None:
            return placed
    raise AssertionError("the last try always places every name")


def _seat_box(at: XY) -> Box:
    radius = SEAT_RADIUS + 2.5
    return (at[0] - radius, at[1] - radius, at[0] + radius, at[1] + radius)


def _place_all(
    m: CoverageMap, size: float, bounds: Box, taken: list[Box], outlines: dict[str, _Outline], *, leaders: bool
) -> list[Label] | None:
    labels: list[Label] = []

    def free(box: Box) -> bool:
        return inside(box, bounds) and not any(overlap(box, other) for other in taken)

    for seat in m.seats:
        x, y = seat.at
        gap, aside = SEAT_RADIUS + 2.5 + 0.7 * size, SEAT_RADIUS + 4.5 + _text_width(seat.name, size, bold=True) / 2
        options = [(x, y - gap), (x, y + gap), (x + aside + 0.15 * size, y), (x - aside - 0.15 * size, y)]
        label = _first_free(seat.name, options, (size,), True, free)
        if label is None:
            if not leaders:
                return None
            label = Label(seat.name, options[0], size, True)
        labels.append(label)
        taken.append(label.box)
    order = sorted(
        (shape for shape in m.shapes if shape.labelled),
        key=lambda shape: (not shape.emphasised, _extent(shape.rings)),
    )
    for shape in order:
        found = _county_label(shape, outlines, size, free, leaders=leaders)
        if found is None:
            return None
        labels.append(found)
        taken.append(found.box)
    return labels


def _first_free(
    text: str, options: list[XY], sizes: Iterable[float], bold: bool, fits: Callable[[Box], bool]
) -> Label | None:
    for size in sizes:
        for at in options:
            if fits(text_box(text, at, size, bold=bold)):
                return Label(text, at, size, bold)
    return None


_STEPS = [(dx, dy) for dy in (0, -0.7, 0.7, -1.4, 1.4, -2.1, 2.1, -2.8, 2.8) for dx in (0, -0.3, 0.3, -0.6, 0.6)]


def _county_label(
    shape: Shape, outlines: dict[str, _Outline], size: float, free: Callable[[Box], bool], *, leaders: bool
) -> Label | None:
    """A county's name inside it (the one asked about: its whole box), or with a leader line when allowed."""
    x, y = shape.label
    # The county asked about has its whole name inside it where it fits, else as much as the others.
    for whole in (True, False) if shape.emphasised else (False,):

        def within(box: Box, whole: bool = whole) -> bool:
            middle = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
            points = [middle, (box[0], middle[1]), (box[2], middle[1])]
            if whole:
                points += [(box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])]
            if not free(box):
                return False
            outline = outlines.get(shape.code) or outlines.setdefault(shape.code, _Outline(shape.rings))
            return all(outline.contains(p) for p in points)

        # A double name ("strzelecko-drezdenecki") may stand on two lines, broken after its hyphen.
        for text in dict.fromkeys((shape.name, shape.name.replace("-", "-\n", 1))):
            width = _text_width(shape.name, size)
            options = [(x + dx * width, y + dy * size) for dx, dy in _STEPS]
            label = _first_free(text, options, (size,), False, within)
            if label:
                return label
    if not leaders:
        return None
    # Outside its county, nearest first, joined to it by a leader line.
    for distance in range(1, 16):
        reach = distance * size
        for angle in range(0, 360, 30):
            at = (x + reach * math.cos(math.radians(angle)) * 1.6, y + reach * math.sin(math.radians(angle)))
            box = text_box(shape.name, at, size)
            if free(box) and not inside((x, y, x, y), box):
                return Label(shape.name, at, size, leader=(x, y))
    return Label(shape.name, (x, y), size)  # nowhere free: where it was (not met on Lubuskie's maps)


def _extent(rings: list[list[XY]]) -> float:
    xs = [x for ring in rings for x, _ in ring]
    ys = [y for ring in rings for _, y in ring]
    return (max(xs) - min(xs)) * (max(ys) - min(ys))


class _Outline:
    """A county's edges sorted into horizontal bands, to ask many times whether a point is inside it.

    The answer of `_rings_contain`, edge for edge the same sums: a horizontal line
    through a point crosses only the edges of its band, a tenth or less of them all.
    """

    BANDS = 32

    def __init__(self, rings: list[list[XY]]) -> None:
        ys = [y for ring in rings for _, y in ring] or [0.0]
        self.top, bottom = min(ys), max(ys)
        self.step = (bottom - self.top) / self.BANDS or 1.0
        top, step = self.top, self.step
        self.bands: list[list[tuple[float, float, float, float, float]]] = [[] for _ in range(self.BANDS + 2)]
        bands = self.bands
        for ring in rings:
            # Each point's band once; an edge goes into every band from its lower end's to its upper end's.
            marks = [int((y - top) / step) for _, y in ring]
            after = ring[1:] + ring[:1]
            for (x1, y1), (x2, y2), m1, m2 in zip(ring, after, marks, marks[1:] + marks[:1], strict=True):
                edge = (x1, y1, x2 - x1, y2 - y1, y2)
                if m1 == m2:
                    bands[m1].append(edge)
                else:
                    for band in range(m1, m2 + 1) if m1 < m2 else range(m2, m1 + 1):
                        bands[band].append(edge)

    def _band(self, y: float) -> int:
        # As __init__ marks a point: the same sum, kept within the bands for a point outside.
        return min(self.BANDS + 1, max(0, int((y - self.top) / self.step)))

    def contains(self, point: XY) -> bool:
        px, py = point
        crossings = False
        # An edge the line crosses spans py, so it lies in py's band (`_band` never decreases with y).
        for x1, y1, dx, dy, y2 in self.bands[self._band(py)]:
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * dx / dy:
                crossings = not crossings
        return crossings


def _rings_contain(rings: list[list[XY]], point: XY) -> bool:
    """Whether the point is inside the rings by the even-odd rule (holes left out)."""
    px, py = point
    crossings = False
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) * (x2 - x1) / (y2 - y1):
                crossings = not crossings
    return crossings


# --------------------------------------------------------------------------
# Scale bar, north arrow, the county too small to see, the map's one message
# --------------------------------------------------------------------------

KM_PER_DEGREE = 111.32  # of latitude
FURNITURE_WIDTH, FURNITURE_HEIGHT = 150.0, 46.0  # units: the scale bar, and the north arrow beside it
SCALE_BAR_MAX = 110.0  # units the scale bar may take
SPOTLIGHT_BELOW = 80.0  # units: a county asked about that is smaller across than this gets a ring around it
MESSAGE_SIZE = 15


def scale_bar(km: float) -> tuple[float, int]:
    """The scale bar's length in units and the kilometres it stands for: a round number that fits."""
    for kilometres in (100, 50, 40, 30, 20, 10, 5, 2, 1):
        if kilometres * km <= SCALE_BAR_MAX:
            return kilometres * km, kilometres
    return km, 1


def _furniture_place(taken: list[Box], width: float, map_bottom: float, km: float) -> tuple[XY, float]:
    """Where the scale bar and north arrow go (a free bottom corner of the map, else below it), and the map's foot."""
    corners = [(width - MARGIN - FURNITURE_WIDTH, map_bottom), (MARGIN, map_bottom), (MARGIN, TOP + FURNITURE_HEIGHT)]
    for left, bottom in corners:
        box = (left, bottom - FURNITURE_HEIGHT, left + FURNITURE_WIDTH, bottom)
        if not any(overlap(box, other) for other in taken):
            return (left, bottom), map_bottom
    return (width - MARGIN - FURNITURE_WIDTH, map_bottom + FURNITURE_HEIGHT + 10), map_bottom + FURNITURE_HEIGHT + 10


def _spotlight(shapes: list[Shape]) -> tuple[XY, float] | None:
    for shape in shapes:
        if not shape.emphasised:
            continue
        xs = [x for ring in shape.rings for x, _ in ring]
        ys = [y for ring in shape.rings for _, y in ring]
        across = max(max(xs) - min(xs), max(ys) - min(ys))
        if across < SPOTLIGHT_BELOW:
            return ((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2), across / 2 + 10
    return None


def message_lines(message: str) -> list[str]:
    return textwrap.wrap(message, int(LEGEND_WIDTH / (MESSAGE_SIZE * 0.66))) if message else []


def _message_height(message: str) -> float:
    lines = message_lines(message)
    return len(lines) * (MESSAGE_SIZE + 5) + LEGEND_GAP if lines else 0.0


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
    gminas = seat_gminas(centres, gazetteer, dataset)
    points = geo.label_points("gminy", set(gminas.values())) if gminas else {}
    return {centre: points[gmina] for centre, gmina in gminas.items() if gmina in points}


def seat_gminas(centres: Iterable[Centre], gazetteer: Gazetteer, dataset: Dataset) -> dict[str, str]:
    """The gmina (TERYT) of each centre's seat: the one town or city of the region that a source
    names as its seat. A centre with no seat, or a name several towns share, has none."""
    gminas: dict[str, str] = {}
    centres = list(centres)  # gone through twice
    seats = {centre.seat for centre in centres if centre.seat}
    if not seats:
        return gminas
    # The region's towns by name, found in one pass over the gazetteer, not one per centre.
    towns_named: dict[str, list[str]] = {}
    for p in gazetteer.places.values():
        if p.name in seats and p.kind in (PlaceKind.URBAN, PlaceKind.TOWN) and p.county in dataset.counties:
            towns_named.setdefault(p.name, []).append(p.gmina)
    for centre in centres:
        towns = towns_named.get(centre.seat, []) if centre.seat else []
        if len(towns) == 1:
            gminas[centre.id] = towns[0]
    return gminas
