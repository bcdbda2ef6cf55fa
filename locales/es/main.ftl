# Journey Lens — español. Un mensaje por línea: `id = texto`; `{ $name }` es un valor que
# rellena la aplicación. Los ids son los de locales/en/main.ftl; donde un número cambia la
# frase, el selector `{ $n -> … }` elige la forma según las reglas de plural CLDR.

action-cancel = Cancelar
action-dismiss = Cerrar
app-name = Journey Lens
app-tagline = Analítica del customer journey, calculada en tu navegador
chart-all_customers = Todos los clientes
chart-answer = Respuesta
chart-answer_n = Respuesta { $n }
chart-answers = Respuestas
chart-breakdown_caption = Tasa de conversión por { $dimension }
chart-breakdown_summary = Tasa de conversión por { $dimension } en { $n ->
        [one] { $n } grupo
       *[other] { $n } grupos
    }: la más alta, { $best } ({ $best_rate }); la más baja, { $worst } ({ $worst_rate }).
chart-cap_first_stages = Se dibujan las { $n } primeras etapas de { $total }; la tabla las muestra todas.
chart-cap_groups = Se dibujan los { $n } grupos más grandes de { $total }; el resto se suma en «(otros)».
chart-cap_personas = Se dibujan las { $n } buyer personas con más respuestas (de { $total }); el resto está en «(otros)».
chart-cap_points = Se dibujan los { $n } puntos de contacto con más clientes (de { $total }); la tabla los muestra todos.
chart-cap_stages = Se dibujan las { $n } etapas con más eventos (de { $total }); el resto se suma en «(otros)».
chart-cap_touchpoints = Se dibujan los { $n } puntos de contacto con más eventos (de { $total }); el resto se suma en «(otros)».
chart-category = Categoría
chart-complete = Periodo completo
chart-conversion_rate = Tasa de conversión
chart-converted = Convertidos
chart-customers = Clientes
chart-detractors = Detractores
chart-distribution_caption = Respuestas NPS del 0 al 10
chart-distribution_summary = { $total ->
        [one] { $total } respuesta
       *[other] { $total } respuestas
    } del 0 al 10; la respuesta más frecuente es { $answer } ({ $count ->
        [one] { $count } respuesta
       *[other] { $count } respuestas
    }).
chart-download_png = Descargar PNG
chart-drop_off = Abandono
chart-effort = Esfuerzo
chart-emotion_caption = Satisfacción (0–100) a lo largo del viaje del cliente
chart-emotion_summary = Satisfacción (0–100) a lo largo de { $n ->
        [one] { $n } etapa
       *[other] { $n } etapas
    }: la más baja, { $low } en { $low_stage }; la más alta, { $high } en { $high_stage }.
chart-events = Eventos
chart-from = Origen
chart-funnel_caption = Clientes que llegan a cada etapa del embudo
chart-funnel_summary = Embudo de { $n } etapas: { $first ->
        [one] { $first } cliente llegó
       *[other] { $first } clientes llegaron
    } a { $first_stage } y { $last ->
        [one] { $last } ({ $pct }) llegó
       *[other] { $last } ({ $pct }) llegaron
    } a { $last_stage }.
chart-funnel_summary_one = Embudo de una etapa: { $first ->
        [one] { $first } cliente llegó
       *[other] { $first } clientes llegaron
    } a { $first_stage }.
chart-handoffs = Traspasos
chart-handoffs_caption = Traspasos más frecuentes entre puntos de contacto
chart-handoffs_summary = { $total ->
        [one] { $total } traspaso
       *[other] { $total } traspasos
    } de { $customers ->
        [one] { $customers } cliente
       *[other] { $customers } clientes
    }; el más frecuente es { $pair } ({ $count }, { $share }).
chart-heatmap_caption = Satisfacción media por etapa y punto de contacto
chart-heatmap_summary = Mapa de experiencia de { $stages ->
        [one] { $stages } etapa
       *[other] { $stages } etapas
    } × { $touchpoints ->
        [one] { $touchpoints } punto de contacto
       *[other] { $touchpoints } puntos de contacto
    }: satisfacción más baja, { $low } en { $low_cell }; más alta, { $high } en { $high_cell }.
chart-hide_data = Ocultar datos
chart-importance = Importancia
chart-importance_axis = Importancia (correlación con el NPS)
chart-incomplete_period = Periodo aún en curso
chart-interval = Intervalo del 95 %
chart-margin = Margen de error (±)
chart-mean = Media
chart-median = Mediana
chart-more_stages = … y { $n ->
        [one] { $n } etapa más
       *[other] { $n } etapas más
    }
