# Quants clients carregats compta cada vista, i per què la resta en queda fora (issue 19).
datasets-coverage-counts = Clients comptats: { $counted } de { $loaded } carregats
datasets-coverage-all = { $counts }.
datasets-coverage-with_reasons = { $counts }: { $reasons }.
datasets-coverage-filtered_out = { $count ->
        [one] { $count } client queda fora dels filtres
       *[other] { $count } clients queden fora dels filtres
    }
datasets-coverage-never_reached_first = { $count ->
        [one] { $count } client no ha arribat mai a «{ $stage }»
       *[other] { $count } clients no han arribat mai a «{ $stage }»
    }
datasets-coverage-no_nps_answer = { $count ->
        [one] { $count } client no ha respost la pregunta d'NPS
       *[other] { $count } clients no han respost la pregunta d'NPS
    }
datasets-coverage-no_rating = { $count ->
        [one] { $count } client no ha valorat ni la satisfacció ni l'esforç
       *[other] { $count } clients no han valorat ni la satisfacció ni l'esforç
    }
datasets-coverage-end_state = { $count ->
        [one] { $count } client ha acabat a { $stages }, fora de l'embut
       *[other] { $count } clients han acabat a { $stages }, fora de l'embut
    }
msg-funnel-read_as_status = { $count ->
        [0] La columna d'etapa es llegeix com un estat: cada client compta com si hagués passat per totes les etapes anteriors a l'actual.
       *[other] La columna d'etapa es llegeix com un estat: cada client compta com si hagués passat per totes les etapes anteriors a l'actual. Estats finals que queden fora de l'embut: { $stages }.
    }
datasets-stage_reading = Llegeix la columna d'etapa com a
datasets-stage_reading_auto = Automàtic (estat quan ho sembla)
datasets-stage_reading_events = Etapes assolides (una fila per etapa)
datasets-stage_reading_furthest = Estat: l'etapa més avançada assolida
datasets-keep_end_states = Mantén els estats finals (cancel·lat, retornat…) com a etapes de l'embut
datasets-coverage-other_journey = { $count ->
        [one] { $count } client només és { $journey_count ->
            [one] al viatge { $journeys }
           *[other] als viatges { $journeys }
        }
       *[other] { $count } clients només són { $journey_count ->
            [one] al viatge { $journeys }
           *[other] als viatges { $journeys }
        }
    }
