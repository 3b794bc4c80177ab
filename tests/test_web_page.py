"""`owes export -o FILE.html`: one self-contained web page, reproducible, escaped, answering like the CLI."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import PROJECT, Owes

from owes_cli import Directory
from owes_cli.domain import names
from owes_cli.errors import ExitCode

EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01 00:00 UTC
HOSTILE = str(PROJECT / "tests" / "datasets" / "hostile-names.toml")


def export(owes: Owes, tmp_path: Path, name: str, *args: str, env: dict[str, str] | None = None) -> str:
    target = tmp_path / name
    run = owes("export", "-o", str(target), *args, env={**EPOCH, **(env or {})})
    # One line on stderr says what was written where (as every command that writes a file).
    assert (run.exit_code, run.stdout, run.stderr.count("\n")) == (0, "", 1)
    assert run.stderr.endswith(f": {target}\n")
    return target.read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text inside each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(page: str) -> Elements:
    found = Elements()
    found.feed(page)
    return found


def test_one_file_with_everything_inside_and_no_other_address(owes: Owes, tmp_path: Path) -> None:
    page = export(owes, tmp_path, "owes.html", "--lang", "en")
    found = parse(page)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    tags = [tag for tag, _ in found.tags]
    assert tags.count("script") == 2 and tags.count("style") == 1 and tags.count("svg") == 1
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in found.tags:
        assert "src" not in attrs, tag  # nothing is loaded from anywhere
        if tag == "a":
            href = attrs["href"] or ""
            assert href.startswith(("#", "https://", "http://")), href
    assert not re.search(r"url\((?!#)|@import|fetch\(|XMLHttpRequest|WebSocket", page)
    policy = next(a for t, a in found.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in (policy["content"] or "")


def test_every_county_answer_is_the_command_lines_on_every_day(owes: Owes, tmp_path: Path) -> None:
    """The page ships each county's answer for every run of days between the dates at which
    periods and centres start and end; each is the command line's on the first and the last
    day of its run, so the page is true on whatever day it is opened."""
    from datetime import date, timedelta

    page = export(owes, tmp_path, "owes.html", "--lang", "pl")
    found = parse(page)
    templates = {a["id"]: a for t, a in found.tags if t == "template"}
    data = json.loads(next(s for s in found.scripts if s.startswith("{")))
    steps = data["steps"]
    assert steps[0] == "" and steps[1:] == sorted(steps[1:]) and "2015-10-01" in steps and "2016-01-01" in steps
    assert sorted(data["by_county"]) == sorted(Directory.load().dataset.counties)
    day = date.fromisoformat
    for n, first in enumerate(steps):
        firsts = [day(first) if first else day(steps[1]) - timedelta(days=3650)]
        last = day(steps[n + 1]) - timedelta(days=1) if n + 1 < len(steps) else day(first) + timedelta(days=3650)
        for on in {*firsts, last}:
            for teryt, chosen in data["by_county"].items():
                attrs = templates[f"answer-{chosen[n]}"]
                assert attrs["data-county"] == teryt
                run = owes("which-centre", "--county", teryt, "--on", on.isoformat(), "--format", "json")
                cli = json.loads(run.stdout)
                shown = (attrs["data-centre"], attrs["data-centres"], attrs["data-coverage"])
                expected = (
                    (cli["centre"] or {}).get("id") or "",
                    " ".join(c["id"] for c in cli["centres"]),
                    cli["coverage"],
                )
                assert shown == expected, (teryt, on)


def test_without_javascript_each_county_has_its_answer_for_the_day_of_the_page(owes: Owes, tmp_path: Path) -> None:
    page = export(owes, tmp_path, "owes.html", "--lang", "en", "--on", "2014-06-01")
    ids = [a["id"] for t, a in parse(page).tags if t == "article"]
    assert ids == [f"county-{teryt}" for teryt in sorted(Directory.load().dataset.counties)]
    assert '<noscript><p class="notice">The search needs JavaScript.' in page
    assert "Ośrodek Wsparcia Ekonomii Społecznej subregionu gorzowskiego — słubicki county, on 2014-06-01" in page


def test_the_search_applies_the_python_rules_as_shipped(owes: Owes, tmp_path: Path) -> None:
    page = export(owes, tmp_path, "owes.html")
    data = json.loads(next(s for s in parse(page).scripts if s.startswith("{")))
    assert data["search"]["rules"] == json.loads(json.dumps(names.rules()))
    assert data["day"] == "2026-01-01"
    assert data["max_query"] == 200  # lookup.MAX_QUERY: the page cuts a longer query, as the command line refuses it
    shipped = {row[3] or row[2]: row for row in data["search"]["places"]}
    assert shipped["0178465"][0] == "Bledzew"  # a village of the region, by its SIMC id
    assert any(row[0] == "Poznań" for row in data["search"]["places"])  # a town outside, for "which voivodeship"
    assert [c for c in data["search"]["counties"] if c[3]] == [
        [c.teryt, c.name, c.kind.value, 1] for c in sorted(Directory.load().dataset.counties.values())
    ]


def test_same_data_and_epoch_give_the_same_bytes(owes: Owes, tmp_path: Path) -> None:
    first = export(owes, tmp_path, "a.html")
    assert export(owes, tmp_path, "b.html") == first
    assert export(owes, tmp_path, "c.html", env={"SOURCE_DATE_EPOCH": "1767312000"}) != first


def test_existing_file_is_replaced_only_with_force(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "owes.html"
    target.write_text("old")
    run = owes("export", "-o", str(target))
    assert run.exit_code == ExitCode.CANNOT_WRITE and target.read_text() == "old"
    assert owes("export", "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in tmp_path.iterdir()] == ["owes.html"]


def test_format_by_option_and_whole_directory_only(owes: Owes, tmp_path: Path) -> None:
    target = tmp_path / "page"
    assert owes("export", "-o", str(target), "--format", "html").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for lang, words in (("en", "leave out --centre and --county"), ("pl", "pomiń --centre i --county")):
        run = owes("export", "-o", str(tmp_path / "x.html"), "--county", "żarski", "--lang", lang)
        assert run.exit_code == ExitCode.USAGE and words in run.stderr


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_hostile_names_render_literally(owes: Owes, tmp_path: Path, lang: str) -> None:
    page = export(owes, tmp_path, "h.html", "--data", HOSTILE, "--lang", lang)
    found = parse(page)
    assert [t for t, _ in found.tags].count("script") == 2
    assert not any(t == "a" and (a.get("href") or "").startswith("file:") for t, a in found.tags)
    # The centre's name is Rich markup with a file: link: it shows as the text it is.
    assert "[bold red]Ośrodek[/] [link=file:///etc/passwd]testowy[/link]" in page
    assert "=HYPERLINK(&quot;https://example.org/&quot;;&quot;Organizacja&quot;)" in page
    data = next(s for s in found.scripts if s.startswith("{"))
    assert "</" not in data  # a name cannot close the data's <script>


def test_page_in_both_languages(owes: Owes, tmp_path: Path) -> None:
    polish = export(owes, tmp_path, "pl.html", "--lang", "pl")
    english = export(owes, tmp_path, "en.html", "--lang", "en")
    assert '<html lang="pl">' in polish and "Szukaj" in polish and "Powiat, miasto, gmina" in polish
    assert '<html lang="en">' in english and "Search" in english and "County, town, gmina" in english
