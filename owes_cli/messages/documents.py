"""The words of what a lookup does not print: exported documents, the web page, the map and the
spreadsheet (DOCUMENTS), a dataset's problems (PROBLEMS) and why a file could not be written
(REASONS), in Polish and English.

Loaded by `messages.t` when it is asked for a message that the catalogue itself does not hold,
so a lookup does not load them (a third of the catalogue's text): a message may live in either
module and be found; here are those no lookup, listing or error of a lookup uses.
"""

DOCUMENTS: dict[str, tuple[str, str]] = {
    # The web page's texts (those with {…} are filled in by its script), the exported documents, the map.
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
    "export_needs_output": (
        "Podaj, dokąd zapisać dokument: -o PLIK.pdf, -o PLIK.docx albo -o - --format pdf.",
        "Say where to write the document: -o FILE.pdf, -o FILE.docx or -o - --format pdf.",
    ),
    "export_one_subject": (
        "Podaj --centre albo miejsce (--county, --place, --at), nie oba.",
        "Give --centre or a place (--county, --place, --at), not both.",
    ),
    "map_before_next": (
        "Stan przed {next} (początkiem następnego okresu)",
        "Before {next} (when the next period began)",
    ),
    "map_title": (
        "Ośrodki Wsparcia Ekonomii Społecznej, województwo lubuskie",
        "Social Economy Support Centres (OWES), Lubuskie",
    ),
    "map_on": ("Stan na {on}", "As of {on}"),
    "map_seat": ("siedziba ośrodka", "seat of a centre"),
    "map_unknown": ("który ośrodek: brak w naszych źródłach", "which centre: not in our sources"),
    "map_none": ("żaden ośrodek", "no centre"),
    "map_all_unknown": (
        "Na ten dzień nasze źródła nie podają, który ośrodek obsługuje który powiat.",
        "For this day our sources do not say which centre serves which county.",
    ),
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
    "xlsx_written": ("Zapisano arkusz kalkulacyjny: {path}", "Spreadsheet written: {path}"),
    "doc_continued": ("{heading} (cd.)", "{heading} (continued)"),
    # The spreadsheet export: sheet names and column headers.
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
    "web_intro": (
        "Który Ośrodek Wsparcia Ekonomii Społecznej (OWES) obsługuje Twój powiat, gminę lub miejscowość, "
        "kto go prowadzi i skąd to wiemy. Strona działa bez internetu.",
        "Which Social Economy Support Centre (OWES) serves your county, gmina or town, who runs it "
        "and where each fact comes from. The page works offline.",
    ),
    "web_subtitle": ("Katalog OWES: {region}", "OWES directory: {region}"),
    "web_search": ("Szukaj", "Search"),
    "web_search_label": (
        "Powiat, miasto, gmina, miejscowość lub kod TERYT",
        "County, town, gmina, village or TERYT code",
    ),
    "web_search_hint": (
        "Np. żarski, w powiecie żarskim, Żary, Zary, Bledzew, 0811 albo punkt: 51.6417,15.1381. "
        "Polskie litery nie są konieczne.",
        "E.g. żarski, w powiecie żarskim, Żary, Zary, Bledzew, 0811, or a point: 51.6417,15.1381. "
        "Polish letters are optional.",
    ),
    "web_search_button": ("Pokaż ośrodek", "Show the centre"),
    "web_answer": ("Odpowiedź", "Answer"),
    "web_answer_empty": (
        "Wpisz nazwę powyżej albo wybierz powiat na mapie.",
        "Type a name above or choose a county on the map.",
    ),
    "web_map": ("Mapa: ośrodki według powiatów", "Map: centres by county"),
    "web_map_hint": (
        "Każdy powiat na mapie jest odnośnikiem do jego odpowiedzi.",
        "Each county on the map is a link to its answer.",
    ),
    "web_by_centre": ("Powiaty według ośrodka", "Counties by centre"),
    "web_directory": ("Ośrodki", "Centres"),
    "web_made": ("Strona utworzona {when} przez owes {version}.", "Page made {when} by owes {version}."),
    "web_answer_for": ("Odpowiedź dla: „{query}”", "Answer for “{query}”"),
    "web_ambiguous": (
        "„{query}” pasuje do miejsc w kilku powiatach; wybierz jedno:",
        "“{query}” fits places in several counties; choose one:",
    ),
    "web_outside": (
        "„{query}” leży poza obszarem katalogu ({region}):",
        "“{query}” is outside this directory's region ({region}):",
    ),
    "web_not_found": (
        "„{query}” nie ma w rejestrze miejsc regionu ({region}) ani wśród powiatów, miast i gmin Polski, "
        "które zna ta strona.",
        "“{query}” is not in the register of the region's places ({region}), nor among the counties, "
        "towns and gminas of Poland this page knows.",
    ),
    "web_in_region": ("W regionie:", "In the region:"),
    "web_suggestions": ("Czy chodziło o:", "Did you mean:"),
    "web_empty": ("Wpisz nazwę lub kod.", "Type a name or a code."),
    "web_postal_code": (
        "„{query}” wygląda na kod pocztowy; kodów pocztowych nie ma w naszych danych. Wpisz nazwę miejscowości.",
        "“{query}” looks like a postal code; postal codes are not in our data. Type the town's name.",
    ),
    # The page answers for the reader's day (issue 23): the heading leads with the centre, then says the day once.
    "web_heading": ("{lead} — {subject}, na dzień {day}", "{lead} — {subject}, on {day}"),
    "web_heading_past": (
        "{lead} — {subject}, na dzień {day} (stan historyczny)",
        "{lead} — {subject}, for {day} (historical)",
    ),
    "web_lead_candidates": ("{names} (nie wiadomo który)", "{names} (not known which)"),
    "web_lead_none": ("Żaden znany ośrodek", "No known centre"),
    "web_subject": ("powiat {name}", "{name} county"),
    "web_on_day": ("na dzień", "on the day"),
    # The browser writes the date field in its own locale's order (01/31/2026 in an English
    # Chromium, whatever the page's language): the day chosen is said beside it in the page's.
    "web_day_chosen": ("wybrany dzień: {day}", "day chosen: {day}"),
    "web_day_format": ("{d}.{m}.{y}", "{y}-{m}-{d}"),
    "web_on_day_hint": (
        "Dziś według zegara tego urządzenia; wybierz inny dzień, by zapytać o niego.",
        "Today by this device's clock; choose another day to ask about it.",
    ),
    "web_query_cut": (
        "Zapytanie jest dłuższe niż {limit} znaków; szukam jego początku.",
        "The query is longer than {limit} characters; searching for its beginning.",
    ),
    "web_bad_address": (
        "Adres strony nie jest poprawnym zapytaniem; wpisz nazwę lub kod.",
        "The page's address is not a valid query; type a name or a code.",
    ),
    "web_no_script": (
        "Wyszukiwanie wymaga JavaScriptu. Bez niego poniżej jest odpowiedź dla każdego powiatu na dzień {day}.",
        "The search needs JavaScript. Without it, below is every county's answer for {day}.",
    ),
    "web_counties": ("Odpowiedź dla każdego powiatu na dzień {day}", "Every county's answer for {day}"),
    "web_point": ("Punkt {at}", "The point {at}"),
    "web_point_outside": (
        "Punkt {at} nie leży w żadnej gminie ({region}): jest poza regionem albo na granicy gmin.",
        "The point {at} is in no gmina of {region}: it lies outside the region or on a boundary of its gminas.",
    ),
    "web_point_swapped": (
        "Czytane odwrotnie, {swapped} leży w regionie; najpierw szerokość, potem długość geograficzna:",
        "Read the other way round, {swapped} lies in the region; latitude comes first:",
    ),
    "web_point_range": (
        "„{query}”: szerokość geograficzna musi leżeć między -90 a 90, długość między -180 a 180.",
        "“{query}”: the latitude must lie between -90 and 90, the longitude between -180 and 180.",
    ),
    "web_outside_namesakes": (
        "Poza regionem: {count:# miejsce|# miejsca|# miejsc} o tej nazwie.",
        "Outside the region: {count:# place|# places} of this name.",
    ),
    "web_where_am_i": ("Gdzie jestem?", "Where am I?"),
    "web_where_am_i_hint": (
        "Pyta przeglądarkę o położenie tego urządzenia dopiero po kliknięciu; nigdzie go nie wysyła.",
        "Asks the browser for this device's position only when clicked; sends it nowhere.",
    ),
    "web_position_failed": ("Nie udało się ustalić położenia: {reason}", "The position is not known: {reason}"),
    "map_counties_without_boundaries": (
        "Mapa pokazuje {shown} z {total} powiatów tych danych: granice powiatów mamy tylko dla województwa "
        "lubuskiego, więc pozostałych powiatów ani ich ośrodków nie ma na mapie.",
        "The map shows {shown} of this dataset's {total} counties: we have county boundaries only for "
        "Lubuskie, so the other counties and their centres are not on it.",
    ),
    "xlsx_sheet_too_long": (
        "Arkusz „{sheet}” miałby {rows:,} wierszy, a owes zapisuje w arkuszu najwyżej {limit:,}, by eksport "
        "trwał krótko: nie zapisano pliku. Okresy jednego powiatu poda owes history --county POWIAT "
        "--format csv.",
        'The sheet "{sheet}" would have {rows:,} rows, and owes writes at most {limit:,} in a sheet so that '
        "the export stays quick: nothing was written. owes history --county COUNTY --format csv gives "
        "one county's periods.",
    ),
    "xlsx_too_many_rows": (
        "Arkusz „{sheet}” miałby {rows:,} wierszy, a Excel otwiera najwyżej {limit:,}: nie zapisano pliku. "
        "Zapisz je jako PDF lub HTML.",
        'The sheet "{sheet}" would have {rows:,} rows and Excel opens at most {limit:,}: nothing was written. '
        "Save it as PDF or HTML instead.",
    ),
    "html_too_many_answers": (
        "Strona miałaby {answers:,} odpowiedzi ({counties:,} powiatów × {steps:,} okresów, w których żadna "
        "odpowiedź się nie zmienia), a mieści najwyżej {limit:,}, by otwierała się szybko: nie zapisano pliku. "
        "Zapisz odpowiedzi na jeden dzień jako PDF (--on DZIEŃ) albo całe dane jako arkusz (.xlsx).",
        "The page would hold {answers:,} answers ({counties:,} counties × {steps:,} runs of days on which no "
        "answer changes), and it holds at most {limit:,} so that it opens quickly: nothing was written. "
        "Save one day's answers as a PDF (--on DAY) or the whole dataset as a spreadsheet (.xlsx).",
    ),
    "document_too_big": (
        "Dokument miałby {parts:,} części (nagłówków, akapitów, pól, punktów list i komórek tabel), a owes "
        "drukuje najwyżej {limit:,}, by eksport trwał krótko: nie zapisano pliku. Zapisz mniejszą część: "
        "kartę jednego powiatu (--county POWIAT) albo jeden ośrodek (--centre ID); całe dane zapisze arkusz "
        "(owes export -o PLIK.xlsx), a listę ośrodków owes centres --format csv.",
        "The document would hold {parts:,} parts (headings, paragraphs, fields, list items and table cells), "
        "and owes prints at most {limit:,} so that the export stays quick: nothing was written. Export a "
        "smaller part: one county's fact sheet (--county COUNTY) or one centre (--centre ID); a spreadsheet "
        "holds the whole dataset (owes export -o FILE.xlsx), and owes centres --format csv lists the centres.",
    ),
    "sheet_too_big": (
        "Karta miałaby {parts:,} części (głównie ośrodków, z których któryś może obsługiwać ten powiat), "
        "a jednostronicowa karta mieści najwyżej {limit:,}, by eksport trwał krótko: nie zapisano pliku. "
        "Te ośrodki wypisze owes which-centre z tym samym pytaniem i --full albo --format csv.",
        "The fact sheet would hold {parts:,} parts (mostly centres, any of which may serve this county), "
        "and a one-page sheet holds at most {limit:,} so that the export stays quick: nothing was written. "
        "owes which-centre with the same question and --full or --format csv lists those centres.",
    ),
    "map_nothing_to_draw": (
        "Nie da się narysować mapy: granice powiatów mamy tylko dla województwa lubuskiego, "
        "a żaden z {total} powiatów tych danych w nim nie leży.",
        "No map can be drawn: we have county boundaries only for Lubuskie, and none of this dataset's "
        "{total} counties lies there.",
    ),
    "sheet_question": ("Który OWES obsługuje {where}?", "Which OWES serves {where}?"),
    "sheet_question_gmina": ("Który OWES obsługuje gminę {name}?", "Which OWES serves gmina {name}?"),
    "sheet_question_locality": ("Który OWES obsługuje miejscowość {name}?", "Which OWES serves {name}?"),
    "sheet_land_county": ("powiat {name}", "powiat {name}"),
    "sheet_city_county": ("miasto {name}", "the city of {name}"),
    "sheet_in_land_county": ("w powiecie {name}", "in powiat {name}"),
    "sheet_in_city_county": ("w mieście {name}", "in the city of {name}"),
    "sheet_subtitle": ("Odpowiedź na dzień {on}", "Answer for {on}"),
    "sheet_period": ("{name}: {span}", "{name}: {span}"),
    "sheet_place": ("{place} leży {where}.", "{place} lies {where}."),
    "sheet_confirmed": (
        "Pewne: {count:wskazuje go źródło|wskazują go źródła|wskazują go źródła} nr {refs}.",
        "Certain: {count:source|sources} {refs} {count:names|name} this centre for {county}.",
    ),
    "sheet_unknown": (
        "Nasze źródła nie podają, który z tych {number} ośrodków działa {where}.",
        "Our sources do not say which of these {number} centres serves {county}.",
    ),
    "sheet_unknown_one": (
        "Nasze źródła nie podają, czy ten ośrodek działa {where}.",
        "Our sources do not say whether this centre serves {county}.",
    ),
    "sheet_last_confirmed": (
        "W przeszłości — ostatnio potwierdzony ({span}):",
        "In the past — last confirmed ({span}):",
    ),
    "sheet_no_confirmed": (
        "Żadne źródło nie wskazuje ośrodka {where}.",
        "No source names a centre for {county}.",
    ),
    "sheet_reach": (
        "{count:Jak dotrzeć do ośrodka|Jak dotrzeć do ośrodków|Jak dotrzeć do ośrodków}",
        "{count:How to reach the centre|How to reach the centres}",
    ),
    "sheet_described_at": ("Opisany na stronie", "Described at"),
    "sheet_colophon": (
        "Wygenerowano {generated} programem owes {version} ze zbioru „{dataset}”. {dates}. {register}",
        "Generated {generated} by owes {version} from “{dataset}”. {dates}. {register}",
    ),
    "sheet_sources": ("Źródła", "Sources"),
    "sheet_register": (
        "Rejestr powiatów: {register}, {publisher}, stan na {as_of}.",
        "County register: {register}, {publisher}, as of {as_of}.",
    ),
    "doc_sources_undated": ("źródła nie podają dat", "the sources give none"),
    "doc_some_undated": ("{dates}, część bez daty", "{dates}, some undated"),
    "sheet_dates": ("Daty źródeł: {years}", "Dates of the sources: {years}"),
    "doc_register_as_of": ("Rejestr powiatów (TERYT) według stanu na", "County register (TERYT) as of"),
    "doc_sources_label": ("Daty źródeł", "Dates of the sources"),
    "sheet_centre_dates": ("Daty ośrodka", "Centre's dates"),
    "sheet_subtitle_past": ("Odpowiedź na dzień {on} (stan historyczny)", "Answer for {on} (historical)"),
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
    "too_large": (
        "plik ma {size:# bajt|# bajty|# bajtów}; limit to {limit}",
        "the file has {size:# byte|# bytes}; the limit is {limit}",
    ),
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
    "region_unknown": (
        "„{got}” nie jest kodem żadnego województwa w rejestrze TERYT",
        "“{got}” is no voivodeship's code in the TERYT register",
    ),
    "region_twice": ("województwo {code} jest na liście dwa razy", "the voivodeship {code} is listed twice"),
    "region_without_counties": (
        "żaden powiat województwa {code} nie jest w tabeli counties",
        "no county of voivodeship {code} is in the counties table",
    ),
    "bad_id": (
        "„{got}” nie może być identyfikatorem: użyj małych liter a–z, cyfr, „-”, „_” i „.”, "
        "zaczynając od litery lub cyfry",
        "“{got}” cannot be an id: use lowercase letters a–z, digits, “-”, “_” and “.”, starting with a letter or digit",
    ),
    "region_empty": ("lista województw jest pusta", "the list of voivodeships is empty"),
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
    "quote_not_in_sources": (
        "cytatu „{quote}” nie ma wśród cytatów zapisanych przy źródłach tego wpisu",
        "the quote “{quote}” is not among the quotes stored with this entry's sources",
    ),
    # hostile (issue 14): limits and refused characters
    "separator_character": (
        "niewidoczny znak końca wiersza {code} na pozycji {at}; dane mają być zwykłym tekstem (użyj \\n)",
        "the invisible line break {code} at position {at}; data must be plain text (use \\n)",
    ),
    "key_too_deep": (
        "klucz z kropkami ma więcej niż {limit} części",
        "a dotted key has more than {limit} parts",
    ),
    "region_not_voivodeship": (
        "„{got}” nie jest kodem województwa (dwie cyfry TERYT, np. 08)",
        "“{got}” is not a voivodeship's code (two TERYT digits, e.g. 08)",
    ),
    "too_many_problems": (
        "sprawdzanie przerwane po {limit} problemach",
        "the check stopped after {limit} problems",
    ),
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
