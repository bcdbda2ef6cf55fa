# Kilka plików i pliki z datami kamieni milowych (widok Dane).
files-add = Dodaj plik
files-add_help = Dodaj inny eksport tych samych klientów (opinie, płatności…). Jego wiersze łączą się z wczytanymi danymi przez własną kolumnę klienta albo kolumnę wspólną z już wczytanymi plikami, np. numer zamówienia. Wiersze, których klucz nie pasuje do żadnego klienta lub pasuje do kilku, są liczone, a nie zgadywane.
files-ambiguous_keys = Klucze należące do więcej niż jednego klienta (niewczytane): { $keys }
files-col_ambiguous = Niejednoznaczne
files-col_file = Plik
files-col_key = Połączono przez
files-col_loaded = Wczytane wiersze
files-col_matched = Dopasowane
files-col_rejected = Odrzucone
files-col_unmatched = Niedopasowane
files-download_rejected = Pobierz odrzucone wiersze (CSV)
files-download_unmatched = Pobierz niedopasowane wiersze (CSV)
files-key = Kolumna klucza
files-key_auto = Znajdź automatycznie
files-mapping_of = Mapowanie kolumn pliku { $name }
files-no_nps = Żaden z wczytanych plików nie zawiera pytania w skali 0–10 typu „Jak prawdopodobne jest, że nas polecisz?”, więc nie ma NPS. Oceny z opinii i inne oceny to satysfakcja (CSAT): zobacz mapę doświadczeń i KPI.
files-own_customers = własna kolumna klienta
files-remove = Usuń
files-title = Pliki
milestones-by_date = Kolejność według dat
milestones-column = Kolumna daty
milestones-file_order = Kolejność jak w pliku
milestones-help = Każda zaznaczona kolumna staje się etapem, w tej kolejności: data w wierszu to moment osiągnięcia etapu, a pusta komórka oznacza, że go nie osiągnięto. Pozostałe kolumny trafiają do wszystkich zdarzeń wiersza, z wyjątkiem ocen, przychodu i komentarza, które trafiają tylko do jednego etapu.
milestones-measures_on = Oceny, przychód i komentarz przy etapie
milestones-move_down = W dół
milestones-move_up = W górę
milestones-stage = Etap
milestones-stage_name = Nazwa etapu dla kolumny { $column }
milestones-use = Użyj tych kolumn dat jako etapów ścieżki klienta

# Header of the rejected-rows CSV download.
export-rejected_line = wiersz
export-rejected_column = kolumna
export-rejected_reason = powód

# An interval column of a CSV download becomes two: "95% interval (lower bound)", "… (upper bound)".
export-low = dolna granica
export-high = górna granica
# Drawn under the title of a downloaded chart image.
export-png_source = Dane: { $name } · { $date }
