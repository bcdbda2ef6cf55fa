# El mapa del viatge del client (src/ui/views/journey_map.rs, src/charts/journey_map.rs).
nav-journey_map = Mapa del viatge
jmap-title = Mapa del viatge del client
jmap-lane-reach = Clients
jmap-lane-touchpoints = Punts de contacte
jmap-lane-channels = Canals
jmap-lane-emotion = Emocions
jmap-lane-pain = Punts de dolor
jmap-lane-exits = Sortides
jmap-lane-moments = Moments de la veritat
jmap-lane-nps_ces = NPS · CES
jmap-of_previous = { $pct } de l'etapa anterior
jmap-of_first = { $pct } de la primera
jmap-nps_value = NPS { $nps }
jmap-ces_value = CES { $ces }
jmap-no_column = (sense columna)
jmap-no_nps_question = (cap pregunta de 0 a 10)
jmap-neutral = neutral
jmap-left_here = { $n ->
    [one] { $n } client no ha passat d'aquesta etapa
   *[other] { $n } clients no han passat d'aquesta etapa
}
jmap-pain_rule = Les pitjors cel·les d'aquesta etapa amb almenys { $n } respostes
jmap-moments_rule = Punts de contacte d'aquesta etapa la satisfacció dels quals mou més l'NPS (matriu de prioritats)
jmap-nps_rule = Clients la darrera resposta NPS dels quals és d'aquesta etapa
jmap-diff = Diferència respecte de { $other }: { $delta }
jmap-caption = Mapa del viatge del client: una fila per etapa de l'embut
jmap-caption_persona = Mapa del viatge de { $persona }: una fila per etapa de l'embut
jmap-summary = Mapa del viatge de { $n } etapes: { $first } clients a { $first_stage } i { $last } a { $last_stage }.
jmap-summary_low = Satisfacció més baixa: { $value } de 100 a { $stage }.
jmap-persona = Buyer persona
jmap-compare = Compara dues buyer personas
jmap-compare_with = Compara amb
jmap-compare_hint = Les xifres que canvien entre els dos mapes queden ressaltades; passeu-hi el ratolí per veure'n la diferència.
jmap-print = Imprimeix
jmap-details = Vistes detallades
jmap-no_data = Carregueu dades per veure el mapa del viatge.
jmap-open_data = Obre la pestanya Dades
jmap-loading = S'està carregant la mostra…
jmap-no_personas = Aquestes dades no tenen columna de buyer persona.
jmap-scroll_hint = Desplaceu-vos de costat per veure totes les etapes.
jmap-lane_link = Feu clic per obrir la vista detallada d'aquesta fila
