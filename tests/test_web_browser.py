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
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PROJECT, Owes, run_owes
from test_coordinates import SEATS

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
    "Dąbrowa",  # villages in two counties that give one answer: the first answers, with a note
]
AMBIGUOUS = ["Nowa Wieś"]
OUTSIDE = ["Poznań", "krakowski", "Wrocław", "1206", "3064"]
UNKNOWN = ["Swiebodzn", "Zielona Gra", "xyzzy"]
POSTAL = ["68-200"]
SHARED = ANSWERED + AMBIGUOUS + OUTSIDE + UNKNOWN + POSTAL
# The page answers for the reader's day, read from the device's clock (Playwright's, here): before
# the first period, between two, the page's own day, and after the last period has ended.
DAYS = ["2014-06-01", "2015-11-01", "2026-01-01", "2031-01-01"]
TIMEOUT = 30_000  # ms an auto-waiting assertion waits: a shared, loaded machine may be slow, never wrong


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
    """The page in both languages, made on 2026-01-01: it answers for whatever day it is opened on."""
    folder = tmp_path_factory.mktemp("web")
    made = {}
    for lang in ("en", "pl"):
        target = folder / f"owes-{lang}.html"
        run = run_owes("export", "-o", str(target), "--lang", lang, env=EPOCH)
        assert run.exit_code == 0, run.stderr
        made[lang] = target
    return made


class Visit:
    """A page opened in a fresh context on a day of Playwright's clock, with every request and
    console error it makes recorded.

    The page marks each finished answer with `data-answered-query` on #answer-body; an action
    first clears the mark, then waits (auto-waiting `expect`) for the page to set it again, so
    no answer is read before the page has drawn it.
    """

    def __init__(
        self,
        browser: Any,
        path: Path,
        width: int = 1280,
        height: int = 900,
        day: str = "2026-01-01",
        script: bool = True,
        hash: str = "",
    ) -> None:
        from playwright.sync_api import expect

        expect.set_options(timeout=TIMEOUT)
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=script, timezone_id="Europe/Warsaw"
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.page.clock.set_fixed_time(f"{day}T12:00:00+01:00")
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(self.url + hash)
        self.body = self.page.locator("#answer-body")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def act(self, action: Any, answered: str) -> dict[str, str]:
        """Do something that asks a question, and wait until the page has answered `answered`."""
        from playwright.sync_api import expect

        self.body.evaluate("e => { delete e.dataset.answeredQuery; }")
        action()
        expect(self.body).to_have_attribute("data-answered-query", answered)
        return self.answer()

    def search(self, query: str) -> dict[str, str]:
        def typed() -> None:
            self.page.fill("#q", query)
            self.page.press("#q", "Enter")

        return self.act(typed, query.strip())

    def click(self, locator: Any, answered: str) -> dict[str, str]:
        return self.act(locator.click, answered)

    def answer(self) -> dict[str, str]:
        found: dict[str, str] = self.body.evaluate("e => ({...e.dataset, text: e.innerText})")
        found["heading"] = self.page.inner_text("#answer-heading")
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
            centre = (found["centre"] or {}).get("id") or ""
            return found["county"]["teryt"], centre, " ".join(c["id"] for c in found["centres"]), found["coverage"]
    return None


def page_answer(shown: dict[str, str]) -> tuple[str, str, str, str] | None:
    if shown["status"] != "answer":
        return None
    return shown["county"], shown["centre"], shown["centres"], shown["coverage"]


@pytest.mark.parametrize("day", DAYS)
def test_page_answers_the_shared_list_like_the_command_line_on_the_day_it_is_opened(
    browser: Any, pages: dict[str, Path], owes: Owes, day: str
) -> None:
    assert len(SHARED) >= 30
    visit = Visit(browser, pages["en"], day=day)
    for query in SHARED:
        shown = visit.search(query)
        assert page_answer(shown) == cli_answer(owes, query, day), query
        expected = "answer" if query in ANSWERED else None
        for group, status in ((AMBIGUOUS, "ambiguous"), (OUTSIDE, "outside"), (UNKNOWN, "unknown")):
            if query in group:
                expected = status
        assert shown["status"] == (expected or "postal"), query
        if expected == "answer":
            # The heading says the day once, and the answer under it does not repeat it.
            assert shown["day"] == day and shown["heading"].count(day) == 1 and day not in shown["text"], query
    visit.close()


