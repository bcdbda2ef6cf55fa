# Lo que informan las capas internas, en frases (src/message.rs, src/present/message.rs).

## Problemas de fila (por qué se ha rechazado una celda o un registro entero)

msg-row-customer_missing = Falta el ID del cliente
msg-row-nested_text = El valor debe ser texto o un número, no una lista ni un objeto
msg-row-nested_date = La fecha debe ser texto, no una lista ni un objeto
msg-row-nested_number = { $field } debe ser un número, no una lista ni un objeto
msg-row-date_out_of_range = La fecha «{ $value }» está fuera de los años { $min }–{ $max } (los números de época deben ser segundos o milisegundos)
msg-row-date_unrecognised = No se reconoce la fecha «{ $value }» (escríbela como 2024-03-15, 15/03/2024 o 15.03.2024 14:30)
msg-row-not_a_number = { $field } debe ser un número, pero pone «{ $value }»
msg-row-out_of_scale = { $field } debe ser un número entre { $scale }, pero pone { $value }
msg-row-out_of_scale_whole = { $field } debe ser un número entero entre { $scale }, pero pone { $value }
msg-row-wrong_width = Esta fila tiene { $values ->
    [one] { $values } valor
   *[other] { $values } valores
}, pero la cabecera tiene { $columns } columnas
msg-row-unclosed_quote = Esta fila tiene { $values ->
    [one] { $values } valor
   *[other] { $values } valores
}, pero la cabecera tiene { $columns } columnas: unas comillas sin cerrar en la línea { $from } han unido las líneas { $from }–{ $to }; las líneas siguientes se han vuelto a leer una a una
msg-row-nul_bytes = Esta fila contiene bytes NUL (datos binarios): puede que el archivo esté dañado o que no sea una exportación de texto
msg-row-not_an_object = Este evento no es un objeto con valores con nombre
msg-row-invalid_json_line = Esta línea no es JSON válido ({ $detail })
msg-whole_row = (toda la fila)
msg-extra_column = columna { $n }
msg-jes_no_data = JES = n/d (ningún componente tiene datos)
msg-need-stage_after_conversion = una etapa posterior a la etapa de conversión

## Notas de carga (decisiones tomadas en nombre del usuario)

msg-load-not_utf8 = El archivo no es UTF-8; se ha leído como { $encoding }.
msg-load-unwrapped = Todas las líneas estaban entre comillas (un guardado de Excel); se han quitado las comillas y se han separado por '{ $delimiter }'.
msg-load-dimensions_capped = Solo se mantienen como filtros las { $kept } primeras columnas adicionales; no se han cargado { $dropped } más. Asigna un rol a una columna, o ignora otras, para conservarla.
msg-load-decimal_comma = Los números se han leído con coma decimal (1.234,5 significa mil doscientos treinta y cuatro y medio).
msg-load-short_rows = { $count ->
    [one] { $count } fila tenía menos columnas que la cabecera; los valores que faltaban al final se han tomado como vacíos.
   *[other] { $count } filas tenían menos columnas que la cabecera; los valores que faltaban al final se han tomado como vacíos.
}
msg-load-long_empty_rows = { $count ->
    [one] { $count } fila tenía más columnas que la cabecera, todas vacías; las columnas sobrantes se han ignorado.
   *[other] { $count } filas tenían más columnas que la cabecera, todas vacías; las columnas sobrantes se han ignorado.
}
msg-load-blank_lines = { $count ->
    [one] Se ha omitido { $count } línea vacía (solo separadores o espacios).
   *[other] Se han omitido { $count } líneas vacías (solo separadores o espacios).
}
msg-load-ndjson_lines = Los números de fila son los números de línea del feed NDJSON.
msg-load-feed_positions = Los números de fila son las posiciones de los eventos en el feed (1 = el primero).
msg-load-dates_read_day_first = Las fechas de '{ $column }' se han leído como día/mes/año.
msg-load-dates_read_day_first_assumed = Las fechas de '{ $column }' se han leído como día/mes/año (ningún día pasaba de 12, así que se ha supuesto el orden europeo).
msg-load-dates_read_month_first = Las fechas de '{ $column }' se han leído como mes/día/año.
msg-load-dates_unreadable_day_first = { $count ->
    [one] { $count } fecha de '{ $column }' no existe leída como día/mes/año y se ha dejado vacía.
   *[other] { $count } fechas de '{ $column }' no existen leídas como día/mes/año y se han dejado vacías.
}
msg-load-dates_unreadable_month_first = { $count ->
    [one] { $count } fecha de '{ $column }' no existe leída como mes/día/año y se ha dejado vacía.
   *[other] { $count } fechas de '{ $column }' no existen leídas como mes/día/año y se han dejado vacías.
}
msg-load-satisfaction_outside = { $count ->
    [one] { $count } valor de satisfacción queda fuera de la escala declarada { $declared } y se ha rechazado su fila.
   *[other] { $count } valores de satisfacción quedan fuera de la escala declarada { $declared } y se han rechazado sus filas.
}
msg-load-satisfaction_outside_fits = { $count ->
    [one] { $count } valor de satisfacción queda fuera de la escala declarada { $declared } y se ha rechazado su fila.
   *[other] { $count } valores de satisfacción quedan fuera de la escala declarada { $declared } y se han rechazado sus filas.
} Los valores parecen de una escala { $suggested }: declárala y vuelve a cargar el archivo para conservarlos.
msg-load-errors_truncated = Solo se listan los { $listed } primeros problemas; se han contado { $more } más.
msg-load-row_number_as_customer = Cada fila se ha cargado como un cliente distinto, con su número de línea como nombre.

