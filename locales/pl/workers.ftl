# Wczytywanie dużego pliku CSV w Web Workerach (src/ui/workers.rs, src/bin/parse-worker.rs).
workers-failed = { $name }: nie udało się odczytać pliku w tle ({ $reason }). Dane na ekranie się nie zmieniły; wczytaj plik ponownie.
workers-reason-no_file = brak pliku do odczytania
workers-reason-no_range = nie wskazano, którą część pliku odczytać
workers-reason-options = nie udało się odczytać ustawień wczytywania
workers-reason-sniff = nie udało się odczytać początku pliku
workers-reason-read = komunikat przeglądarki: { $detail }
workers-reason-unreadable = część pliku wróciła w nieczytelnej postaci
workers-reason-part_missing = część pliku nigdy nie wróciła
msg-error-part_unreadable = Część pliku odczytywana w tle wróciła uszkodzona: wczytaj plik ponownie.
