"""`--place` and `--at` wherever a county is accepted: history, places, services, export, map."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import Owes

from owes_cli.errors import ExitCode


def test_history_and_places_by_place_or_point_are_those_of_its_county(owes: Owes) -> None:
    by_county = owes("history", "--county", "żarski", "-f", "json").stdout
    assert owes("history", "--place", "Lubsko", "-f", "json").stdout == by_county
    assert owes("history", "--at", "51.64,15.14", "-f", "json").stdout == by_county
    places = json.loads(owes("places", "--place", "Żary", "-f", "json").stdout)
    assert places == json.loads(owes("places", "--county", "żarski", "-f", "json").stdout)
    polish = owes("history", "--place", "Lubsko", "--lang", "pl").stdout
    assert "Projekt OWES 2013–2015" in polish


def test_services_of_the_centre_serving_a_county_or_place(owes: Owes) -> None:
    rows = json.loads(owes("services", "--place", "Żary", "--on", "2014-06-01", "-f", "json").stdout)
    by_centre = json.loads(owes("services", "--centre", "zielona-gora-2013", "-f", "json").stdout)
    assert [r["id"] for r in rows] == [r["id"] for r in by_centre]
    assert (
        owes("services", "--county", "żarski", "--on", "2014-06-01", "-f", "json").stdout
        == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    )
    both = owes("services", "--county", "żarski", "--centre", "gorzow-2013")
    assert both.exit_code == ExitCode.USAGE
    assert both.stderr == "Give --centre or one of --county, --place, --at, not both.\n"
    assert "nie oba" in owes("services", "--county", "żarski", "--centre", "gorzow-2013", "--lang", "pl").stderr


def test_map_outlines_the_county_of_a_place(owes: Owes) -> None:
    svg = owes("map", "-o", "-", "--format", "svg", "--place", "Lubsko").stdout
    assert "żarski: the county asked" in svg  # the legend wraps after "asked"
    polish = owes("map", "-o", "-", "--format", "svg", "--at", "51.64,15.14", "--lang", "pl").stdout
    assert "żarski: powiat, o który" in polish


def test_export_by_place(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "lubsko.pdf"
    run = owes("export", "-o", str(target), "--place", "Lubsko", "--on", "2014-06-01")
    assert run.exit_code == ExitCode.OK, run.stderr
    assert target.read_bytes().startswith(b"%PDF")