# Points in the forms `--at` reads: the county seats (tests/test_coordinates.py), a decimal comma,
# a space, a point outside the region, one in Germany, one read the wrong way round, one out of range.
POINTS = [
    *(point for _, point, _, _ in SEATS),
    "51,6417; 15,1381",
    "52.7368 15.2288",
    " 51.9356 , 15.5062 ",
    "52.4064,16.9252",
    "52.52,13.405",
    "15.1381,51.6417",
    "95,15",
]


def random_points(count: int) -> list[str]:
    """Points in and near the region (its box and 0.3° more around it), the same ones every run."""
    import random

    chance = random.Random(23)
    return [f"{chance.uniform(51.05, 53.45):.5f},{chance.uniform(14.2, 16.75):.5f}" for _ in range(count)]


def cli_point(owes: Owes, point: str, day: str) -> tuple[str, ...] | None:
    run = owes("which-centre", "--at", point, "--on", day, "--format", "json", "--lang", "en")
    if run.exit_code != 0:
        return None
    found = json.loads(run.stdout)
    centre = (found["centre"] or {}).get("id") or ""
    centres = " ".join(c["id"] for c in found["centres"])
    return found["county"]["teryt"], centre, centres, found["coverage"], found["place"]["teryt"]


def point_answer(shown: dict[str, str]) -> tuple[str, ...] | None:
    county = page_answer(shown)
    return None if county is None else (*county, shown["place"])


@pytest.mark.parametrize("points", ["shared", "random"])
def test_points_answer_like_the_command_line(browser: Any, pages: dict[str, Path], owes: Owes, points: str) -> None:
    asked = POINTS if points == "shared" else random_points(200)
    visit = Visit(browser, pages["en"])
    answered = 0
    for point in asked:
        shown = visit.search(point)
        page = point_answer(shown)
        assert page == cli_point(owes, point, "2026-01-01"), point
        answered += page is not None
    assert answered >= (12 if points == "shared" else 60)  # most of the box is the region
    if points == "shared":
        shown = visit.search("15.1381,51.6417")
        assert "latitude comes first" in shown["text"]
        visit.click(visit.page.locator("#answer-body a"), "51.6417,15.1381")
        assert visit.answer()["county"] == "0811"
    visit.close()


def test_where_am_i_asks_for_the_position_only_when_clicked(browser: Any, pages: dict[str, Path], owes: Owes) -> None:
    visit = Visit(browser, pages["pl"])
    asked = visit.page.evaluate(
        """() => { window.asked = 0; const real = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
        navigator.geolocation.getCurrentPosition = (...a) => { window.asked += 1; real(...a); }; return window.asked; }"""
    )
    visit.search("Żary")
    assert asked == 0 and visit.page.evaluate("window.asked") == 0  # opening and searching ask nothing
    visit.context.grant_permissions(["geolocation"])
    visit.context.set_geolocation({"latitude": 52.35031, "longitude": 14.56042})
    shown = visit.click(visit.page.get_by_role("button", name="Gdzie jestem?"), "52.35031,14.56042")
    assert visit.page.evaluate("window.asked") == 1
    assert point_answer(shown) == cli_point(owes, "52.35031,14.56042", "2026-01-01")
    visit.close()  # and no request left the page


def test_the_heading_leads_with_the_centre_and_names_the_day_once(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["en"], day="2014-06-01")
    shown = visit.search("Żary")
    centre = visit.page.eval_on_selector("#answer-body dl", "e => e.querySelector('strong').textContent")
    assert shown["heading"].startswith(centre + " — Żary, żarski county, on 2014-06-01")
    assert visit.page.title().startswith(shown["heading"])  # the tab names the answer
    assert visit.page.evaluate("document.activeElement.id") == "answer-heading"
    # Before the first period nothing is known, and the heading says so rather than naming a centre.
    visit.page.fill("#day", "2012-05-01")
    expect_day(visit, "2012-05-01")
    # A day before the reader's today (the device's clock: 2014-06-01) is said to be past.
    assert visit.answer()["heading"] == "No known centre — Żary, żarski county, for 2012-05-01 (historical)"
    visit.close()


