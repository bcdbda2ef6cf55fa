# Journey Lens — català. Un missatge per línia: `id = text`; `{ $name }` és un valor que
# l'aplicació omple. Els ids són els de locales/en/main.ftl; on un nombre canvia la
# frase, el selector `{ $n -> … }` tria la forma segons les regles de plural CLDR.

action-cancel = Cancel·la
action-dismiss = Tanca
app-name = Journey Lens
app-tagline = Analítica del customer journey, calculada al teu navegador
chart-all_customers = Tots els clients
chart-answer = Resposta
chart-answer_n = Resposta { $n }
chart-answers = Respostes
chart-breakdown_caption = Taxa de conversió per { $dimension }
chart-breakdown_summary = Taxa de conversió per { $dimension } en { $n ->
        [one] { $n } grup
       *[other] { $n } grups
    }: la més alta, { $best } ({ $best_rate }); la més baixa, { $worst } ({ $worst_rate }).
chart-cap_first_stages = Es dibuixen les { $n } primeres etapes de { $total }; la taula les mostra totes.
chart-cap_groups = Es dibuixen els { $n } grups més grans de { $total }; la resta se sumen a «(altres)».
chart-cap_personas = Es dibuixen les { $n } buyer personas amb més respostes (de { $total }); la resta són a «(altres)».
chart-cap_points = Es dibuixen els { $n } punts de contacte amb més clients (de { $total }); la taula els mostra tots.
chart-cap_stages = Es dibuixen les { $n } etapes amb més esdeveniments (de { $total }); la resta se sumen a «(altres)».
chart-cap_touchpoints = Es dibuixen els { $n } punts de contacte amb més esdeveniments (de { $total }); la resta se sumen a «(altres)».
chart-category = Categoria
chart-complete = Període complet
chart-conversion_rate = Taxa de conversió
chart-converted = Convertits
chart-customers = Clients
chart-detractors = Detractors
chart-distribution_caption = Respostes NPS del 0 al 10
chart-distribution_summary = { $total ->
        [one] { $total } resposta
       *[other] { $total } respostes
    } del 0 al 10; la resposta més freqüent és { $answer } ({ $count ->
        [one] { $count } resposta
       *[other] { $count } respostes
    }).
chart-download_png = Baixa el PNG
chart-drop_off = Abandonament
chart-effort = Esforç
chart-emotion_caption = Satisfacció (0–100) al llarg del viatge del client
chart-emotion_summary = Satisfacció (0–100) al llarg de { $n ->
        [one] { $n } etapa
       *[other] { $n } etapes
    }: la més baixa, { $low } a { $low_stage }; la més alta, { $high } a { $high_stage }.
chart-events = Esdeveniments
chart-from = Origen
chart-funnel_caption = Clients que arriben a cada etapa de l'embut
chart-funnel_summary = Embut de { $n } etapes: { $first ->
        [one] { $first } client ha arribat
       *[other] { $first } clients han arribat
    } a { $first_stage } i { $last ->
        [one] { $last } ({ $pct }) ha arribat
       *[other] { $last } ({ $pct }) han arribat
    } a { $last_stage }.
chart-funnel_summary_one = Embut d'una etapa: { $first ->
        [one] { $first } client ha arribat
       *[other] { $first } clients han arribat
    } a { $first_stage }.
chart-handoffs = Traspassos
chart-handoffs_caption = Traspassos més freqüents entre punts de contacte
chart-handoffs_summary = { $total ->
        [one] { $total } traspàs
       *[other] { $total } traspassos
    } de { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    }; el més freqüent és { $pair } ({ $count }, { $share }).
chart-heatmap_caption = Satisfacció mitjana per etapa i punt de contacte
chart-heatmap_summary = Mapa de l'experiència de { $stages ->
        [one] { $stages } etapa
       *[other] { $stages } etapes
    } × { $touchpoints ->
        [one] { $touchpoints } punt de contacte
       *[other] { $touchpoints } punts de contacte
    }: satisfacció més baixa, { $low } a { $low_cell }; més alta, { $high } a { $high_cell }.
