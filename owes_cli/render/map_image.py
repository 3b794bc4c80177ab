"""Drawing a `CoverageMap` as SVG (text, no dependency) or PNG (Pillow, imported when asked)."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

from owes_cli.layout.coverage_map import (
    CREDITS_SIZE,
    EMPHASIS_WIDTH,
    HATCH,
    INK,
    LEGEND_LINE,
    LEGEND_SIZE,
    MARGIN,
    MESSAGE_SIZE,
    OUTLINE,
    OUTLINE_WIDTH,
    SEAT_RADIUS,
    SWATCH,
    UNKNOWN_FILL,
    Box,
    CoverageMap,
    Label,
    Style,
    fitted_size,
    message_lines,
    name_lines,
    place_labels,
    scale_bar,
)
from owes_cli.messages import printable

FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"
TITLE_SIZE, SUBTITLE_SIZE = 22, 14
HATCH_STEP, HATCH_WIDTH = 8, 2.5  # units between the hatch lines of "not in our sources", and their width
SEAT_RING = 2.5  # units of white around a seat marker, so it shows on its own colour
PNG_SCALE = 2  # pixels per map unit in the file
SUPERSAMPLE = 2  # shapes are drawn this many times finer and scaled down: Pillow does not smooth polygons


# --------------------------------------------------------------------------
# SVG
# --------------------------------------------------------------------------


def _fill(style: Style) -> str:
    return "url(#unknown)" if style.hatched else style.fill


def _text(
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    anchor: str = "start",
    weight: str = "normal",
    halo: bool = False,
) -> str:
    extra = ' stroke="#FFFFFF" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' if halo else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:g}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{INK}"{extra}>{escape(printable(text), quote=False)}</text>'
    )


def _svg_path(rings: list[list[tuple[float, float]]]) -> str:
    return " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + " Z" for ring in rings)


def _svg_seat(x: float, y: float, fill: str) -> str:
    return (
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT_RADIUS}" fill="{fill}" '
        f'stroke="#FFFFFF" stroke-width="{SEAT_RING}"/>'
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT_RADIUS + SEAT_RING / 2}" fill="none" '
        f'stroke="{INK}" stroke-width="1"/>'
    )


def _title_size(m: CoverageMap) -> float:
    return fitted_size(m.title, TITLE_SIZE, m.width - 2 * 30, bold=True)


def _subtitle_size(m: CoverageMap) -> float:
    return fitted_size(m.subtitle, SUBTITLE_SIZE, m.width - 2 * 30)


def picture_bounds(m: CoverageMap, *, titled: bool) -> Box:
    """Where names may stand: inside the picture, under its subtitle when it has one."""
    top = 74.0 if titled else m.body[0]
    return (MARGIN / 3, top, m.width - MARGIN / 3, m.body[1])


def leader(label: Label) -> tuple[tuple[float, float], tuple[float, float]]:
    """The leader line from the edge of a name's box nearest to what it names."""
    assert label.leader is not None
    left, top, right, bottom = label.box
    x, y = label.leader
    return (min(max(x, left), right), min(max(y, top), bottom)), (x, y)


def _svg_furniture(m: CoverageMap) -> list[str]:
    """The scale bar (two halves, black and white) and the north arrow, at the map's free corner."""
    if m.furniture_at is None:
        return []
    x, y = m.furniture_at
    length, kilometres = scale_bar(m.km)
    out = [
        f'<rect x="{x:.1f}" y="{y - 8:.1f}" width="{length / 2:.1f}" height="6" fill="{INK}" stroke="{INK}"/>',
        f'<rect x="{x + length / 2:.1f}" y="{y - 8:.1f}" width="{length / 2:.1f}" height="6" fill="#FFFFFF" '
        f'stroke="{INK}"/>',
        _text(x, y - 14, "0", CREDITS_SIZE, anchor="middle"),
        _text(x + length, y - 14, f"{kilometres} km", CREDITS_SIZE, anchor="middle"),
    ]
    ax, tip = x + length + 40, y - 44
    out.append(
        f'<polygon points="{ax:.1f},{tip:.1f} {ax + 8:.1f},{tip + 24:.1f} {ax:.1f},{tip + 18:.1f} '
        f'{ax - 8:.1f},{tip + 24:.1f}" fill="{INK}"/>'
    )
    out.append(_text(ax, y, "N", CREDITS_SIZE + 2, anchor="middle", weight="bold"))
    return out