def expect_day(visit: Visit, day: str) -> None:
    from playwright.sync_api import expect

    expect(visit.body).to_have_attribute("data-day", day)


def test_a_date_field_asks_about_another_day(browser: Any, pages: dict[str, Path], owes: Owes) -> None:
    visit = Visit(browser, pages["pl"], day="2026-01-01")
    assert visit.page.input_value("#day") == "2026-01-01"  # today, by the device's clock
    assert visit.page.get_by_label("na dzień", exact=True).get_attribute("type") == "date"
    visit.search("Żary")
    for day in ("2014-06-01", "2015-11-01", "2031-01-01"):
        visit.body.evaluate("e => { delete e.dataset.answeredQuery; }")
        visit.page.fill("#day", day)
        expect_day(visit, day)
        shown = visit.answer()
        assert page_answer(shown) == cli_answer(owes, "Żary", day), day
        assert visit.page.evaluate("location.hash") == "#q=%C5%BBary&on=" + day
        assert f"na dzień {day}" in shown["heading"]
        # A day before the reader's today is said to be past, as in every other output (issue 18).
        assert shown["heading"].endswith("(stan historyczny)") == (day < "2026-01-01"), day
    # The day asked travels with the address: opened elsewhere, it asks the same.
    other = Visit(browser, pages["pl"], day="2026-01-01", hash="#q=Lubsko&on=2014-06-01")
    from playwright.sync_api import expect

    expect(other.body).to_have_attribute("data-answered-query", "Lubsko")
    assert other.answer()["day"] == "2014-06-01" and other.page.input_value("#day") == "2014-06-01"
    other.close()
    visit.close()


@pytest.mark.parametrize(
    ("lang", "today", "chosen"),
    [
        ("pl", "wybrany dzień: 01.01.2026", "wybrany dzień: 01.11.2015"),
        ("en", "day chosen: 2026-01-01", "day chosen: 2015-11-01"),
    ],
)
def test_the_day_chosen_is_said_in_the_pages_language(
    browser: Any, pages: dict[str, Path], lang: str, today: str, chosen: str
) -> None:
    """Chromium writes the date field in its own locale's order (01/11/2015 in an English
    browser; neither `lang` on the field nor the context's locale changes it): the page says the
    day beside the field in its own language, and says it to a screen reader with the field."""
    from playwright.sync_api import expect

    visit = Visit(browser, pages[lang], day="2026-01-01")
    shown = visit.page.locator("#day-shown")
    expect(shown).to_have_text(today)
    assert "day-shown" in (visit.page.get_attribute("#day", "aria-describedby") or "").split()
    visit.search("Żary")
    visit.body.evaluate("e => { delete e.dataset.answeredQuery; }")
    visit.page.fill("#day", "2015-11-01")
    expect_day(visit, "2015-11-01")
    expect(shown).to_have_text(chosen)
    visit.page.go_back()  # the address held the day; going back says the day before
    expect_day(visit, "2026-01-01")
    expect(shown).to_have_text(today)
    visit.close()
    # Without JavaScript the page's own day (the day it was made) is said so as well.
    still = Visit(browser, pages[lang], day="2026-01-01", script=False)
    expect(still.page.locator("#day-shown")).to_have_text(today)
    still.close()


def test_ambiguous_outside_and_unknown_names_help(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["en"], day="2014-06-01")
    assert "several counties" in visit.search("Nowa Wieś")["text"]
    choices = visit.page.locator("#answer-body a")
    assert choices.count() == 2
    target = choices.first.get_attribute("href") or ""
    shown = visit.click(choices.first, target.removeprefix("#q="))  # a choice is a link to its answer
    assert shown["status"] == "answer" and shown["county"] == "0803"
    assert visit.page.input_value("#q") == "Nowa Wieś"  # the box shows the name chosen, not its SIMC id
    assert "województwo wielkopolskie" in visit.search("Poznań")["text"]
    shown = visit.search("Swiebodzn")
    assert "Did you mean" in shown["text"] and "Świebodzin" in shown["text"]
    shown = visit.click(visit.page.locator("#answer-body a", has_text="Świebodzin").first, "Świebodzin")
    assert shown["county"] == "0808"
    visit.close()


