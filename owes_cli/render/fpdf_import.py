"""fpdf2 imported without the libraries it loads for what owes never asks of it.

`import fpdf` loads Pillow (for images), lxml (through fontTools' XML
shim), `unittest.mock` (for signing) and fontTools' variable-font tools
(the instancer, designspaceLib, the merger, which `fontTools.varLib`
imports): about a third of the import's CPU time. owes draws text and
vector shapes in static fonts, unsigned. So, only while fpdf2 is imported:

- Pillow and lxml look absent. fpdf2 and fontTools import both inside
  `try … except ImportError` and carry on without them (fpdf2 then cannot
  add a raster image, which owes never does; fontTools' XML shim uses
  Python's own ElementTree). fpdf2's warning that Pillow is missing is not
  shown. Either stays importable afterwards, for the map's PNG or Word.
- `unittest.mock.patch`, `fontTools.varLib.instancer` and
  `fontTools.subset` are stand-ins that import the real thing the first
  time they are used. fpdf2 cuts its embedded fonts with the subsetter as
  it writes a PDF; owes' fonts are cut by render/pdf_fonts.py, which
  imports the subsetter only when it has no cut kept from an earlier run.
- `fpdf.font_type_3` (fpdf2's colour fonts, and with them fontTools'
  OpenType tables, which fontTools builds as they are imported) is a
  stand-in that finds no colour font in a font without colour tables, as
  fpdf2 does, and imports the real module for a font with them. (The
  tables are imported by the name table's class too: render/pdf_fonts.py
  reads that table while fpdf2 adds a font.)
- `fontTools.varLib` is a bare package: the modules of it that fpdf2 and
  fontTools' subsetter import (`instancer`, `varStore`, `multiVarStore`)
  load from it as usual, but its own `__init__` (the variable-font
  builder) does not run. Anything imported from it later loads the real
  package. `import_subsetter` imports the subsetter the same way.

Whatever goes wrong (a later fpdf2 that needs one of them while it is
imported) falls back to the plain import. Either way, fonts are then cut
through render/pdf_fonts.py (with the fpdf2 release whose font writing
it follows). tests/test_lean_fpdf.py checks that the documents come out
byte for byte as with the plain import.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
import warnings
from typing import Any, cast

# The fpdf2 release whose internals owes repeats: render/pdf.py's drawing of lines, cells and
# tables, render/pdf_fonts.py's cutting of fonts (test_print_quality and test_lean_fpdf pin it).
# With any other release both leave the work to fpdf2's own public methods.
FOLLOWED_FPDF = "2.8.9"
LOOK_ABSENT = ("PIL", "lxml")  # imported by fpdf2 and fontTools inside try … except ImportError
SUBSETTER = "fontTools.subset"
# Imported by fpdf2; the instancer used only for variable fonts, the subsetter only as fonts are cut.
DEFERRED = ("fontTools.varLib.instancer", SUBSETTER)
BARE = ("fontTools.varLib",)  # packages whose modules are imported, but not their `__init__`
COLOUR_FONTS = "fpdf.font_type_3"
# The tables that make a font a colour font to fpdf2 2.8.9 (`font_type_3.get_color_font_object`).
COLOUR_TABLES = ("CBDT", "EBDT", "COLR", "SVG ", "sbix")
# What a PDF export leaves unimported (designspaceLib: a module varLib's __init__ imports;
# otTables: fontTools' OpenType tables, which the colour fonts and the subsetter import).
UNUSED = frozenset(
    (
        *LOOK_ABSENT,
        "unittest.mock",
        *DEFERRED,
        COLOUR_FONTS,
        "fontTools.designspaceLib",
        "fontTools.ttLib.tables.otTables",
    )
)


def import_fpdf() -> None:
    """Import fpdf2 (once), leaving out what owes does not use."""
    if "fpdf" in sys.modules:
        return
    placed: dict[str, types.ModuleType | None] = {name: None for name in LOOK_ABSENT if name not in sys.modules}
    placed |= {name: _deferred(name) for name in DEFERRED if name not in sys.modules}
    if "unittest.mock" not in sys.modules:
        placed["unittest.mock"] = _mock_stand_in()
    placed |= {name: _bare(name) for name in BARE if name not in sys.modules}
    if COLOUR_FONTS not in sys.modules:
        placed[COLOUR_FONTS] = _colour_fonts_stand_in()
    # None in sys.modules makes an import of that name raise ImportError (the import system's own rule).
    sys.modules.update(cast(dict[str, types.ModuleType], placed))
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="Pillow could not be imported")
            import fpdf
    except (ImportError, AttributeError):  # a stand-in was not enough: import it as it is
        for name in [name for name in sys.modules if name == "fpdf" or name.startswith("fpdf.")]:
            del sys.modules[name]
        _remove(placed)
        import fpdf  # noqa: F401
    finally:
        _remove(placed)
    from owes_cli.render import pdf_fonts

    pdf_fonts.install()


def import_subsetter() -> Any:
    """fontTools' subsetter (`fontTools.subset`), imported as it was with fpdf2 before it was deferred:
    lxml looks absent, and `fontTools.varLib` is bare (the modules of it the subsetter imports load,
    the variable-font builder does not)."""
    if (module := sys.modules.get(SUBSETTER)) is not None:
        return module
    placed: dict[str, types.ModuleType | None] = {name: None for name in LOOK_ABSENT if name not in sys.modules}
    placed |= {name: _bare(name) for name in BARE if name not in sys.modules}
    sys.modules.update(cast(dict[str, types.ModuleType], placed))
    try:
        return importlib.import_module(SUBSETTER)
    except (ImportError, AttributeError):  # a stand-in was not enough: import it as it is
        for name in [name for name in sys.modules if name == SUBSETTER or name.startswith(SUBSETTER + ".")]:
            del sys.modules[name]
        _remove(placed)
        return importlib.import_module(SUBSETTER)
    finally:
        _remove(placed)


def _remove(placed: dict[str, types.ModuleType | None]) -> None:
    for name, module in placed.items():
        if name in sys.modules and sys.modules[name] is module:
            del sys.modules[name]


def _deferred(name: str) -> types.ModuleType:
    """A module that imports `name` when one of its attributes is first read, after fpdf2's import."""
    stand_in = types.ModuleType(name)

    def __getattr__(attribute: str) -> Any:
        if sys.modules.get(name) is stand_in:  # still being imported: the real module is not to be loaded now
            raise AttributeError(attribute)
        return getattr(importlib.import_module(name), attribute)

    stand_in.__getattr__ = __getattr__  # type: ignore[method-assign]
    return stand_in


