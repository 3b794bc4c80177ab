"""Towns, gminas and localities: which county a place a person names lies in.

Two registers of TERYT, derived by scripts/build_data.py:
- `data/places.json` (TERC): every gmina of Poland and the region's towns,
  each by its 7-digit code, whose last digit is its kind and whose first four
  are its county;
- `data/localities.json` (SIMC): every locality of the region (villages,
  colonies, hamlets, settlements, the named parts of towns and villages) by
  its 7-digit SIMC id, with the code of the gmina (or town) it lies in; and
  `data/localities.tsv`, every locality elsewhere, sorted by folded name and
  bisected on demand, so no command parses its 100,000 lines.
`data/place_index.tsv` holds the places of the first two once more, one a
line sorted by folded name and by code, as the gazetteer builds them: a
name (written out in full, inflected or mistyped), a code and a point's
gmina are looked up there by bisection, and the two JSON files are parsed
only by what needs them whole (a listing, a place's card, the web page,
the map).
A place resolves to a county of the dataset, and the county's answer is the
place's answer: `periods.answer` does the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from owes_cli import errors  # the lookup's own errors load when one is raised (errors.__getattr__)
from owes_cli.domain import Register, data_file, installed_bytes, names, read_json
from owes_cli.domain.lookup import Note, choose, clean_query
from owes_cli.domain.model import County, Dataset
from owes_cli.errors import InstallationDamaged, OwesError
from owes_cli.record import QuickStrEnum, Record

if TYPE_CHECKING:
    import mmap

MAX_MENTIONS = 3  # places of the same name outside coverage named in an answer
MAX_LISTED = 12  # places outside coverage listed when none is inside ("Dąbrowa" names over 100)


class PlaceKind(QuickStrEnum):
    URBAN = "urban"  # gmina miejska: a town that is a gmina of its own
    RURAL = "rural"  # gmina wiejska
    URBAN_RURAL = "urban-rural"  # gmina miejsko-wiejska: a town and its villages
    TOWN = "town"  # the town of an urban-rural gmina (or, elsewhere, any town of the SIMC register)
    # Localities of the SIMC register (its RM column).
    VILLAGE = "village"  # wieś
    COLONY = "colony"  # kolonia
    HAMLET = "hamlet"  # przysiółek
    SETTLEMENT = "settlement"  # osada
    FOREST_SETTLEMENT = "forest-settlement"  # osada leśna
    HOUSING_ESTATE = "housing-estate"  # osiedle
    HOSTEL = "tourist-hostel"  # schronisko turystyczne
    PART_OF_VILLAGE = "part-of-village"  # część miejscowości
    PART_OF_TOWN = "part-of-town"  # część miasta, delegatura, dzielnica


_KIND_BY_DIGIT = {"1": PlaceKind.URBAN, "2": PlaceKind.RURAL, "3": PlaceKind.URBAN_RURAL, "4": PlaceKind.TOWN}
_KIND_BY_RM = {
    "01": PlaceKind.VILLAGE,
    "02": PlaceKind.COLONY,
    "03": PlaceKind.HAMLET,
    "04": PlaceKind.SETTLEMENT,
    "05": PlaceKind.FOREST_SETTLEMENT,
    "06": PlaceKind.HOUSING_ESTATE,
    "07": PlaceKind.HOSTEL,
    "00": PlaceKind.PART_OF_VILLAGE,
    "99": PlaceKind.PART_OF_TOWN,
    "98": PlaceKind.PART_OF_TOWN,
    "95": PlaceKind.PART_OF_TOWN,
    "96": PlaceKind.TOWN,
}
UNITS = frozenset(_KIND_BY_DIGIT.values())  # kinds of the TERC register
# When one name fits several places of one county, the answer leads with the
# one a person most likely means: a town before a gmina around it, a gmina
# before a village, a village before a part of another place.
_PREFERENCE = (
    PlaceKind.URBAN,
    PlaceKind.TOWN,
    PlaceKind.URBAN_RURAL,
    PlaceKind.RURAL,
    PlaceKind.VILLAGE,
    PlaceKind.COLONY,
    PlaceKind.SETTLEMENT,
    PlaceKind.HAMLET,
    PlaceKind.FOREST_SETTLEMENT,
    PlaceKind.HOUSING_ESTATE,
    PlaceKind.HOSTEL,
    PlaceKind.PART_OF_TOWN,
    PlaceKind.PART_OF_VILLAGE,
)
# The patterns are compiled (1 ms in all) only for a text they may match: a postal code
# has digits (\d is what str.isdecimal says), a gmina qualifier "gm" (to re.IGNORECASE no
# other letter is a G or an M), a SIMC id's prefix an "s" (or "ſ", which casefold makes one).
# "68-200", "68 200", "65001": what a postal code looks like.
_POSTAL_CODE = r"(?<!\d)\d{2}(?:\s?[-\u2010-\u2015\u2212]\s?|\s)\d{3}(?!\d)|^\s*\d{5}\s*$"
# "Nowa Wieś, gmina Bytnica", "Nowa Wieś gm. Bytnica", "Nowa Wieś (gmina Bytnica)", "Nowa Wieś w gminie Bytnica".
_GMINA_QUALIFIER = r"^(?P<name>.*?[^\s,(])[\s,(]+(?:gmin(?:a|ie|y)|gm\.?)\s+(?P<gmina>[^)]+?)\)?$"
_SIMC_PREFIX = r"^simc[\s:]*"


class Place(Record):
    teryt: str  # 7 digits: voivodeship, county, gmina, kind; for a locality, the unit it lies in
    name: str
    kind: PlaceKind
    simc: str | None = None  # the SIMC id of a locality or a town
    part_of: str | None = None  # the SIMC id of the locality this one is part of

    @property
    def county(self) -> str:
        return self.teryt[:4]

    @property
    def gmina(self) -> str:
        """The code of the gmina the place is, or lies in (4: a town, 5: its rural area)."""
        return self.teryt[:6] + "3" if self.teryt[-1] in "45" else self.teryt

    @property
    def town(self) -> str | None:
        """The code of the place's town; a rural gmina, or a village, has none in the register."""
        if self.kind is PlaceKind.URBAN_RURAL:
            return self.teryt[:6] + "4"
        if self.kind in UNITS:
            return None if self.kind is PlaceKind.RURAL else self.teryt
        return self.teryt if self.teryt[-1] in "14" else None

    @property
    def is_locality(self) -> bool:
        """A place of the SIMC register that is not also a unit of the TERC register."""
        return self.kind not in UNITS or (self.kind is PlaceKind.TOWN and self.teryt[-1] not in "14")


