"""A PDF export imports fpdf2 without Pillow, lxml, unittest.mock, the font instancer, colour fonts
and (with its fonts' cuts kept from an earlier run) the font subsetter and fontTools' OpenType
tables, and its documents come out as with fpdf2 imported in full and cutting the fonts itself
(render/fpdf_import.py, render/pdf_fonts.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from owes_cli.render import fpdf_import

# Run in a fresh process: the test process has imported fpdf2 (and Pillow) long before.
_RENDER = textwrap.dedent(
    """
    import hashlib, json, sys
    from datetime import UTC, datetime

    if sys.argv[1] == "plain":  # fpdf2 as `import fpdf` loads it, Pillow and all
        import PIL.Image, fpdf  # noqa: F401
    from owes_cli.directory import Directory
    from owes_cli.render import pdf

    made = datetime(2026, 12, 1, tzinfo=UTC)
    digests = {}
    for lang in ("pl", "en"):
        directory = Directory.load(lang=lang)
        for name, asked in (("sheet", {"county": "żarski"}), ("directory", {}), ("old", {"on": "2014-06-01"})):
            document = directory.document(generated=made, **asked)
            digests[f"{lang} {name}"] = hashlib.sha256(pdf.render(document)).hexdigest()
    unused = sorted(name for name in json.loads(sys.argv[2]) if name in sys.modules)
    print(json.dumps({"digests": digests, "unused_loaded": unused}))
    """
)


OPENTYPE_TABLES = "fontTools.ttLib.tables.otTables"  # the subsetter imports them


def _render(mode: str, cache: Path) -> dict[str, Any]:
    unused = json.dumps(sorted(fpdf_import.UNUSED))
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, mode, unused],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env=os.environ | {"XDG_CACHE_HOME": str(cache)},
    )
    assert done.stderr == ""  # no warning (fpdf2's about Pillow) reaches the user
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_a_pdf_export_leaves_out_what_owes_never_uses_and_its_bytes_are_the_same(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = _render("lean", cache)  # cuts the fonts, and keeps the cuts
    kept = sorted((cache / "owes").glob("font-*.bin"))
    again = _render("lean", cache)  # embeds the kept cuts
    plain = _render("plain", tmp_path / "other")
    assert first["unused_loaded"] == sorted([fpdf_import.SUBSETTER, OPENTYPE_TABLES])
    assert kept and again["unused_loaded"] == []
    assert "PIL" in plain["unused_loaded"]  # the comparison is with fpdf2 imported in full
    assert first["digests"] == again["digests"] == plain["digests"]


def test_a_damaged_or_foreign_kept_font_is_cut_afresh(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    made = _render("lean", cache)["digests"]
    kept = sorted((cache / "owes").glob("font-*.bin"))
    damaged, foreign = kept[0], kept[1]
    damaged.write_bytes(damaged.read_bytes()[:-100] + bytes(100))  # the font's last bytes zeroed
    foreign.chmod(0o666)  # anyone may write it: not read
    again = _render("lean", cache)
    assert again["unused_loaded"] == sorted([fpdf_import.SUBSETTER, OPENTYPE_TABLES])  # the two were cut again
    assert again["digests"] == made
    assert damaged.read_bytes()[-100:] != bytes(100)  # and kept again, whole
    assert foreign.stat().st_mode & 0o022 == 0


def test_with_the_cache_off_no_font_is_kept(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, "lean", "[]"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
        env=os.environ | {"XDG_CACHE_HOME": str(tmp_path), "OWES_NO_CACHE": "1"},
    )
    assert json.loads(done.stdout)["digests"]
    assert not list(tmp_path.rglob("font-*"))


def test_what_was_left_out_loads_when_it_is_used() -> None:
    check = textwrap.dedent(
        """
        import sys, types
        from owes_cli.render.fpdf_import import import_fpdf

        import_fpdf()
        import fpdf.fonts, fpdf.sign, fpdf.image_parsing
        assert "PIL" not in sys.modules and "unittest.mock" not in sys.modules
        assert "fontTools.varLib" not in sys.modules  # the bare package is gone
        plain = types.SimpleNamespace(ttfont={"glyf": 1}, is_cff=False, name="plain")
        assert fpdf.fonts.get_color_font_object(None, plain) is None
        assert "fpdf.font_type_3" not in sys.modules and "fontTools.ttLib.tables.otTables" not in sys.modules
        bitmaps = types.SimpleNamespace(ttfont={"EBDT": 1}, is_cff=True, name="bitmaps")  # with outlines: None
        assert fpdf.fonts.get_color_font_object(None, bitmaps) is None  # fpdf2's own answer, loaded now
        assert "fpdf.font_type_3" in sys.modules and "fontTools.ttLib.tables.otTables" in sys.modules
        with fpdf.sign.patch("os.getcwd", lambda: "patched"):  # fpdf2's signing: the real unittest.mock.patch
            import os
            assert os.getcwd() == "patched"
        assert "unittest.mock" in sys.modules
        assert callable(fpdf.fonts.instancer.instantiateVariableFont)  # the real instancer, loaded now
        assert "fontTools.varLib.instancer" in sys.modules
        import fontTools.varLib  # the real package now, its __init__ run
        assert callable(fontTools.varLib.build)
        import PIL.Image  # the map's PNG still can
        print(fpdf.image_parsing.Image is None, PIL.Image.new("RGB", (2, 2)).size)
        """
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["True", "(2,", "2)"]
    assert done.stderr == ""


def test_a_stand_in_that_is_not_enough_falls_back_to_the_plain_import() -> None:
    check = textwrap.dedent(
        """
        import sys
        from owes_cli.render import fpdf_import

        fpdf_import.DEFERRED = ("fpdf.line_break",)  # fpdf2 reads it while it is imported: the stand-in fails
        fpdf_import.import_fpdf()
        import fpdf, fpdf.line_break
        print(fpdf.FPDF.__name__, hasattr(fpdf.line_break, "MultiLineBreak"), "PIL" in sys.modules)
        """
    )
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True, timeout=120)
    assert done.stdout.split() == ["FPDF", "True", "True"]


def test_a_font_is_named_as_fonttools_names_it_also_without_windows_english_names() -> None:
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    from owes_cli.render.pdf import FONTS
    from owes_cli.render.pdf_fonts import FontNames

    def both(font: Any) -> tuple[str | None, str]:
        data = font["name"].compile(font)
        light = FontNames("name")
        light.decompile(data, font)
        return light.getBestFullName(), font["name"].getBestFullName()

    regular, bold = TTFont(FONTS / "DejaVuSans.ttf"), TTFont(FONTS / "DejaVuSans-Bold.ttf")
    assert both(regular) == ("DejaVu Sans Book", "DejaVu Sans Book")
    assert both(bold) == ("DejaVu Sans Bold", "DejaVu Sans Bold")
    mac = TTFont(FONTS / "DejaVuSans.ttf")  # Mac names only: fontTools' class answers
    mac["name"].names = [name for name in mac["name"].names if name.platformID == 1]
    mac["name"].setName("Mac Only", 4, 1, 0, 0)
    assert both(mac) == ("Mac Only", "Mac Only")
    family = TTFont(FONTS / "DejaVuSans.ttf")  # a typographic family: before the legacy one
    family["name"].setName("Typographic", 16, 3, 1, 0x409)
    assert both(family) == ("Typographic Book", "Typographic Book")
