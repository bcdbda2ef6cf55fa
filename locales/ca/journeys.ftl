# Un viatge del client cada vegada: el selector damunt de cada vista (issue 19).
journeys-label = Viatge del client
journeys-option = { $name } ({ $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    })
journeys-all = Tots els viatges ({ $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    })
journeys-all_short = Tots els viatges
journeys-help = Cada viatge té les seves pròpies etapes: les vistes en mostren un de cada vegada.
journeys-unknown = Les dades no tenen cap viatge «{ $name }».
