"""Everything the tool says, in Polish and English, and the run's language.

This package's own catalogue (`ANSWERS`) holds the words of answers and
listings; `failures` those of failures, `documents` those of exported
documents, the web page, the map and a dataset's problems, each loaded only
when one of its messages is asked for (see `message`). `t()` renders a
message in a language. Data names (centres, counties, organisations) stay in
Polish in both languages; everything the tool itself says follows `--lang`.
A count in a message names its forms, "{centres:# ośrodek|# ośrodki|# ośrodków}",
and `t()` picks the one the number needs (see `plural`). `resolve_lang` and
`activate` choose the run's language.

The catalogue and the language are this package's __init__ rather than
modules of their own: it is loaded on every run, and each module costs a
lookup its finding and reading. How each error says itself lives with the
error (owes_cli.errors); Click's help and usage errors are put into the
user's language beside the command line (owes_cli.cli.help).

Text from outside (a dataset, the command line) is made safe to show on a
terminal here too (`printable`, `shown`, `forbidden_character`, at the end of
this module), so that messages, plain text, Rich tables and documents all
clean it the same way; they all load this package anyway.
"""

from __future__ import annotations

import locale
import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from owes_cli.errors import Problem
    from owes_cli.messages.documents import PROBLEMS, REASONS

    MESSAGES: dict[str, tuple[str, str]]

__all__ = [
    "LANGS",
    "LANG_ENV",
    "MESSAGES",
    "PROBLEMS",
    "REASONS",
    "WHAT",
    "ANSWERS",
    "every_message",
    "kind_label",
    "known",
    "message",
    "activate",
    "active_lang",
    "note_text",
    "plural",
    "problem_text",
    "reason_text",
    "resolve_lang",
    "t",
    "what_text",
    "printable",
    "shortened",
    "shown",
    "forbidden_character",
]

