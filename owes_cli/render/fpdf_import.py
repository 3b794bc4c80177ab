"""fpdf2 imported without the libraries it loads for what owes never asks of it.

`import fpdf` loads Pillow (for images), lxml (through fontTools' XML
shim), `unittest.mock` (for signing) and fontTools' variable-font
instancer: about a quarter of the import, a tenth of a fact sheet's export.
owes draws text and vector shapes in static fonts, unsigned. So, only
while fpdf2 is imported:

- Pillow and lxml look absent. fpdf2 and fontTools import both inside
  `try … except ImportError` and carry on without them (fpdf2 then cannot
  add a raster image, which owes never does; fontTools' XML shim uses
  Python's own ElementTree). fpdf2's warning that Pillow is missing is not
  shown. Either stays importable afterwards, for the map's PNG or Word.
- `unittest.mock.patch` and `fontTools.varLib.instancer` are stand-ins that
  import the real thing the first time they are used.

Whatever goes wrong (a later fpdf2 that needs one of them while it is
imported) falls back to the plain import. tests/test_lean_fpdf.py checks
that the documents come out byte for byte as with the plain import.
"""

from __future__ import annotations

import importlib
import sys
import types
import warnings
from typing import Any, cast

LOOK_ABSENT = ("PIL", "lxml")  # imported by fpdf2 and fontTools inside try … except ImportError
DEFERRED = ("fontTools.varLib.instancer",)  # imported by fpdf2, used only for variable fonts
UNUSED = frozenset((*LOOK_ABSENT, "unittest.mock", *DEFERRED))  # what a PDF export leaves unimported


def import_fpdf() -> None:
    """Import fpdf2 (once), leaving out what owes does not use."""
    if "fpdf" in sys.modules:
        return
    placed: dict[str, types.ModuleType | None] = {name: None for name in LOOK_ABSENT if name not in sys.modules}
    placed |= {name: _deferred(name) for name in DEFERRED if name not in sys.modules}
    if "unittest.mock" not in sys.modules:
        placed["unittest.mock"] = _mock_stand_in()
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


def _mock_stand_in() -> types.ModuleType:
    """`unittest.mock` as fpdf2's signing imports it: only `patch`, which loads the real one when called."""
    stand_in = types.ModuleType("unittest.mock")

    def patch(*args: Any, **kwargs: Any) -> Any:
        from unittest.mock import patch as real

        return real(*args, **kwargs)

    stand_in.patch = patch  # type: ignore[attr-defined]
    return stand_in
