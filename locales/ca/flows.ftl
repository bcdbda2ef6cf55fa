# Fluxos del recorregut (diagrama de fluxos i matriu de transicions).
flows-others = Altres ({ $n })
flows-no_value = Sense valor registrat
flows-channel = Canal
flows-dropped_off = Abandonen
flows-journey_start = Inici del recorregut
flows-continuing = Continuen més enllà
flows-satisfaction = Satisfacció (0–100)
flows-share_of_step = Percentatge del pas
flows-step = Pas
flows-step_n = Pas { $n }
flows-to = Cap a
flows-moves = Transicions
flows-caption = Clients de pas en pas
flows-summary = Flux de { $customers } clients en { $steps } passos: la majoria comencen a { $first } ({ $first_n }); el flux més gran és { $from } → { $to } ({ $n } clients).
flows-matrix_axes = Des de (files) → cap a (columnes), clients
flows-matrix_caption = Transicions entre valors: clients i vegades
flows-matrix_summary = La transició més habitual és { $from } → { $to }, feta per { $n } clients.
