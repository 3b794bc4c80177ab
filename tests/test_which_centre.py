"""`owes which-centre`: the answer a person or a script gets."""

from __future__ import annotations

import csv
import io
import json

from conftest import Owes

from owes_cli.errors import ExitCode

EXPECTED_PLAIN_GORZOW_2014 = """\
County słubicki (0805, land county), for 2014-06-01 (historical)
================================================================
  Status  current on 2014-06-01
  Centre  Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego

Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego
============================================================
  Subregion           gorzowski
  Seat                Gorzów Wielkopolski
  Run by              Wojewódzki Urząd Pracy w Zielonej Górze (project lead); partner: Caritas Diecezji Zielonogórsko-Gorzowskiej – Biuro w Gorzowie Wielkopolskim
  Period              2013-03 – 2015-09 (OWES project 2013–2015)
  Programme           Program Operacyjny Kapitał Ludzki, Działanie 7.2 Przeciwdziałanie wykluczeniu i wzmacnianie sektora ekonomii społecznej, Poddziałanie 7.2.2 Wsparcie ekonomii społecznej
  Address             ul. Kombatantów 34, Gorzów Wielkopolski (as of 2014-10-28)
  Website             http://spolecznelubuskie.pl/ (the period's website)
  Not in our sources  phone, e-mail
  Aim                 To build lasting partnerships for the social economy between local government, non-governmental organisations and business, and to lower unemployment by developing and strengthening local social entrepreneurship.

Counties (6)
  - gorzowski (0801, land county)
  - Gorzów Wielkopolski (0861, city with county rights)
  - międzyrzecki (0803, land county)
  - słubicki (0805, land county)
  - strzelecko-drezdenecki (0806, land county)
  - sulęciński (0807, land county)

"""


def test_plain_answer_reads_in_full(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "słubickim", "--on", "2014-06-01", "--format", "plain")
    assert run.exit_code == ExitCode.OK
    assert run.stdout.startswith(EXPECTED_PLAIN_GORZOW_2014)
    assert "Services\n  - How to found and run a social enterprise\n" in run.stdout
    assert "  - Support in accounting\n" in run.stdout
    assert "Audiences\n  - Existing and emerging social economy entities\n" in run.stdout
    assert "\n  2. Razem w partnerstwie, archiwum.radiogorzow.pl, 2014-10-28" in run.stdout  # numbered, not by id
    assert "(“Partnerstwo w powiecie strzelecko-drezdeneckim”) after the project's stated end" in run.stdout
    assert run.stderr == ""


def test_piped_output_is_plain_by_default(owes: Owes) -> None:
    auto = owes("which-centre", "--county", "żarski", "--on", "2014-06-01")
    plain = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "--format", "plain")
    assert auto.stdout == plain.stdout
    assert "╭" not in auto.stdout


def squash(text: str) -> list[str]:
    """Lines with runs of spaces folded, so column widths do not matter."""
    return [" ".join(line.split()) for line in text.splitlines()]


def test_answer_without_address_says_not_in_our_sources(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "żarski", "--on", "2014-06-01")
    # One row names every way to reach the centre that no source gives; internal ids are not printed.
    assert "Not in our sources address, phone, e-mail" in squash(run.stdout)
    assert "Phone, e-mail not in our sources" not in squash(run.stdout)
    assert "zielona-gora-2013" not in run.stdout


def test_after_the_last_period_the_answer_is_historical(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "żarski", "--on", "2031-01-01")
    assert "Status historical: this period ended on 2029-12-31; we have no later data" in squash(run.stdout)


def test_polish_answer(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "w powiecie żarskim", "--on", "2015-01-01", "--lang", "pl")
    assert run.exit_code == 0
    lines = squash(run.stdout)
    assert "Powiat żarski (0811, powiat ziemski), na dzień 2015-01-01 (stan historyczny)" in lines
    assert "Brak w naszych źródłach adres, telefon, e-mail" in lines
    assert "- Jak założyć i prowadzić przedsiębiorstwo społeczne" in lines
    assert (
        "Prowadzi Wojewódzki Urząd Pracy w Zielonej Górze (lider projektu); "
        "partner: Fundacja Rozwoju Demokracji Lokalnej – Ośrodek Regionalny w Zielonej Górze"
    ) in lines