# The words of answers and listings; those of failures are in `failures`, those of exported
# documents, the web page, the map and a dataset's problems in `documents`, each loaded only
# when one of its messages is asked for (see `message`).
ANSWERS: dict[str, tuple[str, str]] = {
    "service": ("Usługa", "Service"),
    # --- notes shown with an answer ----------------------------------------
    "county_also_outside": (
        "Uwaga: „{name}” ({teryt}) to także powiat w województwie {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” ({teryt}) is also a county in województwo {voivodeship}, outside this dataset's coverage.",
    ),
    # Both lie in one county, so the answer below holds for both (whatever it says).
    "place_same_name_in_county": (
        "Uwaga: „{name}” to także {kind_label} ({teryt}) w tym samym powiecie; odpowiedź dotyczy obu.",
        "Note: “{name}” is also the name of the {kind_label} {teryt} in the same county; the answer holds for both.",
    ),
    "place_also_outside": (
        "Uwaga: „{name}” to także {kind_label} ({teryt}) w powiecie {county:loc}, "
        "województwo {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” is also the name of the {kind_label} {teryt} in powiat {county}, "
        "województwo {voivodeship}, outside this dataset's coverage.",
    ),
    "place_more_outside": (
        "Uwaga: {count:pasuje też # inne miejsce|pasują też # inne miejsca|pasuje też # innych miejsc} "
        "poza zasięgiem tych danych.",
        "Note: {count:# more place|# more places} outside this dataset's coverage {count:fits|fit} too.",
    ),
    "county_city_separate": (
        "Uwaga: miasto {city} to osobny powiat grodzki ({teryt}).",
        "Note: the city of {city} is a separate county with county rights ({teryt}).",
    ),
    # --- answer wording ---------------------------------------------------
    "status_current": ("aktualne na {on}", "current on {on}"),
    "status_historical": (
        "dane historyczne: ten okres zakończył się {end}; nowszych danych nie mamy",
        "historical: this period ended on {end}; we have no later data",
    ),
    "status_historical_unstated": (
        "dane historyczne: końca tego okresu nie ma w naszych źródłach; następny okres zaczął się {next}",
        "historical: the end of this period is not in our sources; the next period began on {next}",
    ),
    "status_historical_open": ("dane historyczne: nowszych danych nie mamy", "historical: we have no later data"),
    "status_before_first": (
        "nie znamy jeszcze żadnego ośrodka: pierwszy znany okres zaczyna się {start}",
        "no centre is known yet: the first known period starts on {start}",
    ),
    "status_between": (
        "{period} zakończył się {end}; następny okres zaczyna się {next}",
        "the {period} had ended on {end}; the next period begins {next}",
    ),
    "in_year": ("w {date} r.", "in {date}"),
    "on_date": ("{date}", "on {date}"),
    "coverage_unknown": (
        "Źródła nie podają, który z tych ośrodków obsługuje powiat {county}.",
        "Our sources do not say which of these centres serves powiat {county}.",
    ),
    "coverage_none": (
        "W tym okresie żaden ośrodek nie obsługiwał powiatu {county:gen}.",
        "In this period no centre served powiat {county}.",
    ),
    "not_in_sources": ("brak w naszych źródłach", "not in our sources"),
    "today": ("Dziś", "Today"),
    "last_confirmed": ("Ostatnio potwierdzone", "Last confirmed"),
    "no_confirmed": (
        "Żadne źródło nie wskazuje ośrodka dla tego powiatu.",
        "No source names a centre for this county.",
    ),
    # --- labels -----------------------------------------------------------
    "web_page": ("Opis", "Web page"),  # a centre's page, a label of the answers
    "county": ("Powiat", "County"),
    "teryt": ("TERYT", "TERYT"),
    "kind": ("Rodzaj", "Kind"),
    "kind_land": ("powiat ziemski", "land county"),
    "kind_city": ("miasto na prawach powiatu", "city with county rights"),
    "kind_urban": ("gmina miejska", "urban gmina"),
    "kind_rural": ("gmina wiejska", "rural gmina"),
    "kind_urban-rural": ("gmina miejsko-wiejska", "urban-rural gmina"),
    "kind_town": ("miasto", "town"),
    "place": ("Miejsce", "Place"),
    "places": ("Miejscowości i gminy", "Towns and gminas"),
    "gmina": ("Gmina", "Gmina"),
    "town": ("Miasto", "Town"),
    "voivodeship": ("Województwo", "Voivodeship"),
    "at": ("Punkt", "Point"),
    "no_town": ("gmina wiejska: bez miasta", "a rural gmina: no town"),
    "interior_point": ("Punkt wewnątrz gminy", "A point inside the gmina"),
    "same_name": ("Ta sama nazwa", "Same name"),
    "centre_by_period": ("Ośrodek w kolejnych okresach", "Centre in each period"),
    "register": ("Rejestr", "Register"),
    "boundaries": ("Granice", "Boundaries"),
    "pdf_written": ("Zapisano dokument PDF: {path}", "PDF written: {path}"),
    "docx_written": ("Zapisano dokument Word: {path}", "Word document written: {path}"),
    "html_written": ("Zapisano stronę WWW: {path}", "Web page written: {path}"),
    "geojson_written": ("Zapisano plik GeoJSON: {path}", "GeoJSON written: {path}"),
    "readings_same_answer": (
        "Uwaga: „{query}” to także {readings}; odpowiedź jest dla nich ta sama.",
        "Note: “{query}” also names {readings}; the answer holds for them too.",
    ),
    "reading_named_unit": ("{name} ({kind_label}, powiat {county})", "{name} ({kind_label}, powiat {county})"),
    "reading_named_locality": (
        "{name} ({kind_label}, gmina {gmina}, powiat {county})",
        "{name} ({kind_label}, gmina {gmina}, powiat {county})",
    ),
    "centre": ("Ośrodek", "Centre"),
    "centres": ("Ośrodki", "Centres"),
    "from": ("Od", "From"),
    "to": ("Do", "To"),
    "id": ("Id", "Id"),
    "name": ("Nazwa", "Name"),
    "subregion": ("Subregion", "Subregion"),
    "seat": ("Siedziba", "Seat"),
    "period": ("Okres", "Period"),
    "status": ("Stan", "Status"),
    "programme": ("Program", "Programme"),
    "measure": ("Działanie", "Measure"),
    "lead": ("Lider projektu", "Project lead"),
    "operators": ("Prowadzi", "Run by"),
    "run_by": ("Prowadzi", "Run by"),
    "role_lead": ("lider", "lead"),
    "role_partner": ("partner", "partner"),
    "role_consortium member": ("członek konsorcjum", "consortium member"),
    "role_project lead": ("lider projektu", "project lead"),
    "website_of_period": ("strona okresu", "the period's website"),
    "aim": ("Cel", "Aim"),
    "website": ("Strona", "Website"),
    "address": ("Adres", "Address"),
    "contact": ("Telefon, e-mail", "Phone, e-mail"),
    "undated": ("bez daty", "undated"),
    "milestone_period-start": ("początek okresu: {period}", "the period starts: {period}"),
    "milestone_period-end": ("koniec okresu: {period}", "the period ends: {period}"),
    "milestone_centre_start": ("ośrodek zaczyna działać (jego własna data)", "the centre starts (its own date)"),
    "milestone_centre_end": ("ośrodek kończy działanie (jego własna data)", "the centre ends (its own date)"),
    "milestone_address": ("adres: {address}", "address: {address}"),
    "milestone_reported": ("(data publikacji) {text}", "(date reported) {text}"),
    "periods": ("Okresy", "Periods"),
    "history": ("Historia", "History"),
    "what": ("Co", "What"),
    "period_centres": ("Ośrodki okresu", "Centres of the period"),
    "as_of": ("stan na", "as of"),
    "counties": ("Powiaty", "Counties"),
    "services": ("Usługi", "Services"),
    "audiences": ("Dla kogo", "Audiences"),
    "group": ("Grupa", "Group"),
    "group_advice": ("doradztwo", "advice"),
    "group_specialist": ("wsparcie specjalistyczne", "specialist support"),
    "group_promotion": ("szkolenia i promocja", "training and promotion"),
    "group_funding": ("finansowanie", "funding"),
    "group_primary": ("główni adresaci", "primary"),
    "group_wider": ("także", "wider"),
    "part_of": ("W ramach", "Part of"),
    "sources": ("Źródła", "Sources"),
    "sources_cited": ("Źródła: {numbers} (lista na końcu dokumentu)", "Sources: {numbers} (listed at the end)"),
    "source": ("Źródło", "Source"),
    "title": ("Tytuł", "Title"),
    "publisher": ("Wydawca", "Publisher"),
    "url": ("Adres WWW", "Address (URL)"),
    "date": ("Data", "Date"),
    "documents": ("Dokumenty", "Documents"),
    "events": ("Wydarzenia", "Events"),
    "facts": ("Fakty", "Facts"),
    "reported": ("opisane", "reported"),
    "coverage": ("Zasięg", "Coverage"),
    "coverage_confirmed": ("potwierdzony", "confirmed"),
    "coverage_label_unknown": ("nieznany", "unknown"),
    "coverage_label_none": ("brak", "none"),
    "valid": (
        "Zbiór danych {path} jest poprawny: {centres:# ośrodek|# ośrodki|# ośrodków}, "
        "{counties:# powiat|# powiaty|# powiatów}, {sources:# źródło|# źródła|# źródeł}.",
        "The dataset {path} is valid: {centres:# centre|# centres}, {counties:# county|# counties}, "
        "{sources:# source|# sources}.",
    ),
    # --- every fact with its evidence (issue 21) ------------------------------
    "valid_unquoted": (
        "Bez cytatu ze źródła (nasze streszczenie): {count:# fakt|# fakty|# faktów}.",
        "Without a quote from their source (our summary): {count:# fact|# facts}.",
    ),
    "unquoted_line": ("  {where} ({record}; źródła: {sources})", "  {where} ({record}; sources: {sources})"),
    "derived": ("Daty wyprowadzone", "Dates derived"),
    "our_summary": ("według {source} (nasze streszczenie)", "according to {source} (our summary)"),
    "open_to": ("Dla kogo", "For whom"),
    "open_to_region": (
        "Projekt ośrodka {where} jest otwarty dla organizacji i osób z całego województwa (źródło {source}).",
        "The {seat} centre's project is open to organisations and people from the whole voivodeship (source {source}).",
    ),
    # --- villages and other localities (issue 11; helper "villages") ------
    "place_same_name_locality": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina} w tym samym powiecie; "
        "odpowiedź dotyczy obu.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina} in the same county; "
        "the answer holds for both.",
    ),
    "place_also_outside_locality": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina}, powiat {county}, "
        "województwo {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina}, powiat {county}, "
        "województwo {voivodeship}, outside this dataset's coverage.",
    ),
    "kind_village": ("wieś", "village"),
    "kind_colony": ("kolonia", "colony"),
    "kind_hamlet": ("przysiółek", "hamlet"),
    "kind_settlement": ("osada", "settlement"),
    "kind_forest-settlement": ("osada leśna", "forest settlement"),
    "kind_housing-estate": ("osiedle", "housing estate"),
    "kind_tourist-hostel": ("schronisko turystyczne", "tourist hostel"),
    "kind_part-of-village": ("część miejscowości", "part of a village"),
    "kind_part-of-town": ("część miasta", "part of a town"),
    # With the place it is part of: "część miasta Zielona Góra", "part of the city of Zielona Góra".
    "part_of_village": ("część miejscowości {parent}", "part of {parent}"),
    "part_of_town": ("część miasta {parent}", "part of the town of {parent}"),
    "part_of_city": ("część miasta {parent}", "part of the city of {parent}"),
    "simc": ("SIMC", "SIMC"),
    "locality_register": ("Rejestr miejscowości", "Register of localities"),
    # --- speed (issue 13): datasets of several voivodeships ---
    "place_same_name_town_first": (
        "Uwaga: „{name}” to także {kind_label} (SIMC {simc}) w gminie {gmina}, powiat {county}, "
        "województwo {voivodeship}; odpowiedź dotyczy miasta. Tę miejscowość wskaże --place {simc}.",
        "Note: “{name}” is also the name of a {kind_label} (SIMC {simc}) in gmina {gmina}, powiat {county}, "
        "województwo {voivodeship}; the answer is for the town. --place {simc} asks about that one.",
    ),
    # --- documents: the county fact sheet, dates, missing fields ---------
    "missing_fields": ("Brak w naszych źródłach: {fields}", "Not in our sources: {fields}"),
    "not_in_sources_label": ("Brak w naszych źródłach", "Not in our sources"),
    "field_phone": ("telefon", "phone"),
    "field_email": ("e-mail", "e-mail"),
    "field_address": ("adres", "address"),
    "field_website": ("strona internetowa", "website"),
    # --- issue 10: the short answer, the day asked, any form typed ---------
    "short_title": ("{day}: który ośrodek, {subject}", "{day}: which centre, {subject}"),
    "short_how_sure": ("Pewność", "How sure"),
    "on_day": ("W dniu {on}", "On {on}"),
    # A day before today, in a heading: an answer for the past never reads like today's (issue 18).
    "on_day_past": ("W dniu {on} (stan historyczny)", "On {on} (historical)"),
    "historical_word": ("stan historyczny", "historical"),
    "for_day_past": ("na dzień {on} (stan historyczny)", "for {on} (historical)"),
    "centre_dates": ("działa", "runs"),
    "short_earlier": ("Wcześniej", "Earlier"),
    "short_last_confirmed": ("ostatnio potwierdzony: {centre} ({dates})", "last confirmed: {centre} ({dates})"),
    "short_confirmed_by": ("potwierdza: {sources}", "confirmed by {sources}"),
    "period_status": ("Stan", "Status"),
    "period_status_current": ("aktualny", "current"),
    "period_status_historical": ("historyczny", "historical"),
    "period_status_between": ("między okresami", "between periods"),
    "period_status_before-first": ("przed pierwszym okresem", "before the first period"),
    "centre_name": ("Ośrodek", "Centre"),
    "candidates": ("Jeden z ośrodków", "One of"),
    "alternatives_or": (" lub ", " or "),  # the last of names one of which is meant: "A, B or C"
    "names_and": (" i ", " and "),  # the last of names all meant: "A, B and C"
    "period_name": ("Okres", "Period"),
    "last_confirmed_name": ("Ostatnio potwierdzony", "Last confirmed"),
    "period_centre_names": ("Ośrodki okresu", "The period's centres"),
    "read_as": (
        'Odczytano „{query}” jako {what}: {option} "{query}"',
        'Read “{query}” as {what}: {option} "{query}"',
    ),
    "read_as_county": ("powiat", "a county"),
    "read_as_place": ("miejscowość lub gminę", "a place"),
    "read_as_point": ("punkt", "a point"),
    "overview": (
        "owes: katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES) województwa lubuskiego.\n"
        "\n"
        "  owes which-centre Żary                   który ośrodek obsługuje miejscowość, powiat lub punkt\n"
        "  owes which-centre żarski --on 1.06.2014  to samo w wybranym dniu\n"
        "  owes counties                            powiaty i ich ośrodki\n"
        "  owes centres                             ośrodki wszystkich okresów\n"
        "  owes export -o zarski.pdf --county żarski  odpowiedź jako dokument do druku\n"
        "\n"
        "Wszystkie polecenia: owes --help",
        "owes: a directory of the Social Economy Support Centres (OWES) of Lubuskie.\n"
        "\n"
        "  owes which-centre Żary                   which centre serves a town, county or point\n"
        "  owes which-centre żarski --on 1.06.2014  the same on a given day\n"
        "  owes counties                            the counties and their centres\n"
        "  owes centres                             the centres of every period\n"
        "  owes export -o zarski.pdf --county żarski  the answer as a printable document\n"
        "\n"
        "All commands: owes --help",
    ),
    "centre_own_dates": ("Działa (własne daty)", "Runs (its own dates)"),
    "no_quotes": ("(brak zapisanych cytatów)", "(no quotes stored)"),
    "quote_texts": ("Cytaty", "Quotes"),
    "during_title": ("{asked}: które ośrodki, {subject}", "{asked}: which centres, {subject}"),
    "during_dates": ("Działał", "Ran"),
    "during_none": ("W tym czasie nie znamy żadnego ośrodka.", "We know of no centre at that time."),
    "short_none_ran": ("Tego dnia nie działał żaden znany ośrodek.", "No known centre ran on this day."),
    "short_no_centre_known": ("Nie znamy ośrodka na ten dzień.", "No centre is known for this day."),
    "short_unknown_one": (
        "Źródła nie podają, czy ten ośrodek obsługuje powiat {county}.",
        "Our sources do not say whether this centre serves powiat {county}.",
    ),
    # How many centres, in words, for "short_unknown_among" (a larger number is written in digits).
    "among_2": ("dwóch", "two"),
    "among_3": ("trzech", "three"),
    "among_4": ("czterech", "four"),
    "short_unknown_among": (
        "Źródła nie podają, który z tych {among} ośrodków obsługuje powiat {county}.",
        "Our sources do not say which of these {among} serves powiat {county}.",
    ),
    "short_and_more_sources": (
        "i {count:# inne źródło|# inne źródła|# innych źródeł}",
        "and {count:# more source|# more sources}",
    ),
    # Who runs a centre (answers.run_by_line): the lead by name, then the others grouped by role.
    "run_by_role_partner": ("{count:partner|partnerzy|partnerzy}: {names}", "{count:partner|partners}: {names}"),
    "run_by_role_consortium member": (
        "{count:członek konsorcjum|członkowie konsorcjum|członkowie konsorcjum}: {names}",
        "{count:consortium member|consortium members}: {names}",
    ),
    "short_outside_namesakes": (
        "{count:# miejsce|# miejsca|# miejsc} o tej nazwie poza regionem: --full",
        "{count:# place|# places} of this name outside the region: --full",
    ),
    "short_more_notes": (
        "{count:# uwaga więcej|# uwagi więcej|# uwag więcej}: --full",
        "{count:# more note|# more notes}: --full",
    ),
}


