# «Qué mejorar primero»: la tarjeta, las celdas con pocas respuestas del mapa de calor y
# los intervalos de la matriz de prioridades.
fix-title = Qué mejorar primero
fix-rule = Ordenado por cuánto le falta a la satisfacción para llegar a 100, multiplicado por 1 más el extremo bajo del intervalo del 95 % de la correlación del punto de contacto con el NPS (si es positivo). Los elementos con menos de { $min } respuestas no se ordenan.
fix-cells = Momentos (etapa · punto de contacto)
fix-touchpoints = Puntos de contacto
fix-thin_heading = Demasiadas pocas respuestas para ordenarlos
fix-score = prioridad { $score }
fix-reason-satisfaction = satisfacción { $pct }/100 con { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
}
fix-reason-moves_nps = influye en el NPS: r = { $r } (intervalo del 95 %: de { $low } a { $high })
fix-reason-unclear = relación con el NPS poco clara: r = { $r } (intervalo del 95 %: de { $low } a { $high }), sin peso adicional
fix-reason-no_importance = sin relación medida con el NPS, sin peso adicional
fix-reason-thin = solo { $n ->
    [one] { $n } respuesta
   *[other] { $n } respuestas
} (mínimo { $min })
fix-none_ranked = Todavía no se puede ordenar nada: ningún momento tiene al menos { $min ->
    [one] { $min } respuesta
   *[other] { $min } respuestas
}. Baja el mínimo en Configuración o amplía el filtro.
fix-q_unclear = Poco claro
fix-too_few = Muy pocas respuestas (mínimo { $min })
fix-heatmap_thin = { $n ->
    [one] { $n } celda tiene
   *[other] { $n } celdas tienen
} menos de { $min } respuestas y { $n ->
    [one] se muestra atenuada
   *[other] se muestran atenuadas
}.
fix-heatmap_all_thin = Ninguna celda tiene suficientes respuestas para compararla.
fix-matrix_empty_too_few = Ningún punto de contacto tiene { $min ->
    [one] { $min } cliente
   *[other] { $min } clientes
} con respuesta de satisfacción y de NPS a la vez.
fix-matrix_empty_no_variation = Las respuestas de satisfacción o de NPS no varían nunca y no se puede medir ninguna correlación.
fix-key-interval = Intervalo del 95 % de la importancia
fix-key-median = Mediana (límite de los cuadrantes)
fix-key-unclear = Poco claro: el intervalo cruza la mediana
fix-interval = de { $low } a { $high }
fix-interval_label = Intervalo del 95 %
fix-priority_summary_unclear = Poco claros (el intervalo cruza la mediana de importancia): { $names }.
