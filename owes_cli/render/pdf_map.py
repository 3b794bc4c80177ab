"""The coverage map drawn into a PDF page as vector shapes and real text (fpdf2, imported by `render.pdf`).

The shapes, names, seats and legend come from `layout.coverage_map`, in the
map's units; this module scales them to millimetres at a place on the page.
Names never print below LABEL_PT: on a smaller map they grow against the
counties, and `coverage_map.place_labels` keeps them apart at that size.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from owes_cli.layout import coverage_map
from owes_cli.render import map_image as map_render
from owes_cli.render.map_image import leader
from owes_cli.render.palette import rgb
from owes_cli.render.pdf import FAMILY, INK, MARGIN, PT, _lines, _safe

if TYPE_CHECKING:
    from fpdf import FPDF
    from fpdf.drawing import DrawingContext

LABEL_PT = 7.0  # the least size of a name on the map, in print
NAMES_LEAST_PT = 7.0  # the least size of the names on a crowded map: they never shrink below LABEL_PT
LEGEND_PT = 7.5
LABEL_INK = rgb(coverage_map.INK)  # the names on the map, as in the picture


def drawing(
    pdf: FPDF,
    m: coverage_map.CoverageMap,
    x0: float,
    top: float,
    mm: float,
    *,
    origin: tuple[float, float] | None = None,
    legend_at: tuple[float, float] | None = None,
    bounds: coverage_map.Box | None = None,
) -> None:
    """The map's areas, names, seats and legend, its `origin` (in the map's units) at (x0, top) mm.

    The names stay inside `bounds` (in the map's units: the part of the map
    drawn), apart from each other and from a legend drawn beside the map.
    """
    left, upper = origin or (coverage_map.MARGIN, m.body[0])

    def at(point: tuple[float, float]) -> tuple[float, float]:
        # A hundredth of a millimetre is finer than any printer: more digits would only fill the file.
        return round(x0 + (point[0] - left) * mm, 2), round(top + (point[1] - upper) * mm, 2)

    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    edge = (coverage_map.OUTLINE, coverage_map.OUTLINE_WIDTH * mm)
    with pdf.drawing_context() as canvas:
        # Each county's edge is stroked with it; a later neighbour's fill covers half of a shared
        # edge, and its own stroke draws that edge again in full.
        for shape in m.shapes:
            _area(canvas, [[at(p) for p in ring] for ring in shape.rings], shape.style, mm, edge)
        for shape in m.shapes:
            if shape.emphasised:  # over the neighbours, so the whole outline shows
                rings = [[at(p) for p in ring] for ring in shape.rings]
                canvas.add_item(_edge(rings, coverage_map.INK, coverage_map.EMPHASIS_WIDTH * mm), clone=False)
        if m.spotlight:  # the county asked about is too small to see: a ring shows where it is
            (x, y), reach = m.spotlight
            ring = PaintedPath().circle(*at((x, y)), reach * mm)
            ring.style.stroke_color = coverage_map.INK
            ring.style.stroke_width = coverage_map.EMPHASIS_WIDTH * mm
            ring.style.paint_rule = PathPaintRule.STROKE
            canvas.add_item(ring, clone=False)
    label_pt = max(LABEL_PT, coverage_map.LABEL_SIZE * mm / PT)
    # Crowded, the names may shrink to NAMES_LEAST_PT rather than stand away from their county.
    grow = label_pt * PT / (coverage_map.LABEL_SIZE * mm)
    names = coverage_map.place_labels(m, grow, bounds, legend=legend_at is None, shrink=NAMES_LEAST_PT / label_pt)
    for name in names:
        if name.leader:
            with pdf.drawing_context() as canvas:
                canvas.add_item(_edge([[at(p) for p in leader(name)]], coverage_map.INK, 0.25), clone=False)
    radius = coverage_map.SEAT_RADIUS * mm
    for seat in m.seats:
        x, y = at(seat.at)
        with pdf.drawing_context() as canvas:
            _seat(canvas, x, y, radius, seat.style.fill)
    for name in names:
        for line, middle in coverage_map.name_lines(name):
            _map_label(pdf, at(middle), line, name.size * mm / PT, bold=name.bold)
    _map_legend(pdf, m.legend, *(legend_at or at(m.legend_at)), mm)


def _area(
    canvas: DrawingContext,
    rings: list[list[tuple[float, float]]],
    style: coverage_map.Style,
    mm: float,
    edge: tuple[str, float],
) -> None:
    """A filled area with its holes left open (even-odd) and its edge stroked.

    A hatched area is its own clipping path: the grey and the lines are
    drawn over its bounding box and show only inside it.
    """
    from fpdf.drawing import ClippingPath, GraphicsContext, PaintedPath
    from fpdf.enums import IntersectionRule, PathPaintRule

    if not style.hatched:
        area = _edge(rings, *edge)
        area.style.fill_color = style.fill
        area.style.paint_rule = PathPaintRule.STROKE_FILL_EVENODD
        canvas.add_item(area, clone=False)
        return
    left, right = min(x for ring in rings for x, _ in ring), max(x for ring in rings for x, _ in ring)
    upper, lower = min(y for ring in rings for _, y in ring), max(y for ring in rings for _, y in ring)
    clipped = GraphicsContext()
    clipped.clipping_path = _rings(ClippingPath(), rings)
    clipped.clipping_path.style.intersection_rule = IntersectionRule.EVENODD
    ground = PaintedPath().rectangle(left, upper, right - left, lower - upper)
    ground.style.fill_color = style.fill
    ground.style.paint_rule = PathPaintRule.FILL_NONZERO
    lines = PaintedPath()
    step = map_render.HATCH_STEP * mm * math.sqrt(2)  # across the lines, as in the SVG's pattern
    offset = left
    while offset < right + (lower - upper):
        lines.move_to(round(offset, 2), upper).line_to(round(offset - (lower - upper), 2), lower)
        offset += step
    lines.style.stroke_color = coverage_map.HATCH
    lines.style.stroke_width = map_render.HATCH_WIDTH * mm
    lines.style.paint_rule = PathPaintRule.STROKE
    clipped.add_item(ground, clone=False)
    clipped.add_item(lines, clone=False)
    canvas.add_item(clipped, clone=False)
    canvas.add_item(_edge(rings, *edge), clone=False)


def _edge(rings: list[list[tuple[float, float]]], colour: str, width: float) -> Any:
    """The rings as a path that strokes its edges (round joins) and fills nothing."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule, StrokeJoinStyle

    path = _rings(PaintedPath(), rings)
    path.style.stroke_color = colour
    path.style.stroke_width = width
    path.style.stroke_join_style = StrokeJoinStyle.ROUND
    path.style.paint_rule = PathPaintRule.STROKE
    return path


