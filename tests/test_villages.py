"""Villages, colonies, hamlets, settlements and parts of towns: the whole SIMC register of localities."""

from __future__ import annotations

import json
import unicodedata

import pytest
from conftest import Owes

from owes_cli.domain import load_register
from owes_cli.domain.dataset import bundled_path, load
from owes_cli.domain.names import fold
from owes_cli.domain.places import Place, PlaceKind, ResolvedPlace, load_gazetteer, resolve_place
from owes_cli.errors import AmbiguousError, ExitCode, NotFoundError

REGISTER = load_register()
DATASET = load(bundled_path(), REGISTER)
GAZETTEER = load_gazetteer()
LOCALITIES = list(GAZETTEER.localities.values())


def resolve(text: str) -> ResolvedPlace:
    return resolve_place(text, DATASET, REGISTER, GAZETTEER)


def ascii_form(name: str) -> str:
    """The name as typed without Polish letters, capitals kept: "Łęknica" -> "Leknica"."""
    name = name.replace("ł", "l").replace("Ł", "L")
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def counties_named(name: str) -> set[str]:
    """The region's counties holding a town, gmina or locality of this name."""
    return {p.county for p in GAZETTEER.named(fold(name)) if p.county in DATASET.counties}


def test_the_register_is_whole_and_dated() -> None:
    assert len(LOCALITIES) == 1665
    standalone = [p for p in LOCALITIES if p.part_of is None]
    assert len(standalone) == 1337
    names = [p.name for p in standalone]
    assert len({n for n in names if names.count(n) > 1}) == 89
    assert GAZETTEER.locality_register == {
        "register": "TERYT SIMC (wykaz urzędowy)",
        "publisher": "Główny Urząd Statystyczny",
        "as_of": "2020-01-01",
    }
    # `owes sources` names the register the localities come from, with the same date.
    assert str(DATASET.sources["teryt-simc-2020"].date) == GAZETTEER.locality_register["as_of"]
    # Every town of the SIMC register is the town the TERC register names.
    assert sum(1 for p in LOCALITIES if not p.is_locality) == 43


def test_every_locality_of_the_region_resolves_or_is_reported_ambiguous() -> None:
    """All 1,665 entries, by name and by ASCII form: their own county, or ambiguous exactly when
    their name lies in several counties."""
    wrong: list[tuple[object, ...]] = []
    for place in LOCALITIES:
        several = len(counties_named(place.name)) > 1
        for text in (place.name, ascii_form(place.name)):
            try:
                found = resolve(text)
            except AmbiguousError as err:
                if not several or not any(m.get("simc") == place.simc for m in err.params["candidates"]):
                    wrong.append((text, place.simc, "ambiguous"))
                continue
            if several or found.county.teryt != place.county or fold(found.place.name) != fold(place.name):
                wrong.append((text, place.simc, found.place.name, found.county.teryt))
        if resolve(place.simc or "").place.simc != place.simc:  # by its SIMC id, always itself
            wrong.append((place.simc, "by id"))
    assert wrong == []


def test_every_ambiguous_locality_is_reached_by_name_and_gmina() -> None:
    wrong = []
    for place in LOCALITIES:
        if len(counties_named(place.name)) < 2 or not place.is_locality:
            continue
        gmina = GAZETTEER.places[place.gmina].name
        for text in (f"{place.name}, gmina {gmina}", f"{ascii_form(place.name)} gm. {ascii_form(gmina)}"):
            try:
                found = resolve(text)
            except AmbiguousError:  # one gmina with two gminas of its name in two counties: none here
                wrong.append((text, "ambiguous"))
                continue
            if found.county.teryt != place.county:
                wrong.append((text, found.county.teryt))
    assert wrong == []


# --------------------------------------------------------------------------
# Villages, as a person asks
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Olbrachtów", "olbrachtow", "OLBRACHTÓW", "w Olbrachtowie", "0918034"])
def test_a_village_answers_with_its_gmina_and_county(owes: Owes, text: str) -> None:
    run = owes("which-centre", "--full", "--place", text, "--on", "2014-06-01", "--format", "plain")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith(
        "Place Olbrachtów (SIMC 0918034, village)\n"
        "========================================\n"
        "  Gmina        Żary (0811102, rural gmina)\n"
        "  County       żarski (0811, land county)\n"
        "  Voivodeship  lubuskie\n"
        "\n"
        "County żarski (0811, land county), for 2014-06-01 (historical)\n"
    )
    assert run.stdout.endswith(owes("which-centre", "--full", "--county", "żarski", "--on", "2014-06-01").stdout)


