"""Towns and gminas: every place of the region reaches its county, and places elsewhere say where they are."""

from __future__ import annotations

import json

import pytest
from conftest import Owes

from owes_cli.domain import load_register
from owes_cli.domain.dataset import bundled_path, load
from owes_cli.domain.names import fold
from owes_cli.domain.places import Gazetteer, Place, PlaceKind, ResolvedPlace, load_gazetteer, resolve_place
from owes_cli.errors import AmbiguousError, ExitCode, NotFoundError, UsageError

REGISTER = load_register()
DATASET = load(bundled_path(), REGISTER)
GAZETTEER = load_gazetteer()
REGIONAL = [p for p in GAZETTEER.places.values() if p.teryt.startswith("08")]


def resolve(text: str) -> ResolvedPlace:
    return resolve_place(text, DATASET, REGISTER, GAZETTEER)


def test_gazetteer_holds_the_region_and_the_country() -> None:
    kinds = [p.kind for p in REGIONAL]
    gminas = [k for k in kinds if k is not PlaceKind.TOWN]
    towns = [k for k in kinds if k in (PlaceKind.URBAN, PlaceKind.TOWN)]
    assert (len(gminas), len(towns)) == (82, 43)
    national_gminas = [p for p in GAZETTEER.places.values() if p.kind is not PlaceKind.TOWN]
    assert len(national_gminas) == 2477
    assert len({p.county for p in national_gminas}) == 380
    assert (GAZETTEER.title, GAZETTEER.as_of) == ("TERYT TERC (wykaz urzędowy)", "2020-01-01")


def _counties_named(name: str) -> set[str]:
    """The region's counties with a town, gmina or locality of this name."""
    return {p.county for p in GAZETTEER.named(fold(name)) if p.teryt.startswith("08")}


@pytest.mark.parametrize("place", REGIONAL, ids=lambda p: f"{p.teryt}-{p.name}")
def test_every_town_and_gmina_reaches_its_county(place: Place) -> None:
    assert resolve(place.teryt).county.teryt == place.county
    for text in (place.name, place.name.upper(), fold(place.name)):
        if len(_counties_named(place.name)) > 1:  # a village of the same name in another county
            with pytest.raises(AmbiguousError):
                resolve(text)
            continue
        found = resolve(text)
        assert found.county.teryt == place.county, text
        # By name, the unit itself or another place of the same name in its county answers.
        assert found.place.name == place.name


@pytest.mark.parametrize(
    ("text", "teryt"),
    [
        ("w Żarach", "0811021"),
        ("ZARY", "0811021"),
        ("Lodz", None),
        ("Łęknica", "0811011"),
        ("leknica", "0811011"),
        ("Sulechow", "0809064"),
        ("w Zielonej Górze", "0862011"),
        ("Gorzów Wlkp.", "0861011"),
        ("gmina wiejska Żary", "0811102"),
        ("miasto Żary", "0811021"),
        ("gmina miejsko-wiejska Sulechów", "0809063"),
        ("Kostrzyn nad Odrą", "0801011"),
    ],
)
def test_forms_of_names(text: str, teryt: str | None) -> None:
    if teryt is None:
        with pytest.raises(NotFoundError):
            resolve(text)
    else:
        assert resolve(text).place.teryt == teryt


@pytest.mark.parametrize("name", ["Żary", "Nowa Sól", "Gubin", "Żagań"])
def test_urban_and_rural_gmina_of_one_name_resolve_to_one_county_and_say_so(name: str) -> None:
    found = resolve(name)
    assert found.place.kind is PlaceKind.URBAN
    in_county = [n for n in found.notes if n.message_id.startswith("place_same_name")]
    assert [(n.message_id, n.params["kind"]) for n in in_county] == [("place_same_name_in_county", "rural")]


@pytest.mark.parametrize(
    ("name", "teryt", "elsewhere"),
    [
        ("Świdnica", "0809072", ["0219011", "0219072"]),
        ("Dąbie", "0802042", ["3009043"]),
    ],
)
def test_name_used_elsewhere_resolves_inside_and_mentions_the_others(
    name: str, teryt: str, elsewhere: list[str]
) -> None:
    found = resolve(name)
    assert found.place.teryt == teryt
    assert [n.params["teryt"] for n in found.notes if n.message_id == "place_also_outside"] == elsewhere


def test_place_elsewhere_says_where_it_is() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("Głogów")
    assert caught.value.message_id == "place_outside_coverage"
    assert [(m["teryt"], m["county"], m["voivodeship"]) for m in caught.value.params["matches"]] == [
        ("0203011", "głogowski", "dolnośląskie"),
        ("0203022", "głogowski", "dolnośląskie"),
        ("1423082", "przysuski", "mazowieckie"),  # a village, SIMC 0640610
    ]


