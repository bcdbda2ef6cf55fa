# Komunikaty warstw wewnętrznych jako zdania (src/message.rs, src/present/message.rs).

## Problemy z wierszami (dlaczego odrzucono komórkę albo cały rekord)

msg-row-customer_missing = Brak identyfikatora klienta
msg-row-nested_text = Wartość musi być tekstem lub liczbą, a nie listą ani obiektem
msg-row-nested_date = Data musi być tekstem, a nie listą ani obiektem
msg-row-nested_number = { $field }: wartość musi być liczbą, a nie listą ani obiektem
msg-row-date_out_of_range = Data „{ $value }” wykracza poza lata { $min }–{ $max } (znaczniki czasu epoki muszą być w sekundach lub milisekundach)
msg-row-date_unrecognised = Nie rozpoznano daty „{ $value }” (zapisz ją jako 2024-03-15, 15/03/2024 lub 15.03.2024 14:30)
msg-row-not_a_number = { $field }: wartość musi być liczbą, a jest „{ $value }”
msg-row-out_of_scale = { $field }: wartość musi być liczbą z zakresu { $scale }, a jest { $value }
msg-row-out_of_scale_whole = { $field }: wartość musi być liczbą całkowitą z zakresu { $scale }, a jest { $value }
msg-row-wrong_width = Ten wiersz ma { $values ->
    [one] { $values } wartość
    [few] { $values } wartości
   *[other] { $values } wartości
}, a nagłówek ma { $columns ->
    [one] { $columns } kolumnę
    [few] { $columns } kolumny
   *[other] { $columns } kolumn
}
msg-row-unclosed_quote = Ten wiersz ma { $values ->
    [one] { $values } wartość
    [few] { $values } wartości
   *[other] { $values } wartości
}, a nagłówek ma { $columns ->
    [one] { $columns } kolumnę
    [few] { $columns } kolumny
   *[other] { $columns } kolumn
}: niezamknięty cudzysłów w wierszu { $from } połączył wiersze { $from }–{ $to }; kolejne wiersze wczytano ponownie, jeden po drugim
msg-row-nul_bytes = Ten wiersz zawiera bajty NUL (dane binarne): plik może być uszkodzony albo nie jest eksportem tekstowym
msg-row-not_an_object = To zdarzenie nie jest obiektem z nazwanymi wartościami
msg-row-invalid_json_line = Ten wiersz nie jest poprawnym JSON-em ({ $detail })
msg-whole_row = (cały wiersz)
msg-extra_column = kolumna { $n }
msg-jes_no_data = JES = b.d. (żaden składnik nie ma danych)
msg-need-stage_after_conversion = etap po etapie konwersji

## Uwagi do wczytywania (decyzje podjęte w imieniu użytkownika)