def to_svg(m: CoverageMap) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + svg_markup(m)).encode("utf-8")


def svg_markup(m: CoverageMap, *, label: str | None = None, county_link: Callable[[str], str] | None = None) -> str:
    """The <svg> element; inside a web page, `label` names the picture and each county links to `county_link(code)`."""
    size = f'width="{m.width:.0f}" height="{m.height:.0f}" '
    role = ""
    if label is not None:
        size = ""  # a page sizes it with CSS
        role = f' role="img" aria-label="{escape(printable(label))}"' if county_link is None else ""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" {size}'
        f'viewBox="0 0 {m.width:.0f} {m.height:.0f}" font-family="{FONT_FAMILY}"{role}>',
        f"<title>{escape(printable(m.title), quote=False)}</title>",
        f'<defs><pattern id="unknown" patternUnits="userSpaceOnUse" width="{HATCH_STEP}" height="{HATCH_STEP}" '
        'patternTransform="rotate(45)">'
        f'<rect width="{HATCH_STEP}" height="{HATCH_STEP}" fill="{UNKNOWN_FILL}"/>'
        f'<line x1="0" y1="0" x2="0" y2="{HATCH_STEP}" stroke="{HATCH}" stroke-width="{HATCH_WIDTH}"/>'
        "</pattern></defs>",
        f'<rect width="{m.width:.0f}" height="{m.height:.0f}" fill="#FFFFFF"/>',
        _text(30, 40, m.title, _title_size(m), weight="bold"),
        _text(30, 66, m.subtitle, _subtitle_size(m)),
    ]
    for shape in m.shapes:
        path = (
            f'<path d="{_svg_path(shape.rings)}" fill="{_fill(shape.style)}" fill-rule="evenodd" '
            f'stroke="{OUTLINE}" stroke-width="{OUTLINE_WIDTH}" stroke-linejoin="round"><title>'
            f"{escape(printable(shape.name), quote=False)} ({shape.code})</title></path>"
        )
        if county_link is not None:
            name = escape(printable(f"{shape.name} ({shape.code})"))
            path = f'<a href="{escape(county_link(shape.code))}" aria-label="{name}" class="county">{path}</a>'
        out.append(path)
    for shape in m.shapes:
        if shape.emphasised:  # drawn over its neighbours' outlines, so all of it shows
            out.append(
                f'<path d="{_svg_path(shape.rings)}" fill="none" stroke="{INK}" '
                f'stroke-width="{EMPHASIS_WIDTH}" stroke-linejoin="round"/>'
            )
    if m.spotlight:
        (x, y), radius = m.spotlight
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" fill="none" stroke="{INK}" '
            f'stroke-width="{EMPHASIS_WIDTH}"/>'
        )
    names = place_labels(m, bounds=picture_bounds(m, titled=True))
    for placed in names:
        if placed.leader:
            (x1, y1), (x2, y2) = leader(placed)
            out.append(
                f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{INK}" stroke-width="1"/>'
            )
    for seat in m.seats:
        out.append(_svg_seat(*seat.at, seat.style.fill))
    for placed in names:
        # The baseline a third of the size below the box's middle: DejaVu's capitals stand 0.73 em tall.
        weight = "bold" if placed.bold else "normal"
        x, y = placed.at
        out.append(
            _text(x, y + 0.36 * placed.size, placed.text, placed.size, anchor="middle", weight=weight, halo=True)
        )
    out += _svg_furniture(m)
    left = m.legend_at[0]
    for i, line in enumerate(message_lines(m.message)):
        top = m.legend_box()[1]
        out.append(_text(left, top + MESSAGE_SIZE + i * (MESSAGE_SIZE + 5), line, MESSAGE_SIZE, weight="bold"))
    for entry, lines, top in m.legend_rows():
        if entry.marker:
            out.append(_svg_seat(left + SWATCH / 2, top + SWATCH / 2, entry.style.fill))
        else:
            width = EMPHASIS_WIDTH if entry.emphasised else 1
            out.append(
                f'<rect x="{left:.1f}" y="{top:.1f}" width="{SWATCH}" height="{SWATCH}" '
                f'fill="{_fill(entry.style)}" stroke="{INK}" stroke-width="{width}"/>'
            )
            if entry.seat:
                out.append(_svg_seat(left + SWATCH / 2, top + SWATCH / 2, entry.style.fill))
        for i, line in enumerate(lines):
            out.append(_text(left + SWATCH + 10, top + 16 + i * LEGEND_LINE, line, LEGEND_SIZE))
    for i, line in enumerate(m.credit_lines()):
        out.append(_text(30, m.body[1] + 30 + CREDITS_SIZE + i * (CREDITS_SIZE + 4), line, CREDITS_SIZE))
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# PNG
# --------------------------------------------------------------------------

