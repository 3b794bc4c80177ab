"""Text from outside (a dataset, the command line) made safe to show on a terminal.

Kept apart from the renderers so that messages (i18n), plain text (render)
and Rich tables (rich_render) all clean text the same way, without importing
each other.
"""

from __future__ import annotations

# Characters that would let text move the cursor, change colours, open links
# or reorder what is shown: C0/C1 controls (ESC starts every escape sequence),
# bidi overrides and other format characters, surrogates, private use and
# unassigned code points.
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# The bidi embeddings, overrides and isolates that reorder text as displayed
# ("Trojan Source", CVE-2021-42574); a dataset may not contain them at all.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
REPLACEMENT = "\ufffd"
MAX_SHOWN = 200  # characters of one value echoed in a message


def printable(text: str) -> str:
    """Text shown literally: unsafe characters become U+FFFD, tabs spaces; newlines stay."""
    if text.isprintable() or text.replace("\n", "").isprintable():
        return text  # the usual case, checked in C: no character of an unsafe category (nor a tab)
    import unicodedata  # a C library of 0.4 ms to load: only for the rare text that needs it

    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in _UNSAFE_CATEGORIES else " " if ch == "\t" else REPLACEMENT
        for ch in text
    )


def shortened(text: str, limit: int = MAX_SHOWN) -> str:
    """At most `limit` characters, keeping both ends (a path's file name is at its end)."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[len(text) - (limit - 1 - half) :]


def shown(text: str) -> str:
    """A value echoed back in a message: printable and of a sensible length."""
    return printable(shortened(text))


def forbidden_character(text: str) -> str | None:
    """The first character a dataset string may not contain, if any.

    Tabs and newlines are ordinary text; every other control character, and
    the bidi controls, can only be there to disturb a terminal or a reader.
    """
    import unicodedata

    for ch in text:
        if ch in BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and ch not in "\t\n"):
            return ch
    return None
