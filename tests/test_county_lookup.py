"""Every way a person writes a county reaches the right one, or an honest refusal."""

from __future__ import annotations

import pytest

from owes_cli.domain import load_register
from owes_cli.domain.dataset import bundled_path, load
from owes_cli.domain.lookup import resolve_county
from owes_cli.errors import AmbiguousError, NotFoundError, OwesError, UsageError

DATASET = load(bundled_path(), load_register())
REGISTER = load_register()


def resolve(text: str) -> str:
    return resolve_county(text, DATASET, REGISTER).county.teryt


@pytest.mark.parametrize(
    "text",
    [
        "żarski",
        "żarskiego",
        "żarskim",
        "żarskiemu",
        "w powiecie żarskim",
        "powiat żarski",
        "pow. żarski",
        "Powiat Żarski",
        "ZARSKI",
        "zarski",
        "  żarski  ",
        "0811",
        "w pow. żarskim",
    ],
)
def test_forms_of_zarski(text: str) -> None:
    assert resolve(text) == "0811"


@pytest.mark.parametrize(
    ("text", "teryt"),
    [
        ("zielonogórski – ziemski", "0809"),
        ("zielonogórski ziemski", "0809"),
        ("zielonogórski grodzki", "0862"),
        ("zielonogórskim – grodzkim", "0862"),
        ("strzelecko – drezdenecki", "0806"),
        ("strzelecko-drezdenecki", "0806"),
        ("strzelecko drezdeneckim", "0806"),
        ("STRZELECKO-DREZDENECKIEGO", "0806"),
        ("Zielona Góra", "0862"),
        ("w Zielonej Górze", "0862"),
        ("zielona gora", "0862"),
        ("Gorzów Wielkopolski", "0861"),
        ("Gorzów Wlkp.", "0861"),
        ("Gorzów Wlkp", "0861"),
        ("Gorzowie Wielkopolskim", "0861"),
        ("Gorzów", "0861"),
        ("gorzowski", "0801"),
        ("gorzowski grodzki", "0861"),
        ("świebodziński", "0808"),
        ("swiebodzinski", "0808"),
        ("międzyrzeckim", "0803"),
        ("słubicki", "0805"),
        ("slubicki", "0805"),
        ("SŁUBICKI", "0805"),
        ("sulęcińskiego", "0807"),
        ("krośnieński", "0802"),
        ("nowosolskim", "0804"),
        ("wschowski", "0812"),
        ("żagański", "0810"),
    ],
)
def test_other_forms(text: str, teryt: str) -> None:
    assert resolve(text) == teryt


def test_every_official_name_resolves_to_itself() -> None:
    for county in DATASET.counties.values():
        assert resolve(county.name) == county.teryt


def test_both_gorzow_units_named_together_are_ambiguous() -> None:
    with pytest.raises(AmbiguousError) as caught:
        resolve("gorzowski (grodzki i ziemski)")
    codes = [code for code, _, _ in caught.value.params["candidates"]]
    assert codes == ["0801", "0861"]


def test_county_in_another_voivodeship_says_where_it_is() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("poznański")
    assert caught.value.message_id == "county_outside_coverage"
    assert caught.value.params["matches"] == [("3021", "poznański", "wielkopolskie")]


def test_name_shared_with_another_voivodeship_picks_ours_and_says_so() -> None:
    resolved = resolve_county("krośnieński", DATASET, REGISTER)
    assert resolved.county.teryt == "0802"
    assert [(n.message_id, n.params["teryt"]) for n in resolved.notes] == [("county_also_outside", "1807")]


def test_code_outside_coverage() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("3064")
    assert caught.value.params["matches"] == [("3064", "Poznań", "wielkopolskie")]


def test_unknown_name_suggests_closest_counties() -> None:
    with pytest.raises(NotFoundError) as caught:
        resolve("żurski")
    assert caught.value.message_id == "county_not_found"
    assert "żarski" in caught.value.params["suggestions"]


@pytest.mark.parametrize("text", ["", "   ", "\x01\x02", "x" * 5000])
def test_text_that_cannot_be_a_name_is_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError):
        resolve(text)


