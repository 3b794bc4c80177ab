"""Matching Polish place names the way people write them.

No list of aliases: a name matches when the words agree after folding case
and diacritics and stripping Polish case endings, so "żarskim", "ZARSKI" and
"w powiecie żarskim" all reach "żarski", and "Zielonej Górze" reaches
"Zielona Góra". Abbreviations such as "Wlkp." match the word they shorten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

# NFKD splits "ż" into "z" + a combining dot, but "ł" has no decomposition.
_UNDECOMPOSABLE = str.maketrans({"ł": "l", "Ł": "l", "đ": "d", "ø": "o", "ß": "ss"})
_DASHES = r"\s*[\u2010-\u2015\u2212-]\s*"
_NON_WORD = r"[^a-z0-9.\s]+"


@lru_cache(maxsize=1)
def _dashes_and_non_word() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled when a name is first more than ASCII and Polish letters: ASCII text uses a table (0.4 ms)."""
    return re.compile(_DASHES), re.compile(_NON_WORD)


# Polish noun and adjective endings, longest first. Stripping them leaves a
# stem that the inflected forms of one word share.
_ENDINGS = (
    "iego",
    "iemu",
    "ami",
    "ach",
    "ich",
    "imi",
    "ego",
    "emu",
    "ych",
    "ymi",
    "owi",
    "ie",
    "im",
    "ym",
    "ej",
    "om",
    "em",
    "ow",
    "a",
    "e",
    "i",
    "y",
    "o",
    "u",
)
# Consonants that alternate before some endings: Góra -> Górze, Polska -> Polsce.
_ALTERNATIONS = (("rz", "r"), ("dz", "g"), ("c", "k"), ("sz", "ch"))
_MIN_STEM = 3

# Words that say which kind of unit is meant; their stems after stripping.
_LAND_WORDS = {"ziemsk"}
_CITY_WORDS = {"grodzk", "miast", "miesci", "miejsk", "m"}
_RURAL_WORDS = {"wiejsk"}  # "gmina wiejska": a place, never a county
# Words that carry no name: "w powiecie", "powiat", "pow.", "i", "na prawach".
_FILLER_WORDS = {"w", "we", "i", "oraz", "na", "prawach", "pow", "powiat", "gmina", "gm"}
_FILLER_STEMS = {"powiat", "powieci", "gmin"}


# The Polish letters, folded without Unicode decomposition: matching a name
# against 4,000 places folds each of them, and this is four times quicker.
_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789."
_PLAIN_CHARS = frozenset(_WORD_CHARS.replace(".", " "))
# What _DASHES and then _NON_WORD do to ASCII text, whose spaces are then made one: every
# character that is not a letter, a digit or a dot becomes a space. A table, not the patterns: a
# lookup folds names with a dash ("strzelecko-drezdenecki"), and compiling the two patterns cost
# each run 0.4 ms (tests/test_county_lookup.py holds the table to the patterns).
_ASCII_NON_WORD = {code: " " for code in range(128) if chr(code) not in _WORD_CHARS}