# A Place from its five fields in order, made by tuple's own constructor: the gazetteer's 4,000
# places made through Record.__new__, a Python call each, took a third of a `--place` lookup.
_new_place = cast(
    "Callable[[tuple[str, str, PlaceKind, str | None, str | None]], Place]", partial(tuple.__new__, Place)
)


class Gazetteer:
    """The places a name or a code is looked up in.

    A name, the places of a first letter, and a code are bisected in the
    place index (`named`, `initialled`, `near_misses`, `unit`, `locality`,
    `parent`); the registers' tables (`places`, `localities`, `universe`)
    are parsed on first use, by what reads them whole: a listing, a place's
    card, the web page, the map. Once they are, the same questions are
    answered from them.
    """

    def __init__(self, index: bytes, elsewhere_index: Path) -> None:
        self._index = index  # data/place_index.tsv, checked
        self.index = elsewhere_index  # every other locality of Poland, sorted by folded name
        self._by_code: dict[str, Place | None] = {}
        self._by_initial: dict[str, list[Place]] = {}

    @cached_property
    def _tables(self) -> tuple[dict[str, Place], dict[str, Place], dict[str, Any], dict[str, Any]]:
        return _read_tables()

    @cached_property
    def places(self) -> dict[str, Place]:
        """TERC units by code: every gmina of Poland, and the region's towns."""
        return self._tables[0]

    @cached_property
    def localities(self) -> dict[str, Place]:
        """The region's SIMC entries by id (a town: the TERC unit it is)."""
        return self._tables[1]

    @property
    def title(self) -> str:
        return str(self._tables[2]["register"])

    @property
    def publisher(self) -> str:
        return str(self._tables[2]["publisher"])

    @property
    def as_of(self) -> str:
        return str(self._tables[2]["as_of"])

    @property
    def region(self) -> str:
        return str(self._tables[2]["region"])

    @property
    def locality_register(self) -> dict[str, str]:
        """Title, publisher and as_of of the SIMC register."""
        return {k: self._tables[3][k] for k in ("register", "publisher", "as_of")}

    def unit(self, code: str) -> Place | None:
        """The TERC unit of a code (`places.get(code)`), from the index while the tables are not loaded."""
        if "places" in self.__dict__:
            return self.places.get(code)
        return self._indexed_code("TERC:" + code)

    def locality(self, simc: str) -> Place | None:
        """The region's SIMC entry of an id (`localities.get(simc)`), likewise."""
        if "localities" in self.__dict__:
            return self.localities.get(simc)
        return self._indexed_code("SIMC:" + simc)

    def _indexed_code(self, key: str) -> Place | None:
        if key not in self._by_code:
            found = self._lines(key + "\t")
            self._by_code[key] = _place_of(found[0]) if found else None
        return self._by_code[key]

    def _lines(self, prefix: str) -> list[str]:
        return _index_lines(self._index, prefix.encode(), PLACE_INDEX)

    def initialled(self, letter: str) -> list[Place]:
        """The places of the universe whose name's folded first letter is `letter` (`by_initial`),
        in the universe's order: from the index's lines of names that begin with it."""
        by_initial = self.__dict__.get("by_initial")
        if by_initial is not None or "universe" in self.__dict__:
            return list(self.by_initial.get(letter, []))
        if len(letter) != 1:
            return []
        if letter not in self._by_initial:  # a typo's lookup asks twice: to match, then to suggest
            self._by_initial[letter] = sorted(map(_place_of, self._lines(letter)), key=universe_order)
        return list(self._by_initial[letter])

    def near_misses(self, letter: str, counties: Collection[str]) -> list[Place]:
        """What a name that matches nothing is compared with, in the universe's order: the towns and
        gminas of `counties`, and their localities whose name's folded first letter is `letter` (a
        typo seldom hits the first letter, and 1,700 names take long to compare)."""
        if "universe" in self.__dict__:
            return [
                p
                for p in self.universe
                if p.county in counties and (not p.is_locality or names.initial(p.name) == letter)
            ]
        units = [p for code in sorted(counties) for p in map(_place_of, self._lines("TERC:" + code))]
        return units + [p for p in self.initialled(letter) if p.is_locality and p.county in counties]

    def in_county(self, county: str, localities: bool = False) -> list[Place]:
        """The county's towns and gminas; with `localities`, also its villages and parts of places."""
        units = [p for code, p in self.places.items() if code.startswith(county)]
        if not localities:
            return units
        found = [p for p in self.localities.values() if p.county == county and p.is_locality]
        return units + sorted(found, key=lambda p: (p.gmina, names.fold(p.name), p.simc or ""))

    def parent(self, place: Place) -> Place | None:
        return self.locality(place.part_of) if place.part_of else None

    @cached_property
    def universe(self) -> list[Place]:
        """Every place a name is matched against in full: every gmina of Poland and the region's places."""
        return universe(self.places, self.localities)

    @cached_property
    def by_initial(self) -> dict[str, list[Place]]:
        """The universe by the folded first letter of each name: a lookup folds only a few hundred names."""
        found: dict[str, list[Place]] = {}
        folded: dict[str, str] = {}  # first letter -> its folded form: some 60 letters for 4,000 names
        for place in self.universe:
            letter = place.name[:1]
            key = folded.get(letter)
            if key is None:
                key = folded[letter] = names.initial(letter)
            found.setdefault(key, []).append(place)
        return found

    @cached_property
    def by_name(self) -> dict[str, list[Place]]:
        """The universe by folded name, for a caller that reads many names (the web page's notes):
        built once (every name folded), then `named` folds nothing. A single lookup does without it."""
        found: dict[str, list[Place]] = {}
        for place in self.universe:
            found.setdefault(names.fold(place.name), []).append(place)
        return found

    def named(self, folded: str) -> list[Place]:
        """The places of the universe whose folded name is `folded`, in the universe's order."""
        by_name = self.__dict__.get("by_name")  # only once a caller has built it
        if by_name is not None:
            return list(by_name.get(folded, []))
        return [_place_of(line) for line in self._lines(folded + "\t")]

    def elsewhere(self, folded: str) -> list[Place]:
        """The localities outside the region whose folded name is `folded`."""
        with _mapped(self.index) as text:
            return [_indexed(line) for line in _index_lines(text, (folded + "\t").encode(), _INDEX)]

    def elsewhere_by_id(self, simc: str) -> Place | None:
        line = _index_line_with_id(self.index, simc)
        return _indexed(line) if line else None


