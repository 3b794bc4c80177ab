"""Make the fonts `owes export` embeds in PDFs: DejaVu Sans, cut to the letters we print.

    python scripts/subset_fonts.py [--source /usr/share/fonts/truetype/dejavu] [--check]

The PDF core fonts have no "ż", so the exporter embeds a Unicode TrueType
font. DejaVu Sans (Debian's fonts-dejavu-core) allows redistribution; the full
files are ~750 KB each, so we keep only Basic Latin, Latin-1, Latin
Extended-A (every Polish letter) and the punctuation the documents use. The
result is deterministic (no timestamps), so `--check` can compare it with
what is shipped in owes_cli/fonts/.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

PROJECT = Path(__file__).resolve().parent.parent
TARGET = PROJECT / "owes_cli" / "fonts"
DEFAULT_SOURCE = Path("/usr/share/fonts/truetype/dejavu")
DEBIAN_COPYRIGHT = Path("/usr/share/doc/fonts-dejavu-core/copyright")
LICENCE = "LICENSE-DejaVu.txt"
FACES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

UNICODES = [
    *range(0x0020, 0x007F),  # Basic Latin
    *range(0x00A0, 0x0100),  # Latin-1 Supplement: nbsp, ©, «», ·, ó, ×
    *range(0x0100, 0x0180),  # Latin Extended-A: ą ć ę ł ń ś ź ż and their capitals
    0x200B,  # zero-width space: where a printed web address may break (layout/typography.py)
    *range(0x2010, 0x2028),  # dashes, quotes „ ” “ ‘ ’, bullet •, ellipsis …
    0x2030,
    0x2039,
    0x203A,  # ‰ ‹ ›
    0x20AC,  # €
    0x2116,  # №
    0x2190,
    0x2192,  # ← →
    0xFFFD,  # the replacement character render.printable() uses
]


def subset_font(path: Path) -> bytes:
    options = subset.Options()
    options.hinting = False  # PDF viewers ignore TrueType hinting; it is half the size
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.glyph_names = True  # names in the font: reading it then needs no Adobe Glyph List (40 ms)
    options.layout_features = ["kern", "liga"]
    options.drop_tables += ["FFTM"]  # FontForge's build timestamps
    font = TTFont(path, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)  # recalcTimestamp=False keeps head.modified as DejaVu released it
    return out.getvalue()


def licence_text(copyright_file: Path) -> str:
    """The fonts' licence, from Debian's machine-readable copyright file ("Files: *")."""
    paragraphs = copyright_file.read_text(encoding="utf-8").split("\n\n")
    fonts = next(p for p in paragraphs if p.startswith("Files: *"))
    lines = []
    for line in fonts.splitlines():
        if line.startswith(("Files:", "License:")):
            continue
        line = line.removeprefix("Copyright: ").removeprefix(" ")
        lines.append("" if line == "." else line.rstrip())
    header = (
        "DejaVu Sans and DejaVu Sans Bold, as embedded in the PDFs `owes export` writes.\n"
        "Subset by scripts/subset_fonts.py to Latin, Latin Extended-A and punctuation;\n"
        "otherwise unmodified. Source: https://dejavu-fonts.github.io/ (Debian fonts-dejavu-core).\n"
        "Licence: Bitstream Vera Fonts Copyright; DejaVu changes are in the public domain.\n\n"
    )
    return header + "\n".join(lines).strip() + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--copyright", type=Path, default=DEBIAN_COPYRIGHT)
    parser.add_argument("--check", action="store_true", help="compare with the shipped fonts, write nothing")
    args = parser.parse_args()
    stale = []
    outputs = {face: subset_font(args.source / face) for face in FACES}
    outputs[LICENCE] = licence_text(args.copyright).encode("utf-8")
    for name, data in outputs.items():
        target = TARGET / name
        if args.check:
            if not target.is_file() or target.read_bytes() != data:
                stale.append(name)
        else:
            target.write_bytes(data)
            print(f"{target.relative_to(PROJECT)}: {len(data)} bytes")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
