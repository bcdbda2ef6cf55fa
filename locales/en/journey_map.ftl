# The journey map view (src/ui/views/journey_map.rs, src/charts/journey_map.rs).
nav-journey_map = Journey map
jmap-title = Journey map
jmap-lane-reach = Customers
jmap-lane-touchpoints = Touchpoints
jmap-lane-channels = Channels
jmap-lane-emotion = Emotion
jmap-lane-pain = Pain points
jmap-lane-exits = Exits
jmap-lane-moments = Moments of truth
jmap-lane-nps_ces = NPS · CES
jmap-of_previous = { $pct } of previous
jmap-of_first = { $pct } of first
jmap-nps_value = NPS { $nps }
jmap-ces_value = CES { $ces }
jmap-no_column = (no column)
jmap-no_nps_question = (no 0–10 question)
jmap-neutral = neutral
jmap-left_here = { $n ->
    [one] { $n } customer got no further than this stage
   *[other] { $n } customers got no further than this stage
}
jmap-pain_rule = The worst cells of this stage with at least { $n } answers
jmap-moments_rule = Touchpoints of this stage whose satisfaction moves NPS most (priority matrix)
jmap-nps_rule = Customers whose latest NPS answer came in this stage
jmap-diff = Differs from { $other } by { $delta }
jmap-caption = Journey map: one row per funnel stage
jmap-caption_persona = Journey map for { $persona }: one row per funnel stage
jmap-summary = Journey map of { $n } stages: { $first } customers at { $first_stage }, { $last } at { $last_stage }.
jmap-summary_low = Lowest satisfaction: { $value } of 100 at { $stage }.
jmap-persona = Persona
jmap-compare = Compare two personas
jmap-compare_with = Compare with
jmap-compare_hint = Figures that differ between the two maps are outlined; hover them for the difference.
jmap-print = Print
jmap-details = Detailed views
jmap-no_data = Load data to see the journey map.
jmap-open_data = Open the Data tab
jmap-loading = Loading the sample…
jmap-no_personas = This data has no persona column.
jmap-scroll_hint = Scroll sideways to see every stage.
jmap-lane_link = Click to open the detailed view of this lane
