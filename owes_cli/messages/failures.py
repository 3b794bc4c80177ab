"""The words of a failure, in Polish and English: errors of lookups and of options, of the
dataset and the installation, and of files that cannot be written.

Loaded by `messages.message` when it is asked for a message the catalogue itself does not
hold: an answer that is found and printed says none of them, and these were half of the
catalogue's text, read on every start-up.
"""

FAILURES: dict[str, tuple[str, str]] = {
    # --- errors -----------------------------------------------------------
    "query_empty": (
        "Podaj nazwę {what}; pusty tekst niczego nie wskazuje.",
        "Give the name {what}; empty text names nothing.",
    ),
    "query_too_long": (
        "Nazwa {what} jest za długa: najwyżej {limit:# znak|# znaki|# znaków}.",
        "The name {what} is too long: at most {limit:# character|# characters}.",
    ),
    "county_not_found": ("Nie znaleziono powiatu „{query}”.", "No county matches “{query}”."),
    "county_code_unknown": (
        "Kod TERYT „{query}” nie jest kodem żadnego powiatu w rejestrze TERYT.",
        "“{query}” is not the TERYT code of any county in the register.",
    ),
    "county_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych ({coverage}):",
        "“{query}” lies outside this dataset's coverage ({coverage}):",
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
        "Zbiór danych {path} jest błędny ({count:# problem|# problemy|# problemów}):",
        "The dataset {path} is invalid ({count:# problem|# problems}):",
    ),
    "interrupted": ("Przerwano.", "Interrupted."),
    "installation_damaged": (
        "Instalacja owes jest uszkodzona: plik danych {file} {damage}. "
        "Zainstaluj owes ponownie (pip install --force-reinstall owes).",
        "The installation is damaged: the data file {file} {damage}. "
        "Reinstall owes (pip install --force-reinstall owes).",
    ),
    "damage_missing": ("nie istnieje", "is missing"),
    "damage_unreadable": ("nie daje się odczytać", "cannot be read"),
    "damage_malformed": ("nie jest plikiem, który zbudowano", "is not the file that was built"),
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
    # --- options, dates, files, places, points, readings -----------------
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
    "place_not_found": (
        "Nie znaleziono miejscowości ani gminy „{query}”.",
        "No town, village or gmina matches “{query}”.",
    ),
    "place_code_unknown": (
        "„{query}” nie jest 7-cyfrowym kodem TERYT gminy ani miasta, ani identyfikatorem SIMC miejscowości.",
        "“{query}” is neither the 7-digit TERYT code of a gmina or town nor the SIMC id of a locality.",
    ),
    "place_outside_coverage": (
        "„{query}” leży poza zasięgiem tych danych ({coverage}):",
        "“{query}” lies outside this dataset's coverage ({coverage}):",
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
        "Punkt {at} leży w województwie {voivodeship}, poza zasięgiem tych danych ({coverage}).",
        "The point {at} lies in województwo {voivodeship}, outside this dataset's coverage ({coverage}).",
    ),
    "point_outside_poland": (
        "Punkt {at} leży poza Polską; te dane obejmują {coverage}.",
        "The point {at} lies outside Poland; this dataset covers {coverage}.",
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
        "Argument nr {position} jest za długi ({length:# znak|# znaki|# znaków}; najwyżej {limit}).",
        "Argument {position} is too long ({length:# character|# characters}; at most {limit}).",
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
    "place_postal_code": (
        "„{query}” wygląda na kod pocztowy. Kodów pocztowych nie ma w naszych danych, bo nie istnieje "
        "otwarty i kompletny ich rejestr; podaj nazwę miejscowości, np. --place Olbrachtów.",
        "“{query}” looks like a postal code. Postal codes are not in our data, because no open and "
        "complete register of them exists; give the town or village instead, e.g. --place Olbrachtów.",
    ),
    "place_not_in_gmina": (
        "W gminie „{gmina}” nie ma miejscowości „{query}”.",
        "No locality “{query}” lies in gmina “{gmina}”.",
    ),
    "places_more": ("  … i {count} innych", "  … and {count} more"),
    "locality_match": (
        "  {name} (SIMC {simc}, {kind_label}), gmina {gmina}, powiat {county}, województwo {voivodeship}",
        "  {name} (SIMC {simc}, {kind_label}), gmina {gmina}, powiat {county}, województwo {voivodeship}",
    ),
    "try_locality": (
        "Wybierz identyfikatorem SIMC albo nazwą z gminą: owes which-centre --place {simc} "
        'albo --place "{name}, gmina {gmina}" (także "{name} gm. {gmina}")',
        "Choose one by its SIMC id, or by its name with its gmina: owes which-centre --place {simc} "
        'or --place "{name}, gmina {gmina}" (also "{name} gm. {gmina}")',
    ),
    "more_problems": (
        "…i {count} więcej: owes validate {path}",
        "…and {count} more: owes validate {path}",
    ),
    "date_out_of_range": (
        "Data „{value}” jest poza obsługiwanym zakresem: od {first} do {last}.",
        "The date “{value}” is outside the supported range: {first} to {last}.",
    ),
    "terminated": ("Przerwano (sygnał {signal}).", "Stopped (signal {signal})."),
    "point_outside_gminas": (
        "Punkt {at} leży poza wszystkimi gminami województwa {region} ({distance} m od najbliższej); "
        "podaj punkt wewnątrz gminy albo użyj --place.",
        "The point {at} lies outside every gmina of województwo {region} ({distance} m from the nearest); "
        "give a point inside a gmina, or use --place.",
    ),
    "point_no_gminas": (
        "Nie mamy granic gmin województwa {region}, więc punktu {at} nie da się przypisać do gminy; "
        "użyj --place albo --county.",
        "We have no gmina boundaries for województwo {region}, so the point {at} cannot be placed in a gmina; "
        "use --place or --county.",
    ),
    "output_trailing_slash": (
        "{path} kończy się ukośnikiem, więc nazywa katalog; podaj nazwę pliku.",
        "{path} ends in a slash, so it names a directory; give a file name.",
    ),
    "geojson_whole_region": (
        "Plik GeoJSON obejmuje wszystkie powiaty regionu: pomiń --centre, --county, --place i --at.",
        "A GeoJSON file holds every county of the region: leave out --centre, --county, --place and --at.",
    ),
    # The web page (owes export -o FILE.html); its own texts are in `documents`.
    "html_whole_directory": (
        "Strona WWW obejmuje cały katalog i odpowiada na każde wyszukiwanie: pomiń --centre i --county.",
        "The web page holds the whole directory and answers any search: leave out --centre and --county.",
    ),
    "on_not_a_date": (
        "on= przyjmuje datę (datetime.date) albo tekst, np. „2014-06-01”, „2014-06” lub „2014”; podano {value}.",
        "on= takes a date (datetime.date) or text such as “2014-06-01”, “2014-06” or “2014”; got {value}.",
    ),
    "history_needs_one": (
        "Podaj dokładnie jedno: --county NAZWA albo --centre ID.",
        "Give exactly one of --county NAME or --centre ID.",
    ),
    "at_two_words": (
        "Punkt to jedno słowo, szerokość i długość po przecinku: owes which-centre --at {lat},{lon}",
        "A point is one word, latitude and longitude with a comma between: owes which-centre --at {lat},{lon}",
    ),
    "services_one_subject": (
        "Podaj --centre albo jedno z --county, --place, --at, nie oba.",
        "Give --centre or one of --county, --place, --at, not both.",
    ),
    "during_needs_option": (
        "Dla całego miesiąca lub roku podaj --county, --place albo --at.",
        "For a whole month or year give --county, --place or --at.",
    ),
    "no_such_day": ("Nie ma takiego dnia: {day}.", "No such day: {day}."),
    "readings_disagree": (
        "„{query}” można odczytać na kilka sposobów, prowadzących do różnych powiatów:",
        "“{query}” can be read in several ways that lead to different counties:",
    ),
    "reading_line": (
        '  owes which-centre {option} "{query}"   (powiat {county})',
        '  owes which-centre {option} "{query}"   (powiat {county})',
    ),
    "no_reading": (
        "„{query}” nie jest nazwą powiatu, miejscowości ani punktem. Lista powiatów: owes counties",
        "“{query}” is no county, place or point we know. All counties: owes counties",
    ),
    "county_is_a_place": (
        "„{query}” to nie powiat: {place} to {kind_label} w powiecie {county:loc}.",
        "“{query}” is not a county: {place} ({kind_label}) lies in powiat {county}.",
    ),
    "county_is_a_place_try": ('owes which-centre --place "{place}"', 'owes which-centre --place "{place}"'),
}