chart-hide_data = Amaga les dades
chart-importance = Importància
chart-importance_axis = Importància (correlació amb l'NPS)
chart-incomplete_period = Període encara en curs
chart-interval = Interval del 95 %
chart-margin = Marge d'error (±)
chart-mean = Mitjana
chart-median = Mediana
chart-more_stages = … i { $n ->
        [one] { $n } etapa més
       *[other] { $n } etapes més
    }
chart-needs = Aquest gràfic necessita una columna de: { $what }
chart-needs_nps = No hi ha NPS: cap pregunta de 0 a 10.
chart-no = No
chart-no_answers = sense respostes
chart-no_breakdown = Tria un desglossament per comparar grups
chart-no_data = Sense dades
chart-no_data_sentence = No hi ha dades per mostrar.
chart-no_events = Sense esdeveniments
chart-nps_stack_caption = Promotors, passius i detractors (NPS { $nps })
chart-nps_stack_summary = NPS { $nps } amb { $n ->
        [one] { $n } resposta
       *[other] { $n } respostes
    }: { $promoters } promotors, { $passives } passius, { $detractors } detractors.
chart-nps_trend_caption = NPS per període, amb el marge d'error del 95 %
chart-nps_trend_summary = NPS al llarg de { $n ->
        [one] { $n } període
       *[other] { $n } períodes
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-others_pairs = Altres ({ $n ->
        [one] { $n } parell
       *[other] { $n } parells
    })
chart-passives = Passius
chart-pct_of_first = % sobre la primera
chart-pct_of_previous = % sobre l'anterior
chart-performance = Rendiment
chart-performance_axis = Rendiment (satisfacció 0–100)
chart-period = Període
chart-priority_caption = Prioritat dels punts de contacte: rendiment i importància
chart-priority_summary = Matriu de prioritats de { $n ->
        [one] { $n } punt de contacte
       *[other] { $n } punts de contacte
    }. Cal millorar primer: { $fix }.
chart-priority_summary_none = Matriu de prioritats de { $n ->
        [one] { $n } punt de contacte
       *[other] { $n } punts de contacte
    }. Cap no cau a «Millora primer».
chart-promoters = Promotors
chart-q_fix_first = Millora primer
chart-q_keep_up = Mantén el nivell
chart-q_low_priority = Prioritat baixa
chart-q_possible_overkill = Potser sobreinvertit
chart-quadrant = Quadrant
chart-responses = Respostes
chart-satisfaction = Satisfacció
chart-satisfaction_100 = Satisfacció (0–100)
chart-satisfaction_at_to = Satisfacció a la destinació
chart-share = Percentatge
chart-share_negative = Respostes negatives
chart-show_data = Mostra les dades
chart-sparkline_summary = { $label } al llarg de { $n ->
        [one] { $n } període
       *[other] { $n } períodes
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-stage = Etapa
chart-started = Han començat
chart-to = Destinació
chart-touchpoint = Punt de contacte
chart-trend_caption = Conversió per període de cohort
chart-trend_summary = Conversió per cohort al llarg de { $n ->
        [one] { $n } període
       *[other] { $n } períodes
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-ttc_caption = Dies entre etapes consecutives de l'embut
chart-ttc_ordered_only = Per calcular el temps fins a la conversió cal un embut ordenat amb dates
chart-ttc_summary = La mediana del temps entre etapes va de { $min } ({ $min_step }) a { $max } ({ $max_step }).
chart-yes = Sí
coming = Aviat
data-apply_mapping = Aplica l'assignació i torna a carregar
data-column = Columna
data-customers = { $n ->
        [one] { $n } client
       *[other] { $n } clients
    }
data-drop = Deixa anar aquí un fitxer CSV o JSON, o bé
data-feed = URL del feed JSON
data-line = Línia
data-load_feed = Carrega el feed
data-load_pasted = Carrega les dades enganxades
data-mapping = Assignació de columnes
data-mapping_help = Cada columna del fitxer i què vol dir. Canvia'n el rol i aplica-ho: Journey Lens recorda l'assignació per als fitxers amb la mateixa capçalera.
data-paste = Enganxa text CSV
data-pick = Tria un fitxer
data-preview = Primers valors
data-reason = Motiu
data-refresh_every = Actualitza cada
data-refresh_off = Desactivat
data-rejected = { $n ->
        [one] { $n } fila rebutjada
       *[other] { $n } files rebutjades
    }
data-reload_feed = Torna a carregar el feed
data-role = Rol
data-role_of = Rol de la columna { $column }
data-row_ids = Cada fila és un client (no hi ha columna de client)
data-samples = Dades d'exemple
data-sat_scale = Escala de satisfacció
data-sources = Carrega dades
data-summary = Resum de la càrrega
error-http = No s'ha pogut carregar { $url }: el servidor ha respost HTTP { $status }.
feed-error = No s'ha pogut carregar el feed { $url }: { $reason }. Les dades que ja tenies carregades continuen en pantalla.
feed-reason-http = el servidor ha respost HTTP { $status }
feed-reason-invalid = no és una adreça web
feed-reason-read = la resposta s'ha tallat mentre es llegia ({ $detail })
feed-reason-scheme = només es poden carregar com a feed les adreces que comencen per http:// o https://, no les adreces { $scheme }:
feed-reason-timeout = el servidor no ha respost en { $seconds ->
        [one] { $seconds } segon
       *[other] { $seconds } segons
    } i s'ha aturat la petició
feed-reason-too_large = el feed supera els { $mb } MB, el màxim que aquest navegador pot analitzar d'un cop
feed-reason-unreachable = no s'ha pogut accedir a l'adreça (sense connexió, adreça incorrecta o un servidor que no admet peticions d'altres llocs)
filter-clear = Esborra els filtres
filter-from = Des del
filter-kept = { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    } · { $events } de { $total } esdeveniments
filter-label = Filtres
filter-to = Fins al
forget-action = Oblida les meves dades
forget-done = Fet: aquest navegador ja no guarda res teu. Les dades en pantalla es mantenen fins que recarreguis o tanquis la pàgina.
forget-failed = No s'ha pogut oblidar tot: { $reason }
forget-help = Journey Lens guarda en aquest navegador el darrer conjunt de dades, les assignacions de columnes, l'adreça del feed i la configuració, perquè tornin en recarregar la pàgina. Mai no s'envia res enlloc.
forget-title = Les teves dades en aquest navegador
forget-working = Oblidant…
jes-ces = (CES − 1) / 6 × 100
jes-conversion = Taxa de conversió
jes-csat = CSAT
jes-nps = (NPS + 100) / 2
kpi-ces = CES (esforç mitjà)
kpi-ces_easy_pct = Fàcil (CES 5–7)
kpi-churn_rate = Taxa d'abandonament
kpi-conversion_rate = Taxa de conversió
kpi-csat = CSAT (top-2-box)
kpi-customers = Clients
kpi-interactions = Interaccions
kpi-interactions_per_customer = Interaccions per client
kpi-jes = Puntuació d'excel·lència del viatge (JES)
kpi-median_days_to_convert = Mediana de dies fins a la conversió
kpi-nps = NPS
kpi-repeat_rate = Taxa de repetició
kpi-retention_rate = Taxa de retenció
kpi-revenue_per_converted = Ingressos per client convertit
kpi-revenue_per_customer = Ingressos per client
kpi-revenue_total = Ingressos
kpi-touchpoints = Punts de contacte
load-cancelled = S'ha cancel·lat la càrrega; les dades que ja tenies carregades continuen en pantalla.
load-dates = Dates
load-decimal = Separador decimal
load-decimal_comma = coma (1.234,5)
load-decimal_point = punt (1,234.5)
load-delimiter = Separador
load-delimiter_tab = tabulació
load-encoding = Codificació
load-format = Format
load-progress = { $rows ->
        [one] { $rows } fila
       *[other] { $rows } files
    } · { $done } de { $total } MB
load-suggest_scale = Algunes respostes de satisfacció queden fora de l'escala declarada i aquestes files s'han rebutjat. Els valors encaixen en una escala { $scale }.
load-summary = { $loaded ->
        [one] { $loaded } fila carregada
       *[other] { $loaded } files carregades
    }, { $rejected ->
        [one] { $rejected } rebutjada
       *[other] { $rejected } rebutjades
    }
load-too_large = { $name } ocupa { $mb } MB, massa perquè aquest navegador l'analitzi d'un cop (el límit és d'uns 900 MB). Filtra o divideix l'exportació i carrega un fitxer més petit.
load-use_scale = Torna a carregar amb l'escala { $scale }
nav-data = Dades
nav-experience = Mapa de l'experiència
nav-funnel = Embut
nav-kpis = Indicadors clau
nav-label = Vistes
nav-nps = NPS
panic-reload = Torna a carregar
panic-text = Les teves dades i la configuració estan a salvo. Torna a carregar la pàgina per continuar.
panic-title = Alguna cosa ha fallat.
report-download = Baixa l'informe (JSON)
role-channel = Canal
role-comment = Comentari
role-customer_id = Client
role-dimension = Dimensió de desglossament
role-effort = Esforç (CES)
role-ignore = Ignora
role-journey = Viatge del client
role-nps = NPS
role-persona = Buyer persona
role-revenue = Ingressos
role-satisfaction = Satisfacció
role-stage = Etapa
role-timestamp = Data i hora
role-touchpoint = Punt de contacte
settings-automatic = Automàtic
settings-conversion_stage = Etapa de conversió
settings-down = Mou avall
settings-jes_weights = Pesos de la puntuació d'excel·lència del viatge
settings-min_count = Mínim de respostes per als punts de dolor i la matriu de prioritats
settings-mode = Mode de l'embut
settings-mode_any = Qualsevol ordre
settings-mode_auto = Automàtic (ordenat si hi ha dates)
settings-mode_ordered = Ordenat
settings-month = Mes
settings-no_window = Sense finestra
settings-nps_latest = NPS: només la darrera resposta de cada client
settings-order_from_feed = El feed fixa l'ordre de les etapes i té prioritat sobre aquesta llista.
settings-period = Període de la tendència
settings-reset_order = Ordre automàtic
settings-stage_order = Ordre de les etapes
settings-targets = Objectius dels KPI
settings-title = Configuració
settings-up = Mou amunt
settings-week = Setmana
settings-window = Finestra de conversió (dies)
source-pasted = Dades enganxades
start-offer_computing = La darrera sessió es va aturar mentre analitzava { $what }. Vols tornar-ho a obrir?
start-offer_loading = La darrera sessió es va aturar mentre obria { $what }. Vols tornar-ho a obrir?
start-reopen = Torna a obrir
start-sample = Comença amb les dades d'exemple
start-the_last_dataset = el darrer conjunt de dades
table-download_csv = Baixa el CSV
table-more_rows = … i { $n ->
        [one] { $n } fila més
       *[other] { $n } files més
    } (el CSV baixat les té totes)
theme-toggle = Canvia entre el tema clar i el fosc
view-breakdown_by = Compara per
view-breakdown_none = Sense desglossament
view-exp-emotion = Corba d'emocions
view-exp-exits = Punts de contacte de sortida
view-exp-exits_caption = Darrer punt de contacte dels clients que no han arribat a l'última etapa
view-exp-handoffs = Traspassos entre punts de contacte
view-exp-heatmap = Mapa de l'experiència: satisfacció per etapa i punt de contacte
view-exp-columns_by = Columnes del mapa per
view-exp-pain = Punts de dolor
view-exp-pain_caption = Cel·les etapa × punt de contacte amb almenys { $n ->
        [one] { $n } resposta
       *[other] { $n } respostes
    }, en l’ordre de «Què cal millorar primer»
view-exp-priority = Matriu de prioritats: els moments de la veritat
view-funnel-after_step = Després de { $stage } ({ $n ->
        [one] { $n } client
       *[other] { $n } clients
    })
view-funnel-bars = Embut de conversió
view-funnel-breakdown = Embut per segment
view-funnel-conversion_to = Conversió a { $stage }
view-funnel-dropped = Clients que han abandonat
view-funnel-dropped_help = Baixa els clients que han arribat a una etapa però no a la següent.
view-funnel-entered = Clients que entren a l'embut
view-funnel-order-built_in = noms d'etapa predefinits
view-funnel-order-file_order = l'ordre en què cada etapa apareix per primer cop al fitxer
view-funnel-order-median_time = la mediana del moment en què els clients arriben per primer cop a cada etapa
view-funnel-order-meta = definit pel feed
view-funnel-order-setting = definit a la teva configuració
view-funnel-order_source = Ordre de les etapes: { $source }.
view-funnel-use_automatic_order = Fes servir l'ordre automàtic
view-funnel-forget_saved_order = Oblida l'ordre desat
view-funnel-placed_by_data = Col·locades segons les dades (comprova-les): { $names }.
view-funnel-time = Temps entre etapes
view-funnel-trend = Conversió per cohort
view-kpi-component = Component
view-kpi-difference = Promotors menys detractors
view-kpi-impact = Impacte de l'experiència
view-kpi-impact_help = Els clients amb una experiència millor gasten més i es queden més temps? Cada client es classifica per la seva darrera resposta NPS.
view-kpi-jes = Puntuació d'excel·lència del viatge
view-kpi-jes_components = Components en una escala de 0 a 100
view-kpi-jes_help = Mitjana ponderada de CSAT, NPS, conversió i esforç, tots de 0 a 100; els components sense dades no es tenen en compte.
view-kpi-met = Objectiu assolit
view-kpi-missed = Objectiu no assolit
view-kpi-period = Comparació de períodes: { $current } respecte a { $previous }
view-kpi-revenue_per_customer = Ingressos per client
view-kpi-target = objectiu
view-kpi-weight = Pes
view-kpi-within = A menys d'un 10 % de l'objectiu
view-needs_help = Assigna una columna a aquest rol a la vista Dades, o carrega un fitxer que en tingui.
view-nps-breakdown = NPS per segment
view-nps-breakdown_caption = NPS per { $dimension }; cada segment es compara amb la resta
view-nps-comments = Comentaris per categoria
view-nps-distribution = Respostes del 0 al 10
view-nps-low_sample = Mostra petita (< 30)
view-nps-margin = ± { $m } (95 %)
view-nps-no_score = Sense resposta NPS
view-nps-score = Net Promoter Score
view-nps-significant = Significatiu (p < 0,05)
view-nps-stack = Promotors, passius i detractors
view-nps-trend = Evolució de l'NPS

# The label of an empty cell of the data, and of the categories folded together past the top ones.
label-missing = (sense valor)
label-others = (altres)
