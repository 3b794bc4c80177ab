"""The web page in a real browser: headless Chromium from the system, driven by Playwright.

One browser for the whole module. It types the shared list of inputs into
the page's search and requires the command line's answer for each (county,
centre, certainty); clicks the map; uses only the keyboard; checks that the
page asked no address and logged no error; runs axe-core; and leaves
screenshots at 1280 and 375 px in tests/.cache/screenshots/ to look at.

Needs Chromium (`apt-get install chromium`) and axe-core (`npm pack axe-core@4`
into tests/.cache/axe/), and for the HTML check Java and the Nu validator
(`npm pack vnu-jar` into tests/.cache/vnu/); .ci/run installs them. Without them the tests are
skipped with that message, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, Owes, run_owes

CACHE = PROJECT / "tests" / ".cache"
AXE = Path(os.environ.get("OWES_AXE_JS", CACHE / "axe" / "package" / "axe.min.js"))
VNU = Path(os.environ.get("OWES_VNU_JAR", CACHE / "vnu" / "package" / "build" / "dist" / "vnu.jar"))
SHOTS = CACHE / "screenshots"
EPOCH = {"SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01: candidates, coverage unknown
HOW = (
    "apt-get install -y chromium default-jre-headless; pip install playwright; npm pack axe-core vnu-jar (see .ci/run)"
)

# The shared list: counties in several cases, towns, villages, gminas, ASCII forms, TERYT codes
# and SIMC ids, ambiguous names, typos, postal codes and names outside the region.
ANSWERED = [
    "żarski",
    "ZARSKI",
    "zarski",
    "w powiecie żarskim",
    "żagańskiego",
    "gorzowski",
    "Gorzów Wlkp.",
    "Gorzów Wielkopolski",
    "Zielona Góra",
    "Zielonej Górze",
    "zielona gora",
    "0811",
    "0862",
    "Żary",
    "Zary",
    "Żarach",
    "miasto Żary",
    "gmina wiejska Żary",
    "Nowa Sól",
    "Nowej Soli",
    "Świebodzin",
    "swiebodzin",
    "Drezdenko",
    "Sulęcin",
    "Babimost",
    "Wschowa",
    "Kostrzyn nad Odrą",
    "Lubsko",
    "Żagań",
    "Słubice",
    "Krosno Odrzańskie",
    "Międzyrzecz",
    "Strzelce Krajeńskie",
    "Bledzew",
    "0811011",
    "0178465",
    "Dąbrowa, gmina Zabór",
    "Nowa Wieś gm. Bledzew",
]
AMBIGUOUS = ["Dąbrowa", "Nowa Wieś"]
OUTSIDE = ["Poznań", "krakowski", "Wrocław", "1206", "3064"]
UNKNOWN = ["Swiebodzn", "Zielona Gra", "xyzzy"]
POSTAL = ["68-200"]
SHARED = ANSWERED + AMBIGUOUS + OUTSIDE + UNKNOWN + POSTAL
DAYS = ["2014-06-01", "2026-01-01"]


def _chromium() -> str | None:
    """Debian's Chromium (Playwright's own browser download is not used)."""
    return next((found for name in ("/usr/bin/chromium", "chromium") if (found := shutil.which(name))), None)


def _require(condition: bool, what: str) -> None:
    if condition:
        return
    message = f"{what}: install it with {HOW}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI runs the browser tests: {message}")
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    import importlib.util

    _require(importlib.util.find_spec("playwright") is not None, "Playwright for Python is missing")
    chromium = _chromium()
    _require(chromium is not None, "Chromium is missing")
    assert chromium is not None
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        found = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield found
        found.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("web")
    made = {}
    for day in DAYS:
        target = folder / f"owes-{day}.html"
        run = run_owes("export", "-o", str(target), "--on", day, "--lang", "en", env=EPOCH)
        assert run.exit_code == 0, run.stderr
        made[day] = target
    target = folder / "owes-pl.html"
    assert run_owes("export", "-o", str(target), "--lang", "pl", env=EPOCH).exit_code == 0
    made["pl"] = target
    return made


class Visit:
    """A page opened in a fresh context, with every request and console error it makes recorded."""

    def __init__(self, browser: Any, path: Path, width: int = 1280, height: int = 900) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def search(self, query: str) -> dict[str, str]:
        self.page.fill("#q", query)
        self.page.press("#q", "Enter")
        return self.answer()

    def answer(self) -> dict[str, str]:
        found: dict[str, str] = self.page.eval_on_selector("#answer-body", "e => ({...e.dataset, text: e.innerText})")
        return found

    def close(self) -> None:
        assert self.errors == []
        assert [url for url in self.requests if url != self.url] == []  # nothing but the file itself
        self.context.close()


def cli_answer(owes: Owes, query: str, day: str) -> tuple[str, str, str, str] | None:
    """The command line's answer: as a county, else as a place (what the page's one box does)."""
    for option in ("--county", "--place"):
        run = owes("which-centre", option, query, "--on", day, "--format", "json", "--lang", "en")
        if run.exit_code == 0:
            found = json.loads(run.stdout)
            if "readings" in found:
                # Places of this name in several counties, with one answer: the command line answers
                # (issue 18), the page still lists them until it applies the rule (Directory.place_readings).
                return None
            centre = (found["centre"] or {}).get("id") or ""
            return found["county"]["teryt"], centre, " ".join(c["id"] for c in found["centres"]), found["coverage"]
    return None


def page_answer(shown: dict[str, str]) -> tuple[str, str, str, str] | None:
    if shown["status"] != "answer":
        return None
    return shown["county"], shown["centre"], shown["centres"], shown["coverage"]


@pytest.mark.parametrize("day", DAYS)
def test_page_answers_the_shared_list_like_the_command_line(
    browser: Any, pages: dict[str, Path], owes: Owes, day: str
) -> None:
    assert len(SHARED) >= 30
    visit = Visit(browser, pages[day])
    for query in SHARED:
        shown = visit.search(query)
        assert page_answer(shown) == cli_answer(owes, query, day), query
        expected = "answer" if query in ANSWERED else None
        for group, status in ((AMBIGUOUS, "ambiguous"), (OUTSIDE, "outside"), (UNKNOWN, "unknown")):
            if query in group:
                expected = status
        assert shown["status"] == (expected or "postal"), query
    visit.close()


def test_ambiguous_outside_and_unknown_names_help(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["2014-06-01"])
    assert "several counties" in visit.search("Dąbrowa")["text"]
    choices = visit.page.locator("#answer-body a")
    assert choices.count() == 2
    choices.first.click()  # a choice is a link to its answer
    assert visit.answer()["status"] == "answer" and visit.answer()["county"] in ("0809", "0811")
    assert "województwo wielkopolskie" in visit.search("Poznań")["text"]
    shown = visit.search("Swiebodzn")
    assert "Did you mean" in shown["text"] and "Świebodzin" in shown["text"]
    visit.page.locator("#answer-body a", has_text="Świebodzin").first.click()
    assert visit.answer()["county"] == "0808"
    visit.close()


def test_clicking_a_county_on_the_map_shows_its_answer(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["2014-06-01"])
    assert visit.page.locator("svg a.county").count() == 14
    visit.page.locator('svg a.county[href="#county-0805"]').click()
    shown = visit.answer()
    assert (shown["status"], shown["county"], shown["centre"]) == ("answer", "0805", "gorzow-2013")
    assert "słubicki" in shown["text"]
    # The text alternative lists the counties by centre, each a link too.
    assert "słubicki" in visit.page.inner_text("#by-centre")
    visit.page.locator("#by-centre a", has_text="żarski").click()
    assert visit.answer()["county"] == "0811"
    visit.close()


def test_keyboard_only(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["2014-06-01"])
    keys = visit.page.keyboard
    keys.press("Tab")
    assert visit.page.evaluate("document.activeElement.id") == "q"
    keys.type("Żarach")
    keys.press("Enter")
    assert visit.answer()["county"] == "0811"
    for _ in range(60):  # on through the answer's links to the first county of the map
        keys.press("Tab")
        if visit.page.evaluate("document.activeElement.matches('svg a.county')"):
            break
    focused = visit.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("#county-")
    outline = visit.page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).strokeWidth")
    assert outline == "5px"  # the focused county is visibly outlined
    keys.press("Enter")
    assert "#" + "county-" + visit.answer()["county"] == focused
    assert visit.page.evaluate("document.activeElement.id") == "answer"  # focus follows to the answer
    visit.close()


def test_accessibility_check_finds_nothing_serious(browser: Any, pages: dict[str, Path]) -> None:
    _require(AXE.is_file(), f"axe-core is missing ({AXE})")
    source = AXE.read_text(encoding="utf-8")
    for key in ("2014-06-01", "pl"):
        visit = Visit(browser, pages[key])
        visit.search("Żary")  # with an answer shown
        visit.page.evaluate(source)
        result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], key
        visit.close()


@pytest.mark.parametrize("width", [320, 375, 640, 1280])
def test_fits_small_screens_and_zoom_without_shifting(browser: Any, pages: dict[str, Path], width: int) -> None:
    # 640 px is a 1280 px window at 200 % zoom.
    visit = Visit(browser, pages["2026-01-01"], width=width, height=800)
    page = visit.page
    below = "#directory" if width >= 1024 else "#map"
    before = page.eval_on_selector(below, "e => e.getBoundingClientRect().top + scrollY")
    visit.search("Żary")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    after = page.eval_on_selector(below, "e => e.getBoundingClientRect().top + scrollY")
    assert after == before  # the answer's room was kept for it
    if width in (375, 1280):
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"owes-{width}.png"))
        page.screenshot(path=str(SHOTS / f"owes-{width}-full.png"), full_page=True)
    visit.close()


def test_print_puts_the_answer_and_the_map_on_one_page(browser: Any, pages: dict[str, Path]) -> None:
    import io

    import pypdf

    visit = Visit(browser, pages["2014-06-01"])
    visit.search("Żary")
    printed = pypdf.PdfReader(io.BytesIO(visit.page.pdf(format="A4")))
    assert len(printed.pages) == 1
    words = printed.pages[0].extract_text()
    assert "żarski" in words and "Map: centres by county" in words and "Search" not in words
    visit.close()


def test_hostile_names_show_as_text_and_run_nothing(browser: Any, tmp_path: Path) -> None:
    target = tmp_path / "hostile.html"
    hostile = str(PROJECT / "tests" / "datasets" / "hostile-names.toml")
    assert run_owes("export", "-o", str(target), "--data", hostile, "--lang", "pl", env=EPOCH).exit_code == 0
    visit = Visit(browser, target)
    dialogs: list[str] = []
    visit.page.on("dialog", lambda dialog: dialogs.append(dialog.message))
    shown = visit.search("żarski")
    assert shown["county"] == "0811"
    assert "[bold red]Ośrodek[/] [link=file:///etc/passwd]testowy[/link]" in visit.page.inner_text("body")
    hrefs = visit.page.eval_on_selector_all("a", "links => links.map(a => a.getAttribute('href'))")
    assert all(h.startswith(("#", "https://", "http://")) for h in hrefs), hrefs
    assert dialogs == []
    visit.close()


def test_page_is_valid_html5(pages: dict[str, Path]) -> None:
    import subprocess

    java = shutil.which("java")
    _require(java is not None and VNU.is_file(), f"Java or the Nu HTML validator is missing ({VNU})")
    assert java is not None
    checked = [str(pages[key]) for key in ("2014-06-01", "pl")]  # one Java start for both
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "text", *checked],
        capture_output=True,
        text=True,
        timeout=120,
    )
    said = run.stdout + run.stderr
    assert run.returncode == 0 and "Error:" not in said and "No errors found" in said, said