def test_a_different_town_is_not_an_inflection_of_ours() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("Żarów")  # a town in dolnośląskie, not a form of "Żary"
    assert "0219083" in [m["teryt"] for m in caught.value.params["matches"]]


def test_places_in_several_counties_are_ambiguous() -> None:
    with pytest.raises(AmbiguousError) as caught:
        resolve("Lub.")
    counties = {m["county"] for m in caught.value.params["candidates"]}
    assert counties == {"gorzowski", "sulęciński", "świebodziński", "żarski"}


@pytest.mark.parametrize("text", ["", "  ", "x" * 500])
def test_text_that_cannot_be_a_place_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        resolve(text)


# --------------------------------------------------------------------------
# What a person sees
# --------------------------------------------------------------------------


def test_place_answer_shows_gmina_town_county_then_centre(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--place", "Sulechów", "--on", "2014-06-01")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith(
        "Place Sulechów (0809064, town)\n"
        "==============================\n"
        "  Gmina        Sulechów (0809063, urban-rural gmina)\n"
        "  Town         Sulechów (0809064, town)\n"
        "  County       zielonogórski (0809, land county)\n"
        "  Voivodeship  lubuskie\n"
        "\n"
        "County zielonogórski (0809, land county), for 2014-06-01 (historical)\n"
    )
    assert "\nOśrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego\n" in run.stdout
    assert run.stderr == ""


def test_place_answer_equals_the_county_answer_below_the_place(owes: Owes) -> None:
    by_place = owes("which-centre", "--full", "--place", "Lubsko", "--on", "2020-01-01")
    by_county = owes("which-centre", "--full", "--county", "żarski", "--on", "2020-01-01")
    assert by_place.stdout.endswith(by_county.stdout)


