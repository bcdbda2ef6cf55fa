# One journey at a time: the selector above every view (issue 19).
journeys-label = Journey
journeys-option = { $name } ({ $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    })
journeys-all = All journeys ({ $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    })
journeys-all_short = All journeys
journeys-help = Each journey has its own stages, so the views show one journey at a time.
journeys-unknown = The data has no journey “{ $name }”.
