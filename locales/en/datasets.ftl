# Which loaded customers each view counts, and why the rest are out (issue 19).
datasets-coverage-counts = { $loaded ->
        [one] Counting { $counted } of the { $loaded } customer loaded
       *[other] Counting { $counted } of the { $loaded } customers loaded
    }
datasets-coverage-all = { $counts }.
datasets-coverage-with_reasons = { $counts }: { $reasons }.
datasets-coverage-filtered_out = { $count ->
        [one] { $count } customer is outside the filters
       *[other] { $count } customers are outside the filters
    }
datasets-coverage-never_reached_first = { $count ->
        [one] { $count } customer never reached “{ $stage }”
       *[other] { $count } customers never reached “{ $stage }”
    }
datasets-coverage-no_nps_answer = { $count ->
        [one] { $count } customer gave no NPS answer
       *[other] { $count } customers gave no NPS answer
    }
datasets-coverage-no_rating = { $count ->
        [one] { $count } customer gave no satisfaction or effort rating
       *[other] { $count } customers gave no satisfaction or effort rating
    }
datasets-coverage-end_state = { $count ->
        [one] { $count } customer ended at { $stages }, left out of the funnel
       *[other] { $count } customers ended at { $stages }, left out of the funnel
    }
msg-funnel-read_as_status = { $count ->
        [0] The stage column is read as a status: each customer counts as having passed every stage before their current one.
       *[other] The stage column is read as a status: each customer counts as having passed every stage before their current one. End states left out of the funnel: { $stages }.
    }
datasets-stage_reading = Read the stage column as
datasets-stage_reading_auto = Automatic (a status when it looks like one)
datasets-stage_reading_events = Stages reached (one row per stage)
datasets-stage_reading_furthest = Status: furthest stage reached
datasets-keep_end_states = Keep end states (canceled, returned…) as funnel steps
datasets-coverage-other_journey = { $count ->
        [one] { $count } customer is only in { $journey_count ->
            [one] the { $journeys } journey
           *[other] the journeys { $journeys }
        }
       *[other] { $count } customers are only in { $journey_count ->
            [one] the { $journeys } journey
           *[other] the journeys { $journeys }
        }
    }
