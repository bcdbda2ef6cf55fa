# Comparaciones justas: periodo de los KPI, cambios en puntos y en porcentaje, significación, intervalos.
fair-points = { $d } puntos
fair-change_vs = { $change } frente a { $previous }
fair-no_clear_change = Sin cambio claro ({ $change } frente a { $previous })
fair-no_comparison = No hay ningún valor en { $previous } para comparar
fair-all_data = Todos los datos (sin fechas)
fair-all_data_value = Todos los datos: { $value }
fair-card_summary = { $label }: { $value } ({ $period })
fair-kpi_period = Periodo de los KPI
fair-kind-month = Mes
fair-kind-quarter = Trimestre
fair-kind-year = Año
fair-kind-custom = Fechas personalizadas
fair-at = Periodo
fair-latest_complete = Último completo
fair-from = Desde
fair-to = Hasta
fair-compare = Comparar con
fair-compare-previous = Periodo anterior
fair-compare-year_before = Mismo periodo del año anterior
fair-period_help = Cada tarjeta muestra su valor en este periodo y el cambio frente al periodo de comparación. Las tasas, las cuotas y las puntuaciones cambian en puntos; los recuentos y los importes, en porcentaje. Un cambio que los datos no permiten distinguir del ruido (p ≥ 0,05: prueba de dos proporciones para las tasas, margen de error para el NPS) aparece en gris y dice «sin cambio claro».
fair-quarter = Trimestre
fair-legend-interval = Intervalo del 95 % (Wilson)
fair-legend-nps_margin = Margen de error del 95 %
fair-legend-different = Distinto del resto (p < 0,05)
fair-legend-not_different = Sin diferencia clara con el resto
fair-segment-test = frente al resto: p = { $p }
