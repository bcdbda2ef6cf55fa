# Journey flows (the flow diagram and the transition matrix).
flows-others = Others ({ $n })
flows-no_value = No value recorded
flows-channel = Channel
flows-dropped_off = Dropped off
flows-journey_start = Journey start
flows-continuing = Continue beyond
flows-satisfaction = Satisfaction (0–100)
flows-share_of_step = Share of step
flows-step = Step
flows-step_n = Step { $n }
flows-to = To
flows-moves = Moves
flows-caption = Customers from step to step
flows-summary = Flow of { $customers } customers over { $steps } steps: most start at { $first } ({ $first_n }); the largest flow is { $from } → { $to } ({ $n } customers).
flows-matrix_axes = From (rows) → to (columns), customers
flows-matrix_caption = Moves between values: customers and times
flows-matrix_summary = The most common move is { $from } → { $to }, made by { $n } customers.
