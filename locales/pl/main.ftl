# Journey Lens — polski. Jeden komunikat w wierszu: `id = tekst`; `{ $name }` to wartość
# wstawiana przez aplikację. Identyfikatory są takie jak w locales/en/main.ftl; gdy liczba
# zmienia zdanie, selektor `{ $n -> … }` wybiera formę według reguł CLDR (1 wiersz,
# 2 wiersze, 5 wierszy).

action-cancel = Anuluj
action-dismiss = Zamknij
app-name = Journey Lens
app-tagline = Analityka podróży klienta liczona w Twojej przeglądarce
chart-all_customers = Wszyscy klienci
chart-answer = Odpowiedź
chart-answer_n = Odpowiedź { $n }
chart-answers = Odpowiedzi
chart-breakdown_caption = Współczynnik konwersji – podział: { $dimension }
chart-breakdown_summary = Współczynnik konwersji – podział: { $dimension }, { $n ->
        [one] { $n } grupa
        [few] { $n } grupy
       *[many] { $n } grup
    }; najwyższy: { $best } ({ $best_rate }), najniższy: { $worst } ({ $worst_rate }).
chart-cap_first_stages = Narysowano pierwsze etapy: { $n } z { $total }; tabela zawiera wszystkie.
chart-cap_groups = Narysowano największe grupy: { $n } z { $total }; pozostałe zsumowano w „(pozostałe)”.
chart-cap_personas = Narysowano persony z największą liczbą odpowiedzi: { $n } z { $total }; pozostałe są w „(pozostałe)”.
chart-cap_points = Narysowano punkty styku z największą liczbą klientów: { $n } z { $total }; tabela zawiera wszystkie.
chart-cap_stages = Narysowano etapy z największą liczbą zdarzeń: { $n } z { $total }; pozostałe zsumowano w „(pozostałe)”.
chart-cap_touchpoints = Narysowano punkty styku z największą liczbą zdarzeń: { $n } z { $total }; pozostałe zsumowano w „(pozostałe)”.
chart-category = Kategoria
chart-complete = Pełny okres
chart-conversion_rate = Współczynnik konwersji
chart-converted = Konwersje
chart-customers = Klienci
chart-detractors = Krytycy
chart-distribution_caption = Odpowiedzi NPS od 0 do 10
chart-distribution_summary = { $total ->
        [one] { $total } odpowiedź
       *[many] { $total } odpowiedzi
    } w skali od 0 do 10; najczęstsza odpowiedź to { $answer } ({ $count ->
        [one] { $count } raz
       *[many] { $count } razy
    }).
chart-download_png = Pobierz PNG
chart-drop_off = Porzucenia
chart-effort = Wysiłek
chart-emotion_caption = Satysfakcja (0–100) na kolejnych etapach podróży klienta
chart-emotion_summary = Satysfakcja (0–100) na { $n ->
        [one] { $n } etapie
       *[many] { $n } etapach
    }: najniższa { $low } na etapie { $low_stage }, najwyższa { $high } na etapie { $high_stage }.
chart-events = Zdarzenia
chart-from = Skąd
chart-funnel_caption = Klienci docierający do kolejnych etapów lejka
chart-funnel_summary = Lejek z { $n } etapów: { $first ->
        [one] { $first } klient dotarł
       *[many] { $first } klientów dotarło
    } do etapu { $first_stage }, a { $last ->
        [one] { $last } ({ $pct }) dotarł
       *[many] { $last } ({ $pct }) dotarło
    } do etapu { $last_stage }.
chart-funnel_summary_one = Lejek z jednym etapem: { $first ->
        [one] { $first } klient dotarł
       *[many] { $first } klientów dotarło
    } do etapu { $first_stage }.
chart-handoffs = Przejścia
chart-handoffs_caption = Najczęstsze przejścia między punktami styku
chart-handoffs_summary = { $total ->
        [one] { $total } przejście
        [few] { $total } przejścia
       *[many] { $total } przejść
    } między punktami styku ({ $customers ->
        [one] { $customers } klient
       *[many] { $customers } klientów
    }); najczęstsze: { $pair } ({ $count }, { $share }).
