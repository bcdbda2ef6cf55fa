# Fuentes de resumen (docs/summary-feed.md): el banner, qué necesita datos a nivel de evento,
# notas de carga y errores.
summary-banner = Fuente de resumen generada con { $engine }: se han resumido { $events } eventos allí donde están; todas las cifras de abajo que se pueden sumar salen exactas de ella.
summary-needs = Necesitan datos a nivel de evento (se muestran como n/d):
summary-need-all = todo, con este filtro
summary-need-dimension = todo, con este filtro: usa una columna que la fuente de resumen no incluye
summary-need-partial_day = todo, con este filtro: el rango de fechas empieza o acaba a mitad de un día, y la fuente cuenta días completos
summary-need-path = todo, con un paso de los flujos como filtro: selecciona clientes por su recorrido
summary-need-customers = clientes únicos, con este filtro
summary-need-breakdown = el embudo por esta dimensión (la fuente tiene customer journey, buyer persona y canal)
summary-need-nps_breakdown = el NPS por esta dimensión (la fuente tiene customer journey, buyer persona, canal, etapa y punto de contacto)
summary-need-nps_latest = el NPS con solo la última respuesta de cada cliente
summary-need-cell_customers = clientes únicos por celda del mapa (con un filtro, o en «(otros)»)
summary-need-comments = comentarios
summary-need-customer_lists = listas de clientes (los que abandonan tras un paso)
summary-need-funnel = el embudo de conversión y los KPI de conversión con este filtro o esta configuración del embudo
summary-need-kpis = la comparación con el periodo anterior y las minigráficas de los KPI de conversión (con un filtro, también los clientes únicos y promotores frente a detractores)
summary-need-median_convert = la mediana de días hasta la conversión
summary-need-median_steps = la mediana de días entre pasos del embudo (las medias son exactas)
summary-need-exits_by_stage = los puntos de contacto de salida por etapa más avanzada (esta fuente es anterior y no los incluye; vuelve a ejecutar make summary)
summary-need-other = otras cifras
summary-need-paths = puntos de contacto de salida y traspasos con un filtro
summary-need-priority = la matriz de prioridades y los momentos de la verdad (correlacionan las respuestas de cada cliente)
summary-need-flows = los flujos del recorrido (siguen el camino de cada cliente, evento a evento)
summary-chart_needs_events = Este gráfico necesita datos a nivel de evento: una fuente de resumen guarda totales, no el recorrido de cada cliente.
summary-needs_events_help = Carga los eventos (CSV o JSON) para verlo; el resto de vistas se calculan a partir del resumen.
msg-need-event_level_data = datos a nivel de evento
msg-load-summary_feed = { $events ->
    [one] Fuente de resumen generada con { $engine } a partir de { $events } evento. Las cifras que necesitan los eventos se marcan; nunca se estiman.
   *[other] Fuente de resumen generada con { $engine } a partir de { $events } eventos. Las cifras que necesitan los eventos se marcan; nunca se estiman.
}
msg-summary-not_valid = No se puede leer esta fuente de resumen: { $detail }.
msg-summary-version = Esta fuente de resumen es de la versión { $found }; este Journey Lens lee la versión { $supported }.
msg-summary-inconsistent = Esta fuente de resumen no cuadra: la tabla «{ $table }» tiene columnas de longitudes distintas, o un código, un día o un paso fuera de lo que declara la fuente. Vuelve a generarla con make summary.
summary-lane_needs_events = (requiere datos a nivel de evento)