chart-needs = Este gráfico necesita una columna de: { $what }
chart-needs_nps = No hay NPS: ninguna pregunta de 0 a 10.
chart-no = No
chart-no_answers = sin respuestas
chart-no_breakdown = Elige un desglose para comparar grupos
chart-no_data = Sin datos
chart-no_data_sentence = No hay datos que mostrar.
chart-no_events = Sin eventos
chart-nps_stack_caption = Promotores, pasivos y detractores (NPS { $nps })
chart-nps_stack_summary = NPS { $nps } con { $n ->
        [one] { $n } respuesta
       *[other] { $n } respuestas
    }: { $promoters } promotores, { $passives } pasivos, { $detractors } detractores.
chart-nps_trend_caption = NPS por periodo, con su margen de error del 95 %
chart-nps_trend_summary = NPS a lo largo de { $n ->
        [one] { $n } periodo
       *[other] { $n } periodos
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-others_pairs = Otros ({ $n ->
        [one] { $n } par
       *[other] { $n } pares
    })
chart-passives = Pasivos
chart-pct_of_first = % sobre la primera
chart-pct_of_previous = % sobre la anterior
chart-performance = Desempeño
chart-performance_axis = Desempeño (satisfacción 0–100)
chart-period = Periodo
chart-priority_caption = Prioridad de los puntos de contacto: desempeño e importancia
chart-priority_summary = Matriz de prioridades de { $n ->
        [one] { $n } punto de contacto
       *[other] { $n } puntos de contacto
    }. Mejorar primero: { $fix }.
chart-priority_summary_none = Matriz de prioridades de { $n ->
        [one] { $n } punto de contacto
       *[other] { $n } puntos de contacto
    }. Ninguno cae en «Mejorar primero».
chart-promoters = Promotores
chart-q_fix_first = Mejorar primero
chart-q_keep_up = Mantener el nivel
chart-q_low_priority = Prioridad baja
chart-q_possible_overkill = Posible exceso
chart-quadrant = Cuadrante
chart-responses = Respuestas
chart-satisfaction = Satisfacción
chart-satisfaction_100 = Satisfacción (0–100)
chart-satisfaction_at_to = Satisfacción en el destino
chart-share = Porcentaje
chart-share_negative = Respuestas negativas
chart-show_data = Ver datos
chart-sparkline_summary = { $label } a lo largo de { $n ->
        [one] { $n } periodo
       *[other] { $n } periodos
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-stage = Etapa
chart-started = Empezaron
chart-to = Destino
chart-touchpoint = Punto de contacto
chart-trend_caption = Conversión por periodo de cohorte
chart-trend_summary = Conversión por cohorte a lo largo de { $n ->
        [one] { $n } periodo
       *[other] { $n } periodos
    }: de { $first } ({ $first_period }) a { $last } ({ $last_period }).
chart-ttc_caption = Días entre etapas consecutivas del embudo
chart-ttc_ordered_only = Para calcular el tiempo hasta la conversión hace falta un embudo ordenado con fechas
chart-ttc_summary = La mediana del tiempo entre etapas va de { $min } ({ $min_step }) a { $max } ({ $max_step }).
chart-yes = Sí
coming = Próximamente
data-apply_mapping = Aplicar la asignación y recargar
data-column = Columna
data-customers = { $n ->
        [one] { $n } cliente
       *[other] { $n } clientes
    }
data-drop = Suelta aquí un archivo CSV o JSON, o bien
data-feed = URL del feed JSON
data-line = Línea
data-load_feed = Cargar feed
data-load_pasted = Cargar los datos pegados
data-mapping = Asignación de columnas
data-mapping_help = Cada columna de tu archivo y qué significa. Cambia un rol y aplícalo: Journey Lens recuerda la asignación para los archivos con la misma cabecera.
data-paste = Pegar texto CSV
data-pick = Elegir un archivo
data-preview = Primeros valores
data-reason = Motivo
data-refresh_every = Actualizar cada
data-refresh_off = Desactivado
data-rejected = { $n ->
        [one] { $n } fila rechazada
       *[other] { $n } filas rechazadas
    }
data-reload_feed = Recargar feed
data-role = Rol
data-role_of = Rol de la columna { $column }
data-row_ids = Cada fila es un cliente (no hay columna de cliente)
data-samples = Datos de ejemplo
data-sat_scale = Escala de satisfacción
data-sources = Cargar datos
data-summary = Resumen de la carga
error-http = No se pudo cargar { $url }: el servidor respondió HTTP { $status }.
feed-error = No se pudo cargar el feed { $url }: { $reason }. Los datos que ya tenías cargados siguen en pantalla.
feed-reason-http = el servidor respondió HTTP { $status }
feed-reason-invalid = no es una dirección web
feed-reason-read = la respuesta se cortó mientras se leía ({ $detail })
feed-reason-scheme = solo se pueden cargar como feed las direcciones que empiezan por http:// o https://, no las direcciones { $scheme }:
feed-reason-timeout = el servidor no respondió en { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    } y se detuvo la petición
feed-reason-too_large = el feed supera los { $mb } MB, el máximo que este navegador puede analizar de una vez
feed-reason-unreachable = no se pudo acceder a la dirección (sin conexión, dirección incorrecta o un servidor que no admite peticiones desde otros sitios)
filter-clear = Borrar filtros
filter-from = Desde
filter-kept = { $customers ->
        [one] { $customers } cliente
       *[other] { $customers } clientes
    } · { $events } de { $total } eventos
filter-label = Filtros
filter-to = Hasta
forget-action = Olvidar mis datos
forget-done = Hecho: este navegador ya no guarda nada tuyo. Los datos en pantalla se mantienen hasta que recargues o cierres la página.
forget-failed = No se pudo olvidar todo: { $reason }
forget-help = Journey Lens guarda en este navegador tu último conjunto de datos, las asignaciones de columnas, la dirección del feed y la configuración, para recuperarlos al recargar. Nunca se envía nada a ningún sitio.
forget-title = Tus datos en este navegador
forget-working = Olvidando…
jes-ces = (CES − 1) / 6 × 100
jes-conversion = Tasa de conversión
jes-csat = CSAT
jes-nps = (NPS + 100) / 2
kpi-ces = CES (esfuerzo medio)
kpi-ces_easy_pct = Fácil (CES 5–7)
kpi-churn_rate = Tasa de abandono
kpi-conversion_rate = Tasa de conversión
kpi-csat = CSAT (top-2-box)
kpi-customers = Clientes
kpi-interactions = Interacciones
kpi-interactions_per_customer = Interacciones por cliente
kpi-jes = Puntuación de excelencia del viaje (JES)
kpi-median_days_to_convert = Mediana de días hasta la conversión
kpi-nps = NPS
kpi-repeat_rate = Tasa de repetición
kpi-retention_rate = Tasa de retención
kpi-revenue_per_converted = Ingresos por cliente convertido
kpi-revenue_per_customer = Ingresos por cliente
kpi-revenue_total = Ingresos
kpi-touchpoints = Puntos de contacto
load-cancelled = Se canceló la carga; los datos que ya tenías cargados siguen en pantalla.
load-dates = Fechas
load-decimal = Separador decimal
load-decimal_comma = coma (1.234,5)
load-decimal_point = punto (1,234.5)
load-delimiter = Separador
load-delimiter_tab = tabulador
load-encoding = Codificación
load-format = Formato
load-progress = { $rows ->
        [one] { $rows } fila
       *[other] { $rows } filas
    } · { $done } de { $total } MB
load-suggest_scale = Algunas respuestas de satisfacción quedan fuera de la escala declarada y esas filas se han rechazado. Los valores encajan en una escala { $scale }.
load-summary = { $loaded ->
        [one] { $loaded } fila cargada
       *[other] { $loaded } filas cargadas
    }, { $rejected ->
        [one] { $rejected } rechazada
       *[other] { $rejected } rechazadas
    }
load-too_large = { $name } ocupa { $mb } MB, demasiado para que este navegador lo analice de una vez (el límite ronda los 900 MB). Filtra o divide la exportación y carga un archivo más pequeño.
load-use_scale = Recargar con la escala { $scale }
nav-data = Datos
nav-experience = Mapa de experiencia
nav-funnel = Embudo
nav-kpis = Indicadores clave
nav-label = Vistas
nav-nps = NPS
panic-reload = Recargar
panic-text = Tus datos y tu configuración están a salvo. Recarga la página para continuar.
panic-title = Algo ha fallado.
report-download = Descargar informe (JSON)
role-channel = Canal
role-comment = Comentario
role-customer_id = Cliente
role-dimension = Dimensión de desglose
role-effort = Esfuerzo (CES)
role-ignore = Ignorar
role-journey = Viaje del cliente
role-nps = NPS
role-persona = Buyer persona
role-revenue = Ingresos
role-satisfaction = Satisfacción
role-stage = Etapa
role-timestamp = Fecha y hora
role-touchpoint = Punto de contacto
settings-automatic = Automático
settings-conversion_stage = Etapa de conversión
settings-down = Bajar
settings-jes_weights = Pesos de la puntuación de excelencia del viaje
settings-min_count = Mínimo de respuestas para los puntos de dolor y la matriz de prioridades
settings-mode = Modo del embudo
settings-mode_any = Cualquier orden
settings-mode_auto = Automático (ordenado si hay fechas)
settings-mode_ordered = Ordenado
settings-month = Mes
settings-no_window = Sin ventana
settings-nps_latest = NPS: solo la última respuesta de cada cliente
settings-order_from_feed = El feed fija el orden de las etapas y tiene prioridad sobre esta lista.
settings-period = Periodo de la tendencia
settings-reset_order = Orden automático
settings-stage_order = Orden de las etapas
settings-targets = Objetivos de los KPI
settings-title = Configuración
settings-up = Subir
settings-week = Semana
settings-window = Ventana de conversión (días)
source-pasted = Datos pegados
start-offer_computing = La última sesión se detuvo mientras analizaba { $what }. ¿Quieres volver a abrirlo?
start-offer_loading = La última sesión se detuvo mientras abría { $what }. ¿Quieres volver a abrirlo?
start-reopen = Volver a abrir
start-sample = Empezar con los datos de ejemplo
start-the_last_dataset = el último conjunto de datos
table-download_csv = Descargar CSV
table-more_rows = … y { $n ->
        [one] { $n } fila más
       *[other] { $n } filas más
    } (el CSV descargado las tiene todas)
theme-toggle = Cambiar entre tema claro y oscuro
view-breakdown_by = Comparar por
view-breakdown_none = Sin desglose
view-exp-emotion = Curva de emociones
view-exp-exits = Puntos de contacto de salida
view-exp-exits_caption = Último punto de contacto de los clientes que no llegaron a la última etapa
view-exp-handoffs = Traspasos entre puntos de contacto
view-exp-heatmap = Mapa de experiencia: satisfacción por etapa y punto de contacto
view-exp-columns_by = Columnas del mapa por
view-exp-pain = Puntos de dolor
view-exp-pain_caption = Celdas etapa × punto de contacto con al menos { $n ->
        [one] { $n } respuesta
       *[other] { $n } respuestas
    }, en el orden de «Qué mejorar primero»
view-exp-priority = Matriz de prioridades: los momentos que importan
view-funnel-after_step = Después de { $stage } ({ $n ->
        [one] { $n } cliente
       *[other] { $n } clientes
    })
view-funnel-bars = Embudo de conversión
view-funnel-breakdown = Embudo por segmento
view-funnel-conversion_to = Conversión a { $stage }
view-funnel-dropped = Clientes que abandonaron
view-funnel-dropped_help = Descarga los clientes que llegaron a una etapa pero no a la siguiente.
view-funnel-entered = Clientes que entran en el embudo
view-funnel-order-built_in = nombres de etapa predefinidos
view-funnel-order-file_order = el orden en que cada etapa aparece por primera vez en el archivo
view-funnel-order-median_time = la mediana del momento en que los clientes llegan por primera vez a cada etapa
view-funnel-order-meta = definido por el feed
view-funnel-order-setting = definido en tu configuración
view-funnel-order_source = Orden de las etapas: { $source }.
view-funnel-use_automatic_order = Usar el orden automático
view-funnel-forget_saved_order = Olvidar el orden guardado
view-funnel-placed_by_data = Colocadas según los datos (revísalas): { $names }.
view-funnel-time = Tiempo entre etapas
view-funnel-trend = Conversión por cohorte
view-kpi-component = Componente
view-kpi-difference = Promotores menos detractores
view-kpi-impact = Impacto de la experiencia
view-kpi-impact_help = ¿Los clientes con mejor experiencia gastan más y se quedan más tiempo? Cada cliente se clasifica por su última respuesta NPS.
view-kpi-jes = Puntuación de excelencia del viaje
view-kpi-jes_components = Componentes en una escala de 0 a 100
view-kpi-jes_help = Media ponderada de CSAT, NPS, conversión y esfuerzo, todos de 0 a 100; los componentes sin datos no se tienen en cuenta.
view-kpi-met = Objetivo cumplido
view-kpi-missed = Objetivo no cumplido
view-kpi-period = Comparación de periodos: { $current } frente a { $previous }
view-kpi-revenue_per_customer = Ingresos por cliente
view-kpi-target = objetivo
view-kpi-weight = Peso
view-kpi-within = A menos de un 10 % del objetivo
view-needs_help = Asigna una columna a ese rol en la vista Datos, o carga un archivo que la tenga.
view-nps-breakdown = NPS por segmento
view-nps-breakdown_caption = NPS por { $dimension }; cada segmento se compara con el resto
view-nps-comments = Comentarios por categoría
view-nps-distribution = Respuestas del 0 al 10
view-nps-low_sample = Muestra pequeña (< 30)
view-nps-margin = ± { $m } (95 %)
view-nps-no_score = Sin respuesta NPS
view-nps-score = Net Promoter Score
view-nps-significant = Significativo (p < 0,05)
view-nps-stack = Promotores, pasivos y detractores
view-nps-trend = Evolución del NPS

# The label of an empty cell of the data, and of the categories folded together past the top ones.
label-missing = (sin valor)
label-others = (otros)