# Names of several places (issue 18's ambiguity rule): one place; places of one name in several
# counties that give one answer (the first answers, with a note naming the others); ones that
# give different answers (the list, in the command line's order); a gmina, its seat and villages
# elsewhere; a part of a city beside villages; a name reached without its diacritics.
SEVERAL = {
    "single": ["Żary", "Lubsko", "Bledzew"],
    "same": ["Łagów", "Brody", "Trzebiechów", "Kłodawa", "Górzyca", "Gorzyca", "Dąbrowa", "Siedlisko", "lagow"],
    "different": ["Nowa Wieś", "Maszewo", "Zawada", "Wysoka", "Jamno"],
}
LISTED = re.compile(r"^\s+\S.*?\((?:SIMC )?([0-9]{7})", re.MULTILINE)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_names_of_several_places_answer_as_the_command_line_does(
    browser: Any, pages: dict[str, Path], owes: Owes, lang: str
) -> None:
    """The page applies `which-centre --place`'s rule on the reader's day: the same place, county
    and answer, the same readings and note; or the same list of places, in the same order."""
    from playwright.sync_api import expect

    for day in DAYS:
        visit = Visit(browser, pages[lang], day=day)
        for kind, queries in SEVERAL.items():
            for query in queries:
                shown = visit.search(query)
                asked = ("which-centre", "--place", query, "--on", day, "--lang", lang)
                run = owes(*asked, "--format", "json")
                if run.exit_code == 4:
                    assert kind == "different" and shown["status"] == "ambiguous", (query, day)
                    links = visit.page.locator("#answer-body li a")
                    expect(links).to_have_count(len(LISTED.findall(run.stderr)))
                    hrefs = [href.removeprefix("#q=") for href in links.evaluate_all("a => a.map(x => x.hash)")]
                    assert hrefs == LISTED.findall(run.stderr), (query, day)
                    continue
                assert run.exit_code == 0 and kind != "different", (query, day, run.stderr)
                found = json.loads(run.stdout)
                centre = (found["centre"] or {}).get("id") or ""
                assert (shown["status"], shown["county"], shown["place"]) == (
                    "answer",
                    found["county"]["teryt"],
                    found["place"]["teryt"],
                ), (query, day)
                assert (shown["centre"], shown["centres"], shown["coverage"]) == (
                    centre,
                    " ".join(c["id"] for c in found["centres"]),
                    found["coverage"],
                ), (query, day)
                readings = [f"{r['teryt']}/{r['simc'] or ''}" for r in found.get("readings") or []]
                assert shown.get("readings", "").split() == readings, (query, day)
                assert (kind == "same") == bool(readings), (query, day)
                # Every note the command line gives under the answer, word for word, is on the page.
                said = " ".join(owes(*asked).stdout.split())
                notes = visit.page.locator("#answer-body p.notice").all_inner_texts()
                if readings:
                    assert len(notes) == 1 and notes[0] in said, (query, day, notes)
        visit.close()


CLI_ROW = re.compile(r"^  (\S.*?)\s{2,}(\S.*)$", re.MULTILINE)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_an_answer_is_worded_as_the_command_lines_short_answer(
    browser: Any, pages: dict[str, Path], owes: Owes, lang: str
) -> None:
    """Under the page's heading, every row of the answer is the command line's row, word for word:
    the place as `--place` says it ("Place: Żary (urban gmina), county żarski (…)"), the status,
    how sure, each centre and who runs it, and the last confirmed centre on a day none ran."""
    asked = {
        "żarski": ("--county", "żarski"),
        "Żary": ("--place", "Żary"),
        "Łagów": ("--place", "Łagów"),
        "0917543": ("--place", "0917543"),  # a part of a city
        "Nowa Wieś gm. Bledzew": ("--place", "Nowa Wieś gm. Bledzew"),
        "51.6417,15.1381": ("--at", "51.6417,15.1381"),
    }
    for day in ("2015-11-01", "2026-01-01", "2031-01-01"):
        visit = Visit(browser, pages[lang], day=day)
        for query, (option, value) in asked.items():
            visit.search(query)
            rows = visit.page.locator("#answer-body dl").first.evaluate(
                "dl => [...dl.children].map(row => [row.querySelector('dt').innerText, row.querySelector('dd').innerText])"
            )
            shown = [(label, " ".join(text.split())) for label, text in rows if label != "\u26a0"]
            run = owes("which-centre", option, value, "--on", day, "--lang", lang)
            assert run.exit_code == 0, run.stderr
            point = {"Point", "Punkt"}  # said on the page above the answer, in its own words
            said = [(label, " ".join(text.split())) for label, text in CLI_ROW.findall(run.stdout)]
            assert shown == [(label, text) for label, text in said if label not in ("!", *point)], (query, day)
        visit.close()


