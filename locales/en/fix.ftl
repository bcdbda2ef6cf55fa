# "What to fix first": the card (src/ui/views/fix_first.rs), the heat map's thin cells and
# the priority matrix's intervals (src/charts/experience.rs, src/charts/priority.rs).
fix-title = What to fix first
fix-rule = Ranked by how far satisfaction falls short of 100, times 1 plus the low end of the 95% interval of the touchpoint’s correlation with NPS (when above 0). Items with fewer than { $min } answers are not ranked.
fix-cells = Moments (stage · touchpoint)
fix-touchpoints = Touchpoints
fix-thin_heading = Too few answers to rank
fix-score = priority { $score }
fix-reason-satisfaction = satisfaction { $pct }/100 from { $n ->
    [one] { $n } answer
   *[other] { $n } answers
}
fix-reason-moves_nps = moves NPS: r = { $r } (95% interval { $low } to { $high })
fix-reason-unclear = link with NPS unclear: r = { $r } (95% interval { $low } to { $high }), no extra weight
fix-reason-no_importance = no measured link with NPS, no extra weight
fix-reason-thin = only { $n ->
    [one] { $n } answer
   *[other] { $n } answers
} (minimum { $min })
fix-none_ranked = Nothing can be ranked yet: no moment has at least { $min ->
    [one] { $min } answer
   *[other] { $min } answers
}. Lower the minimum in Settings or widen the filter.
fix-q_unclear = Unclear
fix-too_few = Too few answers (minimum { $min })
fix-heatmap_thin = { $n ->
    [one] { $n } cell has
   *[other] { $n } cells have
} fewer than { $min } answers and { $n ->
    [one] is
   *[other] are
} drawn faded.
fix-heatmap_all_thin = No cell has enough answers to be compared.
fix-matrix_empty_too_few = No touchpoint has { $min ->
    [one] { $min } customer
   *[other] { $min } customers
} with both a satisfaction and an NPS answer.
fix-matrix_empty_no_variation = Satisfaction or NPS answers never vary, so no correlation can be measured.
fix-key-interval = 95% interval of the importance
fix-key-median = Median (quadrant border)
fix-key-unclear = Unclear: the interval crosses the median
fix-interval = { $low } to { $high }
fix-interval_label = 95% interval
fix-priority_summary_unclear = Unclear (the interval crosses the median importance): { $names }.