def test_a_village_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--place", "Olbrachtów", "--lang", "pl", "--format", "plain")
    assert run.stdout.startswith("Miejsce Olbrachtów (SIMC 0918034, wieś)\n")


def test_a_village_in_json_has_its_simc_id_and_kind(owes: Owes) -> None:
    data = json.loads(owes("which-centre", "--place", "Kunowice", "--format", "json").stdout)
    place = data["place"]
    assert (place["name"], place["simc"], place["kind"], place["part_of"]) == ("Kunowice", "0187100", "village", None)
    assert place["gmina"] == {"teryt": "0805053", "name": "Słubice", "kind": "urban-rural"}
    assert place["town"] is None  # the village lies in the rural area of the gmina
    assert data["county"]["teryt"] == "0805"


def test_a_typo_in_a_village_gets_suggestions(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Olbrachtuw")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("No town, village or gmina matches “Olbrachtuw”.\nDid you mean: Olbrachtów")
    assert owes("which-centre", "--place", "Olbrachtuw", "--lang", "pl").stderr.startswith(
        "Nie znaleziono miejscowości ani gminy „Olbrachtuw”.\nCzy chodziło o: Olbrachtów"
    )


# --------------------------------------------------------------------------
# Parts of towns and villages
# --------------------------------------------------------------------------


def test_a_part_of_a_city_answers_with_the_city(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--place", "Drzonków", "--on", "2014-06-01", "--format", "plain")
    assert run.stdout.startswith(
        "Place Drzonków (SIMC 0917336, part of the city of Zielona Góra)\n"
        "===============================================================\n"
        "  Part of      Zielona Góra (0862011, urban gmina)\n"
        "  Gmina        Zielona Góra (0862011, urban gmina)\n"
        "  Town         Zielona Góra (0862011, urban gmina)\n"
        "  County       Zielona Góra (0862, city with county rights)\n"
    )
    polish = owes("which-centre", "--full", "--place", "drzonkow", "--lang", "pl", "--format", "plain")
    assert polish.stdout.startswith("Miejsce Drzonków (SIMC 0917336, część miasta Zielona Góra)\n")
    data = json.loads(owes("which-centre", "--place", "Ochla", "--format", "json").stdout)
    assert (data["place"]["kind"], data["place"]["part_of"]["name"], data["county"]["teryt"]) == (
        "part-of-town",
        "Zielona Góra",
        "0862",
    )


def test_a_part_of_a_town_and_of_a_village() -> None:
    part = next(p for p in LOCALITIES if p.kind is PlaceKind.PART_OF_TOWN and p.county != "0862")
    parent = GAZETTEER.parent(part)
    assert parent is not None and parent.county == part.county
    village_part = GAZETTEER.localities["0181421"]  # Podłążek, part of the village Kosin
    assert (village_part.name, village_part.kind, GAZETTEER.parent(village_part)) == (
        "Podłążek",
        PlaceKind.PART_OF_VILLAGE,
        GAZETTEER.localities["0181415"],
    )
    # A hamlet may belong to a village too: it keeps its own kind.
    hamlet = GAZETTEER.localities["0178494"]  # Tymiana, of the village Bledzew
    assert (hamlet.kind, hamlet.part_of) == (PlaceKind.HAMLET, "0178465")


def test_a_part_of_a_village_is_named_with_it(owes: Owes) -> None:
    run = owes("place", "Podłążek", "--format", "plain")
    assert run.stdout.startswith("Place Podłążek (SIMC 0181421, part of Kosin)\n")
    assert "Kosin (SIMC 0181415, village)" in run.stdout
    polish = owes("place", "podlazek", "--format", "plain", "--lang", "pl")
    assert polish.stdout.startswith("Miejsce Podłążek (SIMC 0181421, część miejscowości Kosin)\n")
    hamlet = owes("place", "Tymiana", "--format", "plain")
    assert hamlet.stdout.startswith("Place Tymiana (SIMC 0178494, hamlet)\n")
    assert "  Part of" in hamlet.stdout and "Bledzew (SIMC 0178465, village)" in hamlet.stdout


# --------------------------------------------------------------------------
# Repeated names
# --------------------------------------------------------------------------


def test_a_name_repeated_in_one_county_answers_with_a_note() -> None:
    repeated = [p for p in LOCALITIES if fold(p.name) == "pniewo"]
    assert len(repeated) == 2 and len({p.county for p in repeated}) == 1
    found = resolve("Pniewo")
    assert found.county.teryt == repeated[0].county
    notes = [n for n in found.notes if n.message_id == "place_same_name_locality"]
    assert [n.params["simc"] for n in notes] == [p.simc for p in repeated if p.simc != found.place.simc]


def test_a_name_repeated_in_one_county_in_both_languages(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Pniewo", "--format", "json")
    assert run.exit_code == ExitCode.OK
    assert "is also the name of a village (SIMC " in run.stderr and "in the same county" in run.stderr
    polish = owes("which-centre", "--place", "Pniewo", "--format", "json", "--lang", "pl")
    assert "to także wieś (SIMC " in polish.stderr and "w tym samym powiecie" in polish.stderr


def test_a_name_in_several_counties_lists_them_and_shows_how_to_choose(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Nowa Wieś")
    assert run.exit_code == ExitCode.AMBIGUOUS
    assert run.stdout == ""
    assert run.stderr == (
        "“Nowa Wieś” fits places in several counties; choose one:\n"
        "  Nowa Wieś (SIMC 0178548, village), gmina Bledzew, powiat międzyrzecki, województwo lubuskie\n"
        "  Nowa Wieś (SIMC 0377928, village), gmina Wschowa, powiat wschowski, województwo lubuskie\n"
        "Choose one by its SIMC id, or by its name with its gmina: owes which-centre --place 0178548 "
        'or --place "Nowa Wieś, gmina Bledzew" (also "Nowa Wieś gm. Bledzew")\n'
    )
    polish = owes("which-centre", "--place", "Nowa Wieś", "--lang", "pl")
    assert polish.stderr.startswith("„Nowa Wieś” pasuje do miejsc w kilku powiatach; wybierz jedno:\n")
    assert "Wybierz identyfikatorem SIMC albo nazwą z gminą" in polish.stderr


@pytest.mark.parametrize(
    ("text", "simc"),
    [
        ("0377928", "0377928"),
        ("SIMC 0377928", "0377928"),
        ("Nowa Wieś, gmina Bledzew", "0178548"),
        ("Nowa Wieś gm. Bledzew", "0178548"),
        ("nowa wies gm. wschowa", "0377928"),
        ("Nowa Wieś (gmina Wschowa)", "0377928"),
        ("Nowa Wieś, gmina miejsko-wiejska Wschowa", "0377928"),
        ("Nowa Wieś w gminie Wschowa", "0377928"),
    ],
)
def test_a_repeated_name_chosen_by_id_or_gmina(text: str, simc: str) -> None:
    assert resolve(text).place.simc == simc


def test_a_name_not_in_the_gmina_given(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Nowa Wieś, gmina Lubsko")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("No locality “Nowa Wieś” lies in gmina “Lubsko”.\n")
    polish = owes("which-centre", "--place", "Nowa Wieś, gmina Lubsko", "--lang", "pl")
    assert polish.stderr.startswith("W gminie „Lubsko” nie ma miejscowości „Nowa Wieś”.\n")


def test_a_gmina_and_a_village_of_one_name_in_one_county_answer_with_a_note() -> None:
    found = resolve("Świdnica")  # the rural gmina, and a village in it
    assert found.place.kind is PlaceKind.RURAL
    assert [n.params["simc"] for n in found.notes if n.message_id == "place_same_name_locality"] == ["0914881"]


def test_a_gmina_and_a_village_of_one_name_in_two_counties_are_ambiguous() -> None:
    with pytest.raises(AmbiguousError) as caught:
        resolve("Brody")  # the gmina in żarski, and a village in gmina Sulechów (zielonogórski)
    assert {(m["county"], m["kind"]) for m in caught.value.params["candidates"]} == {
        ("żarski", "rural"),
        ("żarski", "village"),
        ("zielonogórski", "village"),
    }
    assert resolve("Brody, gmina Brody").place.teryt == "0811032"


def test_a_name_in_the_region_and_elsewhere_answers_for_the_region() -> None:
    found = resolve("Bieniów")
    assert (found.place.simc, found.county.teryt) == ("0917862", "0811")
    assert [n.params["voivodeship"] for n in found.notes if n.message_id == "place_also_outside_locality"] == [
        "lubelskie"
    ]


# --------------------------------------------------------------------------
# Elsewhere in Poland
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Ambrożew", "ambrozew", "0565481"])
def test_a_village_only_elsewhere_says_where_it_is(owes: Owes, text: str) -> None:
    run = owes("which-centre", "--place", text)
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stdout == ""
    assert run.stderr.startswith(
        f"“{text}” lies outside this dataset's coverage (województwo lubuskie):\n"
        "  Ambrożew (SIMC 0565481, village), gmina Góra Świętej Małgorzaty, powiat łęczycki, województwo łódzkie\n"
    )
    polish = owes("which-centre", "--place", text, "--lang", "pl")
    assert polish.stderr.startswith(f"„{text}” leży poza zasięgiem tych danych (województwo lubuskie):\n")
    assert (
        "  Ambrożew (SIMC 0565481, wieś), gmina Góra Świętej Małgorzaty, powiat łęczycki, województwo łódzkie\n"
        in polish.stderr
    )


def test_a_long_list_elsewhere_is_cut_short(owes: Owes) -> None:
    run = owes("which-centre", "--place", "Chrusty")
    assert run.exit_code == ExitCode.NOT_FOUND
    lines = run.stderr.splitlines()
    assert len([line for line in lines if line.startswith("  Chrusty (")]) == 12
    assert "  … and 7 more" in lines
    assert "  … i 7 innych" in owes("which-centre", "--place", "Chrusty", "--lang", "pl").stderr


def test_the_index_is_bisected_not_parsed() -> None:
    found = GAZETTEER.elsewhere("nowa wies")
    assert len(found) > 100 and all(isinstance(p, Place) and p.name == "Nowa Wieś" for p in found)
    assert all(not p.county.startswith("08") for p in found)
    assert GAZETTEER.elsewhere("") == [] and GAZETTEER.elsewhere("zzzz") == []
    assert GAZETTEER.elsewhere("abisynia")[0].name == "Abisynia"  # the first line after the header


# --------------------------------------------------------------------------
# Postal codes
# --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["68-200", "65001", "68 200", "68-200 Żary", "66–400"])
def test_a_postal_code_gets_a_clear_message(owes: Owes, text: str) -> None:
    run = owes("which-centre", "--place", text)
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stdout == ""
    assert run.stderr == (
        f"“{text}” looks like a postal code. Postal codes are not in our data, because no open and complete "
        "register of them exists; give the town or village instead, e.g. --place Olbrachtów.\n"
    )
    polish = owes("place", text, "--lang", "pl")
    assert polish.exit_code == ExitCode.NOT_FOUND
    assert polish.stderr.startswith(f"„{text}” wygląda na kod pocztowy. Kodów pocztowych nie ma w naszych danych")


def test_a_code_that_is_a_gmina_and_a_locality_elsewhere_names_both() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("0202011")
    assert [m.get("simc") for m in caught.value.params["matches"]] == [None, "0202011"]


def test_codes_that_are_not_postal_codes_are_still_codes() -> None:
    assert resolve("0811021").place.name == "Żary"  # a TERYT code
    with pytest.raises(NotFoundError) as caught:
        resolve("1234567")
    assert caught.value.message_id == "place_code_unknown"


# --------------------------------------------------------------------------
# Listings
# --------------------------------------------------------------------------


def test_place_detail_of_a_village_names_both_registers(owes: Owes) -> None:
    data = json.loads(owes("place", "Olbrachtów", "--format", "json").stdout)
    assert (data["simc"], data["kind"], data["county"]["teryt"]) == ("0918034", "village", "0811")
    assert data["locality_register"]["as_of"] == "2020-01-01"


def test_place_csv_carries_the_simc_id(owes: Owes) -> None:
    lines = owes("place", "Drzonków", "--format", "csv").stdout.splitlines()
    assert lines == [
        "teryt,name,kind,simc,gmina,town,county_teryt,county_name,voivodeship",
        "0862011,Drzonków,part-of-town,0917336,0862011,0862011,0862,Zielona Góra,lubuskie",
    ]
