"""Every message and label in Polish and English.

Data names (centres, counties, organisations) stay in Polish in both
languages; everything the tool itself says follows `--lang`.
"""

from __future__ import annotations

import locale
import os
from typing import Any

from owes_cli.errors import DatasetError, OwesError, Problem
from owes_cli.safe_text import shown

LANGS = ("pl", "en")
LANG_ENV = "OWES_LANG"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors -----------------------------------------------------------
    "query_empty": ("Podaj nazwę ({what}); pusty tekst niczego nie wskazuje.",
                    "Give a name ({what}); empty text names nothing."),
    "query_too_long": ("Tekst jest za długi ({what}): najwyżej {limit} znaków.",
                       "The text is too long ({what}): at most {limit} characters."),
    "county_not_found": ("Nie znaleziono powiatu „{query}”.",
                         "No county matches “{query}”."),
    "county_code_unknown": ("Kod TERYT „{query}” nie jest kodem żadnego powiatu w rejestrze TERYT.",
                            "“{query}” is not the TERYT code of any county in the register."),
    "county_outside_coverage": ("„{query}” leży poza zasięgiem tych danych (województwo {region}):",
                                "“{query}” lies outside this dataset's coverage (województwo {region}):"),
    "county_ambiguous": ("„{query}” pasuje do kilku powiatów; wybierz jeden:",
                         "“{query}” fits several counties; choose one:"),
    "centre_not_found": ("Nie ma ośrodka o identyfikatorze „{query}”.",
                         "There is no centre with the id “{query}”."),
    "centre_ambiguous": ("„{query}” pasuje do kilku ośrodków; wybierz jeden:",
                         "“{query}” fits several centres; choose one:"),
    "bad_date": ("Niepoprawna data „{value}”: użyj formatu RRRR-MM-DD, np. 2014-06-01.",
                 "Invalid date “{value}”: use YYYY-MM-DD, e.g. 2014-06-01."),
    "bad_lang": ("Nieznany język „{value}”: wybierz pl albo en.",
                 "Unknown language “{value}”: choose pl or en."),
    "bad_format": ("Format „{value}” nie pasuje do tego polecenia: wybierz {choices}.",
                   "The format “{value}” does not fit this command: choose {choices}."),
    "dataset_invalid": ("Zbiór danych {path} jest błędny (liczba problemów: {count}):",
                        "The dataset {path} is invalid (problems: {count}):"),
    "interrupted": ("Przerwano.", "Interrupted."),
    "output_exists": ("Plik {path} już istnieje; dodaj --force, aby go zastąpić.",
                      "{path} already exists; add --force to replace it."),
    "output_is_dir": ("{path} to katalog; podaj nazwę pliku.", "{path} is a directory; give a file name."),
    "output_symlink": ("{path} to dowiązanie symboliczne; nie zapisujemy przez dowiązania.",
                       "{path} is a symbolic link; we do not write through links."),
    "output_no_dir": ("Nie można zapisać {path}: katalog {dir} nie istnieje.",
                      "Cannot write {path}: the directory {dir} does not exist."),
    "output_not_writable": ("Nie można zapisać {path}: brak uprawnień do katalogu {dir}.",
                            "Cannot write {path}: no permission to write in {dir}."),
    "output_failed": ("Nie udało się zapisać {path}: {detail}. Poprzedni plik pozostał bez zmian.",
                      "Could not write {path}: {detail}. Any previous file is unchanged."),
    "stdout_failed": ("Nie udało się wypisać wyniku: {detail}.", "Could not write the output: {detail}."),
    "output_tty": ("Nie wypisujemy pliku binarnego na terminal; przekieruj wynik (-o - > plik) albo podaj -o PLIK.",
                   "We do not print a binary file to a terminal; redirect it (-o - > file) or give -o FILE."),
    "which_centre_needs_place": ("Podaj, o jakie miejsce pytasz: --county NAZWA (np. --county żarski).",
                                 "Say which place you mean: --county NAME (e.g. --county żarski)."),
    "argument_too_long": ("Argument nr {position} jest za długi ({length} znaków; najwyżej {limit}).",
                          "Argument {position} is too long ({length} characters; at most {limit})."),
    "usage_no_command": ("Nie ma polecenia „{name}”.", "There is no command “{name}”."),
    "usage_no_option": ("Nieznana opcja {name}.", "Unknown option {name}."),
    "usage_missing": ("Brakuje {name}.", "{name} is missing."),
    "usage_needs_value": ("Opcja {name} wymaga wartości.", "The option {name} needs a value."),
    "usage_other": ("Błąd wywołania: {detail}", "Usage error: {detail}"),
    "usage_help": ("Pomoc: owes {command}--help", "Help: owes {command}--help"),
    "output_encoding": ("Nie można wypisać wyniku w kodowaniu terminala.",
                        "The answer cannot be printed in the terminal's encoding."),
    "did_you_mean": ("Czy chodziło o: {options}?", "Did you mean: {options}?"),
    "try_county": ("Spróbuj: owes which-centre --county {code}", "Try: owes which-centre --county {code}"),
    "list_counties": ("Lista powiatów: owes counties", "All counties: owes counties"),
    "list_centres": ("Lista ośrodków: owes centres", "All centres: owes centres"),
    "outside_match": ("  {name} ({teryt}), województwo {voivodeship}",
                      "  {name} ({teryt}), województwo {voivodeship}"),
    # --- notes shown with an answer ----------------------------------------
    "county_also_outside": ("Uwaga: „{name}” ({teryt}) to także powiat w województwie {voivodeship}, "
                            "poza zasięgiem tych danych.",
                            "Note: “{name}” ({teryt}) is also a county in województwo {voivodeship}, "
                            "outside this dataset's coverage."),
    "county_city_separate": ("Uwaga: miasto {city} to osobny powiat grodzki ({teryt}).",
                             "Note: the city of {city} is a separate county with county rights ({teryt})."),
    # --- answer wording ---------------------------------------------------
    "status_current": ("aktualne na {on}", "current on {on}"),
    "status_historical": ("dane historyczne: ten okres zakończył się {end}; nowszych danych nie mamy",
                          "historical: this period ended on {end}; we have no later data"),
    "status_historical_open": ("dane historyczne: nowszych danych nie mamy",
                               "historical: we have no later data"),
    "status_upcoming": ("przed pierwszym znanym okresem, który zaczyna się {start}",
                        "before the first known period, which starts on {start}"),
    "coverage_unknown": ("Źródła nie podają, który z tych ośrodków obsługuje powiat {county}.",
                         "Our sources do not say which of these centres serves powiat {county}."),
    "coverage_none": ("W tym okresie żaden ośrodek nie obsługiwał powiatu {county}.",
                      "In this period no centre served powiat {county}."),
    "not_in_sources": ("brak w naszych źródłach", "not in our sources"),
    "ongoing": ("trwa", "ongoing"),
    "today": ("Dziś", "Today"),
    "last_confirmed": ("Ostatnio potwierdzone", "Last confirmed"),
    "no_confirmed": ("Żadne źródło nie wskazuje ośrodka dla tego powiatu.",
                     "No source names a centre for this county."),
    # --- labels -----------------------------------------------------------
    "county": ("Powiat", "County"),
    "teryt": ("TERYT", "TERYT"),
    "kind": ("Rodzaj", "Kind"),
    "kind_land": ("powiat ziemski", "land county"),
    "kind_city": ("miasto na prawach powiatu", "city with county rights"),
    "centre": ("Ośrodek", "Centre"),
    "centres": ("Ośrodki", "Centres"),
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
    "role_lead": ("lider", "lead"),
    "role_partner": ("partner", "partner"),
    "role_consortium member": ("członek konsorcjum", "consortium member"),
    "aim": ("Cel", "Aim"),
    "website": ("Strona", "Website"),
    "address": ("Adres", "Address"),
    "as_of": ("stan na", "as of"),
    "counties": ("Powiaty", "Counties"),
    "services": ("Usługi", "Services"),
    "audiences": ("Dla kogo", "Audiences"),
    "group": ("Grupa", "Group"),
    "group_advice": ("doradztwo", "advice"),
    "group_specialist": ("wsparcie specjalistyczne", "specialist support"),
    "group_promotion": ("szkolenia i promocja", "training and promotion"),
    "group_primary": ("główni adresaci", "primary"),
    "group_wider": ("także", "wider"),
    "part_of": ("W ramach", "Part of"),
    "sources": ("Źródła", "Sources"),
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
    "used_for": ("Dotyczy", "Used for"),
    "valid": ("Zbiór danych {path} jest poprawny: {centres} ośrodki, {counties} powiatów, {sources} źródeł.",
              "The dataset {path} is valid: {centres} centres, {counties} counties, {sources} sources."),
}