_FONT_FILES = (
    # The DejaVu Sans owes ships for its PDFs first: the same picture on every machine.
    str(Path(__file__).resolve().parent.parent / "fonts" / "DejaVuSans{bold}.ttf"),
    "/usr/share/fonts/truetype/dejavu/DejaVuSans{bold}.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans{bold}.ttf",
    "/Library/Fonts/Arial{bold}.ttf",
    "C:/Windows/Fonts/arial{bold}.ttf",
)


@functools.cache
def _font(size: int, bold: bool = False) -> Any:
    from PIL import ImageFont

    for pattern in _FONT_FILES:
        path = Path(pattern.format(bold=("-Bold" if "DejaVu" in pattern else "bd") if bold else ""))
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)  # Pillow's own font has the Polish letters


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def to_png(
    m: CoverageMap, *, scale: float = PNG_SCALE, titled: bool = True, dpi: float | None = None, names: float = 1.0
) -> bytes:
    """The map as a PNG of `scale` pixels per map unit.

    `titled=False` leaves out the title, subtitle and credits (a document
    prints them as text beside the picture) and crops to the map and its
    legend. `dpi` is recorded in the file for programs that size pictures by
    it. `names` enlarges the names on the map (a small picture keeps them
    legible). The bytes depend only on the arguments (and Pillow's version): no
    timestamps or other metadata are written, and the fonts are the ones
    shipped with owes where they are found.

    The picture is drawn at the size it is shown. Text is smoothed by
    Pillow; each area, outline and marker is drawn as a mask SUPERSAMPLE
    times finer over its own small box and scaled down, which smooths its
    edges without a full-size supersampled canvas (time and memory).
    """
    import io

    canvas = _Canvas(m, scale, titled)
    if titled:
        canvas.text(30, 40, m.title, _title_size(m), bold=True, halo=False)
        canvas.text(30, 66, m.subtitle, _subtitle_size(m))
    for shape in m.shapes:
        canvas.area(shape.rings, shape.style)
    for shape in m.shapes:
        canvas.edges(shape.rings, OUTLINE, OUTLINE_WIDTH)
    for shape in m.shapes:
        if shape.emphasised:  # over the neighbours' outlines, so all of it shows
            canvas.edges(shape.rings, INK, EMPHASIS_WIDTH)
    if m.spotlight:
        (x, y), radius = m.spotlight
        ring = [(x + radius * math.cos(a * math.pi / 32), y + radius * math.sin(a * math.pi / 32)) for a in range(64)]
        canvas.edges([ring], INK, EMPHASIS_WIDTH)
    labels = place_labels(m, names, picture_bounds(m, titled=titled))
    for label in labels:
        if label.leader:
            canvas.edges([list(leader(label))], INK, 1.0)
    for seat in m.seats:
        canvas.seat(seat.at, seat.style.fill)
    for label in labels:
        for line, at in name_lines(label):
            canvas.text(*at, line, label.size, anchor="mm", bold=label.bold, halo=True)
    _png_furniture(canvas, m)
    for i, line in enumerate(message_lines(m.message)):
        top = m.legend_box()[1]
        canvas.text(
            m.legend_at[0], top + MESSAGE_SIZE + i * (MESSAGE_SIZE + 5), line, MESSAGE_SIZE, bold=True, halo=False
        )
    _png_legend(canvas, m)
    if titled:
        for i, line in enumerate(m.credit_lines()):
            canvas.text(30, m.body[1] + 30 + CREDITS_SIZE + i * (CREDITS_SIZE + 4), line, CREDITS_SIZE)
    buffer = io.BytesIO()
    # zlib level 3: a tenth larger than the default level 6 and a third quicker; `optimize` is 3 times slower.
    # A map unit is a CSS pixel (the SVG's), 96 to the inch: the file's DPI says how large it prints.
    dpi = dpi or 96 * scale
    canvas.image.save(buffer, format="PNG", compress_level=3, dpi=(dpi, dpi))
    return buffer.getvalue()


