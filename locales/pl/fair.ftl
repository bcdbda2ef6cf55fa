# Uczciwe porównania: okres KPI, zmiany w punktach i procentach, istotność, przedziały.
fair-points = { $d } pkt
fair-change_vs = { $change } wobec { $previous }
fair-no_clear_change = Brak wyraźnej zmiany ({ $change } wobec { $previous })
fair-no_comparison = Brak wartości za { $previous } do porównania
fair-all_data = Wszystkie dane (bez dat)
fair-all_data_value = Wszystkie dane: { $value }
fair-card_summary = { $label }: { $value } ({ $period })
fair-kpi_period = Okres KPI
fair-kind-month = Miesiąc
fair-kind-quarter = Kwartał
fair-kind-year = Rok
fair-kind-custom = Własne daty
fair-at = Okres
fair-latest_complete = Ostatni pełny
fair-from = Od
fair-to = Do
fair-compare = Porównaj z
fair-compare-previous = Poprzednim okresem
fair-compare-year_before = Tym samym okresem rok wcześniej
fair-period_help = Każda karta pokazuje wartość w tym okresie i jej zmianę wobec okresu porównawczego. Wskaźniki, udziały i oceny zmieniają się w punktach, liczby i kwoty – w procentach. Zmiana, której dane nie pozwalają odróżnić od szumu (p ≥ 0,05: test dwóch proporcji dla wskaźników, margines błędu dla NPS), jest szara i opisana jako „brak wyraźnej zmiany”.
fair-quarter = Kwartał
fair-legend-interval = Przedział 95% (Wilsona)
fair-legend-nps_margin = Margines błędu 95%
fair-legend-different = Różni się od pozostałych (p < 0,05)
fair-legend-not_different = Brak wyraźnej różnicy względem pozostałych
fair-segment-test = wobec pozostałych: p = { $p }