def test_language_from_environment_and_locale(owes: Owes) -> None:
    by_env = owes("which-centre", "--full", "--county", "żarski", env={"OWES_LANG": "pl"})
    assert "Powiat żarski" in by_env.stdout
    by_locale = owes(
        "which-centre",
        "--full",
        "--county",
        "żarski",
        env={"OWES_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "pl_PL.UTF-8"},
    )
    assert "Powiat żarski" in by_locale.stdout
    english = owes(
        "which-centre",
        "--full",
        "--county",
        "żarski",
        env={"OWES_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "de_DE.UTF-8"},
    )
    assert "County żarski" in english.stdout


def test_json_answer_has_stable_keys_and_real_utf8(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", "2014-06-01", "--format", "json")
    assert run.exit_code == 0
    assert "żarski" in run.stdout  # not \\u017c
    data = json.loads(run.stdout)
    assert data["county"] == {"teryt": "0811", "name": "żarski", "kind": "land"}
    assert data["centre"]["id"] == "zielona-gora-2013"
    assert data["centre"]["name"] == "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego"
    assert data["centre"]["period"]["from"] == "2013-03"
    assert data["centre"]["period"]["to"] == "2015-09"
    assert data["period_status"] == "current"
    assert data["coverage"] == "confirmed"
    assert [s["id"] for s in data["sources"]] == ["obserwuj-2015", "wschowa-2015", "teryt-terc-2020"]
    assert data["centre"]["addresses"] == []
    assert len(data["centre"]["counties"]) == 8


def test_json_historical_status(owes: Owes) -> None:
    data = json.loads(owes("which-centre", "--county", "0811", "--on", "2030-01-01", "-f", "json").stdout)
    assert data["period_status"] == "historical"
    assert data["period_ended"] == "2029-12-31"


def test_csv_answer(owes: Owes) -> None:
    run = owes("which-centre", "--county", "Gorzów Wlkp.", "--on", "2014-06-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    assert rows == [
        {
            "county_teryt": "0861",
            "county_name": "Gorzów Wielkopolski",
            "on": "2014-06-01",
            "period_status": "current",
            "coverage": "confirmed",
            "centre_id": "gorzow-2013",
            "centre_name": "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego",
            "from": "2013-03",
            "to": "2015-09",
            "sources": "obserwuj-2015 radiogorzow-2014 teryt-terc-2020 owesgw-2015-11",
            "last_confirmed_id": "",
            "last_confirmed_name": "",
        }
    ]


def test_table_format_draws_a_panel(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "żarski", "--format", "table")
    assert run.exit_code == 0
    assert "County żarski (0811, land county)" in run.stdout
    assert "╭" in run.stdout


def test_note_about_the_separate_city_goes_with_the_answer(owes: Owes) -> None:
    run = owes("which-centre", "--county", "gorzowski", "--format", "json")
    assert json.loads(run.stdout)["notes"] == [
        {"id": "county_city_separate", "city": "Gorzów Wielkopolski", "teryt": "0861"}
    ]
    assert run.stderr == "Note: the city of Gorzów Wielkopolski is a separate county with county rights (0861).\n"


def test_not_found_suggests_on_stderr(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żurski")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stdout == ""
    assert run.stderr == ("No county matches “żurski”.\nDid you mean: żarski, żagański?\nAll counties: owes counties\n")


def test_not_found_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żurski", "--lang", "pl")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("Nie znaleziono powiatu „żurski”.\nCzy chodziło o: żarski, żagański?\n")


def test_outside_coverage(owes: Owes) -> None:
    run = owes("which-centre", "--county", "poznański")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stdout == ""
    assert "  poznański (3021), województwo wielkopolskie\n" in run.stderr


def test_ambiguous_lists_candidates(owes: Owes) -> None:
    run = owes("which-centre", "--county", "gorzowski (grodzki i ziemski)")
    assert run.exit_code == ExitCode.AMBIGUOUS
    assert run.stdout == ""
    assert run.stderr == (
        "“gorzowski (grodzki i ziemski)” fits several counties; choose one:\n"
        "  0801  gorzowski (land county)\n"
        "  0861  Gorzów Wielkopolski (city with county rights)\n"
        "Try: owes which-centre --county 0801\n"
    )


def test_bad_date(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", "2014-13-01")
    assert run.exit_code == ExitCode.USAGE
    assert run.stderr == "No such day: 2014-13-01.\n"
    run = owes("which-centre", "--county", "żarski", "--on", "yesterday")
    assert run.stderr == "Invalid date “yesterday”: use YYYY-MM-DD, e.g. 2014-06-01.\n"


def test_bad_language_and_format(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--lang", "de")
    assert (run.exit_code, run.stderr) == (ExitCode.USAGE, "Unknown language “de”: choose pl or en.\n")
    run = owes("which-centre", "--county", "żarski", "--format", "xml")
    assert run.exit_code == ExitCode.USAGE
    assert run.stderr == "The format “xml” does not fit this command: choose auto|table|plain|json|csv.\n"


def test_missing_county(owes: Owes) -> None:
    run = owes("which-centre")
    assert run.exit_code == ExitCode.USAGE
    assert "--county" in run.stderr


def test_usage_errors_in_polish(owes: Owes) -> None:
    run = owes("which-centre", "--cunty", "x", "--lang", "pl")
    assert run.exit_code == ExitCode.USAGE
    assert run.stderr == "Nieznana opcja --cunty. Czy chodziło o: --county?\nPomoc: owes which-centre --help\n"
    run = owes("whch-centre", env={"OWES_LANG": "pl"})
    assert run.stderr.startswith("Nie ma polecenia „whch-centre”. Czy chodziło o: which-centre")