msg-load-not_utf8 = Plik nie jest w UTF-8; wczytano go jako { $encoding }.
msg-load-unwrapped = Każdy wiersz był ujęty w cudzysłów (zapis z Excela); usunięto cudzysłowy i podzielono wiersze według '{ $delimiter }'.
msg-load-dimensions_capped = Jako filtry zachowano tylko { $kept } pierwszych dodatkowych kolumn; { $dropped ->
    [one] { $dropped } kolejnej nie wczytano
   *[other] { $dropped } kolejnych nie wczytano
}. Przypisz kolumnie rolę albo pomiń inne, aby ją zachować.
msg-load-decimal_comma = Liczby wczytano z przecinkiem dziesiętnym (1.234,5 oznacza tysiąc dwieście trzydzieści cztery i pół).
msg-load-short_rows = { $count ->
    [one] { $count } wiersz miał mniej kolumn niż nagłówek; brakujące wartości na końcu potraktowano jako puste.
    [few] { $count } wiersze miały mniej kolumn niż nagłówek; brakujące wartości na końcu potraktowano jako puste.
   *[other] { $count } wierszy miało mniej kolumn niż nagłówek; brakujące wartości na końcu potraktowano jako puste.
}
msg-load-long_empty_rows = { $count ->
    [one] { $count } wiersz miał więcej kolumn niż nagłówek, wszystkie puste; nadmiarowe kolumny pominięto.
    [few] { $count } wiersze miały więcej kolumn niż nagłówek, wszystkie puste; nadmiarowe kolumny pominięto.
   *[other] { $count } wierszy miało więcej kolumn niż nagłówek, wszystkie puste; nadmiarowe kolumny pominięto.
}
msg-load-blank_lines = { $count ->
    [one] Pominięto { $count } pusty wiersz (same separatory lub spacje).
    [few] Pominięto { $count } puste wiersze (same separatory lub spacje).
   *[other] Pominięto { $count } pustych wierszy (same separatory lub spacje).
}
msg-load-ndjson_lines = Numery wierszy to numery linii w pliku NDJSON.
msg-load-feed_positions = Numery wierszy to pozycje zdarzeń w pliku (1 = pierwsze zdarzenie).
msg-load-dates_read_day_first = Daty w kolumnie '{ $column }' odczytano jako dzień/miesiąc/rok.
msg-load-dates_read_day_first_assumed = Daty w kolumnie '{ $column }' odczytano jako dzień/miesiąc/rok (żaden dzień nie przekraczał 12, więc przyjęto kolejność europejską).
msg-load-dates_read_month_first = Daty w kolumnie '{ $column }' odczytano jako miesiąc/dzień/rok.
msg-load-dates_unreadable_day_first = { $count ->
    [one] { $count } data w kolumnie '{ $column }' nie istnieje przy odczycie dzień/miesiąc/rok i została pusta.
    [few] { $count } daty w kolumnie '{ $column }' nie istnieją przy odczycie dzień/miesiąc/rok i zostały puste.
   *[other] { $count } dat w kolumnie '{ $column }' nie istnieje przy odczycie dzień/miesiąc/rok i zostały puste.
}
msg-load-dates_unreadable_month_first = { $count ->
    [one] { $count } data w kolumnie '{ $column }' nie istnieje przy odczycie miesiąc/dzień/rok i została pusta.
    [few] { $count } daty w kolumnie '{ $column }' nie istnieją przy odczycie miesiąc/dzień/rok i zostały puste.
   *[other] { $count } dat w kolumnie '{ $column }' nie istnieje przy odczycie miesiąc/dzień/rok i zostały puste.
}
msg-load-satisfaction_outside = { $count ->
    [one] { $count } ocena zadowolenia wykracza poza zadeklarowaną skalę { $declared }, więc jej wiersz odrzucono.
    [few] { $count } oceny zadowolenia wykraczają poza zadeklarowaną skalę { $declared }, więc ich wiersze odrzucono.
   *[other] { $count } ocen zadowolenia wykracza poza zadeklarowaną skalę { $declared }, więc ich wiersze odrzucono.
}
msg-load-satisfaction_outside_fits = { $count ->
    [one] { $count } ocena zadowolenia wykracza poza zadeklarowaną skalę { $declared }, więc jej wiersz odrzucono.
    [few] { $count } oceny zadowolenia wykraczają poza zadeklarowaną skalę { $declared }, więc ich wiersze odrzucono.
   *[other] { $count } ocen zadowolenia wykracza poza zadeklarowaną skalę { $declared }, więc ich wiersze odrzucono.
} Wartości pasują do skali { $suggested }: wybierz ją i wczytaj plik ponownie, aby je zachować.
msg-load-errors_truncated = Wymieniono tylko { $listed } pierwszych problemów; policzono jeszcze { $more }.
msg-load-row_number_as_customer = Każdy wiersz wczytano jako osobnego klienta, nazwanego numerem wiersza.

## Jak zapisano daty

msg-date-iso = rok-miesiąc-dzień (ISO 8601)
msg-date-year_slash = rok/miesiąc/dzień
msg-date-dotted = dzień.miesiąc.rok
msg-date-dashed = dzień-miesiąc-rok
msg-date-day_first = dzień/miesiąc/rok
msg-date-month_first = miesiąc/dzień/rok

## Uwagi do filtra

msg-filter-bad_date = „{ $value }” to nie jest data, którą Journey Lens rozumie; zapisz ją jako 2024-03-31
msg-filter-date_ignored = „{ $value }” to nie jest data, którą Journey Lens rozumie; zapisz ją jako 2024-03-31. Zakres dat jej nie uwzględnia.
msg-filter-no_such_dimension = Dane nie mają kolumny „{ $dimension }”, więc filtr nie pasuje do żadnego zdarzenia.

## Uwagi do lejka

