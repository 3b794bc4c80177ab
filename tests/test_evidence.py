"""Every fact with its evidence (issue 21): what the user sees of the quotes, the summaries
and the one thing the sources say of who the 2024 Zielona Góra centre's project is for."""

from __future__ import annotations

import json
from pathlib import Path

import pypdf
from conftest import BUNDLED, Owes

from owes_cli.domain import load_register
from owes_cli.domain.dataset import load

DATASET = load(BUNDLED, load_register())
DAY = "2026-06-01"  # in the 2024–2029 period, whose centres' counties no source gives
WHOLE_REGION_EN = "The Zielona Góra centre's project is open to organisations and people from the whole voivodeship"
WHOLE_REGION_PL = "Projekt ośrodka w Zielonej Górze jest otwarty dla organizacji i osób z całego województwa"


def folded(text: str) -> str:
    return " ".join(text.split())


def test_the_short_answer_says_the_zielona_gora_project_is_open_to_the_whole_region(owes: Owes) -> None:
    english = folded(owes("which-centre", "--county", "żarski", "--on", DAY).stdout)
    assert "How sure Our sources do not say which of these two serves powiat żarski." in english
    assert f"For whom {WHOLE_REGION_EN} (source 1)." in english
    polish = folded(owes("which-centre", "--county", "żarski", "--on", DAY, "--lang", "pl").stdout)
    assert f"Dla kogo {WHOLE_REGION_PL} (źródło 1)." in polish
    # Once, for Zielona Góra: the Gorzów centre's source says nothing of the kind.
    assert english.count("whole voivodeship") == 1 and polish.count("całego województwa") == 1


def test_the_full_answer_says_it_and_numbers_its_source(owes: Owes) -> None:
    run = owes("which-centre", "--county", "żarski", "--on", DAY, "--full")
    text = folded(run.stdout)
    assert f"For whom {WHOLE_REGION_EN} (source 1)." in text
    assert " 1. Ośrodek Wsparcia Ekonomii Społecznej w Zielonej Górze 2024–2029, fundacjacp.org" in text
    # The fact itself, quoted, among the centre's facts; still no counties for it.
    assert "from the whole Lubuskie voivodeship." in text
    assert "Our sources do not say which of these centres serves powiat żarski." in text


def test_it_is_no_coverage_and_no_answer_where_a_centre_is_confirmed(owes: Owes) -> None:
    answer = json.loads(owes("which-centre", "--county", "żarski", "--on", DAY, "-f", "json").stdout)
    assert answer["coverage"] == "unknown" and answer["centre"] is None
    assert [(c["id"], c["open_to_region"], c["counties"]) for c in answer["centres"]] == [
        ("zielona-gora-2024", ["fundacjacp-2024"], []),
        ("gorzow-2024", [], []),
    ]
    # 2014: the county's centre is confirmed; the 2024 project says nothing of that time.
    assert "whole voivodeship" not in owes("which-centre", "--county", "żarski", "--on", "2014-06-01").stdout
    # The undated news page listing six counties for the Zielona Góra centre is no period's coverage.
    for centre in DATASET.centres_in("fewl-2024") + DATASET.centres_in("rpo-2016"):
        assert centre.coverage is None, centre.id
    fact = next(f for f in DATASET.centres["zielona-gora-2024"].facts if f.reach == "region")
    assert fact.quotes == (
        "Projekt jest skierowany do grup docelowej (podmiotów ekonomii społecznej, osób wykluczonych i zagrożonych "
        "wykluczeniem społecznym) z obszaru województwa lubuskiego.",
    )


def test_the_fact_sheet_says_it(owes: Owes, tmp_path: Path) -> None:
    for lang, line in (("en", WHOLE_REGION_EN), ("pl", WHOLE_REGION_PL)):
        target = tmp_path / f"sheet-{lang}.pdf"
        run = owes("export", "--county", "żarski", "--on", DAY, "-o", str(target), "--lang", lang)
        assert run.exit_code == 0, run.stderr
        reader = pypdf.PdfReader(target)
        assert len(reader.pages) == 1
        text = folded(" ".join(page.extract_text() for page in reader.pages).replace("\u200b", ""))
        assert line in text


def test_the_web_page_says_it(owes: Owes, tmp_path: Path) -> None:
    for lang, line in (
        ("en", "is open to organisations and people from the whole voivodeship (source 1)"),
        ("pl", "w Zielonej Górze jest otwarty dla organizacji i osób z całego województwa (źródło 1)"),
    ):
        target = tmp_path / f"owes-{lang}.html"
        run = owes("export", "-o", str(target), "--lang", lang, env={"SOURCE_DATE_EPOCH": "1780272000"})  # 2026-06-01
        assert run.exit_code == 0, run.stderr
        assert line in target.read_text(encoding="utf-8")


