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
    "query_empty": (
        "Podaj nazwę {what}; pusty tekst niczego nie wskazuje.",
        "Give the name {what}; empty text names nothing.",
    ),
    "query_too_long": (
        "Nazwa {what} jest za długa: najwyżej {limit} znaków.",
        "The name {what} is too long: at most {limit} characters.",
    ),
    "county_not_found": ("Nie znaleziono powiatu „{query}”.", "No county matches “{query}”."),
    "county_code_unknown": (
        "Kod TERYT „{query}” nie jest kodem żadnego powiatu w rejestrze TERYT.",
        "“{query}” is not the TERYT code of any county in the register.",
    ),
    "county_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych (województwo {region}):",
        "“{query}” lies outside this dataset's coverage (województwo {region}):",
    ),
    "county_ambiguous": (
        "„{query}” pasuje do kilku powiatów; wybierz jeden:",
        "“{query}” fits several counties; choose one:",
    ),
    "centre_not_found": ("Nie ma ośrodka o identyfikatorze „{query}”.", "There is no centre with the id “{query}”."),
    "centre_ambiguous": (
        "„{query}” pasuje do kilku ośrodków; wybierz jeden:",
        "“{query}” fits several centres; choose one:",
    ),
    "bad_date": (
        "Niepoprawna data „{value}”: użyj formatu RRRR-MM-DD, np. 2014-06-01.",
        "Invalid date “{value}”: use YYYY-MM-DD, e.g. 2014-06-01.",
    ),
    "bad_lang": ("Nieznany język „{value}”: wybierz pl albo en.", "Unknown language “{value}”: choose pl or en."),
    "bad_format": (
        "Format „{value}” nie pasuje do tego polecenia: wybierz {choices}.",
        "The format “{value}” does not fit this command: choose {choices}.",
    ),
    "dataset_invalid": (
        "Zbiór danych {path} jest błędny (liczba problemów: {count}):",
        "The dataset {path} is invalid (problems: {count}):",
    ),
    "interrupted": ("Przerwano.", "Interrupted."),
    "output_exists": (
        "Plik {path} już istnieje; dodaj --force, aby go zastąpić.",
        "{path} already exists; add --force to replace it.",
    ),
    "output_not_regular": (
        "{path} nie jest zwykłym plikiem (urządzenie, potok?); zapisujemy tylko do plików.",
        "{path} is not a regular file (a device, a pipe?); we write only to files.",
    ),
    "output_is_dir": ("{path} to katalog; podaj nazwę pliku.", "{path} is a directory; give a file name."),
    "output_symlink": (
        "{path} to dowiązanie symboliczne; nie zapisujemy przez dowiązania.",
        "{path} is a symbolic link; we do not write through links.",
    ),
    "output_no_dir": (
        "Nie można zapisać {path}: katalog {dir} nie istnieje.",
        "Cannot write {path}: the directory {dir} does not exist.",
    ),
    "output_not_writable": (
        "Nie można zapisać {path}: brak uprawnień do katalogu {dir}.",
        "Cannot write {path}: no permission to write in {dir}.",
    ),
    "output_failed": (
        "Nie udało się zapisać {path}: {detail}. Poprzedni plik pozostał bez zmian.",
        "Could not write {path}: {detail}. Any previous file is unchanged.",
    ),
    "stdout_failed": ("Nie udało się wypisać wyniku: {detail}.", "Could not write the output: {detail}."),
    "output_tty": (
        "Nie wypisujemy pliku binarnego na terminal; przekieruj wynik (-o - > plik) albo podaj -o PLIK.",
        "We do not print a binary file to a terminal; redirect it (-o - > file) or give -o FILE.",
    ),
    # --- exported documents (owes export) ---------------------------------
    "doc_directory": ("Zestawienie ośrodków: {period}", "Directory of centres: {period}"),
    "doc_centre": ("Karta ośrodka", "Centre profile"),
    "doc_county": ("Który ośrodek obsługuje powiat {county}", "Which centre serves powiat {county}"),
    "doc_generated": ("Wygenerowano", "Generated"),
    "doc_data_as_of": ("Dane według stanu na", "Data as of"),
    "doc_answer_on": ("Odpowiedź na dzień", "Answer for"),
    "doc_page_of": ("Strona {page} z {pages}", "Page {page} of {pages}"),
    "doc_historical": ("Dokument historyczny", "Historical document"),
    "doc_overview": ("Powiaty i ich ośrodki", "Counties and their centres"),
    "doc_map": ("Mapa: który ośrodek obsługuje który powiat", "Map: which centre serves each county"),
    "doc_centre_counties_unknown": (
        "Nasze źródła nie podają, które powiaty obsługuje ten ośrodek.",
        "Our sources do not say which counties this centre serves.",
    ),
    "doc_about_sources": (
        "Każda informacja w tym dokumencie pochodzi z wymienionych źródeł. Czego źródła "
        "nie podają, oznaczono jako „brak w naszych źródłach”; niczego nie uzupełniamy "
        "domysłami.",
        "Every statement in this document comes from the sources listed. What the sources "
        "do not give is marked “not in our sources”; nothing is filled in by guesswork.",
    ),
    "doc_subject": (
        "Ośrodki Wsparcia Ekonomii Społecznej (OWES) w województwie lubuskim",
        "Social Economy Support Centres (OWES) in Lubuskie",
    ),
    "doc_keywords": ("OWES, ekonomia społeczna, lubuskie", "OWES, social economy, Lubuskie"),
    "service": ("Usługa", "Service"),
    "export_needs_output": (
        "Podaj, dokąd zapisać dokument: -o PLIK.pdf, -o PLIK.docx albo -o - --format pdf.",
        "Say where to write the document: -o FILE.pdf, -o FILE.docx or -o - --format pdf.",
    ),
    "output_empty": (
        "Podaj nazwę pliku w -o (albo -o -, aby pisać na standardowe wyjście).",
        "Give a file name with -o (or -o - to write to standard output).",
    ),
    "output_unknown_suffix": (
        "Nie wiem, jaki format ma mieć {path}: użyj końcówki {suffixes} albo podaj --format {choices}.",
        "Cannot tell the format of {path}: end it with {suffixes}, or give --format {choices}.",
    ),
    "output_suffix_mismatch": (
        "Końcówka pliku {path} nie pasuje do --format {format}.",
        "The file name {path} does not match --format {format}.",
    ),
    "export_one_subject": ("Podaj najwyżej jedno z --centre i --county.", "Give at most one of --centre and --county."),
    "which_centre_needs_place": (
        "Podaj, o jakie miejsce pytasz: --county POWIAT, --place MIEJSCOWOŚĆ albo "
        "--at SZER,DŁUG (np. --county żarski, --place Lubsko, "
        "--at 51.6417,15.1381).",
        "Say which place you mean: --county COUNTY, --place TOWN or --at LAT,LON "
        "(e.g. --county żarski, --place Lubsko, --at 51.6417,15.1381).",
    ),
    "which_centre_one_place": (
        "Podaj tylko jedno z --county, --place i --at (podano: {given}).",
        "Give only one of --county, --place and --at (given: {given}).",
    ),
    "place_not_found": ("Nie znaleziono miejscowości ani gminy „{query}”.", "No town or gmina matches “{query}”."),
    "place_code_unknown": (
        "„{query}” nie jest 7-cyfrowym kodem TERYT żadnej gminy ani miasta w rejestrze.",
        "“{query}” is not the 7-digit TERYT code of any gmina or town in the register.",
    ),
    "place_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych (województwo {region}):",
        "“{query}” lies outside this dataset's coverage (województwo {region}):",
    ),
    "place_ambiguous": (
        "„{query}” pasuje do miejsc w kilku powiatach; wybierz jedno:",
        "“{query}” fits places in several counties; choose one:",
    ),
    "place_match": (
        "  {name} ({teryt}, {kind_label}), powiat {county}, województwo {voivodeship}",
        "  {name} ({teryt}, {kind_label}), powiat {county}, województwo {voivodeship}",
    ),
    "try_place": ("Spróbuj: owes which-centre --place {code}", "Try: owes which-centre --place {code}"),
    "list_places": (
        "Miejscowości i gminy powiatu: owes places --county POWIAT",
        "A county's towns and gminas: owes places --county COUNTY",
    ),
    "bad_coordinates": (
        "Nie rozumiem współrzędnych „{value}”: podaj szerokość, potem długość geograficzną, "
        "np. --at 51.6417,15.1381 (Żary).",
        "Cannot read the coordinates “{value}”: give latitude, then longitude, e.g. --at 51.6417,15.1381 (Żary).",
    ),
    "latitude_out_of_range": (
        "Szerokość geograficzna {lat} jest poza zakresem −90…90 (najpierw szerokość, "
        "potem długość, np. --at 51.6417,15.1381).",
        "The latitude {lat} is outside −90…90 (latitude comes first, then longitude, e.g. --at 51.6417,15.1381).",
    ),
    "longitude_out_of_range": (
        "Długość geograficzna {lon} jest poza zakresem −180…180.",
        "The longitude {lon} is outside −180…180.",
    ),
    "point_outside_coverage": (
        "Punkt {at} leży w województwie {voivodeship}, poza zasięgiem tych danych (województwo {region}).",
        "The point {at} lies in województwo {voivodeship}, outside this dataset's coverage (województwo {region}).",
    ),
    "point_outside_poland": (
        "Punkt {at} leży poza Polską; te dane obejmują województwo {region}.",
        "The point {at} lies outside Poland; this dataset covers województwo {region}.",
    ),
    "point_on_border": (
        "Punkt {at} leży na granicy gmin województwa {region}; podaj punkt wewnątrz gminy albo użyj --place.",
        "The point {at} lies on a boundary of województwo {region}'s gminas; give a point "
        "inside a gmina, or use --place.",
    ),
    "point_swapped": (
        "Czy chodziło o --at {swapped}? Najpierw szerokość, potem długość geograficzna.",
        "Did you mean --at {swapped}? Latitude comes first, then longitude.",
    ),
    "argument_too_long": (
        "Argument nr {position} jest za długi ({length} znaków; najwyżej {limit}).",
        "Argument {position} is too long ({length} characters; at most {limit}).",
    ),
    "usage_no_command": ("Nie ma polecenia „{name}”.", "There is no command “{name}”."),
    "usage_no_option": ("Nieznana opcja {name}.", "Unknown option {name}."),
    "usage_missing": ("Brakuje {name}.", "{name} is missing."),
    "usage_needs_value": ("Opcja {name} wymaga wartości.", "The option {name} needs a value."),
    "usage_other": ("Błąd wywołania: {detail}", "Usage error: {detail}"),
    "usage_extra_args": (
        'Nadmiarowe słowa: {words}. Nazwę z kilku słów ujmij w cudzysłów, np. --place "Nowa Sól".',
        'Unexpected extra words: {words}. Put a name of several words in quotes, e.g. --place "Nowa Sól".',
    ),
    "usage_help": ("Pomoc: owes {command}--help", "Help: owes {command}--help"),
    "did_you_mean": ("Czy chodziło o: {options}?", "Did you mean: {options}?"),
    "try_county": ("Spróbuj: owes which-centre --county {code}", "Try: owes which-centre --county {code}"),
    "list_counties": ("Lista powiatów: owes counties", "All counties: owes counties"),
    "list_centres": ("Lista ośrodków: owes centres", "All centres: owes centres"),
    "outside_match": ("  {name} ({teryt}), województwo {voivodeship}", "  {name} ({teryt}), województwo {voivodeship}"),
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
        "Uwaga: „{name}” to także {kind_label} ({teryt}) w powiecie {county}, "
        "województwo {voivodeship}, poza zasięgiem tych danych.",
        "Note: “{name}” is also the name of the {kind_label} {teryt} in powiat {county}, "
        "województwo {voivodeship}, outside this dataset's coverage.",
    ),
    "place_more_outside": (
        "Uwaga: pasuje też {count} innych miejsc poza zasięgiem tych danych.",
        "Note: {count} more places outside this dataset's coverage fit too.",
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
    "status_historical_open": ("dane historyczne: nowszych danych nie mamy", "historical: we have no later data"),
    "status_upcoming": (
        "przed pierwszym znanym okresem, który zaczyna się {start}",
        "before the first known period, which starts on {start}",
    ),
    "coverage_unknown": (
        "Źródła nie podają, który z tych ośrodków obsługuje powiat {county}.",
        "Our sources do not say which of these centres serves powiat {county}.",
    ),
    "coverage_none": (
        "W tym okresie żaden ośrodek nie obsługiwał powiatu {county}.",
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
    "map_title": (
        "Ośrodki Wsparcia Ekonomii Społecznej, województwo lubuskie",
        "Social Economy Support Centres (OWES), Lubuskie",
    ),
    "map_on": ("Stan na {on}", "As of {on}"),
    "map_seat": ("siedziba ośrodka", "seat of a centre"),
    "map_unknown": ("który ośrodek: brak w naszych źródłach", "which centre: not in our sources"),
    "map_none": ("żaden ośrodek", "no centre"),
    "map_emphasised": ("{county}: powiat, o który pytano", "{county}: the county asked about"),
    "map_alt": (
        "Mapa powiatów województwa lubuskiego w kolorach obsługujących je ośrodków",
        "Map of the counties of Lubuskie in the colours of the centres that serve them",
    ),
    "map_credits": (
        "Granice: {boundaries} ({boundaries_as_of}). Powiaty: TERYT, GUS ({teryt_as_of}).",
        "Boundaries: {boundaries} ({boundaries_as_of}). Counties: TERYT, GUS ({teryt_as_of}).",
    ),
    "map_written": ("Zapisano mapę: {path}", "Map written: {path}"),
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
    "contact": ("Telefon, e-mail", "Phone, e-mail"),
    "undated": ("bez daty", "undated"),
    "milestone_start": ("początek: {period}", "start: {period}"),
    "milestone_end": ("koniec: {period}", "end: {period}"),
    "milestone_address": ("adres: {address}", "address: {address}"),
    "milestone_reported": ("(data publikacji) {text}", "(date reported) {text}"),
    "periods": ("Okresy", "Periods"),
    "history": ("Historia", "History"),
    "what": ("Co", "What"),
    "period_centres": ("Ośrodki okresu", "Centres of the period"),
    "history_needs_one": (
        "Podaj dokładnie jedno: --county NAZWA albo --centre ID.",
        "Give exactly one of --county NAME or --centre ID.",
    ),
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
        "Zbiór danych {path} jest poprawny: {centres} ośrodki, {counties} powiatów, {sources} źródeł.",
        "The dataset {path} is valid: {centres} centres, {counties} counties, {sources} sources.",
    ),
    # The spreadsheet export (helper "map"): sheet names and column headers, and its one usage error.
    "xlsx_counties_by_period": ("Powiaty w okresach", "Counties by period"),
    "xlsx_from": ("Od", "From"),
    "xlsx_to": ("Do", "To"),
    "xlsx_phones": ("Telefon", "Phone"),
    "xlsx_emails": ("E-mail", "E-mail"),
    "xlsx_county": ("Powiat", "County"),
    "xlsx_teryt": ("TERYT", "TERYT"),
    "xlsx_kind": ("Rodzaj", "Kind"),
    "xlsx_centre_or_candidates": ("Ośrodek (albo ośrodki okresu)", "Centre (or the period's centres)"),
    "xlsx_audience": ("Adresaci", "Audience"),
    "xlsx_quotes": ("Cytaty", "Quotes"),
    "xlsx_whole_dataset": (
        "Arkusz obejmuje cały zbiór danych: pomiń --centre, --county i --on albo wybierz PDF lub Word.",
        "A spreadsheet holds the whole dataset: leave out --centre, --county and --on, or choose PDF or Word.",
    ),
}

