"""The errors of a lookup that finds nothing, or several: a county, a centre, a place or a
point that no record matches, or that fits more than one; and a map with nothing to draw.

They are owes_cli.errors' own (import them from there): this module loads the first time
one is asked for, not with every lookup that finds what it was asked (see errors.__getattr__).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from owes_cli.errors import AmbiguousError, NotFoundError, kind_label, t


def _did_you_mean(suggestions: Sequence[str], lang: str) -> list[str]:
    return [t(lang, "did_you_mean", options=", ".join(suggestions))] if suggestions else []


def _place_match(match: dict[str, str], lang: str) -> str:
    if match.get("simc"):  # a locality of the SIMC register: named with its id and gmina
        return t(lang, "locality_match", kind_label=kind_label(match, lang), **match)
    return t(lang, "place_match", kind_label=t(lang, "kind_" + match["kind"]), **match)


class _Unmatched(NotFoundError):
    """Nothing of this kind has that name or code: the closest names, if any, then
    the command that lists them all."""

    message_id = ""  # each kind's own
    listing = ""  # the message that names the listing command

    def __init__(self, query: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(self.message_id, query=query, suggestions=list(suggestions))
        self.suggestions = list(suggestions)

    def details(self, lang: str) -> list[str]:
        return [*_did_you_mean(self.suggestions, lang), t(lang, self.listing)]


# --- counties ---------------------------------------------------------------


class CountyNotFound(_Unmatched):
    message_id, listing = "county_not_found", "list_counties"


class CountyCodeUnknown(CountyNotFound):
    """A TERYT code that is no county's code."""

    message_id = "county_code_unknown"


class CountyOutsideCoverage(NotFoundError):
    """The county exists, outside the dataset's voivodeships (`coverage`, their names);
    `matches` are (TERYT, name, voivodeship)."""

    def __init__(self, query: str, coverage: Sequence[str], matches: Sequence[tuple[str, str, str]]) -> None:
        super().__init__("county_outside_coverage", query=query, coverage=tuple(coverage), matches=list(matches))
        self.matches = list(matches)

    def details(self, lang: str) -> list[str]:
        found = [t(lang, "outside_match", name=name, teryt=code, voivodeship=v) for code, name, v in self.matches]
        return [*found, t(lang, "list_counties")]


