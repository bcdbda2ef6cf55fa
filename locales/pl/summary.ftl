# Źródła podsumowań (docs/summary-feed.md): baner, co wymaga danych na poziomie zdarzeń,
# uwagi przy wczytywaniu i błędy.
summary-banner = Źródło podsumowania z { $engine }: zdarzenia ({ $events }) podsumowano tam, gdzie są przechowywane; każda liczba poniżej, którą da się zsumować, pochodzi z niego bez przybliżeń.
summary-needs = Wymaga danych na poziomie zdarzeń (pokazane jako b.d.):
summary-need-all = wszystko przy tym filtrze
summary-need-dimension = wszystko przy tym filtrze: używa kolumny, której źródło podsumowania nie zawiera
summary-need-partial_day = wszystko przy tym filtrze: zakres dat zaczyna się lub kończy w trakcie dnia, a źródło liczy pełne dni
summary-need-path = wszystko, gdy filtrem jest krok przepływu: wybiera klientów według ich ścieżki
summary-need-customers = unikalni klienci przy tym filtrze
summary-need-breakdown = lejek konwersji w podziale na ten wymiar (źródło ma podróż klienta, personę zakupową i kanał)
summary-need-nps_breakdown = NPS w podziale na ten wymiar (źródło ma podróż klienta, personę zakupową, kanał, etap i punkt styku)
summary-need-nps_latest = NPS tylko z ostatnią odpowiedzią każdego klienta
summary-need-cell_customers = unikalni klienci w każdej komórce mapy (przy filtrze lub w „(inne)”)
summary-need-comments = komentarze
summary-need-customer_lists = listy klientów (tych, którzy odpadli po danym kroku)
summary-need-funnel = lejek konwersji i KPI konwersji przy tym filtrze lub tych ustawieniach lejka
summary-need-kpis = porównanie z poprzednim okresem i wykresy trendu KPI opartych na konwersji (przy filtrze także unikalni klienci oraz promotorzy a krytycy)
summary-need-median_convert = mediana dni do konwersji
summary-need-median_steps = mediana dni między krokami lejka (średnie są dokładne)
summary-need-exits_by_stage = punkty styku, w których klienci odchodzą, według najdalszego etapu (to źródło powstało, zanim je zawierało; uruchom ponownie make summary)
summary-need-other = inne liczby
summary-need-paths = punkty styku, w których klienci odchodzą, i przejścia między punktami styku przy filtrze
summary-need-priority = macierz priorytetów i krytyczne momenty (korelują odpowiedzi każdego klienta)
summary-need-flows = przepływy podróży klienta (śledzą ścieżkę każdego klienta zdarzenie po zdarzeniu)
summary-chart_needs_events = Ten wykres wymaga danych na poziomie zdarzeń: źródło podsumowania przechowuje sumy, a nie ścieżkę każdego klienta.
summary-needs_events_help = Wczytaj same zdarzenia (CSV lub JSON), aby go zobaczyć; pozostałe widoki są liczone z podsumowania.
msg-need-event_level_data = dane na poziomie zdarzeń
msg-load-summary_feed = { $events ->
    [one] Źródło podsumowania z { $engine }, utworzone z { $events } zdarzenia. Liczby wymagające samych zdarzeń są oznaczone, nigdy szacowane.
   *[other] Źródło podsumowania z { $engine }, utworzone ze zdarzeń: { $events }. Liczby wymagające samych zdarzeń są oznaczone, nigdy szacowane.
}
msg-summary-not_valid = Nie można odczytać tego źródła podsumowania: { $detail }.
msg-summary-version = To źródło podsumowania ma wersję { $found }; ten Journey Lens odczytuje wersję { $supported }.
msg-summary-inconsistent = To źródło podsumowania się nie zgadza: tabela „{ $table }” ma kolumny różnej długości albo kod, dzień lub krok spoza tego, co deklaruje źródło. Wygeneruj je ponownie poleceniem make summary.
summary-lane_needs_events = (wymaga danych na poziomie zdarzeń)
