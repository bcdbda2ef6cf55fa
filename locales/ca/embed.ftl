# Compartir per enllaç, incrustació, actualitzacions fora de línia i impressió.

share-expects_file = Aquest enllaç mostra una vista de «{ $name }», un fitxer de l'ordinador de qui l'ha enviat. Tria aquest fitxer per veure la mateixa vista; ara veus unes altres dades.
share-expects_pasted = Aquest enllaç es va crear amb dades enganxades, que un enllaç no pot portar. Tria les mateixes dades com a fitxer per veure la mateixa vista.
share-expects_feed = Aquest enllaç mostra el feed { $url }, que no s'ha pogut obrir aquí.
share-pick = Tria el fitxer…
embed-dates = Dates
embed-locked = Filtres triats per aquesta pàgina
embed-no_filters = Totes les dades, sense filtres
print-action = Imprimeix / desa en PDF
print-view = Aquesta vista
print-all = Les quatre vistes
print-all_title = Embut de conversió, mapa d'experiència, NPS i KPI
print-no_filters = cap (totes les dades)
print-source = Dades: { $name }
print-filters = Filtres: { $filters }
print-date = Imprès el { $date }
update-available = Hi ha una versió nova de Journey Lens.
update-reload = Torna a carregar
