"""`which-centre --at LAT,LON`: the gmina a point lies in, or where the point is instead."""

from __future__ import annotations

import json

import pytest
from conftest import Owes

from owes_cli.domain import geo
from owes_cli.errors import ExitCode, UsageError

# The town centres of the 14 county seats (latitude, longitude). The seats of
# the land counties gorzowski and zielonogórski are the cities themselves,
# which are counties of their own, so 12 towns stand for 14 seats.
SEATS = [
    ("Gorzów Wielkopolski (0801, 0861)", "52.7368,15.2288", "0861011", "0861"),
    ("Zielona Góra (0809, 0862)", "51.9356,15.5062", "0862011", "0862"),
    ("Krosno Odrzańskie", "52.0547,15.0990", "0802063", "0802"),
    ("Międzyrzecz", "52.4446,15.5780", "0803023", "0803"),
    ("Nowa Sól", "51.8033,15.7143", "0804011", "0804"),
    ("Słubice", "52.3503,14.5604", "0805053", "0805"),
    ("Strzelce Krajeńskie", "52.8773,15.5313", "0806043", "0806"),
    ("Sulęcin", "52.4447,15.1183", "0807043", "0807"),
    ("Świebodzin", "52.2475,15.5336", "0808053", "0808"),
    ("Żagań", "51.6176,15.3150", "0810021", "0810"),
    ("Żary", "51.6417,15.1381", "0811021", "0811"),
    ("Wschowa", "51.8068,16.3170", "0812033", "0812"),
]


@pytest.mark.parametrize(("town", "at", "gmina", "county"), SEATS, ids=[s[0] for s in SEATS])
def test_county_seats(owes: Owes, town: str, at: str, gmina: str, county: str) -> None:
    run = owes("which-centre", "--at", at, "--on", "2014-06-01", "--format", "json")
    assert run.exit_code == ExitCode.OK, run.stderr
    data = json.loads(run.stdout)
    assert (data["place"]["teryt"], data["county"]["teryt"]) == (gmina, county)
    lat, lon = (float(v) for v in at.split(","))
    assert data["query"] == {"at": {"lat": lat, "lon": lon}, "on": "2014-06-01"}
    assert data["centre"]["id"] in ("gorzow-2013", "zielona-gora-2013")


def test_a_hole_is_not_part_of_the_gmina_around_it() -> None:
    gminas = geo.load_layer("gminy")
    zary_town = (15.1381, 51.6417)
    rural = gminas.areas["0811102"]  # the rural gmina of Żary surrounds the town
    assert len(rural.polygons[0]) == 2
    assert geo.ring_contains(rural.polygons[0][0], zary_town)
    assert not rural.contains(zary_town)
    town = gminas.find(zary_town)
    assert town is not None and town.code == "0811021"


def test_gorzow_city_is_not_powiat_gorzowski() -> None:
    counties = geo.load_layer("powiaty")
    gorzow = (15.2288, 52.7368)
    assert not counties.areas["0801"].contains(gorzow)
    assert counties.areas["0861"].contains(gorzow)


def test_every_label_point_lies_in_its_own_area() -> None:
    for layer in geo.LAYERS:
        for area in geo.load_layer(layer).areas.values():
            assert area.contains(area.label), (layer, area.code)


