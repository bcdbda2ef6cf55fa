# Flujos del recorrido (diagrama de flujos y matriz de transiciones).
flows-others = Otros ({ $n })
flows-no_value = Sin valor registrado
flows-channel = Canal
flows-dropped_off = Abandonan
flows-journey_start = Inicio del recorrido
flows-continuing = Siguen más allá
flows-satisfaction = Satisfacción (0–100)
flows-share_of_step = Porcentaje del paso
flows-step = Paso
flows-step_n = Paso { $n }
flows-to = Hacia
flows-moves = Transiciones
flows-caption = Clientes de paso en paso
flows-summary = Flujo de { $customers } clientes en { $steps } pasos: la mayoría empieza en { $first } ({ $first_n }); el flujo más grande es { $from } → { $to } ({ $n } clientes).
flows-matrix_axes = Desde (filas) → hacia (columnas), clientes
flows-matrix_caption = Transiciones entre valores: clientes y veces
flows-matrix_summary = La transición más habitual es { $from } → { $to }, hecha por { $n } clientes.
