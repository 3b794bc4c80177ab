"""Any form a person types: days as Poles write them, a bare word, options by meaning, Polish cases."""

from __future__ import annotations

import pytest
from conftest import Owes

from owes_cli import Directory
from owes_cli.directory import Where
from owes_cli.domain import load_register
from owes_cli.domain.names import county_case
from owes_cli.errors import ExitCode, ReadingsDisagree
from owes_cli.messages import t


@pytest.mark.parametrize("day", ["1.06.2014", "01.06.2014", "2014-6-1", " 2014-06-01 "])
def test_a_day_in_any_common_form(owes: Owes, day: str) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", day)
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith("On 2014-06-01 (historical): which centre, żarski\n")


@pytest.mark.parametrize(("day", "said"), [("2014-02-30", "2014-02-30"), ("30.02.2014", "2014-02-30")])
def test_an_impossible_day_says_so(owes: Owes, day: str, said: str) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", day)
    assert (run.exit_code, run.stderr) == (ExitCode.USAGE, f"No such day: {said}.\n")
    polish = owes("which-centre", "--county", "żarski", "--on", day, "--lang", "pl")
    assert polish.stderr == f"Nie ma takiego dnia: {said}.\n"


@pytest.mark.parametrize(
    ("words", "read_as"),
    [
        (["żarski"], 'Read “żarski” as a county: --county "żarski"'),
        (["Żary"], 'Read “Żary” as a place: --place "Żary"'),
        (["51.64,15.14"], 'Read “51.64,15.14” as a point: --at "51.64,15.14"'),
        (["Nowa", "Sól"], 'Read “Nowa Sól” as a place: --place "Nowa Sól"'),
    ],
)
def test_a_bare_word_is_read_as_county_place_or_point(owes: Owes, words: list[str], read_as: str) -> None:
    run = owes("which-centre", *words, "--on", "2014-06-01")
    assert run.exit_code == ExitCode.OK
    assert run.stderr == read_as + "\n"
    assert "Ośrodek Wsparcia Ekonomii Społecznej" in run.stdout
    polish = owes("which-centre", *words, "--on", "2014-06-01", "--lang", "pl")
    assert polish.stderr.startswith(f"Odczytano „{' '.join(words)}” jako ")


def test_a_bare_word_that_is_nothing_we_know(owes: Owes) -> None:
    run = owes("which-centre", "zzzz")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert "“zzzz” is no county, place or point we know" in run.stderr
    assert "nie jest nazwą powiatu" in owes("which-centre", "zzzz", "--lang", "pl").stderr


def test_readings_that_lead_to_different_counties_are_listed(monkeypatch: pytest.MonkeyPatch) -> None:
    directory = Directory.load(None, lang="en")
    real = directory._read

    def pretend(where: Where, same: object) -> object:
        # As if a county and a place of one name lay in two counties.
        if where.option == "--county":
            return real(Where("--county", "żarski"), same)  # type: ignore[arg-type]
        if where.option == "--place":
            return real(Where("--place", "Sulęcin"), same)  # type: ignore[arg-type]
        if where.option is None:  # the bare word, read each way in turn by the real reader
            return real(where, same)  # type: ignore[arg-type]
        raise ReadingsDisagree("x", [])

    monkeypatch.setattr(directory, "_read", pretend)
    with pytest.raises(ReadingsDisagree) as raised:
        directory.which_centre_read("Xyz")
    assert raised.value.exit_code == ExitCode.AMBIGUOUS
    lines = raised.value.lines("en")
    assert lines[0] == "“Xyz” can be read in several ways that lead to different counties:"
    assert lines[1:] == [
        '  owes which-centre --county "Xyz"   (powiat żarski)',
        '  owes which-centre --place "Xyz"   (powiat sulęciński)',
    ]
    assert raised.value.lines("pl")[0].startswith("„Xyz” można odczytać na kilka sposobów")