def test_plain_answer_names_the_point(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--at", "52.3503, 14.5604", "--on", "2014-06-01")
    assert run.stdout.startswith(
        "Place Słubice (0805053, urban-rural gmina)\n"
        "==========================================\n"
        "  Point        52.3503, 14.5604\n"
        "  Gmina        Słubice (0805053, urban-rural gmina)\n"
        "  Town         Słubice (0805054, town)\n"
        "  County       słubicki (0805, land county)\n"
    )


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (
            "52.4064,16.9252",
            "The point 52.4064,16.9252 lies in województwo wielkopolskie, "
            "outside this dataset's coverage (województwo lubuskie).\n",
        ),
        (
            "51.664,16.0845",
            "The point 51.664,16.0845 lies in województwo dolnośląskie, "
            "outside this dataset's coverage (województwo lubuskie).\n",
        ),
        (
            "53.4285,14.5528",
            "The point 53.4285,14.5528 lies in województwo zachodniopomorskie, "
            "outside this dataset's coverage (województwo lubuskie).\n",
        ),
        (
            "52.52,13.405",
            "The point 52.52,13.405 lies outside Poland; this dataset covers województwo lubuskie.\n",
        ),
    ],
)
def test_points_outside_the_region(owes: Owes, at: str, message: str) -> None:
    run = owes("which-centre", "--at", at)
    assert (run.exit_code, run.stdout, run.stderr) == (ExitCode.NOT_FOUND, "", message)


def test_swapped_numbers_get_a_hint(owes: Owes) -> None:
    run = owes("which-centre", "--at", "15.1381,51.6417")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.endswith("Did you mean --at 51.6417,15.1381? Latitude comes first, then longitude.\n")


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (
            "95,15",
            "The latitude 95 is outside −90…90 (latitude comes first, then longitude, e.g. --at 51.6417,15.1381).\n",
        ),
        ("51.6,200", "The longitude 200 is outside −180…180.\n"),
        (
            "Żary",
            "Cannot read the coordinates “Żary”: give latitude, then longitude, e.g. --at 51.6417,15.1381 (Żary).\n",
        ),
        (
            "51.6417",
            "Cannot read the coordinates “51.6417”: give latitude, then longitude, e.g. --at 51.6417,15.1381 (Żary).\n",
        ),
        (
            "nan,nan",
            "Cannot read the coordinates “nan,nan”: give latitude, then longitude, e.g. --at 51.6417,15.1381 (Żary).\n",
        ),
    ],
)
def test_bad_coordinates_are_usage_errors(owes: Owes, at: str, message: str) -> None:
    run = owes("which-centre", "--at", at)
    assert (run.exit_code, run.stdout, run.stderr) == (ExitCode.USAGE, "", message)


def test_bad_coordinates_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--at", "95,15", "--lang", "pl")
    assert run.stderr.startswith("Szerokość geograficzna 95 jest poza zakresem −90…90")


@pytest.mark.parametrize(
    "text",
    ["51.6417,15.1381", " 51.6417 , 15.1381 ", "51.6417 15.1381", "51,6417 15,1381", "51,6417;15,1381"],
)
def test_forms_of_coordinates(text: str) -> None:
    assert geo.parse_coordinates(text) == (51.6417, 15.1381)


def test_decimal_commas_without_a_clear_separator_are_refused() -> None:
    with pytest.raises(UsageError):
        geo.parse_coordinates("51,64,15")


def test_help_spells_out_the_order(owes: Owes) -> None:
    run = owes("which-centre", "--help")
    assert "latitude first, then longitude" in run.stdout
    assert "51.6417,15.1381" in run.stdout


def test_a_point_is_found_in_the_same_area_without_decoding_the_whole_layer() -> None:
    # A lookup decodes only the outlines whose box holds the point; what it finds is what the whole
    # layer finds: inside, in a hole (the town of Żary in its rural gmina), outside the region, outside Poland.
    points = [(15.1381, 51.6417), (15.2288, 52.7368), (16.9252, 52.4064), (51.6417, 15.1381), (2.35, 48.85)]
    for layer in ("gminy", "wojewodztwa"):
        whole = geo.load_layer(layer)
        points += [area.label for area in whole.areas.values()]
    points += [(14.0 + i * 0.25, 51.0 + j * 0.2) for i in range(16) for j in range(12)]  # Lubuskie and around it
    for layer in ("gminy", "wojewodztwa"):
        whole = geo.load_layer(layer)
        found = [geo.locate(layer, point) for point in points]
        assert found == [whole.find(point) for point in points], layer
        assert sum(area is not None for area in found) > len(points) // 4, layer