chart-heatmap_caption = Średnia satysfakcja według etapu i punktu styku
chart-heatmap_summary = Mapa doświadczeń: { $stages ->
        [one] { $stages } etap
        [few] { $stages } etapy
       *[many] { $stages } etapów
    } × { $touchpoints ->
        [one] { $touchpoints } punkt styku
        [few] { $touchpoints } punkty styku
       *[many] { $touchpoints } punktów styku
    }; najniższa satysfakcja { $low } – { $low_cell }, najwyższa { $high } – { $high_cell }.
chart-hide_data = Ukryj dane
chart-importance = Ważność
chart-importance_axis = Ważność (korelacja z NPS)
chart-incomplete_period = Okres jeszcze trwa
chart-interval = Przedział 95%
chart-margin = Margines błędu (±)
chart-mean = Średnia
chart-median = Mediana
chart-more_stages = … i jeszcze { $n ->
        [one] { $n } etap
        [few] { $n } etapy
       *[many] { $n } etapów
    }
chart-needs = Ten wykres wymaga kolumny: { $what }
chart-needs_nps = Brak NPS: brak pytania w skali 0–10.
chart-no = Nie
chart-no_answers = brak odpowiedzi
chart-no_breakdown = Wybierz podział, aby porównać grupy
chart-no_data = Brak danych
chart-no_data_sentence = Brak danych do wyświetlenia.
chart-no_events = Brak zdarzeń
chart-nps_stack_caption = Promotorzy, pasywni i krytycy (NPS { $nps })
chart-nps_stack_summary = NPS { $nps } na podstawie { $n } odpowiedzi: promotorzy: { $promoters }, pasywni: { $passives }, krytycy: { $detractors }.
chart-nps_trend_caption = NPS w kolejnych okresach z marginesem błędu 95%
chart-nps_trend_summary = NPS w { $n ->
        [one] { $n } okresie
       *[many] { $n } okresach
    }: od { $first } ({ $first_period }) do { $last } ({ $last_period }).
chart-others_pairs = Pozostałe ({ $n ->
        [one] { $n } para
        [few] { $n } pary
       *[many] { $n } par
    })
chart-passives = Pasywni
chart-pct_of_first = % pierwszego etapu
chart-pct_of_previous = % poprzedniego etapu
chart-performance = Ocena
chart-performance_axis = Ocena (satysfakcja 0–100)
chart-period = Okres
chart-priority_caption = Priorytety punktów styku: ocena i ważność
chart-priority_summary = Macierz priorytetów dla { $n ->
        [one] { $n } punktu styku
       *[many] { $n } punktów styku
    }. Do poprawy w pierwszej kolejności: { $fix }.
chart-priority_summary_none = Macierz priorytetów dla { $n ->
        [one] { $n } punktu styku
       *[many] { $n } punktów styku
    }. Nic nie trafia do ćwiartki „Popraw najpierw”.
chart-promoters = Promotorzy
chart-q_fix_first = Popraw najpierw
chart-q_keep_up = Utrzymaj poziom
chart-q_low_priority = Niski priorytet
chart-q_possible_overkill = Możliwy przerost
chart-quadrant = Ćwiartka
chart-responses = Odpowiedzi
chart-satisfaction = Satysfakcja
chart-satisfaction_100 = Satysfakcja (0–100)
chart-satisfaction_at_to = Satysfakcja w punkcie docelowym
chart-share = Udział
chart-share_negative = Odpowiedzi negatywne
chart-show_data = Pokaż dane
chart-sparkline_summary = { $label } w { $n ->
        [one] { $n } okresie
       *[many] { $n } okresach
    }: od { $first } ({ $first_period }) do { $last } ({ $last_period }).
chart-stage = Etap
chart-started = Rozpoczęli
chart-to = Dokąd
chart-touchpoint = Punkt styku
chart-trend_caption = Konwersja według okresu kohorty
chart-trend_summary = Konwersja kohort w { $n ->
        [one] { $n } okresie
       *[many] { $n } okresach
    }: od { $first } ({ $first_period }) do { $last } ({ $last_period }).
