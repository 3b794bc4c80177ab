"""Which language a run speaks: --lang, then OWES_LANG, then the locale."""

from __future__ import annotations

import locale
import os

LANGS = ("pl", "en")
LANG_ENV = "OWES_LANG"

_active: list[str] = []  # the language OwesGroup.main chose for this run


def activate(lang: str) -> None:
    """Remember the run's language, found from --lang wherever it stands."""
    _active[:] = [lang]


def active_lang() -> str:
    return _active[0] if _active else resolve_lang()


def resolve_lang(option: str | None = None) -> str:
    """--lang, then OWES_LANG, then the locale (pl_* means Polish), else English."""
    for value in (option, os.environ.get(LANG_ENV)):
        if value:
            code = value.strip().lower()[:2]
            if code in LANGS:
                return code
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "pl" if current.lower().startswith("pl") else "en"