def _png_furniture(canvas: _Canvas, m: CoverageMap) -> None:
    if m.furniture_at is None:
        return
    x, y = m.furniture_at
    length, kilometres = scale_bar(m.km)
    for left, fill in ((x, INK), (x + length / 2, "#FFFFFF")):
        box = [[(left, y - 8), (left + length / 2, y - 8), (left + length / 2, y - 2), (left, y - 2)]]
        canvas.area(box, Style(fill))
        canvas.edges(box, INK, 1.0)
    canvas.text(x, y - 14, "0", CREDITS_SIZE, anchor="ms")
    canvas.text(x + length, y - 14, f"{kilometres} km", CREDITS_SIZE, anchor="ms")
    ax, tip = x + length + 40, y - 44
    canvas.area([[(ax, tip), (ax + 8, tip + 24), (ax, tip + 18), (ax - 8, tip + 24)]], Style(INK))
    canvas.text(ax, y, "N", CREDITS_SIZE + 2, anchor="ms", bold=True, halo=False)


def _png_legend(canvas: _Canvas, m: CoverageMap) -> None:
    left = m.legend_at[0]
    for entry, lines, top in m.legend_rows():
        centre = (left + SWATCH / 2, top + SWATCH / 2)
        if not entry.marker:
            box = [[(left, top), (left + SWATCH, top), (left + SWATCH, top + SWATCH), (left, top + SWATCH)]]
            canvas.area(box, entry.style)
            canvas.edges(box, INK, EMPHASIS_WIDTH if entry.emphasised else 1.0)
        if entry.marker or entry.seat:
            canvas.seat(centre, entry.style.fill)
        for i, line in enumerate(lines):
            canvas.text(left + SWATCH + 10, top + 16 + i * LEGEND_LINE, line, LEGEND_SIZE)


def png_size(m: CoverageMap, scale: float, titled: bool) -> tuple[int, int]:
    """The width and height in pixels of `to_png`'s picture, without drawing it."""
    height = m.height if titled else m.body[1] - m.body[0]
    return round(m.width * scale), round(height * scale)


class _Canvas:
    """A picture drawn in map units: `scale` pixels each, from the map's top (or its body's, untitled)."""

    def __init__(self, m: CoverageMap, scale: float, titled: bool) -> None:
        from PIL import Image, ImageDraw

        self.scale = scale
        self.top = 0.0 if titled else m.body[0]
        self.image = Image.new("RGB", png_size(m, scale, titled), "#FFFFFF")
        self.draw = ImageDraw.Draw(self.image)

    def px(self, x: float, y: float) -> tuple[float, float]:
        return x * self.scale, (y - self.top) * self.scale

    def text(
        self, x: float, y: float, value: str, size: float, *, anchor: str = "ls", bold: bool = False, halo: bool = False
    ) -> None:
        """Text in INK; the names on the map in a white halo, to read over any fill."""
        self.draw.text(
            self.px(x, y),
            printable(value),
            font=_font(round(size * self.scale), bold),
            fill=_rgb(INK),
            anchor=anchor,
            stroke_width=round(1.5 * self.scale) if halo else 0,
            stroke_fill="#FFFFFF",
        )

    def area(self, rings: list[list[tuple[float, float]]], style: Style) -> None:
        _paint_area(self.image, [[self.px(x, y) for x, y in ring] for ring in rings], style, self.scale)

    def edges(self, rings: list[list[tuple[float, float]]], colour: str, width: float) -> None:
        _paint_edges(self.image, [[self.px(x, y) for x, y in ring] for ring in rings], colour, width * self.scale)

    def seat(self, at: tuple[float, float], fill: str) -> None:
        _paint_seat(self.image, self.px(*at), fill, self.scale)


def _mask(points: list[tuple[float, float]], pad: float, paint: Any) -> tuple[Any, tuple[int, int]]:
    """A smoothed mask over the box around `points`: `paint(fine, to_mask)` draws it SUPERSAMPLE times finer."""
    from PIL import Image

    left, upper = int(min(x for x, _ in points) - pad), int(min(y for _, y in points) - pad)
    width = int(max(x for x, _ in points) + pad) - left + 2
    height = int(max(y for _, y in points) + pad) - upper + 2
    fine = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)

    def to_mask(x: float, y: float) -> tuple[float, float]:
        return (x - left) * SUPERSAMPLE, (y - upper) * SUPERSAMPLE

    paint(fine, to_mask)
    return fine.reduce(SUPERSAMPLE), (left, upper)


