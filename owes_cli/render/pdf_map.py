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

    edge = (coverage_map.OUTLINE, coverage_map.OUTLINE_WIDTH * mm)
    paths = _Paths()
    # Each county's edge is stroked with it; a later neighbour's fill covers half of a shared
    # edge, and its own stroke draws that edge again in full.
    for shape in m.shapes:
        _area(paths, [_points(at, ring) for ring in shape.rings], shape.style, mm, edge)
    for shape in m.shapes:
        if shape.emphasised:  # over the neighbours, so the whole outline shows
            paths.stroke(
                [_points(at, ring) for ring in shape.rings], coverage_map.INK, coverage_map.EMPHASIS_WIDTH * mm
            )
    if m.spotlight:  # the county asked about is too small to see: a ring shows where it is
        (x, y), reach = m.spotlight
        paths.circle(*at((x, y)), reach * mm, stroke=(coverage_map.INK, coverage_map.EMPHASIS_WIDTH * mm))
    label_pt = max(LABEL_PT, coverage_map.LABEL_SIZE * mm / PT)
    # Crowded, the names may shrink to NAMES_LEAST_PT rather than stand away from their county.
    grow = label_pt * PT / (coverage_map.LABEL_SIZE * mm)
    names = coverage_map.place_labels(m, grow, bounds, legend=legend_at is None, shrink=NAMES_LEAST_PT / label_pt)
    for name in names:
        if name.leader:
            paths.stroke([[at(p) for p in leader(name)]], coverage_map.INK, 0.25, closed=False)
    radius = coverage_map.SEAT_RADIUS * mm
    for seat in m.seats:
        _seat(paths, *at(seat.at), radius, seat.style.fill)
    paths.write(pdf)
    _map_labels(
        pdf,
        [
            (at(middle), line, name.size * mm / PT, name.bold)
            for name in names
            for line, middle in coverage_map.name_lines(name)
        ],
    )
    _map_legend(pdf, m.legend, *(legend_at or at(m.legend_at)), mm)


def _points(at: Any, ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring on the page, less the points that fall on the one before at the hundredth of a millimetre
    a path is written in (a ring of a small map has many). A point is kept or left by itself alone,
    so an edge two counties share stays the same on both."""
    placed = [at(point) for point in ring]
    return [point for n, point in enumerate(placed) if n == 0 or point != placed[n - 1]]


class _Paths:
    """PDF path operators for the map's areas, edges and seats, written into the page at once.

    fpdf2's drawing API (PaintedPath) made an object of every point of every
    county and took about a third of a fact sheet's export: the operators
    are written here, in millimetres from the page's top left, as that API
    writes them, each item in its own q … Q so that nothing it sets leaks.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, pdf: FPDF) -> None:
        if self.parts:
            pdf._out(f"q {pdf.k:.4f} 0 0 {-pdf.k:.4f} 0 {pdf.h * pdf.k:.2f} cm 1 j\n" + "\n".join(self.parts) + "\nQ")
            pdf._set_min_pdf_version("1.4")

    def area(
        self,
        rings: list[list[tuple[float, float]]],
        fill: str,
        edge: tuple[str, float] | None,
        *,
        even_odd: bool = True,
    ) -> None:
        paint = ("B*" if even_odd else "B") if edge else ("f*" if even_odd else "f")
        self.parts.append(f"q {_colour(fill, 'rg')}{_pen(edge)} {_path(rings)} {paint} Q")

    def stroke(self, rings: list[list[tuple[float, float]]], colour: str, width: float, *, closed: bool = True) -> None:
        self.parts.append(f"q {_pen((colour, width))} {_path(rings, closed=closed)} S Q")

    def hatched(
        self,
        rings: list[list[tuple[float, float]]],
        ground: str,
        lines: list[tuple[float, float, float, float]],
        pen: tuple[str, float],
    ) -> None:
        """The ground and the lines, clipped to the rings (even-odd: holes stay open)."""
        xs = [x for ring in rings for x, _ in ring]
        ys = [y for ring in rings for _, y in ring]
        box = f"{_n(min(xs))} {_n(min(ys))} {_n(max(xs) - min(xs))} {_n(max(ys) - min(ys))} re"
        strokes = " ".join(f"{_n(a)} {_n(b)} m {_n(c)} {_n(d)} l" for a, b, c, d in lines)
        self.parts.append(f"q {_path(rings)} W* n {_colour(ground, 'rg')} {box} f {_pen(pen)} {strokes} S Q")

    def circle(
        self, x: float, y: float, r: float, *, fill: str | None = None, stroke: tuple[str, float] | None = None
    ) -> None:
        k = r * 0.5523  # the control points' reach for four Bézier quarters
        path = (
            f"{_n(x + r)} {_n(y)} m "
            f"{_n(x + r)} {_n(y + k)} {_n(x + k)} {_n(y + r)} {_n(x)} {_n(y + r)} c "
            f"{_n(x - k)} {_n(y + r)} {_n(x - r)} {_n(y + k)} {_n(x - r)} {_n(y)} c "
            f"{_n(x - r)} {_n(y - k)} {_n(x - k)} {_n(y - r)} {_n(x)} {_n(y - r)} c "
            f"{_n(x + k)} {_n(y - r)} {_n(x + r)} {_n(y - k)} {_n(x + r)} {_n(y)} c h"
        )
        paint = "B" if fill and stroke else "f" if fill else "S"
        self.parts.append(f"q {_colour(fill, 'rg') if fill else ''}{_pen(stroke)} {path} {paint} Q")


