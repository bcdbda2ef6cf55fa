# Mapa podróży klienta (src/ui/views/journey_map.rs, src/charts/journey_map.rs).
nav-journey_map = Mapa podróży
jmap-title = Mapa podróży klienta
jmap-lane-reach = Klienci
jmap-lane-touchpoints = Punkty styku
jmap-lane-channels = Kanały
jmap-lane-emotion = Emocje
jmap-lane-pain = Punkty bólu
jmap-lane-exits = Odejścia
jmap-lane-moments = Momenty prawdy
jmap-lane-nps_ces = NPS · CES
jmap-of_previous = { $pct } poprzedniego etapu
jmap-of_first = { $pct } pierwszego etapu
jmap-nps_value = NPS { $nps }
jmap-ces_value = CES { $ces }
jmap-no_column = (brak kolumny)
jmap-no_nps_question = (brak pytania 0–10)
jmap-neutral = neutralnie
jmap-left_here = { $n ->
    [one] { $n } klient nie przeszedł dalej niż ten etap
    [few] { $n } klienci nie przeszli dalej niż ten etap
   *[other] { $n } klientów nie przeszło dalej niż ten etap
}
jmap-pain_rule = Najgorsze komórki tego etapu z co najmniej { $n } odpowiedziami
jmap-moments_rule = Punkty styku tego etapu, których satysfakcja najmocniej wpływa na NPS (macierz priorytetów)
jmap-nps_rule = Klienci, których ostatnia odpowiedź NPS padła na tym etapie
jmap-diff = Różnica względem { $other }: { $delta }
jmap-caption = Mapa podróży klienta: jeden wiersz na etap lejka
jmap-caption_persona = Mapa podróży klienta dla { $persona }: jeden wiersz na etap lejka
jmap-summary = Mapa podróży z { $n } etapami: { $first } klientów na etapie { $first_stage }, { $last } na etapie { $last_stage }.
jmap-summary_low = Najniższa satysfakcja: { $value } na 100 na etapie { $stage }.
jmap-persona = Persona zakupowa
jmap-compare = Porównaj dwie persony zakupowe
jmap-compare_with = Porównaj z
jmap-compare_hint = Wartości, które różnią się między mapami, są obramowane; najedź na nie, aby zobaczyć różnicę.
jmap-print = Drukuj
jmap-details = Widoki szczegółowe
jmap-no_data = Wczytaj dane, aby zobaczyć mapę podróży klienta.
jmap-open_data = Otwórz kartę Dane
jmap-loading = Wczytywanie przykładowych danych…
jmap-no_personas = Te dane nie mają kolumny persony zakupowej.
jmap-scroll_hint = Przewiń w bok, aby zobaczyć wszystkie etapy.
jmap-lane_link = Kliknij, aby otworzyć szczegółowy widok tego wiersza
