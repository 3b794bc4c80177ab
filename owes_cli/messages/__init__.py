"""Everything the tool says, in Polish and English.

`catalogue` holds the messages and labels and renders them (`t`), counts in
the right plural form; this module chooses the run's language (`resolve_lang`,
`activate`): here rather than in a module of its own, one fewer to load on
every start-up. How each error says itself lives with the error
(owes_cli.errors); Click's help and usage errors are put into the user's
language beside the command line (owes_cli.cli.help).
"""

import locale
import os

from owes_cli.messages.catalogue import (
    MESSAGES,
    PROBLEMS,
    REASONS,
    WHAT,
    kind_label,
    note_text,
    plural,
    problem_text,
    reason_text,
    t,
    what_text,
)

__all__ = [
    "LANGS",
    "LANG_ENV",
    "MESSAGES",
    "PROBLEMS",
    "REASONS",
    "WHAT",
    "kind_label",
    "activate",
    "active_lang",
    "note_text",
    "plural",
    "problem_text",
    "reason_text",
    "resolve_lang",
    "t",
    "what_text",
]

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
