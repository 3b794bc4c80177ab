"""Everything the tool says, in Polish and English.

`catalogue` holds the messages and labels and renders them (`t`), counts in
the right plural form; `locale` chooses the run's language. How each error
says itself lives with the error (owes_cli.errors); Click's help and usage
errors are put into the user's language beside the command line
(owes_cli.cli.help).
"""

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
from owes_cli.messages.locale import LANG_ENV, LANGS, activate, active_lang, resolve_lang

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
