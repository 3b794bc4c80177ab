"""Answers across time: today's centres, the last confirmed one, and timelines."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Owes

from owes_cli.errors import ExitCode


def answer(owes: Owes, *args: str) -> dict[str, Any]:
    run = owes("which-centre", "--format", "json", *args)
    assert run.exit_code == 0, run.stderr
    found: dict[str, Any] = json.loads(run.stdout)
    return found


def test_today_lists_running_centres_and_the_last_confirmed_one(owes: Owes) -> None:
    data = answer(owes, "--county", "żarski", "--on", "2026-11-26")
    assert data["period_status"] == "current"
    assert data["coverage"] == "unknown"
    assert data["centre"] is None
    assert data["period"]["id"] == "fewl-2024"
    assert [c["id"] for c in data["centres"]] == ["zielona-gora-2024", "gorzow-2024"]
    zg = data["centres"][0]
    assert zg["coverage"] == "unknown" and zg["counties"] == []
    assert zg["period"]["from"] == "2024-01-02" and zg["period"]["to"] == "2029-12-31"
    assert [op["name"] for op in zg["operators"]] == [
        "Fundacja na rzecz Collegium Polonicum",
        "Lokalna Grupa Działania „Zielone Światło”",
    ]
    assert "Targets: at least 64 social economy entities from “Obszar II” and on average 240 new jobs." in zg["facts"]
    last = data["last_confirmed"]
    assert last["centre"]["id"] == "zielona-gora-2013"
    assert (last["period"]["from"], last["period"]["to"]) == ("2013-03", "2015-09")


def test_today_in_plain_words(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "żarski", "--on", "2026-11-26")
    assert "  Coverage  Our sources do not say which of these centres serves powiat żarski.\n" in run.stdout
    # Not "Today": the day asked is not today.
    assert "On 2026-11-26: Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze\n" in run.stdout
    assert "On 2026-11-26: Ośrodek Wsparcia Ekonomii Społecznej w Gorzowie Wielkopolskim\n" in run.stdout
    assert "  - Target: 324 jobs.\n" in run.stdout
    assert (
        "Last confirmed (2013-03 – 2015-09): Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego\n"
    ) in run.stdout
    polish = owes("which-centre", "--full", "--county", "żarski", "--on", "2026-11-26", "--lang", "pl")
    assert "Źródła nie podają, który z tych ośrodków obsługuje powiat żarski." in polish.stdout
    assert "W dniu 2026-11-26: Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze\n" in polish.stdout
    today = owes("which-centre", "--full", "--county", "żarski", "--lang", "pl").stdout
    assert "Dziś: Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze\n" in today
    assert "Ostatnio potwierdzone (2013-03 – 2015-09): " in polish.stdout


def test_2017_gives_the_accredited_centres_with_coverage_unknown(owes: Owes) -> None:
    data = answer(owes, "--county", "Zielona Góra", "--on", "2017-05-01")
    assert (data["period_status"], data["coverage"]) == ("current", "unknown")
    assert [c["id"] for c in data["centres"]] == ["zielona-gora-2016", "lowes-2016"]
    zg = data["centres"][0]
    assert zg["period"]["from"] == "2016" and zg["period"]["to"] is None  # partial, and unknown
    assert [a["city"] for a in zg["addresses"]] == ["Zielona Góra", "Słubice"]
    assert zg["website"] == "https://owes.zgora.pl"
    assert data["last_confirmed"]["centre"]["id"] == "zielona-gora-2013"


def test_2014_is_confirmed_as_before(owes: Owes) -> None:
    data = answer(owes, "--county", "żarski", "--on", "2014-06-01")
    assert (data["coverage"], data["centre"]["id"], data["last_confirmed"]) == ("confirmed", "zielona-gora-2013", None)


def test_a_centre_with_its_own_dates_is_not_running_before_them(owes: Owes) -> None:
    data = answer(owes, "--county", "żarski", "--on", "2024-01-01")
    assert [c["id"] for c in data["centres"]] == ["gorzow-2024"]


def test_unknown_end_shows_as_not_in_our_sources(owes: Owes) -> None:
    run = owes("which-centre", "--full", "--county", "żarski", "--on", "2017-05-01")
    # Its start is derived, not stated by a source, and says so (issue 21).
    assert (
        "2016 – not in our sources, start year from our source notes, not stated by a source"
        " (Accredited OWES under RPO Lubuskie 2020)" in " ".join(run.stdout.split())
    )


def test_periods_listing(owes: Owes) -> None:
    run = owes("periods", "--format", "csv")
    assert run.stdout.splitlines() == [
        "id,name,programme,from,to,derived,lead,centres",
        "pokl-2013,OWES project 2013–2015,Program Operacyjny Kapitał Ludzki,2013-03,2015-09,,"
        "Wojewódzki Urząd Pracy w Zielonej Górze,zielona-gora-2013 gorzow-2013",
        "rpo-2016,Accredited OWES under RPO Lubuskie 2020,Regionalny Program Operacyjny – Lubuskie 2020,"
        '2016,,"start year from our source notes, not stated by a source",,zielona-gora-2016 lowes-2016',
        "fewl-2024,OWES under the programme European Funds for Lubuskie 2021–2027,"
        "Fundusze Europejskie dla Lubuskiego 2021–2027,2024-01-01,2029-12-31,from its centres' dates,,"
        "zielona-gora-2024 gorzow-2024",
    ]
    data = json.loads(owes("periods", "--format", "json").stdout)
    assert data[0]["sources"] == "obserwuj-2015"
    assert data[1]["measure"].startswith("Poddziałanie 7.6.1")


def test_county_history(owes: Owes) -> None:
    rows = json.loads(owes("history", "--county", "w powiecie żarskim", "--format", "json").stdout)
    assert [(r["period"], r["coverage"], r["centre"], r["period_centres"]) for r in rows] == [
        ("pokl-2013", "confirmed", "zielona-gora-2013", ""),
        ("rpo-2016", "unknown", None, "zielona-gora-2016 lowes-2016"),
        ("fewl-2024", "unknown", None, "zielona-gora-2024 gorzow-2024"),
    ]
    assert rows[0]["sources"] == "obserwuj-2015 wschowa-2015"


def test_centre_history_in_date_order(owes: Owes) -> None:
    rows = json.loads(owes("history", "--centre", "gorzow-2013", "--format", "json").stdout)
    assert [(r["date"], r["kind"]) for r in rows] == [
        ("2013-03", "period-start"),
        ("2014-10-28", "address"),
        ("2014-10-28", "reported"),
        ("2015-09", "period-end"),
        ("2015-11-23", "event"),
    ]
    assert rows[1]["what"] == "address: ul. Kombatantów 34, Gorzów Wielkopolski"
    polish = json.loads(owes("history", "--centre", "gorzow-2013", "-f", "json", "--lang", "pl").stdout)
    assert polish[0]["what"] == "początek okresu: Projekt OWES 2013–2015"


def test_each_date_is_labelled_and_cited_only_by_the_sources_that_state_it(owes: Owes) -> None:
    rows = json.loads(owes("history", "--centre", "gorzow-2024", "--format", "json").stdout)
    by_date = {r["date"]: r for r in rows}
    # The centre's own end (swmp-2024), not the period's sources.
    assert by_date["2029-06-30"]["kind"] == "end"
    assert by_date["2029-06-30"]["sources"] == "swmp-2024"
    assert by_date["2029-06-30"]["what"] == "the centre ends (its own date)"
    assert by_date["2029-12-31"]["what"].startswith("the period ends: ")
    polish = owes("history", "--centre", "gorzow-2024", "--lang", "pl").stdout
    assert "2029-06-30  ośrodek kończy działanie (jego własna data)" in polish
    assert "koniec okresu: OWES w ramach programu" in polish
    county = owes("history", "--county", "żarski", "--format", "plain").stdout
    assert "OWES project 2013–2015" in county
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu zielonogórskiego" in county
    assert "zielona-gora-2013" not in county


def test_history_needs_exactly_one_subject(owes: Owes) -> None:
    for args in ([], ["--county", "żarski", "--centre", "gorzow-2013"]):
        run = owes("history", *args)
        assert run.exit_code == ExitCode.USAGE
        assert run.stderr == "Give exactly one of --county NAME or --centre ID.\n"


def test_history_of_unknown_centre_suggests(owes: Owes) -> None:
    run = owes("history", "--centre", "gorzow-2015")
    assert run.exit_code == ExitCode.NOT_FOUND
    assert run.stderr.startswith("There is no centre with the id “gorzow-2015”.\nDid you mean: gorzow-2013")


def test_a_day_before_any_period_says_so(owes: Owes) -> None:
    data = answer(owes, "--county", "żarski", "--on", "2012-01-01")
    assert (data["period_status"], data["coverage"], data["centre"]) == ("before-first", "unknown", None)
    run = owes("which-centre", "--full", "--county", "żarski", "--on", "2010-01-01", "--lang", "pl")
    assert "  Stan    nie znamy jeszcze żadnego ośrodka: pierwszy znany okres zaczyna się 2013-03\n" in run.stdout
    assert "  Zasięg  Nie znamy ośrodka na ten dzień.\n" in run.stdout
    short = owes("which-centre", "--county", "żarski", "--on", "2012-01-01").stdout
    assert "no centre is known yet: the first known period starts on 2013-03" in short
    assert "confirmed" not in short
    table = owes("counties", "--on", "2012-01-01", "-f", "json").stdout
    assert '"confirmed"' not in table


def test_between_two_periods_the_ended_project_and_the_next_period_are_said(owes: Owes) -> None:
    data = answer(owes, "--county", "żarski", "--on", "2015-12-01")
    assert (data["period_status"], data["period_ended"], data["next_period"]["from"]) == (
        "between",
        "2015-09-30",
        "2016",
    )
    short = owes("which-centre", "--county", "żarski", "--on", "2015-12-01").stdout
    assert "the OWES project 2013–2015 had ended on 2015-09-30; the next period begins in 2016" in short
    assert "No known centre ran on this day." in short
    polish = owes("which-centre", "--county", "żarski", "--on", "2015-12-01", "--lang", "pl").stdout
    assert "zakończył się 2015-09-30; następny okres zaczyna się w 2016 r." in polish
    assert "Tego dnia nie działał żaden znany ośrodek." in polish


def test_a_county_no_centre_served_is_not_unknown(owes: Owes, tmp_path: Path) -> None:
    from test_dataset import minimal_dataset

    path = tmp_path / "two.toml"
    path.write_text(
        minimal_dataset(
            extra="""