def gazetteer_path() -> Path:
    return data_file("places.json")


PLACE_INDEX = "place_index.tsv"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer: its place index read and checked; the registers' tables when first used."""
    return Gazetteer(_read_place_index(), data_file(_INDEX))


def tables(raw_places: dict[str, Any], raw_localities: dict[str, Any]) -> tuple[dict[str, Place], dict[str, Place]]:
    """The TERC units by code and the region's SIMC entries by id, as the two JSON files give them.

    A town the TERC register names (an urban gmina, or the town of an urban-rural one) is
    one place in both: the unit, with its SIMC id.
    """
    new, by_digit, by_rm = _new_place, _KIND_BY_DIGIT, _KIND_BY_RM
    units = {code: new((code, name, by_digit[code[-1]], None, None)) for code, name in raw_places["places"].items()}
    localities = {}
    for sym, (name, rm, unit, parent) in raw_localities["localities"].items():
        town = units.get(unit)
        if rm == "96" and town is not None and town.name == name:  # the town the TERC register names
            units[unit] = localities[sym] = new((unit, name, town.kind, sym, None))
        else:
            localities[sym] = new((unit, name, by_rm[rm], sym, parent or None))
    return units, localities


def universe(units: dict[str, Place], localities: dict[str, Place]) -> list[Place]:
    """Every place a name is matched against, in the order a name's places are listed in."""
    return list(units.values()) + [p for p in localities.values() if p.is_locality]


