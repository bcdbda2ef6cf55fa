# Cuántos clientes cargados cuenta cada vista, y por qué el resto queda fuera (issue 19).
datasets-coverage-counts = Clientes contabilizados: { $counted } de { $loaded } cargados
datasets-coverage-all = { $counts }.
datasets-coverage-with_reasons = { $counts }: { $reasons }.
datasets-coverage-filtered_out = { $count ->
        [one] { $count } cliente queda fuera de los filtros
       *[other] { $count } clientes quedan fuera de los filtros
    }
datasets-coverage-never_reached_first = { $count ->
        [one] { $count } cliente nunca llegó a «{ $stage }»
       *[other] { $count } clientes nunca llegaron a «{ $stage }»
    }
datasets-coverage-no_nps_answer = { $count ->
        [one] { $count } cliente no respondió a la pregunta de NPS
       *[other] { $count } clientes no respondieron a la pregunta de NPS
    }
datasets-coverage-no_rating = { $count ->
        [one] { $count } cliente no valoró ni la satisfacción ni el esfuerzo
       *[other] { $count } clientes no valoraron ni la satisfacción ni el esfuerzo
    }
datasets-coverage-end_state = { $count ->
        [one] { $count } cliente terminó en { $stages }, fuera del embudo
       *[other] { $count } clientes terminaron en { $stages }, fuera del embudo
    }
msg-funnel-read_as_status = { $count ->
        [0] La columna de etapa se lee como un estado: cada cliente cuenta como si hubiera pasado por todas las etapas anteriores a la actual.
       *[other] La columna de etapa se lee como un estado: cada cliente cuenta como si hubiera pasado por todas las etapas anteriores a la actual. Estados finales que quedan fuera del embudo: { $stages }.
    }
datasets-stage_reading = Leer la columna de etapa como
datasets-stage_reading_auto = Automático (estado cuando lo parece)
datasets-stage_reading_events = Etapas alcanzadas (una fila por etapa)
datasets-stage_reading_furthest = Estado: la etapa más avanzada alcanzada
datasets-keep_end_states = Mantener los estados finales (cancelado, devuelto…) como etapas del embudo
datasets-coverage-other_journey = { $count ->
        [one] { $count } cliente solo está { $journey_count ->
            [one] en el viaje { $journeys }
           *[other] en los viajes { $journeys }
        }
       *[other] { $count } clientes solo están { $journey_count ->
            [one] en el viaje { $journeys }
           *[other] en los viajes { $journeys }
        }
    }