def test_sources_with_quotes_show_the_new_quotes(owes: Owes) -> None:
    text = folded(owes("sources", "--quotes").stdout)
    for quote in (
        "Liderem II konsorcjum jest Stowarzyszenie Rozwoju Regionalnego „Rozwój” w Gorzowie Wlkp.",
        "I konsorcjum składa się z Lidera, czyli Fundacji na rzecz Collegium Polonicum w Słubicach",
        "Koszt całkowity projektu: 35 208 445,68 zł, a przyznane dofinansowanie: 34 478 813,20 zł.",
        "z obszaru województwa lubuskiego.",
        "5) wzmacniania potencjału kadrowego, finansowego i innowacyjnego PES i PS",
    ):
        assert quote in text, quote
    polish = folded(owes("sources", "--quotes", "--lang", "pl").stdout)
    assert "„Projekt realizowany jest przez Fundację na rzecz Collegium Polonicum" in polish


def test_a_fact_without_a_quote_reads_as_our_summary_of_its_source(owes: Owes) -> None:
    english = folded(owes("centre", "lowes-2016").stdout)
    assert "- Second edition: project RPLB.07.06.01-08-0002/18. — according to rpo.lubuskie.pl (our summary)" in english
    assert "- 2018-08: The first edition of the LOWES project ended. — according to echogorzowa.pl (our summary)" in (
        english
    )
    # A quoted fact reads as it is.
    assert "- The main target was 182 jobs in all; 35 social enterprises were created. " in english
    polish = folded(owes("which-centre", "--county", "żarski", "--on", DAY, "--full", "--lang", "pl").stdout)
    assert "- Nabór trwał od 2023-10-09 do 2023-11-13. — według rpo.lubuskie.pl (nasze streszczenie)" in polish
    assert "- Nabór FELB.06.10-IZ.00-001/23: wpłynęły dwa wnioski. " in polish
    data = json.loads(owes("centre", "lowes-2016", "-f", "json").stdout)
    assert data["facts"][1].endswith("— according to rpo.lubuskie.pl (our summary)")


def test_a_fact_that_loses_its_quote_is_counted_and_shown_as_our_summary(owes: Owes, tmp_path: Path) -> None:
    quote = (
        ', quotes = ["Projekt jest skierowany do grup docelowej (podmiotów ekonomii społecznej, osób wykluczonych i '
        'zagrożonych wykluczeniem społecznym) z obszaru województwa lubuskiego."]'
    )
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count(quote) == 1
    path = tmp_path / "summary.toml"
    path.write_text(text.replace(quote, ""), encoding="utf-8")
    run = owes("validate", str(path))
    assert run.exit_code == 0
    assert "Without a quote from their source (our summary): 5 facts." in run.stdout
    assert "  centres[4].facts[2] (zielona-gora-2024; sources: fundacjacp-2024)" in run.stdout
    shown = folded(owes("centre", "zielona-gora-2024", "--data", str(path)).stdout)
    assert "from the whole Lubuskie voivodeship. — according to fundacjacp.org (our summary)" in shown
    # A quote its sources do not keep is refused, with its place.
    path.write_text(text.replace('z obszaru województwa lubuskiego."]', 'z całej Polski."]'), encoding="utf-8")
    refused = owes("validate", str(path))
    assert refused.exit_code != 0
    assert "centres[4].facts[2].quotes[0]: the quote “Projekt jest skierowany" in refused.stderr


def test_the_readme_states_the_count_of_statements_without_a_quote() -> None:
    from conftest import PROJECT

    from owes_cli.domain.dataset.evidence import unquoted

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"**Statements without a quote: {len(unquoted(DATASET))}**" in readme


def test_a_role_without_a_quote_reads_as_our_summary(owes: Owes, tmp_path: Path) -> None:
    quote = ', quotes = ["przedstawiciele naszego Stowarzyszenia - jako lidera projektu"]'
    text = BUNDLED.read_text(encoding="utf-8")
    assert text.count(quote) == 1
    path = tmp_path / "role.toml"
    path.write_text(text.replace(quote, ""), encoding="utf-8")
    summary = "according to swmpdobiegniew.pl (our summary)"
    short = folded(owes("which-centre", "--county", "żarski", "--on", DAY, "--data", str(path)).stdout)
    assert f"Stowarzyszenie Wspierania Małej Przedsiębiorczości w Dobiegniewie (lead; {summary})" in short
    card = json.loads(owes("centre", "gorzow-2024", "--data", str(path), "-f", "json").stdout)
    assert card["operators"][0]["summary"] == summary and "summary" not in card["operators"][1]
    # The bundled data quotes every role: none says so.
    assert "our summary" not in owes("which-centre", "--county", "żarski", "--on", DAY).stdout