class CountyAmbiguous(AmbiguousError):
    """Several counties fit as well; `candidates` are (TERYT, name, kind)."""

    def __init__(self, query: str, candidates: Sequence[tuple[str, str, str]]) -> None:
        super().__init__("county_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)

    def details(self, lang: str) -> list[str]:
        listed = [f"  {code}  {name} ({t(lang, 'kind_' + kind)})" for code, name, kind in self.candidates]
        return [*listed, t(lang, "try_county", code=self.candidates[0][0])]


# --- centres ----------------------------------------------------------------


class CentreNotFound(_Unmatched):
    message_id, listing = "centre_not_found", "list_centres"


class CentreAmbiguous(AmbiguousError):
    """Several centre ids start with what was given; `candidates` are those ids."""

    def __init__(self, query: str, candidates: Sequence[str]) -> None:
        super().__init__("centre_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)

    def details(self, lang: str) -> list[str]:
        return [f"  {centre_id}" for centre_id in self.candidates]


# --- places and points --------------------------------------------------------
# A place is a dict with name, teryt, kind, county and voivodeship (domain.places._where).


class PlaceNotFound(_Unmatched):
    message_id, listing = "place_not_found", "list_places"


class PlaceCodeUnknown(PlaceNotFound):
    """A 7-digit TERYT code that is no gmina's or town's code."""

    message_id = "place_code_unknown"


class PlaceNotInGmina(PlaceNotFound):
    """A name given with its gmina ("Nowa Wieś, gmina Bytom Odrzański") that no locality of that gmina has."""

    message_id = "place_not_in_gmina"

    def __init__(self, query: str, gmina: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(query, suggestions)
        self.params["gmina"] = gmina


class PostalCode(NotFoundError):
    """Text that looks like a postal code: no open, complete register of them exists."""

    def __init__(self, query: str) -> None:
        super().__init__("place_postal_code", query=query)


class PlaceOutsideCoverage(NotFoundError):
    """`more` counts the places of that name beyond the listed `matches`."""

    def __init__(
        self,
        query: str,
        coverage: Sequence[str],
        matches: Sequence[dict[str, str]],
        suggestions: Sequence[str] = (),
        more: int = 0,
    ) -> None:
        super().__init__(
            "place_outside_coverage",
            query=query,
            coverage=tuple(coverage),
            matches=list(matches),
            suggestions=list(suggestions),
            more=more,
        )
        self.matches = list(matches)
        self.suggestions = list(suggestions)
        self.more = more

    def details(self, lang: str) -> list[str]:
        listed = [_place_match(match, lang) for match in self.matches]
        if self.more:
            listed.append(t(lang, "places_more", count=self.more))
        return [*listed, *_did_you_mean(self.suggestions, lang)]


class PlaceAmbiguous(AmbiguousError):
    """Places of this name lie in several counties of the region."""

    def __init__(self, query: str, candidates: Sequence[dict[str, str]]) -> None:
        super().__init__("place_ambiguous", query=query, candidates=list(candidates))
        self.candidates = list(candidates)
        self.places: list[Any] = []  # the places themselves (domain.places.Place), in the same order

    def details(self, lang: str) -> list[str]:
        listed = [_place_match(match, lang) for match in self.candidates]
        locality = next((match for match in self.candidates if match.get("simc")), None)
        if locality is not None:  # choose by SIMC id, or by name with its gmina
            how = t(lang, "try_locality", simc=locality["simc"], name=locality["name"], gmina=locality["gmina"])
        else:
            how = t(lang, "try_place", code=self.candidates[0]["teryt"])
        return [*listed, how]


class PointNotServed(NotFoundError):
    """A point (`at`, "lat,lon") in no gmina of the region: outside Poland
    (point_outside_poland), in another voivodeship (point_outside_coverage) or on
    a boundary (point_on_border). `swapped` is the point read the other way round
    when that one lies in the region. `coverage` names the dataset's voivodeships;
    `region` the one whose gminas the point is near."""

    def __init__(
        self, message_id: str, at: str, coverage: Sequence[str], swapped: str | None = None, **params: str
    ) -> None:
        hint = {"swapped": swapped} if swapped else {}
        super().__init__(message_id, at=at, coverage=tuple(coverage), **hint, **params)
        self.swapped = swapped

    def details(self, lang: str) -> list[str]:
        return [t(lang, "point_swapped", swapped=self.swapped)] if self.swapped else []


class MapNothingToDraw(NotFoundError):
    """A dataset none of whose counties has shipped boundaries (only Lubuskie's are shipped)."""

    def __init__(self, total: int) -> None:
        super().__init__("map_nothing_to_draw", total=total)


class ReadingsDisagree(AmbiguousError):
    """A bare word read as a county, a place or a point leads to different counties;
    `readings` are (option, county name) pairs."""

    def __init__(self, query: str, readings: Sequence[tuple[str, str]]) -> None:
        super().__init__("readings_disagree", query=query, readings=list(readings))
        self.query = query
        self.readings = list(readings)

    def details(self, lang: str) -> list[str]:
        return [
            t(lang, "reading_line", option=option, query=self.query, county=county) for option, county in self.readings
        ]


class NoReading(NotFoundError):
    """A bare word that is no county, place or point."""

    def __init__(self, query: str) -> None:
        super().__init__("no_reading", query=query)


class CountyIsAPlace(NotFoundError):
    """A town's or gmina's name given as --county: the place, its county and the option it needs."""

    def __init__(self, query: str, place: str, county: str, kind: str) -> None:
        super().__init__("county_is_a_place", query=query, place=place, county=county, kind=kind)

    def headline(self, lang: str) -> str:
        return t(lang, self.message_id, kind_label=t(lang, "kind_" + self.params["kind"]), **self.params)

    def details(self, lang: str) -> list[str]:
        return [t(lang, "county_is_a_place_try", **self.params)]