def _paint_area(image: Any, rings: list[list[tuple[float, float]]], style: Style, scale: float) -> None:
    """An area filled even-odd (holes stay open), hatched when its centre is not in our sources.

    Not smoothed: every area gets a smoothed outline over its edge (the
    counties' white borders, the legend boxes' frames), which hides it.
    """
    from PIL import Image, ImageChops, ImageDraw

    if len(rings) == 1:  # most counties: straight onto the picture
        ImageDraw.Draw(image).polygon(rings[0], fill=_rgb(style.fill))
        if not style.hatched:
            return
    points = [p for ring in rings for p in ring]
    left, upper = int(min(x for x, _ in points)), int(min(y for _, y in points))
    size = (int(max(x for x, _ in points)) - left + 2, int(max(y for _, y in points)) - upper + 2)
    mask = Image.new("L", size, 0)
    for ring in rings:  # each ring flips what it covers, so holes stay empty
        ring_mask = Image.new("L", size, 0)
        ImageDraw.Draw(ring_mask).polygon([(x - left, y - upper) for x, y in ring], fill=255)
        mask = ImageChops.difference(mask, ring_mask)  # on 0/255 images, a XOR
    if len(rings) > 1:
        image.paste(_rgb(style.fill), (left, upper), mask)
    if style.hatched:
        lines = _hatch(scale, image.size).crop((left, upper, left + size[0], upper + size[1]))
        image.paste(_rgb(HATCH), (left, upper), ImageChops.multiply(mask, lines))


@functools.lru_cache(maxsize=4)
def _hatch(scale: float, size: tuple[int, int]) -> Any:
    """A mask of diagonal lines over the whole picture, as the SVG's pattern (one smoothed tile repeated)."""
    from PIL import Image, ImageDraw

    step = max(2, round(HATCH_STEP * 0.75 * scale))  # along an edge: the pattern is rotated by 45°
    fine = Image.new("L", (step * SUPERSAMPLE, step * SUPERSAMPLE), 0)
    draw = ImageDraw.Draw(fine)
    side = step * SUPERSAMPLE
    for shift in (-side, 0, side):  # the line and its neighbours' ends that cross the tile's corners
        draw.line([(shift + side, 0), (shift, side)], fill=255, width=round(1.8 * scale * SUPERSAMPLE))
    tile = fine.reduce(SUPERSAMPLE)
    row = Image.new("L", (size[0] + step, step))
    for x in range(0, row.width, step):
        row.paste(tile, (x, 0))
    layer = Image.new("L", (size[0] + step, size[1] + step))
    for y in range(0, layer.height, step):
        layer.paste(row, (0, y))
    return layer


def _paint_edges(image: Any, rings: list[list[tuple[float, float]]], colour: str, width: float) -> None:
    from PIL import ImageDraw

    def edges(fine: Any, to_mask: Any) -> None:
        draw = ImageDraw.Draw(fine)
        for ring in rings:
            draw.line([to_mask(x, y) for x, y in ring + ring[:1]], fill=255, width=round(width * SUPERSAMPLE))

    mask, origin = _mask([p for ring in rings for p in ring], width, edges)
    image.paste(_rgb(colour), origin, mask)


def _paint_seat(image: Any, centre: tuple[float, float], fill: str, scale: float) -> None:
    """A seat marker: the centre's colour in a white ring, with a thin dark edge to show on pale ground."""
    from PIL import ImageDraw

    x, y = centre
    for radius, colour in (
        (SEAT_RADIUS + SEAT_RING / 2 + 0.5, INK),
        (SEAT_RADIUS + SEAT_RING / 2, "#FFFFFF"),
        (SEAT_RADIUS - SEAT_RING / 2, fill),
    ):
        r = radius * scale

        def disc(fine: Any, to_mask: Any, r: float = r) -> None:
            (left, upper), (right, lower) = to_mask(x - r, y - r), to_mask(x + r, y + r)
            ImageDraw.Draw(fine).ellipse((left, upper, right, lower), fill=255)

        mask, origin = _mask([(x - r, y - r), (x + r, y + r)], 1, disc)
        image.paste(_rgb(colour), origin, mask)