def _bare(name: str) -> types.ModuleType:
    """The package `name` with its modules' folder, but without what its `__init__` defines."""
    spec = importlib.util.find_spec(name)  # imports its parent (fontTools, which fpdf2 imports anyway), not it
    bare = types.ModuleType(name)
    bare.__path__ = list(spec.submodule_search_locations or []) if spec else []

    def __getattr__(attribute: str) -> Any:  # what its `__init__` would define: "cannot import name"
        raise AttributeError(attribute)

    bare.__getattr__ = __getattr__  # type: ignore[method-assign]
    return bare


def _colour_fonts_stand_in() -> types.ModuleType:
    """`fpdf.font_type_3` as fpdf2 imports it: a font's colour font (None without colour tables),
    and the class its output names in type hints only."""
    stand_in = types.ModuleType(COLOUR_FONTS)

    def get_color_font_object(pdf: Any, base_font: Any, palette_index: int = 0) -> Any:
        if not any(tag in base_font.ttfont for tag in COLOUR_TABLES):
            return None
        real = importlib.import_module(COLOUR_FONTS)
        return real.get_color_font_object(pdf, base_font, palette_index)

    class Type3Font:
        """The name fpdf.output's type hints give fpdf2's colour fonts."""

    stand_in.get_color_font_object = get_color_font_object  # type: ignore[attr-defined]
    stand_in.Type3Font = Type3Font  # type: ignore[attr-defined]
    return stand_in


def _mock_stand_in() -> types.ModuleType:
    """`unittest.mock` as fpdf2's signing imports it: only `patch`, which loads the real one when called."""
    stand_in = types.ModuleType("unittest.mock")

    def patch(*args: Any, **kwargs: Any) -> Any:
        from unittest.mock import patch as real

        return real(*args, **kwargs)

    stand_in.patch = patch  # type: ignore[attr-defined]
    return stand_in
