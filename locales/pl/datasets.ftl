# Ilu wczytanych klientów uwzględnia każdy widok i dlaczego pozostali są pominięci (issue 19).
datasets-coverage-counts = Uwzględnieni klienci: { $counted } z { $loaded } wczytanych
datasets-coverage-all = { $counts }.
datasets-coverage-with_reasons = { $counts }: { $reasons }.
datasets-coverage-filtered_out = { $count ->
        [one] { $count } klient jest poza filtrami
        [few] { $count } klienci są poza filtrami
       *[many] { $count } klientów jest poza filtrami
    }
datasets-coverage-never_reached_first = { $count ->
        [one] { $count } klient nigdy nie dotarł do etapu „{ $stage }”
        [few] { $count } klienci nigdy nie dotarli do etapu „{ $stage }”
       *[many] { $count } klientów nigdy nie dotarło do etapu „{ $stage }”
    }
datasets-coverage-no_nps_answer = { $count ->
        [one] { $count } klient nie odpowiedział na pytanie NPS
        [few] { $count } klienci nie odpowiedzieli na pytanie NPS
       *[many] { $count } klientów nie odpowiedziało na pytanie NPS
    }
datasets-coverage-no_rating = { $count ->
        [one] { $count } klient nie ocenił satysfakcji ani wysiłku
        [few] { $count } klienci nie ocenili satysfakcji ani wysiłku
       *[many] { $count } klientów nie oceniło satysfakcji ani wysiłku
    }
datasets-coverage-end_state = { $count ->
        [one] { $count } klient zakończył na statusie { $stages } i jest poza lejkiem
        [few] { $count } klienci zakończyli na statusie { $stages } i są poza lejkiem
       *[many] { $count } klientów zakończyło na statusie { $stages } i jest poza lejkiem
    }
msg-funnel-read_as_status = { $count ->
        [0] Kolumna etapu jest czytana jako status: każdy klient liczy się tak, jakby przeszedł wszystkie etapy przed obecnym.
       *[other] Kolumna etapu jest czytana jako status: każdy klient liczy się tak, jakby przeszedł wszystkie etapy przed obecnym. Statusy końcowe pominięte w lejku: { $stages }.
    }
datasets-stage_reading = Czytaj kolumnę etapu jako
datasets-stage_reading_auto = Automatycznie (status, gdy na to wygląda)
datasets-stage_reading_events = Osiągnięte etapy (jeden wiersz na etap)
datasets-stage_reading_furthest = Status: najdalszy osiągnięty etap
datasets-keep_end_states = Zachowaj statusy końcowe (anulowane, zwrócone…) jako etapy lejka
datasets-coverage-other_journey = { $count ->
        [one] { $count } klient jest tylko { $journey_count ->
            [one] w podróży { $journeys }
           *[other] w podróżach { $journeys }
        }
        [few] { $count } klienci są tylko { $journey_count ->
            [one] w podróży { $journeys }
           *[other] w podróżach { $journeys }
        }
       *[many] { $count } klientów jest tylko { $journey_count ->
            [one] w podróży { $journeys }
           *[other] w podróżach { $journeys }
        }
    }