[[counties]]
teryt = "0810"
name = "żagański"
kind = "land"
sources = ["src"]
"""
        ),
        encoding="utf-8",
    )
    data = answer(owes, "--county", "żagański", "--on", "2014-01-01", "--data", str(path))
    assert (data["coverage"], data["centre"]) == ("none", None)
    run = owes("which-centre", "--full", "--county", "żagański", "--on", "2014-01-01", "--data", str(path))
    assert "  Coverage  In this period no centre served powiat żagański.\n" in run.stdout


def test_a_centres_own_dates_and_its_periods_are_each_labelled(owes: Owes) -> None:
    out = " ".join(owes("centre", "gorzow-2024").stdout.split())
    assert " Runs (its own dates) 2024-01-01 – 2029-06-30 " in out
    assert " Period 2024-01-01 – 2029-12-31, from its centres' dates (OWES under the programme" in out
    polish = " ".join(owes("centre", "gorzow-2024", "--lang", "pl").stdout.split())
    assert "Działa (własne daty) 2024-01-01 – 2029-06-30" in polish
    # Where the centre's dates are its period's, there is one row.
    assert "own dates" not in owes("centre", "gorzow-2013").stdout


def test_derived_dates_say_how_and_follow_from_what_they_are_derived_from(owes: Owes) -> None:
    """fewl-2024's dates are its centres' (no source dates the period); rpo-2016's start is a year
    from our notes. Every output says so: JSON, the listing, a centre's card, the history."""
    from conftest import BUNDLED

    from owes_cli.domain import load_register
    from owes_cli.domain.dataset import load

    dataset = load(BUNDLED, load_register())
    fewl = dataset.periods["fewl-2024"]
    centres = dataset.centres_in("fewl-2024")
    assert fewl.derived is not None and fewl.derived.en == "from its centres' dates"
    assert str(fewl.start) == min(str(c.start) for c in centres)
    assert str(fewl.end) == max(str(c.end) for c in centres)
    assert {p.id for p in dataset.periods.values() if p.derived} == {"rpo-2016", "fewl-2024"}

    periods = {p["id"]: p for p in json.loads(owes("periods", "--format", "json", "--lang", "pl").stdout)}
    assert periods["fewl-2024"]["derived"] == "z dat jego ośrodków"
    assert periods["pokl-2013"]["derived"] is None
    answer = json.loads(owes("which-centre", "--county", "żarski", "--on", "2026-06-01", "-f", "json").stdout)
    assert answer["period"]["derived"] == "from its centres' dates"
    # A centre's own dates, stated by its source, are not the derived ones.
    assert [c["period"]["derived"] for c in answer["centres"]] == [None, None]
    assert [c["period_derived"] for c in answer["centres"]] == ["from its centres' dates"] * 2
    polish = " ".join(owes("centre", "zielona-gora-2024", "--lang", "pl").stdout.split())
    assert "Okres 2024-01-01 – 2029-12-31, z dat jego ośrodków (OWES w ramach programu" in polish
    history = owes("history", "--centre", "lowes-2016").stdout
    assert "the period starts: Accredited OWES under RPO Lubuskie 2020 (start year from our source notes" in history
