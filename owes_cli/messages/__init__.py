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
from typing import TYPE_CHECKING, Any

from owes_cli.messages.catalogue import (
    WHAT,
    every_message,
    kind_label,
    known,
    message,
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
    "every_message",
    "kind_label",
    "known",
    "message",
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

if TYPE_CHECKING:
    from owes_cli.messages.documents import PROBLEMS, REASONS

    MESSAGES: dict[str, tuple[str, str]]


def __getattr__(name: str) -> Any:
    # Every message, and the problems' and reasons' words, load when they are asked for:
    # a lookup needs only the catalogue's own (catalogue.message).
    if name == "MESSAGES":
        return every_message()
    if name in ("PROBLEMS", "REASONS"):
        from owes_cli.messages import documents

        return getattr(documents, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
