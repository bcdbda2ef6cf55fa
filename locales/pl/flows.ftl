# Przepływy ścieżki klienta (diagram przepływów i macierz przejść).
flows-others = Inne ({ $n })
flows-no_value = Brak wartości
flows-channel = Kanał
flows-dropped_off = Rezygnacja
flows-journey_start = Początek ścieżki
flows-continuing = Dalej poza widokiem
flows-satisfaction = Satysfakcja (0–100)
flows-share_of_step = Udział w kroku
flows-step = Krok
flows-step_n = Krok { $n }
flows-to = Do
flows-moves = Przejścia
flows-caption = Klienci krok po kroku
flows-summary = Przepływ { $customers } klientów w { $steps } krokach: najwięcej zaczyna od { $first } ({ $first_n }); największy przepływ to { $from } → { $to } (klienci: { $n }).
flows-matrix_axes = Z (wiersze) → do (kolumny), klienci
flows-matrix_caption = Przejścia między wartościami: klienci i liczba przejść
flows-matrix_summary = Najczęstsze przejście to { $from } → { $to } (klienci: { $n }).