def _n(value: float) -> str:
    """A number as a path writes it: to the hundredth of a millimetre, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _colour(colour: str, operator: str) -> str:
    r, g, b = rgb(colour)
    return f"{r / 255:.3f} {g / 255:.3f} {b / 255:.3f} {operator}"


def _pen(edge: tuple[str, float] | None) -> str:
    return f" {_colour(edge[0], 'RG')} {_n(edge[1]) if edge[1] >= 0.01 else f'{edge[1]:.4f}'} w" if edge else ""


def _path(rings: list[list[tuple[float, float]]], *, closed: bool = True) -> str:
    parts = []
    for ring in rings:
        (x, y), rest = ring[0], ring[1:]
        parts.append(
            f"{_n(x)} {_n(y)} m "
            + " ".join([f"{_hundredths(px)} {_hundredths(py)} l" for px, py in rest])
            + (" h" if closed else "")
        )
    return " ".join(parts)


_WRITTEN: dict[float, str] = {}  # numbers already rounded to the hundredth (a page holds under 30,000), written


def _hundredths(value: float) -> str:
    """`_n` of a point of a ring, already rounded to the hundredth: a map's paths hold some 17,000
    numbers, most of them twice (an edge two counties share), which are formatted once."""
    written = _WRITTEN.get(value)
    if written is None:
        written = _WRITTEN[value] = _n(value)
    return written


def _area(
    paths: _Paths,
    rings: list[list[tuple[float, float]]],
    style: coverage_map.Style,
    mm: float,
    edge: tuple[str, float],
) -> None:
    """A filled area with its holes left open (even-odd) and its edge stroked.

    A hatched area is its own clipping path: the grey and the lines are
    drawn over its bounding box and show only inside it.
    """
    if not style.hatched:
        paths.area(rings, style.fill, edge)
        return
    left, right = min(x for ring in rings for x, _ in ring), max(x for ring in rings for x, _ in ring)
    upper, lower = min(y for ring in rings for _, y in ring), max(y for ring in rings for _, y in ring)
    step = map_render.HATCH_STEP * mm * math.sqrt(2)  # across the lines, as in the SVG's pattern
    lines = []
    offset = left
    while offset < right + (lower - upper):
        lines.append((offset, upper, offset - (lower - upper), lower))
        offset += step
    paths.hatched(rings, style.fill, lines, (coverage_map.HATCH, map_render.HATCH_WIDTH * mm))
    paths.stroke(rings, *edge)


def _seat(paths: _Paths, x: float, y: float, radius: float, fill: str) -> None:
    """A seat marker as in the picture: the centre's colour in a white ring with a thin dark edge."""
    ring = radius * map_render.SEAT_RING / coverage_map.SEAT_RADIUS
    paths.circle(x, y, radius + ring / 2, stroke=(coverage_map.INK, ring / 2.5))
    paths.circle(x, y, radius, fill=fill, stroke=("#FFFFFF", ring))


def _map_labels(pdf: FPDF, labels: list[tuple[tuple[float, float], str, float, bool]]) -> None:
    """Each name (centre, text, size in points, bold) on a pale backing, so it reads on any fill and on
    hatching: the backings at once (one drawing), then the names over them."""
    from fpdf.drawing import PaintedPath
    from fpdf.enums import PathPaintRule

    placed = []
    with pdf.drawing_context() as canvas:
        for (x, y), name, size, bold in labels:
            value = _safe(pdf, name)
            pdf.set_font(FAMILY, "B" if bold else "", size)
            width, height = pdf.get_string_width(value), size * PT
            pad = 0.15 * height  # as `coverage_map.text_box` counts it: the boxes kept apart are these
            backing = PaintedPath().rectangle(
                x - width / 2 - pad, y - height * 0.62, width + 2 * pad, height * 1.24, rx=height * 0.3, ry=height * 0.3
            )
            backing.style.fill_color = "#FFFFFF"
            backing.style.fill_opacity = 0.75
            backing.style.paint_rule = PathPaintRule.FILL_NONZERO
            canvas.add_item(backing, clone=False)
            placed.append((x - width / 2, y + height * 0.36, value, size, bold))
    pdf.set_text_color(*LABEL_INK)
    for x, y, value, size, bold in placed:
        pdf.set_font(FAMILY, "B" if bold else "", size)
        pdf.text(x, y, value)


def _map_legend(pdf: FPDF, legend: list[coverage_map.LegendEntry], left: float, top: float, mm: float) -> None:
    """The legend at its place in the picture, its text wrapped to the page's right margin."""
    swatch = coverage_map.SWATCH * mm
    size = max(LEGEND_PT, coverage_map.LEGEND_SIZE * mm / PT)
    width = pdf.w - MARGIN - left - swatch - 2.5
    y = top
    for entry in legend:
        paths = _Paths()
        if not entry.marker:
            box = [[(left, y), (left + swatch, y), (left + swatch, y + swatch), (left, y + swatch)]]
            border = coverage_map.EMPHASIS_WIDTH if entry.emphasised else 1.0
            _area(paths, box, entry.style, mm, (coverage_map.INK, border * mm))
        if entry.marker or entry.seat:
            _seat(paths, left + swatch / 2, y + swatch / 2, coverage_map.SEAT_RADIUS * mm, entry.style.fill)
        paths.write(pdf)
        pdf.set_xy(left + swatch + 2.5, y + max(0.0, (swatch - size * PT * 1.4) / 2))
        _lines(pdf, entry.text, size, size * PT * 1.3, INK, width=width)
        y = max(pdf.get_y(), y + swatch) + coverage_map.LEGEND_GAP * mm