# What a query names, for "give a name (…)".
WHAT: dict[str, tuple[str, str]] = {
    "county": ("powiatu", "of a county"),
    "centre": ("ośrodka", "of a centre"),
    "place": ("miejscowości lub gminy", "of a town or gmina"),
}

_SUGGEST = ("czy chodziło o „{suggestion}”?", "did you mean “{suggestion}”?")


# Which form of a counted noun a number takes, by language.
def _polish_form(n: int) -> int:
    """0 one, 1 few, 2 many: 1 ośrodek; 2, 3, 4, 22 ośrodki; 0, 5, 12–14, 25 ośrodków."""
    n = abs(n)
    if n == 1:
        return 0
    if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14):
        return 1
    return 2


def _english_form(n: int) -> int:
    return 0 if n == 1 else 1


def plural(lang: str, count: int, forms: Sequence[str]) -> str:
    """The form of `forms` (pl: one|few|many, en: one|other) that `count` needs,
    with "#" replaced by the number: plural("pl", 5, ["# ośrodek", "# ośrodki", "# ośrodków"])."""
    wanted = (3, _polish_form) if lang == "pl" else (2, _english_form)
    if len(forms) != wanted[0]:
        raise ValueError(f"{lang} needs {wanted[0]} plural forms, got {list(forms)}")
    return forms[wanted[1](count)].replace("#", str(count))


