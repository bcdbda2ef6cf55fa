# Fonts de resum (docs/summary-feed.md): el bàner, què necessita dades a nivell d'esdeveniment,
# notes de càrrega i errors.
summary-banner = Font de resum generada amb { $engine }: s'han resumit { $events } esdeveniments allà on són; totes les xifres de sota que es poden sumar en surten exactes.
summary-needs = Necessiten dades a nivell d'esdeveniment (es mostren com a n/d):
summary-need-all = tot, amb aquest filtre
summary-need-dimension = tot, amb aquest filtre: fa servir una columna que la font de resum no porta
summary-need-partial_day = tot, amb aquest filtre: l'interval de dates comença o acaba a mig dia, i la font compta dies sencers
summary-need-path = tot, amb un pas dels fluxos com a filtre: selecciona clients pel seu recorregut
summary-need-customers = clients únics, amb aquest filtre
summary-need-breakdown = l'embut per aquesta dimensió (la font té customer journey, buyer persona i canal)
summary-need-nps_breakdown = l'NPS per aquesta dimensió (la font té customer journey, buyer persona, canal, etapa i punt de contacte)
summary-need-nps_latest = l'NPS amb només l'última resposta de cada client
summary-need-cell_customers = clients únics per cel·la del mapa (amb un filtre, o a «(altres)»)
summary-need-comments = comentaris
summary-need-customer_lists = llistes de clients (els que abandonen després d'un pas)
summary-need-funnel = l'embut de conversió i els KPI de conversió amb aquest filtre o aquesta configuració de l'embut
summary-need-kpis = la comparació amb el període anterior i les minigràfiques dels KPI de conversió (amb un filtre, també els clients únics i promotors vs. detractors)
summary-need-median_convert = la mediana de dies fins a la conversió
summary-need-median_steps = la mediana de dies entre passos de l'embut (les mitjanes són exactes)
summary-need-exits_by_stage = els punts de contacte de sortida per etapa més avançada (aquesta font és anterior i no els porta; torna a executar make summary)
summary-need-other = altres xifres
summary-need-paths = punts de contacte de sortida i traspassos amb un filtre
summary-need-priority = la matriu de prioritats i els moments de la veritat (correlacionen les respostes de cada client)
summary-need-flows = els fluxos del recorregut (segueixen el camí de cada client, esdeveniment a esdeveniment)
summary-chart_needs_events = Aquest gràfic necessita dades a nivell d'esdeveniment: una font de resum guarda totals, no el recorregut de cada client.
summary-needs_events_help = Carrega els esdeveniments (CSV o JSON) per veure'l; la resta de vistes es calculen a partir del resum.
msg-need-event_level_data = dades a nivell d'esdeveniment
msg-load-summary_feed = { $events ->
    [one] Font de resum generada amb { $engine } a partir d'{ $events } esdeveniment. Les xifres que necessiten els esdeveniments es marquen; mai no s'estimen.
   *[other] Font de resum generada amb { $engine } a partir de { $events } esdeveniments. Les xifres que necessiten els esdeveniments es marquen; mai no s'estimen.
}
msg-summary-not_valid = No es pot llegir aquesta font de resum: { $detail }.
msg-summary-version = Aquesta font de resum és de la versió { $found }; aquest Journey Lens llegeix la versió { $supported }.
msg-summary-inconsistent = Aquesta font de resum no quadra: la taula «{ $table }» té columnes de llargades diferents, o un codi, un dia o un pas fora del que declara la font. Torna-la a generar amb make summary.
summary-lane_needs_events = (cal dades a nivell d'esdeveniment)