msg-funnel-no_time_for_order = Dane nie mają znaczników czasu, więc lejek pomija kolejność etapów.
msg-funnel-no_time_for_window = Dane nie mają znaczników czasu, więc okno konwersji nie jest stosowane.
msg-funnel-bad_window = Okno konwersji musi wynosić zero dni lub więcej; nie jest stosowane.
msg-funnel-meta_order_wins = Plik określa własną kolejność etapów, więc kolejność z ustawień nie jest używana.
msg-funnel-placed_by_data = { $count ->
    [one] Kolejność etapów według znanych nazw etapów; { $count } etap umieszczono na podstawie danych (mediana czasu, w którym klienci pierwszy raz do niego docierają): { $stages }.
    [few] Kolejność etapów według znanych nazw etapów; { $count } etapy umieszczono na podstawie danych (mediana czasu, w którym klienci pierwszy raz do nich docierają): { $stages }.
   *[other] Kolejność etapów według znanych nazw etapów; { $count } etapów umieszczono na podstawie danych (mediana czasu, w którym klienci pierwszy raz do nich docierają): { $stages }.
}
msg-funnel-unknown_conversion_stage = Etap konwersji „{ $stage }” nie jest żadnym z etapów lejka; użyto domyślnego.
msg-funnel-saved_order_mismatch = { $count ->
    [one] Zapisana kolejność etapów zawiera { $count } etap, którego nie ma w tych danych ({ $absent }); pominięto go w lejku.
    [few] Zapisana kolejność etapów zawiera { $count } etapy, których nie ma w tych danych ({ $absent }); pominięto je w lejku.
   *[other] Zapisana kolejność etapów zawiera { $count } etapów, których nie ma w tych danych ({ $absent }); pominięto je w lejku.
}{ $new_count ->
    [0] {""}
   *[other] {" "}Etapy tych danych, których w niej brakuje: { $new }.
}
msg-funnel-saved_order_ignored = Zapisana kolejność etapów ({ $stages }) nie zawiera żadnego etapu z tych danych; użyto kolejności automatycznej.
msg-funnel-long_order_trimmed = Kolejność etapów w feedzie liczy { $listed } pozycji; { $count ->
    [one] { $count } etap, do którego nie dotarł żaden klient, pominięto w lejku.
    [few] { $count } etapy, do których nie dotarł żaden klient, pominięto w lejku.
   *[other] { $count } etapów, do których nie dotarł żaden klient, pominięto w lejku.
}

## Macierz priorytetów: dlaczego pominięto punkt styku

msg-priority-too_few = mniej niż { $min } klientów z oceną zadowolenia i odpowiedzią NPS jednocześnie
msg-priority-no_variation = wszystkie odpowiedzi są takie same, więc nie da się zmierzyć korelacji

## Błędy, które przerywają wczytywanie

msg-error-empty = Plik jest pusty: nie ma czego wczytać.
msg-error-header_only = Plik ma wiersz nagłówka, ale żadnych wierszy z danymi: wyeksportuj go ponownie razem z danymi.
msg-error-not_csv = To wygląda na { $what ->
    [png] obraz PNG
    [zip] skoroszyt Excela lub archiwum ZIP
    [pdf] dokument PDF
    [gzip] plik skompresowany GZIP-em
    [xls] stary skoroszyt Excela (.xls)
    [jpeg] obraz JPEG
    [gif] obraz GIF
   *[binary] plik binarny
}, a nie plik CSV. Wyeksportuj dane do CSV i spróbuj ponownie.
msg-error-only_one_column = Znaleziono tylko jedną kolumnę (nagłówek „{ $header }”): plik może używać separatora, którego Journey Lens nie rozpoznaje, albo każdy wiersz jest ujęty w cudzysłów. Zapisz go ponownie jako CSV rozdzielany przecinkami lub średnikami.
msg-error-too_many_columns = Plik ma więcej niż { $limit } kolumn (lub, w pliku JSON, więcej niż { $limit } różnych nazw pól): nie wygląda na eksport zdarzeń. Zostaw potrzebne kolumny i spróbuj ponownie.
msg-error-no_customer_column = Nie znaleziono kolumny klienta wśród: { $columns }. Przypisz jednej kolumnie rolę „customer_id” albo wczytaj każdy wiersz jako osobnego klienta.
msg-error-no_measure_column = Dane potrzebują co najmniej jednej kolumny etapu, zadowolenia lub NPS, a nie znaleziono żadnej. Przypisz kolumnie jedną z tych ról.
msg-error-duplicate_role = Zarówno „{ $first }”, jak i „{ $second }” mają rolę { $role }: tę rolę może mieć tylko jedna kolumna.
msg-error-unknown_column = Plik nie ma kolumny o nazwie „{ $column }”.
msg-error-not_json = Plik nie jest poprawnym JSON-em (wiersz { $line }, kolumna { $column }: { $detail }).
msg-error-wrong_json_shape = Plik jest w formacie JSON, ale nie jest listą zdarzeń: { $shape ->
    [events_not_array] „events” musi być listą obiektów
    [events_not_objects] zdarzenia muszą być obiektami, np. {"{"}"customer_id": "c1", "stage": "visit"{"}"}
   *[not_a_feed] oczekiwano listy albo obiektu z listą „events”
}.
msg-error-meta_not_object = Nie udało się odczytać sekcji „meta”: musi być obiektem.
msg-error-bad_meta = Nie udało się odczytać sekcji „meta”: { $detail }.
msg-error-bad_scale = Nie udało się odczytać sekcji „meta”: skala „{ $scale }”: { $detail }.
msg-error-scale_order = Nie udało się odczytać sekcji „meta”: w skali „{ $scale }” minimum musi być mniejsze od maksimum.
msg-error-finished = To wczytywanie już się zakończyło.

