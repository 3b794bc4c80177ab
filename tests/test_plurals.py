"""Counts in messages take the noun's right form: 1 ośrodek, 2 ośrodki, 5 ośrodków; 1 centre, 2 centres."""

from __future__ import annotations

import string

import pytest
from conftest import BUNDLED, Owes

from owes_cli.domain import load_register
from owes_cli.domain.dataset import load
from owes_cli.errors import DatasetError, Problem
from owes_cli.messages import MESSAGES, PROBLEMS, plural, t

COUNTS = [0, 1, 2, 5, 12, 22]

CENTRES = {
    "pl": ["0 ośrodków", "1 ośrodek", "2 ośrodki", "5 ośrodków", "12 ośrodków", "22 ośrodki"],
    "en": ["0 centres", "1 centre", "2 centres", "5 centres", "12 centres", "22 centres"],
}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_valid_dataset_message_counts_in_both_languages(lang: str) -> None:
    for count, expected in zip(COUNTS, CENTRES[lang], strict=True):
        text = t(lang, "valid", path="x.toml", centres=count, counties=count, sources=count)
        assert expected + "," in text


@pytest.mark.parametrize(
    ("lang", "forms", "expected"),
    [
        (
            "pl",
            ["# powiat", "# powiaty", "# powiatów"],
            ["0 powiatów", "1 powiat", "2 powiaty", "5 powiatów", "12 powiatów", "22 powiaty"],
        ),
        (
            "pl",
            ["# źródło", "# źródła", "# źródeł"],
            ["0 źródeł", "1 źródło", "2 źródła", "5 źródeł", "12 źródeł", "22 źródła"],
        ),
        (
            "en",
            ["# county", "# counties"],
            ["0 counties", "1 county", "2 counties", "5 counties", "12 counties", "22 counties"],
        ),
    ],
)
def test_plural_picks_the_form_by_the_languages_rule(lang: str, forms: list[str], expected: list[str]) -> None:
    assert [plural(lang, n, forms) for n in COUNTS] == expected


def test_polish_few_is_2_to_4_except_12_to_14() -> None:
    forms = ["one", "few", "many"]
    assert [plural("pl", n, forms) for n in (3, 4, 13, 14, 23, 24, 102, 104, 111, 112, 1001)] == [
        "few", "few", "many", "many", "few", "few", "few", "few", "many", "many", "many",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "pl",
            [
                "Uwaga: pasuje też 0 innych miejsc poza zasięgiem tych danych.",
                "Uwaga: pasuje też 1 inne miejsce poza zasięgiem tych danych.",
                "Uwaga: pasują też 2 inne miejsca poza zasięgiem tych danych.",
                "Uwaga: pasuje też 5 innych miejsc poza zasięgiem tych danych.",
                "Uwaga: pasuje też 12 innych miejsc poza zasięgiem tych danych.",
                "Uwaga: pasują też 22 inne miejsca poza zasięgiem tych danych.",
            ],
        ),
        (
            "en",
            [
                "Note: 0 more places outside this dataset's coverage fit too.",
                "Note: 1 more place outside this dataset's coverage fits too.",
                "Note: 2 more places outside this dataset's coverage fit too.",
                "Note: 5 more places outside this dataset's coverage fit too.",
                "Note: 12 more places outside this dataset's coverage fit too.",
                "Note: 22 more places outside this dataset's coverage fit too.",
            ],
        ),
    ],
)
def test_more_places_outside_agrees_with_its_count(lang: str, expected: list[str]) -> None:
    assert [t(lang, "place_more_outside", count=n) for n in COUNTS] == expected


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("pl", ["0 problemów", "1 problem", "2 problemy", "5 problemów", "12 problemów", "22 problemy"]),
        ("en", ["0 problems", "1 problem", "2 problems", "5 problems", "12 problems", "22 problems"]),
    ],
)
def test_an_invalid_dataset_counts_its_problems(lang: str, expected: list[str]) -> None:
    for count, words in zip(COUNTS, expected, strict=True):
        error = DatasetError("x.toml", [Problem("empty", "")] * count)
        assert f"({words}):" in error.lines(lang)[0]


def test_validate_prints_the_bundled_counts_in_polish(owes: Owes) -> None:
    dataset = load(BUNDLED, load_register())
    run = owes("validate", str(BUNDLED), env={"OWES_LANG": "pl"})
    assert run.exit_code == 0
    centres = plural("pl", len(dataset.centres), ["# ośrodek", "# ośrodki", "# ośrodków"])
    assert centres == "6 ośrodków"  # "6 ośrodki" before the plural rule
    assert run.stdout.startswith(
        f"Zbiór danych {BUNDLED} jest poprawny: {centres}, 14 powiatów, "
        f"{plural('pl', len(dataset.sources), ['# źródło', '# źródła', '# źródeł'])}.\n"
        "Bez cytatu ze źródła (nasze streszczenie): 4 fakty.\n"  # "4 faktów" would be wrong
    )


def test_every_counted_message_gives_each_language_its_forms() -> None:
    # pl has one|few|many, en one|other; a missing form would pick the wrong word.
    for catalogue in (MESSAGES, PROBLEMS):
        for message_id, (pl, en) in catalogue.items():
            for template, forms in ((pl, 3), (en, 2)):
                for _, field, spec, _ in string.Formatter().parse(template):
                    if field and spec and "|" in spec:
                        assert len(spec.split("|")) == forms, (message_id, template)


def test_a_message_id_is_in_one_of_the_three_catalogues() -> None:
    # messages.message reads the lookup's catalogue first, then `failures`: an id also in a later
    # one would keep the wording there out of every error or document without a word of warning.
    from owes_cli.messages import ANSWERS, documents, failures

    parts = (ANSWERS, failures.FAILURES, documents.DOCUMENTS)
    assert all(not a.keys() & b.keys() for i, a in enumerate(parts) for b in parts[i + 1 :])
    assert len(MESSAGES) == sum(len(part) for part in parts)


@pytest.mark.parametrize(
    ("lang", "rows", "limit", "expected"),
    [
        ("en", 1_048_577, 1_048_576, "would have 1,048,577 rows and Excel opens at most 1,048,576:"),
        # A comma is the Polish decimal sign ("38,380" reads as 38.38): thousands are grouped with a
        # no-break space, so the number never breaks at a line end, and four digits stay whole.
        (
            "pl",
            1_048_577,
            1_048_576,
            "miałby 1\u00a0048\u00a0577 wierszy, a Excel otwiera najwyżej 1\u00a0048\u00a0576:",
        ),
        ("pl", 12_000, 9_999, "miałby 12\u00a0000 wierszy, a Excel otwiera najwyżej 9999:"),
    ],
)
def test_large_numbers_are_grouped_as_the_language_groups_them(lang: str, rows: int, limit: int, expected: str) -> None:
    assert expected in t(lang, "xlsx_too_many_rows", sheet="Centres", rows=rows, limit=limit)
