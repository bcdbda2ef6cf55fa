# Fair comparisons: the KPI period, point and percent changes, significance, intervals.
fair-points = { $d } pts
fair-change_vs = { $change } vs { $previous }
fair-no_clear_change = No clear change ({ $change } vs { $previous })
fair-no_comparison = No value in { $previous } to compare with
fair-all_data = All data (no dates)
fair-all_data_value = All data: { $value }
fair-card_summary = { $label }: { $value } ({ $period })
fair-kpi_period = KPI period
fair-kind-month = Month
fair-kind-quarter = Quarter
fair-kind-year = Year
fair-kind-custom = Custom dates
fair-at = Period
fair-latest_complete = Last complete
fair-from = From
fair-to = To
fair-compare = Compare with
fair-compare-previous = Previous period
fair-compare-year_before = Same period a year before
fair-period_help = Each card shows its value in this period and its change against the comparison period. Rates, shares and scores change in points; counts and money in percent. A change the data can't tell from noise (p ≥ 0.05: two-proportion test for rates, margin of error for NPS) is grey and says “no clear change”.
fair-quarter = Quarter
fair-legend-interval = 95% interval (Wilson)
fair-legend-nps_margin = 95% margin of error
fair-legend-different = Differs from the rest (p < 0.05)
fair-legend-not_different = Not clearly different from the rest
fair-segment-test = vs rest: p = { $p }
