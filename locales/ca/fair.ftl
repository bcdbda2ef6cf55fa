# Comparacions justes: període dels KPI, canvis en punts i en percentatge, significació, intervals.
fair-points = { $d } punts
fair-change_vs = { $change } respecte a { $previous }
fair-no_clear_change = Cap canvi clar ({ $change } respecte a { $previous })
fair-no_comparison = No hi ha cap valor a { $previous } per comparar
fair-all_data = Totes les dades (sense dates)
fair-all_data_value = Totes les dades: { $value }
fair-card_summary = { $label }: { $value } ({ $period })
fair-kpi_period = Període dels KPI
fair-kind-month = Mes
fair-kind-quarter = Trimestre
fair-kind-year = Any
fair-kind-custom = Dates personalitzades
fair-at = Període
fair-latest_complete = Últim complet
fair-from = Des de
fair-to = Fins a
fair-compare = Comparar amb
fair-compare-previous = Període anterior
fair-compare-year_before = Mateix període de l'any anterior
fair-period_help = Cada targeta mostra el valor en aquest període i el canvi respecte al període de comparació. Les taxes, les quotes i les puntuacions canvien en punts; els recomptes i els imports, en percentatge. Un canvi que les dades no permeten distingir del soroll (p ≥ 0,05: prova de dues proporcions per a les taxes, marge d'error per a l'NPS) surt en gris i diu «cap canvi clar».
fair-quarter = Trimestre
fair-legend-interval = Interval del 95% (Wilson)
fair-legend-nps_margin = Marge d'error del 95%
fair-legend-different = Diferent de la resta (p < 0,05)
fair-legend-not_different = Sense diferència clara amb la resta
fair-segment-test = respecte a la resta: p = { $p }