def test_names_outside_the_region_are_never_taken_for_a_village_in_it(browser: Any, pages: dict[str, Path]) -> None:
    """The page knows the region's villages and Poland's towns and gminas, not Poland's villages
    (an index of them would weigh 206 KB gzipped, over the 150 KB allowed): a village elsewhere is
    said plainly not to be in the region's register, and no village of the region is offered for it."""
    visit = Visit(browser, pages["en"])
    shown = visit.search("Tosin")  # a village in łódzkie; Kosin, Osiny and Rosin are villages here
    assert shown["status"] == "unknown" and "is not in the register of the region's places (lubuskie)" in shown["text"]
    assert not any(name in shown["text"] for name in ("Kosin", "Osiny", "Rosin"))
    shown = visit.search("Kostrzyn")  # a town in wielkopolskie, and the first word of one here
    assert shown["status"] == "outside" and "województwo wielkopolskie" in shown["text"]
    shown = visit.click(visit.page.locator("#answer-body a", has_text="Kostrzyn nad Odrą"), "Kostrzyn nad Odrą")
    assert shown["county"] == "0801"
    visit.close()


def test_the_command_lines_notes_on_namesakes_are_on_the_page(browser: Any, pages: dict[str, Path], owes: Owes) -> None:
    visit = Visit(browser, pages["pl"])
    notes = visit.search("Żary")["text"]
    cli = owes("which-centre", "--place", "Żary", "--on", "2026-01-01", "--lang", "pl").stdout
    said = "„Żary” to także gmina wiejska (0811102) w tym samym powiecie; odpowiedź dotyczy obu."
    assert said in " ".join(cli.split()) and said in notes
    assert "Poza regionem: 8 miejsc o tej nazwie." in notes  # the terminal's "--full" pointer left out
    visit.close()


def test_clicking_a_county_on_the_map_shows_its_answer(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["en"], day="2014-06-01")
    visit.search("Lubsko")
    assert visit.page.locator("svg a.county").count() == 14
    shown = visit.click(visit.page.locator('svg a.county[href="#county-0805"]'), "county-0805")
    assert (shown["status"], shown["county"], shown["centre"]) == ("answer", "0805", "gorzow-2013")
    assert "słubicki" in shown["heading"]
    assert visit.page.input_value("#q") == "słubicki"  # the box follows the map, no longer "Lubsko"
    # The map marks the county answered.
    assert visit.page.eval_on_selector_all("svg a.county[aria-current]", "a => a.map(e => e.getAttribute('href'))") == [
        "#county-0805"
    ]
    # The text alternative lists the counties by centre, each a link too.
    assert "słubicki" in visit.page.inner_text("#by-centre")
    shown = visit.click(visit.page.locator("#by-centre a", has_text="żarski"), "county-0811")
    assert shown["county"] == "0811"
    visit.close()


def test_every_point_of_a_county_takes_the_click_even_under_a_seat(browser: Any, pages: dict[str, Path]) -> None:
    """The seats' dots and the names lie over the counties: a click on them answers for the county below."""
    visit = Visit(browser, pages["en"])
    circles = visit.page.locator("#map svg circle")
    seats = 0
    for n in range(circles.count()):
        circles.nth(n).scroll_into_view_if_needed()  # each answer scrolls its heading into view
        box = circles.nth(n).bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        # The county drawn under the dot (the legend's dots lie over none).
        under = visit.page.evaluate(
            "([x, y]) => document.elementsFromPoint(x, y).map(e => e.closest('a.county')).find(Boolean)"
            "?.getAttribute('href')",
            [x, y],
        )
        if under:
            seats += 1
            visit.act(lambda x=x, y=y: visit.page.mouse.click(x, y), under.removeprefix("#"))
    assert seats >= 2
    # Gorzów Wielkopolski, the city county round its centre's seat: every point of it answers for it.
    city = visit.page.locator('svg a.county[href="#county-0861"]')
    city.scroll_into_view_if_needed()
    box = city.bounding_box()
    shown = visit.act(
        lambda: visit.page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2), "county-0861"
    )
    assert shown["county"] == "0861"
    visit.close()


