# Dostępność: obsługa wykresów z klawiatury, link do pominięcia nawigacji.
a11y-chart = wykres
a11y-chart_keys = Strzałki przechodzą między punktami danych, Home i End przechodzą do pierwszego i ostatniego, a Escape opuszcza punkty.
a11y-skip = Przejdź do treści
