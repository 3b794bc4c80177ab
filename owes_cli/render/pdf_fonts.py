"""The fonts a PDF embeds, read and cut as fpdf2 reads and cuts them, in less time.

Reading. fpdf2 asks each font's name table for the font's full name, and
fontTools looks up the table's class again when it saves the font.
fontTools' class for that table imports fontTools' OpenType tables (which
fontTools builds as they are imported: a twentieth of a fact sheet's
export) for what owes never asks of it. While owes makes a PDF
(`names_read_lightly`), the name table's class is `FontNames`: the same
full name from the Windows English names, which every font owes embeds
has; for anything else it asks fontTools' own class. The subsetter always
works with fontTools' own.

Cutting. As it writes a PDF, fpdf2 2.8.9 cuts each embedded font down to
the glyphs the document uses: fontTools' subsetter, then the font saved
again. The subsetter's import and its run are about a fifth of a fact
sheet's export. A document's glyphs are few and come back run after run
(a county's sheet, in one language, the directory), so the cut font is
kept in owes' cache directory (`dataset_cache.directory()`) under a key of
everything that decides its bytes: the font file, the versions of fpdf2
and fontTools, fpdf2's subsetting options, and the glyphs asked for. A run
that finds its key embeds the kept font, and neither imports the
subsetter nor runs it.

Either way, fpdf2 is handed the cut font read from its bytes (no table
decompiled) with the glyph order the subsetter gave it: fpdf2 asks it for
the glyphs' ids, and saving it copies its tables as they are. So the PDF is
byte for byte what fpdf2 writes on its own (tests/test_lean_fpdf.py).

`install` puts this module in place of `fontTools.subset` in fpdf2's
`fpdf.output`, and only for the fpdf2 whose font writing it follows
(`Options(**settings)`, `drop_tables +=`, `Subsetter(options)`,
`populate(glyphs=…)`, `subset(ttfont)`, then `getGlyphID` and `save`).

An entry is trusted as the dataset cache trusts one: a regular file of this
user that no one else may write, in a directory no one else may write,
whose key matches and whose font bytes have the CRC-32 written beside
them; anything else is cut afresh and written again. Every failure of the
cache is silent and costs only the speed; `OWES_NO_CACHE` and
`owes --no-cache` turn it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import struct
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

from fontTools.ttLib.tables.DefaultTable import DefaultTable  # type: ignore[import-untyped]
from fontTools.ttLib.ttFont import (  # type: ignore[import-untyped]
    getCustomTableClass,
    registerCustomTableClass,
    unregisterCustomTableClass,
)

from owes_cli.domain import dataset_cache
from owes_cli.render.fpdf_import import FOLLOWED_FPDF

FORMAT = "owes-font-subset/1"
# A cut DejaVu face is some 20 KB; a whole one, 50 KB.
MAX_ENTRY_BYTES = 1024 * 1024
# Entries kept: two faces for each document a user makes again and again; past this
# many, writing one removes the least recently written.
MAX_ENTRIES = 200
PREFIX = "font-"


def install() -> None:
    """Let fpdf2 cut its fonts through this module (fpdf2 imported; any other version: left alone)."""
    import fpdf
    import fpdf.output

    if fpdf.__version__ == FOLLOWED_FPDF:  # the release whose font writing (`fpdf.output._add_fonts`) this follows
        fpdf.output.ftsubset = _Subsetting()  # type: ignore[attr-defined]


def _installed() -> bool:
    import fpdf.output

    return isinstance(getattr(fpdf.output, "ftsubset", None), _Subsetting)


@contextlib.contextmanager
def names_read_lightly() -> Iterator[None]:
    """While owes makes a PDF: fonts' name tables read by `FontNames`, when fonts are cut here
    (fpdf2 cutting them itself would find no subsetting methods on that class)."""
    if not _installed():
        yield
        return
    registerCustomTableClass(NAME, __name__, FontNames.__name__)
    try:
        yield
    finally:
        unregisterCustomTableClass(NAME)


@contextlib.contextmanager
def _names_read_by_fonttools() -> Iterator[None]:
    """fontTools' own class for name tables, for the subsetter (which adds its methods to that class)."""
    lightly = getCustomTableClass(NAME) is FontNames
    if lightly:
        unregisterCustomTableClass(NAME)
    try:
        yield
    finally:
        if lightly:
            registerCustomTableClass(NAME, __name__, FontNames.__name__)


