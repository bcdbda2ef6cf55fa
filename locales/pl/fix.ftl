# „Co poprawić najpierw”: karta, komórki mapy ciepła z za małą liczbą odpowiedzi
# i przedziały macierzy priorytetów.
fix-title = Co poprawić najpierw
fix-rule = Kolejność według tego, ile satysfakcji brakuje do 100, pomnożonego przez 1 plus dolną granicę 95% przedziału korelacji punktu styku z NPS (gdy jest dodatnia). Pozycje z mniej niż { $min } odpowiedziami nie są szeregowane.
fix-cells = Momenty (etap · punkt styku)
fix-touchpoints = Punkty styku
fix-thin_heading = Za mało odpowiedzi, by je uszeregować
fix-score = priorytet { $score }
fix-reason-satisfaction = satysfakcja { $pct }/100 z { $n } odpowiedzi
fix-reason-moves_nps = wpływa na NPS: r = { $r } (95% przedział od { $low } do { $high })
fix-reason-unclear = związek z NPS niejasny: r = { $r } (95% przedział od { $low } do { $high }), bez dodatkowej wagi
fix-reason-no_importance = brak zmierzonego związku z NPS, bez dodatkowej wagi
fix-reason-thin = tylko { $n ->
    [one] { $n } odpowiedź
    [few] { $n } odpowiedzi
   *[other] { $n } odpowiedzi
} (minimum { $min })
fix-none_ranked = Na razie nie da się nic uszeregować: żaden moment nie ma co najmniej { $min } odpowiedzi. Obniż minimum w Ustawieniach albo poszerz filtr.
fix-q_unclear = Niejasne
fix-too_few = Za mało odpowiedzi (minimum { $min })
fix-heatmap_thin = Komórki z mniej niż { $min } odpowiedziami są wyblakłe (liczba: { $n }).
fix-heatmap_all_thin = Żadna komórka nie ma dość odpowiedzi, by ją porównać.
fix-matrix_empty_too_few = Żaden punkt styku nie ma { $min ->
    [one] { $min } klienta
   *[other] { $min } klientów
} z odpowiedzią zarówno o satysfakcji, jak i NPS.
fix-matrix_empty_no_variation = Odpowiedzi o satysfakcji lub NPS się nie zmieniają, więc nie da się zmierzyć korelacji.
fix-key-interval = 95% przedział ważności
fix-key-median = Mediana (granica ćwiartek)
fix-key-unclear = Niejasne: przedział przecina medianę
fix-interval = od { $low } do { $high }
fix-interval_label = 95% przedział
fix-priority_summary_unclear = Niejasne (przedział przecina medianę ważności): { $names }.