def test_each_answer_has_an_address_and_back_goes_to_the_last(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["pl"])
    visit.search("Lubsko")
    assert visit.page.evaluate("location.hash") == "#q=Lubsko"
    visit.search("Gubin")
    visit.act(visit.page.go_back, "Lubsko")
    assert visit.page.input_value("#q") == "Lubsko" and visit.answer()["county"] == "0811"
    visit.act(visit.page.go_forward, "Gubin")
    assert visit.answer()["county"] == "0802"
    visit.close()


@pytest.mark.parametrize("address", ["#q=100%", "#q=%C5%BBary%"])
def test_a_malformed_address_shows_the_search_with_a_message(
    browser: Any, pages: dict[str, Path], address: str
) -> None:
    from playwright.sync_api import expect

    visit = Visit(browser, pages["en"], hash=address)
    expect(visit.page.locator("#search-note")).to_have_text(
        "The page's address is not a valid query; type a name or a code."
    )
    assert visit.page.locator("#q").is_visible() and visit.page.input_value("#q") == ""
    assert visit.search("Żary")["county"] == "0811"  # the search works as ever
    expect(visit.page.locator("#search-note")).to_be_hidden()
    visit.close()  # no uncaught error


def test_a_long_paste_is_cut_with_a_note(browser: Any, pages: dict[str, Path]) -> None:
    from playwright.sync_api import expect

    visit = Visit(browser, pages["pl"])
    pasted = "Żary " + "x" * 5000
    visit.page.fill("#q", pasted)
    visit.act(lambda: visit.page.press("#q", "Enter"), pasted[:200])
    expect(visit.page.locator("#search-note")).to_contain_text("dłuższe niż 200 znaków")
    assert len(visit.page.input_value("#q")) == 200
    visit.close()


def test_each_language_names_the_page_in_it(browser: Any, pages: dict[str, Path]) -> None:
    english = Visit(browser, pages["en"])
    polish = Visit(browser, pages["pl"])
    assert (
        english.page.title()
        == english.page.inner_text("h1")
        == "Social Economy Support Centres (OWES) in Lubuskie Voivodeship"
    )
    assert (
        polish.page.title()
        == polish.page.inner_text("h1")
        == "Ośrodki Wsparcia Ekonomii Społecznej w województwie lubuskim"
    )
    english.close()
    polish.close()


def test_without_javascript_every_county_is_answered_under_its_own_anchor(
    browser: Any, pages: dict[str, Path], owes: Owes
) -> None:
    visit = Visit(browser, pages["en"], script=False, day="2031-01-01")
    page = visit.page
    assert "The search needs JavaScript" in page.inner_text("#search")
    articles = page.locator("#counties article")
    assert articles.count() == 14
    for n in range(14):
        article = articles.nth(n)
        teryt = (article.get_attribute("id") or "").removeprefix("county-")
        run = owes("which-centre", "--county", teryt, "--on", "2026-01-01", "--format", "json", "--lang", "en")
        found = json.loads(run.stdout)
        names = [c["name"] for c in ([found["centre"]] if found["centre"] else found["centres"])]
        said = article.inner_text()
        assert "on 2026-01-01" in said and all(name in said for name in names), teryt  # the page's own day
    page.locator('svg a.county[href="#county-0811"]').click()
    assert page.evaluate("location.hash") == "#county-0811"
    assert page.locator("#county-0811 h3").is_visible()
    assert page.evaluate("document.getElementById('county-0811').getBoundingClientRect().top") < 900
    visit.close()