## Wykresy, których nie udało się narysować

msg-chart_error-backend = Nie udało się narysować wykresu ({ $detail }). Zmień rozmiar okna albo odśwież stronę.
msg-chart_error-busy = Nie udało się narysować wykresu, bo powierzchnia rysowania była zajęta. Spróbuj ponownie.

## Pliki z datami kamieni milowych i pliki łączone kluczem
msg-error-no_milestones = Wybierz co najmniej jedną kolumnę z datą, która posłuży jako etap ścieżki.
msg-error-no_key = Ten plik nie ma kolumny klienta ani kolumny klucza wspólnej z już wczytanymi plikami (jego kolumny: { $columns }). Przypisz kolumnę klienta albo wybierz kolumnę, która łączy go z nimi (np. numer zamówienia).
msg-row-no_milestone_date = Brak daty kamienia milowego: żadna z kolumn etapów nie zawiera daty
msg-load-milestone_dates_unreadable_day_first = { $count ->
    [one] { $count } data w kolumnie '{ $column }' (etap { $stage }) nie istnieje przy odczycie dzień/miesiąc/rok i została pusta.
    [few] { $count } daty w kolumnie '{ $column }' (etap { $stage }) nie istnieją przy odczycie dzień/miesiąc/rok i zostały puste.
   *[other] { $count } dat w kolumnie '{ $column }' (etap { $stage }) nie istnieje przy odczycie dzień/miesiąc/rok i zostały puste.
}
msg-load-milestone_dates_unreadable_month_first = { $count ->
    [one] { $count } data w kolumnie '{ $column }' (etap { $stage }) nie istnieje przy odczycie miesiąc/dzień/rok i została pusta.
    [few] { $count } daty w kolumnie '{ $column }' (etap { $stage }) nie istnieją przy odczycie miesiąc/dzień/rok i zostały puste.
   *[other] { $count } dat w kolumnie '{ $column }' (etap { $stage }) nie istnieje przy odczycie miesiąc/dzień/rok i zostały puste.
}
msg-load-milestone_events = Każdy wiersz stał się jednym zdarzeniem na każdą osiągniętą kolumnę z datą, jako etapy { $stages }: { $rows ->
    [one] { $rows } wiersz dał
    [few] { $rows } wiersze dały
   *[other] { $rows } wierszy dało
} { $events ->
    [one] { $events } zdarzenie.
    [few] { $events } zdarzenia.
   *[other] { $events } zdarzeń.
}
msg-join-unmatched_no_key = klucz jest pusty
msg-join-unmatched_not_found = żaden wcześniejszy plik nie ma tego klucza
msg-join-unmatched_ambiguous = ten klucz należy do więcej niż jednego klienta
msg-join-first_file_needs_customer = { $file }: pierwszy plik potrzebuje kolumny klienta; pliki, które mają tylko wspólny klucz (np. numer zamówienia), dodaj po nim.
msg-join-key_not_in_file = { $file }: kolumna klucza „{ $key }” nie jest wczytywana z tego pliku. Zachowaj ją jako kolumnę (rola „dimension”).
msg-join-key_not_in_earlier_files = { $file }: żaden z wcześniejszych plików nie ma kolumny klucza „{ $key }”.
