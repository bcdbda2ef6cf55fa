# Compartir por enlace, insertar, actualizaciones sin conexión e impresión.

share-expects_file = Este enlace muestra una vista de «{ $name }», un archivo del ordenador de quien lo envió. Elige ese archivo para ver la misma vista; ahora ves otros datos.
share-expects_pasted = Este enlace se creó con datos pegados, que un enlace no puede llevar. Elige los mismos datos como archivo para ver la misma vista.
share-expects_feed = Este enlace muestra el feed { $url }, que no se ha podido abrir aquí.
share-pick = Elegir el archivo…
embed-dates = Fechas
embed-locked = Filtros elegidos por esta página
embed-no_filters = Todos los datos, sin filtros
print-action = Imprimir / guardar como PDF
print-view = Esta vista
print-all = Las cuatro vistas
print-all_title = Embudo de conversión, mapa de experiencia, NPS y KPI
print-no_filters = ninguno (todos los datos)
print-source = Datos: { $name }
print-filters = Filtros: { $filters }
print-date = Impreso el { $date }
update-available = Hay una nueva versión de Journey Lens.
update-reload = Recargar