def test_place_json_has_place_beside_county_and_centre(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Żary", "--on", "2014-06-01", "--format", "json")
    data = json.loads(run.stdout)
    assert data["query"] == {"place": "Żary", "on": "2014-06-01"}
    assert data["place"]["teryt"] == "0811021"
    assert (data["place"]["name"], data["place"]["kind"]) == ("Żary", "urban")
    assert data["county"] == {"teryt": "0811", "name": "żarski", "kind": "land"}
    assert data["centre"]["id"] == "zielona-gora-2013"
    assert (data["place"]["simc"], data["place"]["part_of"]) == ("0988684", None)
    assert data["notes"][0] == {"id": "place_same_name_in_county", "name": "Żary", "teryt": "0811102", "kind": "rural"}
    assert run.stderr.startswith(
        "Note: “Żary” is also the name of the rural gmina 0811102 in the same county; the answer holds for both.\n"
        "Note: “Żary” is also the name of a village (SIMC 0324990) in gmina Krzeszowice, powiat krakowski, "
        "województwo małopolskie, outside this dataset's coverage.\n"
    )


def test_place_outside_coverage_on_stderr(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Głogów")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stdout == ""
    assert run.stderr == (
        "“Głogów” lies outside this dataset's coverage (województwo lubuskie):\n"
        "  Głogów (0203011, urban gmina), powiat głogowski, województwo dolnośląskie\n"
        "  Głogów (0203022, rural gmina), powiat głogowski, województwo dolnośląskie\n"
        "  Głogów (SIMC 0640610, village), gmina Wieniawa, powiat przysuski, województwo mazowieckie\n"
        "Did you mean: Gilów, Łagów, Gronów?\n"
    )


def test_place_outside_coverage_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Głogów", "--lang", "pl")
    assert run.stderr.startswith(
        "„Głogów” leży poza zasięgiem tych danych (województwo lubuskie):\n"
        "  Głogów (0203011, gmina miejska), powiat głogowski, województwo dolnośląskie\n"
    )


def test_typo_gets_suggestions(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Sulehów")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == (
        "No town, village or gmina matches “Sulehów”.\n"
        "Did you mean: Sulechów, Sułów, Suchów?\n"
        "A county's towns and gminas: owes places --county COUNTY\n"
    )


def test_ambiguous_place_lists_candidates(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Zb.")
    assert run.exit_code == ExitCode.AMBIGUOUS
    assert run.stdout == ""
    assert run.stderr == (
        "“Zb.” fits places in several counties; choose one:\n"
        "  Zbąszynek (0808064, town), powiat świebodziński, województwo lubuskie\n"
        "  Zbąszynek (0808063, urban-rural gmina), powiat świebodziński, województwo lubuskie\n"
        "  Zabór (0809092, rural gmina), powiat zielonogórski, województwo lubuskie\n"
        "Try: owes which-centre --place 0808064\n"
    )


@pytest.mark.parametrize(
    "args",
    [
        ["--county", "żarski", "--place", "Żary"],
        ["--place", "Żary", "--at", "51.6417,15.1381"],
    ],
)
def test_exactly_one_of_county_place_at(owes: Owes, args: list[str]) -> None:
    run = owes("which-centre", *args)
    assert run.exit_code == ExitCode.USAGE
    assert run.stderr.startswith("Give only one of --county, --place and --at (given: ")
    assert "Podaj tylko jedno" in owes("which-centre", *args, "--lang", "pl").stderr


def test_no_place_at_all_names_the_three_options(owes: Owes) -> None:
    run = owes("which-centre")
    assert run.exit_code == ExitCode.USAGE
    assert "--county" in run.stderr and "--place" in run.stderr and "--at" in run.stderr


def test_places_of_a_county(owes: Owes) -> None:
    run = owes("places", "--county", "żarski", "--format", "csv")
    assert run.exit_code == ExitCode.OK
    lines = run.stdout.splitlines()
    assert lines[0] == "teryt,name,kind,simc,gmina,county"
    assert lines[1:4] == [
        "0811011,Łęknica,urban,0988508,0811011,żarski",
        "0811021,Żary,urban,0988684,0811021,żarski",
        "0811032,Brody,rural,,0811032,żarski",
    ]
    assert "0811064,Lubsko,town,0988490,0811063,żarski" in lines
    assert "0811102,Olbrachtów,village,0918034,0811102,żarski" in lines
    localities = [p for p in GAZETTEER.localities.values() if p.county == "0811" and p.is_locality]
    assert len(lines) == 1 + 10 + 2 + len(localities)  # 10 gminas, 2 of them urban-rural with a town


def test_places_of_a_county_in_polish(owes: Owes) -> None:
    run = owes("places", "--county", "zielona góra", "--format", "plain", "--lang", "pl")
    assert "Drzonków" in run.stdout and "część miasta" in run.stdout


def test_places_of_the_region(owes: Owes) -> None:
    rows = json.loads(owes("places", "--format", "json").stdout)
    # gminas, the towns of the urban-rural ones, and the other 1,622 entries of the SIMC register
    assert len(rows) == 82 + 34 + 1665 - 43


def test_place_detail(owes: Owes) -> None:
    run = owes("place", "Świdnica", "--format", "plain")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith(
        "Place Świdnica (0809072, rural gmina)\n"
        "=====================================\n"
        "  Gmina                     Świdnica (0809072, rural gmina)\n"
        "  Town                      a rural gmina: no town\n"
        "  County                    zielonogórski (0809, land county)\n"
        "  Voivodeship               lubuskie\n"
        "  A point inside the gmina  51.9011, 15.3364\n"
        "  !                         Note: “Świdnica” is also the name of a village (SIMC 0914881) in gmina "
        "Świdnica in the same county; the answer holds for both.\n"
        "  !                         Note: “Świdnica” is also the name of the urban gmina 0219011 in powiat "
        "świdnicki, województwo dolnośląskie, outside this dataset's coverage.\n"
    )
    assert (
        "Centre in each period\n  - 2013-03 – 2015-09 (OWES project 2013–2015): "
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego (zielona-gora-2013)\n"
    ) in run.stdout
    assert "  - Register: TERYT TERC (wykaz urzędowy), Główny Urząd Statystyczny, 2020-01-01\n" in run.stdout


def test_a_name_of_several_words_without_quotes(owes: Owes) -> None:
    run = owes("place", "Nowa", "Sól", "--format", "json")
    assert run.exit_code == 0
    assert json.loads(run.stdout)["teryt"] == "0804011"
    # The words after --place are one name, as for `owes place`.
    run = owes("which-centre", "--place", "Nowa", "Sól", "--on", "2014-06-01")
    assert run.exit_code == 0
    assert "Nowa Sól (urban gmina), county nowosolski" in run.stdout


def test_the_place_index_answers_as_the_registers_tables() -> None:
    # A fresh gazetteer answers from data/place_index.tsv until something reads the tables;
    # GAZETTEER has read them. Every name, first letter and code gives the same places, in order.
    indexed = Gazetteer(GAZETTEER._index, GAZETTEER.index)
    by_name: dict[str, list[Place]] = {}
    for place in GAZETTEER.universe:
        by_name.setdefault(fold(place.name), []).append(place)
    folded = set(by_name)
    assert all(indexed.named(name) == places for name, places in by_name.items())
    assert indexed.named("zzzz") == [] and indexed.named("terc:0811021") == []
    letters = {name[:1] for name in folded} | {".", "ł", "x"}
    assert all(indexed.initialled(letter) == GAZETTEER.by_initial.get(letter, []) for letter in letters)
    for letter in letters:
        assert indexed.near_misses(letter, DATASET.counties) == GAZETTEER.near_misses(letter, DATASET.counties)
    assert all(indexed.unit(code) == place for code, place in GAZETTEER.places.items())
    assert all(indexed.locality(code) == place for code, place in GAZETTEER.localities.items())
    assert indexed.unit("0811") is None and indexed.locality("0811021") is None
    assert "places" not in indexed.__dict__ and "localities" not in indexed.__dict__  # never read