def without_diacritics(text: str) -> str:
    """The Polish letters replaced by plain ones, case kept: "Żary" -> "Zary"."""
    return text.translate(_POLISH)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (including "ł"), unify dashes and spaces."""
    plain = text.translate(_POLISH).lower()
    if plain.isascii():
        if _PLAIN_CHARS.issuperset(plain) and "  " not in plain and plain[:1] != " " and plain[-1:] != " ":
            return plain
        return " ".join(plain.translate(_ASCII_NON_WORD).split())
    import unicodedata  # letters beyond Polish ones: loaded only for them (0.4 ms)

    text = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSABLE))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.translate(_UNDECOMPOSABLE)
    dashes, non_word = _dashes_and_non_word()
    text = dashes.sub(" ", text)
    text = non_word.sub(" ", text)
    return " ".join(text.split())


def initial(text: str) -> str:
    """The folded first letter of a name: a cheap test before matching it in full."""
    return _folded_letter(text[:1])


@lru_cache(maxsize=256)
def _folded_letter(letter: str) -> str:
    return fold(letter)[:1]


def words(text: str) -> list[str]:
    """The folded words of a text; a trailing dot marks an abbreviation."""
    return [w for w in fold(text).replace(". ", ".  ").split() if w.strip(".")]


@lru_cache(maxsize=4096)
def stems(word: str) -> frozenset[str]:
    """Every stem a word may have once a case ending is removed."""
    word = word.rstrip(".")
    found = {word}
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            found.add(word[: -len(ending)])
    for stem in list(found):
        for after, before in _ALTERNATIONS:
            if stem.endswith(after) and len(stem) - len(after) + len(before) >= _MIN_STEM:
                found.add(stem[: -len(after)] + before)
    return frozenset(found)


def is_abbreviation(word: str) -> bool:
    return word.endswith(".") or _VOWELS.isdisjoint(word)  # _VOWEL's test, without compiling it


def _abbreviates(short: str, long: str) -> bool:
    """ "wlkp" abbreviates "wielkopolski": same first letter, then a subsequence."""
    short = short.rstrip(".")
    if len(short) < 2 or short[0] != long[0] or len(short) >= len(long):
        return False
    rest = iter(long[1:])
    return all(ch in rest for ch in short[1:])


def word_matches(query_word: str, name_word: str) -> bool:
    if query_word.rstrip(".") == name_word:
        return True
    if is_abbreviation(query_word):
        return _abbreviates(query_word, name_word)
    return bool(stems(query_word) & stems(name_word))


_ADJECTIVE = r"(.{3,}?)(?:s|c)?k(?:i|iego|iemu|im|ich|imi)"
_ADJECTIVE_ENDINGS = ("i", "iego", "iemu", "im", "ich", "imi")  # _ADJECTIVE's, after its "k"
_VOWEL = r"[aeiouy]"
_VOWELS = frozenset("aeiouy")  # _VOWEL's letters, for string methods


def adjective_base(word: str) -> str | None:
    """The base of a "-ski"/"-cki"/"-zki" adjective in any case: "zielonogórskim" -> "zielonogor".

    What `_ADJECTIVE` matches, found without compiling it (0.2 ms of a lookup): the shortest
    base of three characters or more, none a line break, then "s" or "c" or neither, "k" and
    an ending (tests/test_county_lookup.py holds the two to each other)."""
    line_break = word.find("\n")
    for start in range(3, len(word) if line_break < 0 else line_break + 1):
        rest = word[start:]
        if _k_ending(rest) or (rest[:1] in ("s", "c") and _k_ending(rest[1:])):
            return word[:start]
    return None


def _k_ending(text: str) -> bool:
    return text[:1] == "k" and text[1:] in _ADJECTIVE_ENDINGS


def city_adjective_bases(city_name: str) -> set[str]:
    """The bases of the adjective made from a city's name.

    "Zielona Góra" -> "zielonogor" (as in "zielonogórski grodzki"),
    "Gorzów Wielkopolski" -> "gorzow" (as in "gorzowski grodzki").
    """
    parts = words(city_name)
    if not parts:
        return set()
    trimmed = [p[:-1] if p[-1:] in _VOWELS else p for p in parts]  # a last vowel off: "zielona" -> "zielon"
    bases = {trimmed[0], parts[0]}
    if len(parts) > 1:
        bases.add("o".join(trimmed))
    return bases


def split_query(text: str) -> tuple[list[str], set[str]]:
    """Split a query into name words and the unit kinds it asks for.

    Returns (words, kinds) where kinds holds "land", "city" and/or "rural"
    when the text says "ziemski", "grodzki", "miasto", "wiejska" and the like
    ("miejsko-wiejska" gives both "city" and "rural").
    """
    kinds: set[str] = set()
    name_words: list[str] = []
    for word in words(text):
        bare = word.rstrip(".")
        word_stems = stems(bare) | {bare}
        if word_stems & _LAND_WORDS or bare.startswith("ziemsk"):
            kinds.add("land")
        elif word_stems & _CITY_WORDS or bare.startswith("grodzk"):
            kinds.add("city")
        elif word_stems & _RURAL_WORDS:
            kinds.add("rural")
        elif bare in _FILLER_WORDS or word_stems & _FILLER_STEMS:
            continue
        else:
            name_words.append(word)
    return name_words, kinds


def name_match_score(query_words: list[str], name: str) -> float:
    """How well the query words name `name`: 0 for no match, 1 for a full one.

    Every query word must match a word of the name, and the first word of
    the name must be matched: "Gorzów" names "Gorzów Wielkopolski", but
    "Wielkopolski" alone does not.
    """
    name_words = words(name)
    if not query_words or not name_words:
        return 0.0
    matched: set[int] = set()
    for q in query_words:
        hit = next(
            (i for i, n in enumerate(name_words) if i not in matched and word_matches(q, n)),
            None,
        )
        if hit is None:
            return 0.0
        matched.add(hit)
    if 0 not in matched:
        return 0.0
    return len(matched) / len(name_words)


def closest(query: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """The names most like the query, for "did you mean" suggestions.

    Among the region's 1,700 localities most names share few letters with
    the query: a bound on each score from letter counts alone (what
    difflib's `quick_ratio` computes) skips them, with the same result.
    """
    import difflib
    from collections import Counter

    folded_query = " ".join(w.rstrip(".") for w in split_query(query)[0]) or fold(query)
    letters = Counter(folded_query)
    by_fold: dict[str, str] = {}
    for name in names:
        by_fold.setdefault(fold(name), name)

    def bound(text: str) -> float:
        common = sum(min(count, letters[ch]) for ch, count in Counter(text).items())
        return 2 * common / (len(text) + len(folded_query)) if text or folded_query else 1.0

    # Compare also with the start of the name: "zar" -> "zarski".
    head = len(folded_query) + 2
    bounded = sorted(
        ((max(bound(folded), bound(folded[:head]) * 0.9), folded, name) for folded, name in by_fold.items()),
        key=lambda entry: -entry[0],
    )
    scored: list[tuple[float, str]] = []
    floor = 0.55
    for most, folded, name in bounded:
        if most < floor:
            break
        ratio = difflib.SequenceMatcher(None, folded_query, folded).ratio()
        prefix = difflib.SequenceMatcher(None, folded_query, folded[:head]).ratio()
        scored.append((max(ratio, prefix * 0.9), name))
        if len(scored) >= limit:
            floor = max(floor, sorted(score for score, _ in scored)[-limit])
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [name for score, name in scored[:limit] if score >= 0.55]


def rules() -> dict[str, object]:
    """These rules as data, for a matcher that is not Python (the web page's script applies them).

    The patterns are written so that JavaScript reads them as Python does.
    """

    def table(mapping: Mapping[int, int | str]) -> dict[str, str]:
        return {chr(k): v if isinstance(v, str) else chr(v) for k, v in sorted(mapping.items())}

    return {
        "fold_plain": table(_POLISH),
        "fold_undecomposable": table(_UNDECOMPOSABLE),
        "dashes": _DASHES,
        "non_word": _NON_WORD,
        "endings": list(_ENDINGS),
        "alternations": [list(pair) for pair in _ALTERNATIONS],
        "min_stem": _MIN_STEM,
        "land_words": sorted(_LAND_WORDS),
        "city_words": sorted(_CITY_WORDS),
        "rural_words": sorted(_RURAL_WORDS),
        "filler_words": sorted(_FILLER_WORDS),
        "filler_stems": sorted(_FILLER_STEMS),
        "adjective": _ADJECTIVE,
        "vowel": _VOWEL,
    }


# --------------------------------------------------------------------------
# Declension: a county's name in the case a sentence needs
# --------------------------------------------------------------------------


def county_case(name: str, case: str) -> str:
    """A county's name after "w powiecie" (loc: "świdnickim") or "powiatu" (gen: "świdnickiego").

    A land county's name is an adjective ("świdnicki", "strzelecko-drezdenecki"); a city
    with county rights keeps its own name after "grodzki" ("w powiecie grodzkim Zielona Góra").
    """
    if name[:1].islower() and name.endswith(("i", "y")):
        # Every adjective of the name declines: "łódzki wschodni" → "łódzkim wschodnim".
        return " ".join(_adjective_case(word, case) for word in name.split(" "))
    return ("grodzkim " if case == "loc" else "grodzkiego ") + name


def _adjective_case(word: str, case: str) -> str:
    if not word.endswith(("i", "y")):
        return word
    return word + "m" if case == "loc" else word[:-1] + ("iego" if word.endswith("i") else "ego")


def is_city_county(teryt: str) -> bool:
    """Whether a TERYT code (county, gmina or place, "0862…") is in a city with county rights:
    their county codes are 61 and up, a land county's below."""
    return teryt[2:4] >= "61"