PROBLEMS: dict[str, tuple[str, str]] = {
    "no_such_file": ("plik nie istnieje", "the file does not exist"),
    "is_directory": ("to katalog, a nie plik", "this is a directory, not a file"),
    "unreadable": ("brak uprawnień do odczytu", "permission denied"),
    "not_regular": (
        "to nie jest zwykły plik (urządzenie, potok lub gniazdo)",
        "this is not a regular file (a device, pipe or socket)",
    ),
    "bad_path": ("ścieżka zawiera znak NUL", "the path contains a NUL character"),
    "too_deep": ("zbyt głęboko zagnieżdżone tablice lub tabele", "arrays or tables nested too deeply"),
    "os_error": ("nie można odczytać pliku: {detail}", "the file cannot be read: {detail}"),
    "too_large": ("plik ma {size} bajtów; limit to {limit}", "the file has {size} bytes; the limit is {limit}"),
    "bom": (
        "plik zaczyna się znacznikiem BOM; zapisz go jako UTF-8 bez BOM",
        "the file starts with a byte-order mark; save it as UTF-8 without BOM",
    ),
    "binary": (
        "plik zawiera bajt NUL; to nie jest plik tekstowy TOML",
        "the file contains NUL bytes; it is not a TOML text file",
    ),
    "not_utf8": (
        "plik nie jest zapisany w UTF-8 (może w ISO-8859-2 lub Windows-1250?)",
        "the file is not UTF-8 (perhaps ISO-8859-2 or Windows-1250?)",
    ),
    "empty": ("plik jest pusty", "the file is empty"),
    "toml_syntax": ("błąd składni TOML: {detail}", "TOML syntax error: {detail}"),
    "wrong_type": ("oczekiwano typu {expected}, jest {got}", "expected {expected}, found {got}"),
    "unknown_key": ("nieznany klucz „{key}”", "unknown key “{key}”"),
    "missing_key": ("brak wymaganego klucza „{key}”", "the required key “{key}” is missing"),
    "schema_version": (
        "wersja schematu {got} nie jest obsługiwana (obsługiwana: {expected})",
        "schema version {got} is not supported (supported: {expected})",
    ),
    "empty_string": ("pusty tekst", "empty text"),
    "control_character": (
        "znak sterujący {code} na pozycji {at}; dane mają być zwykłym tekstem",
        "the control character {code} at position {at}; data must be plain text",
    ),
    "empty_list": ("pusta lista", "empty list"),
    "bad_choice": ("„{got}” nie jest jedną z wartości: {choices}", "“{got}” is not one of: {choices}"),
    "bad_url": ("„{got}” nie jest adresem http(s)", "“{got}” is not an http(s) address"),
    "bad_date": (
        "„{got}” nie jest datą RRRR, RRRR-MM ani RRRR-MM-DD",
        "“{got}” is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "bad_teryt": ("„{got}” nie jest kodem TERYT", "“{got}” is not a TERYT code"),
    "no_sources": (
        "fakt bez źródła: podaj co najmniej jedno źródło",
        "a fact with no source: give at least one source",
    ),
    "duplicate_id": ("identyfikator „{id}” powtarza się", "the id “{id}” is used twice"),
    "unknown_ref": ("„{id}” nie istnieje w tabeli {table}", "“{id}” does not exist in {table}"),
    "county_outside_region": ("powiat {code} nie leży w regionie {region}", "county {code} is not in region {region}"),
    "county_not_in_teryt": ("kodu {code} nie ma w rejestrze TERYT", "the code {code} is not in the TERYT register"),
    "county_name_mismatch": (
        "w rejestrze TERYT powiat {code} nazywa się „{expected}”, nie „{got}”",
        "in the TERYT register county {code} is called “{expected}”, not “{got}”",
    ),
    "unknown_county": ("powiatu {code} nie ma w tabeli counties", "county {code} is not in the counties table"),
    "county_two_centres": (
        "powiat {code} ma dwa ośrodki w tym samym czasie: {centre} i {other}",
        "county {code} has two centres at the same time: {centre} and {other}",
    ),
    "end_before_start": ("koniec {end} jest przed początkiem {start}", "the end {end} is before the start {start}"),
    "event_undated": ("wydarzenie bez daty: podaj date lub reported", "an event with no date: give date or reported"),
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
    "unencodable_path": (
        "nazwy pliku nie da się zapisać w kodowaniu systemu plików",
        "the file name cannot be encoded for the file system",
    ),
}

# What a query names, for "give a name (…)".
WHAT: dict[str, tuple[str, str]] = {
    "county": ("powiatu", "of a county"),
    "centre": ("ośrodka", "of a centre"),
    "place": ("miejscowości lub gminy", "of a town or gmina"),
}

_SUGGEST = ("czy chodziło o „{suggestion}”?", "did you mean “{suggestion}”?")


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
    if params.get("what") in WHAT:
        params["what"] = WHAT[str(params["what"])][0 if lang == "pl" else 1]
    lines = [t(lang, err.message_id, **params)]
    p = err.params
    if err.message_id == "county_outside_coverage":
        lines += [t(lang, "outside_match", name=n, teryt=c, voivodeship=v) for c, n, v in p["matches"]]
        lines.append(t(lang, "list_counties"))
    elif err.message_id == "county_ambiguous":
        for code, name, kind in p["candidates"]:
            lines.append(f"  {code}  {name} ({t(lang, 'kind_' + kind)})")
        lines.append(t(lang, "try_county", code=p["candidates"][0][0]))
    elif err.message_id == "place_outside_coverage":
        lines += [_place_match(match, lang) for match in p["matches"]]
        if p.get("suggestions"):
            lines.append(t(lang, "did_you_mean", options=", ".join(p["suggestions"])))
    elif err.message_id == "place_ambiguous":
        lines += [_place_match(match, lang) for match in p["candidates"]]
        lines.append(t(lang, "try_place", code=p["candidates"][0]["teryt"]))
    elif err.message_id in ("place_not_found", "place_code_unknown"):
        if p.get("suggestions"):
            lines.append(t(lang, "did_you_mean", options=", ".join(p["suggestions"])))
        lines.append(t(lang, "list_places"))
    elif err.message_id.startswith("point_") and p.get("swapped"):
        lines.append(t(lang, "point_swapped", swapped=p["swapped"]))
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


def _place_match(match: dict[str, str], lang: str) -> str:
    return t(lang, "place_match", kind_label=t(lang, "kind_" + match["kind"]), **match)


def note_text(note: dict[str, Any], lang: str) -> str:
    """A note carried by an answer view, as a sentence."""
    params = {k: v for k, v in note.items() if k != "id"}
    if "kind" in params:
        params["kind_label"] = t(lang, "kind_" + params["kind"])
    return t(lang, note["id"], **params)


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
    elif message.startswith("Got unexpected extra argument"):
        words = message.rsplit("(", 1)[1].rstrip(")") if "(" in message else message
        text = t(lang, "usage_extra_args", words=words)
    else:
        text = t(lang, "usage_other", detail=message)
    return text + "\n" + t(lang, "usage_help", command=command)


HELP: dict[str, tuple[str, str]] = {
    "owes": (
        "Katalog Ośrodków Wsparcia Ekonomii Społecznej (OWES) województwa lubuskiego: "
        "który ośrodek obsługuje Twój powiat, kto go prowadzi, co oferuje i skąd to wiemy.",
        "Directory of the Social Economy Support Centres (OWES) of Lubuskie: which centre "
        "serves your county, who runs it, what it offers, and where each fact comes from.",
    ),
    "which-centre": (
        "Który ośrodek obsługuje powiat, miejscowość, gminę albo punkt na mapie "
        "(--county żarski, --place Lubsko, --at 51.6417,15.1381).",
        "Which centre serves a county, town, gmina or point (--county żarski, --place Lubsko, --at 51.6417,15.1381).",
    ),
    "places": (
        "Miejscowości i gminy powiatu (albo całego regionu) z kodami TERYT.",
        "List the towns and gminas of a county (or of the whole region) with their TERYT codes.",
    ),
    "place": (
        "Wszystko, co wiemy o jednej miejscowości lub gminie: gmina, powiat, ośrodek w każdym okresie.",
        "Show everything known about one town or gmina: its gmina, county and centre in each period.",
    ),
    "map": (
        "Zapisz mapę powiatów regionu w kolorach obsługujących je ośrodków (SVG albo PNG).",
        "Draw the region's counties coloured by the centre serving them, as SVG or PNG.",
    ),
    "centres": ("Lista ośrodków we wszystkich okresach.", "List the centres of every period."),
    "centre": ("Jeden ośrodek, ze wszystkim, co o nim wiemy.", "Show one centre in full."),
    "counties": (
        "Powiaty regionu i ośrodek każdego z nich w wybranym dniu.",
        "List the region's counties with each one's centre on a given day.",
    ),
    "services": (
        "Usługi ośrodków, opcjonalnie jednego ośrodka.",
        "List the centres' services, optionally of one centre.",
    ),
    "audiences": ("Dla kogo są ośrodki.", "List who the centres are for."),
    "sources": ("Skąd pochodzą dane, z datami.", "List where the data comes from, with dates."),
    "history": (
        "Historia powiatu we wszystkich okresach (--county) albo jednego ośrodka (--centre).",
        "The history of a county across all periods (--county), or of one centre (--centre).",
    ),
    "periods": (
        "Programy i okresy działania ośrodków, ze źródłami.",
        "List the programmes and periods of the centres, with their sources.",
    ),
    "validate": (
        "Sprawdź zbiór danych i zgłoś każdy problem z jego miejscem.",
        "Check a dataset and report every problem with its place.",
    ),
    "export": (
        "Zapisz zestawienie jako dokument PDF lub Word: cały okres, jeden ośrodek (--centre) "
        "albo odpowiedź dla powiatu (--county); albo cały zbiór danych jako arkusz (-o PLIK.xlsx).",
        "Export a printable PDF or Word document: the whole period, one centre (--centre) "
        "or the answer for one county (--county); or the whole dataset as a spreadsheet (-o FILE.xlsx).",
    ),
}

PARAM_HELP: dict[str, tuple[str, str]] = {
    "county": (
        "Powiat: nazwa w dowolnym przypadku, z polskimi znakami lub bez, albo kod TERYT.",
        "County: its name in any case, with or without Polish letters, or its TERYT code.",
    ),
    "on": (
        "Odpowiedz według stanu na ten dzień (RRRR-MM-DD); domyślnie dziś.",
        "Answer as of this day (YYYY-MM-DD); today by default.",
    ),
    "fmt": (
        "Format wyniku: auto (tabela w terminalu, zwykły tekst w potoku), table, plain, json, csv.",
        "Output format: auto (a table on a terminal, plain text when piped), table, plain, json, csv.",
    ),
    "lang": (
        "Język komunikatów: pl albo en (domyślnie OWES_LANG, potem locale).",
        "Language of messages: pl or en (default: OWES_LANG, then the locale).",
    ),
    "data": (
        "Inny plik danych (także zmienna OWES_DATA); domyślnie dane dołączone do programu.",
        "Another dataset file (also the OWES_DATA variable); the bundled data by default.",
    ),
    "place": (
        "Miejscowość albo gmina: nazwa w dowolnej formie („w Żarach”, „Sulechow”) lub 7-cyfrowy kod TERYT.",
        "A town or gmina: its name in any form (“w Żarach”, “Sulechow”) or its 7-digit TERYT code.",
    ),
    "at": (
        "Punkt: szerokość, potem długość geograficzna (WGS84, jak w telefonie), np. --at 51.6417,15.1381 dla Żar.",
        "A point: latitude first, then longitude (WGS84, as a phone gives them), e.g. --at 51.6417,15.1381 for Żary.",
    ),
    "name": (
        "Nazwa miejscowości lub gminy albo jej 7-cyfrowy kod TERYT.",
        "The name of a town or gmina, or its 7-digit TERYT code.",
    ),
    # Help for one command's option, where the same name means different things.
    "map.output": (
        "Plik do zapisania (.svg albo .png); „-” wypisuje na standardowe wyjście.",
        "The file to write (.svg or .png); “-” writes to standard output.",
    ),
    "image_format": (
        "svg albo png; domyślnie według rozszerzenia pliku.",
        "svg or png; by default from the file's extension.",
    ),
    "force": ("Zastąp istniejący plik.", "Replace an existing file."),
    "centre_id": (
        "Identyfikator ośrodka, np. zielona-gora-2013 (lista: owes centres).",
        "A centre's id, e.g. zielona-gora-2013 (see owes centres).",
    ),
    "show_version": ("Pokaż wersję i zakończ.", "Show the version and exit."),
    "export.output": (
        "Plik wynikowy (.pdf lub .docx); „-” wypisuje dokument na standardowe wyjście, jeśli nie jest nim terminal.",
        "The file to write (.pdf or .docx); “-” writes the document to stdout when that is not a terminal.",
    ),
    "doc_format": (
        "Format dokumentu: pdf albo docx; domyślnie według końcówki pliku.",
        "Document format: pdf or docx; taken from the file name by default.",
    ),
    "path": (
        "Plik do sprawdzenia; domyślnie --data albo dane dołączone.",
        "The file to check; --data or the bundled data by default.",
    ),
}


METAVARS: dict[str, tuple[str, str]] = {
    "county": ("NAZWA", "NAME"),
    "name": ("NAZWA", "NAME"),
    "path": ("[PLIK]", "[PATH]"),
    "data": ("PLIK", "PATH"),
    "on": ("RRRR-MM-DD", "YYYY-MM-DD"),
}

# The words Click puts in --help around our own texts.
HELP_WORDS: dict[str, tuple[str, str]] = {
    "Usage": ("Użycie", "Usage"),
    "Options": ("Opcje", "Options"),
    "Arguments": ("Argumenty", "Arguments"),
    "Commands": ("Polecenia", "Commands"),
    "[required]": ("[wymagane]", "[required]"),
}


def help_word(word: str) -> str:
    pair = HELP_WORDS.get(word)
    return (pair[0] if active_lang() == "pl" else pair[1]) if pair else word


HELP_OPTION = ("Pokaż tę pomoc i zakończ.", "Show this help and exit.")


class _HelpContext:
    help_option_names = ["-h", "--help"]


def localise_help(group: Any, lang: str) -> None:
    """Put the chosen language's help text on the commands and options."""
    index = 0 if lang == "pl" else 1
    group.help = HELP["owes"][index]
    for command in [group, *getattr(group, "commands", {}).values()]:
        if command is not group and command.name in HELP:
            command.help = HELP[command.name][index]
            command.short_help = None
        # Click builds --help lazily with English text; build it now and translate it.
        help_option = command.get_help_option(_HelpContext())
        if help_option is not None:
            help_option.help = HELP_OPTION[index]
        for param in command.params:
            texts = PARAM_HELP.get(f"{command.name}.{param.name}") or PARAM_HELP.get(param.name or "")
            if texts and hasattr(param, "help"):
                param.help = texts[index]
            if param.name in METAVARS:
                param.metavar = METAVARS[param.name][index]