class _Field:
    """One parameter as a message's field shows it: str.format, plus "{n:# plik|# pliki|# plików}" (a count
    with its noun in the right form), "{county:loc}" (a county's name in a Polish case) and "{n:,}"
    (thousands grouped as the language groups them).

    str.format_map with these in place of string.Formatter: the same text, without loading
    the `string` module (its Template class compiles a pattern on import) on every run."""

    __slots__ = ("lang", "value")

    def __init__(self, value: Any, lang: str) -> None:
        self.value, self.lang = value, lang

    def __format__(self, format_spec: str) -> str:
        value = self.value
        if "|" in format_spec and isinstance(value, int):
            return plural(self.lang, value, format_spec.split("|"))
        if format_spec in ("loc", "gen") and isinstance(value, str):
            if self.lang != "pl":
                return value
            # domain.names (a leaf: Polish names, nothing of ours) is imported where it is used: it
            # imports the domain package, whose errors import this one, which must be whole first.
            from owes_cli.domain.names import county_case

            return county_case(value, format_spec)
        if format_spec == "," and isinstance(value, int) and self.lang == "pl":
            # A comma is the Polish decimal sign, so "38,380" reads as 38.38: Polish groups
            # thousands with a no-break space, and leaves a number of four digits whole.
            return f"{value:,}".replace(",", "\u00a0") if abs(value) >= 10_000 else str(value)
        return str(format(value, format_spec))