chart-ttc_caption = Dni między kolejnymi etapami lejka
chart-ttc_ordered_only = Czas do konwersji wymaga uporządkowanego lejka z datami
chart-ttc_summary = Mediana czasu między etapami wynosi od { $min } ({ $min_step }) do { $max } ({ $max_step }).
chart-yes = Tak
coming = Wkrótce
data-apply_mapping = Zastosuj przypisanie i wczytaj ponownie
data-column = Kolumna
data-customers = { $n ->
        [one] { $n } klient
       *[many] { $n } klientów
    }
data-drop = Upuść tutaj plik CSV lub JSON albo
data-feed = Adres URL feedu JSON
data-line = Wiersz
data-load_feed = Wczytaj feed
data-load_pasted = Wczytaj wklejone dane
data-mapping = Przypisanie kolumn
data-mapping_help = Każda kolumna pliku i jej znaczenie. Zmień rolę i zastosuj: Journey Lens zapamięta przypisanie dla plików z takim samym nagłówkiem.
data-paste = Wklej tekst CSV
data-pick = Wybierz plik
data-preview = Pierwsze wartości
data-reason = Powód
data-refresh_every = Odświeżaj co
data-refresh_off = Wyłączone
data-rejected = { $n ->
        [one] { $n } odrzucony wiersz
        [few] { $n } odrzucone wiersze
       *[many] { $n } odrzuconych wierszy
    }
data-reload_feed = Wczytaj feed ponownie
data-role = Rola
data-role_of = Rola kolumny { $column }
data-row_ids = Każdy wiersz to osobny klient (brak kolumny klienta)
data-samples = Przykładowe dane
data-sat_scale = Skala satysfakcji
data-sources = Wczytaj dane
data-summary = Podsumowanie wczytywania
error-http = Nie udało się wczytać { $url }: serwer odpowiedział kodem HTTP { $status }.
feed-error = Nie udało się wczytać feedu { $url }: { $reason }. Wczytane wcześniej dane pozostają na ekranie.
feed-reason-http = serwer odpowiedział kodem HTTP { $status }
feed-reason-invalid = to nie jest adres internetowy
feed-reason-read = odpowiedź urwała się w trakcie odczytu ({ $detail })
feed-reason-scheme = jako feed można wczytać tylko adresy zaczynające się od http:// lub https://, a nie adresy { $scheme }:
feed-reason-timeout = serwer nie odpowiedział w ciągu { $seconds ->
        [one] { $seconds } sekundy
       *[many] { $seconds } sekund
    }, więc żądanie przerwano
feed-reason-too_large = feed jest większy niż { $mb } MB – tyle ta przeglądarka może przeanalizować naraz
feed-reason-unreachable = nie udało się połączyć z adresem (brak połączenia, błędny adres albo serwer nie zezwala na żądania z innych witryn)
filter-clear = Wyczyść filtry
filter-from = Od
filter-kept = { $customers ->
        [one] { $customers } klient
       *[many] { $customers } klientów
    } · zdarzenia: { $events } z { $total }
filter-label = Filtry
filter-to = Do
forget-action = Zapomnij moje dane
forget-done = Gotowe: ta przeglądarka nie przechowuje już żadnych Twoich danych. Dane na ekranie pozostaną do odświeżenia lub zamknięcia strony.
forget-failed = Nie udało się usunąć wszystkiego: { $reason }
forget-help = Journey Lens przechowuje w tej przeglądarce ostatni zbiór danych, przypisania kolumn, adres feedu i ustawienia, aby wróciły po odświeżeniu strony. Nic nigdy nie jest nigdzie wysyłane.
forget-title = Twoje dane w tej przeglądarce
forget-working = Usuwanie…
jes-ces = (CES − 1) / 6 × 100
jes-conversion = Współczynnik konwersji
jes-csat = CSAT
jes-nps = (NPS + 100) / 2
kpi-ces = CES (średni wysiłek)
kpi-ces_easy_pct = Łatwo (CES 5–7)
kpi-churn_rate = Wskaźnik odejść (churn)
kpi-conversion_rate = Współczynnik konwersji
kpi-csat = CSAT (top-2-box)
kpi-customers = Klienci
kpi-interactions = Interakcje
kpi-interactions_per_customer = Interakcje na klienta
kpi-jes = Wskaźnik doskonałości podróży (JES)
kpi-median_days_to_convert = Mediana dni do konwersji
kpi-nps = NPS
kpi-repeat_rate = Wskaźnik ponownych zakupów
kpi-retention_rate = Wskaźnik retencji
kpi-revenue_per_converted = Przychód na klienta po konwersji
kpi-revenue_per_customer = Przychód na klienta
kpi-revenue_total = Przychód
kpi-touchpoints = Punkty styku
load-cancelled = Wczytywanie anulowano; wczytane wcześniej dane pozostają na ekranie.
load-dates = Daty
load-decimal = Znak dziesiętny
load-decimal_comma = przecinek (1.234,5)
load-decimal_point = kropka (1,234.5)
load-delimiter = Separator pól
load-delimiter_tab = tabulator
load-encoding = Kodowanie
load-format = Format
load-progress = { $rows ->
        [one] { $rows } wiersz
        [few] { $rows } wiersze
       *[many] { $rows } wierszy
    } · { $done } z { $total } MB