def _rings(path: Any, rings: list[list[tuple[float, float]]]) -> Any:
    for ring in rings:
        path.move_to(*ring[0])
        for point in ring[1:]:
            path.line_to(*point)
        path.close()
    return path


def _seat(canvas: DrawingContext, x: float, y: float, radius: float, fill: str) -> None:
    """A seat marker as in the picture: the centre's colour in a white ring with a thin dark edge."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    ring = radius * map_render.SEAT_RING / coverage_map.SEAT_RADIUS
    edge = PaintedPath().circle(x, y, radius + ring / 2)
    edge.style.stroke_color = coverage_map.INK
    edge.style.stroke_width = ring / 2.5
    edge.style.paint_rule = PathPaintRule.STROKE
    marker = PaintedPath().circle(x, y, radius)
    marker.style.fill_color = fill
    marker.style.stroke_color = "#FFFFFF"
    marker.style.stroke_width = ring
    marker.style.paint_rule = PathPaintRule.STROKE_FILL_NONZERO
    canvas.add_item(edge, clone=False)
    canvas.add_item(marker, clone=False)


def _map_label(pdf: FPDF, centre: tuple[float, float], name: str, size: float, *, bold: bool = False) -> None:
    """A county's or town's name on a pale backing, so it reads on any fill and on hatching."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    value = _safe(pdf, name)
    pdf.set_font(FAMILY, "B" if bold else "", size)
    width, height = pdf.get_string_width(value), size * PT
    x, y = centre
    pad = 0.15 * height  # as `coverage_map.text_box` counts it: the boxes kept apart are these
    backing = PaintedPath().rectangle(
        x - width / 2 - pad, y - height * 0.62, width + 2 * pad, height * 1.24, rx=height * 0.3, ry=height * 0.3
    )
    backing.style.fill_color = "#FFFFFF"
    backing.style.fill_opacity = 0.75
    backing.style.paint_rule = PathPaintRule.FILL_NONZERO
    with pdf.drawing_context() as canvas:
        canvas.add_item(backing, clone=False)
    pdf.set_text_color(*LABEL_INK)
    pdf.text(x - width / 2, y + height * 0.36, value)


def _map_legend(pdf: FPDF, legend: list[coverage_map.LegendEntry], left: float, top: float, mm: float) -> None:
    """The legend at its place in the picture, its text wrapped to the page's right margin."""
    swatch = coverage_map.SWATCH * mm
    size = max(LEGEND_PT, coverage_map.LEGEND_SIZE * mm / PT)
    width = pdf.w - MARGIN - left - swatch - 2.5
    y = top
    for entry in legend:
        with pdf.drawing_context() as canvas:
            if not entry.marker:
                box = [[(left, y), (left + swatch, y), (left + swatch, y + swatch), (left, y + swatch)]]
                border = coverage_map.EMPHASIS_WIDTH if entry.emphasised else 1.0
                _area(canvas, box, entry.style, mm, (coverage_map.INK, border * mm))
            if entry.marker or entry.seat:
                _seat(canvas, left + swatch / 2, y + swatch / 2, coverage_map.SEAT_RADIUS * mm, entry.style.fill)
        pdf.set_xy(left + swatch + 2.5, y + max(0.0, (swatch - size * PT * 1.4) / 2))
        _lines(pdf, entry.text, size, size * PT * 1.3, INK, width=width)
        y = max(pdf.get_y(), y + swatch) + coverage_map.LEGEND_GAP * mm