class _Fields(dict[str, Any]):
    """A message's parameters, each given to str.format_map as a `_Field` in the message's language."""

    def __init__(self, params: Mapping[str, Any], lang: str) -> None:
        super().__init__(params)
        self.lang = lang

    def __getitem__(self, key: str) -> _Field:
        return _Field(super().__getitem__(key), self.lang)


def _shown(params: Mapping[str, Any]) -> dict[str, Any]:
    # Values come from the user or a dataset: a 1 MB query or an escape
    # sequence is echoed shortened and inert, never as it came.
    return {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "pl" else pair[1]


def render(lang: str, template: str, params: Mapping[str, Any]) -> str:
    """`template` filled with `params`, counts in the plural form `lang` needs."""
    return template.format_map(_Fields(_shown(params), "pl" if lang == "pl" else "en"))


def _documents() -> dict[str, tuple[str, str]]:
    from owes_cli.messages.documents import DOCUMENTS  # the words a lookup never says (see its docstring)

    return DOCUMENTS


def _failures() -> dict[str, tuple[str, str]]:
    from owes_cli.messages.failures import FAILURES  # the words an answer found never says

    return FAILURES


def message(message_id: str) -> tuple[str, str]:
    """The Polish and English of `message_id`, from this catalogue or, when it is not here,
    from `failures` or `documents`; KeyError for an id of none."""
    pair = ANSWERS.get(message_id)
    if pair is not None:
        return pair
    pair = _failures().get(message_id)
    return pair if pair is not None else _documents()[message_id]


def known(message_id: str) -> bool:
    return message_id in ANSWERS or message_id in _failures() or message_id in _documents()


def every_message() -> dict[str, tuple[str, str]]:
    """Every message id's Polish and English, all three modules' (only a test or a document needs them all)."""
    return ANSWERS | _failures() | _documents()


def t(lang: str, message_id: str, **params: Any) -> str:
    """The message `message_id` in `lang` ("pl" or "en"), filled with `params`."""
    template = _pick(message(message_id), lang)
    if not params and "{" not in template and "}" not in template:
        return template  # nothing to fill: a large export asks for the same labels thousands of times
    return render(lang, template, params)


def problem_text(problem: Problem, lang: str) -> str:
    """One dataset problem as a phrase, with its suggestion if it has one."""
    from owes_cli.messages.documents import PROBLEMS

    params = _shown(problem.params)
    text = render(lang, _pick(PROBLEMS[problem.code], lang), params)
    if params.get("suggestion"):
        text += "; " + render(lang, _pick(_SUGGEST, lang), params)
    return text


def reason_text(reason: str, lang: str) -> str | None:
    """Why a file could not be written (an errno name, see REASONS), or None if we have no words for it."""
    from owes_cli.messages.documents import REASONS

    pair = REASONS.get(reason)
    return _pick(pair, lang) if pair else None


VOIVODESHIPS_IN_POLAND = 16


def coverage_text(names: Sequence[str], lang: str) -> str:
    """What a dataset covers, from its voivodeships' names: "województwo lubuskie",
    "województwa lubuskie i wielkopolskie", "cała Polska"."""
    if len(names) >= VOIVODESHIPS_IN_POLAND:
        return "cała Polska" if lang == "pl" else "all of Poland"
    if len(names) == 1:
        return f"województwo {names[0]}"
    joined = ", ".join(names[:-1]) + (" i " if lang == "pl" else " and ") + names[-1]
    return f"województwa {joined}"


def what_text(what: str, lang: str) -> str | None:
    """What a query names ("of a county"), see WHAT."""
    pair = WHAT.get(what)
    return _pick(pair, lang) if pair else None


def note_text(note: Mapping[str, Any], lang: str) -> str:
    """A note carried by an answer view, as a sentence."""
    params = {k: v for k, v in note.items() if k != "id"}
    if "kind" in params:
        params["kind_label"] = kind_label(params, lang)
    if isinstance(params.get("readings"), list):  # the other places a name reads as, one after another
        params["readings"] = "; ".join(
            t(
                lang,
                "reading_named_locality" if "simc" in place else "reading_named_unit",
                kind_label=kind_label(place, lang),
                **place,
            )
            for place in params["readings"]
        )
    return t(lang, note["id"], **params)


def kind_label(place: Mapping[str, Any], lang: str) -> str:
    """ "village", or for a part of a place "part of the city of Zielona Góra".

    `place` is a place's view or match: a `part_of` mapping (or name and
    `part_of_teryt`) names the place it is part of.
    """
    parent = place.get("part_of")
    if not parent or place["kind"] not in ("part-of-village", "part-of-town"):  # a hamlet of a village
        return t(lang, "kind_" + place["kind"])
    name, teryt = (parent["name"], parent["teryt"]) if isinstance(parent, dict) else (parent, place["part_of_teryt"])
    if place["kind"] != "part-of-town":
        return t(lang, "part_of_village", parent=name)
    from owes_cli.domain.names import is_city_county  # imported here: see _Field.__format__

    return t(lang, "part_of_city" if is_city_county(teryt) else "part_of_town", parent=name)


def __getattr__(name: str) -> Any:
    # Every message, and the problems' and reasons' words, load when they are asked for:
    # a lookup needs only this package's own (ANSWERS, see `message`).
    if name == "MESSAGES":
        return every_message()
    if name in ("PROBLEMS", "REASONS"):
        from owes_cli.messages import documents

        return getattr(documents, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


LANGS = ("pl", "en")
LANG_ENV = "OWES_LANG"

_active: list[str] = []  # the language OwesGroup.main chose for this run


def activate(lang: str) -> None:
    """Remember the run's language, found from --lang wherever it stands."""
    _active[:] = [lang]


def active_lang() -> str:
    return _active[0] if _active else resolve_lang()


def resolve_lang(option: str | None = None) -> str:
    """--lang, then OWES_LANG, then the locale (pl_* means Polish), else English."""
    for value in (option, os.environ.get(LANG_ENV)):
        if value:
            code = value.strip().lower()[:2]
            if code in LANGS:
                return code
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "pl" if value.lower().startswith("pl") else "en"
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return "pl" if current.lower().startswith("pl") else "en"


# --------------------------------------------------------------------------
# Text from outside made safe to show (see the module's docstring)
# --------------------------------------------------------------------------

# Characters that would let text move the cursor, change colours, open links
# or reorder what is shown: C0/C1 controls (ESC starts every escape sequence),
# bidi overrides and other format characters, surrogates, private use and
# unassigned code points.
_UNSAFE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# The bidi embeddings, overrides and isolates that reorder text as displayed
# ("Trojan Source", CVE-2021-42574); a dataset may not contain them at all.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
REPLACEMENT = "\ufffd"
MAX_SHOWN = 200  # characters of one value echoed in a message


def printable(text: str) -> str:
    """Text shown literally: unsafe characters become U+FFFD, tabs spaces; newlines stay."""
    if text.isprintable() or text.replace("\n", "").isprintable():
        return text  # the usual case, checked in C: no character of an unsafe category (nor a tab)
    import unicodedata  # a C library of 0.4 ms to load: only for the rare text that needs it

    return "".join(
        ch if ch == "\n" or unicodedata.category(ch) not in _UNSAFE_CATEGORIES else " " if ch == "\t" else REPLACEMENT
        for ch in text
    )


def shortened(text: str, limit: int = MAX_SHOWN) -> str:
    """At most `limit` characters, keeping both ends (a path's file name is at its end)."""
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return text[:half] + "…" + text[len(text) - (limit - 1 - half) :]


def shown(text: str) -> str:
    """A value echoed back in a message: printable and of a sensible length."""
    return printable(shortened(text))


def forbidden_character(text: str) -> str | None:
    """The first character a dataset string may not contain, if any.

    Tabs and newlines are ordinary text; every other control character, and
    the bidi controls, can only be there to disturb a terminal or a reader.
    """
    import unicodedata

    for ch in text:
        if ch in BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and ch not in "\t\n"):
            return ch
    return None