load-suggest_scale = Część odpowiedzi o satysfakcji wykracza poza zadeklarowaną skalę; te wiersze odrzucono. Wartości pasują do skali { $scale }.
load-summary = Wczytano { $loaded ->
        [one] { $loaded } wiersz
        [few] { $loaded } wiersze
       *[many] { $loaded } wierszy
    }, odrzucono { $rejected }
load-too_large = Plik { $name } ma { $mb } MB – za dużo, by ta przeglądarka przeanalizowała go naraz (limit to około 900 MB). Przefiltruj lub podziel eksport i wczytaj mniejszy plik.
load-use_scale = Wczytaj ponownie w skali { $scale }
nav-data = Dane
nav-experience = Mapa doświadczeń
nav-funnel = Lejek
nav-kpis = Wskaźniki
nav-label = Widoki
nav-nps = NPS
panic-reload = Odśwież
panic-text = Twoje dane i ustawienia są bezpieczne. Odśwież stronę, aby kontynuować.
panic-title = Coś poszło nie tak.
report-download = Pobierz raport (JSON)
role-channel = Kanał
role-comment = Komentarz
role-customer_id = Klient
role-dimension = Wymiar podziału
role-effort = Wysiłek (CES)
role-ignore = Pomiń
role-journey = Podróż klienta
role-nps = NPS
role-persona = Persona zakupowa
role-revenue = Przychód
role-satisfaction = Satysfakcja
role-stage = Etap
role-timestamp = Data i godzina
role-touchpoint = Punkt styku
settings-automatic = Automatycznie
settings-conversion_stage = Etap konwersji
settings-down = Przesuń w dół
settings-jes_weights = Wagi wskaźnika doskonałości podróży
settings-min_count = Minimalna liczba odpowiedzi dla punktów bólu i macierzy priorytetów
settings-mode = Tryb lejka
settings-mode_any = Dowolna kolejność
settings-mode_auto = Automatycznie (uporządkowany, gdy są daty)
settings-mode_ordered = Uporządkowany
settings-month = Miesiąc
settings-no_window = Bez okna
settings-nps_latest = NPS: tylko ostatnia odpowiedź każdego klienta
settings-order_from_feed = Kolejność etapów ustala feed; ma ona pierwszeństwo przed tą listą.
settings-period = Okres trendu
settings-reset_order = Kolejność automatyczna
settings-stage_order = Kolejność etapów
settings-targets = Cele KPI
settings-title = Ustawienia
settings-up = Przesuń w górę
settings-week = Tydzień
settings-window = Okno konwersji (dni)
source-pasted = Wklejone dane
start-offer_computing = Ostatnia sesja przerwała się podczas analizy: { $what }. Otworzyć ponownie?
start-offer_loading = Ostatnia sesja przerwała się podczas otwierania: { $what }. Otworzyć ponownie?
start-reopen = Otwórz ponownie
start-sample = Zacznij od przykładowych danych
start-the_last_dataset = ostatni zbiór danych
table-download_csv = Pobierz CSV
table-more_rows = … i jeszcze { $n ->
        [one] { $n } wiersz
        [few] { $n } wiersze
       *[many] { $n } wierszy
    } (pobrany CSV zawiera wszystkie)
