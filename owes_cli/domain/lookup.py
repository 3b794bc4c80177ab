"""Which county or centre the user means: name matching, no dates (see `periods`)."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from owes_cli import errors  # errors.CountyNotFound and the like load when raised (errors.__getattr__)
from owes_cli.domain import Register, load_county_index, names
from owes_cli.domain.model import Centre, County, CountyKind, Dataset
from owes_cli.errors import OwesError, UsageError
from owes_cli.record import Record

MAX_QUERY = 200  # characters; no county name comes near this


class Note(Record):
    """Something the answer should tell the user, as a message id."""

    message_id: str
    params: dict[str, Any] = {}


if TYPE_CHECKING:  # for the type checker: a TypeVar cost every start-up some 20 us
    T = TypeVar("T")


def choose(
    scored: Iterable[tuple[float, T]],
    *,
    inside: Callable[[T], bool],
    county: Callable[[T], str],
    name: Callable[[T], str],
    order: Callable[[T], Any],
    not_found: Callable[[], OwesError],
    outside_coverage: Callable[[list[T]], OwesError],
    ambiguous: Callable[[list[T]], OwesError],
    note_outside: Callable[[T], Note],
    note_alongside: Callable[[T, T], Note | None] = lambda chosen, other: None,
    max_mentions: int | None = None,
    note_more: Callable[[int], Note] | None = None,
) -> tuple[T, tuple[Note, ...]]:
    """The one candidate a query means, for counties and places alike, and the notes that go with it.

    The best-scored candidates inside the dataset's coverage win over any
    outside it; several of them in different counties are ambiguous, several
    in one county give the first by `order` and a note for each other one.
    Candidates outside coverage that bear the chosen one's name are mentioned
    (at most `max_mentions`, then a count); with nothing inside, the best
    outside ones make the error.
    """
    scored = list(scored)
    if not scored:
        raise not_found()
    top = _best_inside(scored, inside, order, outside_coverage)
    if len({county(cand) for cand in top}) > 1:
        raise ambiguous(top)
    chosen = top[0]
    notes = [note for other in top[1:] if (note := note_alongside(chosen, other)) is not None]
    notes += _namesakes_outside(chosen, scored, inside, name, note_outside, max_mentions, note_more)
    return chosen, tuple(notes)


def _best_inside(
    scored: list[tuple[float, T]],
    inside: Callable[[T], bool],
    order: Callable[[T], Any],
    outside_coverage: Callable[[list[T]], OwesError],
) -> list[T]:
    """The best-scored candidates inside coverage, by `order`; with none inside, the error
    that names the best ones outside it."""
    within = [(score, cand) for score, cand in scored if inside(cand)]
    if not within:
        raise outside_coverage(_best(scored, order))
    return _best(within, order)


def _best(scored: list[tuple[float, T]], order: Callable[[T], Any]) -> list[T]:
    best = max(score for score, _ in scored)
    return sorted((cand for score, cand in scored if score == best), key=order)


def _namesakes_outside(
    chosen: T,
    scored: list[tuple[float, T]],
    inside: Callable[[T], bool],
    name: Callable[[T], str],
    note_outside: Callable[[T], Note],
    max_mentions: int | None,
    note_more: Callable[[int], Note] | None,
) -> list[Note]:
    """A note for each candidate outside coverage that bears the chosen one's name (at most
    `max_mentions`, then one that counts the rest)."""
    same_name = names.fold(name(chosen))
    mentions = [cand for _, cand in scored if not inside(cand) and names.fold(name(cand)) == same_name]
    shown = mentions if max_mentions is None else mentions[:max_mentions]
    notes = [note_outside(cand) for cand in shown]
    if len(mentions) > len(shown) and note_more is not None:
        notes.append(note_more(len(mentions) - len(shown)))
    return notes


class ResolvedCounty(Record):
    county: County
    notes: tuple[Note, ...] = ()


class _Candidate(Record):
    teryt: str
    name: str
    kind: CountyKind
    in_coverage: bool


def clean_query(text: str, what: str = "county") -> str:
    """The text to match, or a usage error when it cannot be a name.

    Invisible format characters (a soft hyphen, a zero-width space, a BOM)
    are dropped, not turned into spaces: "żar\u00adski" is "żarski". Any
    other unprintable character is a space. Digits of any script are ASCII
    digits (a full-width "０８１１"). Bytes the locale could not decode (LC_ALL=C)
    are read as UTF-8 where they are; the rest are shown as "\\xbf", never lost.
    """
    if text.isprintable() and names.without_diacritics(text).isascii():
        # What the loop below keeps unchanged: no format character, digit of another script or
        # control (the usual query, checked in C, without loading unicodedata's 0.4 ms).
        cleaned = text.strip()
    else:
        cleaned = _cleaned(text)
    if not cleaned:
        raise UsageError("query_empty", what=what)
    if len(cleaned) > MAX_QUERY:
        raise UsageError("query_too_long", what=what, limit=MAX_QUERY)
    return cleaned


def _cleaned(text: str) -> str:
    import unicodedata

    if any("\udc80" <= ch <= "\udcff" for ch in text):
        try:
            text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # other lone surrogates too: show the undecodable bytes one by one
            text = "".join(f"\\x{ord(ch) - 0xDC00:02x}" if "\udc80" <= ch <= "\udcff" else ch for ch in text)
    kept = []
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Cf":
            continue
        if category == "Nd":
            kept.append(str(unicodedata.digit(ch)))
        else:
            kept.append(ch if ch.isprintable() else " ")
    return "".join(kept).strip()


def resolve_county(text: str, dataset: Dataset, register: Register) -> ResolvedCounty:
    query = clean_query(text)
    if query.isdigit() or (query.isascii() and query.replace(" ", "").isdigit()):
        return _by_code(query.replace(" ", ""), dataset, register, _universe(dataset, register))

    query_words, kinds = names.split_query(query)
    scored: list[tuple[float, _Candidate]] = []
    for cand in _matchable(query_words, kinds, dataset, register):
        if kinds and cand.kind.value not in kinds:
            continue
        score = names.name_match_score(query_words, cand.name)
        if not score and cand.kind is CountyKind.CITY and "city" in kinds and len(query_words) == 1:
            # "zielonogórski grodzki": the city named by its adjective.
            base = names.adjective_base(query_words[0].rstrip("."))
            if base and base in names.city_adjective_bases(cand.name):
                score = 1.0
        if score:
            scored.append((score, cand))
    chosen, notes = choose(
        scored,
        inside=lambda c: c.in_coverage,
        county=lambda c: c.teryt,
        name=lambda c: c.name,
        order=lambda c: c.teryt,
        not_found=lambda: errors.CountyNotFound(
            query, names.closest(query, [c.name for c in dataset.counties.values()])
        ),
        outside_coverage=lambda found: errors.CountyOutsideCoverage(
            query,
            register.coverage(dataset.regions, dataset.region_name),
            [(c.teryt, c.name, register.voivodeship(c.teryt)) for c in found],
        ),
        ambiguous=lambda found: errors.CountyAmbiguous(query, [(c.teryt, c.name, c.kind.value) for c in found]),
        note_outside=lambda c: Note(
            "county_also_outside", {"name": c.name, "teryt": c.teryt, "voivodeship": register.voivodeship(c.teryt)}
        ),
    )
    county = dataset.counties[chosen.teryt]
    return ResolvedCounty(county, notes + tuple(_separate_city_note(county, dataset)))


def _matchable(query_words: list[str], kinds: set[str], dataset: Dataset, register: Register) -> list[_Candidate]:
    """The candidates that can score at all: the dataset's own counties and those the index names.

    Every query word must match a word of the name, so the first one's stems
    find every county that can match (data/county_index.json, built with the
    same stemming), and a city named by its adjective is found by its base.
    An abbreviation ("wlkp.") matches by letters, not stems: then every
    county is scored, as without an index.
    """
    if not query_words or names.is_abbreviation(query_words[0]):
        return list(_universe(dataset, register).values())
    index = load_county_index()
    codes = dict.fromkeys(dataset.counties)
    for stem in names.stems(query_words[0]):
        codes.update(dict.fromkeys(index.by_stem.get(stem, ())))
    if "city" in kinds and len(query_words) == 1:
        base = names.adjective_base(query_words[0].rstrip("."))
        codes.update(dict.fromkeys(index.by_city_base.get(base, ()) if base else ()))
    return list(_universe(dataset, register, codes).values())  # in the register's order, as before


def _universe(dataset: Dataset, register: Register, only: Container[str] | None = None) -> dict[str, _Candidate]:
    """Every county as a candidate (the dataset's own in coverage), or only those in `only`:
    a name reaches a handful through the index, and Poland has 380."""
    universe = {
        code: _Candidate(code, c.name, c.kind, False)
        for code, c in register.counties.items()
        if only is None or code in only
    }
    for code, county in dataset.counties.items():
        if only is None or code in only:
            universe[code] = _Candidate(code, county.name, county.kind, True)
    return universe


def _by_code(code: str, dataset: Dataset, register: Register, candidates: dict[str, _Candidate]) -> ResolvedCounty:
    if code in dataset.counties:
        return ResolvedCounty(dataset.counties[code])
    if code in candidates:
        cand = candidates[code]
        raise errors.CountyOutsideCoverage(
            code,
            register.coverage(dataset.regions, dataset.region_name),
            [(cand.teryt, cand.name, register.voivodeship(code))],
        )
    raise errors.CountyCodeUnknown(code)


def _separate_city_note(county: County, dataset: Dataset) -> list[Note]:
    """ "gorzowski" is the land county; say that the city is a county of its own."""
    if county.kind is not CountyKind.LAND:
        return []
    base = names.adjective_base(names.fold(county.name).replace(" ", ""))
    return [
        Note("county_city_separate", {"city": other.name, "teryt": other.teryt})
        for other in dataset.counties.values()
        if other.kind is CountyKind.CITY and base and base in names.city_adjective_bases(other.name)
    ]


def find_centre(dataset: Dataset, centre_id: str) -> Centre:
    query = clean_query(centre_id, what="centre")
    if query in dataset.centres:
        return dataset.centres[query]
    folded = {names.fold(cid).replace(" ", "-"): cid for cid in dataset.centres}
    key = names.fold(query).replace(" ", "-")
    if key in folded:
        return dataset.centres[folded[key]]
    prefixed = [cid for f, cid in folded.items() if f.startswith(key)] if len(key) >= 2 else []
    if len(prefixed) == 1:
        return dataset.centres[prefixed[0]]
    if len(prefixed) > 1:
        raise errors.CentreAmbiguous(query, sorted(prefixed))
    import difflib

    raise errors.CentreNotFound(query, difflib.get_close_matches(key, sorted(dataset.centres), n=3, cutoff=0.4))