## Cómo estaban escritas las fechas

msg-date-iso = año-mes-día (ISO 8601)
msg-date-year_slash = año/mes/día
msg-date-dotted = día.mes.año
msg-date-dashed = día-mes-año
msg-date-day_first = día/mes/año
msg-date-month_first = mes/día/año

## Notas del filtro

msg-filter-bad_date = «{ $value }» no es una fecha que Journey Lens entienda; escríbela como 2024-03-31
msg-filter-date_ignored = «{ $value }» no es una fecha que Journey Lens entienda; escríbela como 2024-03-31. El rango de fechas no la tiene en cuenta.
msg-filter-no_such_dimension = Los datos no tienen ninguna columna «{ $dimension }», así que el filtro no encuentra ningún evento.

## Notas del embudo

msg-funnel-no_time_for_order = Los datos no tienen marcas de tiempo, así que el embudo no tiene en cuenta el orden de las etapas.
msg-funnel-no_time_for_window = Los datos no tienen marcas de tiempo, así que no se aplica la ventana de conversión.
msg-funnel-bad_window = La ventana de conversión debe ser de cero días o más; no se aplica.
msg-funnel-meta_order_wins = El feed define su propio orden de etapas, así que no se usa el orden de la configuración.
msg-funnel-placed_by_data = { $count ->
    [one] Orden de etapas según los nombres de etapa conocidos; { $count } etapa colocada según los datos (mediana del momento en que los clientes llegan a ella por primera vez): { $stages }.
   *[other] Orden de etapas según los nombres de etapa conocidos; { $count } etapas colocadas según los datos (mediana del momento en que los clientes llegan a ellas por primera vez): { $stages }.
}
msg-funnel-unknown_conversion_stage = La etapa de conversión «{ $stage }» no es ninguna de las etapas del embudo; se usa la predeterminada.
msg-funnel-saved_order_mismatch = { $count ->
    [one] El orden de etapas guardado incluye { $count } etapa que estos datos no tienen ({ $absent }); queda fuera del embudo.
   *[other] El orden de etapas guardado incluye { $count } etapas que estos datos no tienen ({ $absent }); quedan fuera del embudo.
}{ $new_count ->
    [0] {""}
   *[other] {" "}Etapas de estos datos que no figuran en él: { $new }.
}
msg-funnel-saved_order_ignored = El orden de etapas guardado ({ $stages }) no incluye ninguna etapa de estos datos; se usa el orden automático.
msg-funnel-long_order_trimmed = El orden de etapas del feed tiene { $listed }; { $count ->
    [one] { $count } etapa a la que no llegó ningún cliente queda fuera del embudo.
   *[other] { $count } etapas a las que no llegó ningún cliente quedan fuera del embudo.
}

## Matriz de prioridades: por qué queda fuera un punto de contacto

msg-priority-too_few = menos de { $min } clientes con respuesta de satisfacción y de NPS a la vez
msg-priority-no_variation = todas las respuestas son iguales, así que no se puede medir ninguna correlación

## Errores que detienen la carga

