"""The listing commands, in every format and both languages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import Owes

from owes_cli.errors import ExitCode

LISTINGS = ["centres", "counties", "services", "audiences", "sources", "periods"]


@pytest.mark.parametrize("command", LISTINGS)
def test_json_csv_and_plain_carry_the_same_rows(owes: Owes, command: str) -> None:
    rows = json.loads(owes(command, "--format", "json").stdout)
    table = list(csv.DictReader(io.StringIO(owes(command, "--format", "csv").stdout)))
    plain = owes(command, "--format", "plain").stdout.splitlines()
    assert rows and len(rows) == len(table) == len(plain) - 1  # plain has a header line
    first_key = next(iter(rows[0]))
    assert [str(r[first_key]) for r in rows] == [r[first_key] for r in table]
    assert all(line.startswith(str(r[first_key])) for line, r in zip(plain[1:], rows, strict=True))


@pytest.mark.parametrize("command", LISTINGS)
def test_table_on_request(owes: Owes, command: str) -> None:
    run = owes(command, "--format", "table")
    assert run.exit_code == 0 and run.stderr == ""
    if command == "sources":  # one source after another, its web address whole on a line of its own
        assert (
            "\n  http://obserwuj.lubuskie.pl/news/203/148/Lubuskie-Osrodki-Wsparcia-Ekonomii-Spolecznej\n" in run.stdout
        )
        return
    assert "━" in run.stdout or "─" in run.stdout


def test_counties_in_2014(owes: Owes) -> None:
    rows = list(csv.DictReader(io.StringIO(owes("counties", "--on", "2014-06-01", "-f", "csv").stdout)))
    assert len(rows) == 14
    by_centre: dict[str, list[str]] = {}
    for row in rows:
        by_centre.setdefault(row["centre_name"], []).append(row["teryt"])
    assert by_centre == {
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego": [
            "0801",
            "0803",
            "0805",
            "0806",
            "0807",
            "0861",
        ],
        "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego": [
            *("0802", "0804", "0808", "0809", "0810", "0811", "0812", "0862")
        ],
    }
    assert {row["coverage"] for row in rows} == {"confirmed"}
    assert {(row["period_status"], row["period_name"]) for row in rows} == {("current", "OWES project 2013–2015")}


def test_counties_today_say_unknown_and_last_confirmed(owes: Owes) -> None:
    run = owes("counties", "--on", "2026-11-26", "--format", "plain")
    lines = run.stdout.splitlines()
    assert lines[0].split()[:6] == ["TERYT", "Name", "Kind", "Status", "Centre", "One"]
    # For the day asked: the status, the candidate centres by name, the last confirmed by name.
    assert lines[1].split("  ")[0:1] == ["0801"]
    first = " ".join(lines[1].split())
    assert first.startswith(
        "0801 gorzowski land county current — Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze"
    )
    # One or the other, as a sentence says it (a script gets them as a list, or " | " in a CSV cell).
    assert "Zielonej Górze or Ośrodek Wsparcia Ekonomii Społecznej w Gorzowie Wielkopolskim unknown" in first
    assert first.endswith("Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego")
    polish = " ".join(owes("counties", "--on", "2026-11-26", "--lang", "pl").stdout.splitlines()[1].split())
    assert polish.startswith("0801 gorzowski powiat ziemski aktualny — Ośrodek Wsparcia")
    assert "nieznany OWES w ramach programu Fundusze Europejskie dla Lubuskiego 2021–2027" in polish
    between = owes("counties", "--on", "2015-12-01", "-f", "csv", "--lang", "pl").stdout
    # No centre ran between the periods: the ended period's centre is the last confirmed one, not the centre.
    assert (
        ",between,,,unknown,Projekt OWES 2013–2015,Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego\n"
        in between
    )
    before = owes("counties", "--on", "2012-01-01", "--lang", "pl").stdout
    assert "przed pierwszym okresem" in before and "potwierdzony " not in before.splitlines()[1]


def test_centres_listing(owes: Owes) -> None:
    rows = json.loads(owes("centres", "-f", "json").stdout)
    assert [r["id"] for r in rows] == [
        "gorzow-2013",
        "zielona-gora-2013",
        "lowes-2016",
        "zielona-gora-2016",
        "gorzow-2024",
        "zielona-gora-2024",
    ]
    assert {k: v for k, v in rows[0].items() if k in ("id", "name", "seat", "from", "to", "operators", "counties")} == {
        "id": "gorzow-2013",
        "name": "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego",
        "seat": "Gorzów Wielkopolski",
        "from": "2013-03",
        "to": "2015-09",
        "operators": "Caritas Diecezji Zielonogórsko-Gorzowskiej",
        "counties": 6,
    }
    assert rows[2]["counties"] is None
    assert "unknown" in owes("centres", "-f", "plain").stdout.splitlines()[3]


def test_one_centre_in_full(owes: Owes) -> None:
    run = owes("centre", "zielona-gora-2016", "--format", "plain")
    assert run.exit_code == 0
    assert "  Address             OWES office: ul. Dąbrowskiego 41 D/3, Zielona Góra (as of 2017)\n" in run.stdout
    assert (
        "                      Social Enterprise Incubator (office of Fundacja na rzecz Collegium Polonicum): "
        "ul. Kościuszki 1, Słubice (as of 2017)\n"
    ) in run.stdout
    assert "  Website             https://owes.zgora.pl\n" in run.stdout
    assert "Counties\n  Our sources do not say which counties this centre serves.\n" in run.stdout
    assert "Kolejny termin posiedzenia komisji" in run.stdout and "[owes-zgora-2017]" not in run.stdout
    data = json.loads(owes("centre", "zielona-gora-2016", "-f", "json").stdout)
    assert [(o["id"], o["role"]) for o in data["operators"]] == [
        ("fundacja-cp", "lead"),
        ("wup-zielona-gora", "consortium member"),
        ("frdl", "consortium member"),
    ]


def test_centre_id_tolerates_case_and_prefix(owes: Owes) -> None:
    assert json.loads(owes("centre", "LOWES", "-f", "json").stdout)["id"] == "lowes-2016"
    run = owes("centre", "zielona")
    assert run.exit_code == ExitCode.AMBIGUOUS
    assert run.stderr == (
        "“zielona” fits several centres; choose one:\n  zielona-gora-2013\n  zielona-gora-2016\n  zielona-gora-2024\n"
    )


def test_services_of_one_centre(owes: Owes) -> None:
    rows = json.loads(owes("services", "--centre", "zielona-gora-2024", "-f", "json", "--lang", "pl").stdout)
    assert [r["name"] for r in rows] == [
        "Animacja lokalna",
        # The page's own five points in the nominative, shortened to fit a line or two (fundacjacp-2024).
        "Tworzenie PES i PS, wspieranie ich działalności i finansowanie powstawania w nich miejsc pracy",
        "Wsparcie działań reintegracyjnych PS, w tym w tworzeniu planów reintegracyjnych, i ich finansowanie",
        "Wsparcie PES i PS w postępowaniach o udzielenie zamówienia publicznego",
        "Wzmacnianie potencjału kadrowego, finansowego i innowacyjnego PES i PS; wsparcie biznesowe",
    ]
    all_rows = json.loads(owes("services", "-f", "json").stdout)
    accounting = next(r for r in all_rows if r["id"] == "accounting")
    assert accounting == {
        "id": "accounting",
        "group": "specialist",
        "name": "Support in accounting",
        "centres": "zielona-gora-2013; gorzow-2013",
    }


def test_audiences_in_both_languages(owes: Owes) -> None:
    english = json.loads(owes("audiences", "-f", "json").stdout)
    polish = json.loads(owes("audiences", "-f", "json", "--lang", "pl").stdout)
    assert [a["id"] for a in english] == [a["id"] for a in polish]
    assert english[3] == {"id": "kis", "group": "primary", "name": "Social integration clubs (KIS)", "part_of": "pes"}
    assert polish[3]["name"] == "Kluby integracji społecznej (KIS)"
    assert {a["group"] for a in english} == {"primary", "wider"}


def test_sources_listing_has_dates_and_addresses(owes: Owes) -> None:
    rows = {r["id"]: r for r in json.loads(owes("sources", "-f", "json").stdout)}
    assert rows["radiogorzow-2014"]["date"] == "2014-10-28"
    assert rows["wschowa-2015"]["date"] is None
    assert rows["teryt-terc-2020"]["publisher"] == "Główny Urząd Statystyczny"
    plain = owes("sources", "-f", "plain").stdout
    assert "wschowa.info" in plain and "undated" in plain


def test_unknown_centre_for_services(owes: Owes) -> None:
    run = owes("services", "--centre", "nowhere")
    assert (run.exit_code, run.stdout) == (ExitCode.NOT_FOUND, "")
    assert run.stderr.startswith("There is no centre with the id “nowhere”.")


def test_csv_neutralises_formulas(owes: Owes, tmp_path: Path) -> None:
    from test_dataset import minimal_dataset

    path = tmp_path / "evil.toml"
    path.write_text(minimal_dataset(centre_name='=HYPERLINK("http://x")'), encoding="utf-8")
    run = owes("centres", "--data", str(path), "--format", "csv")
    assert run.exit_code == 0, run.stderr
    assert "'=HYPERLINK" in run.stdout