def universe_order(place: Place) -> tuple[bool, str]:
    """A place's position in the universe: the registers list units by code and localities by id."""
    return (place.is_locality, (place.simc or "") if place.is_locality else place.teryt)


def _read_tables() -> tuple[dict[str, Place], dict[str, Place], dict[str, Any], dict[str, Any]]:
    raw = read_json(gazetteer_path().name)
    simc = read_json("localities.json")
    units, localities = tables(raw, simc)
    return units, localities, raw, simc


def index_line(key: str, place: Place) -> str:
    """A line of the place index: the key it is found by, then the place's five fields."""
    return "\t".join((key, place.teryt, place.name, place.kind.value, place.simc or "", place.part_of or ""))


_KIND_BY_VALUE = {kind.value: kind for kind in PlaceKind}


def _place_of(line: str) -> Place:
    """A place from its line of the place index, or InstallationDamaged when the line is not one."""
    fields = line.split("\t")
    if len(fields) != 6:
        raise InstallationDamaged(PLACE_INDEX, "malformed")
    _, teryt, name, kind_value, simc, part_of = fields
    kind = _KIND_BY_VALUE.get(kind_value)
    if kind is None or not _is_code(teryt) or not name or not all(_is_code(c) for c in (simc, part_of) if c):
        raise InstallationDamaged(PLACE_INDEX, "malformed")
    return _new_place((teryt, name, kind, simc or None, part_of or None))


def _is_code(text: str) -> bool:
    return len(text) == 7 and text.isdigit() and text.isascii()


def _read_place_index() -> bytes:
    """The place index's bytes, or InstallationDamaged: missing, unreadable, or not as the build wrote it.

    Its first line is a comment that ends in the number of bytes below it and a bare
    newline: a file cut short, added to or rewritten with CRLF endings says so at once.
    """
    text = installed_bytes(data_file(PLACE_INDEX), PLACE_INDEX)
    head_end = text.find(b"\n")
    size = text[:head_end].rpartition(b"; ")[2].removesuffix(b" bytes below")
    if text[:1] != b"#" or head_end < 1 or not size.isdigit() or int(size) != len(text) - head_end - 1:
        raise InstallationDamaged(PLACE_INDEX, "malformed")
    return text


_INDEX = "localities.tsv"


