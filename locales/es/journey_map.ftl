# El mapa del customer journey (src/ui/views/journey_map.rs, src/charts/journey_map.rs).
nav-journey_map = Mapa del journey
jmap-title = Mapa del customer journey
jmap-lane-reach = Clientes
jmap-lane-touchpoints = Puntos de contacto
jmap-lane-channels = Canales
jmap-lane-emotion = Emociones
jmap-lane-pain = Puntos de dolor
jmap-lane-exits = Abandonos
jmap-lane-moments = Momentos de la verdad
jmap-lane-nps_ces = NPS · CES
jmap-of_previous = { $pct } de la etapa anterior
jmap-of_first = { $pct } de la primera
jmap-nps_value = NPS { $nps }
jmap-ces_value = CES { $ces }
jmap-no_column = (sin columna)
jmap-no_nps_question = (sin pregunta de 0 a 10)
jmap-neutral = neutral
jmap-left_here = { $n ->
    [one] { $n } cliente no pasó de esta etapa
   *[other] { $n } clientes no pasaron de esta etapa
}
jmap-pain_rule = Las peores celdas de esta etapa con al menos { $n } respuestas
jmap-moments_rule = Puntos de contacto de esta etapa cuya satisfacción más mueve el NPS (matriz de prioridades)
jmap-nps_rule = Clientes cuya última respuesta NPS llegó en esta etapa
jmap-diff = Diferencia con { $other }: { $delta }
jmap-caption = Mapa del customer journey: una fila por etapa del embudo
jmap-caption_persona = Mapa del customer journey de { $persona }: una fila por etapa del embudo
jmap-summary = Mapa del customer journey de { $n } etapas: { $first } clientes en { $first_stage } y { $last } en { $last_stage }.
jmap-summary_low = Satisfacción más baja: { $value } sobre 100 en { $stage }.
jmap-persona = Buyer persona
jmap-compare = Comparar dos buyer personas
jmap-compare_with = Comparar con
jmap-compare_hint = Las cifras que cambian entre los dos mapas aparecen recuadradas; pasa el ratón por encima para ver la diferencia.
jmap-print = Imprimir
jmap-details = Vistas detalladas
jmap-no_data = Carga datos para ver el mapa del customer journey.
jmap-open_data = Abrir la pestaña Datos
jmap-loading = Cargando la muestra…
jmap-no_personas = Estos datos no tienen columna de buyer persona.
jmap-scroll_hint = Desplázate en horizontal para ver todas las etapas.
jmap-lane_link = Haz clic para abrir la vista detallada de esta fila
