# El que informen les capes internes, en frases (src/message.rs, src/present/message.rs).

## Problemes de fila (per què s'ha refusat una cel·la o un registre sencer)

msg-row-customer_missing = Falta l'ID del client
msg-row-nested_text = El valor ha de ser text o un nombre, no una llista ni un objecte
msg-row-nested_date = La data ha de ser text, no una llista ni un objecte
msg-row-nested_number = { $field } ha de ser un nombre, no una llista ni un objecte
msg-row-date_out_of_range = La data «{ $value }» és fora dels anys { $min }–{ $max } (els nombres d'època han de ser segons o mil·lisegons)
msg-row-date_unrecognised = No es reconeix la data «{ $value }» (escriu-la com 2024-03-15, 15/03/2024 o 15.03.2024 14:30)
msg-row-not_a_number = { $field } ha de ser un nombre, però hi diu «{ $value }»
msg-row-out_of_scale = { $field } ha de ser un nombre entre { $scale }, però hi diu { $value }
msg-row-out_of_scale_whole = { $field } ha de ser un nombre enter entre { $scale }, però hi diu { $value }
msg-row-wrong_width = Aquesta fila té { $values ->
    [one] { $values } valor
   *[other] { $values } valors
}, però la capçalera té { $columns } columnes
msg-row-unclosed_quote = Aquesta fila té { $values ->
    [one] { $values } valor
   *[other] { $values } valors
}, però la capçalera té { $columns } columnes: unes cometes sense tancar a la línia { $from } han ajuntat les línies { $from }–{ $to }; les línies següents s'han tornat a llegir una per una
msg-row-nul_bytes = Aquesta fila conté bytes NUL (dades binàries): pot ser que el fitxer estigui malmès o que no sigui una exportació de text
msg-row-not_an_object = Aquest esdeveniment no és un objecte amb valors amb nom
msg-row-invalid_json_line = Aquesta línia no és JSON vàlid ({ $detail })
msg-whole_row = (tota la fila)
msg-extra_column = columna { $n }
msg-jes_no_data = JES = n/d (cap component té dades)
msg-need-stage_after_conversion = una etapa posterior a l'etapa de conversió

## Notes de càrrega (decisions preses en nom de l'usuari)

msg-load-not_utf8 = El fitxer no és UTF-8; s'ha llegit com a { $encoding }.
msg-load-unwrapped = Totes les línies estaven entre cometes (un desament d'Excel); s'han tret les cometes i s'han separat per '{ $delimiter }'.
msg-load-dimensions_capped = Només es mantenen com a filtres les { $kept } primeres columnes addicionals; no se n'han carregat { $dropped } més. Assigna un rol a una columna, o ignora'n d'altres, per conservar-la.
msg-load-decimal_comma = Els nombres s'han llegit amb coma decimal (1.234,5 vol dir mil dos-cents trenta-quatre i mig).
msg-load-short_rows = { $count ->
    [one] { $count } fila tenia menys columnes que la capçalera; els valors que faltaven al final s'han pres com a buits.
   *[other] { $count } files tenien menys columnes que la capçalera; els valors que faltaven al final s'han pres com a buits.
}
msg-load-long_empty_rows = { $count ->
    [one] { $count } fila tenia més columnes que la capçalera, totes buides; les columnes sobrants s'han ignorat.
   *[other] { $count } files tenien més columnes que la capçalera, totes buides; les columnes sobrants s'han ignorat.
}
msg-load-blank_lines = { $count ->
    [one] S'ha saltat { $count } línia buida (només separadors o espais).
   *[other] S'han saltat { $count } línies buides (només separadors o espais).
}
msg-load-ndjson_lines = Els números de fila són els números de línia del feed NDJSON.
msg-load-feed_positions = Els números de fila són les posicions dels esdeveniments al feed (1 = el primer).
msg-load-dates_read_day_first = Les dates de '{ $column }' s'han llegit com a dia/mes/any.
msg-load-dates_read_day_first_assumed = Les dates de '{ $column }' s'han llegit com a dia/mes/any (cap dia passava de 12, així que s'ha suposat l'ordre europeu).
msg-load-dates_read_month_first = Les dates de '{ $column }' s'han llegit com a mes/dia/any.
msg-load-dates_unreadable_day_first = { $count ->
    [one] { $count } data de '{ $column }' no existeix llegida com a dia/mes/any i s'ha deixat buida.
   *[other] { $count } dates de '{ $column }' no existeixen llegides com a dia/mes/any i s'han deixat buides.
}
msg-load-dates_unreadable_month_first = { $count ->
    [one] { $count } data de '{ $column }' no existeix llegida com a mes/dia/any i s'ha deixat buida.
   *[other] { $count } dates de '{ $column }' no existeixen llegides com a mes/dia/any i s'han deixat buides.
}
msg-load-satisfaction_outside = { $count ->
    [one] { $count } valor de satisfacció queda fora de l'escala declarada { $declared } i se n'ha refusat la fila.
   *[other] { $count } valors de satisfacció queden fora de l'escala declarada { $declared } i se n'han refusat les files.
}
msg-load-satisfaction_outside_fits = { $count ->
    [one] { $count } valor de satisfacció queda fora de l'escala declarada { $declared } i se n'ha refusat la fila.
   *[other] { $count } valors de satisfacció queden fora de l'escala declarada { $declared } i se n'han refusat les files.
} Els valors semblen d'una escala { $suggested }: declara-la i torna a carregar el fitxer per conservar-los.
msg-load-errors_truncated = Només es llisten els { $listed } primers problemes; se n'han comptat { $more } més.
msg-load-row_number_as_customer = Cada fila s'ha carregat com un client diferent, anomenat pel seu número de línia.

## Com estaven escrites les dates

msg-date-iso = any-mes-dia (ISO 8601)
msg-date-year_slash = any/mes/dia
msg-date-dotted = dia.mes.any
msg-date-dashed = dia-mes-any
msg-date-day_first = dia/mes/any
msg-date-month_first = mes/dia/any

## Notes del filtre

msg-filter-bad_date = «{ $value }» no és una data que Journey Lens entengui; escriu-la com 2024-03-31
msg-filter-date_ignored = «{ $value }» no és una data que Journey Lens entengui; escriu-la com 2024-03-31. L'interval de dates no la té en compte.
msg-filter-no_such_dimension = Les dades no tenen cap columna «{ $dimension }», així que el filtre no hi troba cap esdeveniment.

## Notes de l'embut

msg-funnel-no_time_for_order = Les dades no tenen marques de temps, així que l'embut no té en compte l'ordre de les etapes.
msg-funnel-no_time_for_window = Les dades no tenen marques de temps, així que no s'aplica la finestra de conversió.
msg-funnel-bad_window = La finestra de conversió ha de ser de zero dies o més; no s'aplica.
msg-funnel-meta_order_wins = El feed defineix el seu propi ordre d'etapes, així que no es fa servir l'ordre de la configuració.
msg-funnel-placed_by_data = { $count ->
    [one] Ordre d'etapes segons els noms d'etapa coneguts; { $count } etapa col·locada segons les dades (mediana del moment en què els clients hi arriben per primer cop): { $stages }.
   *[other] Ordre d'etapes segons els noms d'etapa coneguts; { $count } etapes col·locades segons les dades (mediana del moment en què els clients hi arriben per primer cop): { $stages }.
}
msg-funnel-unknown_conversion_stage = L'etapa de conversió «{ $stage }» no és cap de les etapes de l'embut; es fa servir la predeterminada.
msg-funnel-saved_order_mismatch = { $count ->
    [one] L'ordre d'etapes desat inclou { $count } etapa que aquestes dades no tenen ({ $absent }); queda fora de l'embut.
   *[other] L'ordre d'etapes desat inclou { $count } etapes que aquestes dades no tenen ({ $absent }); queden fora de l'embut.
}{ $new_count ->
    [0] {""}
   *[other] {" "}Etapes d'aquestes dades que no hi són: { $new }.
}
msg-funnel-saved_order_ignored = L'ordre d'etapes desat ({ $stages }) no inclou cap etapa d'aquestes dades; es fa servir l'ordre automàtic.
msg-funnel-long_order_trimmed = L'ordre d'etapes del feed en té { $listed }; { $count ->
    [one] { $count } etapa a la qual no ha arribat cap client queda fora de l'embut.
   *[other] { $count } etapes a les quals no ha arribat cap client queden fora de l'embut.
}

## Matriu de prioritats: per què queda fora un punt de contacte

msg-priority-too_few = menys de { $min } clients amb resposta de satisfacció i d'NPS alhora
msg-priority-no_variation = totes les respostes són iguals, així que no es pot mesurar cap correlació

## Errors que aturen la càrrega

msg-error-empty = El fitxer és buit: no hi ha res per carregar.
msg-error-header_only = El fitxer té una línia de capçalera però cap fila de dades: torna a exportar-lo amb les dades.
msg-error-not_csv = Això sembla { $what ->
    [png] una imatge PNG
    [zip] un llibre d'Excel o un arxiu ZIP
    [pdf] un document PDF
    [gzip] un fitxer comprimit amb GZIP
    [xls] un llibre d'Excel antic (.xls)
    [jpeg] una imatge JPEG
    [gif] una imatge GIF
   *[binary] un fitxer binari
}, no un fitxer CSV. Exporta les dades en CSV i torna-ho a provar.
msg-error-only_one_column = Només s'ha trobat una columna (capçalera «{ $header }»): potser el fitxer fa servir un separador que Journey Lens no reconeix, o cada línia està entre cometes. Torna'l a desar com a CSV separat per comes o punts i comes.
msg-error-too_many_columns = El fitxer té més de { $limit } columnes (o, en un feed JSON, més de { $limit } noms de camp diferents): no sembla una exportació d'esdeveniments. Conserva només les columnes que necessitis i torna-ho a provar.
msg-error-no_customer_column = No s'ha trobat cap columna de client entre: { $columns }. Assigna una columna a «customer_id» o carrega cada fila com un client diferent.
msg-error-no_measure_column = Les dades necessiten com a mínim una columna d'etapa, de satisfacció o d'NPS, i no se n'ha trobat cap. Assigna una columna a un d'aquests rols.
msg-error-duplicate_role = Tant «{ $first }» com «{ $second }» tenen el rol { $role }: només una columna pot tenir aquest rol.
msg-error-unknown_column = El fitxer no té cap columna anomenada «{ $column }».
msg-error-not_json = El feed no és JSON vàlid (línia { $line }, columna { $column }: { $detail }).
msg-error-wrong_json_shape = El feed és JSON però no és una llista d'esdeveniments: { $shape ->
    [events_not_array] «events» ha de ser una llista d'objectes
    [events_not_objects] els esdeveniments han de ser objectes com ara {"{"}"customer_id": "c1", "stage": "visit"{"}"}
   *[not_a_feed] s'esperava una llista o un objecte amb una llista «events»
}.
msg-error-meta_not_object = No s'ha pogut llegir la secció «meta» del feed: ha de ser un objecte.
msg-error-bad_meta = No s'ha pogut llegir la secció «meta» del feed: { $detail }.
msg-error-bad_scale = No s'ha pogut llegir la secció «meta» del feed: escala «{ $scale }»: { $detail }.
msg-error-scale_order = No s'ha pogut llegir la secció «meta» del feed: a l'escala «{ $scale }» el mínim ha de ser inferior al màxim.
msg-error-finished = Aquesta càrrega ja ha acabat.

## Gràfics que no s'han pogut dibuixar

msg-chart_error-backend = No s'ha pogut dibuixar el gràfic ({ $detail }). Prova de canviar la mida de la finestra o de tornar a carregar la pàgina.
msg-chart_error-busy = No s'ha pogut dibuixar el gràfic perquè la superfície de dibuix estava ocupada. Torna-ho a provar.

## Fitxers de dates de fita i fitxers units per una clau
msg-error-no_milestones = Tria com a mínim una columna de data per fer-la servir com a etapa del recorregut.
msg-error-no_key = Aquest fitxer no té columna de client ni cap columna clau en comú amb els fitxers ja carregats (les seves columnes: { $columns }). Assigna una columna de client o tria la columna que l'enllaça amb els altres (com ara un número de comanda).
msg-row-no_milestone_date = Sense data de fita: cap de les columnes d'etapa té una data
msg-load-milestone_dates_unreadable_day_first = { $count ->
    [one] { $count } data de '{ $column }' (etapa { $stage }) no existeix llegida com a dia/mes/any i s'ha deixat buida.
   *[other] { $count } dates de '{ $column }' (etapa { $stage }) no existeixen llegides com a dia/mes/any i s'han deixat buides.
}
msg-load-milestone_dates_unreadable_month_first = { $count ->
    [one] { $count } data de '{ $column }' (etapa { $stage }) no existeix llegida com a mes/dia/any i s'ha deixat buida.
   *[other] { $count } dates de '{ $column }' (etapa { $stage }) no existeixen llegides com a mes/dia/any i s'han deixat buides.
}
msg-load-milestone_events = Cada fila s'ha convertit en un esdeveniment per cada columna de data assolida, com les etapes { $stages }: { $rows ->
    [one] { $rows } fila ha donat
   *[other] { $rows } files han donat
} { $events ->
    [one] { $events } esdeveniment.
   *[other] { $events } esdeveniments.
}
msg-join-unmatched_no_key = la clau és buida
msg-join-unmatched_not_found = cap fitxer anterior té aquesta clau
msg-join-unmatched_ambiguous = aquesta clau pertany a més d'un client
msg-join-first_file_needs_customer = { $file }: el primer fitxer necessita una columna de client; afegeix després els fitxers que només comparteixen una clau (com ara un número de comanda).
msg-join-key_not_in_file = { $file }: la columna clau «{ $key }» no es carrega d'aquest fitxer. Conserva-la com a columna (rol «dimension»).
msg-join-key_not_in_earlier_files = { $file }: cap dels fitxers anteriors té la columna clau «{ $key }».