def _indexed(line: str) -> Place:
    fields = line.split("\t")
    if len(fields) != 5 or not (_is_code(fields[2]) and _is_code(fields[4])):
        raise InstallationDamaged(_INDEX, "malformed")  # also a CRLF file: the last field ends in "\r"
    _, name, sym, rm, unit = fields
    if rm not in _KIND_BY_RM:
        raise InstallationDamaged(_INDEX, "malformed")
    return Place(unit, name, _KIND_BY_RM[rm], sym)


@contextmanager
def _mapped(path: Path) -> Iterator[mmap.mmap]:
    """The index's bytes, or InstallationDamaged: it is missing, empty, or not the file the build wrote.

    Its first line is a comment ("# TERYT SIMC …") ending in a bare newline, so a
    cheap look at it also catches a file rewritten with CRLF endings.
    """
    import mmap

    try:
        file = path.open("rb")
    except FileNotFoundError:
        raise InstallationDamaged(_INDEX, "missing") from None
    except OSError:
        raise InstallationDamaged(_INDEX, "unreadable") from None
    with file:
        try:
            text = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # ValueError: an empty file
            raise InstallationDamaged(_INDEX, "malformed") from None
        with text:
            head_end = text.find(b"\n")
            if text[:1] != b"#" or head_end < 1 or text[head_end - 1 : head_end] == b"\r":
                raise InstallationDamaged(_INDEX, "malformed")
            yield text


def _line_end(text: bytes | mmap.mmap, start: int) -> int:
    """Where the line starting at `start` ends: its newline, or the end of a file that lacks the last one."""
    end = text.find(b"\n", start)
    return len(text) if end == -1 else end