def test_a_town_given_as_a_county_gets_the_option_it_needs(owes: Owes) -> None:
    run = owes("which-centre", "--county", "Żary")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr == (
        '“Żary” is not a county: Żary (urban gmina) lies in powiat żarski.\nowes which-centre --place "Żary"\n'
    )
    polish = owes("which-centre", "--county", "Żary", "--lang", "pl")
    assert polish.stderr.startswith("„Żary” to nie powiat: Żary to gmina miejska w powiecie żarskim.\n")
    # A misspelt county still gets the counties it resembles.
    assert "Did you mean: żarski" in owes("which-centre", "--county", "żurski").stderr


def test_a_point_in_two_words_gets_the_one_word_form(owes: Owes) -> None:
    run = owes("which-centre", "--at", "51.64", "15.14")
    assert run.exit_code == ExitCode.USAGE
    assert "owes which-centre --at 51.64,15.14" in run.stderr
    assert "owes which-centre --at 51.64,15.14" in owes("which-centre", "--at", "51.64", "15.14", "--lang", "pl").stderr


@pytest.mark.parametrize(("typed", "meant"), [("--town", "--place"), ("--date", "--on"), ("--point", "--at")])
def test_option_typos_are_suggested_by_meaning(owes: Owes, typed: str, meant: str) -> None:
    run = owes("which-centre", typed, "x")
    assert run.exit_code == ExitCode.USAGE
    assert run.stderr.startswith(f"Unknown option {typed}. Did you mean: {meant}?\n")
    assert f"Czy chodziło o: {meant}?" in owes("which-centre", typed, "x", "--lang", "pl").stderr


def test_every_polish_county_after_w_powiecie_and_powiatu() -> None:
    counties = load_register().counties.values()
    assert len(counties) == 380
    for county in counties:
        loc, gen = county_case(county.name, "loc"), county_case(county.name, "gen")
        if county.name[:1].islower():  # a land county: an adjective
            assert all(word.endswith(("im", "ym")) for word in loc.split(" ")), loc
            assert all(word.endswith(("iego", "ego")) for word in gen.split(" ")), gen
        else:  # a city with county rights keeps its name
            assert (loc, gen) == (f"grodzkim {county.name}", f"grodzkiego {county.name}")
    assert county_case("świdnicki", "loc") == "świdnickim"
    assert county_case("łódzki wschodni", "loc") == "łódzkim wschodnim"
    assert county_case("strzelecko-drezdenecki", "gen") == "strzelecko-drezdeneckiego"
    assert t("pl", "coverage_none", county="żarski") == "W tym okresie żaden ośrodek nie obsługiwał powiatu żarskiego."
    assert t("en", "coverage_none", county="żarski") == "In this period no centre served powiat żarski."


def test_a_whole_year_or_month_lists_every_centre_of_that_time(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", "2014")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith("2014 (historical): which centres, żarski\n")
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego" in run.stdout
    assert "Ran       2013-03 – 2015-09" in run.stdout
    assert "gorzowskiego" not in run.stdout  # its counties are known, and żarski is not one
    month = owes("which-centre", "--place", "Żary", "--on", "2016-06", "--lang", "pl").stdout
    assert month.startswith("2016-06 (stan historyczny): które ośrodki, Żary\n")
    assert month.count("  Ośrodek   ") == 2
    assert "Źródła nie podają, czy ten ośrodek obsługuje powiat żarski." in month
    rows = owes("which-centre", "--county", "żarski", "--on", "2016", "-f", "csv").stdout.splitlines()
    assert rows[0] == "county_teryt,county_name,asked,coverage,centre_id,centre_name,from,to"
    assert [r.split(",")[4] for r in rows[1:]] == ["zielona-gora-2016", "lowes-2016"]
    none = owes("which-centre", "--county", "żarski", "--on", "2012").stdout
    assert "We know of no centre at that time." in none


def test_which_centre_csv_has_one_row_per_candidate(owes: Owes) -> None:
    rows = owes("which-centre", "--county", "żarski", "--on", "2026-11-26", "-f", "csv").stdout.splitlines()
    assert len(rows) == 3
    assert [r.split(",")[5] for r in rows[1:]] == ["zielona-gora-2024", "gorzow-2024"]
    assert all(",unknown," in r for r in rows[1:])
    confirmed = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "-f", "csv").stdout.splitlines()
    assert len(confirmed) == 2 and ",confirmed,zielona-gora-2013," in confirmed[1]
