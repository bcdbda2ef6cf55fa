# Udostępnianie linkiem, osadzanie, aktualizacje offline i drukowanie.

share-expects_file = Ten link pokazuje widok pliku „{ $name }” z komputera nadawcy. Wybierz ten plik, aby zobaczyć ten sam widok; teraz widzisz inne dane.
share-expects_pasted = Ten link powstał z wklejonych danych, których link nie może przenieść. Wybierz te same dane jako plik, aby zobaczyć ten sam widok.
share-expects_feed = Ten link pokazuje feed { $url }, którego nie udało się tu otworzyć.
share-pick = Wybierz plik…
embed-dates = Daty
embed-locked = Filtry wybrane przez tę stronę
embed-no_filters = Wszystkie dane, bez filtrów
print-action = Drukuj / zapisz jako PDF
print-view = Ten widok
print-all = Wszystkie cztery widoki
print-all_title = Lejek konwersji, mapa doświadczeń, NPS i KPI
print-no_filters = brak (wszystkie dane)
print-source = Dane: { $name }
print-filters = Filtry: { $filters }
print-date = Wydrukowano { $date }
update-available = Dostępna jest nowa wersja Journey Lens.
update-reload = Odśwież