NAME = "name"


# fontTools' order of the names that make a font's full name (`table__n_a_m_e.getBestFullName`).
FULL_NAME_IDS = ((21, 22), (16, 17), (1, 2), (4,), (6,))
WINDOWS_ENGLISH = (3, 1, 0x409)  # platform, encoding (Unicode BMP, UTF-16BE), language


class FontNames(DefaultTable):  # type: ignore[misc]
    """A font's name table for fpdf2: its full name as fontTools gives it, from the Windows English names.

    fontTools prefers a Windows English name to any other; a name found
    only elsewhere, or a table out of the ordinary, is left to fontTools'
    own class, as is anything else asked of the table.
    """

    dependencies = ["ltag"]  # as fontTools' class has it: the order in which a font's tables are written

    def getBestFullName(self) -> str | None:
        english = _windows_english(self.data)
        if english is None:
            return self._fonttools().getBestFullName()  # type: ignore[no-any-return]
        found, names = english
        for ids in FULL_NAME_IDS:
            if any(nameid in found and nameid not in names for nameid in ids):
                return self._fonttools().getBestFullName()  # type: ignore[no-any-return]
            if all(nameid in names for nameid in ids):
                if len(ids) == 1:
                    return names[ids[0]]
                family, style = names[ids[0]], names[ids[1]]
                return family if style.lower() == "regular" else f"{family} {style}"
        return None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("data", "tableTag"):
            raise AttributeError(name)
        return getattr(self._fonttools(), name)

    def _fonttools(self) -> Any:
        from fontTools.ttLib.tables._n_a_m_e import table__n_a_m_e  # type: ignore[import-untyped]

        table = table__n_a_m_e()
        table.decompile(self.data, None)
        return table


def _windows_english(data: bytes) -> tuple[set[int], dict[int, str]] | None:
    """The IDs of all the names in a name table, and the first Windows English name of each ID,
    or None when the table is out of the ordinary (fontTools' class then reads it)."""
    try:
        table_format, count, strings = struct.unpack(">HHH", data[:6])
        if table_format not in (0, 1) or strings != 6 + 12 * count or len(data) < strings:
            return None
        found: set[int] = set()
        names: dict[int, str] = {}
        for platform, encoding, language, nameid, length, offset in struct.iter_unpack(">6H", data[6:strings]):
            found.add(nameid)
            if (platform, language) != (WINDOWS_ENGLISH[0], WINDOWS_ENGLISH[2]) or nameid in names:
                continue
            if encoding != WINDOWS_ENGLISH[1]:
                return None  # fontTools takes the first Windows English name, in whichever encoding
            raw = data[strings + offset : strings + offset + length]
            if len(raw) != length or length % 2:
                return None  # fontTools mends or skips such a name
            text = raw.decode("utf_16_be")
            if all(ord(c) == 0 if i % 2 == 0 else 0x20 <= ord(c) <= 0x7E or c in "\t\n\r" for i, c in enumerate(text)):
                return None  # fontTools reads it as doubly encoded (an empty name too)
            names[nameid] = text
    except (struct.error, UnicodeDecodeError):
        return None
    return found, names


class Options:
    """fontTools' subsetting options as fpdf2 sets them: its keyword arguments and the tables it drops."""

    def __init__(self, **settings: Any) -> None:
        self.settings = settings
        self.drop_tables: list[str] = []  # added to fontTools' own list

    def real(self) -> Any:
        from owes_cli.render.fpdf_import import import_subsetter

        options = import_subsetter().Options(**self.settings)
        options.drop_tables += self.drop_tables
        return options


