"""A dataset may cover one voivodeship, several, or all of Poland."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, Owes
from test_dataset import minimal_dataset, problems_of

from owes_cli.errors import ExitCode


def _generator() -> Any:
    """benchmarks/synthetic_datasets.py, which writes the national-shaped dataset (not a package: loaded by path)."""
    spec = importlib.util.spec_from_file_location(
        "synthetic_datasets", PROJECT / "benchmarks" / "synthetic_datasets.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synthetic = _generator()

POZNAN_COUNTY = """
[[counties]]
teryt = "3021"
name = "poznański"
kind = "land"
sources = ["src"]
"""


def two_regions(regions: str = '["08", "30"]', extra: str = POZNAN_COUNTY) -> str:
    return minimal_dataset(extra=extra).replace(
        'region = { teryt = "08", name = "lubuskie" }', f'region = {{ teryt = {regions}, name = "zachód" }}'
    )


def only_poznan() -> str:
    """A dataset of wielkopolskie alone: no county in it has shipped boundaries."""
    return (
        two_regions('["30"]')
        .replace('counties = ["0811"]', 'counties = ["3021"]')
        .replace('[[counties]]\nteryt = "0811"\nname = "żarski"\nkind = "land"\nsources = ["src"]\n', "")
    )


def write(tmp_path: Path, text: str, name: str = "d.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_list_of_voivodeships_is_a_region_and_one_code_still_is(tmp_path: Path) -> None:
    assert problems_of(two_regions(), tmp_path) == []
    assert problems_of(minimal_dataset(), tmp_path) == []
    assert problems_of(two_regions('["08"]', extra=""), tmp_path) == []


@pytest.mark.parametrize(
    ("regions", "expected"),
    [
        ('["08", "99", "30"]', [("region_unknown", "dataset.region.teryt[1]")]),  # two digits, no voivodeship's
        ("[]", [("region_empty", "dataset.region.teryt")]),
        ('["08", "0811", "30"]', [("region_not_voivodeship", "dataset.region.teryt[1]")]),
        ('["08"]', [("county_outside_region", "counties[1].teryt")]),  # poznański is not in lubuskie
    ],
)
def test_the_voivodeships_are_checked_against_the_register(
    tmp_path: Path, regions: str, expected: list[tuple[str, str]]
) -> None:
    assert problems_of(two_regions(regions), tmp_path) == expected


def test_one_unknown_code_is_checked_as_before(tmp_path: Path) -> None:
    assert problems_of(minimal_dataset().replace('teryt = "08"', 'teryt = "99"'), tmp_path) == [
        ("region_unknown", "dataset.region.teryt"),
        ("county_outside_region", "counties[0].teryt"),
    ]


def test_outside_coverage_names_the_datasets_voivodeships(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, two_regions())
    english = owes("which-centre", "--county", "bolesławiecki", "--data", str(path))
    assert english.exit_code == ExitCode.NOT_FOUND
    assert "outside this dataset's coverage (województwa lubuskie and wielkopolskie)" in english.stderr
    polish = owes("which-centre", "--county", "bolesławiecki", "--data", str(path), "--lang", "pl")
    assert "poza zasięgiem tych danych (województwa lubuskie i wielkopolskie)" in polish.stderr
    one = write(tmp_path, minimal_dataset(), "one.toml")
    assert "(województwo lubuskie)" in owes("which-centre", "--county", "poznański", "--data", str(one)).stderr


def test_counties_are_listed_by_voivodeship_when_there_are_several(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, two_regions())
    plain = owes("counties", "--format", "plain", "--data", str(path), "--on", "2014-01-01").stdout.splitlines()
    assert plain[0].split()[:2] == ["Voivodeship", "TERYT"]
    assert [line.split()[:2] for line in plain[1:] if line.strip()] == [["lubuskie", "0811"], ["wielkopolskie", "3021"]]
    rows = json.loads(owes("counties", "--format", "json", "--data", str(path)).stdout)
    assert [row["voivodeship"] for row in rows] == ["lubuskie", "wielkopolskie"]
    one = write(tmp_path, minimal_dataset(), "one.toml")
    assert "voivodeship" not in json.loads(owes("counties", "--format", "json", "--data", str(one)).stdout)[0]


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("national") / "poland.toml"
    path.write_text(synthetic.national(), encoding="utf-8")
    return path


def test_the_national_shaped_dataset_validates_and_answers(owes: Owes, national: Path) -> None:
    checked = owes("validate", str(national))
    assert checked.exit_code == 0, checked.stderr
    assert "380 counties" in checked.stdout
    county = json.loads(
        owes("which-centre", "--county", "poznański", "--format", "json", "--data", str(national)).stdout
    )
    assert county["county"]["teryt"] == "3021" and county["centre"]["id"].startswith("syn-30-")
    place = owes("which-centre", "--place", "Poznań", "--format", "json", "--data", str(national))
    assert place.exit_code == 0, place.stderr
    found = json.loads(place.stdout)
    assert found["county"]["teryt"] == "3064"
    # The villages called Poznań elsewhere in Poland are named, not chosen.
    assert {n["simc"] for n in found["notes"] if n["id"] == "place_same_name_town_first"} == {"0686397", "0217047"}
    abroad = owes("which-centre", "--at", "48.1374,11.5755", "--data", str(national))  # Munich
    assert abroad.exit_code == ExitCode.NOT_FOUND and "this dataset covers all of Poland" in abroad.stderr


def test_the_national_map_draws_what_it_has_boundaries_for_and_says_so(
    owes: Owes, national: Path, tmp_path: Path
) -> None:
    svg = tmp_path / "m.svg"
    done = owes("map", "-o", str(svg), "--data", str(national))
    assert done.exit_code == 0, done.stderr
    drawing = svg.read_text(encoding="utf-8")
    assert "14 of this dataset" in drawing and "380 counties" in drawing
    assert "wielkopolskie (2022)" not in drawing  # no centre that the map cannot show in the legend
    assert "lubuskie (2022)" in drawing


def test_a_dataset_with_no_drawable_county_says_why_it_has_no_map(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, only_poznan())
    done = owes("map", "-o", str(tmp_path / "m.svg"), "--data", str(path))
    assert done.exit_code == ExitCode.NOT_FOUND
    assert "county boundaries only for Lubuskie" in done.stderr
    assert not (tmp_path / "m.svg").exists()


def test_a_document_of_counties_without_boundaries_goes_without_a_map(owes: Owes, tmp_path: Path) -> None:
    path = write(tmp_path, only_poznan())
    for name in ("d.pdf", "d.docx"):
        done = owes("export", "-o", str(tmp_path / name), "--county", "poznański", "--data", str(path))
        assert done.exit_code == 0, done.stderr
        assert (tmp_path / name).stat().st_size > 1000
