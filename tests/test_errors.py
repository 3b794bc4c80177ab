"""Each error says itself, headline then its own details, in either language, without the command line."""

from __future__ import annotations

from owes_cli.errors import (
    CentreAmbiguous,
    CountyAmbiguous,
    CountyCodeUnknown,
    CountyNotFound,
    ExitCode,
    PlaceAmbiguous,
    PointNotServed,
)

NOWA_SOL = {"name": "Nowa Sól", "teryt": "0804011", "kind": "urban", "county": "nowosolski", "voivodeship": "lubuskie"}


def test_a_county_not_found_suggests_and_points_to_the_list() -> None:
    error = CountyNotFound("zarsky", ["żarski"])
    assert error.exit_code == ExitCode.NOT_FOUND
    assert error.lines("en") == ["No county matches “zarsky”.", "Did you mean: żarski?", "All counties: owes counties"]
    assert error.lines("pl") == [
        "Nie znaleziono powiatu „zarsky”.",
        "Czy chodziło o: żarski?",
        "Lista powiatów: owes counties",
    ]
    assert CountyCodeUnknown("0899").lines("en")[1:] == ["All counties: owes counties"]


def test_ambiguous_errors_list_their_candidates() -> None:
    county = CountyAmbiguous("gorz", [("0801", "gorzowski", "land"), ("0861", "Gorzów Wielkopolski", "city")])
    assert county.exit_code == ExitCode.AMBIGUOUS
    assert county.lines("pl")[1:] == [
        "  0801  gorzowski (powiat ziemski)",
        "  0861  Gorzów Wielkopolski (miasto na prawach powiatu)",
        "Spróbuj: owes which-centre --county 0801",
    ]
    assert CentreAmbiguous("zielona", ["zielona-gora-2013", "zielona-gora-2016"]).message("en") == (
        "“zielona” fits several centres; choose one:\n  zielona-gora-2013\n  zielona-gora-2016"
    )
    place = PlaceAmbiguous("Nowa", [NOWA_SOL])
    assert place.lines("en")[1:] == [
        "  Nowa Sól (0804011, urban gmina), powiat nowosolski, województwo lubuskie",
        "Try: owes which-centre --place 0804011",
    ]


def test_a_point_read_the_wrong_way_round_says_so() -> None:
    swapped = PointNotServed("point_outside_poland", "15.1381,51.6417", "lubuskie", "51.6417,15.1381")
    assert swapped.lines("en")[1:] == ["Did you mean --at 51.6417,15.1381? Latitude comes first, then longitude."]
    assert PointNotServed("point_outside_poland", "10,10", "lubuskie").lines("en")[1:] == []


def test_every_error_of_a_failed_lookup_is_imported_from_errors() -> None:
    # owes_cli.errors lists them to load owes_cli.lookup_errors when one is first asked for.
    import owes_cli.errors
    import owes_cli.lookup_errors
    from owes_cli.errors import OwesError

    defined = {
        name
        for name, value in vars(owes_cli.lookup_errors).items()
        if isinstance(value, type) and issubclass(value, OwesError) and value.__module__ == "owes_cli.lookup_errors"
    }
    public = {name for name in defined if not name.startswith("_")}
    assert set(owes_cli.errors._ERRORS_OF_LOOKUPS) == public
    assert all(getattr(owes_cli.errors, name) is getattr(owes_cli.lookup_errors, name) for name in public)