theme-toggle = Przełącz motyw jasny/ciemny
view-breakdown_by = Porównaj według
view-breakdown_none = Bez podziału
view-exp-emotion = Krzywa emocji
view-exp-exits = Punkty styku, w których klienci odchodzą
view-exp-exits_caption = Ostatni punkt styku klientów, którzy nie dotarli do ostatniego etapu
view-exp-handoffs = Przejścia między punktami styku
view-exp-heatmap = Mapa doświadczeń: satysfakcja według etapu i punktu styku
view-exp-columns_by = Kolumny mapy według
view-exp-pain = Punkty bólu
view-exp-pain_caption = Komórki etap × punkt styku z co najmniej { $n ->
        [one] { $n } odpowiedzią
       *[many] { $n } odpowiedziami
    }, w kolejności „Co poprawić najpierw”
view-exp-priority = Macierz priorytetów: krytyczne momenty (momenty prawdy)
view-funnel-after_step = Po etapie { $stage } ({ $n ->
        [one] { $n } klient
       *[many] { $n } klientów
    })
view-funnel-bars = Lejek konwersji
view-funnel-breakdown = Lejek według segmentu
view-funnel-conversion_to = Konwersja do etapu { $stage }
view-funnel-dropped = Klienci, którzy odpadli
view-funnel-dropped_help = Pobierz klientów, którzy dotarli do etapu, ale nie do następnego.
view-funnel-entered = Klienci wchodzący do lejka
view-funnel-order-built_in = wbudowane nazwy etapów
view-funnel-order-file_order = kolejność, w jakiej etapy pojawiają się w pliku
view-funnel-order-median_time = mediana czasu, po jakim klienci po raz pierwszy docierają do każdego etapu
view-funnel-order-meta = z feedu
view-funnel-order-setting = z Twoich ustawień
view-funnel-order_source = Kolejność etapów: { $source }.
view-funnel-use_automatic_order = Użyj kolejności automatycznej
view-funnel-forget_saved_order = Zapomnij zapisaną kolejność
view-funnel-placed_by_data = Umieszczone na podstawie danych (sprawdź je): { $names }.
view-funnel-time = Czas między etapami
view-funnel-trend = Konwersja według kohort
view-kpi-component = Składnik
view-kpi-difference = Promotorzy minus krytycy
view-kpi-impact = Wpływ doświadczenia
view-kpi-impact_help = Czy klienci z lepszym doświadczeniem wydają więcej i zostają dłużej? Klientów grupujemy według ich ostatniej odpowiedzi NPS.
view-kpi-jes = Wskaźnik doskonałości podróży
view-kpi-jes_components = Składniki w skali 0–100
view-kpi-jes_help = Średnia ważona CSAT, NPS, konwersji i wysiłku, każdy w skali 0–100; składniki bez danych są pomijane.
view-kpi-met = Cel osiągnięty
view-kpi-missed = Cel nieosiągnięty
view-kpi-period = Okres do okresu: { $current } wobec { $previous }
view-kpi-revenue_per_customer = Przychód na klienta
view-kpi-target = cel
view-kpi-weight = Waga
view-kpi-within = W granicach 10% od celu
view-needs_help = Przypisz kolumnę do tej roli w widoku Dane albo wczytaj plik, który ją zawiera.
view-nps-breakdown = NPS według segmentu
view-nps-breakdown_caption = NPS według: { $dimension }; każdy segment porównany z resztą
view-nps-comments = Komentarze według kategorii
view-nps-distribution = Odpowiedzi od 0 do 10
view-nps-low_sample = Mała próba (< 30)
view-nps-margin = ± { $m } (95%)
view-nps-no_score = Bez odpowiedzi NPS
view-nps-score = Net Promoter Score
view-nps-significant = Istotne statystycznie (p < 0,05)
view-nps-stack = Promotorzy, pasywni i krytycy
view-nps-trend = Trend NPS

# The label of an empty cell of the data, and of the categories folded together past the top ones.
label-missing = (brak wartości)
label-others = (pozostałe)
