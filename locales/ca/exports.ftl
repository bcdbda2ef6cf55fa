# Diversos fitxers i fitxers amb dates de fita (vista Dades).
files-add = Afegeix un fitxer
files-add_help = Afegeix una altra exportació dels mateixos clients (ressenyes, pagaments…). Les seves files s'uneixen a les dades carregades amb la seva pròpia columna de client o amb una columna compartida amb els fitxers ja carregats, com ara un número de comanda. Les files amb una clau que no coincideix amb cap client, o que en coincideix amb més d'un, es compten, no s'endevinen.
files-ambiguous_keys = Claus que pertanyen a més d'un client (no carregades): { $keys }
files-col_ambiguous = Ambigües
files-col_file = Fitxer
files-col_key = Unit per
files-col_loaded = Files carregades
files-col_matched = Coincidents
files-col_rejected = Rebutjades
files-col_unmatched = Sense coincidència
files-download_rejected = Baixa'n les files rebutjades (CSV)
files-download_unmatched = Baixa les files sense coincidència (CSV)
files-key = Columna clau
files-key_auto = Troba-la automàticament
files-mapping_of = Assignació de columnes de { $name }
files-no_nps = Cap dels fitxers carregats no té una pregunta de 0 a 10 com «Amb quina probabilitat ens recomanaries?», així que no hi ha NPS. Les puntuacions de ressenyes i altres valoracions són satisfacció (CSAT): consulta el mapa d'experiència i els KPI.
files-own_customers = la seva pròpia columna de client
files-remove = Treu
files-title = Fitxers
milestones-by_date = Ordena per data
milestones-column = Columna de data
milestones-file_order = Ordena com al fitxer
milestones-help = Cada columna marcada es converteix en una etapa, en aquest ordre: la data d'una fila és quan s'ha arribat a l'etapa, i una cel·la buida vol dir que no s'hi ha arribat. Les altres columnes van a tots els esdeveniments de la fila, excepte les puntuacions, els ingressos i el comentari, que van a una sola etapa.
milestones-measures_on = Puntuacions, ingressos i comentari a
milestones-move_down = Baixa
milestones-move_up = Puja
milestones-stage = Etapa
milestones-stage_name = Nom de l'etapa per a { $column }
milestones-use = Fes servir aquestes columnes de data com a etapes del recorregut

# Header of the rejected-rows CSV download.
export-rejected_line = línia
export-rejected_column = columna
export-rejected_reason = motiu

# An interval column of a CSV download becomes two: "95% interval (lower bound)", "… (upper bound)".
export-low = límit inferior
export-high = límit superior
# Drawn under the title of a downloaded chart image.
export-png_source = Dades: { $name } · { $date }