def _outcome(text: str) -> object:
    try:
        found = resolve_county(text, DATASET, REGISTER)
    except OwesError as err:  # not found, ambiguous, outside the coverage: the same error, word for word
        return type(err).__name__, err.message("en")
    return found.county.teryt, found.notes


def test_the_built_index_finds_what_scoring_every_county_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """data/county_index.json only saves work: every answer, error and note is as without it."""
    from owes_cli.domain import lookup, names

    queries = []
    for county in REGISTER.counties.values():
        first = names.words(county.name)[0]
        queries += [county.name, county.name.upper(), first + "iego", first[:-1] + "im", f"{first} grodzki"]
        queries += [f"powiat {county.name}", first[:4] + ".", f"{first} ziemski"]
    queries += ["zielonogórski grodzki", "gorzowski grodzki", "Gorzów Wlkp.", "m. Gorzów", "xyz", "powiat"]
    indexed = [_outcome(q) for q in queries]
    monkeypatch.setattr(
        lookup, "_matchable", lambda words, kinds, dataset, register: list(lookup._universe(dataset, register).values())
    )
    assert [_outcome(q) for q in queries] == indexed


def test_names_fold_as_the_patterns_the_web_page_applies_say() -> None:
    # A name of ASCII letters is folded with a table, not with the patterns `names.rules()` gives
    # the web page's script (compiling them cost every lookup 0.4 ms): the two must agree on every
    # text, so that a name typed on the page and on the command line finds the same county.
    import itertools
    import re

    from owes_cli.domain import names

    dashes, non_word = re.compile(names._DASHES), re.compile(names._NON_WORD)

    def by_the_patterns(text: str) -> str:
        plain = text.translate(names._POLISH).lower()
        return " ".join(non_word.sub(" ", dashes.sub(" ", plain)).split())

    every_ascii = [chr(code) for code in range(128)]
    texts = [*every_ascii, *("".join(pair) for pair in itertools.product(every_ascii, repeat=2))]
    # Runs of words, dots, dashes and spaces of each kind, as names and queries have them.
    texts += ["".join(chars) for chars in itertools.product("a-. \t\x1c_Z9ł", repeat=4)]
    texts += ["strzelecko-drezdenecki", "Gorzów Wlkp.", "  zielona -  góra ", "m. st. Warszawa", "a--b"]
    differ = [text for text in texts if names.fold(text) != by_the_patterns(text)]
    assert not differ, differ[:5]


def test_abbreviations_and_city_adjectives_as_the_patterns_say() -> None:
    # is_abbreviation and city_adjective_bases test and trim vowels without compiling `_VOWEL`.
    import itertools
    import re

    from owes_cli.domain import names

    for word in ("".join(chars) for length in range(5) for chars in itertools.product("aykz.", repeat=length)):
        assert names.is_abbreviation(word) == (word.endswith(".") or not re.search(names._VOWEL, word)), word
    for city in ("Zielona Góra", "Gorzów Wielkopolski", "Żary", "Nowa Sól", "Krosno Odrzańskie", "Łódź", "Bytom"):
        parts = names.words(city)
        trimmed = [re.sub(names._VOWEL + "$", "", part) for part in parts]
        expected = {trimmed[0], parts[0]} | ({"o".join(trimmed)} if len(parts) > 1 else set())
        assert names.city_adjective_bases(city) == expected, city


def test_adjective_bases_as_the_pattern_says() -> None:
    # adjective_base finds what `_ADJECTIVE` (which the web page's script applies) matches, without compiling it.
    import itertools
    import re

    from owes_cli.domain import names

    pieces = [
        "a",
        "zielonogor",
        "s",
        "c",
        "k",
        "ki",
        "kiego",
        "kiemu",
        "kim",
        "kich",
        "kimi",
        "i",
        "\n",
        "sk",
        "ck",
        "y",
    ]
    words = ["".join(chars) for length in range(1, 5) for chars in itertools.product(pieces, repeat=length)]
    words += ["zarski", "zarskim", "gorzowskiego", "strzelecko-drezdenecki", "nowosolskiemu", "slubicki", "ski"]
    for word in words:
        match = re.fullmatch(names._ADJECTIVE, word)
        assert names.adjective_base(word) == (match[1] if match else None), repr(word)
