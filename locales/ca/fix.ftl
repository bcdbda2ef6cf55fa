# «Què cal millorar primer»: la targeta, les cel·les amb poques respostes del mapa de calor
# i els intervals de la matriu de prioritats.
fix-title = Què cal millorar primer
fix-rule = Ordenat per quant li falta a la satisfacció per arribar a 100, multiplicat per 1 més l'extrem baix de l'interval del 95% de la correlació del punt de contacte amb l'NPS (si és positiu). Els elements amb menys de { $min } respostes no s'ordenen.
fix-cells = Moments (etapa · punt de contacte)
fix-touchpoints = Punts de contacte
fix-thin_heading = Massa poques respostes per ordenar-los
fix-score = prioritat { $score }
fix-reason-satisfaction = satisfacció { $pct }/100 amb { $n ->
    [one] { $n } resposta
   *[other] { $n } respostes
}
fix-reason-moves_nps = influeix en l'NPS: r = { $r } (interval del 95%: de { $low } a { $high })
fix-reason-unclear = relació amb l'NPS poc clara: r = { $r } (interval del 95%: de { $low } a { $high }), sense pes addicional
fix-reason-no_importance = sense relació mesurada amb l'NPS, sense pes addicional
fix-reason-thin = només { $n ->
    [one] { $n } resposta
   *[other] { $n } respostes
} (mínim { $min })
fix-none_ranked = Encara no es pot ordenar res: cap moment no té almenys { $min ->
    [one] { $min } resposta
   *[other] { $min } respostes
}. Abaixeu el mínim a Configuració o amplieu el filtre.
fix-q_unclear = Poc clar
fix-too_few = Massa poques respostes (mínim { $min })
fix-heatmap_thin = { $n ->
    [one] { $n } cel·la té
   *[other] { $n } cel·les tenen
} menys de { $min } respostes i { $n ->
    [one] es mostra esvaïda
   *[other] es mostren esvaïdes
}.
fix-heatmap_all_thin = Cap cel·la no té prou respostes per comparar-la.
fix-matrix_empty_too_few = Cap punt de contacte no té { $min ->
    [one] { $min } client
   *[other] { $min } clients
} amb resposta de satisfacció i d'NPS alhora.
fix-matrix_empty_no_variation = Les respostes de satisfacció o d'NPS no varien mai i no es pot mesurar cap correlació.
fix-key-interval = Interval del 95% de la importància
fix-key-median = Mediana (límit dels quadrants)
fix-key-unclear = Poc clar: l'interval travessa la mediana
fix-interval = de { $low } a { $high }
fix-interval_label = Interval del 95%
fix-priority_summary_unclear = Poc clars (l'interval travessa la mediana d'importància): { $names }.
