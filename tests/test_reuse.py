"""Tables people reuse: centres by name in CSV/JSON, sources with their quotes and whole links."""

from __future__ import annotations

import csv
import io
import json
import os

from conftest import Owes, run_on_pty


def test_centres_csv_has_one_row_per_centre_with_names(owes: Owes) -> None:
    rows = list(csv.DictReader(io.StringIO(owes("centres", "--format", "csv").stdout)))
    assert len(rows) == 6
    assert list(rows[0]) == [
        *(
            "id",
            "name",
            "period",
            "from",
            "to",
            "seat",
            "address",
            "website",
            "website_from",
            "run_by",
            "county_names",
            "sources",
        )
    ]
    gorzow = rows[0]
    assert gorzow["period"] == "OWES project 2013–2015"
    assert gorzow["address"] == "ul. Kombatantów 34, Gorzów Wielkopolski"
    assert gorzow["website"] == "http://spolecznelubuskie.pl/"
    assert gorzow["run_by"] == (
        "Wojewódzki Urząd Pracy w Zielonej Górze (project lead); "
        "partner: Caritas Diecezji Zielonogórsko-Gorzowskiej – Biuro w Gorzowie Wielkopolskim"
    )
    assert gorzow["county_names"].startswith("gorzowski; Gorzów Wielkopolski; międzyrzecki")
    assert rows[2]["county_names"] == "unknown"
    assert "(lead)" in rows[2]["run_by"]
    polish = list(csv.DictReader(io.StringIO(owes("centres", "-f", "csv", "--lang", "pl").stdout)))
    assert polish[2]["county_names"] == "nieznany" and "(lider)" in polish[2]["run_by"]
    data = json.loads(owes("centres", "-f", "json").stdout)
    assert data[0]["counties"] == 6 and data[0]["county_names"] == gorzow["county_names"]


def test_sources_with_their_quotes(owes: Owes) -> None:
    run = owes("sources", "--quotes")
    assert run.exit_code == 0
    assert "  [obserwuj-2015] Lubuskie Ośrodki Wsparcia Ekonomii Społecznej, obserwuj.lubuskie.pl, 2015\n" in run.stdout
    assert "    http://obserwuj.lubuskie.pl/news/203/148/Lubuskie-Osrodki-Wsparcia-Ekonomii-Spolecznej\n" in run.stdout
    assert "  - “Lubuskie Ośrodki Wsparcia Ekonomii Społecznej powstały w marcu 2013 r." in run.stdout
    polish = owes("sources", "--quotes", "--lang", "pl").stdout
    assert "  - „Lubuskie Ośrodki Wsparcia Ekonomii Społecznej powstały w marcu 2013 r." in polish
    rows = json.loads(owes("sources", "-f", "json").stdout)
    assert rows[0]["quote_texts"][0].startswith("W województwie lubuskim")
    table = list(csv.DictReader(io.StringIO(owes("sources", "--quotes", "-f", "csv").stdout)))
    assert " | " in table[0]["quote_texts"] and not table[0]["quote_texts"].startswith("[")


def test_on_a_terminal_web_addresses_print_whole_as_links() -> None:
    env = {**os.environ, "COLUMNS": "80", "OWES_LANG": "en", "TERM": "xterm-256color", "OWES_PAGER": ""}
    env.pop("NO_COLOR", None)
    screen = run_on_pty(["sources"], env)
    url = "https://rpo.lubuskie.pl/en/-/ogloszenie-naboru-nr-felb-06-10-iz-00-001-23-w-ramach-dzialania-6-10"
    assert "\x1b]8;id=" in screen and f";{url}" in screen  # a link (OSC 8)
    visible = screen.replace("\r", "")
    assert any(url in line for line in visible.split("\n"))  # unbroken, longer than the screen
