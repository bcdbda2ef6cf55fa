# Varios archivos y archivos con fechas de hito (vista Datos).
files-add = Añadir un archivo
files-add_help = Añade otra exportación de los mismos clientes (reseñas, pagos…). Sus filas se unen a los datos cargados mediante su propia columna de cliente o una columna compartida con los archivos ya cargados, como un número de pedido. Las filas cuya clave no coincide con ningún cliente, o coincide con varios, se cuentan, no se adivinan.
files-ambiguous_keys = Claves que pertenecen a más de un cliente (no cargadas): { $keys }
files-col_ambiguous = Ambiguas
files-col_file = Archivo
files-col_key = Unido por
files-col_loaded = Filas cargadas
files-col_matched = Coincidentes
files-col_rejected = Rechazadas
files-col_unmatched = Sin coincidencia
files-download_rejected = Descargar sus filas rechazadas (CSV)
files-download_unmatched = Descargar las filas sin coincidencia (CSV)
files-key = Columna clave
files-key_auto = Buscarla automáticamente
files-mapping_of = Asignación de columnas de { $name }
files-no_nps = Ninguno de los archivos cargados tiene una pregunta de 0 a 10 como «¿Qué probabilidad hay de que nos recomiendes?», así que no hay NPS. Las puntuaciones de reseñas y otras valoraciones son satisfacción (CSAT): consulta el mapa de experiencia y los KPI.
files-own_customers = su propia columna de cliente
files-remove = Quitar
files-title = Archivos
milestones-by_date = Ordenar por fecha
milestones-column = Columna de fecha
milestones-file_order = Ordenar como en el archivo
milestones-help = Cada columna marcada se convierte en una etapa, en este orden: la fecha de una fila es cuándo se alcanzó la etapa, y una celda vacía significa que no se alcanzó. Las demás columnas van en todos los eventos de la fila, salvo las puntuaciones, los ingresos y el comentario, que van en una sola etapa.
milestones-measures_on = Puntuaciones, ingresos y comentario en
milestones-move_down = Bajar
milestones-move_up = Subir
milestones-stage = Etapa
milestones-stage_name = Nombre de la etapa para { $column }
milestones-use = Usar estas columnas de fecha como etapas del recorrido

# Header of the rejected-rows CSV download.
export-rejected_line = línea
export-rejected_column = columna
export-rejected_reason = motivo

# An interval column of a CSV download becomes two: "95% interval (lower bound)", "… (upper bound)".
export-low = límite inferior
export-high = límite superior
# Drawn under the title of a downloaded chart image.
export-png_source = Datos: { $name } · { $date }