def _decoded(line: bytes, file: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:  # cut in the middle of a character
        raise InstallationDamaged(file, "malformed") from None


def _index_lines(text: bytes | mmap.mmap, key: bytes, file: str) -> list[str]:
    """The lines of a sorted index that begin with `key` (a folded name and a tab, or the start of
    a key): a bisection, not a parse.

    Each step moves `low` past a whole line or `high` down to a line's start, so it ends
    (in about 17 steps) whatever the file holds; a damaged line it meets says so.
    """
    low, high = 0, len(text)
    while low < high:  # the first line not below the key
        start = text.rfind(b"\n", 0, (low + high) // 2) + 1
        end = _line_end(text, start)
        if text[start:end] < key:
            low = end + 1
        else:
            high = start
    lines = []
    while low < len(text) and text[low : low + len(key)] == key:
        end = _line_end(text, low)
        lines.append(_decoded(text[low:end], file))
        low = end + 1
    return lines


def _index_line_with_id(path: Path, simc: str) -> str | None:
    """The line of a SIMC id: a scan of the index (about a millisecond), for the rare query by id."""
    with _mapped(path) as text:
        at = text.find(f"\t{simc}\t".encode())
        if at == -1:
            return None
        return _decoded(text[text.rfind(b"\n", 0, at) + 1 : _line_end(text, at)], _INDEX)


class ResolvedPlace(Record):
    place: Place
    county: County
    notes: tuple[Note, ...] = ()


def looks_like_postal_code(text: str) -> bool:
    return any(ch.isdecimal() for ch in text) and re.search(_POSTAL_CODE, text) is not None


def resolve_place(text: str, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    """The place a person means: a town, gmina or locality name in any form, a TERYT code or a SIMC id."""
    query = clean_query(text, what="place")
    if looks_like_postal_code(query):
        raise errors.PostalCode(query)
    unprefixed = re.sub(_SIMC_PREFIX, "", query, flags=re.IGNORECASE) if query[:1].casefold() == "s" else query
    code = unprefixed.replace(" ", "")
    if code.isdigit() and code.isascii():
        return _by_code(code, dataset, register, gazetteer)
    qualified = re.match(_GMINA_QUALIFIER, query, re.IGNORECASE) if "gm" in query.lower() else None
    name_text, gmina_text = (qualified["name"], qualified["gmina"]) if qualified else (query, None)
    scored = _candidates(name_text, gazetteer)
    if gmina_text is not None:
        gmina_words, gmina_kinds = names.split_query(gmina_text)
        scored = [
            (score, place)
            for score, place in scored
            if (gmina := gazetteer.unit(place.gmina))
            and names.name_match_score(gmina_words, gmina.name)
            and gmina.kind in (_kinds_meant(gmina_kinds, gmina=True) or UNITS)
        ]

    def suggestions() -> list[str]:
        # The region's towns and gminas, and its localities of the same first letter.
        first = names.initial(name_text)
        return names.closest(name_text, [p.name for p in gazetteer.near_misses(first, dataset.counties)])

    def not_found() -> OwesError:
        if gmina_text is not None:
            return errors.PlaceNotInGmina(name_text, gmina_text, suggestions())
        return errors.PlaceNotFound(query, suggestions())

    def outside(found: list[Place]) -> OwesError:
        return errors.PlaceOutsideCoverage(
            query,
            register.coverage(dataset.regions, dataset.region_name),
            [_where(p, register, gazetteer) for p in found[:MAX_LISTED]],
            suggestions(),
            more=len(found[MAX_LISTED:]),
        )

    def ambiguous(found: list[Place]) -> OwesError:
        ordered = reading_order(found, lambda p: p.county in dataset.counties)
        err = errors.PlaceAmbiguous(query, [_where(p, register, gazetteer) for p in ordered])
        err.places = ordered  # for the caller that answers them all when they agree
        return err

    scored, overshadowed = _towns_first(scored, dataset)
    shown: set[str | None] = set()

    def alongside(chosen: Place, other: Place) -> Note | None:
        # A town and its gmina: one note for both.
        shown.update({chosen.teryt, chosen.gmina, chosen.town})
        if not other.is_locality:
            if other.teryt in shown:
                return None
            shown.update({other.teryt, other.gmina, other.town})
            return Note(
                "place_same_name_in_county", {"name": other.name, "teryt": other.teryt, "kind": other.kind.value}
            )
        return Note("place_same_name_locality", _where(other, register, gazetteer))

    chosen, notes = choose(
        scored,
        inside=lambda p: p.county in dataset.counties,
        county=lambda p: p.county,
        name=lambda p: p.name,
        order=lambda p: (preference(p), p.teryt, p.simc or ""),
        not_found=not_found,
        outside_coverage=outside,
        ambiguous=ambiguous,
        note_alongside=alongside,
        note_outside=lambda p: Note(
            "place_also_outside_locality" if p.is_locality else "place_also_outside", _where(p, register, gazetteer)
        ),
        max_mentions=MAX_MENTIONS,
        note_more=lambda count: Note("place_more_outside", {"count": count}),
    )
    also = tuple(
        Note("place_same_name_town_first", _where(p, register, gazetteer)) for p in overshadowed[:MAX_MENTIONS]
    )
    return ResolvedPlace(chosen, dataset.counties[chosen.county], notes + also)


_TOWNS = (PlaceKind.URBAN, PlaceKind.TOWN)


def _towns_first(scored: list[tuple[float, Place]], dataset: Dataset) -> tuple[list[tuple[float, Place]], list[Place]]:
    """Where a town of one county and villages of others share the best-matching name,
    the town: "Poznań" is the city, with a note on the villages of that name.

    Only a town: a rural gmina and a village of one name in two counties
    stay ambiguous, as neither is the obvious one. A dataset of one
    voivodeship seldom meets this; one of all Poland meets it for nearly
    every city. The villages set aside are returned for the notes.
    """
    inside = [(score, place) for score, place in scored if place.county in dataset.counties]
    if not inside:
        return scored, []
    best = max(score for score, _ in inside)
    top = [place for score, place in inside if score == best]
    unit_counties = {place.county for place in top if place.kind in _TOWNS}
    if len(unit_counties) != 1 or len({place.county for place in top}) == 1:
        return scored, []
    (county,) = unit_counties
    aside = [place for place in top if place.is_locality and place.county != county]
    return [(score, place) for score, place in scored if place not in aside], sorted(
        aside, key=lambda p: (p.county, p.simc or "")
    )


def _candidates(text: str, gazetteer: Gazetteer) -> list[tuple[float, Place]]:
    """Every place the text may name, with how well it names it.

    A name written out in full (as the register writes it, whatever the case
    and the letters) beats one reached by stripping endings: "Żarów" is a town
    of its own, not an inflection of "Żary", and "Wola Miejska" is a village,
    not the town of Wola.
    """
    whole = names.fold(text)
    exact = gazetteer.named(whole) + gazetteer.elsewhere(whole)
    if exact:
        return [(1.0, p) for p in exact]
    query_words, said_kinds = names.split_query(text)
    kinds = _kinds_meant(said_kinds)
    spelled = " ".join(w.rstrip(".") for w in query_words)
    exact = [p for p in gazetteer.named(spelled) + gazetteer.elsewhere(spelled) if kinds is None or p.kind in kinds]
    if exact:
        return [(1.0, p) for p in exact]
    initials = {w[0] for w in query_words}
    # "Lub." or "Gorzów Wlkp." abbreviate towns and gminas; matched against
    # 1,600 villages an abbreviation would fit dozens of them.
    abbreviated = any(w.endswith(".") for w in query_words)
    return [
        (score, place)
        for letter in sorted(initials)
        for place in gazetteer.initialled(letter)
        if (kinds is None or place.kind in kinds) and not (abbreviated and place.is_locality)
        if (score := names.name_match_score(query_words, place.name))
    ]


_GMINAS = (PlaceKind.URBAN_RURAL, PlaceKind.RURAL)
_PARTS = (PlaceKind.PART_OF_TOWN, PlaceKind.PART_OF_VILLAGE)


def reading_order(found: list[Place], inside: Callable[[Place], bool]) -> list[Place]:
    """The readings of one name in the order they are listed, the first one leading.

    A gmina and the village of its name that lies in it (its seat) come
    first, together; then towns; then other gminas; then villages and the
    like; then parts of a place. Within each kind, the region's own places
    (`inside`) before others, then by county and code.
    """
    gminas = {p.teryt: p for p in found if p.kind in _GMINAS}

    def seat_of(place: Place) -> Place | None:
        gmina = gminas.get(place.gmina) if place.is_locality and place.kind not in _PARTS else None
        return gmina if gmina is not None and names.fold(gmina.name) == names.fold(place.name) else None

    seated = {gmina.teryt for p in found if (gmina := seat_of(p)) is not None}

    def key(place: Place) -> tuple[int, int, bool, str, str, int, str]:
        gmina = seat_of(place)
        if gmina is not None:  # right after its gmina
            return (0, 0, not inside(gmina), gmina.county, gmina.teryt, 1, place.simc or "")
        if place.teryt in seated and not place.is_locality:
            group = 0
        elif place.kind in _TOWNS:
            group = 1
        elif place.kind in _GMINAS:
            group = 2
        elif place.kind in _PARTS:
            group = 4
        else:
            group = 3
        # Within a kind, a village before a colony or a hamlet, as `preference` ranks them.
        rank = preference(place) if group == 3 else 0
        return (group, rank, not inside(place), place.county, place.teryt, 0, place.simc or "")

    return sorted(found, key=key)


def preference(place: Place) -> int:
    """Where a place comes when one name fits several of one county: 0 first."""
    return _PREFERENCE.index(place.kind)


def rules() -> dict[str, object]:
    """The rules of `resolve_place` a matcher that is not Python needs, as data (the web page's script)."""
    return {
        "units": sorted(UNITS),
        "kinds_meant": {
            "city rural": [PlaceKind.URBAN_RURAL.value],
            "city": [PlaceKind.URBAN.value, PlaceKind.TOWN.value],
            "rural": [PlaceKind.RURAL.value],
        },
        "postal_code": _POSTAL_CODE,
        # JavaScript names a group (?<name>…) where Python writes (?P<name>…).
        "gmina_qualifier": _GMINA_QUALIFIER.replace("(?P<", "(?<"),
        "gmina_kinds_meant": {"city": [PlaceKind.URBAN.value, PlaceKind.URBAN_RURAL.value]},
        "simc_prefix": _SIMC_PREFIX,
        # `reading_order`'s kinds: towns, then gminas, then villages and the like, then parts.
        "reading_order": {
            "towns": [k.value for k in _TOWNS],
            "gminas": [k.value for k in _GMINAS],
            "parts": [k.value for k in _PARTS],
        },
    }


def _kinds_meant(said: set[str], gmina: bool = False) -> set[PlaceKind] | None:
    """ "miasto Żary" means the town, "gmina wiejska Żary" the rural gmina."""
    if said >= {"city", "rural"}:
        return {PlaceKind.URBAN_RURAL}
    if "city" in said:
        return {PlaceKind.URBAN, PlaceKind.URBAN_RURAL} if gmina else {PlaceKind.URBAN, PlaceKind.TOWN}
    if "rural" in said:
        return {PlaceKind.RURAL}
    return None


def describe(place: Place, register: Register, gazetteer: Gazetteer) -> dict[str, str]:
    """A place as a message names it: name, code, kind, county, voivodeship (and gmina, SIMC id)."""
    return _where(place, register, gazetteer)


def _where(place: Place, register: Register, gazetteer: Gazetteer) -> dict[str, str]:
    county = register.county(place.county)
    where = {
        "name": place.name,
        "teryt": place.teryt,
        "kind": place.kind.value,
        "county": county.name if county else place.county,
        "voivodeship": register.voivodeship(place.teryt),
    }
    if place.is_locality:
        gmina = gazetteer.unit(place.gmina)
        where |= {"simc": place.simc or "", "gmina": gmina.name if gmina else place.gmina}
        parent = gazetteer.parent(place)
        if parent is not None:
            where |= {"part_of": parent.name, "part_of_teryt": parent.teryt}
    return where


def _by_code(code: str, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    """A 7-digit TERC code or SIMC id; the two never coincide within the region."""
    readings = [p for p in (gazetteer.unit(code), gazetteer.locality(code)) if p is not None]
    inside = [p for p in readings if p.county in dataset.counties]
    if inside:
        return ResolvedPlace(inside[0], dataset.counties[inside[0].county])
    if gazetteer.locality(code) is None and (elsewhere := gazetteer.elsewhere_by_id(code)) is not None:
        readings.append(elsewhere)  # outside the region, 93 SIMC ids are also TERC codes
    if not readings:
        raise errors.PlaceCodeUnknown(code)
    coverage = register.coverage(dataset.regions, dataset.region_name)
    raise errors.PlaceOutsideCoverage(code, coverage, [_where(p, register, gazetteer) for p in readings])


# Metres from a gmina boundary within which a point counts as on it: the
# boundary layers are accurate to about 11 m (geo.UNIT).
BORDER_TOLERANCE_M = 30


def place_at(lat: float, lon: float, dataset: Dataset, register: Register, gazetteer: Gazetteer) -> ResolvedPlace:
    """The gmina a point lies in, or an error that says where the point is instead."""
    from owes_cli.domain import geo

    point = (lon, lat)
    gmina = geo.locate("gminy", point)
    place = gazetteer.unit(gmina.code) if gmina is not None else None
    if place is not None:
        if place.county not in dataset.counties:  # a dataset that covers only part of the region
            coverage = register.coverage(dataset.regions, dataset.region_name)
            raise errors.PlaceOutsideCoverage(f"{lat:g},{lon:g}", coverage, [_where(place, register, gazetteer)])
        return ResolvedPlace(place, dataset.counties[place.county])
    # repr: the shortest text that reads back as the same number, so the user's own digits.
    at = f"{lat!r},{lon!r}"
    coverage = register.coverage(dataset.regions, dataset.region_name)
    swapped = None
    if gmina is None and geo.locate("gminy", (lat, lon)) is not None:
        swapped = f"{lon!r},{lat!r}"  # the numbers read the other way round are in the region
    voivodeship = geo.locate("wojewodztwa", point)
    if voivodeship is None:
        raise errors.PointNotServed("point_outside_poland", at, coverage, swapped)
    if voivodeship.code in dataset.regions:
        # Within the voivodeship's simplified outline but in no gmina: on a border
        # only when a gmina boundary is that close; the outline is coarser.
        region = register.voivodeship(voivodeship.code) if len(dataset.regions) > 1 else dataset.region_name
        gminas = geo.load_layer("gminy")
        if not any(code.startswith(voivodeship.code) for code in gminas.areas):
            raise errors.PointNotServed("point_no_gminas", at, coverage, region=region)
        distance = geo.distance_to_edge(gminas, point)
        if distance is not None and distance <= BORDER_TOLERANCE_M:
            raise errors.PointNotServed("point_on_border", at, coverage, swapped, region=region)
        raise errors.PointNotServed(
            "point_outside_gminas", at, coverage, swapped, region=region, distance=str(round(distance or 5000))
        )
    raise errors.PointNotServed("point_outside_coverage", at, coverage, swapped, voivodeship=voivodeship.name)