msg-error-empty = El archivo está vacío: no hay nada que cargar.
msg-error-header_only = El archivo tiene una línea de cabecera pero ninguna fila de datos: vuelve a exportarlo con los datos.
msg-error-not_csv = Esto parece { $what ->
    [png] una imagen PNG
    [zip] un libro de Excel o un archivo ZIP
    [pdf] un documento PDF
    [gzip] un archivo comprimido con GZIP
    [xls] un libro de Excel antiguo (.xls)
    [jpeg] una imagen JPEG
    [gif] una imagen GIF
   *[binary] un archivo binario
}, no un archivo CSV. Exporta los datos en CSV y vuelve a intentarlo.
msg-error-only_one_column = Solo se ha encontrado una columna (cabecera «{ $header }»): puede que el archivo use un separador que Journey Lens no reconoce, o que cada línea esté entre comillas. Vuelve a guardarlo como CSV separado por comas o puntos y comas.
msg-error-too_many_columns = El archivo tiene más de { $limit } columnas (o, en un feed JSON, más de { $limit } nombres de campo distintos): no parece una exportación de eventos. Conserva solo las columnas que necesites y vuelve a intentarlo.
msg-error-no_customer_column = No se ha encontrado ninguna columna de cliente entre: { $columns }. Asigna una columna a «customer_id» o carga cada fila como un cliente distinto.
msg-error-no_measure_column = Los datos necesitan al menos una columna de etapa, de satisfacción o de NPS, y no se ha encontrado ninguna. Asigna una columna a uno de esos roles.
msg-error-duplicate_role = Tanto «{ $first }» como «{ $second }» tienen el rol { $role }: solo una columna puede tener ese rol.
msg-error-unknown_column = El archivo no tiene ninguna columna llamada «{ $column }».
msg-error-not_json = El feed no es JSON válido (línea { $line }, columna { $column }: { $detail }).
msg-error-wrong_json_shape = El feed es JSON pero no es una lista de eventos: { $shape ->
    [events_not_array] «events» debe ser una lista de objetos
    [events_not_objects] los eventos deben ser objetos como {"{"}"customer_id": "c1", "stage": "visit"{"}"}
   *[not_a_feed] se esperaba una lista o un objeto con una lista «events»
}.
msg-error-meta_not_object = No se ha podido leer la sección «meta» del feed: debe ser un objeto.
msg-error-bad_meta = No se ha podido leer la sección «meta» del feed: { $detail }.
msg-error-bad_scale = No se ha podido leer la sección «meta» del feed: escala «{ $scale }»: { $detail }.
msg-error-scale_order = No se ha podido leer la sección «meta» del feed: en la escala «{ $scale }» el mínimo debe ser inferior al máximo.
msg-error-finished = Esta carga ya ha terminado.

## Gráficos que no se han podido dibujar

msg-chart_error-backend = No se ha podido dibujar el gráfico ({ $detail }). Prueba a cambiar el tamaño de la ventana o a recargar la página.
msg-chart_error-busy = No se ha podido dibujar el gráfico porque la superficie de dibujo estaba ocupada. Vuelve a intentarlo.

## Archivos de fechas de hito y archivos unidos por una clave
msg-error-no_milestones = Elige al menos una columna de fecha para usarla como etapa del recorrido.
msg-error-no_key = Este archivo no tiene columna de cliente ni ninguna columna clave en común con los archivos ya cargados (sus columnas: { $columns }). Asigna una columna de cliente o elige la columna que lo enlaza con ellos (por ejemplo, un número de pedido).
msg-row-no_milestone_date = Sin fecha de hito: ninguna de las columnas de etapa tiene fecha
msg-load-milestone_dates_unreadable_day_first = { $count ->
    [one] { $count } fecha de '{ $column }' (etapa { $stage }) no existe leída como día/mes/año y se ha dejado vacía.
   *[other] { $count } fechas de '{ $column }' (etapa { $stage }) no existen leídas como día/mes/año y se han dejado vacías.
}
msg-load-milestone_dates_unreadable_month_first = { $count ->
    [one] { $count } fecha de '{ $column }' (etapa { $stage }) no existe leída como mes/día/año y se ha dejado vacía.
   *[other] { $count } fechas de '{ $column }' (etapa { $stage }) no existen leídas como mes/día/año y se han dejado vacías.
}
msg-load-milestone_events = Cada fila se ha convertido en un evento por cada columna de fecha alcanzada, como las etapas { $stages }: { $rows ->
    [one] { $rows } fila ha dado
   *[other] { $rows } filas han dado
} { $events ->
    [one] { $events } evento.
   *[other] { $events } eventos.
}
msg-join-unmatched_no_key = la clave está vacía
msg-join-unmatched_not_found = ningún archivo anterior tiene esta clave
msg-join-unmatched_ambiguous = esta clave pertenece a más de un cliente
msg-join-first_file_needs_customer = { $file }: el primer archivo necesita una columna de cliente; añade después los archivos que solo comparten una clave (por ejemplo, un número de pedido).
msg-join-key_not_in_file = { $file }: la columna clave «{ $key }» no se carga de este archivo. Consérvala como columna (rol «dimension»).
msg-join-key_not_in_earlier_files = { $file }: ninguno de los archivos anteriores tiene la columna clave «{ $key }».
