# Jedna podróż klienta naraz: przełącznik nad każdym widokiem (issue 19).
journeys-label = Podróż klienta
journeys-option = { $name } ({ $customers ->
        [one] { $customers } klient
        [few] { $customers } klientów
       *[many] { $customers } klientów
    })
journeys-all = Wszystkie podróże ({ $customers ->
        [one] { $customers } klient
        [few] { $customers } klientów
       *[many] { $customers } klientów
    })
journeys-all_short = Wszystkie podróże
journeys-help = Każda podróż ma własne etapy, dlatego widoki pokazują jedną podróż naraz.
journeys-unknown = Dane nie zawierają podróży „{ $name }”.