def test_keyboard_only(browser: Any, pages: dict[str, Path]) -> None:
    visit = Visit(browser, pages["en"], day="2014-06-01")
    keys = visit.page.keyboard
    keys.press("Tab")
    assert visit.page.evaluate("document.activeElement.id") == "q"
    keys.type("Żarach")
    assert visit.act(lambda: keys.press("Enter"), "Żarach")["county"] == "0811"
    assert visit.page.evaluate("document.activeElement.id") == "answer-heading"  # focus follows to the answer
    for _ in range(80):  # on through the answer's links to the first county of the map
        keys.press("Tab")
        if visit.page.evaluate("document.activeElement.matches('svg a.county')"):
            break
    focused = visit.page.evaluate("document.activeElement.getAttribute('href')")
    assert focused and focused.startswith("#county-")
    outline = visit.page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).strokeWidth")
    assert outline == "5px"  # the focused county is visibly outlined
    shown = visit.act(lambda: keys.press("Enter"), focused.removeprefix("#"))
    assert "#county-" + shown["county"] == focused
    assert visit.page.evaluate("document.activeElement.id") == "answer-heading"
    visit.close()


def test_accessibility_check_finds_nothing_serious(browser: Any, pages: dict[str, Path]) -> None:
    _require(AXE.is_file(), f"axe-core is missing ({AXE})")
    source = AXE.read_text(encoding="utf-8")
    for key in ("en", "pl"):
        for script in (True, False):
            visit = Visit(browser, pages[key])
            if script:
                visit.search("Żary")  # with an answer shown
            else:  # what a reader without JavaScript sees: every county's answer (axe itself needs a script)
                visit.page.evaluate("document.getElementById('counties').hidden = false")
            visit.page.evaluate(source)
            result = visit.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            serious = [
                (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in result["violations"]
                if v["impact"] in ("serious", "critical")
            ]
            assert serious == [], (key, script)
            visit.close()


INNER_SCROLL_BOXES = """() => [...document.querySelectorAll('body *')].filter(e => {
  const style = getComputedStyle(e);
  return ['auto', 'scroll'].includes(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
}).map(e => e.id || e.className || e.tagName)"""


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_fits_small_screens_with_the_answer_in_view(browser: Any, pages: dict[str, Path], width: int) -> None:
    visit = Visit(browser, pages["pl"], width=width, height=700)
    page = visit.page
    visit.search("Lubsko")
    page.mouse.wheel(0, 3000)  # read on, then ask again: the new answer opens at its heading
    visit.search("Gubin")
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # nothing sticks out sideways
    assert page.evaluate(INNER_SCROLL_BOXES) == []  # the answer flows in the page
    top, bottom = page.eval_on_selector(
        "#answer-heading", "e => [e.getBoundingClientRect().top, e.getBoundingClientRect().bottom]"
    )
    assert 0 <= top and bottom <= 700  # its heading in view
    assert page.evaluate("document.activeElement.id") == "answer-heading"
    # The map's names as drawn: 11 px or more (they were 8-9), or on a phone left out for the list under the map.
    sizes = page.eval_on_selector_all(
        '#map svg text[font-size="12"]',
        "ts => ts.filter(t => getComputedStyle(t).display !== 'none').map(t => t.getBoundingClientRect().height)",
    )
    assert all(size >= 10.9 for size in sizes), sizes
    assert (sizes == []) == (width <= 375) and page.locator("#by-centre").is_visible()
    # No text of the map, its title included, runs past the picture's edge.
    cut = page.eval_on_selector(
        "#map svg",
        """svg => { const edge = svg.getBoundingClientRect().right + 0.5;
        return [...svg.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none')
          .filter(t => t.getBoundingClientRect().right > edge).map(t => t.textContent); }""",
    )
    assert cut == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"owes-{width}.png"))
    page.screenshot(path=str(SHOTS / f"owes-{width}-full.png"), full_page=True)
    visit.close()


def test_print_puts_the_answer_and_the_map_on_one_page(browser: Any, pages: dict[str, Path]) -> None:
    import io

    import pypdf

    visit = Visit(browser, pages["en"], day="2014-06-01")
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
    checked = [str(pages[key]) for key in ("en", "pl")]  # one Java start for both
    run = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "text", *checked],
        capture_output=True,
        text=True,
        timeout=120,
    )
    said = run.stdout + run.stderr
    assert run.returncode == 0 and "Error:" not in said and "No errors found" in said, said