class Subsetter:
    """`fontTools.subset.Subsetter` for one font: its cut kept, or made and kept."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.glyphs: list[str] = []

    def populate(self, *, glyphs: list[str]) -> None:
        # A set to the subsetter, and in no fixed order from fpdf2 (built from a set): sorted, a key.
        self.glyphs = sorted(set(glyphs))

    def subset(self, font: Any) -> None:
        """Turn `font` (a fontTools TTFont read from a file) into its cut."""
        key = _key(font, self.options, self.glyphs)
        kept = _read(key) if key is not None else None
        if kept is None:
            kept = self._cut(font)
            if key is not None:
                _write(key, *kept)
        data, order = kept
        _become(font, data, order)

    def _cut(self, font: Any) -> tuple[bytes, list[str]]:
        from owes_cli.render.fpdf_import import import_subsetter

        with _names_read_by_fonttools():
            if isinstance(font.tables.get(NAME), FontNames):  # read again by fontTools' class
                del font.tables[NAME]
            subsetter = import_subsetter().Subsetter(self.options.real())
            subsetter.populate(glyphs=self.glyphs)
            subsetter.subset(font)
            out = BytesIO()
            font.save(out)  # as fpdf2 saves it
            return out.getvalue(), list(font.getGlyphOrder())


class _Subsetting:
    """What fpdf2 uses of `fontTools.subset`."""

    Options = Options
    Subsetter = Subsetter


def _become(font: Any, data: bytes, order: list[str]) -> None:
    """Make `font` the cut font read from `data`, its glyphs named as the subsetter named them.

    The same object, as fpdf2 holds it: its file is closed, and its state is the cut's.
    """
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    cut = TTFont(BytesIO(data), recalcTimestamp=False, lazy=True)
    cut.setGlyphOrder(order)
    font.close()
    font.__dict__.clear()
    font.__dict__.update(cut.__dict__)


def _key(font: Any, options: Options, glyphs: list[str]) -> dict[str, Any] | None:
    """Everything the cut's bytes depend on, or None when there is nothing to key it by (or no cache)."""
    if not dataset_cache.enabled():
        return None
    import fontTools  # type: ignore[import-untyped]

    # The font as its file holds it: fpdf2 2.8.9 reads a static font's tables and changes none.
    name = getattr(getattr(getattr(font, "reader", None), "file", None), "name", None)
    if not isinstance(name, str):
        return None
    try:
        info = os.stat(name)
        with open(name, "rb") as handle:
            crc = zlib.crc32(handle.read())
    except OSError:
        return None
    key = {
        "format": FORMAT,
        "fpdf": FOLLOWED_FPDF,
        "fonttools": fontTools.version,
        "font": [os.path.realpath(name), info.st_size, info.st_mtime_ns, crc],
        "options": [sorted(options.settings.items()), options.drop_tables],
        "glyphs": glyphs,
    }
    parsed: dict[str, Any] = json.loads(json.dumps(key))  # as an entry holds it: tuples are lists there
    return parsed


def _entry(key: dict[str, Any]) -> Path | None:
    folder = dataset_cache.directory()
    if folder is None:
        return None
    digest = hashlib.sha256(json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogateescape"))
    return folder / f"{PREFIX}{digest.hexdigest()[:32]}.bin"


def _read(key: dict[str, Any]) -> tuple[bytes, list[str]] | None:
    """The kept cut for `key`: its bytes and glyph order, or None when there is none to trust."""
    content = dataset_cache.read_trusted(_entry(key), MAX_ENTRY_BYTES)
    if content is None:
        return None
    head, _, data = content.partition(b"\n")
    try:
        stored = json.loads(head)
    except (ValueError, RecursionError):
        return None
    if not isinstance(stored, dict) or stored.get("key") != key or stored.get("crc32") != zlib.crc32(data):
        return None
    order = stored.get("order")
    if not isinstance(order, list) or not all(isinstance(name, str) for name in order):
        return None
    return data, order


def _write(key: dict[str, Any], data: bytes, order: list[str]) -> None:
    """Keep a cut for the next run; silently nothing when that cannot be done."""
    head = {"key": key, "crc32": zlib.crc32(data), "order": order}
    try:
        content = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogateescape")
    except UnicodeError:
        return
    dataset_cache.write_entry(_entry(key), content + b"\n" + data, keep=MAX_ENTRIES)
