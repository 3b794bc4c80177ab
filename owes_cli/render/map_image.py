"""Drawing a `CoverageMap` as SVG (text, no dependency) or PNG (Pillow, imported when asked)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from owes_cli.layout.coverage_map import (
    EMPHASIS_WIDTH,
    HATCH,
    INK,
    LEGEND_X,
    OUTLINE,
    OUTLINE_WIDTH,
    UNKNOWN_FILL,
    CoverageMap,
    LegendEntry,
    Style,
)
from owes_cli.safe_text import printable

FONT_FAMILY = "DejaVu Sans, Verdana, Arial, sans-serif"
TITLE_SIZE, SUBTITLE_SIZE, LABEL_SIZE, LEGEND_SIZE, CREDITS_SIZE = 22, 14, 12, 14, 11
LEGEND_WRAP = 40  # characters a legend line holds
LEGEND_LINE = 19
SWATCH = 22
SEAT_RADIUS = 7
HATCH_STEP, HATCH_WIDTH = 8, 2.5  # units between the hatch lines of "not in our sources", and their width
PNG_SCALE = 2  # pixels per map unit in the file; drawn at twice that and scaled down, to smooth the edges


def _legend_rows(legend: list[LegendEntry]) -> list[tuple[LegendEntry, list[str], float]]:
    """Each entry with its wrapped lines and its top edge."""
    rows, y = [], 130.0
    for entry in legend:
        lines = textwrap.wrap(printable(entry.text), LEGEND_WRAP) or [""]
        rows.append((entry, lines, y))
        y += max(SWATCH, len(lines) * LEGEND_LINE) + 14
    return rows


# --------------------------------------------------------------------------
# SVG
# --------------------------------------------------------------------------


def _fill(style: Style) -> str:
    return "url(#unknown)" if style.hatched else style.fill


def _text(
    x: float,
    y: float,
    text: str,
    size: int,
    *,
    anchor: str = "start",
    weight: str = "normal",
    halo: bool = False,
) -> str:
    extra = ' stroke="#FFFFFF" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' if halo else ""
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{INK}"{extra}>{escape(printable(text))}</text>'
    )


def _svg_path(rings: list[list[tuple[float, float]]]) -> str:
    return " ".join("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in ring) + " Z" for ring in rings)


def to_svg(m: CoverageMap) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{m.width:.0f}" height="{m.height:.0f}" '
        f'viewBox="0 0 {m.width:.0f} {m.height:.0f}" font-family="{FONT_FAMILY}">',
        f"<title>{escape(printable(m.title))}</title>",
        f'<defs><pattern id="unknown" patternUnits="userSpaceOnUse" width="{HATCH_STEP}" height="{HATCH_STEP}" '
        'patternTransform="rotate(45)">'
        f'<rect width="{HATCH_STEP}" height="{HATCH_STEP}" fill="{UNKNOWN_FILL}"/>'
        f'<line x1="0" y1="0" x2="0" y2="{HATCH_STEP}" stroke="{HATCH}" stroke-width="{HATCH_WIDTH}"/>'
        "</pattern></defs>",
        f'<rect width="{m.width:.0f}" height="{m.height:.0f}" fill="#FFFFFF"/>',
        _text(30, 40, m.title, TITLE_SIZE, weight="bold"),
        _text(30, 66, m.subtitle, SUBTITLE_SIZE),
    ]
    for shape in m.shapes:
        out.append(
            f'<path d="{_svg_path(shape.rings)}" fill="{_fill(shape.style)}" fill-rule="evenodd" '
            f'stroke="{OUTLINE}" stroke-width="{OUTLINE_WIDTH}" stroke-linejoin="round"><title>'
            f"{escape(printable(shape.name))} ({shape.code})</title></path>"
        )
    for shape in m.shapes:
        if shape.emphasised:  # drawn over its neighbours' outlines, so all of it shows
            out.append(
                f'<path d="{_svg_path(shape.rings)}" fill="none" stroke="{INK}" '
                f'stroke-width="{EMPHASIS_WIDTH}" stroke-linejoin="round"/>'
            )
    for shape in m.shapes:
        if shape.labelled:
            out.append(_text(shape.label[0], shape.label[1] + 4, shape.name, LABEL_SIZE, anchor="middle", halo=True))
    for seat in m.seats:
        x, y = seat.at
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{SEAT_RADIUS}" fill="{seat.style.fill}" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
        out.append(_text(x, y - SEAT_RADIUS - 5, seat.name, LABEL_SIZE, anchor="middle", weight="bold", halo=True))
    for entry, lines, top in _legend_rows(m.legend):
        if entry.marker:
            out.append(
                f'<circle cx="{LEGEND_X + SWATCH / 2:.1f}" cy="{top + SWATCH / 2:.1f}" r="{SEAT_RADIUS}" '
                f'fill="{entry.style.fill}" stroke="{INK}" stroke-width="2"/>'
            )
        else:
            width = EMPHASIS_WIDTH if entry.emphasised else 1
            out.append(
                f'<rect x="{LEGEND_X:.1f}" y="{top:.1f}" width="{SWATCH}" height="{SWATCH}" '
                f'fill="{_fill(entry.style)}" stroke="{INK}" stroke-width="{width}"/>'
            )
        for i, line in enumerate(lines):
            out.append(_text(LEGEND_X + SWATCH + 10, top + 16 + i * LEGEND_LINE, line, LEGEND_SIZE))
    out.append(_text(30, m.height - 14, m.credits, CREDITS_SIZE))
    out.append("</svg>")
    return ("\n".join(out) + "\n").encode("utf-8")


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


def _font(size: float, bold: bool = False) -> Any:
    from PIL import ImageFont

    for pattern in _FONT_FILES:
        path = Path(pattern.format(bold=("-Bold" if "DejaVu" in pattern else "bd") if bold else ""))
        if path.is_file():
            return ImageFont.truetype(str(path), round(size))
    return ImageFont.load_default(size=round(size))  # Pillow's own font has the Polish letters


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def to_png(m: CoverageMap, *, scale: float = PNG_SCALE) -> bytes:
    """The map as a PNG of `scale` pixels per map unit.

    The bytes depend only on the map and the scale (and Pillow's version):
    no timestamps or other metadata are written, and the fonts are the ones
    shipped with owes where they are found.
    """
    import io

    from PIL import Image, ImageChops, ImageDraw

    k = max(2, round(scale * 2))  # whole pixels per unit while drawing, for the integer line widths
    size = (round(m.width * k), round(m.height * k))
    image = Image.new("RGB", size, "#FFFFFF")
    draw = ImageDraw.Draw(image)
    hatch = _hatch_layer(size, k)

    def area(rings: list[list[tuple[float, float]]], style: Style) -> None:
        points = [(x * k, y * k) for ring in rings for x, y in ring]
        left, top = int(min(x for x, _ in points)), int(min(y for _, y in points))
        box = (int(max(x for x, _ in points)) - left + 2, int(max(y for _, y in points)) - top + 2)
        mask = Image.new("L", box, 0)
        for ring in rings:  # even-odd: each ring flips what it covers, so holes stay empty
            ring_mask = Image.new("L", box, 0)
            ImageDraw.Draw(ring_mask).polygon([(x * k - left, y * k - top) for x, y in ring], fill=255)
            mask = ImageChops.difference(mask, ring_mask)  # on 0/255 images, a XOR
        fill = hatch.crop((left, top, left + box[0], top + box[1])) if style.hatched else _rgb(style.fill)
        image.paste(fill, (left, top), mask)

    def text(
        x: float,
        y: float,
        value: str,
        font_size: float,
        *,
        anchor: str = "ls",
        bold: bool = False,
        halo: bool = False,
    ) -> None:
        draw.text(
            (x * k, y * k),
            printable(value),
            font=_font(font_size * k, bold),
            fill=_rgb(INK),
            anchor=anchor,
            stroke_width=round(1.5 * k) if halo else 0,
            stroke_fill="#FFFFFF",
        )

    text(30, 40, m.title, TITLE_SIZE, bold=True)
    text(30, 66, m.subtitle, SUBTITLE_SIZE)
    for shape in m.shapes:
        area(shape.rings, shape.style)
    for colour, width, shapes in (
        (OUTLINE, OUTLINE_WIDTH, m.shapes),
        (INK, EMPHASIS_WIDTH, [shape for shape in m.shapes if shape.emphasised]),
    ):
        for shape in shapes:
            for ring in shape.rings:
                draw.line(
                    [(x * k, y * k) for x, y in ring + ring[:1]], fill=colour, width=round(width * k), joint="curve"
                )
    for shape in m.shapes:
        if shape.labelled:
            text(shape.label[0], shape.label[1], shape.name, LABEL_SIZE, anchor="mm", halo=True)
    for seat in m.seats:
        x, y = seat.at
        r = SEAT_RADIUS * k
        draw.ellipse(
            (x * k - r, y * k - r, x * k + r, y * k + r),
            fill=_rgb(seat.style.fill),
            outline=_rgb(INK),
            width=2 * k,
        )
        text(x, y - SEAT_RADIUS - 5, seat.name, LABEL_SIZE, anchor="ms", bold=True, halo=True)
    for entry, lines, top in _legend_rows(m.legend):
        if entry.marker:
            cx, cy, r = (LEGEND_X + SWATCH / 2) * k, (top + SWATCH / 2) * k, SEAT_RADIUS * k
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=_rgb(entry.style.fill), outline=_rgb(INK), width=2 * k)
        else:
            box = [
                (LEGEND_X, top),
                (LEGEND_X + SWATCH, top),
                (LEGEND_X + SWATCH, top + SWATCH),
                (LEGEND_X, top + SWATCH),
            ]
            area([box], entry.style)
            draw.rectangle(
                (LEGEND_X * k, top * k, (LEGEND_X + SWATCH) * k, (top + SWATCH) * k),
                outline=_rgb(INK),
                width=round(EMPHASIS_WIDTH * k) if entry.emphasised else k,
            )
        for i, line in enumerate(lines):
            text(LEGEND_X + SWATCH + 10, top + 16 + i * LEGEND_LINE, line, LEGEND_SIZE)
    text(30, m.height - 14, m.credits, CREDITS_SIZE)
    if k == scale * 2:  # averaging each 2×2 block smooths the edges, and is quick
        final = image.reduce(2)
    else:
        final = image.resize((round(m.width * scale), round(m.height * scale)), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    final.save(buffer, format="PNG")  # zlib's default level: `optimize` saves 3 % and takes 3 times as long
    return buffer.getvalue()


def _hatch_layer(size: tuple[int, int], k: int) -> Any:
    from PIL import Image, ImageDraw

    layer = Image.new("RGB", size, UNKNOWN_FILL)
    draw = ImageDraw.Draw(layer)
    step = 8 * k * 0.75
    width, height = size
    offset = 0.0
    while offset < width + height:
        draw.line([(offset, 0), (offset - height, height)], fill=_rgb(HATCH), width=max(1, round(1.8 * k)))
        offset += step
    return layer