PROBLEMS: dict[str, tuple[str, str]] = {
    "no_such_file": ("plik nie istnieje", "the file does not exist"),
    "is_directory": ("to katalog, a nie plik", "this is a directory, not a file"),
    "unreadable": ("brak uprawnień do odczytu", "permission denied"),
    "not_regular": ("to nie jest zwykły plik (urządzenie, potok lub gniazdo)",
                    "this is not a regular file (a device, pipe or socket)"),
    "bad_path": ("ścieżka zawiera znak NUL", "the path contains a NUL character"),
    "too_deep": ("zbyt głęboko zagnieżdżone tablice lub tabele",
                 "arrays or tables nested too deeply"),
    "os_error": ("nie można odczytać pliku: {detail}", "the file cannot be read: {detail}"),
    "too_large": ("plik ma {size} bajtów; limit to {limit}", "the file has {size} bytes; the limit is {limit}"),
    "bom": ("plik zaczyna się znacznikiem BOM; zapisz go jako UTF-8 bez BOM",
            "the file starts with a byte-order mark; save it as UTF-8 without BOM"),
    "binary": ("plik zawiera bajt NUL; to nie jest plik tekstowy TOML",
               "the file contains NUL bytes; it is not a TOML text file"),
    "not_utf8": ("plik nie jest zapisany w UTF-8 (może w ISO-8859-2 lub Windows-1250?)",
                 "the file is not UTF-8 (perhaps ISO-8859-2 or Windows-1250?)"),
    "empty": ("plik jest pusty", "the file is empty"),
    "toml_syntax": ("błąd składni TOML: {detail}", "TOML syntax error: {detail}"),
    "wrong_type": ("oczekiwano typu {expected}, jest {got}", "expected {expected}, found {got}"),
    "unknown_key": ("nieznany klucz „{key}”", "unknown key “{key}”"),
    "missing_key": ("brak wymaganego klucza „{key}”", "the required key “{key}” is missing"),
    "schema_version": ("wersja schematu {got} nie jest obsługiwana (obsługiwana: {expected})",
                       "schema version {got} is not supported (supported: {expected})"),
    "empty_string": ("pusty tekst", "empty text"),
    "control_character": ("znak sterujący {code} na pozycji {at}; dane mają być zwykłym tekstem",
                          "the control character {code} at position {at}; data must be plain text"),
    "empty_list": ("pusta lista", "empty list"),
    "bad_choice": ("„{got}” nie jest jedną z wartości: {choices}", "“{got}” is not one of: {choices}"),
    "bad_url": ("„{got}” nie jest adresem http(s)", "“{got}” is not an http(s) address"),
    "bad_date": ("„{got}” nie jest datą RRRR, RRRR-MM ani RRRR-MM-DD",
                 "“{got}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    "bad_teryt": ("„{got}” nie jest kodem TERYT", "“{got}” is not a TERYT code"),
    "no_sources": ("fakt bez źródła: podaj co najmniej jedno źródło",
                   "a fact with no source: give at least one source"),
    "duplicate_id": ("identyfikator „{id}” powtarza się", "the id “{id}” is used twice"),
    "unknown_ref": ("„{id}” nie istnieje w tabeli {table}", "“{id}” does not exist in {table}"),
    "county_outside_region": ("powiat {code} nie leży w regionie {region}",
                              "county {code} is not in region {region}"),
    "county_not_in_teryt": ("kodu {code} nie ma w rejestrze TERYT", "the code {code} is not in the TERYT register"),
    "county_name_mismatch": ("w rejestrze TERYT powiat {code} nazywa się „{expected}”, nie „{got}”",
                             "in the TERYT register county {code} is called “{expected}”, not “{got}”"),
    "unknown_county": ("powiatu {code} nie ma w tabeli counties", "county {code} is not in the counties table"),
    "county_two_centres": ("powiat {code} ma dwa ośrodki w tym samym czasie: {centre} i {other}",
                           "county {code} has two centres at the same time: {centre} and {other}"),
    "end_before_start": ("koniec {end} jest przed początkiem {start}", "the end {end} is before the start {start}"),
    "event_undated": ("wydarzenie bez daty: podaj date lub reported",
                      "an event with no date: give date or reported"),
}

# Why a file could not be written, by errno name, for the {detail} of output_failed.
REASONS: dict[str, tuple[str, str]] = {
    "ENOSPC": ("brak miejsca na dysku", "no space left on device"),
    "EDQUOT": ("przekroczony limit miejsca na dysku", "disk quota exceeded"),
    "EACCES": ("brak uprawnień", "permission denied"),
    "EPERM": ("operacja niedozwolona", "operation not permitted"),
    "EROFS": ("system plików tylko do odczytu", "read-only file system"),
    "EIO": ("błąd wejścia/wyjścia", "input/output error"),
    "ENAMETOOLONG": ("za długa nazwa pliku", "file name too long"),
    "closed": ("standardowe wyjście jest zamknięte", "stdout is closed"),
    "empty_path": ("pusta ścieżka", "empty path"),
    "nul_in_path": ("ścieżka zawiera znak NUL", "the path contains a NUL character"),
}

_SUGGEST = ("czy chodziło o „{suggestion}”?", "did you mean “{suggestion}”?")


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


def _shown(params: dict[str, Any]) -> dict[str, Any]:
    # Values come from the user or a dataset: a 1 MB query or an escape
    # sequence is echoed shortened and inert, never as it came.
    return {k: shown(v) if isinstance(v, str) else v for k, v in params.items()}


def t(lang: str, message_id: str, **params: Any) -> str:
    pl, en = MESSAGES[message_id]
    return (pl if lang == "pl" else en).format(**_shown(params))


def problem_text(problem: Problem, lang: str) -> str:
    pl, en = PROBLEMS[problem.code]
    params = _shown(problem.params)
    text = (pl if lang == "pl" else en).format(**params)
    if params.get("suggestion"):
        text += "; " + (_SUGGEST[0] if lang == "pl" else _SUGGEST[1]).format(**params)
    return text


def describe_dataset_error(err: DatasetError, lang: str) -> str:
    lines = [t(lang, "dataset_invalid", path=err.path, count=len(err.problems))]
    for problem in err.problems:
        where = _localised_place(problem.where, lang)
        place = f"{shown(err.path)}: {shown(where)}" if where else shown(err.path)
        lines.append(f"  {place}: {problem_text(problem, lang)}")
    return "\n".join(lines)


def _localised_place(where: str, lang: str) -> str:
    # "line 5" is also the machine-readable place in `validate --format json`.
    if lang == "pl" and where.startswith("line "):
        return "wiersz " + where.removeprefix("line ")
    return where


def describe_error(err: OwesError, lang: str) -> str:
    """The full message for an error, with suggestions where we have them."""
    if isinstance(err, DatasetError):
        return describe_dataset_error(err, lang)
    params = {k: v for k, v in err.params.items() if isinstance(v, (str, int))}
    reason = str(params.get("reason", ""))
    if reason in REASONS:
        params["detail"] = REASONS[reason][0 if lang == "pl" else 1]
    lines = [t(lang, err.message_id, **params)]
    p = err.params
    if err.message_id == "county_outside_coverage":
        lines += [t(lang, "outside_match", name=n, teryt=c, voivodeship=v) for c, n, v in p["matches"]]
        lines.append(t(lang, "list_counties"))
    elif err.message_id == "county_ambiguous":
        for code, name, kind in p["candidates"]:
            lines.append(f"  {code}  {name} ({t(lang, 'kind_' + kind)})")
        lines.append(t(lang, "try_county", code=p["candidates"][0][0]))
    elif err.message_id == "centre_ambiguous":
        lines += [f"  {cid}" for cid in p["candidates"]]
    elif err.message_id in ("county_not_found", "county_code_unknown"):
        if p.get("suggestions"):
            lines.append(t(lang, "did_you_mean", options=", ".join(p["suggestions"])))
        lines.append(t(lang, "list_counties"))
    elif err.message_id == "centre_not_found":
        if p.get("suggestions"):
            lines.append(t(lang, "did_you_mean", options=", ".join(p["suggestions"])))
        lines.append(t(lang, "list_centres"))
    return "\n".join(lines)


# --------------------------------------------------------------------------
# Usage errors from Click, and --help, in the user's language
# --------------------------------------------------------------------------


def describe_usage_error(err: Any, lang: str) -> str:
    from typer._click import exceptions as click_errors

    ctx = getattr(err, "ctx", None)
    command = ""
    if ctx is not None and ctx.parent is not None and ctx.info_name:
        command = ctx.info_name + " "
    message = err.format_message()
    if isinstance(err, click_errors.NoSuchOption):
        text = t(lang, "usage_no_option", name=err.option_name)
        if err.possibilities:
            text += " " + t(lang, "did_you_mean", options=", ".join(sorted(err.possibilities)))
    elif isinstance(err, click_errors.BadOptionUsage) and "requires an argument" in message:
        text = t(lang, "usage_needs_value", name=err.option_name)
    elif isinstance(err, click_errors.MissingParameter):
        param = err.param
        name = param.get_error_hint(ctx) if (param is not None and ctx is not None) else "?"
        text = t(lang, "usage_missing", name=name.replace("'", ""))
    elif message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        text = t(lang, "usage_no_command", name=name)
        import difflib

        group = ctx.command if ctx is not None else None
        commands = list(getattr(group, "commands", {}) or {})
        guess = difflib.get_close_matches(name, commands, n=3, cutoff=0.5)
        if guess:
            text += " " + t(lang, "did_you_mean", options=", ".join(guess))
    else:
        text = t(lang, "usage_other", detail=message)
    return text + "\n" + t(lang, "usage_help", command=command)


HELP: dict[str, tuple[str, str]] = {
    "owes": ("Katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES) województwa lubuskiego: "
             "który ośrodek obsługuje Twój powiat, kto go prowadzi, co oferuje i skąd to wiemy.",
             "Directory of the Social Economy Support Centres (OWES) of Lubuskie: which centre "
             "serves your county, who runs it, what it offers, and where each fact comes from."),
    "which-centre": ("Który ośrodek obsługuje powiat (w dowolnej formie: „żarskim”, „Gorzów Wlkp.”, 0811).",
                     "Which centre serves a county (in any form: “żarskim”, “Gorzów Wlkp.”, 0811)."),
    "centres": ("Lista ośrodków we wszystkich okresach.", "List the centres of every period."),
    "centre": ("Jeden ośrodek, ze wszystkim, co o nim wiemy.", "Show one centre in full."),
    "counties": ("Powiaty regionu i ośrodek każdego z nich w wybranym dniu.",
                 "List the region's counties with each one's centre on a given day."),
    "services": ("Usługi ośrodków, opcjonalnie jednego ośrodka.",
                 "List the centres' services, optionally of one centre."),
    "audiences": ("Dla kogo są ośrodki.", "List who the centres are for."),
    "sources": ("Skąd pochodzą dane, z datami.", "List where the data comes from, with dates."),
    "validate": ("Sprawdź zbiór danych i zgłoś każdy problem z jego miejscem.",
                 "Check a dataset and report every problem with its place."),
}

PARAM_HELP: dict[str, tuple[str, str]] = {
    "county": ("Powiat: nazwa w dowolnym przypadku, z polskimi znakami lub bez, albo kod TERYT.",
               "County: its name in any case, with or without Polish letters, or its TERYT code."),
    "on": ("Odpowiedz według stanu na ten dzień (RRRR-MM-DD); domyślnie dziś.",
           "Answer as of this day (YYYY-MM-DD); today by default."),
    "fmt": ("Format wyniku: auto (tabela w terminalu, zwykły tekst w potoku), table, plain, json, csv.",
            "Output format: auto (a table on a terminal, plain text when piped), table, plain, json, csv."),
    "lang": ("Język komunikatów: pl albo en (domyślnie OWES_LANG, potem locale).",
             "Language of messages: pl or en (default: OWES_LANG, then the locale)."),
    "data": ("Inny plik danych (także zmienna OWES_DATA); domyślnie dane dołączone do programu.",
             "Another dataset file (also the OWES_DATA variable); the bundled data by default."),
    "centre_id": ("Identyfikator ośrodka, np. zielona-gora-2013 (lista: owes centres).",
                  "A centre's id, e.g. zielona-gora-2013 (see owes centres)."),
    "path": ("Plik do sprawdzenia; domyślnie --data albo dane dołączone.",
             "The file to check; --data or the bundled data by default."),
}


def localise_help(group: Any, lang: str) -> None:
    """Put the chosen language's help text on the commands and options."""
    index = 0 if lang == "pl" else 1
    group.help = HELP["owes"][index]
    for name, command in getattr(group, "commands", {}).items():
        if name in HELP:
            command.help = HELP[name][index]
            command.short_help = None
        for param in command.params:
            if param.name in PARAM_HELP and hasattr(param, "help"):
                param.help = PARAM_HELP[param.name][index]
